"""From an extraction to rows a person reviews and adds to the data. Pure.

The proposal follows the way the seed data were encoded by hand: a target named in
the same sentence as exactly one town is tied to that town; targets tied to no town
stay at province level (when the report names the province); towns with no target
get a 'target not reported' row; figures go on one row of their own at the widest
place the report names. Nothing is filled in that the text does not say.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping

import pandas as pd

from components.model import NOT_REPORTED, TARGET_TYPES, GeoPrecision
from components.report import CodeMention, Extraction, Figure, PlaceMention

EDITABLE_COLUMNS = [
    "place",
    "geo_precision",
    "target_type",
    "attack_types",
    "killed_civilians",
    "killed_security",
    "killed_attackers",
    "killed_unspecified",
    "injured",
    "notes",
    "source_excerpt",
]
_COUNT_GROUPS = {
    "killed_civilians": "civilians",
    "killed_security": "security",
    "killed_attackers": "attackers",
    "killed_unspecified": "unspecified",
}


def propose(extraction: Extraction) -> list[dict[str, str]]:
    """Rows (as CSV cells) that the extraction supports, for a person to review."""
    towns = [
        m
        for m in extraction.place_mentions
        if m.geo_precision != GeoPrecision.REGION and not _in_dateline(m, extraction)
    ]
    regions = [
        m for m in extraction.place_mentions if m.geo_precision == GeoPrecision.REGION
    ]
    town_names = list(dict.fromkeys(m.place.name for m in towns))
    wide_place = regions[0].place.name if regions else ""
    only_town = town_names[0] if len(town_names) == 1 else ""

    rows: list[dict[str, str]] = []
    paired: set[tuple[str, str]] = set()
    tied_codes: set[str] = set()
    for target in extraction.target_mentions:
        mention = _town_of(target, towns)
        if mention is None:
            continue
        place = mention.place.name
        tied_codes.add(target.code)
        if (place, target.code) in paired:
            continue
        paired.add((place, target.code))
        rows.append(
            _row(
                place=mention.evidence.text,
                precision=mention.geo_precision,
                target=target.code,
                attacks=_attacks_in(extraction, target.evidence.sentence_start, towns),
                excerpt=target.evidence.sentence,
                notes="Target and place named together.",
            )
        )
    unplaced: dict[str, CodeMention] = {}
    for target in extraction.target_mentions:
        if _town_of(target, towns) is None:
            unplaced.setdefault(target.code, target)
    for target in sorted(
        unplaced.values(), key=lambda t: list(TARGET_TYPES).index(t.code)
    ):
        place = wide_place or only_town
        notes = (
            "Named without a place; kept at province level."
            if wide_place
            else "Named without a place: check the place."
        )
        if target.code in tied_codes:
            notes += " It may be the one the report also ties to a town."
        rows.append(
            _row(
                place=place,
                precision=GeoPrecision.REGION if wide_place else None,
                target=target.code,
                attacks=_attacks_in(extraction, target.evidence.sentence_start, towns),
                excerpt=target.evidence.sentence,
                notes=notes,
            )
        )
    placed = {place for place, _ in paired}
    for mention in towns:
        if mention.place.name in placed:
            continue
        placed.add(mention.place.name)
        rows.append(
            _row(
                place=mention.evidence.text,
                precision=mention.geo_precision,
                target=NOT_REPORTED,
                attacks=_attacks_in(extraction, mention.evidence.sentence_start, towns),
                excerpt=mention.evidence.sentence,
                notes="Named in the report; it names no target there.",
            )
        )
    figures = _figures(extraction)
    if figures:
        counts = {
            column: str(figure.value) for column, figure in figures.items() if figure
        }
        evidence = [figure.evidence.text for figure in figures.values() if figure]
        place, precision = _figures_place(figures, towns, wide_place, only_town)
        rows.append(
            _row(
                place=place,
                precision=precision,
                target=NOT_REPORTED,
                attacks=";".join(a.code for a in extraction.attacks) or NOT_REPORTED,
                excerpt=" | ".join(
                    dict.fromkeys(f.evidence.sentence for f in figures.values() if f)
                ),
                notes="Figures as reported: "
                + "; ".join(evidence)
                + _qualifiers(figures),
                **counts,
            )
        )
    return rows


def _in_dateline(mention: PlaceMention, extraction: Extraction) -> bool:
    """'QUETTA, Pakistan - 1 February 2026': where the report was filed from."""
    dateline = extraction.date_evidence
    return bool(
        dateline
        and dateline.sentence_start == mention.evidence.sentence_start
        and mention.evidence.text.isupper()
    )


def _figures_place(
    figures: Mapping[str, Figure | None],
    towns: list[PlaceMention],
    wide_place: str,
    only_town: str,
) -> tuple[str, GeoPrecision | None]:
    """The one town named where the figures are given, else the province, else the
    report's only town; blank (for the reviewer to fill) when none of these fits."""
    starts = {f.evidence.sentence_start for f in figures.values() if f}
    named = {t.place.name: t for t in towns if t.evidence.sentence_start in starts}
    if len(named) == 1:
        (town,) = named.values()
        return town.evidence.text, town.geo_precision
    if wide_place:
        return wide_place, GeoPrecision.REGION
    return only_town, None


