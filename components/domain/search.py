"""What a search box's text asks for: the words to find. Pure.

The incident list searches the database's full-text index (``components.store.
search``); this module turns what a person typed, or what a link carried, into
plain words first, so no character of it ever reaches the database as query
syntax. A word is a run of letters and digits (as the index's tokenizers cut
text); everything else (quotes, ``*``, brackets, ``:``, ``-``, control
characters, NUL) only separates words. Every word must be found, each as the
start of a word of the text (``mast`` finds Mastung). A text longer than
:data:`MAX_SEARCH_CHARS` or with more than :data:`MAX_TERMS` words is refused
with a :class:`~components.support.errors.SearchError` that says so.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from components.domain.vocabularies import ATTACK_TYPES, NOT_REPORTED, TARGET_TYPES
from components.support.errors import SearchError

MAX_SEARCH_CHARS = 200
"""The longest search text taken (a line of words is plenty to find a record)."""
MAX_TERMS = 12
"""The most words one search may hold."""
PREFIX_FROM = 2
"""Words at least this long also find longer words they begin (``ban`` finds
``banks``); a one-letter word finds itself only, not every word it begins."""

_WORD = re.compile(r"[^\W_]+")
"""Letters and digits: what both databases' tokenizers keep as a word."""


@dataclass(frozen=True)
class SearchQuery:
    """The words of a search text, lower case, in the order typed, once each."""

    text: str
    terms: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.terms)

    def prefix(self, term: str) -> bool:
        """Whether ``term`` also finds the longer words it begins."""
        return len(term) >= PREFIX_FROM


def parse_search(text: str | None) -> SearchQuery:
    """The words to find in ``text``; raises SearchError for a text the list
    will not run. A text with no letters or digits asks for nothing (falsy)."""
    raw = text or ""
    if len(raw) > MAX_SEARCH_CHARS:
        raise SearchError(
            f"the search is {len(raw):,} characters long; at most "
            f"{MAX_SEARCH_CHARS} are taken"
        )
    normal = unicodedata.normalize("NFKC", raw).lower()
    terms = tuple(dict.fromkeys(_WORD.findall(normal)))
    if len(terms) > MAX_TERMS:
        raise SearchError(
            f"the search has {len(terms)} words; at most {MAX_TERMS} are taken"
        )
    return SearchQuery(raw, terms)


def vocabulary_words() -> dict[tuple[str, str], str]:
    """The words each target and attack type code adds to an incident's search
    text: the code's own words and its label (``bank`` -> ``bank Banks``). The
    'not reported' codes add none, so searching for 'reported' does not find
    every record the source is silent about."""
    words = {}
    for kind, vocabulary in (("target", TARGET_TYPES), ("attack", ATTACK_TYPES)):
        for code, entry in vocabulary.items():
            if code != NOT_REPORTED:
                words[kind, code] = f"{code.replace('_', ' ')} {entry.label}"
    return words
