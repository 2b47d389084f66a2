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
from dataclasses import dataclass, replace

from components.domain.places import Place
from components.domain.vocabularies import GeoPrecision
from components.gazetteer import Gazetteer, normalize_name
from components.gazetteer.world import (
    COUNTRY,
    countries_named,
    country_gazetteer,
    country_names,
    country_place,
    first_level_areas,
)
from components.report.roles import (
    DATELINE,
    INCIDENT,
    LISTED_ROLES,
    QUALIFIER,
    role_of,
)
from components.report.segments import Sentence, words
from components.report.unplaced import (
    UnplacedName,
    is_wider_gap,
    kept_precision,
    slot_names,
    stand_in,
    wider_place,
)
from components.report.vocabulary import NOT_PLACE_WORDS, NOT_PLACES, TITLES

HOME = ("PK", "Balochistan")
"""The province whose places are read without a locative word before them."""
COUNTRIES = frozenset({"PK", "AF", "IR"})
MIN_POPULATION = 500
"""GeoNames towns smaller than this are not read from reports (villages of three
countries would match ordinary words); curated places always are."""
BIG_TOWN = 100_000
"""A town this large is a place even with no locative word before it."""
MAX_NGRAM = 4


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
    unplaced: UnplacedName | None = None
    """For a name the gazetteer does not know: the name, kept at a wider place
    (``place`` stands in for it while the text is read)."""

    @property
    def is_incident(self) -> bool:
        return self.role == INCIDENT


_PREFIXES = frozenset(
    words(
        "north south east west northern southern eastern western central upper "
        "lower new old"
    )
)
"""Words of :data:`NOT_PLACES` that begin names of places: 'Upper Dir',
'North Waziristan'."""

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
_AREA_NAME = r"(?-i:[A-Z])[\w'\u00c0-\u024f-]*(?:\s+(?-i:[A-Z])[\w'\u00c0-\u024f-]*)*"
_AREA_NAMED = re.compile(
    rf"^(?:(?:\s*,\s*{_AREA_NAME})*\s*,?\s+and\s+{_AREA_NAME})?"
    r"\s+(?P<word>provinces?|provincial|"
    r"regions?|count(?:y|ies)|states?|governorates?|districts?|departments?)\b",
    re.IGNORECASE,
)
"""After a name: the word that makes it an area ('the Diffa region'), also at the
end of a list ('the Tillaberi, Diffa and Dosso regions')."""


def _area_named(after: str) -> str | None:
    """'province' or 'district' where the words after a name say it names an
    area, not the town of the same name; None otherwise. A single name before
    'district', 'county' or 'department' (second-level areas in most countries
    the corpus reads) stays the town that names it (the area's seat)."""
    found = _AREA_NAMED.match(after)
    if found is None:
        return None
    word = found.group("word").lower()
    if word.startswith(("district", "department", "count")):
        return "district" if found.group().strip()[0] in ",a" else None
    return "province"


def _as_area(place: Place, kind: str) -> tuple[Place, GeoPrecision]:
    """A town read as the area it names, at area precision (its point stays the
    town's: where the area is, no finer)."""
    precision = GeoPrecision.REGION if kind == "province" else GeoPrecision.NEAR_TOWN
    return replace(place, kind=kind, precision=precision), precision


_NAME_WORD_BEFORE = re.compile(r"(?-i:[A-Z])[a-z]+\s$")
_NAME_WORD_AFTER = re.compile(r"^\s(?-i:[A-Z])[a-z]+")


def _in_longer_name(text: str, sentence: Sentence, start: int, end: int) -> bool:
    """A place name inside a longer proper name, with a capitalised word right
    before it (not the sentence's first) and right after it, neither a place
    word: a person ('Ali Mardan Khan Domki'), not a place."""
    window = max(sentence.start, start - 20)
    found = _NAME_WORD_BEFORE.search(text[window:start])
    if found is None or window + found.start() == sentence.start:
        return False
    word = normalize_name(found.group().strip())
    if word in NOT_PLACES or word in NOT_PLACE_WORDS or word in _PREFIXES:
        return False
    return bool(_NAME_WORD_AFTER.match(text[end : end + 20]))


