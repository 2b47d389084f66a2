"""The reader's regression gate: no report of the corpus may read worse than the
checked-in baseline (``tests/data/reports/baseline.json``).

A failure lists each report and metric that got worse, with that report's misses.
When a change makes reports read better, record it with
``python -m bench.report_quality --update-baseline`` and commit the baseline.
"""

from components.gazetteer import default_gazetteer
from tests.harness.report_scoring import (
    BASELINE,
    Score,
    load_baseline,
    load_cases,
    regressions,
    run_cases,
    summary,
)


def test_no_report_reads_worse_than_the_baseline(capsys):
    cases = load_cases()
    scores = run_cases(cases, default_gazetteer())
    baseline = load_baseline()
    assert set(baseline) == set(scores), (
        f"{BASELINE.name} does not list the corpus's reports: run "
        "python -m bench.report_quality --update-baseline"
    )
    total = Score()
    for score in scores.values():
        total.add(score)
    with capsys.disabled():
        print("\n" + "\n".join(summary(total, len(cases), "the corpus")))
    worse = regressions(scores, baseline)
    assert not worse, "reports read worse than the baseline:\n" + "\n".join(worse)


def test_missed_figures_are_told_apart_by_where_they_went():
    from collections import Counter

    from tests.harness.report_scoring import _classify

    want = {
        ("killed", "security"): 4,
        ("injured", "security"): 2,
        ("killed", "attackers"): 3,
        ("killed", "civilians"): 5,
    }
    got = {("killed", "security"): 4, ("injured", "civilians"): 2}
    totals = {("killed", "attackers"): 3}
    missed: Counter[str] = Counter()
    _classify(want, got, True, [got, totals], missed)
    assert missed == Counter({"side": 1, "moved": 1, "unread": 1})
    _classify(want, {}, False, [totals], missed)
    assert missed["no place"] == 4


def test_a_key_s_place_name_matches_without_the_word_for_its_kind():
    from tests.harness.report_scoring import _key

    assert _key("Khash-Zahedan road") == _key("Khash-Zahedan")
    assert _key("Kash-Tafatan axis") == _key("Kash-Tafatan")  # a road, in Iran's news
    assert _key("Sahel region") == _key("Sahel")
    assert _key("Sib and Soran") != _key("Sib")


def test_report_numbers_run_past_three_digits(tmp_path):
    from tests.harness.report_scoring import FRESH_FROM, in_split, report_number

    assert report_number("097-kech-attack") == 97
    assert report_number("1010-ghazni-attack.json") == 1010
    assert in_split(f"{FRESH_FROM + 100:04d}-a-later-report", "fresh")
    assert not in_split(f"{FRESH_FROM + 100:04d}-a-later-report", "dev")
    for name in ("1000-x", "101-x", "99-x"):
        (tmp_path / f"{name}.json").write_text('{"key": {}}')
    assert [p.stem for p, _ in load_cases(tmp_path)] == ["99-x", "101-x", "1000-x"]
