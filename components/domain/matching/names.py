"""Place names spelt two ways. Pure. (The distance between two points is
:func:`components.domain.places.haversine_km`.)"""

from __future__ import annotations

import unicodedata

from rapidfuzz import fuzz

from components.domain.matching.rules import (
    DEFAULT_RULES,
    GENERIC_PLACE_WORDS,
    QUALIFIER_WORDS,
    SKELETON_RULES,
    MatchRules,
)


def fold(name: str) -> str:
    """Lower-case ASCII words, without accents, punctuation or words that say what
    kind of place a name is: ' Taftan  County' -> 'taftan', 'Rāsak' -> 'rasak'."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = "".join(c if c.isalnum() else " " for c in plain).split()
    return " ".join(w for w in words if w not in GENERIC_PLACE_WORDS)


def skeleton(name: str) -> str:
    """The consonants of a folded name, spelt one way (``rules.SKELETON_RULES``):
    'Noshki', 'Nushki' and 'Nuskhi' -> 'nsk'."""
    text = fold(name).replace(" ", "")
    for pattern, replacement in SKELETON_RULES:
        text = pattern.sub(replacement, text)
    return text


def same_name(one: str, other: str, rules: MatchRules = DEFAULT_RULES) -> bool:
    """Whether two place names name one place: the same name spelt two ways (close
    by rapidfuzz's ratio, or the same consonant skeleton), or one name's words all
    in the other's ('Mir Ali' in 'Khaddi Market Mir Ali'). Names whose qualifiers
    differ (North / South Waziristan) are not one name."""
    a, b = fold(one), fold(other)
    if not a or not b:
        return False
    if set(a.split()) & QUALIFIER_WORDS != set(b.split()) & QUALIFIER_WORDS:
        return False
    if a == b or fuzz.ratio(a.replace(" ", ""), b.replace(" ", "")) >= rules.name_ratio:
        return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter.replace(" ", "")) >= rules.contained_chars and set(
        shorter.split()
    ) <= set(longer.split()):
        return True
    bone = skeleton(one)
    return len(bone) >= rules.skeleton_consonants and bone == skeleton(other)