_LIST_JOIN = re.compile(r"^(?:'s)?\s*(?:,|and|or|,\s*and|,\s*or)\s*$", re.I)
"""Between two names of one list: a role given to the first holds for the next."""
_WORD = re.compile(r"[^\W\d_][\w'.-]*")


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


def report_country(text: str) -> str | None:
    """The country a report is about, where it names one other than Pakistan,
    Afghanistan or Iran more often than it names those ('Niger's army', 'Borno
    State, Nigeria'); None for a report of the region or one that names none."""
    found = countries_named(text)
    named = Counter(code for code, _ in found)
    if not named:
        return None
    home = sum(n for code, n in named.items() if code in COUNTRIES)
    code, count = max(
        named.items(), key=lambda item: (item[1], -list(named).index(item[0]))
    )
    if code in COUNTRIES or count <= home:
        return None
    where = [at for named_code, at in found if named_code == code]
    if home and not any(
        _AS_WHERE.search(text[max(0, at - 25) : at]) or (_OWNS.match(text, at))
        for at in where
    ):
        return None  # 'blamed India for backing terrorism in Pakistan'
    return code


_AS_WHERE = re.compile(
    r"(?:\b(?:in|across|of|northern|southern|eastern|western|central)\s+(?:the\s+)?|"
    r",\s*)$",
    re.IGNORECASE,
)
_OWNS = re.compile(r"[\w\u00c0-\u024f -]+'s?\s")
"""A country named as where things are: 'in Niger', 'northern Mali', 'Borno
State, Nigeria', 'Niger's army'."""


def find_places(
    text: str, sentences: Sequence[Sentence], gazetteer: Gazetteer
) -> tuple[list[PlaceMention], list[UnplacedName]]:
    """Every place mention in ``text`` (the plain copy), in order, with its role
    and the place chosen for it; and the names in place slots that the gazetteer
    lacks, each kept at the wider place the text gives (see ``unplaced``).

    A report about another country (see :func:`report_country`) is read with that
    country's towns from the world layer, not the region's."""
    code = report_country(text)
    layer = country_gazetteer(code) if code else None
    places = layer if layer is not None else report_gazetteer(gazetteer)
    mentions = _mentions(text, sentences, places)
    unplaced = _unknown(text, sentences, places, mentions, gazetteer, code)
    found = _qualifiers(text, sorted([*mentions, *unplaced], key=lambda m: m.start))
    return found, [m.unplaced for m in found if m.unplaced is not None]


_HOLDS = re.compile(
    r"^(?:'s)?\s*(?:(?i:area|village|town|locality|tehsil|neighbou?rhood|suburb|"
    r"sub-?division|administrative post|county|district|valley)\s*)?,?\s*"
    r"(?:(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}?)?(?:(?i:area|village|town|"
    r"locality)\s+)?(?:of|in)\s+(?:the\s+)?(?:(?:neighbou?ring|nearby|restive|"
    r"remote|(?:north|south)?-?(?:east|west)?(?:ern)?|northern|southern|central)\s+)?$"
    r"|^\s*,\s+(?:in\s+)?(?:the\s+)?$"
)
"""Between a place and the wider place it lies in: ' in ', ' area of ', ',
a village in the ', ' village, in ', ', '."""
_LIST_GOES_ON = re.compile(r"^\s*(?:,|and\b|or\b)")


