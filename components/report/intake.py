"""From an extraction to rows a person reviews and adds to the data. Pure.

Each incident the report describes becomes one row per target at its place (a
'target not reported' row where it names none); the incident's figures go on its
first row, with the words they rest on beside them. The report's totals for the
whole event become one row at the widest place it names, marked as the event's
totals, so the headline shows them instead of adding them to the places' own
figures. Every proposed row can be saved as proposed: a name the gazetteer does not know
is kept at the wider place the reader gave it (its point pinned, its precision
said) until a person places it.

:func:`read_for_review` is what a page runs (in a worker process) to read a
pasted report with the team's places consulted first.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from components.domain import model
from components.domain.model import Event
from components.domain.team_places import TeamPlace
from components.domain.vocabularies import (
    ATTACK_TYPES,
    NOT_REPORTED,
    TARGET_TYPES,
    FigureScope,
)
from components.gazetteer import default_gazetteer
from components.gazetteer.team import layered_gazetteer
from components.report import Extraction, Figure, ReportIncident, extract
from components.report.sites import names_a_site

COUNT_COLUMNS = {
    "killed_civilians": "civilians",
    "killed_security": "security",
    "killed_attackers": "attackers",
    "killed_unspecified": "unspecified",
}
EDITABLE_COLUMNS = [*model.EDITABLE_COLUMNS, "evidence"]
"""The review table's columns: what a person may set (the one field list's
editable columns) and ``evidence``, shown beside the figures and not saved
(``source_excerpt`` keeps the sentences)."""
MAX_EXCERPT = 1_000


@dataclass(frozen=True)
class Review:
    """A report under review: where it came from, its text, what the reader made
    of it, the background sentences a person marked as current news and the
    places they marked as attacked."""

    name: str
    text: str
    extraction: Extraction
    current: frozenset[int] = field(default_factory=frozenset)
    scenes: frozenset[int] = field(default_factory=frozenset)


def read_for_review(
    text: str,
    team: Sequence[TeamPlace] = (),
    current: Iterable[int] = (),
    scenes: Iterable[int] = (),
) -> Extraction:
    """The report's extraction, the team's places consulted before the shipped
    gazetteer (a page runs this in a worker process: it is CPU-bound)."""
    gazetteer = layered_gazetteer(default_gazetteer(), tuple(team))
    return extract(text, gazetteer, current, attacked=scenes)


def warm_up() -> None:
    """Load the gazetteer and read a sentence, so a worker's first report is read
    as fast as the next. What is loaded lives as long as the worker: frozen out
    of the collector, a full collection does not walk it in a report's time."""
    read_for_review("Gunmen attacked a police post in Quetta, killing two.")
    gc.collect()
    gc.freeze()


def propose(extraction: Extraction) -> list[dict[str, str]]:
    """Rows (as CSV cells) that the extraction supports, for a person to review."""
    rows: list[dict[str, str]] = []
    for incident in extraction.incidents:
        rows.extend(_incident_rows(incident, extraction))
    if extraction.totals and extraction.totals_place is not None:
        rows.append(_totals_row(extraction))
    return rows


def _incident_rows(
    incident: ReportIncident, extraction: Extraction
) -> list[dict[str, str]]:
    codes = incident.target_codes() or [NOT_REPORTED]
    attacks = ";".join(incident.attack_codes()) or NOT_REPORTED
    counts = incident.counts
    has_figures = any(v is not None for side in counts.values() for v in side.values())
    excerpt = _excerpt(e.sentence for e in incident.evidence)
    rows = []
    for index, code in enumerate(codes):
        notes = []
        inferred = [m for m in incident.targets if m.code == code and m.inferred]
        if inferred:
            words = inferred[0].evidence.text
            notes.append(f"Target read from who was hit: '{words}'.")
        if incident.event_wide:
            notes.append("Named for the whole event, with no place: province-wide.")
        row = _row(
            place=incident.place_reported,
            precision=int(incident.precision),
            target=code,
            attacks=attacks,
            date=incident.date or extraction.date,
            excerpt=excerpt,
        )
        if incident.ambiguous or incident.unplaced is not None:
            # The text chose among places of this name, or the name is not in the
            # gazetteer and is kept at the wider place: the point goes with it.
            row.update(lat=str(incident.place.lat), lon=str(incident.place.lon))
        if _at_a_site(incident):
            # 'Bacha Khan University in Charsadda': the record is the town's, so
            # that it is found, matched and filtered as the town; the site is said.
            town = _town_as_written(incident)
            row["place"] = town
            notes.append(
                f"Reported as '{incident.place_reported}', in {town}; placed at "
                f"{town}'s point."
            )
        if incident.unplaced is not None:
            notes.append(
                f"'{incident.place_reported}' is not in the gazetteer: kept at "
                f"{incident.place.name} ({incident.unplaced.precision_label or 'wider'}"
                " precision) until it is placed."
            )
        if index == 0 and has_figures:
            row.update(_count_cells(counts))
            row["evidence"] = _phrases(incident.figures)
            notes.append(_figure_notes(incident.figures, counts, len(codes)))
        row["notes"] = " ".join(note for note in notes if note)
        rows.append(row)
    return rows


