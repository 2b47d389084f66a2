"""Places and the incidents at them once the text is read: a district or town
folds into the one finer place named in it, a headline's place into the body's,
a road into the area holding its ends (see ``totals`` for what no place was
named for)."""

from __future__ import annotations

import re

from components.domain.places import Place
from components.gazetteer import normalize_name
from components.report.country import COUNTRIES as REGION_COUNTRIES
from components.report.model import (
    OUTCOMES,
    ReportIncident,
)
from components.report.roads import is_road
from components.report.scenes import Reading, area_like, lies_in, put_elsewhere, within
from components.report.segments import Span
from components.report.unplaced import (
    UnplacedName,
    is_wider_gap,
    kept_precision,
    stand_in,
)
from components.report.vocabulary import (
    ANAPHORA,
    OTHER_EVENT,
)

_SCENE_BEFORE = re.compile(
    r"\b(?:in|at|inside)\s+(?:the\s+)?(?:(?:general\s+|remote\s+|nearby\s+)?"
    r"(?:town|city|village|area|tehsil|locality)\s+of\s+)?$",
    re.IGNORECASE,
)


_NEAR_BEFORE = re.compile(
    r"\b(?:near|close to|next to|outside)\s+(?:the\s+)?$", re.IGNORECASE
)


def merge(source: ReportIncident, target: ReportIncident) -> None:
    target.targets.extend(source.targets)
    target.attacks.extend(source.attacks)
    target.figures.extend(source.figures)
    target.evidence.extend(source.evidence)


_DISTRICT_WORD_AFTER = re.compile(r"^\s+district\b", re.IGNORECASE)


def _as_district(reading: Reading, incident: ReportIncident) -> bool:
    """Named as a district: a district, or its seat named 'X district'."""
    return incident.place.kind == "district" or any(
        _DISTRICT_WORD_AFTER.match(reading.text[e.end : e.end + 20])
        for e in incident.evidence
        if e.what == "place"
    )


_ATTACK_LABEL = re.compile(
    r"^\s+(?:attacks?|bombings?|blasts?|ambush|assault|raid|incident|massacre)\b",
    re.IGNORECASE,
)


def _labels_attack(reading: Reading, incident: ReportIncident) -> bool:
    """Named only as the label of an attack ('condemned the Kohat attack'): the
    attack told of at the place inside it, not one of its own."""
    places = [e for e in incident.evidence if e.what == "place"]
    return bool(places) and all(
        reading.text[max(0, e.start - 4) : e.start].lower() == "the "
        and _ATTACK_LABEL.match(reading.text[e.end : e.end + 20])
        for e in places
    )


_WHERE_IT_HAPPENED = re.compile(
    r"^(?:\s+(?:district|division|county|province|region))?\s*,?\s+where\s+the\s+"
    r"(?:attack|assault|blast|explosion|bombing|ambush|raid|incident)\s+(?:took "
    r"place|happened|occurred)\b",
    re.IGNORECASE,
)


def _where_it_happened(reading: Reading, incident: ReportIncident) -> bool:
    """Named as where the attack told of happened ('Naseerabad district, where
    the blast took place'): its targets are that attack's, at the finer place."""
    return any(
        _WHERE_IT_HAPPENED.match(reading.text[e.end : e.end + 60])
        for e in incident.evidence
        if e.what == "place"
    )


def _named_before(
    reading: Reading, incident: ReportIncident, pattern: re.Pattern[str]
) -> list[bool]:
    return [
        bool(pattern.search(reading.text[max(0, e.start - 40) : e.start]))
        for e in incident.evidence
        if e.what == "place"
    ]


