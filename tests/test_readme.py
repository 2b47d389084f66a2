"""Every shell command in the README runs as written.

The README's shell code blocks are read command by command. Each command is either
run here, as written, in a scratch copy of the project folder (its outputs land
there, never in the source tree), with what it must print or write; or skipped by
name with the reason (it installs from the network, serves until stopped, or is the
test suite itself). A command in neither list fails the suite, so a new command is
never silently untested.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from components.formats.ours import DATA_DIR_VARIABLE
from components.store import DATABASE_URL_VARIABLE
from components.store.columnar import CACHE_DIR_VARIABLE
from tests.conftest import ROOT

README = ROOT / "README.md"
SHELL_BLOCK = re.compile(r"^```(?:bash|sh|shell)\s*$")
HERE_DOCUMENT = re.compile(r"<<-?\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\1")
COMMAND_TIMEOUT = 180


@dataclass(frozen=True)
class Command:
    """One command of a README shell block: its text as written (with any
    here-document), and its key: the first line's words, comments left out."""

    text: str
    key: str
    line: int


def shell_commands(markdown: str) -> list[Command]:
    """The commands of every ```bash (sh, shell) block, in order. A trailing
    backslash continues a line; a here-document belongs to its command."""
    lines = markdown.splitlines()
    commands: list[Command] = []
    inside = False
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        if not inside:
            inside = bool(SHELL_BLOCK.match(line))
            continue
        if line.startswith("```"):
            inside = False
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        start = number
        text = [line]
        while text[-1].endswith("\\") and number < len(lines):
            text.append(lines[number])
            number += 1
        here = HERE_DOCUMENT.search(line)
        if here:
            while number < len(lines):
                text.append(lines[number])
                number += 1
                if text[-1].strip() == here.group(2):
                    break
        head = line if here else " ".join(part.removesuffix("\\") for part in text)
        key = " ".join(_without_comment(head).split())
        commands.append(Command("\n".join(text), key, start))
    return commands


def _without_comment(line: str) -> str:
    """``line`` up to a ``#`` that starts a shell comment (outside quotes)."""
    quote = ""
    for at, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (at == 0 or line[at - 1].isspace()):
            return line[:at]
    return line


@dataclass(frozen=True)
class Expect:
    """What a command must do besides exit with status 0: print ``output``
    (stdout or stderr), write ``file`` holding ``file_text``, or pass ``check``
    (given the scratch folder)."""

    output: str = ""
    file: str = ""
    file_text: str = ""
    check: Callable[[Path], None] | None = None


def _secrets_are_streamlit_auth(folder: Path) -> None:
    secrets = tomllib.loads((folder / ".streamlit" / "secrets.toml").read_text())
    assert set(secrets["auth"]) >= {
        "redirect_uri",
        "cookie_secret",
        "client_id",
        "client_secret",
        "server_metadata_url",
    }
    assert secrets["auth"]["redirect_uri"].endswith("/oauth2callback")


RUN: dict[str, Expect] = {
    ".venv/bin/python -m components.gazetteer Quetta Noshki Gawadar": Expect(
        output='"query": "Gawadar", "name": "Gwadar"'
    ),
    ".venv/bin/python -m components.gazetteer --fuzzy Mastng": Expect(
        output='"match": "fuzzy"'
    ),
    ".venv/bin/python -m components.store check data/": Expect(
        output="16 incident(s), 0 problem(s)"
    ),
    "printf 'Gunmen attacked a police station in Turbat on 3 March 2026, killing 4 "
    "policemen.\\n' > report.txt": Expect(
        file="report.txt", file_text="4 policemen.\n"
    ),
    ".venv/bin/python -m components.report report.txt": Expect(
        output='"name": "Turbat"'
    ),
    ".venv/bin/python -m components.convert tests/data/formats/acled.csv --from acled "
    "--to geojson -o acled.geojson": Expect(
        output="rejected", file="acled.geojson", file_text='"FeatureCollection"'
    ),
    ".venv/bin/python -m components.store export --to pdf -o brief.pdf": Expect(
        output="wrote 16 incidents", file="brief.pdf", file_text="%PDF"
    ),
    ".venv/bin/python -m components.store export --to csv --place Quetta "
    "-o quetta.csv": Expect(
        output="wrote 2 incidents", file="quetta.csv", file_text=",Quetta,"
    ),
    ".venv/bin/python -m components.store places export places.csv": Expect(
        output="team place(s) to places.csv", file="places.csv", file_text="name,"
    ),
    ".venv/bin/python -m components.store saves --limit 5": Expect(
        output="by seed files"
    ),
    "mkdir -p .streamlit && cat > .streamlit/secrets.toml <<'EOF'": Expect(
        check=_secrets_are_streamlit_auth
    ),
    ".venv/bin/python -m components.store users add you@example.org "
    "--role admin": Expect(output="you@example.org is now admin"),
}
"""The commands run here: each exits 0 and does what its Expect says."""

