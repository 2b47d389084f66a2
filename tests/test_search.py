"""Full-text search of the current incidents, on SQLite and on a real PostgreSQL
server: what it finds, that saves, edits, undos and retractions keep the index
in step, and that no search text ever reaches the database as query syntax."""

from __future__ import annotations

import shutil
import uuid

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text

from components.domain.search import (
    MAX_SEARCH_CHARS,
    MAX_TERMS,
    parse_search,
    vocabulary_words,
)
from components.store import DatabaseStore, open_store
from components.store.database import MIGRATIONS
from components.store.engine import writing
from components.store.search import fts5_query, tsquery
from components.support.errors import SearchError
from tests.conftest import GOOD_EVENT, GOOD_INCIDENT, ROOT
from tests.harness.hostile_inputs import payloads
from tests.harness.postgres_server import create_database
from tests.test_sources import NOSHKI, report

EDITOR = "editor@example.org"


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def seeded(request, tmp_path_factory) -> DatabaseStore:
    """A store seeded from the shipped data on each kind of database, shared by
    the tests that only search it."""
    folder = tmp_path_factory.mktemp("search")
    data = folder / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("user"))
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'incidents.sqlite'}"
    else:
        host, port = request.getfixturevalue("postgres_server")
        url = create_database(host, port, f"search_{uuid.uuid4().hex[:12]}")
    store, problems = open_store(data, url)
    assert problems == []
    return store


PRISON = "balochistan-2026-02-01-mastung-prison"
BANK = "balochistan-2026-02-01-province-bank"
POLICE = "balochistan-2026-02-01-province-police"
NOSHKI_HQ = "balochistan-2026-02-01-noshki-hq"


def found(store: DatabaseStore, words: str) -> set[str]:
    return set(store.search(parse_search(words)).ids)


def current_ids(store: DatabaseStore) -> set[str]:
    return set(store.frame()["id"])


# --- What a search text asks for (pure) --------------------------------------------


@pytest.mark.parametrize(
    ("typed", "terms"),
    [
        ("Mastung", ("mastung",)),
        ("  mastung   PRISON ", ("mastung", "prison")),
        ('"mastung" prison*', ("mastung", "prison")),
        ("mastung mastung", ("mastung",)),
        ("police-station's", ("police", "station", "s")),
        ("a:* & b | !c <-> (d)", ("a", "b", "c", "d")),
        ("mastung\x00prison", ("mastung", "prison")),
        ("snake_case", ("snake", "case")),
        ("\uff2d\uff41\uff53\uff54\uff55\uff4e\uff47", ("mastung",)),  # full width
        ("کوئٹہ", ("کوئٹہ",)),
        ("", ()),
        ("*** ''' ---", ()),
    ],
)
def test_a_search_text_is_read_as_plain_words(typed, terms):
    assert parse_search(typed).terms == terms


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("x" * (MAX_SEARCH_CHARS + 1), f"at most {MAX_SEARCH_CHARS} are taken"),
        ("y" * 10_000, "10,000 characters long"),
        (" ".join(f"w{n}" for n in range(MAX_TERMS + 1)), "13 words"),
    ],
)
def test_a_search_text_too_long_is_refused_with_a_reason(typed, message):
    with pytest.raises(SearchError, match=message):
        parse_search(typed)


def test_the_query_texts_quote_every_word():
    query = parse_search("Mastung b prison")
    assert fts5_query(query) == '"mastung"* "b" "prison"*'
    assert tsquery(query) == "'mastung':* & 'b' & 'prison':*"


def test_not_reported_codes_add_no_words():
    words = vocabulary_words()
    assert words["target", "bank"] == "bank Banks"
    assert words["attack", "armed_assault"] == "armed assault Armed assault"
    assert not [key for key in words if key[1] == "not_reported"]


# --- The database's search ---------------------------------------------------------


def test_a_search_finds_words_of_every_searched_field(seeded):
    assert found(seeded, "prison Mastung") == {PRISON}  # place and target label
    assert found(seeded, "free inmates") == {PRISON}  # the source's excerpt
    assert BANK in found(seeded, "banks")  # the target type's label
    assert found(seeded, "paramilitary") >= {POLICE}  # its code and label
    assert found(seeded, "Mastng") == set()


def test_a_word_finds_the_longer_words_it_begins(seeded):
    assert found(seeded, "mast pris") == {PRISON}
    assert found(seeded, "MASTUNG") == found(seeded, "mastung")
    assert PRISON in found(seeded, "mastung")


def test_every_word_must_be_found(seeded):
    assert found(seeded, "prison bank") == set()


def test_a_search_gives_at_most_its_limit_and_says_there_were_more(seeded):
    every = current_ids(seeded)
    assert found(seeded, "balochistan") == every
    hits = seeded.search(parse_search("balochistan"), limit=3)
    assert len(hits.ids) == 3
    assert hits.ids <= every
    assert hits.more
    assert not seeded.search(parse_search("balochistan"), limit=len(every)).more