def fold_districts(reading: Reading) -> None:
    """A district (or its seat named for it) and the one finer place inside it
    that the report names: one attack. The finer place takes the district's
    items when it is named as the scene ('in Bajaur district ... killing 44',
    '... gathered in the town of Khar'), has targets or attacks of its own
    ('struck the Chaudhwan Police Station'), or when the district has no figures
    of its own ('in the Rarasham area of ... Musa Khel'). A place only near the
    scene ('close to the Bolan Pass') does not take it: it is a landmark of the
    district's attack, and folds into the district, unless the text says it lies
    in the district ('near Hoshab in Kech district'). When both have figures of
    their own (unless the place's sentence points back to the attack: 'Several of
    the dead were working on a dam in Paroom'), or a district without figures has
    targets of its own, they stay two incidents."""
    for key, district in list(reading.by_place.items()):
        if key not in reading.by_place or not area_like(district.place):
            continue
        area = district.place
        inside = [
            i
            for i in reading.by_place.values()
            if i is not district
            and not area_like(i.place)
            and _lies_in(i, area)
            and not put_elsewhere(reading.text, i, area)
        ]
        if len(inside) > 1:
            inside = _first_scene(reading, inside)
        if len(inside) != 1:
            continue
        (place,) = inside
        as_scene = any(_named_before(reading, place, _SCENE_BEFORE))
        near = _named_before(reading, place, _NEAR_BEFORE)
        # 'near Hoshab in Kech district': the finest place the text gives
        located = _said_to_lie_in(
            reading.text, place.place_reported, district.place_reported
        )
        if near and all(near) and not as_scene and not located:
            if district.figures or (
                has_content(district) and not _points_back(district)
            ):
                merge(place, district)  # a landmark near the district's scene
                del reading.by_place[place.place.geonameid]
                continue
            if not place.figures:
                continue
        same_attack = any(
            ANAPHORA.search(e.sentence) for e in place.evidence if e.what == "place"
        ) or _same_toll(district, place)
        if district.figures and (
            (place.figures and not same_attack)
            or not (as_scene or place.targets or place.attacks)
        ):
            continue
        if not district.figures and (
            (district.targets and not _where_it_happened(reading, district))
            or not (
                _as_district(reading, district) or _labels_attack(reading, district)
            )
        ):
            continue  # a district with its own targets, or a town, stays a scene
        place.targets[:0] = district.targets
        place.attacks[:0] = district.attacks
        place.figures[:0] = district.figures
        place.evidence[:0] = district.evidence
        if district.date and (place.date is None or district.date < place.date):
            place.date = district.date
        if id(district) in reading.hit:
            reading.hit.add(id(place))
        del reading.by_place[key]


def _lies_in(incident: ReportIncident, area: Place) -> bool:
    """Whether an incident lies in a district: its place does, or, for a name the
    gazetteer lacks, the town the text puts it in ('the Torah Wadi area of
    Doaba', in Hangu district)."""
    if lies_in(incident.place, area):
        return True
    wider = incident.unplaced.wider if incident.unplaced else None
    return wider is not None and wider.kind == "town" and lies_in(wider, area)


def _points_back(incident: ReportIncident) -> bool:
    """Whether every sentence naming the place points back to the attack told
    before ('condemned the attack in Mastung'): no scene of its own."""
    named = [e for e in incident.evidence if e.what == "place"]
    return bool(named) and all(ANAPHORA.search(e.sentence) for e in named)


def _same_toll(one: ReportIncident, other: ReportIncident) -> bool:
    """Whether two incidents give the same number of dead, one of them by side:
    the district's 'eight people' and the place's 'four policemen, two soldiers
    and two civilians' are one toll. Where neither gives a dead, the same number
    of wounded ('three policemen were wounded', then 'three policemen were also
    hurt in the gunfight')."""
    for outcome in ("killed", "injured"):
        totals = [
            sum(v for v in incident.counts[outcome].values() if v)
            for incident in (one, other)
        ]
        if totals[0] or totals[1]:
            return totals[0] > 0 and totals[0] == totals[1]
    return False


