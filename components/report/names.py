"""Names the gazetteer knows in a sentence: the longest name at each word, not a
person's name or the first word of a longer one, areas named as areas ("the Diffa
region"), and which of several namesakes the text means."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from components.domain.places import Place
from components.domain.vocabularies import GeoPrecision
from components.gazetteer import Gazetteer, normalize_name
from components.report.segments import Sentence
from components.report.vocabulary import NOT_PLACE_WORDS, NOT_PLACES, TITLES
from components.report.vocabulary.places import (
    NAME_CONNECTORS,
    NAME_PREFIXES,
    PLACE_TAIL,
    PLACE_WORD_ENDS,
    RELIGION_WORDS,
)

BIG_TOWN = 100_000
"""A town this large is a place even with no locative word before it."""


MAX_NGRAM = 4


_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|from|outside|of|across|to|towards|toward|via|between|"
    r"around|on|into|within|inside|along|and|or)\s+(?:the\s+)?(?:(?:neighbou?ring|"
    r"nearby|adjoining|adjacent|restive|remote)\s+)?|'s\s+|,\s*)$",
    re.IGNORECASE,
)


_AREA_AFTER = re.compile(
    r"^(?:'s)?\s+(?:district|tehsil|sub-?division|area|areas|city|town|village|"
    r"region|division|agency|province|bazaar|border|outskirts|valley|pass|"
    r"railway station|station|cantonment)\b",
    re.IGNORECASE,
)


DISTRICT_AFTER = re.compile(r"^\s+(?:district|tehsil|division|agency|township)\b", re.I)


_AREA_NAME = r"(?-i:[A-Z])[\w'\u00c0-\u024f-]*(?:\s+(?-i:[A-Z])[\w'\u00c0-\u024f-]*)*"


_AREA_NAMED = re.compile(
    rf"^(?:(?:\s*,\s*{_AREA_NAME})*\s*,?\s+and\s+{_AREA_NAME})?"
    r"\s+(?P<word>provinces?|provincial|"
    r"regions?|count(?:y|ies)|states?|governorates?|districts?|departments?|"
    r"local government areas?|lgas?|territory|territories)\b",
    re.IGNORECASE,
)
"""After a name: the word that makes it an area ('the Diffa region'), also at the
end of a list ('the Tillaberi, Diffa and Dosso regions')."""


_AREA_APPOSITION = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:regions?|provinces?|states?)"
    r"(?:\s+(?:of|in|on)\b|\s*[,.;])",
    re.IGNORECASE,
)
"""'Tillaberi, a vast region of western Niger', 'Sorsogon, the southernmost
province on the Philippines' Luzon island': the name is the region's."""


_AREA_OF_BEFORE = re.compile(
    r"\bthe\s+(?:(?-i:[a-z]+)\s+)?(?:province|region|state|governorate)\s+of\s+$",
    re.IGNORECASE,
)
"""Before a name: 'the western province of Herat', 'the state of Borno'."""


_IN_A_PROVINCE = re.compile(
    rf"(?:\b(?:province|state|governorate)'s\s+$)|(?:^\s+region\s+of\s+(?:the\s+)?"
    rf"{_AREA_NAME}\s+(?:province|state|governorate)\b)",
    re.IGNORECASE,
)
"""A region the text places in a first-level area ('Sistan-Baluchistan
province's Khash region', 'the Khash region of Sistan-Baluchistan province'):
an area below the province, not a province of its own."""


def area_named(after: str, before: str = "") -> str | None:
    """'province' or 'district' where the words around a name say it names an
    area, not the town of the same name; None otherwise. A single name before
    'district', 'county' or 'department' (second-level areas in most countries
    the corpus reads) stays the town that names it (the area's seat), and so
    does a region the text places in a province."""
    if _AREA_APPOSITION.match(after) or _AREA_OF_BEFORE.search(before):
        return "province"
    found = _AREA_NAMED.match(after)
    if found is None:
        return None
    word = found.group("word").lower()
    if word.startswith("region") and (
        _IN_A_PROVINCE.search(before) or _IN_A_PROVINCE.match(after)
    ):
        return None
    if word.startswith(("local", "lga", "territor")):
        return "district"  # 'the Kukawa Local Government Area', 'Beni territory'
    if word.startswith(("district", "department", "count")):
        return "district" if found.group().strip()[0] in ",a" else None
    return "province"


def as_area(place: Place, kind: str) -> tuple[Place, GeoPrecision]:
    """A town read as the area it names, at area precision (its point stays the
    town's: where the area is, no finer)."""
    precision = GeoPrecision.REGION if kind == "province" else GeoPrecision.NEAR_TOWN
    return replace(place, kind=kind, precision=precision), precision


