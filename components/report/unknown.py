"""Names in place slots that the gazetteer does not know, as mentions: each kept
at the wider place its sentence gives, else at the one district the text names
as a scene, the province most of its places lie in, or the report's country."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from components.domain.places import Place
from components.domain.vocabularies import GeoPrecision
from components.gazetteer import Gazetteer, normalize_name
from components.gazetteer.not_placed import holder_of
from components.gazetteer.world import (
    area_names,
    country_names,
    country_place,
    first_level_areas,
)
from components.report.country import COUNTRIES
from components.report.mentions import (
    LIST_JOIN,
    PlaceMention,
    mention_role,
)
from components.report.roles import (
    DATELINE,
    INCIDENT,
    QUALIFIER,
    REFERENCE,
)
from components.report.segments import LIST_GOES_ON, Sentence
from components.report.unplaced import (
    NAME,
    UnplacedName,
    is_wider_gap,
    kept_precision,
    slot_names,
    stand_in,
    wider_place,
)
from components.report.vocabulary import ANAPHORA, HIT_WORDS
from components.report.vocabulary.outcomes import TALLY_VERBS


def unknown_mentions(
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
    placed = frozenset(normalize_name(m.text) for m in mentions)
    areas = first_level_areas(code) if code else frozenset()
    countries = frozenset(country_names()) | areas
    fallback = fallback_place(mentions, gazetteer, code)
    found: list[PlaceMention] = []
    for sentence in sentences:
        names = [
            name
            for name in slot_names(sentence, placed, countries)
            if not any(a < name[1] and name[0] < b for a, b in known)
        ]
        # the last name first: 'the Rarasham area of Tingri tehsil in Musa Khel'
        # keeps Rarasham where Tingri is kept
        holders: dict[int, PlaceMention] = {}
        for start, end, name, rule in sorted(names, reverse=True):
            holder = wider_place(
                text, end, [*mentions, *holders.values()], sentence
            ) or _possessor(text, start, mentions, sentence)
            if holder is not None and holder.unplaced is not None:
                holder = holders.get(holder.start)
            if (
                holder is not None
                and holder.role == INCIDENT
                and holder.unplaced is None
                and holder.sentence is sentence  # 'the city's Beu district' later
            ):
                # 'the Rarasham area of Musakhail district': Musakhail says where
                # Rarasham is; it is not a second attack place
                mentions[mentions.index(holder)] = replace(holder, role=QUALIFIER)
            spelt = _spelt_like(name, mentions)
            if spelt is not None:  # 'Chande district' ... 'Chandel district'
                holder = None
            wider = holder.place if holder is not None else fallback
            opening = None if holder else _opening_place(text, mentions, sentence)
            if opening is not None and opening.role == INCIDENT:
                mentions[mentions.index(opening)] = replace(opening, role=QUALIFIER)
            if holder is None:
                wider = spelt or (
                    (opening.place if opening else None)
                    or _dateline_here(text, end, mentions)
                    or _opening_country(sentence, code)
                    or _area_named_before(text, end, mentions)
                    or (None if code else _curated_district(name, places))
                    or _scene_pointed_back(text, mentions, sentence)
                    or _the_city_filed_from(mentions, sentence)
                    or _street_of_the_city_filed_from(name, mentions, sentence)
                    or _province_said_before(sentence, start, mentions, wider)
                    or wider
                    or (None if code else _curated_province(name, gazetteer))
                )
            if holder is not None and holder.unplaced is not None:
                wider = holder.unplaced.wider
            listed = next_in_list(text, end, holders.values())
            if holder is None and listed is not None and listed.unplaced is not None:
                wider = listed.unplaced.wider  # 'Tump and Buleda in Kech
            holders[start] = unknown_mention(
                text, sentence, start, end, name, rule, wider
            )
            if spelt is not None and spelt is wider:
                # 'North Wazirstan': the known place itself, misspelt
                holders[start] = replace(
                    holders[start], place=spelt, precision=spelt.precision
                )
        found.extend(holders.values())
        known.extend((m.start, m.end) for m in holders.values())
    found = _one_spelling(_named_again(text, sentences, found, known, fallback))
    found = _widest_known(text, _kept_with_the_sentences_scene(text, found))
    # a name another unknown name lies in is said of it, not an attack place;
    # a street is said of the place it runs through ('a checkpost on Nowshera
    # Road in Dheri Zardad' is at Dheri Zardad)
    pairs = [
        (other, m)
        for m in found
        for other in found
        if other is not m
        and other.sentence is m.sentence
        and other.end <= m.start
        and is_wider_gap(text[other.end : m.start])
        and not (  # 'Koshebe, Karkut and Bulabulin': a list, not a place in one
            text[other.end : m.start].strip() == ","
            and LIST_GOES_ON.match(text[m.end : m.end + 8])
        )
    ]
    qualifiers = {
        id(other) if STREET.search(other.text) else id(m) for other, m in pairs
    }
    # a sitio or purok is a part of the barangay named after it: the barangay is
    # the scene ('at Sitio Sangay, Barangay Buhanginan, in Patikul')
    qualifiers |= {
        id(part)
        for part in found
        for barangay in found
        if barangay.sentence is part.sentence
        and _PART_OF_BARANGAY.search(text[max(0, part.start - 8) : part.start])
        and _BARANGAY_AFTER.match(text[part.end : barangay.start])
    }
    qualifiers |= {
        id(m)
        for m in found
        if _wide_area_after(text[m.end : m.end + 40], code)
        and any(
            other is not m
            and other.sentence is m.sentence
            and (other.start > m.end or other.end < m.start)
            and other.is_incident
            and not _wide_area_after(text[other.end : other.end + 40], code)
            for other in [*found, *mentions]
        )
    }
    # an area of the country after a place ('in Patikul, Sulu'): where it lies
    subdivisions = area_names(code) if code else frozenset()
    qualifiers |= {
        id(m)
        for m in found
        if normalize_name(m.text) in subdivisions
        and any(
            other.sentence is m.sentence
            and other.end <= m.start
            and is_wider_gap(text[other.end : m.start])
            for other in [*found, *mentions]
        )
    }
    found = [
        replace(m, role=QUALIFIER) if id(m) in qualifiers and m.is_incident else m
        for m in found
    ]
    named = [*mentions, *found]
    # not the first attack's area ('killed 15 farmers in Borno state'): its
    # villages, named later, place it
    hit = [s for s in sentences if HIT_WORDS.search(s.text)][1:]
    return found + _unpointed_areas(text, hit, places, areas, code, known, named)


_PART_OF_BARANGAY = re.compile(r"\b(?:Sitio|Purok)\s+$")
_BARANGAY_AFTER = re.compile(r"^,?\s+(?:in\s+)?(?:Barangay|Brgy\.?|Bgy\.?)\s+$")
"""A sitio or purok, then the barangay it is part of ('Sitio Sangay, Barangay
Buhanginan')."""


AREA_RULE = "a first-level area the world layer has no point for"


def _without_article(words: str) -> str:
    """The words between two names without an area's own adjectives ('in the
    anglophone ', ' of the neighbouring ')."""
    return re.sub(r"(?<=\bthe)\s+[a-z-]+(?=\s+$)", "", words)


_BEFORE_AREA_WORD = re.compile(
    rf"(?<![\w-])(?P<name>{NAME})\s+(?i:regions?|provinces?|prefectures?|states?|"
    r"governorates?|departments?|count(?:y|ies))\b"
)
"""A name before the word for a first-level area ('the Sahel region', 'the
anglophone Northwest province')."""


def _unpointed_areas(
    text: str,
    sentences: Sequence[Sentence],
    places: Gazetteer,
    areas: frozenset[str],
    code: str | None,
    known: list[tuple[int, int]],
    mentions: Sequence[PlaceMention],
) -> list[PlaceMention]:
    """Each first-level area of another country named in a place slot of a
    sentence about an attack after the lede (the lede's area holds the attack its
    later sentences place), not to say where a place named before it lies ('in
    the neighbouring Alibori prefecture', 'troops ... in the Sahel region'), which
    the world layer gives no point: listed for the analyst at the country, not
    proposed as an attack place."""
    if not areas or code is None:
        return []
    countries = frozenset(country_names())
    placed = frozenset(normalize_name(m.text) for m in mentions)
    keys = {key.replace(" ", ""): key for key in areas}  # 'Northwest', 'North West'
    found = []
    for sentence in sentences:
        slots = [
            (
                sentence.start + m.start("name"),
                sentence.start + m.end("name"),
                m["name"],
            )
            for m in _BEFORE_AREA_WORD.finditer(sentence.text)
        ]
        slots += [n[:3] for n in slot_names(sentence, placed, countries)]
        for start, end, name in slots:
            key = normalize_name(re.sub(r"'s?$", "", name)).replace(" ", "")
            if key not in keys or any(a < end and start < b for a, b in known):
                continue
            if any(  # 'in the Damboa area of Borno State': where Damboa lies
                m.sentence is sentence
                and m.end <= start
                and is_wider_gap(_without_article(text[m.end : start]))
                for m in mentions
            ):
                continue
            mention = unknown_mention(
                text, sentence, start, end, name, AREA_RULE, country_place(code)
            )
            found.append(replace(mention, role=REFERENCE))
            known.append((start, end))
    return found


STREET = re.compile(r"\s(?:Road|Street|Avenue|Lane)$")
"""A street's name ('Nowshera Road'): it runs through the place named after it."""


def _curated_district(name: str, places: Gazetteer) -> Place | None:
    """The district the curated tables put a place without a point in ('Hoshab',
    a tehsil of Kech), where the gazetteer has that district's point."""
    holder = holder_of(name)
    if holder is None or holder.district is None:
        return None
    return next(
        (p for p in places.candidates(holder.district) if p.kind == "district"), None
    )


def _curated_province(name: str, gazetteer: Gazetteer) -> Place | None:
    """The province the curated tables put a place without a point in, the
    text naming no place to keep it at ('Sherani', a district with no point)."""
    holder = holder_of(name)
    if holder is None:
        return None
    return next(
        (p for p in gazetteer.candidates(holder.province) if p.kind == "province"),
        None,
    )


def _named_again(
    text: str,
    sentences: Sequence[Sentence],
    found: list[PlaceMention],
    known: list[tuple[int, int]],
    fallback: Place | None,
) -> list[PlaceMention]:
    """Every other mention of a name read in a place slot that the text names
    again after 'in', 'at' or 'near' ('the towns of Hindi ... and Gamba', then
    'the nine dead in Gamba included five inmates', 'in nearby Barza one person
    was killed'): the text has said it is a
    place. Each is kept where the slot's mention is (``_widest_known`` then
    settles on the finest)."""
    again = []
    starts = [s.start for s in sentences]
    for name, first in {m.text: m for m in found}.items():
        wider = first.unplaced.wider if first.unplaced else fallback
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            said_from = _said_as_a_place(text, start, end)
            start_next = text.find(name, end)
            sentence = sentences[bisect_right(starts, start) - 1]
            if (
                said_from is not None
                and said_from >= sentence.start  # not a preposition ending the last
                and not any(a < end and start < b for a, b in known)
            ):
                rule = "a name read as a place"
                again.append(
                    unknown_mention(text, sentence, start, end, name, rule, wider)
                )
                known.append((start, end))
            start = start_next
    return sorted([*found, *again], key=lambda m: m.start)


_COUNT_WORD = (
    r"(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
)
"""A count right after a place's name in a tally by place ('Gyadadde four')."""


_PLACE_WORDS_BEFORE = re.compile(
    r"\b(?:in|at|near|outside)\s+(?:the\s+)?(?:nearby\s+|neighbou?ring\s+)?$",
    re.IGNORECASE,
)
_TALLY_AFTER = re.compile(
    rf"^\s+(?:(?:{TALLY_VERBS})\s|{_COUNT_WORD}(?:\s*[,;.]|\s+(?:and|people|dead|"
    r"killed)\b))",
    re.IGNORECASE,
)
"""'By his count Sakkada lost seven people, Gyadadde four, ...'"""


def _said_as_a_place(text: str, start: int, end: int) -> int | None:
    """Where the words that say the name at ``start:end`` is a place begin: 'in',
    'at', 'near' or 'outside' before it, or a tally after it; None if neither."""
    if re.match(r"[\w-]", text[end : end + 1]) or re.match(
        r"[\w-]", text[start - 1 : start] if start else ""
    ):
        return None  # part of a longer word
    window = max(0, start - 40)
    before = _PLACE_WORDS_BEFORE.search(text, window, start)
    if before is not None:
        return before.start()
    return start if _TALLY_AFTER.match(text[end : end + 60]) else None


_WIDE_AREA_AFTER = re.compile(
    r"^\s+(?:province|region|county|territory|department|state|"
    r"commune|local government area|lga|governorate|chiefdom|groupe?ment|ward)\b",
    re.IGNORECASE,
)
"""An area wider than the places an attack hit: 'several villages of the
Ruwenzori sector, including Bulongo and Kidungu', 'in Vido village, in the
Banande-Kainama groupment of the Beni-Mbau sector' (the villages are the
scenes)."""
_SECTOR_AFTER = re.compile(r"^\s+sector\b", re.IGNORECASE)


def _wide_area_after(words: str, code: str | None) -> bool:
    """Whether the words after a name call it a wide area. A 'sector' is one in
    another country's report (DR Congo's secteurs); in the region's, the
    army's 'Ghariom sector' is a local area, a scene."""
    return bool(
        _WIDE_AREA_AFTER.match(words)
        or (code is not None and _SECTOR_AFTER.match(words))
    )


def _kept_with_the_sentences_scene(
    text: str, found: list[PlaceMention]
) -> list[PlaceMention]:
    """A name kept only at the report's province or country, in a sentence whose
    other unknown names are all kept at one finer place ('in the Abujhmad area
    of Narayanpur district when the Maoists detonated an IED against them in
    Kodaliar forest'): it is kept there too."""
    kept = []
    for mention in found:
        item = mention.unplaced
        if item is not None and (item.wider is None or item.wider.kind in _COARSE):
            finer = {
                other.unplaced.wider.geonameid: other.unplaced.wider
                for other in found
                if other is not mention
                and other.sentence is mention.sentence
                and other.unplaced is not None
                and other.unplaced.wider is not None
                and other.unplaced.wider.kind not in _COARSE
            }
            if len(finer) == 1:
                (wider,) = finer.values()
                mention = kept_at(text, mention, item.rule, wider)
        kept.append(mention)
    return kept


_COARSE = ("province", "country")


def kept_at(
    text: str, mention: PlaceMention, rule: str, wider: Place | None
) -> PlaceMention:
    """The mention again, as an unknown name kept at ``wider``."""
    return unknown_mention(
        text, mention.sentence, mention.start, mention.end, mention.text, rule, wider
    )


def _widest_known(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """Every mention of one unknown name kept at the finest wider place any of
    them gives: 'at the Mill checkpoint' (the province, for want of better) and
    then 'The Mill border checkpoint lies in Mirjaveh County' are both Mirjaveh's."""

    def rank(mention: PlaceMention) -> int:
        wider = mention.unplaced.wider if mention.unplaced else None
        if wider is None:
            return 0
        return 1 if wider.kind in ("province", "country") else 2

    best: dict[str, PlaceMention] = {}
    for mention in found:
        key = normalize_name(mention.text)
        if key not in best or rank(mention) > rank(best[key]):
            best[key] = mention
    kept = []
    for mention in found:
        finest = best[normalize_name(mention.text)]
        item = mention.unplaced
        if item is not None and rank(finest) > rank(mention):
            wider = finest.unplaced.wider if finest.unplaced else None
            mention = kept_at(text, mention, item.rule, wider)
        kept.append(mention)
    return kept


def _possessor(
    text: str, start: int, mentions: Sequence[PlaceMention], sentence: Sentence
) -> PlaceMention | None:
    """The known place whose possessive stands right before a name: 'in
    Turbat's Satellite Town area' lies in Turbat, 'in Khuzdar district's Nasl
    area' in Khuzdar; 'in the city's Shahrah-e-Iqbal
    area' lies in the last town named before it (the dateline's, in 'QUETTA: ...'),
    'the district's Dosalli area' in the last district."""
    named = next(
        (
            m
            for m in mentions
            if m.sentence is sentence
            and m.unplaced is None
            and m.end < start
            and _POSSESSIVE_GAP.fullmatch(text[m.end : start])
        ),
        None,
    )
    if named is not None:
        return named
    pointed = _THE_CITYS.search(text[max(0, start - 30) : start])
    if pointed is None:
        return None
    kind = _POINTED_KIND.get(pointed.group("kind").lower(), "town")
    areas = [
        m
        for m in mentions
        if m.start < start and m.unplaced is None and m.place.kind == kind
    ]
    return areas[-1] if areas else None


_POSSESSIVE_GAP = re.compile(
    r"(?:\s+(?:district|tehsil|division|agency|county|province|region|state))?"
    r"'s\s+",
    re.IGNORECASE,
)
"""Between a place and a name it holds: 'Turbat's', 'Khuzdar district's'."""
_THE_CITYS = re.compile(
    r"\bthe (?P<kind>city|town|provincial capital|district|province)'s\s+$", re.I
)
_POINTED_KIND = {"district": "district", "province": "province"}
"""'the district's Dosalli area' lies in the last district named; 'the city's'
in the last town."""


_OPENING = re.compile(
    r"^\W*(?:[\w' -]{1,40},\s*)?(?:in|at|across)\s+(?:the\s+)?$", re.IGNORECASE
)
_OPENING_END = re.compile(
    r"^(?:\s+(?:district|tehsil|area|region|province|county|valley))?\s*,",
    re.IGNORECASE,
)


def _opening_place(
    text: str, mentions: Sequence[PlaceMention], sentence: Sentence
) -> PlaceMention | None:
    """The district or town a sentence opens with ('In Lower Dir, two attacks on
    police checkpoints in the areas of Maidan, Lajbok and Shadas ...'; 'In the
    Charsadda district, assailants hurled a grenade at the Tarlandi check-post'):
    a name there with no wider place of its own lies in it, and the district says
    where it is rather than being a second attack place."""
    for m in mentions:
        if m.sentence is not sentence or m.unplaced is not None:
            continue
        if not _OPENING.match(text[sentence.start : m.start]):
            return None
        if m.place.kind in ("district", "town") and _OPENING_END.match(
            text[m.end : m.end + 20]
        ):
            return m
        return None
    return None


_HERE = re.compile(
    r"^\s+(?:(?:area|village|locality|town|neighbou?rhood|bazaar|road)\s+)?here\b",
    re.IGNORECASE,
)


def _dateline_here(
    text: str, end: int, mentions: Sequence[PlaceMention]
) -> Place | None:
    """The town of the dateline, for a name said to be 'here' ('KOHAT: ... in
    the Shehzadi Banda area here'): the report was filed from the town it lies in."""
    if not _HERE.match(text[end : end + 40]):
        return None
    dateline = next((m for m in mentions if m.role == DATELINE and m.end < end), None)
    return dateline.place if dateline is not None else None


def _the_city_filed_from(
    mentions: Sequence[PlaceMention], sentence: Sentence
) -> Place | None:
    """The city a report is filed from where its lede names that city as the
    scene, for a locality named soon after with no wider place of its own
    ('Quetta - Gunmen sprayed a police vehicle in Quetta' ... 'making a routine
    round in Killi Deeba'): it lies in that city, unless the sentence tells of
    another attack."""
    if sentence.paragraph > 3 or _ANOTHER_ATTACK.search(sentence.text):
        return None
    city, scenes = _filed_from(mentions, sentence)
    return city if city is not None and scenes == {city.geonameid} else None


def _street_of_the_city_filed_from(
    name: str, mentions: Sequence[PlaceMention], sentence: Sentence
) -> Place | None:
    """The city a report is filed from, for a street it names with no town
    ('MUZAFFARABAD, Dec 27: ...' ... 'a street off the CMH Road'): a street is
    a city's, and the report's city is the one it was filed from, where the
    text has told of no scene elsewhere. A road named for the two towns it
    joins is no city's."""
    if not STREET.search(name) or "-" in name:  # 'the Tiarza-Luddah Road' joins towns
        return None
    city, scenes = _filed_from(mentions, sentence)
    return city if city is not None and scenes <= {city.geonameid} else None


def _filed_from(
    mentions: Sequence[PlaceMention], sentence: Sentence
) -> tuple[Place | None, set[int]]:
    """The town of the report's dateline (None for none, or for an area), and
    the known scenes the text told of before ``sentence``."""
    dateline = next((m for m in mentions if m.role == DATELINE), None)
    if dateline is None or dateline.place.kind != "town":
        return None, set()
    scenes = {
        m.place.geonameid
        for m in mentions
        if m.role == INCIDENT and m.unplaced is None and m.start < sentence.start
    }
    return dateline.place, scenes


_IN_A_COUNTRY = re.compile(r"^\W*In\s+(?:the\s+)?(?P<name>(?-i:[A-Z])[^,;]{2,40}),")


def _opening_country(sentence: Sentence, code: str | None) -> Place | None:
    """Another country than the report's that a sentence opens with ('In Burkina
    Faso, a security source said three civilians were killed in Tankwoarou'): a
    name there with no wider place of its own lies in that country. Not one of
    the region's, whose provinces the region's gazetteer gives."""
    opening = _IN_A_COUNTRY.match(sentence.text)
    if opening is None:
        return None
    named = country_names().get(normalize_name(opening.group("name")))
    if named is None or named == code or named in COUNTRIES:
        return None
    return country_place(named)


_OF_THE_AREA = re.compile(
    r"^(?:\s+(?:area|village|locality|town))?\s*,?\s+(?:of|in)\s+the\s+"
    r"(?:[a-z-]+\s+){0,2}(?P<kind>district|province|tehsil|county)\b"
)
"""'the Bakhmal Kucha area of the restive district', 'Simbolongo village, in the
same district': of an area named before."""


def _spelt_like(name: str, mentions: Sequence[PlaceMention]) -> Place | None:
    """The known place the text names elsewhere that an unknown name is a
    misspelling of, one letter or so apart ('Chande district' and 'Chandel
    district' in one report)."""
    key = normalize_name(name)
    if len(key) < 5:
        return None
    near = {
        m.place.geonameid: m.place
        for m in mentions
        if m.unplaced is None
        and normalize_name(m.text)[:1] == key[:1]
        and len(normalize_name(m.text)) >= 6  # 'Kalmat' is no misspelt 'Kalat'
        and fuzz.ratio(normalize_name(m.text), key) >= _MISSPELT
    }
    return next(iter(near.values())) if len(near) == 1 else None


_MISSPELT = 90
"""rapidfuzz ratio of two spellings of one place in one report."""


def _one_spelling(found: list[PlaceMention]) -> list[PlaceMention]:
    """An unknown name written two ways in one report is one place ('the city's
    Sirky Road area' ... 'on Sirki Road'; 'the Pishin Bypass area' ...
    "Pishin's Bypass"): every mention stands in under the first one's name, at
    the finest wider place any of them gives."""
    clusters: list[list[int]] = []
    for index, mention in enumerate(found):
        if mention.unplaced is None:
            continue
        keys = _keys(mention)
        own = normalize_name(mention.text)
        for cluster in clusters:
            first = found[cluster[0]]
            if keys & _keys(first) or _spelt_alike(normalize_name(first.text), own):
                cluster.append(index)
                break
        else:
            clusters.append([index])
    found = list(found)
    for cluster in clusters:
        items = [u for i in cluster if (u := found[i].unplaced) is not None]
        if len({normalize_name(found[i].text) for i in cluster}) == 1:
            continue  # one name written one way
        name = items[0].name
        widers = [u.wider for u in items if u.wider is not None]
        wider = min(widers, key=lambda p: _WIDTH.get(p.kind, 0), default=None)
        precision, label = kept_precision(wider) if wider else (None, "")
        for i, unplaced in zip(cluster, items, strict=True):
            item = replace(
                unplaced,
                name=name,
                wider=wider,
                precision=precision,
                precision_label=label,
            )
            found[i] = replace(
                found[i],
                place=stand_in(name, wider),
                precision=precision or GeoPrecision.REGION,
                unplaced=item,
            )
    return found


def _keys(mention: PlaceMention) -> set[str]:
    """An unknown name's lookup keys: its own, without the market it names
    ('Shahrag Bazaar' is at Shahrag), and with the name of the place it is kept
    at before it ('Bypass' in Pishin is 'Pishin Bypass')."""
    keys = {normalize_name(mention.text), normalize_name(_MARKET.sub("", mention.text))}
    wider = mention.unplaced.wider if mention.unplaced else None
    if wider is not None:
        keys.add(normalize_name(f"{wider.name} {mention.text}"))
    return keys


_MARKET = re.compile(r"\s+(?:Bazaar|Bazar|Chowk|Mandi|Adda|Market)$", re.IGNORECASE)
"""A town's market, named for it: 'Shahrag Bazaar' is at Shahrag."""

_WIDTH = {"town": 0, "district": 1, "province": 2, "country": 3}
"""How wide a place is kept: the finer the better."""


def _spelt_alike(one: str, other: str) -> bool:
    """Two spellings of one name: long enough, one letter or so apart (or two
    letters swapped: 'Panzgam' and 'Pangzam'), with the same first letter and
    the same digits ('Ward 12' is not 'Ward 13')."""
    return (
        min(len(one), len(other)) >= 5
        and one[:1] == other[:1]
        and re.sub(r"\D", "", one) == re.sub(r"\D", "", other)
        and (
            fuzz.ratio(one, other) >= _MISSPELT
            or (min(len(one), len(other)) >= 6 and OSA.distance(one, other) <= 1)
        )
    )


def _province_said_before(
    sentence: Sentence,
    start: int,
    mentions: Sequence[PlaceMention],
    fallback: Place | None,
) -> Place | None:
    """The one first-level area named earlier in the sentence, whatever it is
    named for ('a spokesman for Nuristan province said the fighting in Kamdesh
    district ...'): the province the name lies in, rather than a fallback
    outside it (the dateline's capital, the report's country). A fallback in
    that province is finer and stays ('KP police said ... the Sarband police
    station', in a report datelined Peshawar)."""
    provinces = {
        m.place.geonameid: m.place
        for m in mentions
        if m.sentence is sentence
        and m.end <= start
        and m.unplaced is None
        and m.place.kind == "province"
    }
    if len(provinces) != 1:
        return None
    (province,) = provinces.values()
    if fallback is not None and (fallback.country, fallback.admin1) == (
        province.country,
        province.admin1,
    ):
        return None
    return province


def _area_named_before(
    text: str, end: int, mentions: Sequence[PlaceMention]
) -> Place | None:
    """The area the words after a name point back to ('in Imam Sahib district
    ... the Bakhmal Kucha area of the restive district'): the last place named
    before it as that kind of area ('X district', or a district of the
    gazetteer)."""
    match = _OF_THE_AREA.match(text[end : end + 60])
    if match is None:
        return None
    kind = match.group("kind")
    named = [
        m
        for m in mentions
        if m.end <= end
        and m.unplaced is None
        and (
            m.place.kind == kind
            or re.match(rf"\s+{kind}\b", text[m.end : m.end + 20], re.IGNORECASE)
        )
    ]
    return named[-1].place if named else None


_THE_ATTACKERS = re.compile(r"\bthe (?:attackers|assailants|gunmen)\b", re.IGNORECASE)
_ANOTHER_ATTACK = re.compile(r"\b(?:also|another|separate|second)\b", re.IGNORECASE)
"""'The attackers ... hit the Gul Imam police checkpost' goes on with the attack
the text told before; 'the gunmen also attacked Gamba police station' tells
another."""


def _scene_pointed_back(
    text: str, mentions: Sequence[PlaceMention], sentence: Sentence
) -> Place | None:
    """The one place the text named as a scene before a sentence that points back
    to the attack ('Several of the dead were working on a dam in Paroom', 'the
    farmers were at work close to Ngoshe village when the terrorists fell on
    them', 'the attackers hit the Gul Imam police checkpost'): a name there with no
    wider place of its own lies at that scene."""
    if (
        not ANAPHORA.search(sentence.text)
        and not re.search(
            r"\bthe (?:farmers|victims|labou?rers|workers|passengers|soldiers|"
            r"policemen|dead)\b",
            sentence.text,
            re.IGNORECASE,
        )
        and not (
            _THE_ATTACKERS.search(sentence.text)
            and not _ANOTHER_ATTACK.search(sentence.text)
        )
    ):
        return None
    before = [m for m in mentions if m.start < sentence.start]
    provinces = {
        m.place.geonameid: m.place
        for m in before
        if m.role == INCIDENT and m.unplaced is None and m.place.kind == "province"
    }
    scenes = {
        m.place.geonameid: m.place
        for index, m in enumerate(before)
        if m.role == INCIDENT
        and m.unplaced is None
        and m.place.kind != "province"
        and not (  # 'in Bijapur district, in Bastar': Bastar says where it lies
            index
            and before[index - 1].sentence is m.sentence
            and is_wider_gap(text[before[index - 1].end : m.start])
        )
    }
    if len(scenes) > 1:  # a district and the one place inside it: that place
        finer = [p for p in scenes.values() if p.kind != "district"]
        districts = {p.name for p in scenes.values() if p.kind == "district"}
        if len(finer) == 1 and finer[0].district in districts:
            return finer[0]
    if not scenes and len(provinces) == 1:
        # 'attacked a checkpoint in the southern province of Kandahar' ... 'the
        # attack took place in the Spin Bolduk district': in that province
        return next(iter(provinces.values()))
    return next(iter(scenes.values())) if len(scenes) == 1 else None


def next_in_list(
    text: str, end: int, others: Iterable[PlaceMention]
) -> PlaceMention | None:
    """The name right after ``end`` in the same list ('Tump and Buleda')."""
    for other in others:
        if other.start >= end and LIST_JOIN.match(text[end : other.start]):
            return other
    return None


def unknown_mention(
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
    role = mention_role(sentence, start, name, before, after)
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


def fallback_place(
    mentions: list[PlaceMention], gazetteer: Gazetteer, code: str | None
) -> Place | None:
    """Where a name with no wider place of its own is kept: the one district (or
    district seat) the text names as a scene, else the one province it names as
    a scene, else the country of a report about another country, else the
    province most of the text's attack places lie in (the dateline's where it
    names none: 'TEHRAN' does not hold 'Sarvabad, in Kurdistan province')."""
    scenes = [
        m for m in mentions if m.role == INCIDENT and HIT_WORDS.search(m.sentence.text)
    ]  # not 'Panjgur and Kech both also border Iran'
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
    regions = {m.place.admin1: m.place for m in scenes if m.place.kind == "province"}
    if len(regions) == 1:  # 'in Badghis province' over the dateline's 'KABUL'
        return next(iter(regions.values()))
    if code is not None:
        return country_place(code)
    provinces = Counter(
        (m.place.country, m.place.admin1)
        for m in mentions
        if m.role == INCIDENT and m.place.admin1
    ) or Counter(  # the city filed from only where no attack place is known
        (m.place.country, m.place.admin1)
        for m in mentions
        if m.role == DATELINE and m.place.admin1
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
