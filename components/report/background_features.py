"""What a sentence looks like to the background model: its words and word
pairs, whether it names a year before the report's or the report's own, and
which paragraph it stands in. No rule's verdict (a background cue) is among
them. Pure."""

from __future__ import annotations

import re
from itertools import pairwise

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d+")
_LAST_PARAGRAPH = 5
"""Paragraphs from this one on are one feature."""


def sentence_features(text: str, year: int | None, paragraph: int) -> set[str]:
    """The features of a sentence's ``text`` in a report of ``year``."""
    words = [w.lower() for w in _WORD.findall(text)]
    found = {f"paragraph={min(paragraph, _LAST_PARAGRAPH)}"}
    for word in words:
        if not word.isdigit():
            found.add(f"word={word}")
        elif year is not None and 1900 < int(word) < 2100:
            found.add("year_before" if int(word) < year else "year_same")
        else:
            found.add("number")
    found |= {
        f"pair={first}_{second}"
        for first, second in pairwise(words)
        if not first.isdigit() and not second.isdigit()
    }
    return found
