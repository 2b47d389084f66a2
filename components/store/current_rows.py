"""The current incidents of a selection, as SQL: the rows the page's table gives
after ``apply_filters`` and ``latest_records``, asked of the database instead of
read into the page.

A row is current when no other current-state row revises it (as
:func:`components.domain.table.complete_frame` decides over the whole table); a
casualty count a current row leaves unreported is carried from the nearest
earlier record of the selection that reports it (as ``latest_records`` does),
through a recursive query over the ``revises`` chain.

Filters answered here: every field of
:class:`~components.domain.filters.Filters` (events, places, target types,
attack types, the date range). The playback day and the list's search words are
not: a caller showing a playback day keeps the in-memory path (the search words
narrow the list under the map, not the map).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import cache, lru_cache

from sqlalchemy import (
    CTE,
    ColumnElement,
    Connection,
    Engine,
    Select,
    and_,
    exists,
    false,
    func,
    literal,
    or_,
    select,
    text,
    true,
    union_all,
)
from sqlalchemy.sql.expression import (
    Alias,
    CompoundSelect,
    FromClause,
    Join,
    ScalarSelect,
    Subquery,
)

from components.domain.filters import Filters
from components.domain.model import CASUALTY_FIELDS, STORED_COLUMNS
from components.store.months import DateRange
from components.store.schema import IncidentKind, IncidentRecord, IncidentRevision

MAX_CHAIN = 32
"""Earlier records followed back from a current one (a cycle stops here)."""

WORK_MEM = "64MB"
"""Memory a PostgreSQL query of these may sort or hash in (the default 4MB
sends a million rows' grouping to disk)."""

_INCIDENTS = IncidentRecord.__table__
_REVISIONS = IncidentRevision.__table__


@contextmanager
def reading(engine: Engine, *, hashed: bool = False) -> Iterator[Connection]:
    """A connection for these queries: on PostgreSQL with JIT compilation off
    for its transaction (the planner costs the carried-count subqueries per row,
    though a ``CASE`` skips them, and then spends seconds compiling expressions
    for a query that runs in milliseconds) and :data:`WORK_MEM` to group in
    (not on disk). ``hashed``: the transaction's statements group by hashing,
    not by sorting, where they can (the map's groups: the planner sorted the
    190,000 weighted rows of a view at ten million, 0.14 s of 0.5)."""
    with engine.connect() as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SET LOCAL jit = off"))
            connection.execute(text(f"SET LOCAL work_mem = '{WORK_MEM}'"))
            if hashed:
                connection.execute(text("SET LOCAL enable_sort = off"))
        yield connection


@cache
def _heads(name: str) -> tuple[Alias, Alias]:
    """An alias of the incidents and of their head revisions, named ``name``
    (one pair per name: an alias works out its fifty column proxies once)."""
    return _INCIDENTS.alias(f"{name}_i"), _REVISIONS.alias(f"{name}_r")


def _joined(incidents: Alias, revisions: Alias) -> Join:
    return incidents.join(revisions, revisions.c.id == incidents.c.head_id)


def chosen_keys(rows: FromClause, filters: Filters) -> list[ColumnElement[bool]]:
    """The chosen events, places and target types, as conditions on ``rows``
    (any table with those columns)."""
    conditions: list[ColumnElement[bool]] = []
    if filters.events:
        conditions.append(rows.c.event_id.in_(filters.events))
    if filters.places:
        conditions.append(rows.c.place.in_(filters.places))
    if filters.target_types:
        conditions.append(rows.c.target_type.in_(filters.target_types))
    return conditions


def matching(revisions: Alias, filters: Filters) -> list[ColumnElement[bool]]:
    """The conditions a head revision meets to be in the selection: not
    retracted, and every chosen filter (any of the values within one)."""
    conditions = [revisions.c.retracted.is_(False), *chosen_keys(revisions, filters)]
    if filters.attack_types:
        conditions.append(holds_any(revisions.c.attack_types, filters.attack_types))
    if filters.dates:
        first, last = filters.dates
        conditions.append(revisions.c.date.between(first, last))
    return conditions


def holds_any(stored: ColumnElement[str], codes: Sequence[str]) -> ColumnElement[bool]:
    """Attack types as stored (``stored``: the ";"-joined codes) that hold one
    of ``codes`` at least."""
    joined = literal(";") + stored + literal(";")
    return or_(*(joined.contains(f";{code};", autoescape=True) for code in codes))


def revised_ids() -> Select:
    """The ids that a current-state (not retracted) record revises."""
    later_i, later_r = _heads("later")
    return (
        select(later_r.c.revises)
        .select_from(_joined(later_i, later_r))
        .where(later_r.c.revises.is_not(None), later_r.c.retracted.is_(False))
    )


def is_current(incidents: Alias) -> ColumnElement[bool]:
    """No current-state record revises this incident. Asked as ``NOT IN`` a
    list worked out once (the few records that revise another, by the partial
    index on ``revises``), not a lookup per row."""
    return incidents.c.id.not_in(revised_ids())


def earlier_chain(filters: Filters) -> CTE:
    """(record, earlier, depth): for each current record of the selection that
    revises another, the records it replaces, nearest first, followed through
    the selection's rows (as ``earlier_records`` of the filtered table)."""
    start_i, start_r = _heads("start")
    base = (
        select(
            start_i.c.id.label("record"),
            start_r.c.revises.label("earlier"),
            literal(1).label("depth"),
        )
        .select_from(_joined(start_i, start_r))
        .where(
            *matching(start_r, filters),
            start_r.c.revises.is_not(None),
            is_current(start_i),
        )
        .cte("earlier_chain", recursive=True)
    )
    step_i, step_r = _heads("step")
    return base.union_all(
        select(base.c.record, step_r.c.revises, base.c.depth + 1)
        .select_from(
            base.join(step_i, step_i.c.id == base.c.earlier).join(
                step_r, step_r.c.id == step_i.c.head_id
            )
        )
        .where(
            *matching(step_r, filters),
            step_r.c.revises.is_not(None),
            base.c.depth < MAX_CHAIN,
        )
    )


def _nearest(
    column: str, record: ColumnElement, chain: CTE, filters: Filters
) -> ScalarSelect:
    """The nearest earlier record's ``column`` (in the selection, reported) of
    the current record ``record``, as a scalar subquery."""
    old_i, old_r = _heads("old")
    return (
        select(old_r.c[column])
        .select_from(
            chain.join(old_i, old_i.c.id == chain.c.earlier).join(
                old_r, old_r.c.id == old_i.c.head_id
            )
        )
        .where(
            chain.c.record == record,
            old_r.c[column].is_not(None),
            *matching(old_r, filters),
        )
        .order_by(chain.c.depth)
        .limit(1)
        .scalar_subquery()
    )


def carried_counts(filters: Filters) -> CTE:
    """(record, a count per casualty field): for each current record of the
    selection that revises another (a few), the counts its earlier records
    give, nearest first, to stand in where its own are not reported."""
    chain = earlier_chain(filters)
    records = select(chain.c.record).distinct().subquery("revising")
    return (
        select(
            records.c.record,
            *(
                _nearest(column, records.c.record, chain, filters).label(column)
                for column in CASUALTY_FIELDS
            ),
        )
        .cte("carried")
        .prefix_with("MATERIALIZED")
    )  # once, not once per row


def latest_rows(
    filters: Filters,
    columns: Sequence[str] = STORED_COLUMNS,
    *,
    revising_only: bool = False,
) -> Select:
    """The current incidents of the selection with ``columns`` (stored column
    names; casualty counts carried forward, as ``latest_records`` does, from a
    small outer-joined table of the records that revise another), unordered.
    ``revising_only``: only those that revise another record (a few, found by
    the partial index on ``revises``). Built once per arguments: the statement
    (a recursive query and five subqueries) takes a tenth of a second to put
    together, and a page asks several of one selection."""
    return _latest_rows(filters, tuple(columns), revising_only)


@lru_cache(maxsize=128)
def _latest_rows(
    filters: Filters, columns: tuple[str, ...], revising_only: bool
) -> Select:
    incidents, revisions = _heads("cur")
    carried = carried_counts(filters)
    chosen = []
    for column in columns:
        if column == "id":
            # The head revision's own incident id: ordered by (date, id) along
            # the index on (date, incident_id), not sorted.
            chosen.append(revisions.c.incident_id.label("id"))
        elif column in CASUALTY_FIELDS:
            chosen.append(
                func.coalesce(revisions.c[column], carried.c[column]).label(column)
            )
        else:
            chosen.append(revisions.c[column].label(column))
    joined = _joined(incidents, revisions).outerjoin(
        carried, carried.c.record == incidents.c.id
    )
    revising = [revisions.c.revises.is_not(None)] if revising_only else []
    return (
        select(*chosen)
        .select_from(joined)
        .where(*matching(revisions, filters), is_current(incidents), *revising)
    )


@lru_cache(maxsize=128)
def counted_rows(
    filters: Filters,
    columns: tuple[str, ...],
    days: tuple[DateRange, ...],
    *,
    per_type: bool = False,
) -> Select | CompoundSelect:
    """The current incidents of the selection that revise no other record (as
    the kept counts count them; nothing carried, they have no earlier record)
    dated in one of ``days`` (instead of the selection's date range), with
    ``columns`` as stored.

    Shaped for the index on ``(target_type, date)`` that carries these columns
    (:data:`~components.store.schema.EDGE_COLUMNS`): one ``SELECT`` per range
    of days, so each is a range of the index (an ``OR`` of ranges is not, and
    was read as a bitmap of table rows), and no join to the identities (the
    planner answered it by reading every identity, or a lookup per row). A
    revision is its incident's head when it is the first and the incident was
    never revised (the store numbers an incident's revisions from 1 and its
    version is its head's number; the revised incidents are a few, by their
    partial index); a later one (a few) is looked up. Its incident id is its
    identity's (a head revision is one of its own incident's). With no target
    type chosen, the types of the counted incidents (``incident_kinds``: a few
    dozen) stand for every type, so the same index serves, a range per type.
    ``per_type`` (PostgreSQL: SQLite has no ``LATERAL``) asks those ranges
    one type at a time, a lateral subquery per type that the planner keeps
    apart (``OFFSET 0``): asked as one ``IN``, every type's rows of those days
    were read by the index on (date, lat, lon) and fetched from the table
    (at ten million, 2.3 s of a view's groups; 1.3 s one type at a time).
    """
    revisions = _REVISIONS.alias("plain_r")
    heads = _INCIDENTS.alias("plain_i")
    revised = select(_INCIDENTS.c.id).where(_INCIDENTS.c.version > 1)
    kinds = IncidentKind.__table__
    types = select(kinds.c.target_type).distinct()
    lateral = per_type and not filters.target_types
    every_type = (
        [] if filters.target_types or lateral else [revisions.c.target_type.in_(types)]
    )
    counted = [
        *matching(revisions, replace(filters, dates=None)),
        *every_type,
        revisions.c.revises.is_(None),
        or_(
            and_(revisions.c.number == 1, revisions.c.incident_id.not_in(revised)),
            exists().where(heads.c.head_id == revisions.c.id),
        ),
        revisions.c.incident_id.not_in(revised_ids()),
    ]
    chosen = [revisions.c[column].label(column) for column in columns]
    parts = [
        select(*chosen).where(*counted, revisions.c.date.between(*range_))
        for range_ in days
    ]
    if lateral:
        every = types.subquery("every_type")
        parts = [
            _of_each_type(
                every,
                part.where(revisions.c.target_type == every.c.target_type)
                .offset(0)
                .lateral(f"of_type_{i}"),
                columns,
            )
            for i, part in enumerate(parts)
        ]
    if len(parts) == 1:
        return parts[0]
    return union_all(*parts) if parts else select(*chosen).where(false())


def _of_each_type(types: Subquery, part: FromClause, columns: Sequence[str]) -> Select:
    """``part`` (a lateral subquery on one of ``types``) for each of them."""
    return select(*(part.c[c] for c in columns)).select_from(types.join(part, true()))


def first_day(
    connection: Connection, filters: Filters, *, after: object, last: bool = False
) -> object | None:
    """The first day (``last``: the last) of the selection's rows, revised
    ones too, on or after (before) the day ``after``: an index walk by date
    from there that stops at the first row of the selection."""
    incidents, revisions = _heads("day")
    day = revisions.c.date
    return connection.execute(
        select(day)
        .select_from(_joined(incidents, revisions))
        .where(*matching(revisions, filters), day <= after if last else day >= after)
        .order_by(day.desc() if last else day)
        .limit(1)
    ).scalar()


def revised_rows(filters: Filters, columns: Sequence[str]) -> Select:
    """The rows of the selection that a later record revises (what
    ``apply_filters`` keeps besides the current ones), with ``columns`` as
    stored: looked up by the few revised ids, not by reading every row."""
    incidents, revisions = _heads("sel")
    return (
        select(
            *(
                incidents.c.id.label("id")
                if column == "id"
                else revisions.c[column].label(column)
                for column in columns
            )
        )
        .select_from(_joined(incidents, revisions))
        .where(*matching(revisions, filters), incidents.c.id.in_(revised_ids()))
    )


def chain_rows(filters: Filters, records: Sequence[str]) -> Select:
    """The stored rows (as stored, nothing carried) of the earlier records that
    ``records`` (current ids) replace, within the selection."""
    chain = earlier_chain(filters)
    old_i, old_r = _heads("hist")
    columns = [
        old_i.c.id.label("id") if c == "id" else old_r.c[c].label(c)
        for c in STORED_COLUMNS
    ]
    return (
        select(*columns)
        .distinct()
        .select_from(
            chain.join(old_i, old_i.c.id == chain.c.earlier).join(
                old_r, old_r.c.id == old_i.c.head_id
            )
        )
        .where(
            chain.c.record.in_(list(records)) if records else false(),
            *matching(old_r, filters),
        )
    )


def any_of(rows: Subquery, keys: Sequence[dict[str, object]]) -> ColumnElement[bool]:
    """Rows (a subquery's columns) whose values equal one of ``keys``."""
    return or_(
        false(),
        *(
            and_(*(rows.c[name] == value for name, value in key.items()))
            for key in keys
        ),
    )
