// The map payload's reader in static/incident-map.js (schema in
// components/map/contract.py): the contract's check, the points' typed arrays and
// what each layer call draws. Run with `npm test` (node --test).
"use strict";

const assert = require("node:assert/strict");
const path = require("node:path");
const { describe, it } = require("node:test");

const map = require(path.join(__dirname, "..", "..", "static", "incident-map.js"));

// A payload with every key of the contract: two target types of two classes, one
// marker of a single incident and one of three at a province-wide point; a map
// file's payload (its popups inline: rows 1 to 3 in group 1).
function payload(changes) {
  return Object.assign(
    {
      schema: map.SCHEMA,
      id: "abc123",
      mode: "markers",
      note: "",
      words: {
        notReported: "Not reported", incidentsHere: "incidents here", of: "of",
        previous: "Previous", next: "Next", provinceWide: "Province-wide",
        placeNotReported: "place not reported", killed: "killed", earlier: "Earlier",
        fit: "Fit", legend: "Legend", cellHint: "incidents: click to zoom in",
        deaths: "Deaths", killedHere: "killed, as reported", loading: "Loading",
        gone: "Reload", failed: "Failed", inFile: "this file holds the first",
        wholeProvince: "whole province", items: "items",
      },
      fields: [
        { key: "source", label: "Source" },
        { key: "notes", label: "Notes" },
        { key: "excerpt", label: "Source text" },
      ],
      counts: [{ key: "killed_civilians", label: "Civilians killed" }],
      classes: [
        { key: "civic", label: "Civic", colour: "#E69F00", shape: "square" },
        { key: "security", label: "Security", colour: "#0072B2", shape: "shield" },
      ],
      shapes: { circle: "M0 0", shield: "M1 1", square: "M2 2" },
      types: [
        { code: "police_paramilitary", label: "Police", cls: 1 },
        { code: "market", label: "Market", cls: 0 },
      ],
      hidden: ["heat"],
      strings: ["Quetta", "Balochistan"],
      popup: "/incident-map/popup?source=abc",
      inline: {
        strings: ["Quetta", "Balochistan", "A report", "town", "province", "<b>x</b>", "Old"],
        rows: {
          place: [0, 1, 1, 1], precision: [3, 4, 4, 4], source: 2, notes: [-1, 5, -1, -1],
          excerpt: -1, killed_civilians: [2, -1, 0, 5], earlier: [[], [6], [], []],
        },
        members: [[0], [1, 2, 3]],
      },
      markers: [
        {
          lat: 30.2, lon: 67.0, dx: 0, dy: 0, wide: false, type: 0, group: 0, count: 1,
          deaths: 2, place: 0,
        },
        {
          lat: 28.5, lon: 65.5, dx: 0, dy: 0, wide: true, type: 1, group: 1, count: 3,
          deaths: 5, place: 1,
        },
      ],
      points: null,
      cells: [],
      deaths: [],
      places: [],
      heat: [],
      bounds: [[28.5, 65.5], [30.2, 67.0]],
    },
    changes,
  );
}

// Little-endian bytes in base64, as components/map/payload.py writes them.
function encode(TypedArray, values) {
  const array = TypedArray.from(values);
  const view = new DataView(new ArrayBuffer(array.length * TypedArray.BYTES_PER_ELEMENT));
  const set = {
    Float32Array: (i, v) => view.setFloat32(i * 4, v, true),
    Uint8Array: (i, v) => view.setUint8(i, v),
    Uint32Array: (i, v) => view.setUint32(i * 4, v, true),
  }[TypedArray.name];
  array.forEach((v, i) => set(i, v));
  return Buffer.from(view.buffer).toString("base64");
}

