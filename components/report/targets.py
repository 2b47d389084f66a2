"""Targets and attack types named in a clause (by the vocabulary's phrase tables),
and targets read from who was hit where none is named."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from components.report.model import (
    Evidence,
    Figure,
    Mention,
    ReportIncident,
    evidence_at,
)
from components.report.segments import Span
from components.report.vocabulary import (
    NOT_A_TARGET,
)


def codes_in(
    clause: Span,
    sentence: Span,
    text: str,
    table: Mapping[str, re.Pattern[str]],
    what: str,
) -> list[Mention]:
    """Vocabulary codes named in a clause; a phrase inside a longer one counts once,
    and a target named only as where the wounded went (or a jurisdiction) not at all."""
    found: list[Mention] = []
    spans: list[tuple[int, int]] = []
    body = clause.text
    for code, pattern in table.items():
        for match in pattern.finditer(body):
            start, end = clause.start + match.start(), clause.start + match.end()
            if any(a < end and start < b for a, b in spans):
                continue
            if what == "target" and NOT_A_TARGET.search(body[: match.start()]):
                continue
            spans.append((start, end))
            found.append(Mention(code, evidence_at(text, start, end, sentence, what)))
    return sorted(found, key=lambda mention: mention.evidence.start)


_POLICE_WORDS = re.compile(r"polic|levies|constable|cop|fc\b|frontier corps", re.I)


def infer_targets(incident: ReportIncident) -> None:
    """An incident with no target named: the people killed or hurt say who was
    attacked, as the GTD codes a target (police, soldiers, civilians)."""
    if incident.targets:
        return
    security = [f for f in incident.figures if f.side == "security"]
    civilians = [f for f in incident.figures if f.side == "civilians"]
    for figure in security:
        code = "military" if figure.military else "police_paramilitary"
        if not figure.military and not _POLICE_WORDS.search(figure.text):
            continue
        incident.targets.append(Mention(code, figure_evidence(incident, figure), True))
    if civilians and not security:
        figure = civilians[0]
        incident.targets.append(
            Mention("private_citizens", figure_evidence(incident, figure), True)
        )


def figure_evidence(incident: ReportIncident, figure: Figure) -> Evidence:
    for item in incident.evidence:
        if item.start == figure.start:
            return Evidence(
                item.start,
                item.end,
                item.text,
                item.sentence,
                item.sentence_start,
                "target",
            )
    return Evidence(
        figure.start, figure.end, figure.text, figure.text, figure.start, "target"
    )


def labels(codes: Iterable[str], table: Mapping[str, object]) -> list[str]:
    """Labels for vocabulary codes (``TARGET_TYPES`` or ``ATTACK_TYPES``)."""
    return [table[code].label for code in codes]  # type: ignore[attr-defined]
