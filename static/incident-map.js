/*
 * Incident map: draws the payload built by components/map/payload.py (schema in
 * components/map/contract.py) into the folium/Leaflet map.
 *
 * Every piece of text goes into the page through textContent, never as HTML, so
 * report text shows as the characters it is. State is kept per payload: a layer
 * names the payload it draws, and whichever of the two arrives first waits for
 * the other. The script keeps no page address: the app keeps the view in the URL.
 *
 * Reading a payload (the contract's check, the typed arrays, what each layer call
 * draws) touches neither the page nor Leaflet, so Node can load this file and test
 * it (tests/js/): there it exports those parts as a module instead of setting
 * window.IncidentMap.
 */
(function () {
  "use strict";

  // contract:begin
  var CONTRACT = {
    "payload": ["schema", "id", "mode", "note", "words", "fields", "counts", "classes",
                "shapes", "types", "hidden", "strings", "rows", "markers", "points", "cells",
                "deaths", "places", "heat", "bounds"],
    "marker": ["lat", "lon", "dx", "dy", "wide", "type", "rows"],
    "points": ["count", "lat", "lon", "type", "row"],
    "cell": ["south", "west", "north", "east", "count", "deaths"],
    "deaths": ["lat", "lon", "radius", "total", "wide", "lines"],
    "place": ["lat", "lon", "text", "wide"],
    "heat": ["lat", "lon", "weight"],
    "words": ["notReported", "incidentsHere", "of", "previous", "next", "provinceWide",
              "placeNotReported", "killed", "earlier", "fit", "legend", "cellHint",
              "deaths"],
    "field": ["key", "label"],
    "class": ["key", "label", "colour", "shape"],
    "type": ["code", "label", "cls"],
    "layer": ["payload", "key", "kind"],
    "focus": ["payload", "row", "lat", "lon", "zoom", "nonce"]
  };
  // contract:end
  var SCHEMA = 2;
  var SVG = "http://www.w3.org/2000/svg";

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function missingKeys(object, name) {
    return CONTRACT[name].filter(function (key) { return !(key in object); });
  }

  // --- Reading a payload: the contract, the typed arrays, what to draw -----------

  // The payload's keys the contract names and it lacks, or null when it is of this
  // schema and has them all (an empty list: every key, another schema).
  function contractMismatch(data) {
    var missing = missingKeys(data, "payload");
    return data.schema !== SCHEMA || missing.length ? missing : null;
  }

  // Points arrive as little-endian typed arrays in base64 (components/map/payload.py).
  function decodePoints(points) {
    function bytes(text) {
      var raw = atob(text), out = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
      return out.buffer;
    }
    return {
      count: points.count,
      lat: new Float32Array(bytes(points.lat)),
      lon: new Float32Array(bytes(points.lon)),
      type: new Uint8Array(bytes(points.type)),
      row: new Uint32Array(bytes(points.row)),
    };
  }

  function typeIndex(data, code) {
    var index = -1;
    data.types.forEach(function (type, i) { if (type.code === code) index = i; });
    return index;
  }

  // What one layer call draws from a payload: {draw, type, hidden}. draw is
  // "markers" or "points" (of target type number `type`), "deaths", "names",
  // "heat" or "cells", or null for nothing; hidden: the layer starts unticked.
  function plan(call, data) {
    var what = {draw: null, type: -1, hidden: data.hidden.indexOf(call.key) >= 0};
    if (call.kind === "type") {
      what.type = typeIndex(data, call.key);
      if (what.type >= 0 && (data.mode === "markers" || data.mode === "points")) {
        what.draw = data.mode;
      }
    } else if (call.kind === "deaths" || call.kind === "names") {
      what.draw = call.kind;
    } else if (call.kind === "heat") {
      if (data.heat.length) what.draw = "heat";
    } else if (call.kind === "cells") {
      if (data.mode === "cells") what.draw = "cells";
    }
    return what;
  }

  // The incidents of target type number `type` among the decoded points.
  function pointsOfType(points, type) {
    var mine = [];
    for (var i = 0; i < points.count; i++) if (points.type[i] === type) mine.push(i);
    return mine;
  }

  // The marker (its index among the payload's markers) whose popup holds row
  // `row`, and the page of the popup that shows it; null if no marker holds it.
  function markerOfRow(markers, row) {
    for (var i = 0; i < markers.length; i++) {
      var page = markers[i].rows.indexOf(row);
      if (page >= 0) return {index: i, page: page};
    }
    return null;
  }

  // What a focus call asks of the map now: fly (once per click, named by its
  // nonce) and open the popup (once, when the payload holds the row).
  function focusSteps(call, state) {
    return {fly: !state.flown, open: !state.opened && call.row >= 0};
  }

  // --- Payloads and the layers waiting for them ---------------------------------
  var payloads = {}, waiting = {}, order = [], drawnMarkers = {};

  function payload(data) {
    var missing = contractMismatch(data);
    if (missing) {
      console.error("Incident map: payload does not match the contract", missing);
      return;
    }
    if (data.points) data.points = decodePoints(data.points);
    payloads[data.id] = data;
    order.push(data.id);
    while (order.length > 4) {
      var old = order.shift();
      delete payloads[old];
      delete drawnMarkers[old];
    }
    (waiting[data.id] || []).forEach(function (run) { run(data); });
    delete waiting[data.id];
  }

  function whenPayload(id, run) {
    if (payloads[id]) run(payloads[id]);
    else (waiting[id] = waiting[id] || []).push(run);
  }

  function layer(group, call) {
    whenPayload(call.payload, function (data) { draw(group, call, data); });
  }

  function draw(group, call, data) {
    var what = plan(call, data);
    if (what.hidden) startHidden(group);
    group.once("add", function () { decorate(group._map, data); });
    if (what.draw === "markers") drawMarkers(group, what.type, data);
    else if (what.draw === "points") group.addLayer(pointLayer(data, what.type));
    else if (what.draw === "deaths") drawDeaths(group, data);
    else if (what.draw === "names") drawPlaces(group, data);
    else if (what.draw === "heat") drawHeat(group, data);
    else if (what.draw === "cells") drawCells(group, data);
  }

  // Starts hidden: a layer added while the map is being built (streamlit-folium adds
  // every data layer) takes itself off again; the layer control shows it unticked.
  function startHidden(group) {
    var building = true;
    setTimeout(function () { building = false; }, 0);
    group.once("add", function () {
      if (building) setTimeout(function () { group.remove(); }, 0);
    });
  }

  // --- Incidents' popups --------------------------------------------------------
  function rowValue(data, key, i) {
    var column = data.rows[key];
    if (column === undefined) return undefined;
    return Array.isArray(column) ? column[i] : column;
  }

  function line(parent, label, value) {
    var row = element("div");
    row.appendChild(element("b", label + ": "));
    row.appendChild(document.createTextNode(String(value)));
    parent.appendChild(row);
  }

  function incident(data, i) {
    var s = data.strings, w = data.words;
    var box = element("div", null, "incident-popup");
    var head = element("div");
    head.appendChild(element("b", s[rowValue(data, "place", i)]));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(element("small", "(" + s[rowValue(data, "precision", i)] + ")"));
    box.appendChild(head);
    data.fields.forEach(function (field) {
      var value = rowValue(data, field.key, i);
      if (value === undefined || value < 0) return;
      if (field.key === "excerpt") box.appendChild(element("i", "\u201c" + s[value] + "\u201d"));
      else line(box, field.label, s[value]);
    });
    data.counts.forEach(function (field) {
      var value = rowValue(data, field.key, i);
      line(box, field.label, value < 0 ? w.notReported : value.toLocaleString("en"));
    });
    (rowValue(data, "earlier", i) || []).forEach(function (index) {
      line(box, w.earlier, s[index]);
    });
    return box;
  }

  function pagedPopup(data, rows, page, update) {
    var box = element("div");
    box.appendChild(incident(data, rows[page]));
    if (rows.length > 1) {
      var w = data.words, nav = element("div", null, "incident-pager");
      var previous = element("button", "\u25c0"), next = element("button", "\u25b6");
      previous.setAttribute("aria-label", w.previous);
      next.setAttribute("aria-label", w.next);
      previous.disabled = page === 0;
      next.disabled = page === rows.length - 1;
      previous.onclick = function () { update(pagedPopup(data, rows, page - 1, update)); };
      next.onclick = function () { update(pagedPopup(data, rows, page + 1, update)); };
      nav.appendChild(previous);
      nav.appendChild(element("span", " " + (page + 1).toLocaleString("en") + " " + w.of +
        " " + rows.length.toLocaleString("en") + " " + w.incidentsHere + " "));
      nav.appendChild(next);
      box.appendChild(nav);
    }
    return box;
  }

  // --- Focus: a row of the incident list clicked ------------------------------------
  var focused = {};

  function focus(group, call) {
    var missing = missingKeys(call, "focus");
    if (missing.length) {
      console.error("Incident map: focus call does not match the contract", missing);
      return;
    }
    whenPayload(call.payload, function (data) {
      var run = function () {
        // After streamlit-folium has added every layer and set its own view.
        setTimeout(function () { if (group._map) showFocus(group._map, call, data); }, 0);
      };
      if (group._map) run();
      else group.once("add", run);
    });
  }

  function showFocus(map, call, data) {
    var state = focused[call.nonce] = focused[call.nonce] || {flown: false, opened: false};
    var steps = focusSteps(call, state);
    if (steps.fly) {
      state.flown = true;
      map.setView([call.lat, call.lon], Math.max(map.getZoom(), call.zoom));
    }
    if (!steps.open) return;
    state.opened = true;
    var shown = (drawnMarkers[data.id] || []).filter(function (m) { return map.hasLayer(m.marker); });
    var found = markerOfRow(shown, call.row);
    if (found) {
      var marker = shown[found.index].marker, rows = shown[found.index].rows;
      var update = function (box) { marker.setPopupContent(box); };
      marker.openPopup();
      marker.setPopupContent(pagedPopup(data, rows, found.page, update));
      return;
    }
    // Drawn as a point, or its layer is not shown: a popup of its own, at its place.
    var popup = L.popup({maxWidth: 380}).setLatLng([call.lat, call.lon]);
    popup.setContent(pagedPopup(data, [call.row], 0, function (box) { popup.setContent(box); }));
    popup.openOn(map);
  }

  // --- Symbols: a shape and a colour per target class -----------------------------
  function symbol(data, style, size, wide, count) {
    var box = element("div", null, "incident-symbol");
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", size);
    svg.setAttribute("height", size);
    svg.setAttribute("aria-hidden", "true");
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", data.shapes[style.shape] || data.shapes.circle);
    path.setAttribute("fill-rule", "evenodd");
    if (wide) {
      path.setAttribute("fill", "#ffffff");
      path.setAttribute("fill-opacity", "0.9");
      path.setAttribute("stroke", style.colour);
      path.setAttribute("stroke-width", "2.6");
      path.setAttribute("stroke-dasharray", "3 2");
    } else {
      path.setAttribute("fill", style.colour);
      path.setAttribute("stroke", "#ffffff");
      path.setAttribute("stroke-width", "1.6");
    }
    svg.appendChild(path);
    box.appendChild(svg);
    if (count > 1) box.appendChild(element("span", countText(count), "incident-count"));
    return box;
  }

  // The number on a marker that stands for `count` incidents.
  function countText(count) {
    return count > 999 ? Math.round(count / 1000) + "k" : count;
  }

  function typeStyle(data, index) {
    var type = data.types[index], cls = data.classes[type.cls];
    return {label: type.label, colour: cls.colour, shape: cls.shape, code: type.code};
  }

  // --- Markers: one per target type and point ---------------------------------------

  // A marker's accessible name: its place, the target type, how many incidents.
  function markerName(data, m, style) {
    var w = data.words, n = m.rows.length;
    var place = data.strings[rowValue(data, "place", m.rows[0])];
    return place + (m.wide ? " (" + w.placeNotReported + ")" : "") + " \u00b7 " +
      style.label + (n > 1 ? " \u00b7 " + n.toLocaleString("en") + " " + w.incidentsHere : "");
  }

  function drawMarkers(group, index, data) {
    var style = typeStyle(data, index);
    data.markers.forEach(function (m) {
      if (m.type !== index) return;
      var n = m.rows.length, size = n > 1 ? 26 : 22;
      var name = markerName(data, m, style);
      var marker = L.marker([m.lat, m.lon], {
        icon: L.divIcon({
          html: symbol(data, style, size, m.wide, n),
          iconSize: [size, size],
          iconAnchor: [size / 2 - m.dx, size / 2 - m.dy],
          className: "incident-marker",
        }),
        title: name,
        alt: name,
        keyboard: true,
      });
      marker.bindTooltip(element("span", name));
      marker.bindPopup(function () {
        return pagedPopup(data, m.rows, 0, function (box) { marker.setPopupContent(box); });
      }, {maxWidth: 380});
      (drawnMarkers[data.id] = drawnMarkers[data.id] || []).push({marker: marker, rows: m.rows});
      marker.on("add", function () {
        var node = marker.getElement();
        if (node) { node.setAttribute("aria-label", name); node.setAttribute("role", "button"); }
      });
      group.addLayer(marker);
    });
  }

  // --- Points on a canvas, for many incidents ---------------------------------------
  var PointLayer = null;  // made on first use: Leaflet is there by then

  function pointLayer(data, type) {
    if (!PointLayer) PointLayer = L.Layer.extend(pointLayerMethods);
    return new PointLayer(data, type);
  }

  var pointLayerMethods = {
    initialize: function (data, type) {
      this._data = data;
      this._type = type;
      this._style = typeStyle(data, type);
      this._mine = pointsOfType(data.points, type);
    },
    onAdd: function (map) {
      this._map = map;
      this._canvas = L.DomUtil.create("canvas", "incident-points leaflet-zoom-hide");
      this._canvas.setAttribute("aria-hidden", "true");
      map.getPanes().overlayPane.appendChild(this._canvas);
      map.on("moveend zoomend resize", this._redraw, this);
      map.on("click", this._pick, this);
      this._redraw();
    },
    onRemove: function (map) {
      map.off("moveend zoomend resize", this._redraw, this);
      map.off("click", this._pick, this);
      L.DomUtil.remove(this._canvas);
    },
    _redraw: function () {
      var map = this._map, size = map.getSize(), canvas = this._canvas;
      var ratio = window.devicePixelRatio || 1;
      canvas.width = size.x * ratio;
      canvas.height = size.y * ratio;
      canvas.style.width = size.x + "px";
      canvas.style.height = size.y + "px";
      L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
      var context = canvas.getContext("2d");
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.fillStyle = this._style.colour;
      context.strokeStyle = "#ffffff";
      context.lineWidth = 0.8;
      var p = this._data.points, grid = {}, cellSize = 12, radius = map.getZoom() >= 9 ? 4 : 3;
      for (var k = 0; k < this._mine.length; k++) {
        var i = this._mine[k];
        var pt = map.latLngToContainerPoint([p.lat[i], p.lon[i]]);
        if (pt.x < -radius || pt.y < -radius || pt.x > size.x + radius || pt.y > size.y + radius) continue;
        context.beginPath();
        context.arc(pt.x, pt.y, radius, 0, 6.2832);
        context.fill();
        if (radius > 3) context.stroke();
        var key = Math.floor(pt.x / cellSize) + ":" + Math.floor(pt.y / cellSize);
        (grid[key] = grid[key] || []).push(i);
      }
      this._grid = grid;
      this._cellSize = cellSize;
      canvas.setAttribute("data-drawn", String(this._mine.length));
    },
    _pick: function (event) {
      var map = this._map, at = event.containerPoint, p = this._data.points;
      var found = [], c = this._cellSize;
      for (var dx = -1; dx <= 1; dx++) {
        for (var dy = -1; dy <= 1; dy++) {
          var key = (Math.floor(at.x / c) + dx) + ":" + (Math.floor(at.y / c) + dy);
          (this._grid[key] || []).forEach(function (i) {
            var pt = map.latLngToContainerPoint([p.lat[i], p.lon[i]]);
            if (Math.abs(pt.x - at.x) <= 6 && Math.abs(pt.y - at.y) <= 6) found.push(p.row[i]);
          });
        }
      }
      if (!found.length) return;
      var data = this._data, popup = L.popup({maxWidth: 380}).setLatLng(event.latlng);
      popup.setContent(pagedPopup(data, found, 0, function (box) { popup.setContent(box); }));
      popup.openOn(map);
    },
  };

  // --- Counts per cell, for more than the points budget ---------------------------------
  function drawCells(group, data) {
    var most = 1;
    data.cells.forEach(function (c) { if (c.count > most) most = c.count; });
    data.cells.forEach(function (c) {
      var share = Math.sqrt(c.count / most);
      var bounds = [[c.south, c.west], [c.north, c.east]];
      var rect = L.rectangle(bounds, {
        color: "#3b3b3b", weight: 0.6, fillColor: "#0072B2",
        fillOpacity: 0.15 + 0.6 * share,
      });
      var label = c.count.toLocaleString("en") + " " + data.words.cellHint;
      rect.bindTooltip(element("span", label));
      rect.on("click", function () { rect._map.fitBounds(bounds); });
      group.addLayer(rect);
    });
    // The cells are painted on the map's canvas, so they leave no element to count:
    // the map says how many it shows (the benchmark and tests read it).
    group.on("add", function () {
      group._map.getContainer().setAttribute("data-cells", String(data.cells.length));
    });
    group.on("remove", function () {
      if (group._map) group._map.getContainer().removeAttribute("data-cells");
    });
  }

  // --- Deaths, place names, heat ------------------------------------------------------
  function drawDeaths(group, data) {
    data.deaths.forEach(function (d) {
      var circle = L.circleMarker([d.lat, d.lon], {
        radius: d.radius, color: "#B2182B", weight: 2.5, dashArray: d.wide ? "6 4" : null,
        fill: true, fillColor: "#B2182B", fillOpacity: 0.12,
      });
      var box = element("div", null, "incident-popup");
      d.lines.forEach(function (text, i) { box.appendChild(element(i ? "div" : "b", text)); });
      circle.bindTooltip(box.cloneNode(true));
      circle.bindPopup(box);
      group.addLayer(circle);
      var number = element("div", d.total.toLocaleString("en"), "deaths-number");
      group.addLayer(L.marker([d.lat, d.lon], {
        interactive: false, keyboard: false,
        icon: L.divIcon({html: number, iconSize: [0, 0], className: "deaths-number-icon"}),
      }));
    });
  }

  function drawPlaces(group, data) {
    data.places.forEach(function (p) {
      var label = element("div", p.text, "place-label" + (p.wide ? " place-label-wide" : ""));
      group.addLayer(L.marker([p.lat, p.lon], {
        interactive: false, keyboard: false,
        icon: L.divIcon({
          html: label, iconSize: [0, 0],
          iconAnchor: p.wide ? [0, -46] : [-14, 9], className: "place-label-icon",
        }),
      }));
    });
  }

  function drawHeat(group, data) {
    if (!L.heatLayer) return;
    group.addLayer(L.heatLayer(heatPoints(data.heat), {radius: 28, blur: 20, minOpacity: 0.35}));
  }

  // [lat, lon, intensity] for Leaflet.heat: each weight over the largest (at least 1).
  function heatPoints(heat) {
    var most = 1;
    heat.forEach(function (h) { if (h.weight > most) most = h.weight; });
    return heat.map(function (h) { return [h.lat, h.lon, h.weight / most]; });
  }

  // --- Controls on the map: fit, legend, note; layer control on small screens --------
  var decorated = typeof WeakMap === "function" ? new WeakMap() : null;

  function decorate(map, data) {
    if (!map || !decorated) return;
    var state = decorated.get(map);
    if (!state) {
      state = {fit: fitControl(map), legend: legendControl(map), note: noteControl(map)};
      decorated.set(map, state);
      collapseOnSmallScreens(map);
    }
    state.data = data;
    state.fit.bounds = data.bounds;
    state.legend.fill(data);
    state.note.say(data.note);
  }

  function fitControl(map) {
    var control = L.control({position: "topleft"});
    control.onAdd = function () {
      var bar = L.DomUtil.create("div", "leaflet-bar incident-fit");
      var button = L.DomUtil.create("a", "", bar);
      button.href = "#";
      button.textContent = "\u2922";
      button.setAttribute("role", "button");
      L.DomEvent.disableClickPropagation(bar);
      L.DomEvent.on(button, "click", function (event) {
        L.DomEvent.preventDefault(event);
        if (control.bounds) map.fitBounds(control.bounds, {padding: [30, 30], maxZoom: 11});
      });
      control.button = button;
      return bar;
    };
    control.addTo(map);
    return control;
  }

  function legendControl(map) {
    var control = L.control({position: "bottomright"});
    control.onAdd = function () {
      var box = L.DomUtil.create("details", "incident-legend");
      box.open = map.getSize().x >= 900;
      L.DomEvent.disableClickPropagation(box);
      control.box = box;
      return box;
    };
    control.fill = function (data) {
      var box = control.box;
      box.replaceChildren();
      box.appendChild(element("summary", data.words.legend));
      var present = {};
      data.types.forEach(function (t) { present[t.cls] = true; });
      data.classes.forEach(function (cls, i) {
        if (!present[i]) return;
        var row = element("div", null, "legend-row");
        row.appendChild(symbol(data, cls, 16, false, 1));
        row.appendChild(element("span", cls.label));
        box.appendChild(row);
      });
      var wide = element("div", null, "legend-row");
      wide.appendChild(symbol(data, {colour: "#555555", shape: "circle"}, 16, true, 1));
      wide.appendChild(element("span", data.words.placeNotReported));
      box.appendChild(wide);
      var deaths = element("div", null, "legend-row");
      var ring = element("span", null, "legend-deaths");
      deaths.appendChild(ring);
      deaths.appendChild(element("span", data.words.deaths));
      box.appendChild(deaths);
      var fit = map.getContainer().querySelector(".incident-fit a");
      if (fit) { fit.title = data.words.fit; fit.setAttribute("aria-label", data.words.fit); }
    };
    control.addTo(map);
    return control;
  }

  function noteControl(map) {
    var control = L.control({position: "bottomleft"});
    control.onAdd = function () {
      control.box = L.DomUtil.create("div", "incident-note");
      return control.box;
    };
    control.say = function (text) {
      control.box.textContent = text || "";
      control.box.style.display = text ? "" : "none";
    };
    control.addTo(map);
    return control;
  }

  function collapseOnSmallScreens(map) {
    if (map.getSize().x >= 700) return;
    setTimeout(function () {
      var control = map.getContainer().querySelector(".leaflet-control-layers");
      if (control) control.classList.remove("leaflet-control-layers-expanded");
    }, 0);
  }

  // --- Detail basemap: province lines and names, towns named by zoom -----------------
  function detail(group, options) {
    fetch(options.url)
      .then(function (response) {
        if (!response.ok) throw new Error(response.statusText);
        return response.json();
      })
      .then(function (data) {
        var lines = data.features.filter(function (f) { return options.styles[f.properties.layer]; });
        group.addLayer(L.geoJSON({type: "FeatureCollection", features: lines}, {
          pane: "tilePane", renderer: L.svg({pane: "tilePane"}), interactive: false,
          style: function (f) { return options.styles[f.properties.layer]; },
        }));
        var labels = [];
        data.features.forEach(function (f) {
          var kind = f.properties.layer;
          if (kind !== "town" && kind !== "province_label") return;
          var c = f.geometry.coordinates;
          var text = element("span", f.properties.name, kind === "town" ? "town-label" : "province-label");
          var icon = L.divIcon({html: text, iconSize: null, className: "basemap-label-icon",
                                iconAnchor: kind === "town" ? [2, 8] : [0, 0]});
          labels.push({minzoom: f.properties.minzoom || 0, layer: L.marker([c[1], c[0]], {
            pane: "tilePane", interactive: false, keyboard: false, icon: icon, zIndexOffset: 1000,
          })});
        });
        var update = function () {
          var map = group._map;
          if (!map) return;
          var zoom = map.getZoom();
          labels.forEach(function (label) {
            // One level later than the file suggests: incident labels come first.
            if (zoom >= label.minzoom + 1) group.addLayer(label.layer);
            else group.removeLayer(label.layer);
          });
        };
        group.on("add", function () { group._map.on("zoomend", update); update(); });
        if (group._map) { group._map.on("zoomend", update); update(); }
      })
      .catch(function (error) { console.warn("Detail basemap not loaded:", error); });
  }

  if (typeof module === "object" && module && module.exports) {
    module.exports = {
      CONTRACT: CONTRACT, SCHEMA: SCHEMA, contractMismatch: contractMismatch,
      decodePoints: decodePoints, plan: plan, pointsOfType: pointsOfType,
      rowValue: rowValue, typeStyle: typeStyle, markerName: markerName,
      countText: countText, heatPoints: heatPoints, markerOfRow: markerOfRow,
      focusSteps: focusSteps,
    };
    return;
  }
  window.IncidentMap = {
    payload: payload, layer: layer, focus: focus, detail: detail, contract: CONTRACT,
  };
})();
