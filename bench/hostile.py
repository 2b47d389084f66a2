"""Hostile input through every entry point: how many inputs each takes and passes.

Usage: python -m bench.hostile

Runs every check of :mod:`tests.harness.hostile_checks` (every hostile text through
each text entry point, every hostile file through each file reader, the page's
import panel among them; the store's cases on each database, forged sign-in claims
among them; every hostile text as the launch link's token, sent to a running
server through a TCP forwarder) and prints a table: entry point, inputs tried,
passed; then every failure. Exit status 1 if any input failed.
"""

from __future__ import annotations

import sys

from tests.harness.hostile_checks import run_all


def main() -> int:
    # AppTest runs the page in this process; Streamlit's warning that there is no
    # browser session is expected here.
    from streamlit.logger import set_log_level

    set_log_level("error")
    tallies, failures = run_all()
    width = max(len(entry) for entry in tallies)
    print(f"{'entry point':<{width}}  {'tried':>6}  {'passed':>6}")
    for entry, tally in tallies.items():
        print(f"{entry:<{width}}  {tally.tried:>6}  {tally.passed:>6}")
    tried = sum(t.tried for t in tallies.values())
    passed = sum(t.passed for t in tallies.values())
    print(f"{tried} inputs tried, {passed} passed")
    for failure in failures:
        print(f"FAILED {failure}")
    return 0 if tried == passed else 1


if __name__ == "__main__":
    sys.exit(main())
