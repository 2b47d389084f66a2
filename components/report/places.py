"""Places a report names, what each is named for, and which place each name is.

Reports are read for places across Pakistan, Afghanistan and Iran. A name is a
place when the gazetteer knows it (its own name or a curated spelling, never a
GeoNames variant that may be an English word) and the text treats it as one: a
word such as "in", "near" or "of" before it, "district" or "area" after it, a
possessive, a list of places, or a place of the home province (Balochistan, whose
curated table is the gazetteer's richest). Where several places share a name, the
one in the province and district of the text's other places wins, then the
gazetteer's own ranking (population, kind).

Each mention has a role. Only an ``incident`` mention can be where an attack
happened; a ``dateline`` says where a report was filed, a ``reference`` is a
distance or route landmark ("157 km from Quetta", "the Quetta-Karachi highway"),
a ``destination`` where the wounded were taken, an ``origin`` where victims came
from, a ``blockade`` where roads were only blocked ("blocked highways in Turbat
and Panjgur"; an attack place only when its clause tells of an attack or
figures and names no other place). Names the gazetteer does not know, in a
place-like position ("in the Zamuran area"), are listed as unplaced.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from components.domain.places import Place
from components.domain.vocabularies import GeoPrecision
from components.gazetteer import Gazetteer, normalize_name
from components.report.segments import Sentence, words

HOME = ("PK", "Balochistan")
"""The province whose places are read without a locative word before them."""
COUNTRIES = frozenset({"PK", "AF", "IR"})
MIN_POPULATION = 500
"""GeoNames towns smaller than this are not read from reports (villages of three
countries would match ordinary words); curated places always are."""
BIG_TOWN = 100_000
"""A town this large is a place even with no locative word before it."""
MAX_NGRAM = 4

INCIDENT = "incident"
DATELINE = "dateline"
REFERENCE = "reference"
DESTINATION = "destination"
ORIGIN = "origin"
STATEMENT = "statement"
BLOCKADE = "blockade"
LISTED_ROLES = frozenset({REFERENCE, DESTINATION, ORIGIN, BLOCKADE})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A name in the text that the gazetteer places, and what it is named for."""

    place: Place
    precision: GeoPrecision
    start: int
    end: int
    text: str
    role: str
    sentence: Sentence
    candidates: tuple[Place, ...] = ()

    @property
    def is_incident(self) -> bool:
        return self.role == INCIDENT


@dataclass(frozen=True, slots=True)
class UnplacedName:
    """A name in a place-like position that the gazetteer does not know."""

    name: str
    start: int
    end: int
    sentence: Sentence


_NOT_PLACES = frozenset(
    normalize_name(word)
    for word in words(
        "january february march april may june july august september "
        "october november december monday tuesday wednesday thursday friday "
        "saturday sunday pakistan iran afghanistan india china the police "
        "army security levies frontier corps government province district "
        "city town area express national highway road hospital civil "
        "teaching district headquarters jail mosque market bazaar chief "
        "minister governor president prime interior home inspector general "
        "deputy commissioner north south east west northern southern "
        "eastern western central upper lower new old al islamic state "
        "movement front liberation army party rescue edhi levies bla "
        "tehreek taliban ttp isis daesh bank"
    )
)
"""Capitalised words that the gazetteer may know as some village but that reports
use as ordinary words (months, weekdays, countries, offices, organisations)."""

_PREFIXES = frozenset(
    words(
        "north south east west northern southern eastern western central upper "
        "lower new old"
    )
)
"""Words of :data:`_NOT_PLACES` that begin names of places: 'Upper Dir',
'North Waziristan'."""

