"""What a capitalised name looks like in a report, as the place-name model reads
it.

Every run of capitalised words in a sentence that the gazetteer does not place
is a candidate ('Gul Imam', 'Biyamadhow', 'Colonel Ahmed', 'Friday'). Its
features are the words just before and after it, its length, the last letters
of its last word (place names end alike: -abad, -khel, -pur, -zai), whether it
is written in capitals, opens its sentence, comes back later in the text, has a
word no place has, and the sentence's tags (a toll, an attack). They read the
text only, not the reader's slot rules, so the model is an opinion of its own.
Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from components.report.scene_features import sentence_tags
from components.report.segments import Sentence
from components.report.unplaced import is_name

CONTEXT_WORDS = 3
"""How many words before and after a name are features."""
_REACH = 40
"""The characters either side of a name the context words are read from."""

_CAPITALISED = re.compile(
    r"(?<![\w'\u2019-])(?-i:[A-Z])[\w'\u2019.-]*"
    r"(?:\s+(?:(?-i:[A-Z])[\w'\u2019-]*|da|de|e|al|el|ul|bin))*"
)
"""A run of capitalised words, with the small words names hold ('Mocimboa da
Praia', 'Shar-e Naw')."""
_LEADING = re.compile(
    r"^(?:The|A|An|At|In|On|Near|From|Outside|Inside|Around|Into|Across|Along|"
    r"Bgy\.?|Brgy\.?|Barangay|Sitio|Purok)\s+"
)
"""A capitalised word that opens a run but is no part of a name."""
_JOINER_AT_END = re.compile(r"(?:\s+(?:da|de|e|al|el|ul|bin))+$")
"""Small words of a name left at a run's end ('Sohndah da'): not the name's."""
_WORD = re.compile(r"[\w'\u2019-]+|[,.;:()\"\u2014\u2013]")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def candidates(sentence: Sentence) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of each run of capitalised words in the sentence
    (offsets into the text), without a leading article or preposition."""
    for match in _CAPITALISED.finditer(sentence.text):
        name, at = match.group(), match.start()
        leading = _LEADING.match(name)
        if leading:
            name, at = name[leading.end() :], at + leading.end()
        name = _JOINER_AT_END.sub("", name.rstrip("."))
        if len(name) >= 3:
            yield sentence.start + at, sentence.start + at + len(name), name


def name_features(
    text: str, sentence: Sentence, start: int, end: int, name: str
) -> set[str]:
    """The features of one candidate of ``sentence`` (see :func:`candidates`)."""
    at = start - sentence.start
    body = sentence.text
    before = _words(body[max(0, at - _REACH) : at])[-CONTEXT_WORDS:]
    after = _words(body[at + len(name) : at + len(name) + _REACH])[:CONTEXT_WORDS]
    found: set[str] = set()
    for place, word in enumerate(reversed(before), 1):
        found |= {f"before{place}={word}", f"before={word}"}
    for place, word in enumerate(after, 1):
        found |= {f"after{place}={word}", f"after={word}"}
    parts = name.split()
    last = parts[-1].lower()
    found |= {f"words={min(len(parts), 3)}", f"ends={last[-3:]}", f"ends={last[-2:]}"}
    if name.isupper():
        found.add("capitals")
    if not body[:at].strip(" \"'\u201c("):
        found.add("opens_sentence")
    if text.count(name) > 1:
        found.add("named_again")
    if not is_name(name):
        found.add("not_a_place_word")
    found |= {f"sentence={tag}" for tag in sentence_tags(body)}
    found.add(f"paragraph={min(sentence.paragraph, 3)}")
    return found