def _first_scene(
    reading: Reading, inside: list[ReportIncident]
) -> list[ReportIncident]:
    """Of several places inside a district, the one the report first names as
    the scene ('attacked in Kurram district ... in the Mandori area', then 'the
    Mandori, Bhagan and Ochat areas'), when none of them has figures of its own:
    the district's items are that place's. Otherwise all of them."""
    if any(i.figures for i in inside):
        return inside

    def first_named(incident: ReportIncident) -> int:
        return min(e.start for e in incident.evidence if e.what == "place")

    first = min(inside, key=first_named)
    named = [e for e in first.evidence if e.what == "place"]
    scene = bool(named) and bool(
        _SCENE_BEFORE.search(reading.text[max(0, named[0].start - 40) : named[0].start])
    )
    return [first] if scene else inside


def _fold_into(reading: Reading, outer: ReportIncident, place: ReportIncident) -> None:
    """``outer`` (a district or town) was named for the attack at ``place``
    inside it: ``place`` takes its items, and it is no incident of its own."""
    place.targets[:0] = outer.targets
    place.attacks[:0] = outer.attacks
    place.figures[:0] = outer.figures
    place.evidence[:0] = outer.evidence
    if outer.date and (place.date is None or outer.date < place.date):
        place.date = outer.date
    if id(outer) in reading.hit:
        reading.hit.add(id(place))
    del reading.by_place[outer.place.geonameid]


def fold_towns(reading: Reading) -> None:
    """A town and the one name the gazetteer lacks that the text places in it
    ('the Nasirabad area of Turbat', 'Satellite Town, Turbat', 'Lido Beach in
    Mogadishu'): one attack, at the finer name (kept at the town's point), unless
    both have figures of their own, the finer name's sentence does not point
    back to the attack and the two tolls differ."""
    inside: dict[int, list[ReportIncident]] = {}
    for incident in reading.by_place.values():
        item = incident.unplaced
        if item is not None and item.wider is not None:
            inside.setdefault(item.wider.geonameid, []).append(incident)
    # 'the Sui area of Dera Bugti' ... 'the Tali Mat area of Sui Tehsil': names
    # kept at one wider name, the town or the district of Dera Bugti
    by_name: dict[str, list[ReportIncident]] = {}
    for finer in inside.values():
        wider = finer[0].unplaced.wider if finer[0].unplaced else None
        if wider is not None:
            by_name.setdefault(normalize_name(wider.name), []).extend(finer)
    for same in by_name.values():
        _fold_named_wider(reading, same)
    for finer in inside.values():
        finer[:] = [i for i in finer if i.place.geonameid in reading.by_place]
        _fold_pointed_back(reading, finer)
    _fold_later_scene(reading)
    _fold_near_a_town(reading)
    for key, finer in inside.items():
        finer = [i for i in finer if i.place.geonameid in reading.by_place]
        town = reading.by_place.get(key)
        if town is None or len(finer) != 1 or town.place.kind == "province":
            continue
        (place,) = finer
        same_attack = any(
            ANAPHORA.search(e.sentence) for e in place.evidence if e.what == "place"
        ) or _same_toll(town, place)
        if _tolls_of_their_own(town, place) and not same_attack:
            continue
        _fold_into(reading, town, place)


def _tolls_of_their_own(one: ReportIncident, other: ReportIncident) -> bool:
    """Whether two incidents each count people, or state counts that differ: a
    stated 0 for one side ('No police personnel were harmed') beside a toll of
    another ('one militant was killed') tells no second attack."""
    if any(f.value for f in one.figures) and any(f.value for f in other.figures):
        return True
    return any(
        mine is not None and theirs is not None and mine != theirs
        for outcome in ("killed", "injured")
        for side, mine in one.counts[outcome].items()
        for theirs in (other.counts[outcome][side],)
    )


_AREA_NOUN = r"(?:province|state|region|governorate)"


def _named_as_area(text: str, name: str) -> bool:
    """Whether the text calls a name a first-level area ('the southern province
    of Shabwa', 'North Sinai Governorate', 'Narathiwat, one of Thailand's southern
    border provinces', 'the region, known as the Deep South')."""
    named = re.escape(name)
    return bool(
        re.search(
            rf"\b{_AREA_NOUN}\s+of\s+{named}\b|\b{named}\s+{_AREA_NOUN}\b|"
            rf"\b{named},\s+one\s+of\s+(?:[\w'-]+\s+){{0,4}}?{_AREA_NOUN}s\b|"
            rf"\b{_AREA_NOUN},?\s+(?:known|referred\s+to)\s+as\s+(?:the\s+)?{named}\b",
            text,
            re.IGNORECASE,
        )
    )