describe("the contract", () => {
  it("accepts a payload of this schema with every key", () => {
    assert.equal(map.contractMismatch(payload()), null);
  });

  it("names each key a payload lacks", () => {
    const data = payload();
    delete data.bounds;
    delete data.words;
    assert.deepEqual(map.contractMismatch(data), ["words", "bounds"]);
  });

  it("refuses a payload of another schema even with every key", () => {
    assert.deepEqual(map.contractMismatch(payload({ schema: map.SCHEMA + 1 })), []);
    assert.deepEqual(map.contractMismatch(payload({ schema: String(map.SCHEMA) })), []);
  });

  it("lists a key of every part the test payload has", () => {
    const data = payload();
    assert.deepEqual(Object.keys(data), map.CONTRACT.payload);
    assert.deepEqual(Object.keys(data.words), map.CONTRACT.words);
    assert.deepEqual(Object.keys(data.markers[0]), map.CONTRACT.marker);
    assert.deepEqual(Object.keys(data.types[0]), map.CONTRACT.type);
    assert.deepEqual(Object.keys(data.classes[0]), map.CONTRACT.class);
    assert.deepEqual(Object.keys(data.inline), map.CONTRACT.inline);
    assert.deepEqual(Object.keys(map.rowIncident(data, 0)), map.CONTRACT.incident);
    assert.deepEqual(Object.keys(map.inlinePage(data, [0], 0)), map.CONTRACT.page);
  });
});

describe("the points' typed arrays", () => {
  it("decodes what numpy wrote (little-endian float32, uint8, uint32)", () => {
    // base64 of numpy's tobytes() for dtypes <f4, <u1 and <u4 of these values
    const points = map.decodePoints({
      count: 3,
      lat: "AADsQQCAhEIAAAC+", // 29.5, 66.25, -0.125
      lon: "AADsQQCAhEIAAAC+",
      type: "AwD/", // 3, 0, 255
      size: "AAAAAHARAQD/////", // 0, 70000, 4294967295
    });
    assert.equal(points.count, 3);
    assert.ok(points.lat instanceof Float32Array);
    assert.deepEqual(Array.from(points.lat), [29.5, 66.25, -0.125]);
    assert.deepEqual(Array.from(points.lon), [29.5, 66.25, -0.125]);
    assert.ok(points.type instanceof Uint8Array);
    assert.deepEqual(Array.from(points.type), [3, 0, 255]);
    assert.ok(points.size instanceof Uint32Array);
    assert.deepEqual(Array.from(points.size), [0, 70000, 4294967295]);
  });

  it("gives back every value it was sent, in order", () => {
    const lat = [24.86, 25.12, 31.9, 29.5];
    const lon = [61.6, 62.3, 69.2, 66.9];
    const points = map.decodePoints({
      count: 4,
      lat: encode(Float32Array, lat),
      lon: encode(Float32Array, lon),
      type: encode(Uint8Array, [1, 0, 1, 2]),
      size: encode(Uint32Array, [7, 65536, 3, 123456789]),
    });
    assert.deepEqual(Array.from(points.lat), Array.from(Float32Array.from(lat)));
    assert.deepEqual(Array.from(points.lon), Array.from(Float32Array.from(lon)));
    assert.deepEqual(Array.from(points.type), [1, 0, 1, 2]);
    assert.deepEqual(Array.from(points.size), [7, 65536, 3, 123456789]);
  });

  it("picks the points of one target type", () => {
    const points = map.decodePoints({
      count: 5,
      lat: encode(Float32Array, [1, 2, 3, 4, 5]),
      lon: encode(Float32Array, [1, 2, 3, 4, 5]),
      type: encode(Uint8Array, [1, 0, 1, 2, 1]),
      size: encode(Uint32Array, [1, 1, 1, 1, 1]),
    });
    assert.deepEqual(map.pointsOfType(points, 1), [0, 2, 4]);
    assert.deepEqual(map.pointsOfType(points, 2), [3]);
    assert.deepEqual(map.pointsOfType(points, 9), []);
  });
});