def _qualifiers(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A place named right after another to say where that one lies ('the town of
    Dibis in Kirkuk', 'Gul Imam village, in Tank district', 'Satellite Town,
    Turbat') qualifies it: it is not a second scene. After a bare comma it does
    so only when it names an area or the first name is one the gazetteer lacks,
    and never inside a list ('Turbat, Panjgur and Gwadar')."""
    found = list(mentions)
    for index in range(1, len(found)):
        first, second = found[index - 1], found[index]
        if second.role != INCIDENT or first.sentence is not second.sentence:
            continue
        gap = text[first.end : second.start]
        if not _HOLDS.match(gap):
            continue
        if "," in gap and not re.search(r"\b(?:in|of)\b", gap):
            wider = second.place.kind in ("province", "district") or (
                first.unplaced is not None and second.unplaced is None
            )
            following = text[second.end : second.end + 8]
            if not wider or _LIST_GOES_ON.match(following):
                continue
        found[index] = replace(second, role=QUALIFIER)
        if (
            index + 1 < len(found)
            and text[second.end : second.end + 3] == "'s "
            and found[index + 1].start == second.end + 3
        ):  # 'the Nasirabad area of Balochistan's Turbat': Turbat holds it
            second = found[index + 1]
            found[index + 1] = replace(second, role=QUALIFIER)
        if (
            first.unplaced is None
            and _LOCALITY_OF.match(gap)
            and not _inside(first.place, second.place)
        ):
            # 'the Nasirabad area of Turbat': a locality of Turbat, not the
            # namesake district the gazetteer knows
            found[index - 1] = _unknown_mention(
                text,
                first.sentence,
                first.start,
                first.end,
                first.text,
                "a locality of a place",
                second.place if second.unplaced is None else second.unplaced.wider,
            )
    return found


_LOCALITY_OF = re.compile(
    r"^\s+(?i:area|locality|neighbou?rhood|suburb|mohalla)\s+(?:of|in)\s+"
    r"(?:the\s+)?(?:(?-i:[A-Z])[\w-]*'s\s+)?$"
)


def _inside(inner: Place, outer: Place) -> bool:
    """Whether the gazetteer puts ``inner`` inside ``outer`` (its district, or
    a finer place of the same district)."""
    if inner.kind in ("province", "district") or inner.admin1 != outer.admin1:
        return False
    if outer.kind == "province":
        return True
    district = outer.district or (outer.name if outer.kind == "district" else "")
    return bool(district) and inner.district == district


def _unknown(
    text: str,
    sentences: Sequence[Sentence],
    places: Gazetteer,
    mentions: list[PlaceMention],
    gazetteer: Gazetteer,
    code: str | None,
) -> list[PlaceMention]:
    """A mention per unknown name in a place slot, standing in at its wider place
    (the text's own, else the report's province or country)."""
    known = [(m.start, m.end) for m in mentions]
    areas = first_level_areas(code) if code else frozenset()
    countries = frozenset(country_names()) | areas
    fallback = _fallback(mentions, gazetteer, code)
    found: list[PlaceMention] = []
    for sentence in sentences:
        names = [
            name
            for name in slot_names(sentence, places, countries)
            if not any(a < name[1] and name[0] < b for a, b in known)
        ]
        # the last name first: 'the Rarasham area of Tingri tehsil in Musa Khel'
        # keeps Rarasham where Tingri is kept
        holders: dict[int, PlaceMention] = {}
        for start, end, name, rule in sorted(names, reverse=True):
            holder = wider_place(text, end, [*mentions, *holders.values()], sentence)
            if holder is not None and holder.unplaced is not None:
                holder = holders.get(holder.start)
            if (
                holder is not None
                and holder.role == INCIDENT
                and holder.unplaced is None
            ):
                # 'the Rarasham area of Musakhail district': Musakhail says where
                # Rarasham is; it is not a second attack place
                mentions[mentions.index(holder)] = replace(holder, role=QUALIFIER)
            wider = holder.place if holder is not None else fallback
            if holder is not None and holder.unplaced is not None:
                wider = holder.unplaced.wider
            listed = _next_in_list(text, end, holders.values())
            if holder is None and listed is not None and listed.unplaced is not None:
                wider = listed.unplaced.wider  # 'Tump and Buleda in Kech
            holders[start] = _unknown_mention(
                text, sentence, start, end, name, rule, wider
            )
        found.extend(holders.values())
        known.extend((m.start, m.end) for m in holders.values())
    # a name another unknown name lies in is said of it, not an attack place
    qualifiers = {
        id(m)
        for m in found
        for other in found
        if other is not m
        and other.sentence is m.sentence
        and other.end <= m.start
        and is_wider_gap(text[other.end : m.start])
    }
    return [
        replace(m, role=QUALIFIER) if id(m) in qualifiers and m.is_incident else m
        for m in found
    ]


def _next_in_list(
    text: str, end: int, others: Iterable[PlaceMention]
) -> PlaceMention | None:
    """The name right after ``end`` in the same list ('Tump and Buleda')."""
    for other in others:
        if other.start >= end and _LIST_JOIN.match(text[end : other.start]):
            return other
    return None


def _unknown_mention(
    text: str,
    sentence: Sentence,
    start: int,
    end: int,
    name: str,
    rule: str,
    wider: Place | None,
) -> PlaceMention:
    """The mention of an unknown name, standing in at its wider place."""
    item = UnplacedName(name, start, end, sentence, rule=rule)
    if wider is not None:
        item.wider = wider
        item.precision, item.precision_label = kept_precision(wider)
    before = text[max(sentence.start, start - 80) : start]
    after = text[end : min(sentence.end, end + 60)]
    role = _role(sentence, start, name, before, after)
    return PlaceMention(
        stand_in(name, wider),
        item.precision or GeoPrecision.REGION,
        start,
        end,
        name,
        role,
        sentence,
        unplaced=item,
    )


def _fallback(
    mentions: list[PlaceMention], gazetteer: Gazetteer, code: str | None
) -> Place | None:
    """Where a name with no wider place of its own is kept: the one district (or
    district seat) the text names as a scene, else the one region of a report
    about another country, else the province most of the text's places lie in,
    else the report's country."""
    scenes = [m for m in mentions if m.role == INCIDENT]
    districts = {
        m.place.district or m.place.name: m.place
        for m in scenes
        if m.place.kind == "district"
        or (
            m.place.district
            and normalize_name(m.place.name) == normalize_name(m.place.district)
        )
    }
    if len(districts) == 1:
        return next(iter(districts.values()))
    if code is not None:
        regions = {
            m.place.admin1: m.place for m in scenes if m.place.kind == "province"
        }
        if len(regions) == 1:
            return next(iter(regions.values()))
        return country_place(code)
    provinces = Counter(
        (m.place.country, m.place.admin1)
        for m in mentions
        if m.role in (INCIDENT, DATELINE) and m.place.admin1
    )
    for (country, admin1), _ in provinces.most_common(1):
        return next(
            (
                p
                for p in gazetteer.candidates(admin1)
                if p.kind == "province" and p.country == country
            ),
            None,
        )
    return None


def _mentions(
    text: str, sentences: Sequence[Sentence], places: Gazetteer
) -> list[PlaceMention]:
    """The names the gazetteer knows, with their roles."""
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
        if place.kind == COUNTRY or normalize_name(surface) in country_names():
            continue
        if _in_longer_name(text, sentence, start, end):
            continue  # 'Chief Minister Ali Mardan Khan Domki'

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
        if place.kind not in ("province", "district"):
            area = _area_named(after)
            if area is not None:  # 'the Diffa region', 'Garissa, Wajir ... counties'
                place, precision = _as_area(place, area)
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
    return mentions


def _names_in(
    sentence: Sentence, places: Gazetteer
) -> Iterable[tuple[Sentence, int, int, str, list[Place], bool]]:
    """(sentence, start, end, surface, candidates, cue) per name the gazetteer
    knows, longest name first at each word."""
    body = sentence.text
    words = _route_parts(
        body, [(m.start(), m.end(), m.group()) for m in _WORD.finditer(body)]
    )
    keys = [normalize_name(_strip_possessive(w)) for _, _, w in words]
    i = 0
    while i < len(words):
        matched = 0
        first = words[i][2]
        if first[0].isupper():
            # 'Upper Dir', 'North Waziristan': a word that is no place alone
            # may begin one
            lowest = 1
            if keys[i] in NOT_PLACES:
                if keys[i] not in _PREFIXES:
                    i += 1
                    continue
                lowest = 2
            for n in range(min(MAX_NGRAM, len(words) - i), lowest - 1, -1):
                inner = words[i + 1 : i + n]
                if any(
                    not w[2][0].isupper() and w[2] not in _CONNECTORS for w in inner
                ) or (inner and not inner[-1][2][0].isupper()):
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


_CONNECTORS = frozenset({"and", "e", "i", "ul", "al"})
"""Lower-case words inside a place's name: 'Sistan and Baluchestan'."""
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


def _is_person(words: list, keys: list[str], i: int) -> bool:
    """A name right after a title ('Mir Sarfraz', 'Governor Kakar')."""
    return i > 0 and keys[i - 1].rstrip(".") in TITLES


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
    at_lede = sentence.first_in_paragraph and sentence.paragraph <= 2
    if at_lede and surface.isupper() and not before.strip(" \"'"):
        return DATELINE  # 'QUETTA, Pakistan (AP) --'
    return role_of(before, after, at_lede)[0]
