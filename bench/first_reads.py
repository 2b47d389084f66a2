"""What the learned second opinions would have done to the reader's first
readings of the fresh sets: ``python -m bench.first_reads``.

Each fresh set of twelve reports was first read by the reader of its day, before
any rule was written against it. For each set's merge commit (``SETS``), this
checks the commit out in a temporary worktree and scores that reader on the set
(``bench.report_quality --corpus`` on the set's files); then it adds today's
scene model, then today's background model too, each trained on every corpus
report below ``FRESH_FROM`` but the set's, and scores it again each time. It
prints the three readings of each set and their sums. It needs the
repository's history (a clone, not an archive) and takes a minute or two.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from components.gazetteer import default_gazetteer
from components.report import (
    background_features,
    background_model,
    linear_model,
    scene_features,
    scene_model,
)
from components.report.linear_model import LinearModel
from scripts.train_reader_models import BACKGROUND, SCENES, Kind, examples, train
from tests.harness.report_scoring import FRESH_FROM, load_cases, report_number

ROOT = Path(__file__).resolve().parents[1]
CORPUS = "tests/data/reports/corpus"
SETS = (
    "0ecad10",  # 230-241
    "00073e5",  # 242-253
    "1c3a23e",  # 254-265
    "3239b58",  # 266-277
    "a793b00",  # 278-289
    "237f867",  # 290-301
    "ca383fa",  # 302-313
    "045515d",  # 314-325
    "59523ee",  # 326-337
    "62642d2",  # 338-349
)
"""The merge commits that added each fresh set, oldest first: from 230-241
on, the readers call the storyline's background test where the background
model's opinion is added today (194-229's readers read background otherwise)."""
_CALL_AT = re.compile(r"\n    incidents = list\(reading\.by_place\.values\(\)\)\n")
"""Where ``extract_incidents`` has folded the places, before the totals are
settled: the scene model is called right after it, as today's reader does."""
_LOOP = "\n    for sentence in found:\n"
_BACKGROUND_TEST = "story.is_background(sentence, named, lede)"
"""The reading loop, and the storyline's test that the background model's
opinion is added to, as today's reader does."""
_SCORES = {
    "places_found": re.compile(r"place recall\s+\S+ \((\d+)/(\d+)\)"),
    "places_right": re.compile(r"place precision\s+\S+ \((\d+)/(\d+)\)"),
    "figures": re.compile(r"figure recall\s+\S+ \((\d+)/(\d+)\)"),
}
_COUNTS = {
    "wrong_side": re.compile(r"figures on the wrong side\s+(\d+)"),
    "background_counted": re.compile(r"background figures counted\s+(\d+)"),
    "background_missed": re.compile(r"background sentences missed\s+(\d+)"),
    "dropped": re.compile(r"places dropped.*?(\d+)\s*$", re.M),
    "dates_right": re.compile(r"report date\s+\S+ \((\d+)/"),
}


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


def _score(worktree: Path, corpus: Path) -> Counter[str]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.report_quality", "--corpus", str(corpus)],
        cwd=worktree,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found: Counter[str] = Counter()
    for name, pattern in _SCORES.items():
        match = pattern.search(out)
        if match is None:
            raise SystemExit(f"no {name} line in the output of {worktree}:\n{out}")
        found[name] += int(match[1])
        found[name + "_of"] += int(match[2])
    for name, pattern in _COUNTS.items():
        match = pattern.search(out)
        found[name] += int(match[1]) if match else 0
    return found


def _line(title: str, score: Counter[str]) -> str:
    shares = (
        f"{score[name] / score[name + '_of']:.1%} ({score[name]}/{score[name + '_of']})"
        for name in _SCORES
    )
    counts = ", ".join(f"{name} {score[name]}" for name in _COUNTS)
    return f"{title:<34} " + " / ".join(shares) + f"; {counts}"


KINDS = (SCENES, BACKGROUND)
"""The models added to the old readers in turn (the place-name model lists names
for the analyst and changes no score but the places dropped)."""


def _patch(worktree: Path, kind: Kind, model: LinearModel) -> None:
    """Give an old reader today's model of ``kind``, called where today's
    reader calls it."""
    package = worktree / "components" / "report"
    modules = {
        "scene": (scene_features, scene_model),
        "background": (background_features, background_model),
    }[kind.name]
    for module in (linear_model, *modules):
        shutil.copy(Path(module.__file__ or ""), package)
    (package / kind.model.path.name).write_text(model.as_json({}))
    incidents = package / "incidents.py"
    code = incidents.read_text(encoding="utf-8")
    if kind.name == "scene":
        at = _CALL_AT.search(code)
        if at is None:
            raise SystemExit(f"{incidents}: no line of folded places")
        call = (
            "    from components.report.scene_model import second_opinion\n"
            "    read, mentions = second_opinion(flat, mentions, incidents)\n"
            "    kept = {id(i) for i in read}\n"
            "    reading.by_place = {\n"
            "        k: i for k, i in reading.by_place.items() if id(i) in kept\n"
            "    }\n"
            "    incidents = read\n"
        )
        code = code[: at.end()] + call + code[at.end() :]
    else:
        if _LOOP not in code or _BACKGROUND_TEST not in code:
            raise SystemExit(f"{incidents}: no reading loop with a background test")
        call = (
            "\n    from components.report.background_model import earlier_events\n"
            "    told_before = earlier_events(found, today)"
        )
        code = code.replace(_LOOP, call + _LOOP, 1).replace(
            _BACKGROUND_TEST, f"({_BACKGROUND_TEST} or sentence.start in told_before)"
        )
    incidents.write_text(code)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    gazetteer = default_gazetteer()
    cases = [(p, c) for p, c in load_cases() if report_number(p.stem) < FRESH_FROM]
    every = {kind.name: examples(kind, cases, gazetteer) for kind in KINDS}
    readings = ("rules", "+ scene model", "+ background model")
    totals = {title: Counter[str]() for title in readings}
    print("places found / of those named, right / figures found; counts")
    with tempfile.TemporaryDirectory() as scratch:
        for commit in SETS:
            added = _git("diff", "--name-only", f"{commit}^1", commit, "--", CORPUS)
            files = [f for f in added.split() if f.endswith(".json")]
            corpus = Path(scratch, commit, "corpus")
            corpus.mkdir(parents=True)
            for name in files:
                (corpus / Path(name).name).write_text(_git("show", f"{commit}:{name}"))
            held = {Path(name).stem for name in files}
            worktree = Path(scratch, commit, "reader")
            _git("worktree", "add", "--detach", str(worktree), commit)
            try:
                scores = [_score(worktree, corpus)]
                for kind in KINDS:
                    rest = [e for e in every[kind.name] if e.report not in held]
                    _patch(worktree, kind, train(kind, rest))
                    scores.append(_score(worktree, corpus))
            finally:
                _git("worktree", "remove", "--force", str(worktree))
            numbers = sorted(report_number(name) for name in held)
            span = f"{numbers[0]:03d}-{numbers[-1]:03d}"
            for title, score in zip(readings, scores, strict=True):
                print(_line(f"{span} {title}", score))
                totals[title] += score
    print()
    for title, score in totals.items():
        print(_line(f"all {len(SETS)} sets, {title}", score))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