describe("what each layer call draws", () => {
  const call = (kind, key) => ({ payload: "abc123", kind: kind, key: key });

  it("draws a target type's markers in markers mode", () => {
    assert.deepEqual(map.plan(call("type", "market"), payload()), {
      draw: "markers", type: 1, hidden: false,
    });
  });

  it("draws a target type's points in points mode", () => {
    const what = map.plan(call("type", "police_paramilitary"), payload({ mode: "points" }));
    assert.deepEqual(what, { draw: "points", type: 0, hidden: false });
  });

  it("draws no target type in cells mode, and cells only there", () => {
    assert.equal(map.plan(call("type", "market"), payload({ mode: "cells" })).draw, null);
    assert.equal(map.plan(call("cells", "cells"), payload({ mode: "cells" })).draw, "cells");
    assert.equal(map.plan(call("cells", "cells"), payload()).draw, null);
    assert.equal(map.plan(call("cells", "cells"), payload({ mode: "points" })).draw, null);
  });

  it("draws nothing for a target type the payload does not have", () => {
    assert.deepEqual(map.plan(call("type", "hospital"), payload()), {
      draw: null, type: -1, hidden: false,
    });
  });

  it("draws deaths and place names in every mode", () => {
    for (const mode of ["markers", "points", "cells"]) {
      assert.equal(map.plan(call("deaths", "deaths"), payload({ mode })).draw, "deaths");
      assert.equal(map.plan(call("names", "names"), payload({ mode })).draw, "names");
    }
  });

  it("draws the heat layer only when there is heat", () => {
    assert.equal(map.plan(call("heat", "heat"), payload()).draw, null);
    const heat = [{ lat: 30, lon: 67, weight: 2 }];
    assert.equal(map.plan(call("heat", "heat"), payload({ heat })).draw, "heat");
  });

  it("starts a layer unticked when the payload says it is hidden", () => {
    assert.equal(map.plan(call("heat", "heat"), payload()).hidden, true);
    assert.equal(map.plan(call("deaths", "deaths"), payload()).hidden, false);
    const data = payload({ hidden: ["market"] });
    assert.equal(map.plan(call("type", "market"), data).hidden, true);
  });

  it("draws nothing for a kind it does not know", () => {
    const heat = [{ lat: 30, lon: 67, weight: 2 }];
    for (const mode of ["markers", "points", "cells"]) {
      assert.equal(map.plan(call("roads", "roads"), payload({ mode, heat })).draw, null);
    }
  });
});

describe("what a marker says", () => {
  it("reads a map file's column per incident, or one value for every incident", () => {
    const inline = payload().inline;
    assert.equal(map.rowValue(inline, "place", 0), 0);
    assert.equal(map.rowValue(inline, "place", 2), 1);
    assert.equal(map.rowValue(inline, "killed_civilians", 1), -1);
    assert.equal(map.rowValue(inline, "source", 3), 2);
    assert.equal(map.rowValue(inline, "injured", 0), undefined);
  });

  it("takes a type's label, and its colour and shape from its class", () => {
    assert.deepEqual(map.typeStyle(payload(), 1), {
      label: "Market", colour: "#E69F00", shape: "square", code: "market",
    });
  });

  it("names a marker by place, type and count, and says when the place is wide", () => {
    const data = payload();
    const [one, three] = data.markers;
    assert.equal(map.markerName(data, one, map.typeStyle(data, 0)), "Quetta \u00b7 Police");
    assert.equal(
      map.markerName(data, three, map.typeStyle(data, 1)),
      "Balochistan (place not reported) \u00b7 Market \u00b7 3 incidents here",
    );
  });

  it("says how many incidents a popup holds and the deaths they report", () => {
    const data = payload();
    assert.equal(map.groupSummary(data, 3, -1, 3), "3 incidents here");
    assert.equal(
      map.groupSummary(data, 12345, 6789, 12345),
      "12,345 incidents here \u00b7 6,789 killed, as reported",
    );
    assert.equal(
      map.groupSummary(data, 100, 0, 5000),
      "5,000 incidents here \u00b7 0 killed, as reported; this file holds the first 100",
    );
  });

  it("writes large counts in thousands", () => {
    assert.equal(map.countText(2), 2);
    assert.equal(map.countText(999), 999);
    assert.equal(map.countText(1000), "1k");
    assert.equal(map.countText(12600), "13k");
  });

  it("scales heat weights to the largest", () => {
    const heat = [{ lat: 1, lon: 2, weight: 4 }, { lat: 3, lon: 4, weight: 1 }];
    assert.deepEqual(map.heatPoints(heat), [[1, 2, 1], [3, 4, 0.25]]);
    assert.deepEqual(map.heatPoints([{ lat: 1, lon: 2, weight: 0 }]), [[1, 2, 0]]);
  });
});

