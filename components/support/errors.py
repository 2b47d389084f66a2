"""Every error the project raises on purpose, under one root.

As geopy has ``GeopyError``, each derives from :class:`IncidentMapError`, so a
caller can tell "the input or state is wrong" (ours, with a message a person can act
on) from a bug (anything else). The classes are grouped by where they arise; all of
them live here, so a newcomer finds the whole hierarchy in one file.
"""

from __future__ import annotations

from collections.abc import Sequence

from geopy.exc import GeopyError


class IncidentMapError(Exception):
    """Base class of every error the project raises for bad input or state."""


# Files named on the command line or uploaded.


class InputFileError(IncidentMapError, OSError):
    """A file given to a command cannot be read as asked; the message says why."""


class OutputFileError(IncidentMapError, OSError):
    """A file cannot be written where asked; the message says why."""


# Records: one field, one row, a whole data set.


class FieldError(IncidentMapError, ValueError):
    """A field's value is not valid. ``field`` names the column."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class RowError(IncidentMapError, ValueError):
    """All the field errors of one row; ``record`` is the row as read where its
    only error is a place the gazetteer cannot place (it has no location)."""

    def __init__(self, errors: list[FieldError], record: object = None) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors
        self.record = record


class DataFileError(IncidentMapError, ValueError):
    """Raised with every problem found, not just the first."""

    def __init__(self, problems: Sequence[object]) -> None:
        self.problems = list(problems)
        listing = "\n".join(f"- {problem}" for problem in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the data:\n{listing}")


# The gazetteer.


class GazetteerError(IncidentMapError, GeopyError):
    """Base class of the gazetteer's errors."""


class PlaceNotFoundError(GazetteerError):
    """No place of that name; ``suggestions`` holds the closest known names."""

    def __init__(self, query: str, suggestions: Sequence[str]) -> None:
        self.query = query
        self.suggestions = list(suggestions)
        hint = f"; closest known: {', '.join(suggestions)}" if suggestions else ""
        shown = query if len(query) <= 100 else query[:100] + "..."
        super().__init__(f"place {shown!r} is not in the gazetteer{hint}")


class GazetteerDataError(GazetteerError):
    """The gazetteer's own table is missing or malformed."""


class UnplacedError(FieldError):
    """The gazetteer cannot place the row's place name."""

    def __init__(self, miss: PlaceNotFoundError) -> None:
        super().__init__("place", f"{miss}; or pin the row with lat and lon")
        self.query = miss.query
        self.suggestions = tuple(miss.suggestions)


class BatchError(IncidentMapError, ValueError):
    """The file cannot be geocoded as asked (no such column, a clash, bad text)."""


# Reading reports and the field's formats.


class ReportError(IncidentMapError, ValueError):
    """The input cannot be read as a report; the message says why."""


class ImportFormatError(IncidentMapError, ValueError):
    """The file as a whole cannot be read as the format named."""


class RowRejected(IncidentMapError, ValueError):  # noqa: N818 - reads as a verdict on the row
    """A row that cannot become an incident; the message says why."""


# The map's browser assets.


class AssetError(IncidentMapError, RuntimeError):
    """A download failed or did not match its published integrity hash."""


# The incident store.


class ConflictError(IncidentMapError):
    """Another save changed (or added) the same records first; nothing was saved.
    The message says which records, who and when."""


class StoreError(IncidentMapError):
    """The database cannot be reached or used; the message says why."""


class FilterArgumentError(IncidentMapError, ValueError):
    """A command's filter names nothing in the data (an unknown place, a bad date)."""


class SearchError(IncidentMapError, ValueError):
    """A search text the list will not run (too long, too many words); the
    message says why and what is allowed."""


class InboxError(IncidentMapError):
    """An item the inbox cannot take in (too large, not an article, a broken
    feed); the message names it and says why, and the item is set aside."""


# Work run in worker processes.


class WorkerError(IncidentMapError, RuntimeError):
    """A worker process failed before it gave its job's result."""


class WorkerTimeoutError(WorkerError, TimeoutError):
    """A job ran past its time, or waited past the caller's: it was dropped."""

    def __init__(self, name: str, seconds: float, *, queued: bool) -> None:
        self.seconds = seconds
        self.queued = queued
        if queued:
            said = f"{name} was busy for {seconds:g} s with other work"
        else:
            said = f"{name} did not finish within {seconds:g} s and was stopped"
        super().__init__(said)
