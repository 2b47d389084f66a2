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


_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
"""C0 and C1 control characters (escape sequences, carriage return, line
breaks...), and the invisible marks that reorder or break a terminal line."""


def _escaped(match: re.Match) -> str:
    character = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(character)
    if named:
        return named
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(value: object) -> str:
    """Text for a terminal line: each control character is shown as its escape
    (``\\x1b``, ``\\r``, ``\\n``, ``\\u202e``), as ``repr`` shows it, and every
    other character as itself. Data printed by a command never moves the cursor,
    clears a line or starts another."""
    return _CONTROL.sub(_escaped, str(value))


def control_character(text: str) -> str | None:
    """The first control character of ``text``, escaped, or None."""
    found = _CONTROL.search(text)
    return _escaped(found) if found else None
