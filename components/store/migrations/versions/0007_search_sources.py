"""Every source of an incident in its search text.

An incident that several reports describe keeps each report as a source
(``0004_sources``); until now its search text held only the current revision's
own source fields. The view ``incident_search_text`` now adds the title,
publisher, location and excerpt of each current source of the incident, so a word
that only the second report used finds the incident too. The view is read by the
index's triggers when an incident's head changes; a source is always written
before the incident's new revision (adding, merging and splitting a source each
end with one), so the text the trigger reads holds it. The index is built again
from the new view.

Revision ID: 0007_search_sources
Revises: 0006_search
"""

from __future__ import annotations

from alembic import op

from components.store.search import rebuild

revision = "0007_search_sources"
down_revision = "0006_search"
branch_labels = None
depends_on = None

DOCUMENT_CHARS = 100_000
"""A search text is cut here, as ``0006_search`` cuts it."""

_SOURCES = {
    "sqlite": """
    coalesce((SELECT group_concat(v.source_title || ' ' || v.source_publisher || ' ' ||
                                  v.source_location || ' ' || v.source_excerpt, ' ')
              FROM sources o JOIN source_revisions v ON v.id = o.head_id
              WHERE v.incident_id = r.incident_id AND NOT v.retracted), '')""",
    "postgresql": """
    coalesce((SELECT string_agg(v.source_title || ' ' || v.source_publisher || ' ' ||
                                v.source_location || ' ' || v.source_excerpt, ' ')
              FROM sources o JOIN source_revisions v ON v.id = o.head_id
              WHERE v.incident_id = r.incident_id AND NOT v.retracted), '')""",
}
"""The current sources' text of the revision's incident."""


def _view(dialect: str, with_sources: bool) -> str:
    """The search text view; ``with_sources=False`` is ``0006_search``'s."""
    postgres = dialect == "postgresql"
    concat = "string_agg(a.words, ' ')" if postgres else "group_concat(a.words, ' ')"
    contains = "strpos" if postgres else "instr"
    text = f"""
    r.place || ' ' || r.place_reported || ' ' || r.admin1 || ' ' ||
    coalesce(t.words, '') || ' ' ||
    coalesce((SELECT {concat} FROM search_words a
              WHERE a.kind = 'attack'
                AND {contains}(';' || r.attack_types || ';', ';' || a.code || ';') > 0),
             '') || ' ' ||
    r.source_title || ' ' || r.source_publisher || ' ' || r.source_location || ' ' ||
    r.source_excerpt || ' ' || r.notes"""
    if with_sources:
        text += " || ' ' ||" + _SOURCES[dialect]
    # PostgreSQL keeps URLs, paths and hyphenated words whole: with their
    # punctuation as spaces it finds the words SQLite's tokenizer finds.
    document = (
        f"left(translate({text}, '/.-_#:@', '       '), {DOCUMENT_CHARS})"
        if postgres
        else f"substr({text}, 1, {DOCUMENT_CHARS})"
    )
    return f"""
CREATE VIEW incident_search_text AS
SELECT r.id AS revision_id, r.incident_id AS incident_id, r.retracted AS retracted,
  {document} AS document
FROM incident_revisions r
LEFT JOIN search_words t ON t.kind = 'target' AND t.code = r.target_type
"""


def _replace_view(with_sources: bool) -> None:
    dialect = op.get_bind().dialect.name
    op.execute("DROP VIEW incident_search_text")
    op.execute(_view(dialect, with_sources))
    rebuild(op.get_bind())


def upgrade() -> None:
    _replace_view(with_sources=True)


def downgrade() -> None:
    _replace_view(with_sources=False)