def _at_a_site(incident: ReportIncident) -> bool:
    """Whether the incident is reported as a site or landmark inside its known
    place, whose name the gazetteer does not hold, not as a name kept for the
    analyst to place."""
    return incident.unplaced is None and names_a_site(incident.place_reported)


def _town_as_written(incident: ReportIncident) -> str:
    """The town of a site as the report spells it ('Noshki', where the gazetteer
    says Nushki)."""
    return next(
        (
            e.text
            for e in incident.evidence
            if e.what == "place" and not names_a_site(e.text)
        ),
        incident.place.name,
    )


def _totals_row(extraction: Extraction) -> dict[str, str]:
    holder = extraction.totals_place
    assert holder is not None
    attacks = holder.attack_codes() or list(
        dict.fromkeys(c for i in extraction.incidents for c in i.attack_codes())
    )
    counts = extraction.total_counts
    row = _row(
        place=holder.place_reported,
        precision=int(holder.precision),
        target=NOT_REPORTED,
        attacks=";".join(attacks) or NOT_REPORTED,
        date=extraction.date,
        excerpt=_excerpt(_sentence_of(extraction, f) for f in extraction.totals),
    )
    row.update(_count_cells(counts))
    row["figure_scope"] = FigureScope.EVENT
    row["evidence"] = _phrases(extraction.totals)
    row["notes"] = (
        "The report's totals for the whole event, not tied to one place; the "
        "places' own figures are part of them and are not added. "
        + _figure_notes(extraction.totals, counts, 1)
    )
    return row


def _phrases(figures: Sequence[Figure]) -> str:
    return "; ".join(dict.fromkeys(figure.text for figure in figures))


def _sentence_of(extraction: Extraction, figure: Figure) -> str:
    holder = extraction.totals_place
    for item in holder.evidence if holder else ():
        if item.start == figure.start:
            return item.sentence
    return figure.text


def _count_cells(counts: Mapping[str, Mapping[str, int | None]]) -> dict[str, str]:
    killed = counts["killed"]
    cells = {column: _number(killed[side]) for column, side in COUNT_COLUMNS.items()}
    injured = [v for v in counts["injured"].values() if v is not None]
    cells["injured"] = str(sum(injured)) if injured else ""
    return cells


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _figure_notes(
    figures: Sequence[Figure],
    counts: Mapping[str, Mapping[str, int | None]],
    targets: int,
) -> str:
    notes = []
    if targets > 1:
        notes.append("Figures for the whole attack at this place, on its first row.")
    hedged = []
    for figure in figures:
        if figure.high or figure.at_least or figure.approximate:
            hedged.append(f"'{figure.text}'")
        if figure.parts:
            hedged.append(
                f"{figure.value} in all, of whom "
                + ", ".join(f"{p.value} {p.side}" for p in figure.parts)
                + " (the rest unassigned)"
            )
    if hedged:
        hedged = list(dict.fromkeys(hedged))
        notes.append("As reported: " + "; ".join(hedged) + " (the lowest figure kept).")
    injured = {side: v for side, v in counts["injured"].items() if v is not None}
    if len(injured) > 1 or (injured and "unspecified" not in injured):
        split = ", ".join(f"{v} {side}" for side, v in injured.items())
        notes.append(f"Injured by side: {split}.")
    return " ".join(notes)


def _excerpt(sentences: Iterable[str]) -> str:
    text = " … ".join(dict.fromkeys(s.strip() for s in sentences if s.strip()))
    return text if len(text) <= MAX_EXCERPT else text[: MAX_EXCERPT - 1] + "…"


def _row(
    *,
    place: str,
    precision: int,
    target: str,
    attacks: str,
    date: dt.date | None,
    excerpt: str,
) -> dict[str, str]:
    row = dict.fromkeys(EDITABLE_COLUMNS, "")
    row.update(
        place=place,
        geo_precision=str(precision),
        target_type=target,
        attack_types=attacks,
        figure_scope=FigureScope.INCIDENT,
        date=date.isoformat() if date else "",
        source_excerpt=excerpt,
    )
    return row


