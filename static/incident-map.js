/*
 * Incident map: draws the incident layers from compact data built by
 * components/mapview.py. Every piece of text goes into the page through
 * textContent, never as HTML, so report text shows as the characters it is.
 */
(function () {
  "use strict";

  var COUNT_LABELS = [
    "Civilians killed",
    "Security forces killed",
    "Attackers killed",
    "Killed, group not reported",
    "Injured",
  ];
  var PAGE_SIZE = 1;

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function line(parent, label, value) {
    var row = element("div");
    if (label) row.appendChild(element("b", label + ": "));
    row.appendChild(document.createTextNode(String(value)));
    parent.appendChild(row);
    return row;
  }

  function count(value) {
    return value < 0 ? "not reported" : value.toLocaleString("en");
  }

  // Row i of the columns: place, reported_as, precision, target, attacks, date,
  // notes, source and excerpt are indexes into data.strings (-1: none); counts[k][i]
  // is a number, -1 for not reported; earlier[i] (if present) lists string indexes.
  // A column whose rows all hold the same value comes as that one value.
  function columnsAt(columns, i) {
    var row = {};
    Object.keys(columns).forEach(function (name) {
      var column = columns[name];
      row[name] = name === "counts"
        ? column.map(function (k) { return Array.isArray(k) ? k[i] : k; })
        : Array.isArray(column) ? column[i] : column;
    });
    return row;
  }

  function incident(data, i) {
    var s = data.strings, r = columnsAt(data.columns, i);
    var box = element("div", null, "incident-popup");
    var head = element("div");
    head.appendChild(element("b", s[r.place]));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(element("small", "(" + s[r.precision] + ")"));
    box.appendChild(head);
    line(box, "Target", s[r.target]);
    line(box, "Attack", s[r.attacks]);
    for (var k = 0; k < COUNT_LABELS.length; k++) line(box, COUNT_LABELS[k], count(r.counts[k]));
    line(box, "Date", s[r.date]);
    if (r.reported_as >= 0) line(box, "Reported as", s[r.reported_as]);
    if (r.notes >= 0) line(box, "Notes", s[r.notes]);
    line(box, "Source", s[r.source]);
    if (r.excerpt >= 0) box.appendChild(element("i", "\u201c" + s[r.excerpt] + "\u201d"));
    (r.earlier || []).forEach(function (earlier) {
      line(box, "Earlier report", s[earlier]);
    });
    return box;
  }

  function pagedPopup(marker, data, group, page) {
    var rows = group[5];
    var box = element("div");
    box.appendChild(incident(data, rows[page]));
    if (rows.length > PAGE_SIZE) {
      var nav = element("div", null, "incident-pager");
      var previous = element("button", "\u25c0");
      var next = element("button", "\u25b6");
      previous.disabled = page === 0;
      next.disabled = page === rows.length - 1;
      previous.onclick = function () {
        marker.setPopupContent(pagedPopup(marker, data, group, page - 1));
      };
      next.onclick = function () {
        marker.setPopupContent(pagedPopup(marker, data, group, page + 1));
      };
      nav.appendChild(previous);
      nav.appendChild(element("span", " " + (page + 1).toLocaleString("en") + " of " +
        rows.length.toLocaleString("en") + " incidents here "));
      nav.appendChild(next);
      box.appendChild(nav);
    }
    return box;
  }

  function dotIcon(style, size, wide, n) {
    var dot = element("div", null, "incident-dot");
    dot.style.cssText = "width:" + size + "px;height:" + size + "px;border-radius:50%;" +
      "box-sizing:border-box;box-shadow:0 0 2px rgba(0,0,0,0.7);" +
      (wide ? "background:rgba(255,255,255,0.85);border:2px dashed " + style.colour
            : "background:" + style.colour + ";border:2px solid #fff");
    if (n > 1) dot.appendChild(element("span", n > 999 ? Math.round(n / 1000) + "k" : n,
                                       "incident-count"));
    return dot;
  }

  var shared = {strings: [], columns: {}};

  // The rows and strings that every layer's groups refer to. New data come with
  // new layers, which register themselves again.
  function setData(data) {
    shared = data;
    registered = [];
  }

  // A group: [lat, lon, dx, dy, wide, rows[]]: the incidents of one target type at
  // one point, drawn as one marker (dx, dy fan out markers that share the point).
  function addIncidents(layer, typeData) {
    var data = shared, style = typeData.style;
    typeData.groups.forEach(function (group) {
      var n = group[5].length;
      var size = n > 1 ? 18 : 14;
      var icon = L.divIcon({
        html: dotIcon(style, size, group[4], n).outerHTML,
        iconSize: [size, size],
        iconAnchor: [size / 2 - group[2], size / 2 - group[3]],
        className: "incident-marker",
      });
      var marker = L.marker([group[0], group[1]], {icon: icon});
      var tip = data.strings[columnsAt({place: data.columns.place}, group[5][0]).place] + (group[4] ? " (province-wide; exact place not reported)" : "") +
        " \u00b7 " + style.label + (n > 1 ? " \u00b7 " + n.toLocaleString("en") + " incidents" : "");
      marker.bindTooltip(element("span", tip));
      marker.bindPopup(function () { return pagedPopup(marker, data, group, 0); },
                       {maxWidth: 360});
      layer.addLayer(marker);
    });
  }

  // A circle: [lat, lon, radius, wide, lines]: deaths at one point, area ∝ deaths.
  function addDeaths(layer, circles, colour) {
    circles.forEach(function (c) {
      var circle = L.circleMarker([c[0], c[1]], {
        radius: c[2],
        color: colour, weight: 2, dashArray: c[3] ? "6 4" : null,
        fill: true, fillColor: colour, fillOpacity: 0.18,
      });
      var box = element("div", null, "incident-popup");
      c[4].forEach(function (text, i) { box.appendChild(element(i ? "div" : "b", text)); });
      circle.bindTooltip(box.cloneNode(true));
      circle.bindPopup(box);
      layer.addLayer(circle);
    });
  }

  // A label: [lat, lon, text, anchor x, anchor y, centred].
  function addLabels(layer, labels) {
    labels.forEach(function (l) {
      var label = element("div", l[2], "place-label");
      if (l[5]) label.style.transform = "translateX(-50%)";
      layer.addLayer(L.marker([l[0], l[1]], {
        interactive: false,
        keyboard: false,
        icon: L.divIcon({
          html: label.outerHTML, iconSize: [0, 0],
          iconAnchor: [l[3], l[4]], className: "place-label-icon",
        }),
      }));
    });
  }

  // Starts hidden: a layer added while the map is being built (streamlit-folium adds
  // every data layer) takes itself off again; the layer control shows it unticked.
  function startHidden(layer) {
    var building = true;
    setTimeout(function () { building = false; }, 0);
    layer.once("add", function () {
      if (building) setTimeout(function () { layer.remove(); }, 0);
    });
  }

  // Points: [lat, lon, incidents].
  function addHeat(layer, points) {
    if (!L.heatLayer || !points.length) return;
    var most = Math.max.apply(null, points.map(function (p) { return p[2]; }));
    layer.addLayer(L.heatLayer(points.map(function (p) {
      return [p[0], p[1], p[2] / most];
    }), {radius: 28, blur: 20, minOpacity: 0.35}));
  }

  // --- The view in the page's address, so a copied link reopens it --------------
  // ``map=zoom/lat/lon`` and ``layers=key,key`` (only when not the default) are
  // written into the Streamlit page's URL, which the app reads when a page opens.
  // Layers ticked or unticked here stay so when new data replace the layers.
  var registered = [], visible = {}, watched = null, defaultLayers = "";
  var written = null, pending = null;

  function register(layer, key, hidden, isDefault) {
    registered.push({layer: layer, key: key, isDefault: isDefault});
    defaultLayers = registered.filter(function (r) { return r.isDefault; })
      .map(function (r) { return r.key; }).join(",");
    if (key in visible ? !visible[key] : hidden) startHidden(layer);
    layer.once("add", function () { watch(layer._map); });
  }

  function watch(map) {
    if (!map || watched === map) return;
    watched = map;
    map.on("moveend overlayadd overlayremove", function () {
      clearTimeout(pending);
      pending = setTimeout(function () { writeView(map); }, 250);
    });
    // A tick in the layer control counts at once, even if new data come next.
    map.getContainer().addEventListener("change", function (event) {
      if (!event.target.closest(".leaflet-control-layers-overlays")) return;
      setTimeout(function () { remember(map); }, 0);
    });
    // The app rewrites its URL when a filter changes: put the view back.
    setInterval(function () { if (written !== null) writeView(map, true); }, 1000);
  }

  function remember(map) {
    var active = [];
    registered.forEach(function (r) {
      visible[r.key] = map.hasLayer(r.layer);
      if (visible[r.key]) active.push(r.key);
    });
    return active;
  }

  function writeView(map, onlyIfLost) {
    var page, params;
    try {
      page = window.parent.location;  // the app's page, around this frame
      params = new URLSearchParams(page.search);
    } catch (error) {
      return;  // another origin: the address is not ours to write
    }
    if (!onlyIfLost) {
      var centre = map.getCenter(), active = remember(map);
      written = {
        map: [map.getZoom(), centre.lat.toFixed(4), centre.lng.toFixed(4)].join("/"),
        layers: active.join(",") === defaultLayers ? null : active.join(","),
      };
    }
    if (params.get("map") === written.map && params.get("layers") === written.layers) {
      return;
    }
    params.set("map", written.map);
    if (written.layers === null) params.delete("layers");
    else params.set("layers", written.layers);
    var url = page.pathname + "?" + params.toString() + page.hash;
    window.parent.history.replaceState(window.parent.history.state, "", url);
  }

  window.IncidentMap = {
    register: register,
    setData: setData,
    addIncidents: addIncidents,
    addDeaths: addDeaths,
    addLabels: addLabels,
    addHeat: addHeat,
  };
})();