SKIPPED: dict[str, str] = {
    "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && "
    ".venv/bin/python -m components.map.assets && "
    ".venv/bin/python -m components.serve": (
        "installs from the network and serves until stopped; "
        "tests/browser/test_plain_install.py builds that install and runs the app"
    ),
    "bash scripts/test.sh": "the test suite itself (.ci/run runs it)",
    ".venv/bin/pip install oidc-provider-mock==0.3.4": (
        "installs from the network; requirements-dev.txt has the same pin"
    ),
    ".venv/bin/oidc-provider-mock --port 9400 &": (
        "serves until stopped; tests/browser/test_sign_in.py starts it on a free port"
    ),
    ".venv/bin/python -m components.serve": (
        "serves until stopped; tests/browser/test_launch.py runs the launcher"
    ),
}
"""The commands not run here, by name, with the reason."""

COMMANDS = shell_commands(README.read_text(encoding="utf-8"))


def test_the_readme_has_commands_and_a_heredoc_is_one_command():
    keys = [command.key for command in COMMANDS]
    assert "bash scripts/test.sh" in keys
    secrets = next(c for c in COMMANDS if ".streamlit/secrets.toml" in c.key)
    assert secrets.text.splitlines()[-1] == "EOF"
    assert not any(key.startswith(("[auth]", "redirect_uri")) for key in keys)


def test_every_readme_command_is_run_or_skipped_by_name():
    keys = [command.key for command in COMMANDS]
    unlisted = [key for key in keys if key not in RUN and key not in SKIPPED]
    assert unlisted == [], "add each to RUN (with what it must do) or SKIPPED"
    stale = sorted((set(RUN) | set(SKIPPED)) - set(keys))
    assert stale == [], "no longer in the README: remove them here"
    assert not set(RUN) & set(SKIPPED)


def _venv_link(folder: Path) -> None:
    """``.venv`` in the scratch folder: the virtualenv running these tests."""
    if sys.prefix != sys.base_prefix:
        (folder / ".venv").symlink_to(sys.prefix, target_is_directory=True)
        return
    bin_dir = folder / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").symlink_to(sys.executable)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A project folder of its own: the data and the test fixtures the commands
    name, the virtualenv, and a database and cache of its own."""
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(
        ROOT / "data", folder / "data", ignore=shutil.ignore_patterns("user")
    )
    formats = Path("tests", "data", "formats")
    shutil.copytree(ROOT / formats, folder / formats)
    _venv_link(folder)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        DATA_DIR_VARIABLE: str(folder / "data"),
        DATABASE_URL_VARIABLE: f"sqlite:///{folder / 'incidents.sqlite'}",
        CACHE_DIR_VARIABLE: str(folder / "cache"),
    }
    return folder, env


@pytest.fixture(scope="module")
def ran(scratch) -> dict[str, subprocess.CompletedProcess]:
    """Every command of RUN, in the README's order, in the scratch folder."""
    folder, env = scratch
    results = {}
    for command in COMMANDS:
        if command.key in RUN:
            results[command.key] = subprocess.run(
                ["bash", "-c", command.text],
                cwd=folder,
                env=env,
                capture_output=True,
                text=True,
                timeout=COMMAND_TIMEOUT,
                check=False,
            )
    return results


@pytest.mark.slow
@pytest.mark.parametrize(
    "command", COMMANDS, ids=[f"line{c.line}:{c.key[:60]}" for c in COMMANDS]
)
def test_readme_command_runs_as_written(command: Command, scratch, ran):
    if command.key in SKIPPED:
        pytest.skip(f"README line {command.line}: {SKIPPED[command.key]}")
    if command.key not in RUN:
        pytest.fail(f"README line {command.line}: neither run nor skipped by name")
    folder, _ = scratch
    done = ran[command.key]
    said = done.stdout + done.stderr
    assert done.returncode == 0, said.strip().splitlines()[-3:]
    expect = RUN[command.key]
    assert expect.output in said
    if expect.file:
        written = folder / expect.file
        assert written.is_file(), f"{command.key} wrote no {expect.file}"
        assert expect.file_text in written.read_text(errors="replace")
    if expect.check:
        expect.check(folder)


MODULES = sorted(
    {
        match.group(1)
        for command in COMMANDS
        for match in re.finditer(r"python -m (components(?:\.\w+)*)", command.text)
    }
)


@pytest.mark.slow
@pytest.mark.parametrize("module", MODULES)
def test_each_readme_command_has_help(module: str, scratch):
    folder, env = scratch
    done = subprocess.run(
        [sys.executable, "-m", module, "--help"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr.strip().splitlines()[-1:]
    # argparse writes "usage:", click (the launcher) "Usage:"
    assert done.stdout.lower().startswith(f"usage: python -m {module}")