_TITLES = frozenset(
    words(
        "mr mrs ms dr minister president general gen commander chief prime "
        "sardar nawab mir senator spokesman spokesperson governor colonel "
        "col major maj captain capt inspector justice judge imam maulana "
        "mullah sheikh sepoy constable naik havildar subedar lieutenant lt "
        "brigadier brig sub sho dsp ssp sp igp dig asi si commissioner "
        "deputy assistant"
    )
)
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
_DISTRICT_AFTER = re.compile(r"^\s+(?:district|tehsil|division|agency)\b", re.I)
_PROVINCE_AFTER = re.compile(r"^\s+(?:province|provincial)\b", re.I)
_REFERENCE_BEFORE = re.compile(
    r"(?:\d[\d.,]*\s*(?:km|kms|kilomet(?:re|er)s?|miles?)\s+(?:\([^()]{1,30}\)\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?(?:of|from)\s+|"
    r"(?:away|far) from\s+|border (?:with|of)\s+|(?-i:[A-Z])\w+-)"
    r"(?:the\s+)?(?:(?:(?:provincial|federal|national|country's)\s+)?capital,?\s+|"
    r"city of\s+)?$",
    re.IGNORECASE,
)
"""'157 km from Quetta', '1,200 kilometers (745 miles) southeast of Tehran',
'southeast of the capital, Tehran', 'the Quetta-Karachi highway'."""
_ROUTE_START_BEFORE = re.compile(
    r"\b(?:from|links?|linking|connects?|connecting|joins?|joining)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ROUTE_START_AFTER = re.compile(
    r"^\s+(?:to|and|with)\s+(?:(?:the|their|its|his|her)\s+)?"
    r"(?:[a-z][\w'-]*\s+){0,2}(?:in\s+)?[A-Z]"
)
_ROUTE_END_BEFORE = re.compile(
    r"\b(?:from|links?|linking|connects?|connecting|joins?|joining)\s+(?:the\s+)?"
    r"(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*){0,3}\s+(?:to|with|and)\s+"
    r"(?:(?:the|their|its|his|her)\s+)?(?:[\w'-]+\s+){0,3}(?:in\s+)?$",
    re.IGNORECASE,
)
"""'running from Quetta to Peshawar', 'going from Islamabad to their camp in Dasu',
'the highway that links Karachi to Gwadar': both ends of a route are where the
train or convoy was going, not where it was hit."""
_ROUTE_AFTER = re.compile(
    r"^(?:-[A-Z][\w]+)+\s+(?:(?:national\s+)?highway|road|motorway|route|"
    r"railway|rail|section|coastal highway)",
    re.IGNORECASE,
)
_DESTINATION_BEFORE = re.compile(
    r"\b(?:bound for|heading (?:to|for|towards)|on (?:its|their|his|her) way "
    r"to|en route to|travell?ing to|going to|destined for)\s+(?:the\s+)?$|"
    r"(?:\b(?:shifted|taken|moved|rushed|brought|transported|referred|airlifted|"
    r"flown|evacuated|admitted|sent|dispatched|carried|handed over)\s+"
    r"(?:\w+\s+){0,2}"
    r"(?:to|in|at)\s+(?:the\s+)?(?:[\w.'-]+\s+){0,4}|"
    r"(?:hospital|trauma cent(?:re|er)|cmh)\s*(?:\([^()]{1,20}\)\s*)?,?\s+(?:in\s+)?|"
    r"\b(?:carrying|transporting|ferrying|taking)\s+(?:[\w,'-]+\s+){0,5}to\s+|"
    r"(?:treatment|treated)\s+(?:at|in)\s+(?:the\s+)?(?:[\w.'-]+\s+){0,4})$",
    re.IGNORECASE,
)
_CUT_OFF_BEFORE = re.compile(
    r"\b(?:cut(?:ting|s)?\s+off|isolat(?:ing|ed|es?))\s+(?:the\s+)?$"
    r"|\bcut(?:ting|s)?\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""'cutting Quetta off from the rest of the country', 'cut off Quetta': the place
a blast cut off, not where it went off."""
_BLOCKADE_BEFORE = re.compile(
    r"\b(?:block(?:ed|ing|s)?|blockad(?:ed|ing|es?)|closed|closing|shut(?:ting)?"
    r"(?:\s+down)?)\s+(?:(?:the|several|main|all|key|major|national)\s+)*"
    r"(?:[\w-]+\s+)?(?:highways?|roads?|routes?|motorways?|streets?|traffic|"
    r"(?:railway|rail)\s+(?:lines?|tracks?))\s+(?:in|at|near|across|around|"
    r"through|of|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""'blocked highways in Mastung, Kalat and Turbat': roads shut, not an attack."""
_ORIGIN_BEFORE = re.compile(
    r"\b(?:hail(?:ed|ing|s)? from|belong(?:ed|ing|s)? to|residents? of|"
    r"coming from|travell?ing from|on (?:its|their|his|her) way from|headed from|"
    r"departed from|set off from|"
    r"\b\d{1,2},\s+(?:from|of)|"  # "Sepoy Imran Ali, 28, from District Khairpur"
    r"natives? of|home ?towns? (?:of|in)|were from|was from|is from|domiciled? "
    r"in|hometown|native|(?:people|persons|workers|labou?rers|passengers|"
    r"travell?ers|drivers|settlers|pilgrims|civilians|families) from)\s+"
    r"(?:the\s+)?(?:[\w.'-]+\s+){0,3}(?:in\s+)?$",
    re.IGNORECASE,
)
_PERSON_FROM_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(_TITLES, key=len, reverse=True)) + r")\.?\s+"
    r"(?:\((?-i:[A-Z]+)\)\s+)?(?:(?-i:[A-Z])[\w'-]*\s+){1,3}(?:from|of)\s+$",
    re.IGNORECASE,
)
"""'Sepoy Niaz from Bajaur', 'Naik Ali of Swat': a named person's home, not a scene."""
_STATEMENT_BEFORE = re.compile(
    r"\b(?:statement (?:issued )?(?:in|from)|press conference in|speaking in|"
    r"told reporters in|talking to (?:the )?media in|said in|(?:officials|"
    r"authorities|sources|spokesm[ae]n|spokespersons?) (?:based )?in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_OFFICIAL_AFTER = re.compile(
    r"^(?:'s)?\s+(?:district\s+|divisional\s+)?(?:deputy\s+|assistant\s+)?"
    r"(?:commissioner|police (?:chief|officer)|administration|administrator|"
    r"dpo|ssp|sho|spokesman|spokesperson|official)\b",
    re.IGNORECASE,
)
"""'Zhob District Commissioner Azeem Kakar said': a title, not where it happened."""
_DATELINE_AFTER = re.compile(
    r"^\s*(?::|,\s*(?:Pakistan|Iran|Afghanistan)\b|\s*\((?:AP|AFP|Reuters|APP|"
    r"PTI|ANI|IANS|Xinhua|dpa)\)|\s+-|,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
    r"Sep|Oct|Nov|Dec)\w*\.?\s+\d)",
)
_LIST_JOIN = re.compile(r"^(?:'s)?\s*(?:,|and|or|,\s*and|,\s*or)\s*$", re.I)
"""Between two names of one list: a role given to the first holds for the next."""
_WORD = re.compile(r"[^\W\d_][\w'.-]*")
_UNPLACED = re.compile(
    r"\b(?:in|at|near)\s+(?:the\s+)?(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
    r"\s+(?:area|village|town|tehsil|sub-?division|locality|region)\b"
)


