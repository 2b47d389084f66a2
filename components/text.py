"""Making untrusted text safe to show: as HTML, inside JavaScript, in Markdown, in CSV.

Incident text comes from reports and uploads and may hold markup, script or
spreadsheet formulas. It is always shown as the characters it is.
"""

from __future__ import annotations

import html
import re

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


def spreadsheet_cell(value: object) -> object:
    """Prefix a quote to text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
