"""The page's own styles (``css/``): headline cards that never cut a figure off
(base), a print layout without the sidebar (print), and a high-contrast
projector mode (projector)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

CSS = Path(__file__).resolve().parent / "css"


def _css(name: str) -> str:
    return (CSS / f"{name}.css").read_text("utf-8")


def page_style(projector: bool = False) -> None:
    """Put the page's styles in; ``projector`` adds the dark, large-type mode."""
    css = _css("base") + _css("print") + (_css("projector") if projector else "")
    st.html(f"<style>{css}</style>")  # styles only: no room taken on the page