_NAME_WORD_BEFORE = re.compile(r"(?-i:[A-Z])[a-z]+\s$")


_NAME_WORD_AFTER = re.compile(r"^\s(?-i:[A-Z])[a-z]+")


def in_longer_name(text: str, sentence: Sentence, start: int, end: int) -> bool:
    """A place name inside a longer proper name, with a capitalised word right
    before it (not the sentence's first) and right after it, neither a place
    word: a person ('Ali Mardan Khan Domki'), not a place."""
    window = max(sentence.start, start - 20)
    found = _NAME_WORD_BEFORE.search(text[window:start])
    if found is None or window + found.start() == sentence.start:
        return False
    word = normalize_name(found.group().strip())
    if word in NOT_PLACES or word in NOT_PLACE_WORDS or word in NAME_PREFIXES:
        return False
    return bool(_NAME_WORD_AFTER.match(text[end : end + 20]))


def named_with_a_role(text: str, end: int) -> bool:
    """A place name that is a given name before a surname and a person's role
    ('Shahriar Heydari, a security official from Kermanshah, said'): a person."""
    found = _SURNAME_THEN_ROLE.match(text[end : end + 100])
    return found is not None and normalize_name(found["surname"]) not in (
        NOT_PLACES | NOT_PLACE_WORDS
    )


_SURNAME_THEN_ROLE = re.compile(
    r"^\s+(?P<surname>(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)?),\s+(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:official|spokes(?:man|woman|person)|commander|officer|"
    r"governor|minister|lawmaker|legislator|mayor|elder|resident|witness|journalist|"
    r"analyst|activist|director|leader)\b"
)


_QUOTED_TITLE = re.compile(
    r"[\"\u201c](?P<title>(?:(?-i:[A-Z])[\w'\u00c0-\u024f-]*|de|da|do|of|the|al|el|la|le)"
    r"(?:\s+(?:(?-i:[A-Z])[\w'\u00c0-\u024f-]*|de|da|do|of|the|al|el|la|le)){1,5})"
    r"[\"\u201d]"
)
"""A short name in quotes, every word capitalised but its joining words: a title
('"Carta de Mocambique" reported'), not words someone said."""


def in_quoted_title(text: str, sentence: Sentence, start: int, end: int) -> bool:
    """A place name inside a quoted title of several words: a newspaper, a radio
    station or a campaign named for the place, not the place."""
    body = text[sentence.start : sentence.end]
    return any(
        found.start("title") <= start - sentence.start
        and end - sentence.start <= found.end("title")
        for found in _QUOTED_TITLE.finditer(body)
    )


def titled_surname(text: str, sentence: Sentence, start: int) -> bool:
    """A place name after an office's title and a given name: a person's surname
    ('Deputy Commissioner Habibullah Musakhel', 'Superintendent of Police Ahmed
    Kharan'), not a place."""
    found = _TITLE_AND_NAME.search(text[max(sentence.start, start - 60) : start])
    if found is None:
        return False
    given = [normalize_name(word) for word in found.group("given").split()]
    return not any(
        word in NOT_PLACES or word in NOT_PLACE_WORDS or word in NAME_PREFIXES
        for word in given
    )


_TITLE_AND_NAME = re.compile(
    r"\b(?-i:Commissioner|Minister|Officer|Inspector|Superintendent(?: of Police)?|"
    r"Governor|Spokesman|Spokesperson|Director|Secretary|Senator|Colonel|Major|"
    r"Captain|Brigadier|Lieutenant|SP|DPO|SSP|DSP|SHO|Sardar|Nawab|Mir|Mr|Dr|Malam|"
    r"Mallam|Alhaji|Alhaja|policeman|constable|soldier|sepoy|jawan|cop|guard|"
    r"ranger)\.?\s+"
    r"(?P<given>(?:(?-i:[A-Z])[a-z]+\s+){1,2})$"
)


def named_person(text: str, sentence: Sentence, start: int) -> bool:
    """A name in a list of people the text names ('The dead were identified as
    Shiraz and Sanaullah', 'named as Havaldar Saleem Khan, 36; Naik Javed',
    'Constables Umer Hayat, Shahid and Intikhab Alam'): a person, not a place."""
    return bool(_NAMED_AS.search(text[max(sentence.start, start - 120) : start]))


