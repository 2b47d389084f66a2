"""Places a report names, what each is named for, and which place each name is.

Reports are read for places across Pakistan, Afghanistan and Iran. A name is a
place when the gazetteer knows it (its own name or a curated spelling, never a
GeoNames variant that may be an English word) and the text treats it as one: a
word such as "in", "near" or "of" before it, "district" or "area" after it, a
possessive, a list of places, or a place of the home province (Balochistan, whose
curated table is the gazetteer's richest). Where several places share a name, the
one in the province and district of the text's other places wins, then the
gazetteer's own ranking (population, kind).

Each mention has a role (``roles``); names are found by ``names``, names the
gazetteer lacks by ``unknown`` (kept at a wider place), roads by ``roads``,
known names standing for a locality elsewhere by ``namesakes``, and places that
only say where another lies by ``qualifiers``. This module picks the gazetteer
layer (the region's, or the towns of the country ``country`` finds the report
is about) and puts the pieces together.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from components.domain.places import Place
from components.domain.vocabularies import GeoPrecision
from components.gazetteer import Gazetteer, normalize_name
from components.gazetteer.world import (
    COUNTRY,
    countries_named,
    country_gazetteer,
    country_names,
    first_level_areas,
)
from components.report.country import COUNTRIES, report_country, sentence_country
from components.report.home_area import home_area_as_scene
from components.report.mentions import LIST_JOIN, PlaceMention, mention_role
from components.report.name_model import names_like_places
from components.report.names import (
    DISTRICT_AFTER,
    area_named,
    as_area,
    choose,
    context_of,
    head_of_area_name,
    in_longer_name,
    in_quoted_title,
    is_stray,
    is_strong,
    named_person,
    named_with_a_role,
    names_in,
    tail_of_longer_name,
    titled_surname,
)
from components.report.namesakes import (
    namesakes_in_lists,
    namesakes_of_areas,
    namesakes_of_city_parts,
    namesakes_of_facilities,
    namesakes_of_held_places,
)
from components.report.qualifiers import headline_areas, mark_qualifiers
from components.report.roads import road_mentions
from components.report.role_rules import ROLE_RULES
from components.report.roles import (
    DATELINE,
    INCIDENT,
    LISTED_ROLES,
    QUALIFIER,
    REFERENCE,
    STATEMENT,
)
from components.report.segments import Sentence, prose_paragraph
from components.report.unknown import AREA_RULE, fallback_place, unknown_mentions
from components.report.unplaced import (
    UnplacedName,
)
from components.report.vocabulary import HIT_WORDS
from components.report.vocabulary.places import LANDMARK_WORDS, NAME_PARTICLES

HOME = ("PK", "Balochistan")
"""The province whose places are read without a locative word before them."""
MIN_POPULATION = 500
"""GeoNames towns smaller than this are not read from reports (villages of three
countries would match ordinary words); curated places always are."""


def in_scope(place: Place) -> bool:
    """Places reports are read for: areas, curated places, and GeoNames towns of
    at least :data:`MIN_POPULATION` in Pakistan, Afghanistan and Iran. A GeoNames
    town of Pakistan with no population given is in scope too: the cities500 file
    lists such a town as the seat of an area (Chilas, Nowshera, Malakand,
    Khanewal)."""
    if place.country not in COUNTRIES:
        return False
    curated = place.geonameid < 0 or bool(place.district)
    return (
        place.kind != "town"
        or curated
        or (place.population is None and place.country == "PK")
        or (place.population or 0) >= MIN_POPULATION
    )


@functools.lru_cache(maxsize=4)
def report_gazetteer(gazetteer: Gazetteer) -> Gazetteer:
    """The places :func:`in_scope` accepts, by own names and curated spellings."""
    return gazetteer.restricted(in_scope, alternates=False)


def _region_areas(
    text: str, sentences: Sequence[Sentence], gazetteer: Gazetteer
) -> int:
    """How many districts and provinces of the region the text names as such
    (with 'district', 'province' or 'area' after them): where a foreign country is
    named once, these say the report is the region's."""
    if countries_named(text).__len__() > 1:
        return 0
    region = report_gazetteer(gazetteer)
    return sum(
        1
        for sentence in sentences
        for _, start, end, _, candidates, _ in names_in(sentence, region)
        if any(p.kind in ("district", "province") for p in candidates)
        and DISTRICT_AFTER.match(text[end : end + 20])
    )


