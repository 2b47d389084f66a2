"""One incident, many sources: the low / best / high figures, adding a report to
an incident held, merging and splitting, undo, and the matcher's candidates from
the store (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from components.domain.model import Casualties
from components.domain.sources import Reported, reconcile, spread_line
from components.domain.summary import headline
from components.store import DatabaseStore
from components.store.candidates import facts_of_row
from components.support.errors import ConflictError, DataFileError, StoreError
from tests.conftest import GOOD_EVENT, GOOD_INCIDENT

EDITOR = "editor@example.org"
NOSHKI = {
    **GOOD_INCIDENT,
    "id": "wave-1-noshki",
    "date": "2026-03-10",
    "place": "Noshki",
    "target_type": "police_paramilitary",
    "attack_types": "bombing",
    "killed_civilians": "",
    "killed_security": "10",
    "killed_attackers": "",
    "source_title": "First wire",
    "source_date": "2026-03-10",
    "source_location": "https://example.org/first",
}


def report(title: str, published: str, **counts: str) -> dict[str, str]:
    """A reviewed row of another report about the Noshki attack."""
    return {
        **NOSHKI,
        "id": "",
        "place": "Nushki",
        "killed_security": "",
        **counts,
        "source_title": title,
        "source_date": published,
        "source_location": f"https://example.org/{title.replace(' ', '-')}",
        "source_excerpt": f"{title} says so.",
    }


# --- low / best / high ---------------------------------------------------------------


def day(n: int) -> dt.date:
    return dt.date(2026, 2, n)


@pytest.mark.parametrize(
    ("reports", "best", "low", "high"),
    [
        # one report: its figure, no range
        ([(10, day(1))], 10, None, None),
        # two outlets of the same day: the more conservative is best (ACLED)
        ([(10, day(1)), (12, day(1))], 10, 10, 12),
        # a later report replaces the earlier ones, higher...
        ([(10, day(1)), (12, day(1)), (15, day(2))], 15, 10, 15),
        # ...or lower
        ([(15, day(1)), (9, day(3))], 9, 9, 15),
        # an undated report counts as the oldest
        ([(20, None), (11, day(1))], 11, 11, 20),
        # a report that does not give the figure is not a zero
        ([(None, day(5)), (7, day(1))], 7, None, None),
        # nobody gives it: not reported
        ([(None, day(1)), (None, day(2))], None, None, None),
    ],
)
def test_best_is_the_most_conservative_of_the_latest_reports(reports, best, low, high):
    figures = reconcile(
        [Reported(Casualties(killed_security=n), when) for n, when in reports]
    )
    assert figures.best.killed_security == best
    assert figures.spread.low.killed_security == low
    assert figures.spread.high.killed_security == high
    assert figures.spread.sources == len(reports)
    assert figures.disagree == (() if low == high else ("killed_security",))


def test_each_side_is_reconciled_apart():
    figures = reconcile(
        [
            Reported(Casualties(killed_civilians=3, killed_attackers=4), day(1)),
            Reported(Casualties(killed_civilians=3, injured=20), day(2)),
        ]
    )
    assert figures.best == Casualties(
        killed_civilians=3, killed_attackers=4, injured=20
    )
    assert figures.disagree == ()
    line = spread_line(figures.best, figures.spread)
    assert line.startswith("2 reports; best of civilians killed 3")
    assert "disagree" not in line


# --- the store -----------------------------------------------------------------------


@pytest.fixture
def noshki(db_store: DatabaseStore) -> DatabaseStore:
    db_store.add([NOSHKI], [GOOD_EVENT], author=EDITOR)
    return db_store


def row_of(store: DatabaseStore, incident_id: str) -> pd.Series:
    frame = store.frame().set_index("id")
    return frame.loc[incident_id]


def test_a_report_of_an_incident_held_becomes_its_source(noshki):
    noshki.add_reviewed(
        [],
        attached={
            "wave-1-noshki": [
                report("Second wire", "2026-03-10", killed_security="12"),
                report("Third wire", "2026-03-11", killed_security="15"),
            ]
        },
        author=EDITOR,
        reason="three reports of one attack",
    )
    frame = noshki.frame()
    assert (frame["event_id"] == "wave-1").sum() == 1  # one incident, not three
    row = row_of(noshki, "wave-1-noshki")
    assert row["sources"] == 3
    assert (row["killed_security_low"], row["killed_security"]) == (10, 15)
    assert row["killed_security_high"] == 15
    sources = noshki.sources("wave-1-noshki")
    assert [(s.title, s.casualties.killed_security) for s in sources] == [
        ("First wire", 10),
        ("Second wire", 12),
        ("Third wire", 15),
    ]
    assert all(s.id for s in sources)
    figure = headline(frame, noshki.events()).deaths["killed_security"]
    assert figure.value == frame["killed_security"].sum() - 0  # counted once
    assert (figure.low, figure.high) == (figure.value - 5, figure.value)


def test_undoing_the_save_gives_the_incident_its_one_source_back(noshki):
    saved = noshki.add_reviewed(
        [],
        attached={
            "wave-1-noshki": [report("Second", "2026-03-11", killed_security="14")]
        },
        author=EDITOR,
    )
    assert row_of(noshki, "wave-1-noshki")["killed_security"] == 14
    noshki.undo(saved.save_id, author=EDITOR, reason="wrong attack")
    row = row_of(noshki, "wave-1-noshki")
    assert (row["sources"], row["killed_security"]) == (1, 10)
    assert pd.isna(row["killed_security_low"])
    (own,) = noshki.sources("wave-1-noshki")
    assert (own.id, own.title) == ("", "First wire")


def test_merge_and_split_are_saves_with_author_and_reason(noshki):
    other = {
        **NOSHKI,
        "id": "wave-1-nushki",
        "place": "Nushki",
        "killed_security": "13",
    }
    other.update(source_title="Other desk", source_date="2026-03-10")
    noshki.add([other], author=EDITOR)
    merged = noshki.merge(
        "wave-1-noshki", "wave-1-nushki", author=EDITOR, reason="one attack"
    )
    frame = noshki.frame()
    assert "wave-1-nushki" not in set(frame["id"])
    row = row_of(noshki, "wave-1-noshki")
    assert (row["sources"], row["killed_security"], row["killed_security_high"]) == (
        2,
        10,
        13,
    )
    history = noshki.history("wave-1-nushki")
    assert history[-1].retracted
    assert history[-1].reason == "one attack"
    assert noshki.history("wave-1-noshki")[-1].save_id == merged.save_id

    moved = next(s for s in noshki.sources("wave-1-noshki") if s.title == "Other desk")
    _, new_id = noshki.split(
        "wave-1-noshki", moved.id, author="analyst@example.org", reason="two attacks"
    )
    frame = noshki.frame().set_index("id")
    assert frame.loc[new_id, "killed_security"] == 13
    assert frame.loc[new_id, "source_title"] == "Other desk"
    assert frame.loc["wave-1-noshki", "sources"] == 1
    assert frame.loc["wave-1-noshki", "killed_security"] == 10
    assert noshki.history(new_id)[0].reason == "two attacks"

    noshki.undo(merged.save_id + 1, author=EDITOR)  # undo the split
    row = row_of(noshki, "wave-1-noshki")
    assert row["sources"] == 2
    assert new_id not in set(noshki.frame()["id"])


def test_undoing_a_merge_gives_both_incidents_back(noshki):
    other = {**NOSHKI, "id": "wave-1-nushki", "killed_security": "13"}
    noshki.add([other], author=EDITOR)
    merged = noshki.merge("wave-1-noshki", "wave-1-nushki", author=EDITOR, reason="")
    noshki.undo(merged.save_id, author=EDITOR, reason="two attacks after all")
    frame = noshki.frame().set_index("id")
    assert frame.loc["wave-1-nushki", "killed_security"] == 13
    assert frame.loc["wave-1-noshki", "killed_security"] == 10
    assert frame.loc["wave-1-noshki", "sources"] == 1
    assert [s.id for s in noshki.sources("wave-1-nushki")] == [""]
    assert [s.id for s in noshki.sources("wave-1-noshki")] == [""]


def test_merging_refuses_itself_and_a_merged_incident(noshki):
    with pytest.raises(StoreError, match="itself"):
        noshki.merge("wave-1-noshki", "wave-1-noshki", author=EDITOR, reason="")
    other = {**NOSHKI, "id": "wave-1-b"}
    noshki.add([other], author=EDITOR)
    noshki.merge("wave-1-noshki", "wave-1-b", author=EDITOR, reason="same")
    with pytest.raises(ConflictError, match="retracted or merged"):
        noshki.merge("wave-1-noshki", "wave-1-b", author=EDITOR, reason="again")
    noshki.add([{**NOSHKI, "id": "wave-1-c"}], author=EDITOR)
    with pytest.raises(StoreError, match="not a source"):
        noshki.split("wave-1-c", "src-x", author=EDITOR, reason="")


def test_a_bad_source_row_saves_nothing(noshki):
    before = noshki.recent_saves(1)[0].id
    with pytest.raises(DataFileError, match="killed_security"):
        noshki.add_reviewed(
            [],
            attached={
                "wave-1-noshki": [report("Bad", "2026-03-11", killed_security="-3")]
            },
            author=EDITOR,
        )
    assert noshki.recent_saves(1)[0].id == before
    assert noshki.sources("wave-1-noshki")[0].id == ""


def test_the_matcher_finds_the_incident_held_through_the_store(noshki, gazetteer):
    row = report("Second wire", "2026-03-11", killed_security="12")
    proposal = noshki.propose_match(row)
    assert proposal is not None
    assert proposal.incident_id == "wave-1-noshki"
    assert "same town (Nushki = Noshki)" in proposal.why
    facts = facts_of_row({**row, "date": "2026-04-20"}, gazetteer)
    assert facts is not None
    assert noshki.candidates(facts) == []
    far = facts_of_row({**row, "place": "Gwadar"}, gazetteer)
    assert far is not None
    assert all(c.id != "wave-1-noshki" for c in noshki.candidates(far))
    assert noshki.propose_match({**row, "figure_scope": "event"}) is None