def _as_area(reading: Reading, incident: ReportIncident) -> bool:
    """A name the text calls a first-level area, where the gazetteer holds no
    such area: one it lacks, kept at the country, or a town of the world layer
    that shares the area's name (Narathiwat, the town and the province)."""
    item = incident.unplaced
    if item is not None:
        wide = item.wider is None or item.wider.kind == "country"
        return wide and _named_as_area(reading.text, item.name)
    return (
        incident.place.kind == "town"
        and incident.place.country not in REGION_COUNTRIES
        and _named_as_area(reading.text, incident.place_reported)
    )


def fold_unplaced_areas(reading: Reading) -> None:
    """A first-level area the gazetteer holds no point for, and the one town of
    it the attack is placed at ('... a military checkpoint in the southern
    province of Shabwa ... the army checkpoint in the city of Bayhan'): one
    attack, at the town, as a known province folds into the one place named
    inside it; unless their tolls for a side differ. Each area so named
    folds: a province and the region it lies in. Where the gazetteer knows no
    town of the attack, the one name it lacks that is left once a name
    pointed back to folds into the other ('the Bir al-Abd area' ... 'the
    attack began when ... at military Camp 118 in the village of Rabaa') is
    the town."""
    areas, towns = [], []
    for incident in reading.by_place.values():
        if not (has_content(incident) or id(incident) in reading.hit):
            continue
        if _as_area(reading, incident):
            areas.append(incident)
        elif (
            incident.unplaced is None
            and incident.place.kind == "town"
            and not told_apart(incident)
        ):
            towns.append(incident)
    if areas and not towns:  # 'the Bir al-Abd area' ... 'the village of Rabaa'
        names = [
            i
            for i in reading.by_place.values()
            if i.unplaced is not None
            and i not in areas
            and (has_content(i) or id(i) in reading.hit)
        ]
        _fold_pointed_back(reading, names)
        towns = [
            i
            for i in names
            if i.place.geonameid in reading.by_place and not told_apart(i)
        ]
    if len(towns) != 1:
        return
    (town,) = towns
    for area in areas:
        if area.unplaced is not None:
            inside = _holds(area.unplaced.wider, town.place)
        else:
            inside = area.place.admin1 == town.place.admin1
        if inside and _agree(area, town):
            _fold_into(reading, area, town)


def fold_areas_of_several(reading: Reading) -> None:
    """A district with no figures of its own that holds two or more of the
    report's places ('sent to the scenes of the attacks in the Dutsinma, Safana
    and Dan-Musa LGAs', then a toll at each village): it names where those
    attacks lie, not an attack of its own. Its targets and attack types go to
    the places inside it that name none."""
    for key, area in list(reading.by_place.items()):
        if area.figures or not area_like(area.place):
            continue
        inside = [
            i
            for i in reading.by_place.values()
            if i is not area and not area_like(i.place) and _lies_in(i, area.place)
        ]
        if len(inside) < 2 or not any(i.figures for i in inside):
            continue
        for place in inside:
            if not place.targets:
                place.targets.extend(area.targets)
            if not place.attacks:
                place.attacks.extend(area.attacks)
        del reading.by_place[key]


def fold_named_provinces(reading: Reading) -> None:
    """A province told of as an attack's place and the one place inside it the
    text names for an attack ('attacked a checkpoint in the southern province of
    Kandahar, killing five' ... 'the attack took place in the Spin Bolduk
    district'): one attack, at the finer place, unless their tolls for a side
    differ or that place's every sentence tells of another attack."""
    for area in list(reading.by_place.values()):
        if area.unplaced is not None or area.place.kind != "province":
            continue
        inside = [
            incident
            for incident in reading.by_place.values()
            if incident is not area
            and (has_content(incident) or id(incident) in reading.hit)
            and _finer_in(incident, area.place)
        ]
        if len(inside) == 1 and not told_apart(inside[0]) and _agree(area, inside[0]):
            _fold_into(reading, area, inside[0])


