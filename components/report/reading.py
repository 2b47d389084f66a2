"""Reading a report: bytes or a file to text, HTML to its readable text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from components.report.vocabulary.text import words
from components.support.errors import InputFileError, ReportError
from components.support.files import read_capped

MAX_REPORT_CHARS = 1_000_000
"""Longer texts are refused with a message: split them into reports."""
MAX_REPORT_BYTES = 4 * MAX_REPORT_CHARS
"""A report file larger than this cannot hold an acceptable text (UTF-8 uses at
most four bytes a character), so it is refused before it is read."""


class _TextFromHtml(HTMLParser):
    BLOCKS = frozenset(
        words(
            "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article "
            "header footer blockquote pre title"
        )
    )
    SKIP = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The readable text of an HTML page: no script, style or tags."""
    parser = _TextFromHtml()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def decode_report(data: bytes, name: str) -> str:
    """Text from uploaded or read bytes; binary and oversized input are refused.

    HTML (by its name or its first tag) becomes its readable text; other text is
    kept as written, so evidence offsets point into what the person sees.
    """
    if b"\x00" in data[:65536]:
        raise ReportError(f"{name} is not text (it holds NUL bytes)")
    text = data.decode("utf-8-sig", errors="replace")
    if text.count("\ufffd") > max(16, len(text) // 100):
        raise ReportError(f"{name} is not UTF-8 text")
    if len(text) > MAX_REPORT_CHARS:
        raise ReportError(
            f"{name} is {len(text):,} characters; a report may have at most "
            f"{MAX_REPORT_CHARS:,}. Split it into reports."
        )
    looks_html = name.lower().endswith((".html", ".htm")) or re.match(
        r"\s*<(!doctype|html)", text, re.IGNORECASE
    )
    return html_to_text(text) if looks_html else text


def read_report(path: Path) -> str:
    """The text of a report file (.txt, .md or .html)."""
    try:
        data = read_capped(path, MAX_REPORT_BYTES, "report")
    except InputFileError as error:
        raise ReportError(str(error)) from None
    return decode_report(data, str(path))