_NAMED_AS = re.compile(
    r"(?:\b(?:identified|named)\s+(?:them\s+|him\s+|her\s+)?as\s+|"
    r"\b(?-i:Constables|Sepoys|Soldiers|Policemen|Naiks|Lance Naiks|Havildars|"
    r"Subedars|Sergeants|Corporals|Privates|Troopers|Jawans|Officers|Messrs)\.?\s+)"
    r"(?:(?-i:[A-Z])[\w'.-]*(?:\s+(?-i:[A-Z])[\w'.-]*)*(?:\s*,\s*\d{1,3})?"
    r"\s*(?:,|;|and|,\s*and)\s*)*$"
)


def head_of_area_name(text: str, sentence: Sentence, start: int, end: int) -> bool:
    """A place name that begins a longer area name the gazetteer does not know,
    after 'the' and before an area word ('the Dir Duni area of the district'):
    the area is the longer name's, not the known one's (the longer name is
    kept as unknown)."""
    if not _THE_BEFORE.search(text[max(sentence.start, start - 5) : start]):
        return False
    found = _NAME_WORD_THEN_AREA.match(text[end : end + 40])
    if found is None:
        return False
    word = normalize_name(found.group("word"))
    return _name_of_its_own(word) and word not in _PLACE_WORD_ENDS


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NAME_WORD_THEN_AREA = re.compile(
    r"^\s(?P<word>(?-i:[A-Z])[a-z]+)\s(?:area|village|locality|neighbou?rhood|"
    r"hamlet|settlement)\b"
)
_PLACE_WORD_ENDS = frozenset(normalize_name(word) for word in PLACE_WORD_ENDS)

_LOCATIVE_NAME_WORD = re.compile(
    r"(?:\b(?:in|at|near|outside|of|the|and|include|included|including)|,)\s+"
    r"(?P<word>(?-i:[A-Z])[a-z]+)\s$",
    re.IGNORECASE,
)
_DEMONYM = re.compile(r"(?:ian|ean|can|afghan|ani|i|ese|ish)$")
"""'Iranian Baluchestan', 'Pakistani Kashmir': a people's adjective, not a name."""


def tail_of_longer_name(text: str, sentence: Sentence, start: int) -> bool:
    """A place name that ends a longer one the gazetteer does not know, after a
    locative or in a list ('near Shah Mardan', 'at the Kili Quetta post', 'Raka,
    Raka Dutse and Filin Gawa'): the place is the longer name's, not the known
    one's (the longer name is kept as unknown)."""
    found = _LOCATIVE_NAME_WORD.search(text[max(sentence.start, start - 30) : start])
    if found is None:
        return False
    word = normalize_name(found.group("word"))
    if word in RELIGION_WORDS and PLACE_TAIL.match(text[start:]):
        return True  # 'the Muslim Bagh area': a town's name, not Bagh
    return _name_of_its_own(word) and not _DEMONYM.search(word)


def _name_of_its_own(word: str) -> bool:
    """Whether a capitalised word next to a known name may be part of a longer
    name: no title, prefix or ordinary word reports capitalise."""
    return not (
        word in NOT_PLACES
        or word in NOT_PLACE_WORDS
        or word in NAME_PREFIXES
        or word in TITLES
    )


_WORD = re.compile(r"[^\W\d_][\w'.-]*")


_ARTICLE_NAME = re.compile(r"(?:al|el|ad|an|as|ash|at|ar|az|ez|es)-(?-i:[A-Z])")
"""'al-Miqdadiyah': a name that begins with the Arabic article in lower case."""


def strip_possessive(word: str) -> str:
    return re.sub(r"(?:'s|')$", "", word).rstrip(".")


def _name_word(word: str) -> bool:
    return word[0].isupper() or bool(_ARTICLE_NAME.match(word))


