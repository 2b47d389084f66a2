"""What a person chooses while reviewing a report: the source and the event the
rows go into. Small typed values passed between the review's parts, each turned
into the CSV cells the store saves by one method."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from components.domain.vocabularies import DatePrecision


@dataclass(frozen=True, slots=True)
class ReviewSource:
    """Where the reviewed text comes from."""

    title: str
    location: str
    """URL or file of the text ('pasted text' where there is none)."""
    publisher: str = ""
    date: dt.date | None = None

    def cells(self) -> dict[str, str]:
        """The ``source_*`` cells of every saved row."""
        return {
            "source_title": self.title,
            "source_publisher": self.publisher,
            "source_date": self.date.isoformat() if self.date else "",
            "source_location": self.location,
        }

    def cited(self) -> str:
        """How a place placed from this report names it: 'Title (location)'."""
        if self.location and self.location != self.title:
            return f"'{self.title}' ({self.location})"
        return f"'{self.title}'"


@dataclass(frozen=True, slots=True)
class NewEvent:
    """An event the rows make, named by the person reviewing them."""

    id: str
    name: str
    date: dt.date
    date_precision: DatePrecision
    admin1: str = ""

    def row(self, source: ReviewSource) -> dict[str, str]:
        """The event's CSV row, citing ``source``."""
        return {
            "id": self.id,
            "name": self.name,
            "date": self.date.isoformat(),
            "date_precision": str(int(self.date_precision)),
            "admin1": self.admin1,
            **source.cells(),
            "notes": "Added from a report.",
        }


@dataclass(frozen=True, slots=True)
class ChosenEvent:
    """The event the reviewed rows go into: a recorded one, or ``new``."""

    id: str
    name: str
    date: dt.date
    date_precision: DatePrecision
    new: NewEvent | None = None