def _region_dateline(sentences: Sequence[Sentence], gazetteer: Gazetteer) -> bool:
    """Whether the report opens with a dateline of the region ('QUETTA: ...'):
    written from there, it is the region's report, however often it names another
    country ('blamed Indian-backed militants ... handlers in India')."""
    first = next(iter(sentences), None)
    if first is None:
        return False
    opening = first.start + len(first.text) - len(first.text.lstrip())
    for _, start, _, surface, _, _ in names_in(first, report_gazetteer(gazetteer)):
        return start == opening and surface.isupper() and len(surface) > 2
    return False


def find_places(
    text: str, sentences: Sequence[Sentence], gazetteer: Gazetteer
) -> tuple[list[PlaceMention], list[UnplacedName]]:
    """Every place mention in ``text`` (the plain copy), in order, with its role
    and the place chosen for it; and the names in place slots that the gazetteer
    lacks, each kept at the wider place the text gives (see ``unplaced``).

    A report about another country (see :func:`report_country`) is read with that
    country's towns from the world layer, not the region's."""
    every = list(sentences)
    code = report_country(text)
    layer = country_gazetteer(code) if code else None
    if layer is not None and (
        _region_dateline(sentences, gazetteer)
        or _region_areas(text, sentences, gazetteer) >= 2
    ):
        layer = None  # 'overseas Pakistanis back from Qatar', in a Kurram report
    places = layer if layer is not None else report_gazetteer(gazetteer)
    abroad = _abroad(sentences, code if layer is not None else None)
    elsewhere = {s.start for told in abroad.values() for s in told}
    sentences = [s for s in sentences if s.start not in elsewhere]
    roads = road_mentions(text, sentences, places, gazetteer)
    mentions = _mentions(text, sentences, places)  # a road's ends: references
    joined = _joined_area_names(text, code)  # 'Jammu and Kashmir' is not Jammu
    mentions = [m for m in mentions if not any(a <= m.start < b for a, b in joined)]
    mentions = namesakes_of_held_places(text, mentions)
    unknown_roads = road_mentions(
        text,
        sentences,
        places,
        gazetteer,
        fallback_place(mentions, gazetteer, code),
        known_ends=False,
    )
    unplaced = unknown_mentions(text, sentences, places, mentions, gazetteer, code)
    unplaced = [
        m
        for m in unplaced
        if not _on(m, roads) and not any(a <= m.start < b for a, b in joined)
    ]
    for other, told in abroad.items():
        other_layer = country_gazetteer(other)
        if other_layer is None:
            continue
        theirs = _mentions(text, told, other_layer)
        mentions += theirs
        unplaced += unknown_mentions(text, told, other_layer, theirs, gazetteer, other)
    # a road with an end the gazetteer lacks ('along the Pangane-Macotuco road')
    # is listed for the analyst, not proposed: most such roads say where a
    # village named beside them lies
    roads += [
        replace(m, role=REFERENCE)
        for m in unknown_roads
        if not any(u.start < m.end and m.start < u.end for u in unplaced)
    ]
    found = _listed_roles(
        text, sorted([*mentions, *roads, *unplaced], key=lambda m: m.start)
    )
    found = namesakes_of_facilities(text, namesakes_in_lists(text, found))
    found = namesakes_of_city_parts(text, namesakes_of_areas(text, found))
    found = home_area_as_scene(text, headline_areas(mark_qualifiers(text, found)))
    found = _the_sources_area(_near_the_only_place(text, found))
    found = _the_one_area(_the_dateline_s_city(_outlets_speaking(text, found)))
    names = [m.unplaced for m in found if m.unplaced is not None]
    # names no slot rule looked at, listed for the analyst, never proposed
    not_places = frozenset(country_names()) | (
        first_level_areas(code) if code else frozenset()
    )
    names += names_like_places(text, every, found, (places, gazetteer), not_places)
    return found, names