describe("a popup's incidents", () => {
  it("reads a map file's incident as the app's pages give one", () => {
    const data = payload();
    assert.deepEqual(map.rowIncident(data, 1), {
      place: "Balochistan",
      precision: "province",
      lines: [["Source", "A report"], ["Notes", "<b>x</b>"]],
      excerpt: "",
      counts: [-1],
      earlier: ["Old"],
    });
    assert.deepEqual(map.rowIncident(data, 0).lines, [["Source", "A report"]]);
  });

  it("pages a map file's incidents of the groups asked for", () => {
    const data = payload();
    const page = map.inlinePage(data, [1], 1);
    assert.equal(page.total, 3);
    assert.equal(page.start, 1);
    assert.equal(page.deaths, 5);
    assert.deepEqual(page.incidents.map((i) => i.counts[0]), [0, 5]);
    assert.equal(map.inlinePage(data, [0, 1], 0).total, 4);
    assert.equal(map.inlinePage(data, [0, 1], 0).deaths, 7);
  });

  it("asks the app for a page of the groups' incidents", () => {
    assert.equal(
      map.pageAddress(payload(), [3, 17], 20),
      "/incident-map/popup?source=abc&groups=3,17&start=20",
    );
  });

  it("takes a page from the app, or says the map is gone or the page failed", async () => {
    const data = payload({ inline: null });
    const asked = [];
    const answer = (status, body) => async (url) => {
      asked.push(url);
      return { status, ok: status === 200, json: async () => body };
    };
    const page = { total: 2, deaths: -1, start: 0, incidents: [] };
    const saved = globalThis.fetch;
    try {
      globalThis.fetch = answer(200, page);
      assert.deepEqual(await map.pageOf(data, [1], 0), page);
      assert.deepEqual(asked, ["/incident-map/popup?source=abc&groups=1&start=0"]);
      globalThis.fetch = answer(404, { error: "gone" });
      await assert.rejects(map.pageOf(data, [1], 0), { message: "gone" });
      globalThis.fetch = answer(500, { error: "failed" });
      await assert.rejects(map.pageOf(data, [1], 0), { message: "failed" });
      await assert.rejects(map.pageOf(payload({ inline: null, popup: "" }), [1], 0), {
        message: "failed",
      });
    } finally {
      globalThis.fetch = saved;
    }
  });

  it("pages a map file without asking the app", async () => {
    const saved = globalThis.fetch;
    try {
      globalThis.fetch = () => { throw new Error("asked the app"); };
      assert.equal((await map.pageOf(payload(), [1], 0)).total, 3);
    } finally {
      globalThis.fetch = saved;
    }
  });
});

describe("a click on the canvas", () => {
  it("takes the nearest groups, at most 64, and counts their incidents", () => {
    const sizes = Uint32Array.from({ length: 100 }, (_, i) => i + 1);
    const found = Array.from({ length: 100 }, (_, i) => [i, 100 - i]);
    const picked = map.nearestGroups(found, sizes);
    assert.equal(picked.groups.length, 64);
    assert.equal(picked.groups[0], 99);
    assert.equal(picked.count, picked.groups.reduce((n, g) => n + sizes[g], 0));
    assert.deepEqual(map.nearestGroups([[4, 2], [2, 2]], sizes).groups, [2, 4]);
  });

  it("draws a point of many incidents a little larger, within bounds", () => {
    assert.equal(map.pointRadius(1, 8), 3);
    assert.equal(map.pointRadius(1, 10), 4);
    assert.ok(map.pointRadius(1000, 8) > map.pointRadius(10, 8));
    assert.equal(map.pointRadius(10 ** 9, 8), 8);
  });
});