def _figures(extraction: Extraction) -> dict[str, Figure | None]:
    found = {
        column: extraction.killed(group) for column, group in _COUNT_GROUPS.items()
    }
    found["injured"] = extraction.injured()
    return found if any(found.values()) else {}


def _qualifiers(figures: Mapping[str, Figure | None]) -> str:
    notes = []
    for figure in figures.values():
        if figure and figure.high:
            notes.append(f"{figure.value} to {figure.high} {figure.group}")
        elif figure and figure.at_least:
            notes.append(f"at least {figure.value} {figure.group}")
        elif figure and figure.approximate:
            notes.append(f"about {figure.value} {figure.group}")
    return f". Lower bounds and estimates: {'; '.join(notes)}." if notes else "."


def _town_of(target: CodeMention, towns: list[PlaceMention]) -> PlaceMention | None:
    """The town a target is tied to: 'a prison in Mastung', 'a Quetta market', or
    the only town in the target's sentence."""
    same = [
        t for t in towns if t.evidence.sentence_start == target.evidence.sentence_start
    ]
    sentence = target.evidence.sentence
    offset = target.evidence.sentence_start
    for town in same:
        between = sentence[target.evidence.end - offset : town.evidence.start - offset]
        if _IN_TOWN.fullmatch(between):
            return town
        between = sentence[town.evidence.end - offset : target.evidence.start - offset]
        if _TOWN_BEFORE.fullmatch(between):
            return town
    names = {t.place.name for t in same}
    return same[0] if len(names) == 1 else None


_IN_TOWN = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:in|at|near|outside|of)\s+(?:the\s+)?", re.I
)
_TOWN_BEFORE = re.compile(r"(?:'s)?\s+(?:\w+\s+)?", re.I)


def _attacks_in(
    extraction: Extraction, sentence_start: int, towns: list[PlaceMention]
) -> str:
    """Attack types named in a sentence that names at most one town: a list of
    attacks across several towns is not pinned on any one of them. A district
    named with a town inside it is not another town."""
    places = {t.place for t in towns if t.evidence.sentence_start == sentence_start}
    within = {p.district for p in places if p.kind != "district" and p.district}
    in_sentence = {
        p.name for p in places if not (p.kind == "district" and p.district in within)
    }
    if len(in_sentence) > 1:
        return NOT_REPORTED
    codes = dict.fromkeys(
        a.code
        for a in extraction.attack_mentions
        if a.evidence.sentence_start == sentence_start
    )
    return ";".join(codes) or NOT_REPORTED


def _row(
    *,
    place: str,
    precision: GeoPrecision | None,
    target: str,
    attacks: str,
    excerpt: str,
    notes: str,
    **counts: str,
) -> dict[str, str]:
    row = dict.fromkeys(EDITABLE_COLUMNS, "")
    row.update(
        place=place,
        geo_precision=str(int(precision)) if precision else "",
        target_type=target,
        attack_types=attacks,
        source_excerpt=excerpt,
        notes=notes,
        **counts,
    )
    return row


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "report"


def new_event_id(name: str, date: dt.date, taken: Iterable[str]) -> str:
    base = f"{slug(name)}-{date.isoformat()}"
    taken = set(taken)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def incident_rows(
    reviewed: Iterable[Mapping[str, object]],
    *,
    event_id: str,
    date: dt.date,
    date_precision: int,
    source: Mapping[str, str],
    existing: pd.DataFrame,
) -> list[dict[str, str]]:
    """Complete CSV rows for the reviewed proposal: ids, event, date and source.

    A row with figures about a place and target the event already records becomes a
    revision of that record, so the earlier figures stay in the history.
    """
    stamp = hashlib.sha256(
        f"{source.get('source_title')}|{source.get('source_date')}".encode()
    ).hexdigest()[:6]
    taken = set(existing["id"])
    latest = existing[(existing["event_id"] == event_id) & existing["current"]]
    rows = []
    for number, reviewed_row in enumerate(reviewed, start=1):
        cells = {k: _cell(v) for k, v in reviewed_row.items() if k in EDITABLE_COLUMNS}
        row_id = f"{event_id}-{stamp}-{number:02d}"
        while row_id in taken:
            row_id += "-x"
        taken.add(row_id)
        revises = ""
        if any(cells.get(column) for column in (*_COUNT_GROUPS, "injured")):
            same = latest[
                (latest["place_reported"].str.casefold() == cells["place"].casefold())
                | (latest["place"].str.casefold() == cells["place"].casefold())
            ]
            same = same[same["target_type"] == cells["target_type"]]
            revises = same["id"].iloc[-1] if len(same) else ""
        rows.append(
            {
                **cells,
                "id": row_id,
                "event_id": event_id,
                "revises": revises,
                "date": date.isoformat(),
                "date_precision": str(date_precision),
                "lat": "",
                "lon": "",
                **source,
            }
        )
    return rows


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
