"""Train the scene model (``components/report/scene_model.json``) on the corpus.

Usage::

    python -m scripts.train_scene_model          # train and write the weights
    python -m scripts.train_scene_model --cv     # measure it first, by set

Every place the gazetteer finds in a corpus report is one example: its features
(:mod:`components.report.scene_features`) and whether the report's answer key
lists it as an attack place. The fresh reports (from ``FRESH_FROM``) are left
out, so they stay an estimate on pages nothing was fitted to. A feature is kept
when at least two reports have it. The model is scikit-learn's logistic
regression (L2, ``C`` below); training again on the same corpus gives the same
weights.

``--cv`` trains once per set of twelve reports with that set left out, and
prints (1) how well the model ranks the left-out set's places (ROC AUC) and
(2) the reader's scores on the left-out sets with that model and with the rules
alone, then the fresh set's summary lines read with the model trained on the
rest. Run it after a rule changes the places the reader finds, then train again.
"""

from __future__ import annotations

import argparse
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from components.gazetteer import Gazetteer, default_gazetteer
from components.report.asides import without_asides
from components.report.places import find_places
from components.report.scene_features import group_by_place, place_features
from components.report.scene_model import MODEL_FILE, SceneModel, using
from components.report.segments import plain, sentences
from tests.harness.report_scoring import (
    FRESH_FROM,
    Score,
    _ids,
    _key,
    load_cases,
    run_cases,
    summary,
)

logger = logging.getLogger(__name__)

C = 0.1
"""The inverse strength of the L2 penalty: by-set cross-validation gave the best
ranking at 0.1 of 0.1, 0.3, 1 and 3."""
THRESHOLD = 0.1
"""Under this likelihood a place the rules call a scene is context. On the
first readings of 144 earlier fresh reports, 0.1 took away 46 wrong places
and 4 right ones (see docs/report-reader.md)."""
MIN_REPORTS = 2
SET_SIZE = 12


@dataclass
class Example:
    report: str
    features: set[str]
    scene: bool


def examples(cases: Iterable[tuple[Path, dict]], gazetteer: Gazetteer) -> list[Example]:
    """One example per place the gazetteer finds in each report."""
    found = []
    for path, case in cases:
        wanted = [_ids(gazetteer, item["place"]) for item in case["key"]["incidents"]]
        text = plain(case["text"])
        flat, read, _ = without_asides(text, list(sentences(text)), set())
        mentions, _ = find_places(flat, read, gazetteer)
        groups = group_by_place(mentions)
        for key, group in groups.items():
            first = group[0]
            ids: set[object] = {_key(m.text) for m in group}
            if first.unplaced is not None:
                ids.add(_key(first.unplaced.name))
            else:
                ids |= {first.place.geonameid, _key(first.place.name)}
            scene = any(ids & want for want in wanted)
            found.append(Example(path.stem, place_features(flat, groups, key), scene))
    return found


def train(training: list[Example], threshold: float = THRESHOLD) -> SceneModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    by_report: dict[str, set[str]] = {}
    for example in training:
        by_report.setdefault(example.report, set()).update(example.features)
    reports = Counter(f for features in by_report.values() for f in features)
    kept = {f for f, n in reports.items() if n >= MIN_REPORTS}
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(
        [{f: 1 for f in e.features if f in kept} for e in training]
    )
    fitted = LogisticRegression(C=C, max_iter=5000).fit(
        matrix, [e.scene for e in training]
    )
    names = vectorizer.get_feature_names_out()
    weights = {str(n): float(w) for n, w in zip(names, fitted.coef_[0], strict=True)}
    return SceneModel(weights, float(fitted.intercept_[0]), threshold)


def _set_of(report: str) -> int:
    return int(report[:3]) // SET_SIZE


def cross_validate(cases: list[tuple[Path, dict]], gazetteer: Gazetteer) -> None:
    from sklearn.metrics import roc_auc_score

    tuned = [(p, c) for p, c in cases if int(p.stem[:3]) < FRESH_FROM]
    fresh = [(p, c) for p, c in cases if int(p.stem[:3]) >= FRESH_FROM]
    every = examples(tuned, gazetteer)
    truth, likely = [], []
    with_model, rules_alone = Score(), Score()
    for held in sorted({_set_of(p.stem) for p, _ in tuned}):
        model = train([e for e in every if _set_of(e.report) != held])
        out = [e for e in every if _set_of(e.report) == held]
        truth += [e.scene for e in out]
        likely += [model.likelihood(e.features) for e in out]
        left_out = [(p, c) for p, c in tuned if _set_of(p.stem) == held]
        with using(model):
            for score in run_cases(left_out, gazetteer).values():
                with_model.add(score)
        with using(None):
            for score in run_cases(left_out, gazetteer).values():
                rules_alone.add(score)
    print(f"places: {len(every)} in {len(tuned)} reports, {sum(truth)} scenes")
    print(f"ranking of left-out places (ROC AUC): {roc_auc_score(truth, likely):.3f}")
    for title, score in (("rules alone", rules_alone), ("with the model", with_model)):
        print(
            f"\n== reports to {FRESH_FROM - 1}, each set read by a model trained "
            f"without it: {title}"
        )
        print("\n".join(summary(score, len(tuned), "its sets")[1:6]))
    model = train(every)
    for title, chosen in (("rules alone", None), ("with the model", model)):
        total = Score()
        with using(chosen):
            for score in run_cases(fresh, gazetteer).values():
                total.add(score)
        print(f"\n== fresh reports from {FRESH_FROM}: {title}")
        print("\n".join(summary(total, len(fresh), "fresh")[1:6]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="measure by set first")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    gazetteer = default_gazetteer()
    cases = load_cases()
    if args.cv:
        cross_validate(cases, gazetteer)
    training = [(p, c) for p, c in cases if int(p.stem[:3]) < FRESH_FROM]
    model = train(examples(training, gazetteer))
    about = {
        "about": "The scene model's weights: python -m scripts.train_scene_model "
        "writes them from the corpus's answer keys; see "
        "components/report/scene_model.py.",
        "trained_on": f"tests/data/reports/corpus, reports 001-{FRESH_FROM - 1:03d}",
    }
    args.out.write_text(model.as_json(about), encoding="utf-8")
    print(f"wrote {args.out} ({len(model.weights)} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