def label_rows(rows: Sequence[Mapping[str, str]]) -> list[dict[str, str]]:
    """The same rows with labels instead of codes, for people to read."""
    labelled = []
    for row in rows:
        codes = [c for c in row["attack_types"].split(";") if c]
        labelled.append(
            {
                **row,
                "target_type": TARGET_TYPES[row["target_type"]].label,
                "attack_types": ", ".join(ATTACK_TYPES[c].label for c in codes),
            }
        )
    return labelled


def codes_of(
    rows: Iterable[Mapping[str, object]],
) -> list[dict[str, object]]:
    """Rows edited with labels, back to codes (the inverse of :func:`label_rows`)."""
    targets = {t.label: code for code, t in TARGET_TYPES.items()}
    attacks = {a.label: code for code, a in ATTACK_TYPES.items()}
    coded = []
    for row in rows:
        target = str(row.get("target_type") or "")
        names = [n.strip() for n in str(row.get("attack_types") or "").split(",")]
        coded.append(
            {
                **row,
                "target_type": targets.get(target, target or NOT_REPORTED),
                "attack_types": ";".join(attacks.get(n, n) for n in names if n)
                or NOT_REPORTED,
            }
        )
    return coded


# --- Events -------------------------------------------------------------------------


@dataclass(frozen=True)
class EventMatch:
    """An event already in the data that the report seems to be about, and why."""

    event_id: str
    reason: str


def matching_event(
    extraction: Extraction, frame: pd.DataFrame, events: Mapping[str, Event]
) -> EventMatch | None:
    """The recorded event with the report's date (a day either side) and at least
    one of its places; None when there is none (the rows make a new event)."""
    if extraction.date is None or frame.empty:
        return None
    places = {i.place.name for i in extraction.incidents if not i.event_wide}
    best: tuple[int, str, list[str]] | None = None
    for event_id, event in events.items():
        if abs((event.date - extraction.date).days) > 1:
            continue
        rows = frame[frame["event_id"] == event_id]
        shared = sorted(places & set(rows["place"]))
        if shared and (best is None or len(shared) > best[0]):
            best = (len(shared), event_id, shared)
    if best is None:
        return None
    _, event_id, shared = best
    event = events[event_id]
    return EventMatch(
        event_id,
        f"same date ({event.date.day} {event.date:%b %Y}) and place(s) "
        f"({', '.join(shared)}) as '{event.name}'",
    )


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "report"


def new_event_id(name: str, date: dt.date, taken: Iterable[str]) -> str:
    base = f"{slug(name)}-{date.isoformat()}"
    taken = set(taken)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


# --- Rows to save -------------------------------------------------------------------

SAVED_COLUMNS = [c for c in EDITABLE_COLUMNS if c != "evidence"]


def incident_rows(
    reviewed: Iterable[Mapping[str, object]],
    *,
    event_id: str,
    date: dt.date,
    date_precision: int,
    source: Mapping[str, str],
    existing: pd.DataFrame,
) -> list[dict[str, str]]:
    """Complete rows for the reviewed proposal: ids, event, date and source.

    A row with figures about a place, target and scope the event already records
    becomes a revision of that record, so the earlier figures stay in the history.
    """
    stamp = hashlib.sha256(
        f"{source.get('source_title')}|{source.get('source_date')}".encode()
    ).hexdigest()[:6]
    taken = set(existing["id"])
    latest = existing[(existing["event_id"] == event_id) & existing["current"]]
    rows = []
    for number, reviewed_row in enumerate(reviewed, start=1):
        cells = {k: _cell(v) for k, v in reviewed_row.items() if k in SAVED_COLUMNS}
        cells["figure_scope"] = cells.get("figure_scope") or FigureScope.INCIDENT
        row_id = f"{event_id}-{stamp}-{number:02d}"
        while row_id in taken:
            row_id += "-x"
        taken.add(row_id)
        revises = ""
        if any(cells.get(column) for column in (*COUNT_COLUMNS, "injured")):
            place = cells.get("place", "").casefold()
            same = latest[
                (
                    (latest["place_reported"].str.casefold() == place)
                    | (latest["place"].str.casefold() == place)
                )
                & (latest["target_type"] == cells.get("target_type"))
                & (latest["figure_scope"] == cells["figure_scope"])
            ]
            revises = same["id"].iloc[-1] if len(same) else ""
        rows.append(
            {
                **cells,
                "id": row_id,
                "event_id": event_id,
                "revises": revises,
                "date": cells.get("date") or date.isoformat(),
                "date_precision": str(date_precision),
                **source,
            }
        )
    return rows


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if value is pd.NA:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


__all__ = [
    "EDITABLE_COLUMNS",
    "EventMatch",
    "Review",
    "codes_of",
    "incident_rows",
    "label_rows",
    "matching_event",
    "new_event_id",
    "propose",
    "read_for_review",
]
