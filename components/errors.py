"""The root of the project's own errors.

As geopy has ``GeopyError``, every error this project raises on purpose derives from
:class:`IncidentMapError`, so a caller can tell "the input is wrong" (ours, with a
message a person can act on) from a bug (anything else).
"""

from __future__ import annotations


class IncidentMapError(Exception):
    """Base class of every error the project raises for bad input or state."""


class InputFileError(IncidentMapError, OSError):
    """A file given to a command cannot be read as asked; the message says why."""


class OutputFileError(IncidentMapError, OSError):
    """A file cannot be written where asked; the message says why."""
