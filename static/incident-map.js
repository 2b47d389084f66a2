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
                "shapes", "types", "hidden", "strings", "popup", "inline", "markers",
                "points", "cells", "deaths", "places", "heat", "bounds"],
    "marker": ["lat", "lon", "dx", "dy", "wide", "type", "group", "count", "deaths",
               "place"],
    "points": ["count", "lat", "lon", "type", "size"],
    "cell": ["south", "west", "north", "east", "count", "deaths"],
    "deaths": ["lat", "lon", "radius", "total", "wide", "lines"],
    "place": ["lat", "lon", "text", "wide"],
    "heat": ["lat", "lon", "weight"],
    "words": ["notReported", "incidentsHere", "of", "previous", "next", "provinceWide",
              "placeNotReported", "killed", "earlier", "fit", "legend", "cellHint",
              "deaths", "killedHere", "loading", "gone", "failed", "inFile"],
    "incident": ["place", "precision", "lines", "excerpt", "counts", "earlier"],
    "page": ["total", "deaths", "start", "incidents"],
    "inline": ["strings", "rows", "members"],
    "field": ["key", "label"],
    "class": ["key", "label", "colour", "shape"],
    "type": ["code", "label", "cls"],
    "layer": ["payload", "key", "kind"]
  };
  // contract:end
  var SCHEMA = 3;
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

  // Points arrive as little-endian typed arrays in base64 (components/map/payload/
  // points.py); a point is a group, its number its position.
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
      size: new Uint32Array(bytes(points.size)),
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

  // --- Payloads and the layers waiting for them ---------------------------------
  var payloads = {}, waiting = {}, order = [];

  function payload(data) {
    var missing = contractMismatch(data);
    if (missing) {
      console.error("Incident map: payload does not match the contract", missing);
      return;
    }
    if (data.points) data.points = decodePoints(data.points);
    payloads[data.id] = data;
    order.push(data.id);
    while (order.length > 4) delete payloads[order.shift()];
    (waiting[data.id] || []).forEach(function (run) { run(data); });
    delete waiting[data.id];
  }

  function layer(group, call) {
    var run = function (data) { draw(group, call, data); };
    if (payloads[call.payload]) run(payloads[call.payload]);
    else (waiting[call.payload] = waiting[call.payload] || []).push(run);
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
  // A popup shows one incident at a time of the groups it was opened on, asking
  // for them a page at a time: from the app (data.popup), or from the payload
  // itself in a map file (data.inline). Every value is text, set as text.

  // A column of a map file's incidents: a value per incident, or one for all.
  function rowValue(inline, key, i) {
    var column = inline.rows[key];
    if (column === undefined) return undefined;
    return Array.isArray(column) ? column[i] : column;
  }

  // Incident number `i` of a map file, as the app's pages give one.
  function rowIncident(data, i) {
    var inline = data.inline, s = inline.strings;
    var lines = [];
    data.fields.forEach(function (field) {
      var value = rowValue(inline, field.key, i);
      if (value === undefined || value < 0 || field.key === "excerpt") return;
      lines.push([field.label, s[value]]);
    });
    var excerpt = rowValue(inline, "excerpt", i);
    return {
      place: s[rowValue(inline, "place", i)],
      precision: s[rowValue(inline, "precision", i)],
      lines: lines,
      excerpt: excerpt === undefined || excerpt < 0 ? "" : s[excerpt],
      counts: data.counts.map(function (field) {
        var value = rowValue(inline, field.key, i);
        return value === undefined ? -1 : value;
      }),
      earlier: (rowValue(inline, "earlier", i) || []).map(function (index) { return s[index]; }),
    };
  }

  var INLINE_PAGE = 20;

  // A page of a map file's incidents of `groups`, from `start`, as the app's.
  function inlinePage(data, groups, start) {
    var members = [], deaths = -1;
    groups.forEach(function (g) {
      members = members.concat(data.inline.members[g] || []);
      var marker = data.markers[g];
      if (marker && marker.group === g && marker.deaths >= 0) deaths = Math.max(deaths, 0) + marker.deaths;
    });
    return {
      total: members.length, deaths: deaths, start: start,
      incidents: members.slice(start, start + INLINE_PAGE).map(function (i) { return rowIncident(data, i); }),
    };
  }

  // The address of a page of the app's incidents of `groups`, from `start`.
  function pageAddress(data, groups, start) {
    return data.popup + "&groups=" + groups.join(",") + "&start=" + start;
  }

  // A page of the incidents of `groups` from `start`: a promise of a page
  // (contract "page"); it fails with "gone" when the app no longer serves this
  // map, else "failed".
  function pageOf(data, groups, start) {
    if (data.inline) return Promise.resolve(inlinePage(data, groups, start));
    if (!data.popup || typeof fetch !== "function") return Promise.reject(new Error("failed"));
    return fetch(pageAddress(data, groups, start), {credentials: "same-origin"})
      .then(function (response) {
        if (response.status === 404) throw new Error("gone");
        if (!response.ok) throw new Error("failed");
        return response.json();
      });
  }

  function line(parent, label, value) {
    var row = element("div");
    row.appendChild(element("b", label + ": "));
    row.appendChild(document.createTextNode(String(value)));
    parent.appendChild(row);
  }

  function incidentBox(data, incident) {
    var w = data.words;
    var box = element("div", null, "incident-popup");
    var head = element("div");
    head.appendChild(element("b", incident.place));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(element("small", "(" + incident.precision + ")"));
    box.appendChild(head);
    incident.lines.forEach(function (pair) { line(box, pair[0], pair[1]); });
    if (incident.excerpt) box.appendChild(element("i", "\u201c" + incident.excerpt + "\u201d"));
    data.counts.forEach(function (field, k) {
      var value = incident.counts[k];
      line(box, field.label, value < 0 ? w.notReported : value.toLocaleString("en"));
    });
    incident.earlier.forEach(function (text) { line(box, w.earlier, text); });
    return box;
  }

  // What a popup says above its incident: how many, and the deaths they report.
  function groupSummary(data, total, deaths, count) {
    var w = data.words;
    var text = count.toLocaleString("en") + " " + w.incidentsHere;
    if (deaths >= 0) text += " \u00b7 " + deaths.toLocaleString("en") + " " + w.killedHere;
    if (total < count) text += "; " + w.inFile + " " + total.toLocaleString("en");
    return text;
  }

  // A popup on the incidents of `groups` (`count` of them, as drawn): `show` sets
  // the popup's content, first once the first incident has come (so the popup
  // opens at its size, and the map pans once for it, not again when it fills).
  // Pages come as they are asked for; a page that arrives after the reader
  // moved on is kept, not shown.
  function groupPopup(data, groups, count, show) {
    var known = {}, total = count, deaths = -1, at = 0, asked = 0, problem = null;
    var shown = false;

    function render() {
      if (!shown && !known[at] && !problem) return;
      shown = true;
      var w = data.words, box = element("div");
      box.setAttribute("data-groups", groups.join(","));
      if (count > 1) {
        box.appendChild(element("div", groupSummary(data, total, deaths, count), "incident-summary"));
      }
      if (problem) box.appendChild(element("div", problem === "gone" ? w.gone : w.failed, "incident-problem"));
      else if (known[at]) box.appendChild(incidentBox(data, known[at]));
      else box.appendChild(element("div", w.loading, "incident-loading"));
      if (total > 1) {
        var nav = element("div", null, "incident-pager");
        var previous = element("button", "\u25c0"), next = element("button", "\u25b6");
        previous.setAttribute("aria-label", w.previous);
        next.setAttribute("aria-label", w.next);
        previous.disabled = at === 0;
        next.disabled = at >= total - 1;
        // The content is drawn anew, taking the button out of the page: the map
        // would then take the click for its own and close the popup.
        previous.onclick = function (event) { event.stopPropagation(); go(at - 1); };
        next.onclick = function (event) { event.stopPropagation(); go(at + 1); };
        nav.appendChild(previous);
        nav.appendChild(element("span", " " + (at + 1).toLocaleString("en") + " " + w.of +
          " " + total.toLocaleString("en") + " " + w.incidentsHere + " "));
        nav.appendChild(next);
        box.appendChild(nav);
      }
      show(box);
    }

    function go(index) {
      at = index;
      problem = null;
      render();
      if (known[index]) return;
      var ticket = ++asked;
      pageOf(data, groups, index).then(function (page) {
        total = page.total;
        deaths = page.deaths;
        page.incidents.forEach(function (incident, k) { known[page.start + k] = incident; });
        if (ticket === asked) render();
      }, function (error) {
        if (ticket !== asked) return;
        problem = error && error.message === "gone" ? "gone" : "failed";
        render();
      });
    }

    go(0);
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

  // --- Markers: one per group (target type and point) ------------------------------

  // A marker's accessible name: its place, the target type, how many incidents.
  function markerName(data, m, style) {
    var w = data.words, n = m.count;
    var place = data.strings[m.place];
    return place + (m.wide ? " (" + w.placeNotReported + ")" : "") + " \u00b7 " +
      style.label + (n > 1 ? " \u00b7 " + n.toLocaleString("en") + " " + w.incidentsHere : "");
  }

  // Show `box` in the marker's popup, opening it the first time (the map pans
  // to fit it then, and not again as its pages change).
  function showPopup(marker, box) {
    var popup = marker.getPopup();
    if (!popup) {
      marker.bindPopup(box, {maxWidth: 380});
      marker.openPopup();
      marker.getPopup().options.autoPan = false;
    } else {
      popup.setContent(box);
      if (!marker.isPopupOpen()) marker.openPopup();
    }
  }

  function drawMarkers(group, index, data) {
    var style = typeStyle(data, index);
    data.markers.forEach(function (m) {
      if (m.type !== index) return;
      var n = m.count, size = n > 1 ? 26 : 22;
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
      var open = function () {
        groupPopup(data, [m.group], n, function (box) { showPopup(marker, box); });
      };
      marker.on("click", open);
      marker.on("keypress", function (event) {
        if (event.originalEvent && event.originalEvent.key === "Enter") open();
      });
      marker.on("add", function () {
        var node = marker.getElement();
        if (!node) return;
        node.setAttribute("aria-label", name);
        node.setAttribute("role", "button");
        node.setAttribute("data-group", String(m.group));
      });
      group.addLayer(marker);
    });
  }

  // --- Points on a canvas, for many groups ---------------------------------------------
  var PointLayer = null;  // made on first use: Leaflet is there by then
  var PICKED_AT_MOST = 64;  // groups one click asks about (the nearest)

  function pointLayer(data, type) {
    if (!PointLayer) PointLayer = L.Layer.extend(pointLayerMethods);
    return new PointLayer(data, type);
  }

  // The pixel radius of a point of `size` incidents at `zoom`: larger groups a
  // little larger.
  function pointRadius(size, zoom) {
    var radius = zoom >= 9 ? 4 : 3;
    return size > 1 ? radius + Math.min(5, 1.5 * Math.log(size) / Math.LN10) : radius;
  }

  // The groups of `found` ([group, distance in pixels]) nearest first, at most
  // PICKED_AT_MOST, and how many incidents they hold.
  function nearestGroups(found, sizes) {
    found.sort(function (a, b) { return a[1] - b[1] || a[0] - b[0]; });
    var groups = found.slice(0, PICKED_AT_MOST).map(function (f) { return f[0]; });
    var count = 0;
    groups.forEach(function (g) { count += sizes[g]; });
    return {groups: groups, count: count};
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
      (map._incidentPoints = map._incidentPoints || []).push(this);
      this._redraw();
    },
    onRemove: function (map) {
      map.off("moveend zoomend resize", this._redraw, this);
      map.off("click", this._pick, this);
      var self = this;
      map._incidentPoints = (map._incidentPoints || []).filter(function (l) { return l !== self; });
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
      var p = this._data.points, grid = {}, cellSize = 12, zoom = map.getZoom();
      for (var k = 0; k < this._mine.length; k++) {
        var i = this._mine[k], radius = pointRadius(p.size[i], zoom);
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
    // [group, distance] of this layer's points under the pixel `at`.
    _near: function (at) {
      var map = this._map, p = this._data.points, c = this._cellSize, zoom = map.getZoom();
      var found = [];
      for (var dx = -1; dx <= 1; dx++) {
        for (var dy = -1; dy <= 1; dy++) {
          var key = (Math.floor(at.x / c) + dx) + ":" + (Math.floor(at.y / c) + dy);
          (this._grid[key] || []).forEach(function (i) {
            var pt = map.latLngToContainerPoint([p.lat[i], p.lon[i]]);
            var reach = Math.max(6, pointRadius(p.size[i], zoom));
            var ddx = Math.abs(pt.x - at.x), ddy = Math.abs(pt.y - at.y);
            if (ddx <= reach && ddy <= reach) found.push([i, ddx + ddy]);
          });
        }
      }
      return found;
    },
    // A click: one popup for the groups under it, of every target type drawn.
    _pick: function (event) {
      if (event.incidentPicked) return;
      event.incidentPicked = true;
      var map = this._map, data = this._data, found = [];
      (map._incidentPoints || [this]).forEach(function (layer) {
        if (layer._data === data) found = found.concat(layer._near(event.containerPoint));
      });
      if (!found.length) return;
      var picked = nearestGroups(found, data.points.size);
      var popup = L.popup({maxWidth: 380}).setLatLng(event.latlng);
      groupPopup(data, picked.groups, picked.count, function (box) {
        popup.setContent(box);
        if (!popup.isOpen()) popup.openOn(map);
        popup.options.autoPan = false;  // panned once, when it opened
      });
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
      rowValue: rowValue, rowIncident: rowIncident, inlinePage: inlinePage,
      pageAddress: pageAddress, pageOf: pageOf, groupSummary: groupSummary,
      nearestGroups: nearestGroups, pointRadius: pointRadius,
      typeStyle: typeStyle, markerName: markerName,
      countText: countText, heatPoints: heatPoints,
    };
    return;
  }
  window.IncidentMap = {payload: payload, layer: layer, detail: detail, contract: CONTRACT};
})();