def in_scope(place: Place) -> bool:
    """Places reports are read for: areas, curated places, and GeoNames towns of
    at least :data:`MIN_POPULATION` in Pakistan, Afghanistan and Iran."""
    if place.country not in COUNTRIES:
        return False
    curated = place.geonameid < 0 or bool(place.district)
    return place.kind != "town" or curated or (place.population or 0) >= MIN_POPULATION


@functools.lru_cache(maxsize=4)
def report_gazetteer(gazetteer: Gazetteer) -> Gazetteer:
    """The places :func:`in_scope` accepts, by own names and curated spellings."""
    return gazetteer.restricted(in_scope, alternates=False)


def _strip_possessive(word: str) -> str:
    return re.sub(r"(?:'s|')$", "", word).rstrip(".")


def find_places(
    text: str, sentences: Sequence[Sentence], gazetteer: Gazetteer
) -> tuple[list[PlaceMention], list[UnplacedName]]:
    """Every place mention in ``text`` (the plain copy), in order, with its role
    and the place chosen for it; and the place-like names the gazetteer lacks."""
    places = report_gazetteer(gazetteer)
    raw: list[tuple[Sentence, int, int, str, list[Place], bool]] = []
    for sentence in sentences:
        raw.extend(_names_in(sentence, places))
    context = _context([candidates for *_, candidates, _ in raw])
    own = Counter(
        normalize_name(surface)
        for _, _, _, surface, candidates, _ in raw
        if len({(p.country, p.admin1) for p in candidates}) == 1
    )
    mentions: list[PlaceMention] = []
    for sentence, start, end, surface, candidates, cue in raw:
        place = _choose(candidates, context)
        at_home = (place.country, place.admin1) == HOME
        if not (at_home or cue or _strong(place) or context[0][place.admin1] > 1):
            continue
        before = text[max(sentence.start, start - 80) : start]
        after = text[end : min(sentence.end, end + 60)]
        if re.match(r"\s[A-Z][a-z]", after) and _stray(
            place, context, own[normalize_name(surface)]
        ):
            continue  # only the first word of a longer name: "Bagh Bazaar"
        precision = place.precision
        if precision == GeoPrecision.TOWN and _DISTRICT_AFTER.match(after):
            precision = GeoPrecision.NEAR_TOWN
        if _PROVINCE_AFTER.match(after) and place.kind != "province":
            continue
        role = _role(sentence, start, surface, before, after)
        previous = mentions[-1] if mentions else None
        if (
            role == INCIDENT
            and previous is not None
            and previous.role in LISTED_ROLES
            and previous.sentence is sentence
            and _LIST_JOIN.match(text[previous.end : start])
        ):
            role = previous.role  # 'hailed from Karak, Upper Dir and Mardan'
        mentions.append(
            PlaceMention(
                place, precision, start, end, surface, role, sentence, tuple(candidates)
            )
        )
    known = {(m.start, m.end) for m in mentions}
    unplaced = [
        name
        for sentence in sentences
        for name in _unplaced_in(sentence, places)
        if not any(a <= name.start < b for a, b in known)
    ]
    return mentions, unplaced