def test_saves_edits_undos_and_retractions_keep_the_index_in_step(db_store):
    incident = {**GOOD_INCIDENT, "notes": "Seen by the zebrafinch observer."}
    added = db_store.add([incident], [GOOD_EVENT], author=EDITOR)
    assert found(db_store, "zebrafinch") == {"wave-1-quetta"}
    edited = db_store.edit(
        "wave-1-quetta",
        {"notes": "Seen by the kingfisher observer."},
        expected_version=1,
        author=EDITOR,
    )
    assert found(db_store, "zebrafinch") == set()
    assert found(db_store, "kingfisher") == {"wave-1-quetta"}
    db_store.undo(edited.save_id, author=EDITOR)
    assert found(db_store, "zebrafinch") == {"wave-1-quetta"}
    assert found(db_store, "kingfisher") == set()
    assert added.incidents == 1


def test_the_index_holds_the_current_revisions_only(db_store):
    db_store.add([GOOD_INCIDENT], [GOOD_EVENT], author=EDITOR)
    for version, notes in enumerate(("first", "second", "third"), start=1):
        db_store.edit(
            "wave-1-quetta", {"notes": notes}, expected_version=version, author=EDITOR
        )
    added = db_store.add([{**GOOD_INCIDENT, "id": "gone"}], author=EDITOR)
    db_store.undo(added.save_id, author=EDITOR)  # retracts "gone"
    assert found(db_store, "gone") == set()
    with db_store.engine.connect() as connection:
        indexed = connection.execute(text("SELECT count(*) FROM incident_search"))
        assert indexed.scalar() == len(current_ids(db_store))


def test_a_place_moved_by_an_edit_is_found_at_its_new_name(db_store):
    db_store.add([GOOD_INCIDENT], [GOOD_EVENT], author=EDITOR)
    assert found(db_store, "turbat") == set()
    db_store.edit(
        "wave-1-quetta", {"place": "Turbat"}, expected_version=1, author=EDITOR
    )
    assert found(db_store, "turbat police") == {"wave-1-quetta"}


def test_changed_vocabulary_words_rebuild_the_index_at_start(db_store):
    with writing(db_store.engine) as connection:
        connection.execute(
            text("UPDATE search_words SET words = 'vault' WHERE code = 'bank'")
        )
        connection.execute(text("DELETE FROM incident_search"))
    assert found(db_store, "banks") == set()
    db_store.migrate()
    assert BANK in found(db_store, "banks")
    assert found(db_store, "vault") == set()


def alembic(store: DatabaseStore, step, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with writing(store.engine) as connection:
        config.attributes["connection"] = connection
        step(config, revision)


def test_incidents_saved_before_the_search_migration_are_indexed(
    database_url, data_copy
):
    store = DatabaseStore(database_url)
    alembic(store, command.upgrade, "0004_sources")
    store.seed(data_copy)
    store.migrate()
    assert found(store, "prison mastung") == {PRISON}


def test_the_search_migration_goes_down_and_up_again(db_store):
    alembic(db_store, command.downgrade, "0004_sources")
    with db_store.engine.connect() as connection:
        tables = connection.dialect.get_table_names(connection)
    assert "incident_search" not in tables
    assert "search_words" not in tables
    db_store.add([GOOD_INCIDENT], [GOOD_EVENT], author=EDITOR)  # no triggers now
    db_store.migrate()
    assert found(db_store, "prison mastung") == {PRISON}
    assert found(db_store, "gunmen police") == {"wave-1-quetta"}


HOSTILE_SEARCHES = [
    '"',
    '""',
    "'",
    "*",
    "mastung*",
    '"mastung',
    "mastung OR quetta",
    "NOT mastung",
    "-mastung",
    "NEAR(mastung prison, 2)",
    "document:mastung",
    "{document}: mastung",
    "^mastung",
    "mastung + prison",
    "(mastung",
    "mastung:*",
    "!mastung",
    "mastung <-> prison",
    "'; DROP TABLE incidents; --",
    "\\",
    "\x00",
    "mastung\x00prison",
    "\u202emastung",
    "\U0001f4a3 mastung",
    "\u19b0\u19b1",  # letters SQLite's tables cut as separators
    "a",
    "x" * MAX_SEARCH_CHARS,
    *(p.text for p in payloads(ROOT / "artifacts" / "hostile-payload-ran")),
]


@pytest.mark.parametrize("typed", HOSTILE_SEARCHES)
def test_hostile_search_text_is_escaped_or_refused_never_an_sql_error(seeded, typed):
    try:
        query = parse_search(typed)
    except SearchError:
        return
    hits = seeded.search(query)
    assert hits.ids <= current_ids(seeded)
    if "mastung" in query.terms:  # an operator's word is a word, not syntax
        assert hits.ids <= found(seeded, "mastung")


@pytest.mark.parametrize(
    "typed", ["x" * 10_000, "\x00" * 10_000, " ".join(["w"] * 5_000)]
)
def test_ten_thousand_characters_are_refused(seeded, typed):
    with pytest.raises(SearchError):
        seeded.search(parse_search(typed))


def test_a_word_only_a_later_source_used_finds_the_incident(db_store):
    db_store.add([NOSHKI], [GOOD_EVENT], author=EDITOR)
    assert found(db_store, "cormorant") == set()
    later = report("Cormorant wire", "2026-03-11", killed_security="12")
    saved = db_store.add_reviewed(
        [], attached={"wave-1-noshki": [later]}, author=EDITOR
    )
    assert found(db_store, "cormorant") == {"wave-1-noshki"}
    assert found(db_store, "first wire") == {"wave-1-noshki"}  # the first source too
    db_store.undo(saved.save_id, author=EDITOR, reason="another attack")
    assert found(db_store, "cormorant") == set()
