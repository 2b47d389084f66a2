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
    "deaths": ["lat", "lon", "radius", "total", "wide", "lines", "sides", "place"],
    "place": ["lat", "lon", "text", "wide"],
    "heat": ["lat", "lon", "weight"],
    "words": ["notReported", "incidentsHere", "of", "previous", "next", "provinceWide",
              "placeNotReported", "killed", "earlier", "fit", "legend", "cellHint",
              "deaths", "killedHere", "loading", "gone", "failed", "inFile",
              "wholeProvince", "items"],
    "incident": ["place", "precision", "lines", "excerpt", "counts", "earlier"],
    "page": ["total", "deaths", "start", "incidents"],
    "inline": ["strings", "rows", "members"],
    "field": ["key", "label"],
    "class": ["key", "label", "colour", "shape"],
    "type": ["code", "label", "cls"],
    "layer": ["payload", "key", "kind"],
    "side": ["key", "label", "value", "colour"],
    "focus": ["payload", "group", "count", "index", "lat", "lon", "zoom", "nonce"]
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

  // The index among the drawn `markers` of group number `group`'s; -1 if none.
  function markerOfGroup(markers, group) {
    for (var i = 0; i < markers.length; i++) if (markers[i].group === group) return i;
    return -1;
  }

  // What a focus call asks of the map now: fly (once per click, named by its
  // nonce) and open the popup (once, when the payload holds the group).
  function focusSteps(call, state) {
    return {fly: !state.flown, open: !state.opened && call.group >= 0};
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
  // moved on is kept, not shown. It opens on incident `start` (default the first).
  function groupPopup(data, groups, count, show, start) {
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

    go(Math.max(0, Math.min(start || 0, count - 1)));
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
    var found = markerOfGroup(shown, call.group);
    if (found >= 0) {
      shown[found].open(call.index);
      return;
    }
    // Drawn as a point, or its layer is not shown: a popup of its own, at its place.
    var popup = L.popup({maxWidth: 380}).setLatLng([call.lat, call.lon]);
    groupPopup(data, [call.group], call.count, function (box) {
      popup.setContent(box);
      if (!popup.isOpen()) popup.openOn(map);
    }, call.index);
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
      if (m.type !== index || m.wide) return;  // province-wide: in the province's box
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
      var open = function (start) {
        groupPopup(data, [m.group], n, function (box) { showPopup(marker, box); }, start);
      };
      marker.on("click", function () { open(0); });
      marker.on("keypress", function (event) {
        if (event.originalEvent && event.originalEvent.key === "Enter") open(0);
      });
      (drawnMarkers[data.id] = drawnMarkers[data.id] || []).push(
        {marker: marker, group: m.group, open: open});
      marker.on("add", function () {
        var node = marker.getElement();
        if (!node) return;
        node.setAttribute("aria-label", name);
        node.setAttribute("role", "button");
        node.setAttribute("data-group", String(m.group));
      });
      group.addLayer(marker);
      obstacle(data, {layer: marker, lat: m.lat, lon: m.lon, dx: m.dx, dy: m.dy, half: size / 2});
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
  // A deaths figure side by side ("31 · 17 · 145"), each side in its colour;
  // never one number for several sides.
  function sidesFigure(sides, className) {
    var box = element("span", null, className);
    sides.forEach(function (side, i) {
      if (i) box.appendChild(element("span", " \u00b7 ", "deaths-sep"));
      var part = element("span", side.value.toLocaleString("en"), "deaths-side");
      part.style.color = side.colour;
      part.title = side.label;
      part.setAttribute("data-side", side.key);
      box.appendChild(part);
    });
    return box;
  }

  function drawDeaths(group, data) {
    data.deaths.forEach(function (d) {
      if (d.wide) return;  // province-wide: in the province's box, by side
      var colour = cssValue("--deaths-colour") || "#B2182B";
      var circle = L.circleMarker([d.lat, d.lon], {
        radius: d.radius, color: colour, weight: colour === "#B2182B" ? 2.5 : 3.5,
        fill: true, fillColor: colour, fillOpacity: colour === "#B2182B" ? 0.12 : 0.3,
      });
      var box = element("div", null, "incident-popup");
      d.lines.forEach(function (text, i) { box.appendChild(element(i ? "div" : "b", text)); });
      circle.bindTooltip(box.cloneNode(true));
      circle.bindPopup(box);
      group.addLayer(circle);
      var number = sidesFigure(d.sides, "deaths-number incident-label");
      number.setAttribute("aria-label", d.lines.join(", "));
      var holder = L.marker([d.lat, d.lon], {
        interactive: false, keyboard: false,
        icon: L.divIcon({html: number, iconSize: [0, 0], className: "deaths-number-icon"}),
      });
      group.addLayer(holder);
      labelFor(data, {layer: holder, el: number, lat: d.lat, lon: d.lon, reach: d.radius + 2,
                      rank: 0, text: ""});
    });
  }

  // A custom property of the page's style (the projector's sets some), or "".
  function cssValue(name) {
    if (typeof getComputedStyle !== "function") return "";
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function drawPlaces(group, data) {
    data.places.forEach(function (p, i) {
      if (p.wide) return;  // province-wide: the province's box names it
      var label = element("div", p.text, "place-label incident-label");
      var holder = L.marker([p.lat, p.lon], {
        interactive: false, keyboard: false,
        icon: L.divIcon({html: label, iconSize: [0, 0], className: "place-label-icon"}),
      });
      group.addLayer(holder);
      labelFor(data, {layer: holder, el: label, lat: p.lat, lon: p.lon, reach: 13,
                      rank: 1 + i, text: p.text});
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


  // --- Labels that never collide: deaths figures and place names -----------------
  // Each payload's labels and obstacles (markers), registered as its layers draw;
  // placed together whenever the view changes. One label per place: a basemap
  // town label under an incident's label or marker is hidden.
  var labelsOf = {}, obstaclesOf = {};

  function labelFor(data, entry) {
    (labelsOf[data.id] = labelsOf[data.id] || []).push(entry);
  }

  function obstacle(data, entry) {
    (obstaclesOf[data.id] = obstaclesOf[data.id] || []).push(entry);
  }

  function overlaps(a, b) {
    return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  }

  // Where a label of w x h pixels may stand around a point whose symbols reach
  // `reach` pixels out: right, left, below, above, then the diagonals.
  function candidates(reach, w, h) {
    var r = reach + 3, d = reach * 0.72 + 3;
    return [
      [r, -h / 2], [-r - w, -h / 2], [-w / 2, r], [-w / 2, -r - h],
      [d, -d - h], [d, d], [-d - w, d], [-d - w, -d - h],
    ];
  }

  // Greedy placement, in the items' order: each item ({x, y, w, h, reach}, x and
  // y the point in pixels) takes its first candidate that overlaps no obstacle
  // ({x1, y1, x2, y2}) and no label placed before it. Returns, per item, its
  // offset [dx, dy] from the point, or null where every candidate collides.
  function placeBoxes(items, obstacles) {
    var taken = obstacles.slice();
    return items.map(function (item) {
      var options = candidates(item.reach, item.w, item.h);
      for (var k = 0; k < options.length; k++) {
        var box = {x1: item.x + options[k][0], y1: item.y + options[k][1]};
        box.x2 = box.x1 + item.w;
        box.y2 = box.y1 + item.h;
        var free = true;
        for (var j = 0; j < taken.length && free; j++) free = !overlaps(box, taken[j]);
        if (free) { taken.push(box); return options[k]; }
      }
      return null;
    });
  }

  var arranging = null;

  function scheduleArrange(map) {
    if (!map || arranging) return;
    arranging = setTimeout(function () { arranging = null; arrange(map); }, 0);
  }

  function arrange(map) {
    var state = decorated && decorated.get(map);
    if (!state || !state.data) return;
    var id = state.data.id;
    Object.keys(labelsOf).forEach(function (key) { if (key !== id) delete labelsOf[key]; });
    Object.keys(obstaclesOf).forEach(function (key) { if (key !== id) delete obstaclesOf[key]; });
    var frame = map.getContainer().getBoundingClientRect();
    var scale = state.scale || 1;
    var boxes = [], reachAt = {};
    (obstaclesOf[id] || []).forEach(function (o) {
      if (!map.hasLayer(o.layer)) return;
      var p = map.latLngToContainerPoint([o.lat, o.lon]), half = o.half * scale;
      var x = p.x + o.dx, y = p.y + o.dy;
      boxes.push({x1: x - half, y1: y - half, x2: x + half, y2: y + half});
      var key = o.lat.toFixed(4) + "," + o.lon.toFixed(4);
      reachAt[key] = Math.max(reachAt[key] || 0, Math.sqrt(o.dx * o.dx + o.dy * o.dy) + half);
    });
    // The map's own controls (zoom, legend, the province's box) cover labels.
    map.getContainer().querySelectorAll(".leaflet-control").forEach(function (node) {
      var r = node.getBoundingClientRect();
      if (r.width && r.height) {
        boxes.push({x1: r.left - frame.left, y1: r.top - frame.top,
                    x2: r.right - frame.left, y2: r.bottom - frame.top});
      }
    });
    var shown = (labelsOf[id] || []).filter(function (e) { return map.hasLayer(e.layer); });
    shown.sort(function (a, b) { return a.rank - b.rank; });
    var items = shown.map(function (e) {
      var p = map.latLngToContainerPoint([e.lat, e.lon]);
      var key = e.lat.toFixed(4) + "," + e.lon.toFixed(4);
      return {x: p.x, y: p.y, w: e.el.offsetWidth, h: e.el.offsetHeight,
              reach: Math.max(e.reach, reachAt[key] || 0, e.rank ? circleAt(state, key) : 0)};
    });
    var offsets = placeBoxes(items, boxes);
    var names = {}, placed = [];
    shown.forEach(function (e, i) {
      var at = offsets[i];
      e.el.style.position = "absolute";
      e.el.style.left = "0";
      e.el.style.top = "0";
      if (at) {
        e.el.style.transform = "translate(" + Math.round(at[0]) + "px," + Math.round(at[1]) + "px)";
        e.el.style.visibility = "";
        e.el.removeAttribute("data-hidden");
        if (e.text) names[e.text.toLowerCase()] = true;
        var it = items[i];
        placed.push({x1: it.x + at[0], y1: it.y + at[1], x2: it.x + at[0] + it.w, y2: it.y + at[1] + it.h});
      } else {
        e.el.style.visibility = "hidden";
        e.el.setAttribute("data-hidden", "true");
      }
    });
    hideBasemapLabels(map, frame, names, placed.concat(boxes));
  }

  // The deaths circle's radius at a point, so a place's name stands clear of it.
  function circleAt(state, key) {
    var found = 0;
    (state.data.deaths || []).forEach(function (d) {
      if (!d.wide && d.lat.toFixed(4) + "," + d.lon.toFixed(4) === key) found = d.radius;
    });
    return found;
  }

  // One label per place: a basemap town label naming a place an incident label
  // names, or lying under an incident's label or marker, is hidden.
  function hideBasemapLabels(map, frame, names, boxes) {
    map.getContainer().querySelectorAll(".town-label").forEach(function (node) {
      var r = node.getBoundingClientRect();
      var box = {x1: r.left - frame.left, y1: r.top - frame.top,
                 x2: r.right - frame.left, y2: r.bottom - frame.top};
      var hide = names[(node.textContent || "").toLowerCase()] === true;
      for (var j = 0; j < boxes.length && !hide; j++) hide = overlaps(box, boxes[j]);
      node.classList.toggle("town-label-covered", hide);
    });
  }

  // --- Controls on the map: fit, legend, note; layer control on small screens --------
  var decorated = typeof WeakMap === "function" ? new WeakMap() : null;

  function decorate(map, data) {
    if (!map || !decorated) return;
    var state = decorated.get(map);
    if (!state) {
      state = {fit: fitControl(map), province: provinceControl(map),
               legend: legendControl(map), note: noteControl(map)};
      decorated.set(map, state);
      collapseOnSmallScreens(map);
      var scale = parseFloat(getComputedStyle(map.getContainer()).getPropertyValue("--incident-scale"));
      state.scale = scale > 0 ? scale : 1;
      map.on("zoomend moveend resize overlayadd overlayremove layeradd", function () {
        scheduleArrange(map);
      });
      fitWhenPrinted(map, state);
    }
    state.data = data;
    state.fit.bounds = data.bounds;
    if (!state.shown) {
      state.shown = true;
      fitWhenCut(map, data.bounds);
      keepWholeWhenSmaller(map, state);
    }
    state.province.fill(data);
    state.legend.fill(data);
    state.note.say(data.note);
    scheduleArrange(map);
  }

  // The first view is fitted to the selection for the layout's usual map size; on
  // a smaller screen (the briefing layout on a phone) it would cut the selection:
  // the map then fits it to its own size. A view the link chose is kept.
  function fitWhenCut(map, bounds) {
    if (!bounds || linkedView()) return;
    var whole = L.latLngBounds(bounds);
    // After the component has set the view it was sent (and its zoom has ended).
    setTimeout(function check() {
      if (map._animatingZoom) {
        map.once("zoomend", check);
        return;
      }
      // A frame not laid out yet has no height: any fit would be nonsense (Leaflet
      // zooms all the way in). Check again once it has its size.
      if (!hasSize(map)) {
        map.once("resize", check);
        return;
      }
      if (!map.getBounds().contains(whole)) {
        map.fitBounds(whole, {padding: [20, 20], maxZoom: 11, animate: false});
      }
    }, 0);
  }

  // A map that showed the whole selection keeps showing it when its window shrinks
  // (a phone turned, a window narrowed): it fits the selection again.
  function keepWholeWhenSmaller(map, state) {
    function whole() {
      return !!state.fit.bounds && map.getBounds().contains(L.latLngBounds(state.fit.bounds));
    }
    state.size = map.getSize();
    state.whole = whole();
    map.on("moveend", function () {
      if (map.getSize().equals(state.size)) state.whole = whole();
    });
    map.on("resize", function () {
      state.size = map.getSize();
      if (state.whole && hasSize(map) && !whole()) {
        map.fitBounds(state.fit.bounds, {padding: [20, 20], maxZoom: 11, animate: false});
      }
      state.whole = whole();
    });
  }

  function hasSize(map) {
    var size = map.getSize();
    return size.x > 0 && size.y > 0;
  }

  function linkedView() {
    try {
      return /[?&]map=/.test(window.parent.location.search);
    } catch (ignored) {  // eslint-disable-line no-unused-vars
      return true;  // the page's link out of reach: keep the view as sent
    }
  }

  // Printed, the map is smaller than on screen: it shows the whole selection
  // (as 'fit' does), and the screen's view comes back after printing.
  function fitWhenPrinted(map, state) {
    if (!window.matchMedia) return;
    var before = null;
    window.matchMedia("print").addEventListener("change", function (media) {
      map.invalidateSize({animate: false});
      if (media.matches && state.fit.bounds) {
        before = {centre: map.getCenter(), zoom: map.getZoom()};
        map.fitBounds(state.fit.bounds, {padding: [20, 20], maxZoom: 11, animate: false});
      } else if (!media.matches && before) {
        map.setView(before.centre, before.zoom, {animate: false});
        before = null;
      }
    });
  }

  // --- The province-wide items: a box naming the province, by side -------------------
  // What the source gives for a whole province (no place) is not drawn at a point
  // (it would read as a place): a box names the province, its items by class and
  // its deaths side by side; the province's name on the basemap is marked.
  function provinceItems(data) {
    var byProvince = {}, order = [];
    function entry(name) {
      if (!byProvince[name]) {
        byProvince[name] = {name: name, classes: {}, groups: [], count: 0, sides: []};
        order.push(name);
      }
      return byProvince[name];
    }
    var hidden = {};
    data.hidden.forEach(function (key) { hidden[key] = true; });
    data.markers.forEach(function (m) {
      if (!m.wide || hidden[data.types[m.type].code]) return;
      var it = entry(data.strings[m.place]);
      var cls = data.types[m.type].cls;
      it.classes[cls] = (it.classes[cls] || 0) + m.count;
      it.groups.push(m.group);
      it.count += m.count;
    });
    if (!hidden.deaths) {
      data.deaths.forEach(function (d) { if (d.wide) entry(d.place).sides = d.sides; });
    }
    return order.map(function (name) { return byProvince[name]; });
  }

  function provinceControl(map) {
    // On a narrow map the box goes to the bottom, clear of the towns it would hide.
    var control = L.control({position: map.getSize().x < 560 ? "bottomleft" : "topleft"});
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "province-box");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      control.box = box;
      return box;
    };
    control.fill = function (data) {
      var box = control.box, w = data.words;
      box.replaceChildren();
      var provinces = provinceItems(data);
      box.style.display = provinces.length ? "" : "none";
      var names = {};
      provinces.forEach(function (it) {
        names[it.name.toLowerCase()] = true;
        var part = element("div", null, "province-part");
        var head = element("div", null, "province-head");
        head.appendChild(element("b", it.name));
        head.appendChild(element("span", " \u00b7 " + w.wholeProvince));
        part.appendChild(head);
        var classes = element("div", null, "province-classes");
        data.classes.forEach(function (cls, i) {
          if (!it.classes[i]) return;
          var item = element("span", null, "province-class");
          item.appendChild(symbol(data, cls, 15, true, 1));
          item.appendChild(element("span", String(it.classes[i])));
          item.title = cls.label;
          classes.appendChild(item);
        });
        if (it.count) {
          var open = element("button", it.count.toLocaleString("en") + " " + w.items, "province-open");
          open.type = "button";
          open.onclick = function () {
            var popup = L.popup({maxWidth: 380}).setLatLng(map.getCenter());
            groupPopup(data, it.groups, it.count, function (box) {
              popup.setContent(box);
              if (!popup.isOpen()) popup.openOn(map);
            });
          };
          classes.appendChild(open);
        }
        part.appendChild(classes);
        if (it.sides.length) {
          var deaths = element("div", null, "province-deaths");
          deaths.appendChild(element("span", null, "legend-deaths"));
          deaths.appendChild(sidesFigure(it.sides, "province-figure"));
          part.appendChild(deaths);
        }
        box.appendChild(part);
      });
      map.getContainer().querySelectorAll(".province-label").forEach(function (node) {
        node.classList.toggle("province-label-marked", names[(node.textContent || "").toLowerCase()] === true);
      });
      control.names = names;
    };
    control.addTo(map);
    return control;
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
      // Open where the map has room for it; until the reader folds or opens it,
      // the map's size decides again when it changes (the frame is sized after
      // the map is drawn).
      var chosen = false;
      var fits = function () {
        var size = map.getSize();
        if (!chosen) box.open = size.x >= 600 && size.y >= 420;
      };
      fits();
      map.on("resize", fits);
      L.DomEvent.on(box, "click", function (event) {
        if (event.target.closest && event.target.closest("summary")) chosen = true;
      });
      L.DomEvent.disableClickPropagation(box);
      // Printed, the legend is always open.
      if (window.matchMedia) {
        window.matchMedia("print").addEventListener("change", function (media) {
          if (media.matches) box.open = true;
        });
      }
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
      var sides = legendSides(data);
      if (sides.length) {
        var bySide = element("div", null, "legend-row legend-sides");
        bySide.appendChild(sidesFigure(sides, "legend-side-names"));
        box.appendChild(bySide);
      }
      var fit = map.getContainer().querySelector(".incident-fit a");
      if (fit) { fit.title = data.words.fit; fit.setAttribute("aria-label", data.words.fit); }
    };
    control.addTo(map);
    return control;
  }

  // The sides named in the deaths figures, each in its colour, for the legend.
  function legendSides(data) {
    var seen = {}, sides = [];
    data.deaths.forEach(function (d) {
      d.sides.forEach(function (side) {
        if (seen[side.key]) return;
        seen[side.key] = true;
        sides.push({key: side.key, label: side.label, value: side.label, colour: side.colour});
      });
    });
    var order = ["killed_civilians", "killed_security", "killed_attackers", "killed_unspecified"];
    return sides.sort(function (a, b) { return order.indexOf(a.key) - order.indexOf(b.key); });
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
          markProvinces(map);
          scheduleArrange(map);
        };
        group.on("add", function () { group._map.on("zoomend", update); update(); });
        if (group._map) { group._map.on("zoomend", update); update(); }
      })
      .catch(function (error) { console.warn("Detail basemap not loaded:", error); });
  }

  function markProvinces(map) {
    var state = decorated && decorated.get(map);
    var names = (state && state.province.names) || {};
    map.getContainer().querySelectorAll(".province-label").forEach(function (node) {
      node.classList.toggle("province-label-marked", names[(node.textContent || "").toLowerCase()] === true);
    });
  }

  if (typeof module === "object" && module && module.exports) {
    module.exports = {
      CONTRACT: CONTRACT, SCHEMA: SCHEMA, contractMismatch: contractMismatch,
      decodePoints: decodePoints, plan: plan, pointsOfType: pointsOfType,
      rowValue: rowValue, rowIncident: rowIncident, inlinePage: inlinePage,
      pageAddress: pageAddress, pageOf: pageOf, groupSummary: groupSummary,
      nearestGroups: nearestGroups, pointRadius: pointRadius,
      typeStyle: typeStyle, markerName: markerName,
      countText: countText, heatPoints: heatPoints, placeBoxes: placeBoxes,
      candidates: candidates, provinceItems: provinceItems, markerOfGroup: markerOfGroup,
      focusSteps: focusSteps,
    };
    return;
  }
  window.IncidentMap = {
    payload: payload, layer: layer, focus: focus, detail: detail, contract: CONTRACT,
  };
})();