def _names_in(
    sentence: Sentence, places: Gazetteer
) -> Iterable[tuple[Sentence, int, int, str, list[Place], bool]]:
    """(sentence, start, end, surface, candidates, cue) per name the gazetteer
    knows, longest name first at each word."""
    body = sentence.text
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(body)]
    keys = [normalize_name(_strip_possessive(w)) for _, _, w in words]
    i = 0
    while i < len(words):
        matched = 0
        first = words[i][2]
        if first[0].isupper():
            # 'Upper Dir', 'North Waziristan': a word that is no place alone
            # may begin one
            lowest = 1
            if keys[i] in _NOT_PLACES:
                if keys[i] not in _PREFIXES:
                    i += 1
                    continue
                lowest = 2
            for n in range(min(MAX_NGRAM, len(words) - i), lowest - 1, -1):
                if any(not w[2][0].isupper() for w in words[i + 1 : i + n]):
                    continue
                candidates = places.candidates(" ".join(keys[i : i + n]))
                if not candidates or _is_person(words, keys, i):
                    continue
                start = words[i][0]
                last = words[i + n - 1]
                end = last[0] + len(_strip_possessive(last[2]))
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


def _is_person(words: list, keys: list[str], i: int) -> bool:
    """A name right after a title ('Mir Sarfraz', 'Governor Kakar')."""
    return i > 0 and keys[i - 1].rstrip(".") in _TITLES


def _stray(place: Place, context: Context, own: int = 1) -> bool:
    """A small GeoNames town in a province no other name of the text lies in, while
    the text's names agree on another one: a namesake when its name only begins a
    longer one ('Bagh Bazaar' in Tirah is not Bagh in Azad Kashmir). ``own`` is
    how often the name itself is named: saying 'Bagh Bazaar' twice does not make
    its namesake's province the text's."""
    admin1 = context[0]
    uncurated = place.geonameid > 0 and not place.district
    return (
        uncurated
        and not _strong(place)
        and admin1[place.admin1] <= max(own, 1)
        and max(admin1.values(), default=0) >= 2
    )


def _strong(place: Place) -> bool:
    return place.kind != "town" or (place.population or 0) >= BIG_TOWN


Context = tuple[Counter[str], Counter[str], Counter[str]]


def _context(all_candidates: Sequence[Sequence[Place]]) -> Context:
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


def _choose(candidates: Sequence[Place], context: Context) -> Place:
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


def _role(sentence: Sentence, start: int, surface: str, before: str, after: str) -> str:
    at_start = not before.strip(" \"'")
    if (
        at_start
        and sentence.first_in_paragraph
        and sentence.paragraph <= 2
        and (surface.isupper() or _DATELINE_AFTER.match(after))
    ):
        return DATELINE
    if _REFERENCE_BEFORE.search(before) or _ROUTE_AFTER.match(after):
        return REFERENCE
    if (
        _ROUTE_START_BEFORE.search(before) and _ROUTE_START_AFTER.match(after)
    ) or _ROUTE_END_BEFORE.search(before):
        return REFERENCE
    if _DESTINATION_BEFORE.search(before):
        return DESTINATION
    lowered = before.lower()  # cheap tests first: most names have none of these
    cut = ("cut" in lowered or "isolat" in lowered) and _CUT_OFF_BEFORE.search(before)
    if cut and re.search(r"\boff\b|isolat", cut.group() + after[:5], re.I):
        return REFERENCE
    if any(w in lowered for w in ("block", "clos", "shut")) and (
        _BLOCKADE_BEFORE.search(before)
    ):
        return BLOCKADE
    person = lowered.endswith(("from ", "of ")) and _PERSON_FROM_BEFORE.search(before)
    if person or _ORIGIN_BEFORE.search(before):
        return ORIGIN
    if _STATEMENT_BEFORE.search(before) or _OFFICIAL_AFTER.match(after):
        return STATEMENT
    return INCIDENT


def _unplaced_in(sentence: Sentence, places: Gazetteer) -> Iterable[UnplacedName]:
    for match in _UNPLACED.finditer(sentence.text):
        name = match.group("name")
        key = normalize_name(name)
        if key in _NOT_PLACES or places.candidates(name):
            continue
        start = sentence.start + match.start("name")
        yield UnplacedName(name, start, start + len(name), sentence)