def names_in(
    sentence: Sentence, places: Gazetteer
) -> Iterable[tuple[Sentence, int, int, str, list[Place], bool]]:
    """(sentence, start, end, surface, candidates, cue) per name the gazetteer
    knows, longest name first at each word."""
    body = sentence.text
    words = _route_parts(
        body, [(m.start(), m.end(), m.group()) for m in _WORD.finditer(body)]
    )
    keys = [normalize_name(strip_possessive(w)) for _, _, w in words]
    i = 0
    while i < len(words):
        matched = 0
        first = words[i][2]
        if first[0].isupper() or _ARTICLE_NAME.match(first):
            # 'Upper Dir', 'North Waziristan': a word that is no place alone
            # may begin one
            lowest = 1
            if keys[i] in NOT_PLACES or (first.isupper() and keys[i] in TITLES):
                # 'the agency's DIG, M Dinakaran': a rank's initials, not Dīg
                if keys[i] not in NAME_PREFIXES:
                    i += 1
                    continue
                lowest = 2
            for n in range(min(MAX_NGRAM, len(words) - i), lowest - 1, -1):
                inner = words[i + 1 : i + n]
                if any(
                    not _name_word(w[2]) and w[2] not in NAME_CONNECTORS for w in inner
                ) or (inner and not _name_word(inner[-1][2])):
                    continue  # 'Deir ez-Zor': a particle joined to a name is one
                candidates = places.candidates(" ".join(keys[i : i + n]))
                if not candidates or _is_person(words, keys, i):
                    continue
                start = words[i][0]
                last = words[i + n - 1]
                end = last[0] + len(strip_possessive(last[2]))
                if _PERSON_AFTER.match(body[end : end + 12]):
                    break  # 'Jordan Garcia, 24, a survivor'; 'Garcia, who was hit
                surface = body[start:end]
                cue = bool(
                    _LOCATIVE.search(body[max(0, start - 30) : start])
                    or _AREA_AFTER.match(body[end : end + 40])
                    or body[end : end + 2] == "'s"
                )
                yield (
                    sentence,
                    sentence.start + start,
                    sentence.start + end,
                    surface,
                    candidates,
                    cue,
                )
                matched = n
                break
        i += matched or 1


_ROAD_AFTER = re.compile(
    r"^\s+(?:(?:national\s+)?highway|road|motorway|route|railway|rail|section)\b",
    re.IGNORECASE,
)


def _route_parts(
    body: str, words: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Words with a road's hyphenated name cut into its places: 'the
    Quetta-Karachi highway' names Quetta and Karachi (as route landmarks)."""
    found = []
    for start, end, word in words:
        parts = word.split("-")
        if len(parts) > 1 and all(parts) and _ROAD_AFTER.match(body[end : end + 30]):
            at = start
            for part in parts:
                found.append((at, at + len(part), part))
                at += len(part) + 1
        else:
            found.append((start, end, word))
    return found


_PERSON_AFTER = re.compile(r"^,\s*(?:\d{1,3}\s*,|who\b)")
"""After a name, an age or 'who': a person ('Garcia, 24,', 'Garcia, who')."""


def _is_person(words: list, keys: list[str], i: int) -> bool:
    """A name right after a title ('Mir Sarfraz', 'Governor Kakar'), or after a
    title and a given name ('Capt. William Rodriguez')."""
    return (i > 0 and keys[i - 1].rstrip(".") in TITLES) or (
        i > 1
        and keys[i - 2].rstrip(".") in TITLES
        and words[i - 2][2][:1].isupper()
        and words[i - 1][2][:1].isupper()
        and keys[i - 1] not in TITLES
        and words[i - 1][0] - (words[i - 2][0] + len(words[i - 2][2])) <= 2
        and words[i][0] - (words[i - 1][0] + len(words[i - 1][2])) <= 1
    )


def is_stray(place: Place, context: Context, own: int = 1) -> bool:
    """A small GeoNames town in a province no other name of the text lies in, while
    the text's names agree on another one: a namesake when its name only begins a
    longer one ('Bagh Bazaar' in Tirah is not Bagh in Azad Kashmir). ``own`` is
    how often the name itself is named: saying 'Bagh Bazaar' twice does not make
    its namesake's province the text's."""
    admin1 = context[0]
    uncurated = place.geonameid > 0 and not place.district
    return (
        uncurated
        and not is_strong(place)
        and admin1[place.admin1] <= max(own, 1)
        and max(admin1.values(), default=0) >= 2
    )


def is_strong(place: Place) -> bool:
    return place.kind != "town" or (place.population or 0) >= BIG_TOWN


Context = tuple[Counter[str], Counter[str], Counter[str]]


def context_of(all_candidates: Sequence[Sequence[Place]]) -> Context:
    """How often each province, district and country is named in the text, from
    names that are one place only (or whose places agree)."""
    admin1: Counter[str] = Counter()
    district: Counter[str] = Counter()
    country: Counter[str] = Counter()
    for candidates in all_candidates:
        if len({(p.country, p.admin1) for p in candidates}) == 1:
            place = candidates[0]
            admin1[place.admin1] += 1
            country[place.country] += 1
            if place.district:
                district[place.district] += 1
            if place.kind == "district":
                district[place.name] += 1
    return admin1, district, country


def choose(candidates: Sequence[Place], context: Context) -> Place:
    """The candidate in the text's own province and district, then country; ties
    keep the gazetteer's order (its stated bias)."""
    admin1, district, country = context
    return max(
        candidates,
        key=lambda p: (
            admin1[p.admin1],
            district[p.district] if p.district else 0,
            country[p.country],
            -candidates.index(p),
        ),
    )
