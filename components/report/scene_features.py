"""What a named place looks like in a report, as the scene model reads it.

Every place the gazetteer finds in a report gets one set of features, gathered
over all its mentions: the words just before and after each mention, whether the
sentence tells of deaths, an attack, a number or the past, which paragraph it
stands in, how often and how early the place is named, how wide a place it is,
and whether it holds another place the report names (a district that holds the
village of the attack) or lies in one.

The features read the text only: no rule's verdict on the place (its role) is
among them, so the model learned from them is an opinion of its own on the
reports the rules were written against. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from components.domain.places import Place
from components.report.mentions import PlaceMention
from components.report.numbers import NUMBER
from components.report.vocabulary import HIT_WORDS, INJURED_VERBS, KILLED_VERBS

PlaceKey = tuple[str, object]
"""A place of the report: ``("place", geonameid)`` for a gazetteer place,
``("name", key)`` for a name the gazetteer lacks."""

CONTEXT_WORDS = 4
"""How many words before and after each mention are features."""
_REACH = 80
"""The characters either side of a mention the context words are read from."""

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*")
_TOLL = re.compile(rf"\b(?:{KILLED_VERBS}|{INJURED_VERBS}|casualt\w*)\b", re.I)
_COUNT = re.compile(rf"\b{NUMBER}\b", re.I)
_PAST = re.compile(
    r"\b(?:19|20)\d\d\b|\blast (?:year|month|week)\b|\bearlier\b|\bin the past\b"
    r"|\bsince\b|\bago\b|\bprevious\w*|\brecent (?:weeks|months|years)\b",
    re.I,
)
"""Words of a sentence that tells of an earlier time: a coarse cue, not the
reader's background rules."""


def words(text: str) -> list[str]:
    """Lower-case words; every number is '0'."""
    return ["0" if w[0].isdigit() else w.lower() for w in _WORD.findall(text)]


def place_key(mention: PlaceMention) -> PlaceKey:
    if mention.unplaced is not None:
        return ("name", mention.unplaced.name.casefold())
    return ("place", mention.place.geonameid)


def group_by_place(
    mentions: Sequence[PlaceMention],
) -> dict[PlaceKey, list[PlaceMention]]:
    """The report's places in the order they are first named, each with its
    mentions."""
    groups: dict[PlaceKey, list[PlaceMention]] = {}
    for mention in mentions:
        groups.setdefault(place_key(mention), []).append(mention)
    return groups


def lies_in(inner: Place, outer: Place) -> bool:
    """``inner`` lies in ``outer`` by the gazetteer's codes (a country, a
    province, a district)."""
    if inner.geonameid == outer.geonameid or not inner.country:
        return False
    if inner.country != outer.country:
        return False
    if outer.kind == "country":
        return True
    if outer.kind == "province":
        return inner.admin1 == outer.admin1 and inner.kind != "province"
    if outer.kind == "district":
        return (
            inner.admin1 == outer.admin1
            and bool(inner.district)
            and inner.district == outer.district
            and inner.kind not in ("district", "province")
        )
    return False


def _bucket(order: int) -> str:
    return "0" if order == 0 else "1" if order == 1 else "2-3" if order < 4 else "4+"


def _paragraph(number: int) -> str:
    return (
        "p0" if number == 0 else "p1" if number == 1 else "p2" if number <= 3 else "p4"
    )


def sentence_tags(sentence: str) -> list[str]:
    tags = []
    if _TOLL.search(sentence):
        tags.append("toll")
    if HIT_WORDS.search(sentence):
        tags.append("attack")
    if _COUNT.search(sentence):
        tags.append("count")
    if _PAST.search(sentence):
        tags.append("past")
    return tags


def mention_features(text: str, mention: PlaceMention, first: bool) -> set[str]:
    """The features of one mention: its context words by position and as a bag,
    its sentence's tags, alone and by paragraph."""
    found: set[str] = set()
    sentence = mention.sentence
    before = words(text[max(sentence.start, mention.start - _REACH) : mention.start])
    after = words(text[mention.end : min(sentence.end, mention.end + _REACH)])
    for at, word in enumerate(reversed(before[-CONTEXT_WORDS:]), 1):
        found |= {f"before{at}={word}", f"before={word}"}
    for at, word in enumerate(after[:CONTEXT_WORDS], 1):
        found |= {f"after{at}={word}", f"after={word}"}
    if mention.text.isupper() and len(mention.text) > 3:
        found.add("capitals")
    paragraph = _paragraph(sentence.paragraph)
    tags = sentence_tags(sentence.text)
    found.add(f"paragraph={paragraph}")
    for tag in tags:
        found |= {f"sentence={tag}", f"sentence={tag}@{paragraph}"}
    if first:
        found.add(f"first_paragraph={paragraph}")
        found |= {f"first_sentence={tag}" for tag in tags}
    return found


def place_features(
    text: str,
    groups: dict[PlaceKey, list[PlaceMention]],
    key: PlaceKey,
) -> set[str]:
    """The features of one place of ``groups`` (see :func:`group_by_place`),
    over all its mentions in ``text`` (the plain copy the mentions point into)."""
    mentions = groups[key]
    first = mentions[0]
    unknown = first.unplaced is not None
    place = first.place
    order = list(groups).index(key)
    named = len(mentions)
    found = {
        "level=" + ("unknown" if unknown else str(first.precision.value)),
        "kind=" + ("unknown" if unknown else place.kind),
        "named=" + ("1" if named == 1 else "2" if named == 2 else "3+"),
        "order=" + _bucket(order),
    }
    others = [group[0].place for other, group in groups.items() if other != key]
    if not unknown and any(lies_in(other, place) for other in others):
        found.add("holds_another")
    placed = [g[0].place for k, g in groups.items() if k != key and k[0] == "place"]
    if not unknown and any(lies_in(place, other) for other in placed):
        found.add("lies_in_another")
    for at, mention in enumerate(mentions):
        found |= mention_features(text, mention, at == 0)
    return found
