"""Full-text search over the current incidents, kept in step by the database.

Each incident's current revision (not a retracted one) has one search text: its
place as stored and as reported, the province, the target and attack types (codes
and labels, from ``search_words``), its notes and the source's title, publisher,
location and excerpt. The view ``incident_search_text`` says what that text is,
once for both databases' triggers and for a rebuild.

- SQLite: an FTS5 table ``incident_search`` whose rowid is the current
  revision's id (``unicode61`` words without diacritics, prefix indexes for 2 and 3
  characters). Positions are kept: a word SQLite's older Unicode tables cut in two
  is then looked up as the two words side by side rather than refused.
- PostgreSQL: a table ``incident_search`` (incident id, current revision id,
  ``tsvector`` of the ``simple`` configuration) with a GIN index.

Triggers on ``incidents`` follow every move of an incident's head (a save, an
undo, a retraction), whatever writes it, so the index never lags a save and holds
the current revisions only. On PostgreSQL they run once per statement, over all
the rows it changed (an entry whose revision is no longer the head goes, and a
current head without one is indexed), so a batch of new records is indexed in
one pass.

Revision ID: 0006_search
Revises: 0004_sources
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from components.domain.search import vocabulary_words

revision = "0006_search"
down_revision = "0004_sources"
branch_labels = None
depends_on = None

DOCUMENT_CHARS = 100_000
"""A search text is cut here (PostgreSQL's tsvector holds at most 1 MB); the
fields it is made of hold at most 10,000 characters each."""

_SQLITE_VIEW = f"""
CREATE VIEW incident_search_text AS
SELECT r.id AS revision_id, r.incident_id AS incident_id, r.retracted AS retracted,
  substr(
    r.place || ' ' || r.place_reported || ' ' || r.admin1 || ' ' ||
    coalesce(t.words, '') || ' ' ||
    coalesce((SELECT group_concat(a.words, ' ') FROM search_words a
              WHERE a.kind = 'attack'
                AND instr(';' || r.attack_types || ';', ';' || a.code || ';') > 0),
             '') || ' ' ||
    r.source_title || ' ' || r.source_publisher || ' ' || r.source_location || ' ' ||
    r.source_excerpt || ' ' || r.notes,
    1, {DOCUMENT_CHARS}) AS document
FROM incident_revisions r
LEFT JOIN search_words t ON t.kind = 'target' AND t.code = r.target_type
"""

_POSTGRES_VIEW = f"""
CREATE VIEW incident_search_text AS
SELECT r.id AS revision_id, r.incident_id AS incident_id, r.retracted AS retracted,
  left(translate(
    r.place || ' ' || r.place_reported || ' ' || r.admin1 || ' ' ||
    coalesce(t.words, '') || ' ' ||
    coalesce((SELECT string_agg(a.words, ' ') FROM search_words a
              WHERE a.kind = 'attack'
                AND strpos(';' || r.attack_types || ';', ';' || a.code || ';') > 0),
             '') || ' ' ||
    r.source_title || ' ' || r.source_publisher || ' ' || r.source_location || ' ' ||
    r.source_excerpt || ' ' || r.notes,
    '/.-_#:@', '       '), {DOCUMENT_CHARS}) AS document
FROM incident_revisions r
LEFT JOIN search_words t ON t.kind = 'target' AND t.code = r.target_type
"""
"""PostgreSQL's parser keeps URLs, paths and hyphenated words whole; with their
punctuation as spaces it cuts them into the words SQLite's tokenizer finds."""

_SQLITE_INDEX = """
CREATE VIRTUAL TABLE incident_search USING fts5(
  document,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3',
  columnsize = 0
)
"""

_SQLITE_ADD = """
  INSERT INTO incident_search (rowid, document)
  SELECT s.revision_id, s.document FROM incident_search_text s
  WHERE s.revision_id = NEW.head_id AND NOT s.retracted;
"""

_SQLITE_TRIGGERS = (
    f"""
CREATE TRIGGER incident_search_insert AFTER INSERT ON incidents
WHEN NEW.head_id IS NOT NULL
BEGIN
{_SQLITE_ADD}
END
""",
    f"""
CREATE TRIGGER incident_search_update AFTER UPDATE OF head_id ON incidents
WHEN OLD.head_id IS NOT NEW.head_id
BEGIN
  DELETE FROM incident_search WHERE rowid = OLD.head_id;
{_SQLITE_ADD}
END
""",
    """
CREATE TRIGGER incident_search_delete AFTER DELETE ON incidents
BEGIN
  DELETE FROM incident_search WHERE rowid = OLD.head_id;
END
""",
)

_POSTGRES_INDEX = (
    """
CREATE TABLE incident_search (
  incident_id VARCHAR(200) NOT NULL,
  revision_id INTEGER NOT NULL,
  document TSVECTOR NOT NULL,
  CONSTRAINT pk_incident_search PRIMARY KEY (incident_id)
)
""",
    "CREATE INDEX ix_incident_search_document ON incident_search USING GIN (document)",
)

_POSTGRES_ADD = """
    INSERT INTO incident_search (incident_id, revision_id, document)
    SELECT s.incident_id, s.revision_id, to_tsvector('simple', s.document)
    FROM new_rows n JOIN incident_search_text s ON s.revision_id = n.head_id
"""

_POSTGRES_TRIGGERS = (
    f"""
CREATE FUNCTION incident_search_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
{_POSTGRES_ADD}
    WHERE NOT s.retracted;
    RETURN NULL;
END $$
""",
    f"""
CREATE FUNCTION incident_search_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM incident_search s USING new_rows n
    WHERE s.incident_id = n.id AND s.revision_id IS DISTINCT FROM n.head_id;
{_POSTGRES_ADD}
    WHERE NOT s.retracted AND NOT EXISTS (
        SELECT 1 FROM incident_search i WHERE i.incident_id = n.id
    );
    RETURN NULL;
END $$
""",
    """
CREATE FUNCTION incident_search_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM incident_search s USING old_rows o WHERE s.incident_id = o.id;
    RETURN NULL;
END $$
""",
    """
CREATE TRIGGER incident_search_insert AFTER INSERT ON incidents
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION incident_search_inserted()
""",
    """
CREATE TRIGGER incident_search_update AFTER UPDATE ON incidents
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION incident_search_updated()
""",
    """
CREATE TRIGGER incident_search_delete AFTER DELETE ON incidents
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION incident_search_deleted()
""",
)


def upgrade() -> None:
    words = op.create_table(
        "search_words",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "code", name=op.f("pk_search_words")),
    )
    op.bulk_insert(
        words,
        [
            {"kind": kind, "code": code, "words": text}
            for (kind, code), text in vocabulary_words().items()
        ],
    )
    postgres = op.get_bind().dialect.name == "postgresql"
    op.execute(_POSTGRES_VIEW if postgres else _SQLITE_VIEW)
    for statement in _POSTGRES_INDEX if postgres else (_SQLITE_INDEX,):
        op.execute(statement)
    for statement in _POSTGRES_TRIGGERS if postgres else _SQLITE_TRIGGERS:
        op.execute(statement)
    # The incidents saved before this migration.
    if postgres:
        op.execute(
            "INSERT INTO incident_search (incident_id, revision_id, document) "
            "SELECT s.incident_id, s.revision_id, to_tsvector('simple', s.document) "
            "FROM incidents i JOIN incident_search_text s ON s.revision_id = i.head_id "
            "WHERE NOT s.retracted"
        )
    else:
        op.execute(
            "INSERT INTO incident_search (rowid, document) "
            "SELECT s.revision_id, s.document "
            "FROM incidents i JOIN incident_search_text s ON s.revision_id = i.head_id "
            "WHERE NOT s.retracted"
        )


def downgrade() -> None:
    for trigger in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER incident_search_{trigger}" + _on_incidents())
    if op.get_bind().dialect.name == "postgresql":
        for function in ("inserted", "updated", "deleted"):
            op.execute(f"DROP FUNCTION incident_search_{function}()")
    op.execute("DROP TABLE incident_search")
    op.execute("DROP VIEW incident_search_text")
    op.drop_table("search_words")


def _on_incidents() -> str:
    return " ON incidents" if op.get_bind().dialect.name == "postgresql" else ""
