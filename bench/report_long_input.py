"""Time and peak memory of reading hostile long input: ``python -m
bench.report_long_input``.

Each input is written to a temporary file and read by ``python -m
components.report`` in a process of its own, as a person would run it: the long
run-on sentence of the issue at 40 kB, 80 kB and 990 kB, a 5 MB report, a report
of only numbers, and texts in Arabic, Urdu and Chinese script. Prints, per input,
the wall and CPU seconds of the whole command (start-up and gazetteer included),
its peak resident memory, its exit status and the message it gave (the
extraction's notice, or the error line).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUN_ON = (
    "In Quetta gunmen killed 3 policemen and 4 civilians and injured 12 in Mastung "
    "and Turbat and Gwadar and Noshki "
)
PARAGRAPH = (
    "QUETTA: Gunmen attacked a police checkpost in Turbat on Monday, killing four "
    "policemen and injuring two, officials said.\n"
)


def inputs() -> dict[str, str]:
    return {
        "run-on 40 kB": (RUN_ON * 1000)[:40_000],
        "run-on 80 kB": (RUN_ON * 1000)[:80_000],
        "run-on 990 kB": (RUN_ON * 10_000)[:990_000],
        "5 MB report": PARAGRAPH * (5_000_000 // len(PARAGRAPH)),
        "only numbers 1 MB": " ".join(str(n) for n in range(150_000))[:990_000],
        "Arabic script": "قتل مسلحون أربعة من رجال الشرطة في تربت يوم الاثنين. " * 2000,
        "Urdu script": "کوئٹہ میں دھماکے سے پانچ افراد جاں بحق ہو گئے۔ " * 2000,  # noqa: RUF001
        "Chinese script": "武装分子周一在图尔伯特袭击了一个警察检查站，打死四名警察。"  # noqa: RUF001
        * 2000,
    }


def run(path: Path) -> tuple[float, float, int, int, str]:
    """(wall s, CPU s, peak RSS KB, exit status, message) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "components.report", str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode == 0:
        found = json.loads(done.stdout)
        message = found.get("notice") or f"{len(found['incidents'])} incidents"
    else:
        message = done.stderr.strip().splitlines()[-1] if done.stderr else ""
    return wall, cpu, after.ru_maxrss, done.returncode, message


def main() -> int:
    print(f"{'input':18} {'size':>10} {'wall s':>7} {'cpu s':>6} {'peak MB':>8} exit")
    with tempfile.TemporaryDirectory() as folder:
        for name, text in inputs().items():
            path = Path(folder) / "report.txt"
            path.write_text(text, encoding="utf-8")
            size = path.stat().st_size
            wall, cpu, peak, status, message = run(path)
            print(
                f"{name:18} {size:>10,} {wall:>7.2f} {cpu:>6.2f} {peak / 1024:>8.0f}"
                f" {status:>4}  {message[:110]}"
            )
    print(
        "peak MB is the largest child process so far (getrusage); "
        "wall includes start-up and loading the gazetteer"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
