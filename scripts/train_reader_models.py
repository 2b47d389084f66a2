"""Train the reader's learned second opinions on the corpus: the scene model
(``components/report/scene_model.json``), the background model
(``components/report/background_model.json``) and the place-name model
(``components/report/name_model.json``).

Usage::

    python -m scripts.train_reader_models          # train all, write the weights
    python -m scripts.train_reader_models --cv     # measure each first, by set

The scene model learns from every place the gazetteer finds in a corpus report:
its features (:mod:`components.report.scene_features`) and whether the
report's answer key lists it as an attack place. The background model learns
from every sentence: its features
(:mod:`components.report.background_features`) and whether the key lists it as
an earlier event. The place-name model learns from every capitalised name no
gazetteer mention holds: its features (:mod:`components.report.name_features`)
and whether the key lists it as a place (``python -m bench.place_names`` counts
what it lists on left-out sets). The fresh reports (from ``FRESH_FROM``) are
left out, so they stay an estimate on pages nothing was fitted to. A feature is
kept when at least two reports have it. Each model is scikit-learn's logistic
regression (L2, ``C`` of its kind); training again on the same corpus gives the
same weights.

``--cv`` trains each model once per set of twelve reports with that set left
out, and prints (1) how well it ranks the left-out set's examples (ROC AUC) and
(2) the reader's scores on the left-out sets with that model and without it,
then the fresh set's summary lines read with the model trained on the rest. Run
it after a rule changes what the reader finds, then train again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from components.gazetteer import Gazetteer, default_gazetteer
from components.report.background_features import sentence_features
from components.report.background_model import BACKGROUND_MODEL
from components.report.incidents import FirstSteps, first_steps
from components.report.linear_model import LinearModel, ShippedModel
from components.report.name_features import candidates, name_features
from components.report.name_model import NAME_MODEL
from components.report.places import find_places
from components.report.scene_features import group_by_place, place_features
from components.report.scene_model import SCENE_MODEL
from tests.harness.report_scoring import (
    FRESH_FROM,
    Score,
    _ids,
    _key,
    load_cases,
    report_number,
    run_cases,
    summary,
)

logger = logging.getLogger(__name__)

MIN_REPORTS = 2
SET_SIZE = 12


@dataclass
class Example:
    report: str
    features: set[str]
    label: bool


def _read(case: dict) -> FirstSteps:
    """The report as the reader holds it when the models are asked."""
    published = case.get("published")
    day = dt.date.fromisoformat(published) if published else None
    return first_steps(case["text"], published=day)


def scene_examples(name: str, case: dict, gazetteer: Gazetteer) -> list[Example]:
    """One example per place the gazetteer finds: is it an attack place?"""
    wanted = [_ids(gazetteer, item["place"]) for item in case["key"]["incidents"]]
    steps = _read(case)
    flat = steps.flat
    mentions, _ = find_places(flat, steps.found, gazetteer)
    groups = group_by_place(mentions)
    found = []
    for key, group in groups.items():
        first = group[0]
        ids: set[object] = {_key(m.text) for m in group}
        if first.unplaced is not None:
            ids.add(_key(first.unplaced.name))
        else:
            ids |= {first.place.geonameid, _key(first.place.name)}
        scene = any(ids & want for want in wanted)
        found.append(Example(name, place_features(flat, groups, key), scene))
    return found


def background_examples(name: str, case: dict, _: Gazetteer) -> list[Example]:
    """One example per sentence: does the key list it as an earlier event?"""
    earlier = [item["contains"] for item in case["key"].get("background", [])]
    steps = _read(case)
    year = steps.today.year if steps.today else None
    return [
        Example(
            name,
            sentence_features(s.text, year, s.paragraph),
            any(part in case["text"][s.start : s.end] for part in earlier),
        )
        for s in steps.found
    ]


def name_examples(name: str, case: dict, gazetteer: Gazetteer) -> list[Example]:
    """One example per capitalised name no gazetteer mention holds: does the
    key list it as a place (an attack place or one named for another reason)?"""
    key = case["key"]
    places = {_key(item["place"]) for item in key["incidents"]}
    places |= {_key(other) for other in key.get("not_incident_places", [])}
    steps = _read(case)
    mentions, _ = find_places(steps.flat, steps.found, gazetteer)
    held = [(m.start, m.end) for m in mentions if m.unplaced is None]
    return [
        Example(
            name,
            name_features(steps.flat, sentence, start, end, text),
            _key(text) in places,
        )
        for sentence in steps.found
        for start, end, text in candidates(sentence)
        if not any(a < end and start < b for a, b in held)
    ]


@dataclass(frozen=True)
class Kind:
    """One learned second opinion: where its weights live, how its examples are
    drawn from a report, the penalty's inverse strength ``C`` and the threshold
    the reader acts at, each chosen by the measurements in
    docs/report-reader.md."""

    name: str
    model: ShippedModel
    examples_of: Callable[[str, dict, Gazetteer], list[Example]]
    C: float
    threshold: float


SCENES = Kind("scene", SCENE_MODEL, scene_examples, C=0.1, threshold=0.1)
BACKGROUND = Kind(
    "background", BACKGROUND_MODEL, background_examples, C=0.3, threshold=0.7
)
NAMES = Kind("place-name", NAME_MODEL, name_examples, C=0.3, threshold=0.5)
KINDS = (SCENES, BACKGROUND, NAMES)


def examples(
    kind: Kind, cases: Iterable[tuple[Path, dict]], gazetteer: Gazetteer
) -> list[Example]:
    return [e for p, c in cases for e in kind.examples_of(p.stem, c, gazetteer)]


def train(kind: Kind, training: list[Example]) -> LinearModel:
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
    fitted = LogisticRegression(C=kind.C, max_iter=5000).fit(
        matrix, [e.label for e in training]
    )
    names = vectorizer.get_feature_names_out()
    weights = {str(n): float(w) for n, w in zip(names, fitted.coef_[0], strict=True)}
    return LinearModel(weights, float(fitted.intercept_[0]), kind.threshold)


def _set_of(report: str) -> int:
    return report_number(report) // SET_SIZE


Cases = list[tuple[Path, dict]]


def left_out_readings(
    kind: Kind, cases: Cases, gazetteer: Gazetteer
) -> Iterator[tuple[str, Cases]]:
    """For each set of the tuned reports, then for the fresh ones: a title and
    the reports, read inside the loop with ``kind``'s model trained on the other
    tuned reports (on all of them for the fresh ones)."""
    tuned = [(p, c) for p, c in cases if report_number(p.stem) < FRESH_FROM]
    every = examples(kind, tuned, gazetteer)
    for held in sorted({_set_of(p.stem) for p, _ in tuned}):
        model = train(kind, [e for e in every if _set_of(e.report) != held])
        with kind.model.using(model):
            yield "tuned", [(p, c) for p, c in tuned if _set_of(p.stem) == held]
    with kind.model.using(train(kind, every)):
        yield "fresh", [(p, c) for p, c in cases if report_number(p.stem) >= FRESH_FROM]


def cross_validate(
    kind: Kind, cases: list[tuple[Path, dict]], gazetteer: Gazetteer
) -> None:
    from sklearn.metrics import roc_auc_score

    tuned = [(p, c) for p, c in cases if report_number(p.stem) < FRESH_FROM]
    fresh = [(p, c) for p, c in cases if report_number(p.stem) >= FRESH_FROM]
    every = examples(kind, tuned, gazetteer)
    truth, likely = [], []
    with_model, without = Score(), Score()
    for held in sorted({_set_of(p.stem) for p, _ in tuned}):
        model = train(kind, [e for e in every if _set_of(e.report) != held])
        out = [e for e in every if _set_of(e.report) == held]
        truth += [e.label for e in out]
        likely += [model.likelihood(e.features) for e in out]
        left_out = [(p, c) for p, c in tuned if _set_of(p.stem) == held]
        for chosen, total in ((model, with_model), (None, without)):
            with kind.model.using(chosen):
                for score in run_cases(left_out, gazetteer).values():
                    total.add(score)
    print(f"\n### the {kind.name} model")
    print(f"examples: {len(every)} in {len(tuned)} reports, {sum(truth)} positive")
    print(f"ranking of left-out examples (ROC AUC): {roc_auc_score(truth, likely):.3f}")
    for title, score in (("without it", without), ("with it", with_model)):
        print(
            f"\n== reports to {FRESH_FROM - 1}, each set read by a model trained "
            f"without it: {title}"
        )
        print("\n".join(summary(score, len(tuned), "its sets")[1:]))
    model = train(kind, every)
    for title, chosen in (("without it", None), ("with it", model)):
        total = Score()
        with kind.model.using(chosen):
            for score in run_cases(fresh, gazetteer).values():
                total.add(score)
        print(f"\n== fresh reports from {FRESH_FROM}: {title}")
        print("\n".join(summary(total, len(fresh), "fresh")[1:]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="measure by set first")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    gazetteer = default_gazetteer()
    cases = load_cases()
    training = [(p, c) for p, c in cases if report_number(p.stem) < FRESH_FROM]
    for kind in KINDS:
        if args.cv:
            cross_validate(kind, cases, gazetteer)
        model = train(kind, examples(kind, training, gazetteer))
        about = {
            "about": f"The {kind.name} model's weights: python -m "
            "scripts.train_reader_models writes them from the corpus's answer "
            "keys; see components/report/linear_model.py.",
            "trained_on": "tests/data/reports/corpus, reports "
            f"001-{FRESH_FROM - 1:03d}",
        }
        kind.model.path.write_text(model.as_json(about), encoding="utf-8")
        print(f"wrote {kind.model.path} ({len(model.weights)} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
