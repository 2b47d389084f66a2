"""The parsers that validate each field of a record, from the text of a cell.

Each takes the column's name and the raw text and returns the value, or raises
:class:`~components.support.errors.FieldError` with a message a person can act on.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from enum import IntEnum
from typing import TypeVar

from components.domain.vocabularies import (
    ATTACK_TYPES,
    FIGURE_SCOPES,
    NOT_REPORTED,
    TARGET_TYPES,
    FigureScope,
)
from components.support.errors import FieldError
from components.support.text import newlines_as_lf

P = TypeVar("P", bound=IntEnum)

MAX_TEXT_LENGTH = 10_000


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Unicode's control characters (category Cc) but tab and line feed."""


def parse_text(field: str, raw: str | None, *, required: bool = False) -> str:
    """Strip a text field, with line breaks as LF; reject other control characters
    and overlong values."""
    text = newlines_as_lf(raw or "").strip()
    if required and not text:
        raise FieldError(field, "is empty; it is required")
    if len(text) > MAX_TEXT_LENGTH:
        raise FieldError(field, f"is {len(text)} characters; at most {MAX_TEXT_LENGTH}")
    control = _CONTROL.search(text)
    if control:
        raise FieldError(field, f"contains the control character {control.group()!r}")
    return text


def parse_date(field: str, raw: str | None, *, required: bool = True) -> dt.date | None:
    """An ISO date (YYYY-MM-DD)."""
    text = parse_text(field, raw, required=required)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise FieldError(
            field, f"cannot parse date {text!r}; expected YYYY-MM-DD"
        ) from None


MAX_COUNT = 1_000_000
"""The largest count of people one record may hold.

Far above any single incident's toll in the field's data sets (GTD, ACLED, UCDP
GED), so no real figure is refused, and small enough that sums over millions of
records stay exact in 64-bit integers. Larger values are typing or unit errors.
"""

_WHOLE_NUMBER = re.compile(r"[0-9]+")


def parse_count(field: str, raw: str | None) -> int | None:
    """A whole number of people from 0 to :data:`MAX_COUNT`, or None where the cell
    is blank (not reported). Written in digits only: no sign, exponent or
    separators."""
    text = parse_text(field, raw)
    if not text:
        return None
    if text.startswith("-") and _WHOLE_NUMBER.fullmatch(text[1:]):
        raise FieldError(field, f"is negative ({text}); counts cannot be below 0")
    if not _WHOLE_NUMBER.fullmatch(text):
        shown = text if len(text) <= 40 else text[:40] + "..."
        raise FieldError(
            field,
            f"{shown!r} is not a whole number written in digits; "
            "leave it blank if not reported",
        )
    digits = text.lstrip("0") or "0"
    if len(digits) > len(str(MAX_COUNT)) or int(digits) > MAX_COUNT:
        shown = (
            f"{int(digits):,}" if len(digits) <= 30 else f"a {len(digits)}-digit number"
        )
        raise FieldError(
            field, f"{shown} is more than {MAX_COUNT:,}, the most one record may hold"
        )
    return int(digits)


def parse_number(
    field: str, raw: str | None, *, low: float, high: float
) -> float | None:
    """A finite decimal number within [low, high], or None where the cell is blank."""
    text = parse_text(field, raw)
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise FieldError(field, f"{text!r} is not a number") from None
    if not math.isfinite(value) or not low <= value <= high:
        raise FieldError(field, f"{text} is out of range; must be {low:g} to {high:g}")
    return value


def parse_coordinate(field: str, raw: str | None, limit: float) -> float | None:
    """A latitude (limit 90) or longitude (limit 180) in decimal degrees, or None."""
    return parse_number(field, raw, low=-limit, high=limit)


def parse_precision(
    field: str, raw: str | None, kind: type[P], *, required: bool = True
) -> P | None:
    """One of an IntEnum's codes, e.g. geo precision 1, 2 or 3."""
    text = parse_text(field, raw, required=required)
    if not text:
        return None
    allowed = ", ".join(str(member.value) for member in kind)
    try:
        return kind(int(text))
    except ValueError:
        raise FieldError(field, f"{text!r} is not one of {allowed}") from None


def parse_figure_scope(field: str, raw: str | None) -> str:
    """One of :data:`FIGURE_SCOPES`; blank means this place's own figures."""
    text = parse_text(field, raw) or FigureScope.INCIDENT
    if text not in FIGURE_SCOPES:
        raise FieldError(
            field, f"{text!r} is not one of {', '.join(FIGURE_SCOPES)} (or blank)"
        )
    return text


def parse_target_type(field: str, raw: str | None) -> str:
    """A code of :data:`TARGET_TYPES`."""
    text = parse_text(field, raw)
    if not text:
        raise FieldError(
            field, f"is empty; write {NOT_REPORTED} if the source is silent"
        )
    if text not in TARGET_TYPES:
        raise FieldError(
            field, f"unknown target type {text!r}; known: {', '.join(TARGET_TYPES)}"
        )
    return text


def parse_attack_types(field: str, raw: str | None) -> tuple[str, ...]:
    """One or more codes of :data:`ATTACK_TYPES`, separated by ``;``."""
    text = parse_text(field, raw)
    codes = [code.strip() for code in text.split(";") if code.strip()]
    if not codes:
        raise FieldError(
            field, f"is empty; write {NOT_REPORTED} if the source is silent"
        )
    unknown = [code for code in codes if code not in ATTACK_TYPES]
    if unknown:
        raise FieldError(
            field,
            f"unknown attack type {unknown[0]!r}; known: {', '.join(ATTACK_TYPES)}",
        )
    if NOT_REPORTED in codes and len(set(codes)) > 1:
        raise FieldError(field, f"{NOT_REPORTED} cannot be combined with other types")
    return tuple(dict.fromkeys(codes))
