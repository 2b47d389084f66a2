"""The page's styles (``css/``): headline cards that never cut a figure off
(base), a print layout without the sidebar (print), a layout's own rules
(briefing, mobile) and a high-contrast projector mode (projector)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

CSS = Path(__file__).resolve().parent / "css"
LAYOUT_CSS = {"briefing": "briefing", "mobile": "mobile"}
"""The layouts with rules of their own (``components.ui.layout``)."""


def _css(name: str) -> str:
    return (CSS / f"{name}.css").read_text("utf-8")


def page_css(projector: bool = False, layout: str = "analyst") -> str:
    """The page's style sheet for ``layout``, dark for ``projector``."""
    parts = ["base", "print"]
    if layout in LAYOUT_CSS:  # after print's: a layout prints its own way
        parts.append(LAYOUT_CSS[layout])
    if projector:
        parts.append("projector")
    return "".join(_css(name) for name in parts)


def page_style(projector: bool = False, layout: str = "analyst") -> None:
    """Put the page's styles in; ``projector`` adds the dark, large-type mode."""
    st.html(f"<style>{page_css(projector, layout)}</style>")  # takes no room