def _finer_in(incident: ReportIncident, province: Place) -> bool:
    """Whether the incident's place is a finer place of ``province``: a town or
    district of it, or a name the gazetteer lacks kept at it."""
    place = incident.unplaced.wider if incident.unplaced is not None else None
    if place is None:
        place = incident.place
        if place.kind == "province":
            return False
    return (place.country, place.admin1) == (province.country, province.admin1)


def _agree(one: ReportIncident, other: ReportIncident) -> bool:
    """Whether two incidents' tolls agree where both give one for a side."""
    tolls = one.counts, other.counts
    return all(
        tolls[0][outcome][side] == tolls[1][outcome][side]
        for outcome in OUTCOMES
        for side in tolls[0][outcome]
        if tolls[0][outcome][side] is not None and tolls[1][outcome][side] is not None
    )


def fold_headline(reading: Reading, headline: Span | None) -> None:
    """A place named only in the headline ('Seven Punjabi workers killed in
    targeted shooting near Gwadar') whose toll the body gives again at one place
    of its own ('seven labourers ... shot dead on Thursday in Sarbandan, some 25km
    east of Gwadar'): one attack, told more finely by the body."""
    if headline is None:
        return
    incidents = list(reading.by_place.values())
    for top in incidents:
        own = {normalize_name(top.place_reported), normalize_name(top.place.name)}
        named = [
            e
            for e in top.evidence
            if e.what == "place" and normalize_name(e.text) in own
        ]
        if not named or any(e.start >= headline.end for e in named):
            continue
        body = [
            i
            for i in incidents
            if i is not top
            and i.place.geonameid in reading.by_place
            and any(e.start >= headline.end for e in i.evidence)
            and _same_toll(top, i)
        ]
        if len(body) > 1:  # 'attack on Waziristan police station', then Azam
            # Warsak in South Waziristan and Muftiabad in Charsadda, one dead each
            body = [i for i in body if _called_by(i, own)]
        if len(body) == 1:
            _fold_into(reading, top, body[0])


def _called_by(incident: ReportIncident, names: set[str]) -> bool:
    """Whether the place, or the wider place it is kept at, has a name that ends
    with one of ``names`` ('South Waziristan' with 'Waziristan')."""
    places = [incident.place]
    if incident.unplaced is not None and incident.unplaced.wider is not None:
        places.append(incident.unplaced.wider)
    return any(
        normalize_name(place.name).endswith(" " + name)
        or normalize_name(place.name) == name
        for place in places
        for name in names
    )


def fold_roads(reading: Reading) -> None:
    """A road kept at the area holding its ends, and the one other attack place
    in that area, with no toll of the road's own or the same toll ('their
    checkpost in the Babri area of Mastung district was attacked', then 'attacked
    the checkpost on the Quetta-Taftan highway, killing two personnel'): one
    attack, at the finer place."""
    roads = [i for i in reading.by_place.values() if is_road(i)]
    for road in roads:
        area = road.unplaced.wider if road.unplaced else None
        others = [
            i
            for i in reading.by_place.values()
            if i not in roads
            and area is not None
            and i.place.kind not in ("province", "country")
            and within(i.place, area)
        ]
        if len(others) != 1 or told_apart(road):
            continue
        (other,) = others
        if road.figures and not _same_toll(road, other):
            continue
        merge(road, other)
        del reading.by_place[road.place.geonameid]


def _fold_named_wider(reading: Reading, names: list[ReportIncident]) -> None:
    """Of names the gazetteer lacks at one wider place, one the text says another
    lies in ('Kayakura village, a farming community in Doron Baga ward', then
    'the attack on the farmers in the Doron Baga ward'): the wider name's items
    are the finer one's, unless both have figures of their own that differ."""
    for inner in list(names):
        for outer in list(names):
            if (
                inner is outer
                or inner.place.geonameid not in reading.by_place
                or outer.place.geonameid not in reading.by_place
                or not _said_to_lie_in(
                    reading.text, inner.place_reported, outer.place_reported
                )
            ):
                continue
            if inner.figures and outer.figures and not _same_toll(inner, outer):
                continue
            _fold_into(reading, outer, inner)