def _abroad(
    sentences: Sequence[Sentence], code: str | None
) -> dict[str, list[Sentence]]:
    """The sentences of a report about another country that place their news in
    a third ('in Nigeria's Borno state', in a Cameroon report), by that country."""
    grouped: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        other = sentence_country(sentence.text, code)
        if other is not None:
            grouped.setdefault(other, []).append(sentence)
    return grouped


_NEAR_RULES = tuple(
    rule
    for rule in ROLE_RULES
    if rule.name in ("a distance from a place", "a bearing from a place")
)


def _near_the_only_place(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """Where the report names no attack place finer than a province, the place
    its attack is said to be a bearing or a distance from ('a checkpoint west of
    El-Arish') is where it happened, near that place (precision 'near town').
    Of several, the smallest: 'a checkpoint north of Baghdad', 'which lies east
    of Samarra' is near Samarra."""
    if any(
        m.is_incident and m.place.kind not in ("province", "country") for m in found
    ):
        return found
    near = [
        index
        for index, mention in enumerate(found)
        if mention.role == REFERENCE
        and mention.unplaced is None
        and HIT_WORDS.search(mention.sentence.text)
        and any(
            rule.before_re is not None
            and rule.before_re.search(
                text[max(mention.sentence.start, mention.start - 80) : mention.start]
            )
            for rule in _NEAR_RULES
        )
    ]
    if near:
        index = min(near, key=lambda i: found[i].place.population or 0)
        found[index] = replace(
            found[index], role=INCIDENT, precision=GeoPrecision.NEAR_TOWN
        )
    return found


def _the_sources_area(found: list[PlaceMention]) -> list[PlaceMention]:
    """Where the report names no attack place at all, the one province or
    district its sources speak from, in a sentence that tells of the attack
    ('security sources in Takhar Province said the Taliban had killed three
    police officers in an attack on a checkpoint'): the attack's area."""
    if any(m.is_incident for m in found):
        return found
    areas = [
        index
        for index, m in enumerate(found)
        if m.role == STATEMENT
        and m.unplaced is None
        and m.place.kind in ("province", "district")
        and HIT_WORDS.search(m.sentence.text)
    ]
    return _the_one_as_scene(found, areas, lambda m: m.place.geonameid)


_THE_CITY = re.compile(
    r"\b(?:the|this)\s+(?:(?:port|provincial|border|southern|northern|eastern|"
    r"western)\s+)?(?:city|metropolis|provincial capital)\b",
    re.IGNORECASE,
)


_OUTLET = re.compile(
    r"\b(?P<name>(?-i:[A-Z])[\w'-]+)\s+(?:news\s+agency|news\s+service)\b",
    re.IGNORECASE,
)
_SPEAKS = re.compile(
    r"\s*,?\s+(?:also\s+)?(?:said|says|reported|reports|quoted|added|cited|"
    r"claimed)\b",
    re.IGNORECASE,
)
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+$", re.IGNORECASE)


def _outlets_speaking(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """A name the text calls a news agency ('the Mehr news agency reported'),
    where it speaks again ('In this latest incident, Mehr said, ...', 'according
    to Tasnim'): the agency, not a place named for the attack."""
    outlets = {m.group("name") for m in _OUTLET.finditer(text)}
    if not outlets:
        return found
    return [
        replace(m, role=STATEMENT)
        if m.text in outlets
        and m.role != STATEMENT
        and (
            _SPEAKS.match(text, m.end)
            or _ACCORDING_TO.search(text[max(0, m.start - 20) : m.start])
        )
        else m
        for m in found
    ]


def _the_dateline_s_city(found: list[PlaceMention]) -> list[PlaceMention]:
    """Where the report names no attack place finer than a province, and the
    sentence its dateline opens tells of the attack in 'the city' ('KARACHI -
    Two Rangers troops suffered bullet wounds in a terrorist attack on a
    check-post on the edge of the city'): the dateline's town is the scene."""
    if any(
        m.is_incident and m.place.kind not in ("province", "country") for m in found
    ):
        return found
    datelines = [
        index
        for index, m in enumerate(found)
        if m.role == DATELINE and m.unplaced is None and m.place.kind == "town"
    ]
    told = found[datelines[0]].sentence.text if datelines else ""
    if not (HIT_WORDS.search(told) and _THE_CITY.search(told)):
        return found
    return _the_one_as_scene(found, datelines, lambda m: m.place.geonameid)


def _the_one_area(found: list[PlaceMention]) -> list[PlaceMention]:
    """Where the report names no attack place at all, the one first-level area
    of another country it names in a sentence that tells of the attack ('an
    army post in Hadramawt province, in the southeast of Yemen'): the attack's
    area, kept at the country, for the world layer gives it no point."""
    if any(m.is_incident for m in found):
        return found
    areas = [
        index
        for index, m in enumerate(found)
        if m.unplaced is not None
        and m.unplaced.rule == AREA_RULE
        and HIT_WORDS.search(m.sentence.text)
    ]
    return _the_one_as_scene(found, areas, lambda m: normalize_name(m.text))


def _the_one_as_scene(
    found: list[PlaceMention],
    candidates: list[int],
    same: Callable[[PlaceMention], object],
) -> list[PlaceMention]:
    """Make the first of ``candidates`` (indexes into ``found``) an attack place
    where they all name one place (``same`` gives what names it)."""
    if len({same(found[index]) for index in candidates}) == 1:
        found[candidates[0]] = replace(found[candidates[0]], role=INCIDENT)
    return found


def _listed_roles(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """A role given to the first name of a list holds for the names after it,
    known or not ('the build-up in the Gawardesh, Pitigal and Batash areas')."""
    for index in range(1, len(found)):
        previous, mention = found[index - 1], found[index]
        listed = previous.role in LISTED_ROLES or (
            previous.role == QUALIFIER
            and _PLURAL_AREA.match(text[mention.end : mention.end + 20])
        )  # 'the Batash area of Nuristan and Kunar provinces'
        if (
            mention.role == INCIDENT
            and listed
            and previous.sentence is mention.sentence
            and LIST_JOIN.match(text[previous.end : mention.start])
        ):
            found[index] = replace(mention, role=previous.role)
    return found


_PLURAL_AREA = re.compile(
    r"^\s+(?:provinces|districts|regions|states|counties|tehsils|lgas|local "
    r"government areas)\b",
    re.IGNORECASE,
)


def _joined_area_names(text: str, code: str | None) -> list[tuple[int, int]]:
    """Where the text names a country or a first-level area whose name joins two
    names by 'and' ('Jammu and Kashmir', 'Bosnia and Herzegovina'): neither
    half is a place of its own there."""
    names = [n for n in country_names() if " and " in n]
    if code is not None:
        names += [n for n in first_level_areas(code) if " and " in n]
    spans = []
    lowered = text.lower()
    for name in names:
        start = lowered.find(name)
        while start >= 0:
            spans.append((start, start + len(name)))
            start = lowered.find(name, start + len(name))
    return spans


def _on(mention: PlaceMention, roads: list[PlaceMention]) -> bool:
    """Whether the mention is part of a road's name ('the Kirkuk-Daquq road')."""
    return any(r.start <= mention.start < r.end for r in roads)


_STREET_AFTER = re.compile(r"^\s(?:Road|Street|(?:Coastal\s+)?Highway|Motorway)\b")
"""A street or road named for a town or region ('Kohat Road' in Peshawar, the
'Makran Coastal Highway') is not at that place."""
_LANDMARK_AFTER = re.compile(r"^\s(?:" + "|".join(LANDMARK_WORDS) + r")\b")
_PARTICLE_AFTER = re.compile(r"^\s(?:" + "|".join(NAME_PARTICLES) + r")\s[A-Z]")
"""A known name that begins a longer one joined by a particle ('Dehra ki Gali',
not Dehradun, once called Dehra): the longer name is the place."""


def _mentions(
    text: str, sentences: Sequence[Sentence], places: Gazetteer
) -> list[PlaceMention]:
    """The names the gazetteer knows, with their roles."""
    raw: list[tuple[Sentence, int, int, str, list[Place], bool]] = []
    for sentence in sentences:
        raw.extend(names_in(sentence, places))
    context = context_of([candidates for *_, candidates, _ in raw])
    own = Counter(
        normalize_name(surface)
        for _, _, _, surface, candidates, _ in raw
        if len({(p.country, p.admin1) for p in candidates}) == 1
    )
    mentions: list[PlaceMention] = []
    prose_from = prose_paragraph(sentences)
    for sentence, start, end, surface, candidates, cue in raw:
        place = choose(candidates, context)
        if place.kind == COUNTRY or normalize_name(surface) in country_names():
            continue
        if in_longer_name(text, sentence, start, end):
            continue  # 'Chief Minister Ali Mardan Khan Domki'
        if in_quoted_title(text, sentence, start, end):
            continue  # 'the newssheet "Carta de Mocambique" reported'
        if titled_surname(text, sentence, start):
            continue  # 'Deputy Commissioner Habibullah Musakhel said'
        if tail_of_longer_name(text, sentence, start):
            continue  # 'near Shah Mardan': an unknown place, not Mardan
        if named_person(text, sentence, start) or named_with_a_role(text, end):
            continue  # 'The dead were identified as Shiraz and Sanaullah'
        if head_of_area_name(text, sentence, start, end):
            continue  # 'the Dir Duni area': an unknown place, not Dir

        at_home = (place.country, place.admin1) == HOME
        if not (at_home or cue or is_strong(place) or context[0][place.admin1] > 1):
            continue
        before = text[max(sentence.start, start - 80) : start]
        after = text[end : min(sentence.end, end + 60)]
        landmark = _LANDMARK_AFTER.match(after)
        if landmark:  # 'Lachi Toll Plaza': at Lachi, reported as named
            surface += landmark.group()
        elif _STREET_AFTER.match(after):
            continue  # 'Peshawar's Kohat Road area': a street named for Kohat
        elif _PARTICLE_AFTER.match(after):
            continue
        elif (
            re.match(r"\s[A-Z][a-z]", after)
            and not DISTRICT_AFTER.match(after)  # 'Buthidaung Township'
            and is_stray(place, context, own[normalize_name(surface)])
        ):
            continue  # only the first word of a longer name: "Bagh Bazaar"
        precision = place.precision
        if precision == GeoPrecision.TOWN and DISTRICT_AFTER.match(after):
            precision = GeoPrecision.NEAR_TOWN
        if place.kind not in ("province", "district"):
            area = area_named(after, before)
            if area is not None:  # 'the Diffa region', 'Garissa, Wajir ... counties'
                place, precision = as_area(place, area)
        role = mention_role(sentence, start, surface, before, after, prose_from)
        previous = mentions[-1] if mentions else None
        if (
            role == INCIDENT
            and previous is not None
            and previous.role in LISTED_ROLES
            and previous.sentence is sentence
            and LIST_JOIN.match(text[previous.end : start])
        ):
            role = previous.role  # 'hailed from Karak, Upper Dir and Mardan'
        mentions.append(
            PlaceMention(
                place, precision, start, end, surface, role, sentence, tuple(candidates)
            )
        )
    return mentions
