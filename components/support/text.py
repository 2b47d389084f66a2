"""Making untrusted text safe to show: as HTML, inside JavaScript, in Markdown, in CSV.

Incident text comes from reports and uploads and may hold markup, script or
spreadsheet formulas. It is always shown as the characters it is.
"""

from __future__ import annotations

import html
import re
import unicodedata

_JS_TEMPLATE_CHARS = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})


def html_text(value: object) -> str:
    """Escape for HTML, and for folium's JavaScript template strings too.

    folium writes tooltip and popup HTML into backtick strings, where a backtick,
    ``${`` or a backslash would be code. As HTML entities they show as themselves.
    """
    return html.escape(str(value), quote=True).translate(_JS_TEMPLATE_CHARS)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=^&\"'])")


def markdown_text(value: object) -> str:
    """Escape every Markdown (and Streamlit colour / icon / LaTeX) marker."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(value)).replace("\n", " ")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_LOOKALIKES = str.maketrans({"\u2212": "-", "\u2796": "-", "\u2795": "+"})
"""Leaders NFKC leaves alone that spreadsheets may still read as operators."""


def code_span(value: object) -> str:
    """Text as a Markdown code span, shown exactly as written: inside a code span
    Markdown is not read, so nothing is escaped; a fence longer than any run of
    backticks in the text holds it, and line breaks become spaces."""
    text = " ".join(str(value).split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def spreadsheet_cell(value: object) -> object:
    """Prefix a quote to text a spreadsheet would run as a formula.

    The first character decides (spaces before it too), after folding full-width
    and other look-alike forms (U+FF1D, U+FE62, U+2212 ...) to the ASCII operator
    they imitate.
    """
    if isinstance(value, str) and _formula_leader(value):
        return "'" + value
    return value


def _formula_leader(text: str) -> bool:
    if text.startswith(_FORMULA_START):
        return True
    first = text.lstrip(" \u00a0\u3000")[:1]
    folded = unicodedata.normalize("NFKC", first).translate(_FORMULA_LOOKALIKES)
    return folded.startswith(_FORMULA_START)


def newlines_as_lf(text: str) -> str:
    """Windows (CR LF) and old Mac (CR) line breaks as LF: one kind of line break."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