def _said_to_lie_in(text: str, inner: str, outer: str) -> bool:
    """Whether the text says ``inner`` lies in ``outer`` ('Kayakura village, a
    farming community in Doron Baga ward')."""
    for match in re.finditer(rf"\b{re.escape(inner)}\b", text):
        tail = text[match.end() : match.end() + 90]
        found = re.search(rf"\b{re.escape(outer)}\b", tail)
        gap = tail[: found.start()] if found else ""
        if (
            found
            and "." not in gap
            and re.search(r"\b(?:in|of)\b", gap)
            and is_wider_gap(gap)
        ):
            return True
    return False


def _fold_pointed_back(reading: Reading, names: list[ReportIncident]) -> None:
    """Two names the gazetteer lacks at one wider place, the second named only in
    sentences that point back to the attack ('in the Mamund tehsil of Bajaur ...
    The blast took place in the Belot Farsh area') or say it lies near the first
    ('in the Sanjawi area ... the checkpost at Lal Khatai, near the Sanjawi
    area') or struck within it ('in the Abujhmad area ... when the Maoists
    detonated an IED in Kodaliar forest'), and with no toll of its own ('The
    three dead ... died at the scene' restates the first's): one attack, told
    more finely by the second name. A name told of as another
    attack ('In another incident, ... in Jalawla') is not one of the two."""
    names = [i for i in names if not told_apart(i)]
    if len(names) != 2:
        return
    first, second = sorted(names, key=lambda i: min(e.start for e in i.evidence))
    named = [e for e in second.evidence if e.what == "place"]
    if not named or not has_content(first):
        return
    if second.figures and not _same_toll(first, second):
        return
    if (
        all(ANAPHORA.search(e.sentence) for e in named)
        and min(e.start for e in named) > max(e.start for e in first.evidence)
    ) or (
        first.unplaced is not None
        and all(
            _near(e.sentence, second.place_reported, first.unplaced.name)
            or _struck_in(e.sentence, second.place_reported, first.unplaced.name)
            for e in named
        )
    ):
        _fold_into(reading, first, second)


def _struck_in(sentence: str, name: str, other: str) -> bool:
    """Whether the sentence names ``name`` after ``other`` as where in it the
    attack struck ('was out on an operation in the Abujhmad area ... when the
    Maoists detonated an IED against them in Kodaliar forest')."""
    return bool(
        re.search(
            rf"\b{re.escape(other)}\b.*\bwhen\b.*\b(?:in|at)\s+(?:the\s+)?"
            rf"{re.escape(name)}\b",
            sentence,
        )
    )


def _near(sentence: str, name: str, other: str) -> bool:
    """Whether the sentence says ``name`` lies near ``other`` ('Lal Khatai, near
    the Sanjawi area')."""
    return bool(
        re.search(
            rf"\b{re.escape(name)},?\s+(?:near|close to|next to|outside)\s+"
            rf"(?:the\s+)?{re.escape(other)}\b",
            sentence,
        )
    )


def _fold_later_scene(reading: Reading) -> None:
    """A report of one attack whose lede gives the toll at a town and whose next
    sentences give where it struck by a name the gazetteer lacks, with no wider
    place of its own and no toll of its own there ('One soldier was martyred ... in
    the Jiwani area ... a vehicle struck a landmine in the Duran area'; another
    attack told apart, 'In a separate incident', aside): the name is the
    attack's finer place, kept at the town."""
    scenes = [
        i
        for i in reading.by_place.values()
        if (has_content(i) or id(i) in reading.hit)
        and i.place.kind != "province"
        and not told_apart(i)
    ]
    if len(scenes) != 2:
        return
    town, name = sorted(scenes, key=lambda i: i.unplaced is not None)
    item = name.unplaced
    at = _kept_at(town, item)
    if (
        at is None
        or item is None
        or at.kind not in ("town", "district")
        or not town.figures
        or _tolls_of_their_own(town, name)
        or id(name) not in reading.hit
        or not _holds(item.wider, at)
        or item.start < min(e.start for e in town.evidence)
        or OTHER_EVENT.search(item.sentence.text)
    ):
        return
    _fold_kept_at(reading, town, name, at)