describe("labels that never collide", () => {
  const overlap = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  const boxes = (items, offsets) =>
    items.flatMap((item, i) => (offsets[i] ? [{
      x1: item.x + offsets[i][0], y1: item.y + offsets[i][1],
      x2: item.x + offsets[i][0] + item.w, y2: item.y + offsets[i][1] + item.h,
    }] : []));

  it("puts a label beside its point, clear of the symbols it reaches over", () => {
    const [at] = map.placeBoxes([{ x: 100, y: 100, w: 40, h: 14, reach: 12 }], []);
    assert.deepEqual(at, [15, -7]);
  });

  it("moves a label to another side when the first is taken", () => {
    const obstacle = { x1: 110, y1: 80, x2: 200, y2: 120 };
    const [at] = map.placeBoxes([{ x: 100, y: 100, w: 40, h: 14, reach: 12 }], [obstacle]);
    assert.deepEqual(at, [-55, -7]);
  });

  it("never lets two labels overlap, hiding those with no free side", () => {
    const items = [];
    for (let i = 0; i < 300; i++) {
      items.push({ x: 200 + (i * 37) % 90, y: 150 + (i * 53) % 70, w: 30 + (i % 5) * 9,
                   h: 14, reach: 11 });
    }
    const offsets = map.placeBoxes(items, [{ x1: 0, y1: 0, x2: 60, y2: 60 }]);
    const placed = boxes(items, offsets);
    assert.ok(placed.length > 5 && placed.length < 300);
    placed.forEach((a, i) => placed.slice(i + 1).forEach((b) => assert.ok(!overlap(a, b))));
    placed.forEach((a) => assert.ok(!overlap(a, { x1: 0, y1: 0, x2: 60, y2: 60 })));
  });
});

describe("province-wide items", () => {
  it("are gathered by province with their classes and deaths by side", () => {
    const sides = [
      { key: "killed_civilians", label: "civilians", value: 31, colour: "#A6122D" },
      { key: "killed_attackers", label: "attackers", value: 145, colour: "#3D3D3D" },
    ];
    const data = payload({
      deaths: [{ lat: 28.5, lon: 65.5, radius: 40, total: 176, wide: true, lines: [],
                 sides, place: "Balochistan" }],
    });
    const [province] = map.provinceItems(data);
    assert.equal(province.name, "Balochistan");
    assert.deepEqual(province.groups, [1]);
    assert.equal(province.count, 3);
    assert.deepEqual(province.classes, { 0: 3 });
    assert.deepEqual(province.sides.map((s) => s.value), [31, 145]);
  });

  it("leave out a hidden target type's items and hidden deaths", () => {
    const data = payload({ hidden: ["market", "deaths"] });
    assert.deepEqual(map.provinceItems(data), []);
  });
});

describe("a row of the incident list clicked", () => {
  const focus = (group) => ({
    payload: "abc123", group: group, count: 3, index: 2, lat: 28.5, lon: 65.5, zoom: 11,
    nonce: "n1",
  });

  it("states every key of the focus call in the contract", () => {
    assert.deepEqual(Object.keys(focus(0)), map.CONTRACT.focus);
  });

  it("finds the drawn marker of the call's group", () => {
    const drawn = payload().markers.map((m) => ({ group: m.group }));
    assert.equal(map.markerOfGroup(drawn, 0), 0);
    assert.equal(map.markerOfGroup(drawn, 1), 1);
  });

  it("finds no marker for a group none draws", () => {
    assert.equal(map.markerOfGroup([{ group: 0 }], 4), -1);
    assert.equal(map.markerOfGroup([], 0), -1);
  });

  it("flies once per click, and opens the popup once the payload holds the group", () => {
    const fresh = { flown: false, opened: false };
    assert.deepEqual(map.focusSteps(focus(2), fresh), { fly: true, open: true });
    assert.deepEqual(map.focusSteps(focus(-1), fresh), { fly: true, open: false });
    const flown = { flown: true, opened: false };
    assert.deepEqual(map.focusSteps(focus(-1), flown), { fly: false, open: false });
    assert.deepEqual(map.focusSteps(focus(2), flown), { fly: false, open: true });
    const done = { flown: true, opened: true };
    assert.deepEqual(map.focusSteps(focus(2), done), { fly: false, open: false });
  });
});
