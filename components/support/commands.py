"""What every command line shares: one-line errors, checked arguments, and who a
command acts for.

An error is one line on stderr, ``error: ...``, and exit status 2, argument
errors included (a parser's usage is in ``--help``). Text arguments refuse
control characters (NUL, escape sequences, line breaks): they would end up in
the database or on someone's terminal. Numbers are checked against a range
before anything uses them, so an absurd one is an argument error, not a
database's overflow.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from components.support.text import control_character, terminal_text

logger = logging.getLogger(__name__)

EXIT_ERROR = 2
AUTHOR_VARIABLE = "INCIDENT_MAP_AUTHOR"
MAX_TEXT = 2_000
"""Characters a text argument may have (a reason, an id, an e-mail address)."""
MAX_AUTHOR = 200


def error_line(error: object) -> str:
    """The first line of an error's message, control characters escaped."""
    lines = str(error).strip().splitlines()
    text = lines[0] if lines else type(error).__name__
    return terminal_text(text)


def fail(error: object) -> int:
    """Print ``error: ...`` (one line) to stderr; the exit status to return."""
    print(f"error: {error_line(error)}", file=sys.stderr)
    return EXIT_ERROR


class CommandParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line: ``error: ...``, exit 2."""

    def error(self, message: str) -> NoReturn:
        print(
            f"error: {terminal_text(message)} (see {self.prog} --help)",
            file=sys.stderr,
        )
        raise SystemExit(EXIT_ERROR)


def checked_text(value: str, what: str = "text", limit: int = MAX_TEXT) -> str:
    """``value`` if it has no control character and at most ``limit``
    characters; else ValueError saying which."""
    found = control_character(value)
    if found:
        raise ValueError(
            f"{what} holds a control character ({found}); "
            "give it without escape sequences or line breaks"
        )
    if len(value) > limit:
        raise ValueError(f"{what} is {len(value):,} characters; at most {limit:,}")
    return value


def text_argument(value: str) -> str:
    """argparse type: text without control characters, of a sensible length."""
    try:
        return checked_text(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def path_argument(value: str) -> Path:
    """argparse type: a file or folder name without control characters."""
    return Path(text_argument(value))


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """argparse type: a whole number from ``low`` to ``high``."""

    def parse(value: str) -> int:
        text = value.strip()
        digits = text[1:] if text[:1] in ("+", "-") else text
        shown = terminal_text(text if len(text) <= 24 else text[:20] + "...")
        if not (digits.isascii() and digits.isdigit()):
            raise argparse.ArgumentTypeError(f"{shown!r} is not a whole number")
        if len(digits) > 30 or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(
                f"{shown} is out of range: from {low:,} to {high:,}"
            )
        return int(text)

    parse.__name__ = "whole number"
    return parse


def os_account() -> str:
    """The operating-system account this process runs as (not the USER or
    LOGNAME variables, which anyone can set)."""
    try:
        import pwd

        return pwd.getpwuid(os.geteuid()).pw_name
    except (ImportError, KeyError):  # Windows, or a uid without a name
        return getpass.getuser()


def command_author() -> str:
    """Who a command's saves are by: ``os:ACCOUNT``, or ``NAME (os:ACCOUNT)``
    with ``INCIDENT_MAP_AUTHOR=NAME`` set.

    The operating-system account is always part of it: a name from the
    environment (or, before, from ``--author``) is whatever the person typed,
    and the audit trail must not let anyone write as someone else. The account
    is the one the process runs as, which a user cannot choose. Raises
    ValueError for a configured name with control characters or too long.
    """
    account = f"os:{os_account()}"
    named = os.environ.get(AUTHOR_VARIABLE, "").strip()
    if not named:
        return account
    checked_text(named, AUTHOR_VARIABLE, MAX_AUTHOR)
    return f"{named} ({account})"
