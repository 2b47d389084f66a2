"""The background model's second opinion: a sentence it reads as telling of an
earlier event is background though no cue says so; never the headline, never a
sentence a person marked as current news."""

from __future__ import annotations

import datetime as dt
import json

from components.report import extract
from components.report.background_model import using
from components.report.linear_model import LinearModel
from tests.harness.report_scoring import CORPUS

SEES_BACKGROUND_IN_RECALL = LinearModel({"word=recall": 20.0}, -10.0, 0.5)
"""A model that reads every sentence with 'recall' as background."""


def background(text: str, **given: object) -> list[str]:
    return [b.evidence.sentence for b in extract(text, **given).background]  # type: ignore[arg-type]


def test_an_earlier_toll_with_no_cue_the_rules_know_is_background():
    """Report 234: 'Earlier, a police official ... was martyred' in Lachi, an
    action before the news's attack, keyed as background."""
    case = json.loads(
        (
            CORPUS / "234-kohat-shehzadi-banda-lachi-shakardara-police-attacks.json"
        ).read_text()
    )
    published = dt.date.fromisoformat(case["published"])
    earlier = "Earlier, a police official, Ashfaq, was martyred"
    with using(None):
        assert not any(
            earlier in s for s in background(case["text"], published=published)
        )
    assert any(earlier in s for s in background(case["text"], published=published))


REPORT = (
    "Residents recall the Turbat checkpost attack\n\n"
    "QUETTA, 3 March 2026: Gunmen attacked a police checkpost in Turbat on Monday, "
    "killing four policemen, officials said.\n\n"
    "Residents recall that gunmen attacked a police post in Panjgur, killing two "
    "soldiers."
)


def test_the_model_reads_background_but_never_in_the_headline():
    with using(SEES_BACKGROUND_IN_RECALL):
        found = extract(REPORT)
    assert [b.learned for b in found.background] == [True]
    assert [b.evidence.sentence for b in found.background] == [
        "Residents recall that gunmen attacked a police post in Panjgur, killing two "
        "soldiers."
    ]
    assert [i.place.name for i in found.incidents if not i.event_wide] == ["Turbat"]
    with using(None):
        assert "Panjgur" in [i.place.name for i in extract(REPORT).incidents]


def test_a_sentence_marked_as_current_news_is_news():
    start = REPORT.index("Residents recall that")
    with using(SEES_BACKGROUND_IN_RECALL):
        found = extract(REPORT, current=[start])
    assert not found.background
    assert "Panjgur" in [i.place.name for i in found.incidents]


def test_what_the_rules_read_as_background_is_not_the_model_s():
    text = (
        "QUETTA, 3 March 2026: Gunmen attacked a police checkpost in Turbat on "
        "Monday, killing four policemen. Last year, 14 soldiers were killed in a "
        "similar attack in Kech."
    )
    with using(SEES_BACKGROUND_IN_RECALL):
        (earlier,) = extract(text).background
    assert "14 soldiers" in earlier.evidence.sentence
    assert not earlier.learned
    assert earlier.as_json()["learned"] is False
