"""Full-text search of the current incidents, by the database's own index.

The index (migration ``0006_search``: SQLite FTS5, PostgreSQL ``tsvector`` with a
GIN index) holds one search text per current incident and is kept in step with
every save by triggers. A search gives the ids of the incidents whose text holds
every word asked for, each word as the start of a word of the text; the words come
from :func:`components.domain.search.parse_search`, so only letters and digits
reach the query, each quoted as a literal word.

At most :data:`MAX_HITS` ids come back: a word found in most of a million records
names too many for a list, and the caller says there were more. Which ones come
back then is the database's order, not the incidents' dates.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, TextClause, text

from components.domain.search import SearchQuery, vocabulary_words
from components.store.engine import writing

logger = logging.getLogger(__name__)

MAX_HITS = 5_000
"""The most incident ids one search gives."""

_SQLITE_SEARCH = text(
    "SELECT r.incident_id FROM ("
    "  SELECT rowid FROM incident_search WHERE incident_search MATCH :query"
    "  LIMIT :limit"
    ") hit JOIN incident_revisions r ON r.id = hit.rowid"
)
_POSTGRES_SEARCH = text(
    "SELECT incident_id FROM incident_search "
    "WHERE document @@ to_tsquery('simple', :query) LIMIT :limit"
)


@dataclass(frozen=True)
class SearchHits:
    """The ids of the incidents a search found (at most ``MAX_HITS``)."""

    ids: frozenset[str]
    more: bool
    """More incidents match than ``ids`` holds."""


def fts5_query(query: SearchQuery) -> str:
    """An FTS5 MATCH expression for the words: each a quoted string (FTS5 reads
    nothing inside quotes as syntax), with ``*`` where it finds longer words."""
    return " ".join(
        '"' + term.replace('"', '""') + '"' + ("*" if query.prefix(term) else "")
        for term in query.terms
    )


def tsquery(query: SearchQuery) -> str:
    """A ``to_tsquery`` text for the words: each quoted as a lexeme, ``:*`` where
    it finds longer words, all of them required."""
    return " & ".join(
        "'"
        + term.replace("'", "''").replace("\\", "\\\\")
        + "'"
        + (":*" if query.prefix(term) else "")
        for term in query.terms
    )


def search(engine: Engine, query: SearchQuery, limit: int = MAX_HITS) -> SearchHits:
    """The current incidents whose search text holds every word of ``query``
    (none for a query without words)."""
    if not query:
        return SearchHits(frozenset(), False)
    with engine.connect() as connection:
        statement, words = _statement(connection, query)
        found = (
            connection.execute(statement, {"query": words, "limit": limit + 1})
            .scalars()
            .all()
        )
    more = len(found) > limit
    return SearchHits(frozenset(found[:limit]), more)


def _statement(connection: Connection, query: SearchQuery) -> tuple[TextClause, str]:
    if connection.dialect.name == "postgresql":
        return _POSTGRES_SEARCH, tsquery(query)
    return _SQLITE_SEARCH, fts5_query(query)


def refresh_words(connection: Connection) -> bool:
    """Bring ``search_words`` in step with the vocabularies (a code added or a
    label changed since the index was built) and then rebuild the index, in the
    caller's write transaction. Returns whether anything changed; the usual start
    only reads the table."""
    wanted = vocabulary_words()
    if _stored_words(connection) == wanted:
        return False
    if connection.dialect.name == "postgresql":
        # Two processes starting at once: the second waits, then finds it done.
        connection.execute(text("LOCK TABLE search_words IN EXCLUSIVE MODE"))
        if _stored_words(connection) == wanted:
            return False
    connection.execute(text("DELETE FROM search_words"))
    connection.execute(
        text("INSERT INTO search_words (kind, code, words) VALUES (:k, :c, :w)"),
        [{"k": kind, "c": code, "w": words} for (kind, code), words in wanted.items()],
    )
    rebuild(connection)
    logger.info("the search index was rebuilt for changed vocabulary words")
    return True


def rebuild(connection: Connection) -> None:
    """Index every current incident again, from the view the triggers read."""
    current = (
        "FROM incidents i JOIN incident_search_text s ON s.revision_id = i.head_id "
        "WHERE NOT s.retracted"
    )
    connection.execute(text("DELETE FROM incident_search"))
    if connection.dialect.name == "postgresql":
        connection.execute(
            text(
                "INSERT INTO incident_search (incident_id, revision_id, document) "
                "SELECT s.incident_id, s.revision_id, "
                "to_tsvector('simple', s.document) " + current
            )
        )
    else:
        connection.execute(
            text(
                "INSERT INTO incident_search (rowid, document) "
                "SELECT s.revision_id, s.document " + current
            )
        )


def refresh(engine: Engine) -> None:
    """:func:`refresh_words` in a write transaction of its own."""
    with engine.connect() as connection:
        if _stored_words(connection) == vocabulary_words():
            return
    with writing(engine) as connection:
        refresh_words(connection)


def _stored_words(connection: Connection) -> dict[tuple[str, str], str]:
    rows = connection.execute(text("SELECT kind, code, words FROM search_words"))
    return {(kind, code): words for kind, code, words in rows}
