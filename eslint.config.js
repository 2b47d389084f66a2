// ESLint for the map's own script and its tests (npm run lint).
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  { ignores: [".venv/", "static/vendor/", "artifacts/", "data/"] },
  js.configs.recommended,
  {
    rules: {
      eqeqeq: "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    // Served as it is to the browser (and inlined in the standalone HTML map).
    files: ["static/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, L: "readonly", module: "readonly" },
    },
    rules: {
      // Text goes into the page through textContent, never as markup.
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Use textContent: text is never markup." },
        { property: "outerHTML", message: "Use textContent: text is never markup." },
        { property: "insertAdjacentHTML", message: "Build elements; set textContent." },
        { object: "document", property: "write", message: "Build elements instead." },
      ],
    },
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: globals.node },
  },
];