def told_apart(incident: ReportIncident) -> bool:
    """Whether every sentence naming the place tells of another attack ('In a
    separate incident, ...')."""
    named = [e for e in incident.evidence if e.what == "place"]
    return bool(named) and all(OTHER_EVENT.search(e.sentence) for e in named)


def _fold_near_a_town(reading: Reading) -> None:
    """A name the gazetteer lacks, kept at no place finer than a province, that
    its sentence puts near a town or a distance from it, where that town is the
    one other place with the same toll or none of its own ('ambushed a convoy
    near Turbat city, killing 14 troops' ... 'in the mountainous Wakai area near
    Nawano check-post, some 50 kilometres from Turbat city'; 'near the village of
    El Dhere, 28 kilometers west of the town of Dhusamareb'): one attack, at the
    name, kept at the town (at the precision of a place near it)."""
    for name in list(reading.by_place.values()):
        item = name.unplaced
        if item is None or (
            item.wider is not None and item.wider.kind not in ("province", "country")
        ):
            continue
        after = item.sentence.text[item.end - item.sentence.start :]
        towns = [
            town
            for town in reading.by_place.values()
            if town.unplaced is None
            and town.place.kind == "town"
            and re.search(
                rf"\b(?:near|from|outside|close to|{_BEARING}\s+of)\s+(?:the\s+)?"
                rf"(?:(?:city|town) of\s+)?{re.escape(town.place_reported)}\b",
                after,
            )
            and (_same_toll(town, name) or not town.figures)
        ]
        if len(towns) != 1 or not _holds(item.wider, towns[0].place):
            continue
        if not towns[0].figures:
            towns[0].date = None  # a town told of for other news dates no attack
        _fold_kept_at(reading, towns[0], name, towns[0].place)


_BEARING = r"(?:north|south|east|west|(?:north|south)-?(?:east|west))"
"""'west', 'north-east': the way from a town a place lies."""


def _fold_kept_at(
    reading: Reading, town: ReportIncident, name: ReportIncident, at: Place
) -> None:
    """``town``'s attack is the one at ``name`` (a name the gazetteer lacks):
    the name is kept at ``at`` from now on, and takes the town's items."""
    item = name.unplaced
    assert item is not None
    item.wider = at
    item.precision, item.precision_label = kept_precision(at)
    del reading.by_place[name.place.geonameid]
    name.place, name.precision = stand_in(item.name, at), item.precision
    reading.by_place[name.place.geonameid] = name
    _fold_into(reading, town, name)


def _kept_at(town: ReportIncident, item: UnplacedName | None) -> Place | None:
    """Where the lede's scene stands: its town, or, for a name the gazetteer
    lacks kept at a town or district, that place, where the finer name's
    sentence names it ('in Mamove, Beni' ... 'the remote village of Baeti, near
    Mamove')."""
    if town.unplaced is None:
        return town.place
    if item is None or not re.search(
        rf"\b{re.escape(town.place_reported)}\b", item.sentence.text
    ):
        return None
    return town.unplaced.wider


def _holds(wider: Place | None, town: Place) -> bool:
    """Whether a name kept at ``wider`` may lie in ``town``: kept at no place, at
    the town's province or country, or at the district holding it."""
    if wider is None:
        return True
    if wider.kind == "country":
        return wider.country == town.country
    if wider.kind == "province":
        return wider.admin1 == town.admin1
    return lies_in(town, wider)


def has_content(incident: ReportIncident) -> bool:
    return bool(incident.targets or incident.attacks or incident.figures)
