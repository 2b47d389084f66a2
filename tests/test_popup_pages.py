"""A popup's incidents, a page at a time, as the app serves them."""

from __future__ import annotations

import gc

import httpx
import numpy as np
import pytest
from starlette.applications import Starlette
from starlette.routing import Route

from components.domain.table import latest_records
from components.map.payload.groups import point_groups
from components.map.payload.pages import (
    PAGE_SIZE,
    FrameSource,
    GoneError,
    PopupPages,
)
from components.map.payload.popups import popup_incidents
from components.ui import popup_route
from tests.harness.own_loop import run_on_own_loop
from tests.test_payload import on_towns


@pytest.fixture
def served():
    """A table of 3,000 incidents on five towns, its groups served."""
    latest = latest_records(on_towns(3_000, towns=5))
    groups = point_groups(latest)
    pages = PopupPages()
    token = pages.token("content", "selection")
    pages.register(token, FrameSource(latest, {}), groups)
    return pages, token, latest, groups


def test_a_page_holds_the_groups_incidents_in_date_order(served):
    pages, token, latest, groups = served
    biggest = int(groups["count"].idxmax())
    first = pages.page(token, [biggest], 0)
    assert first["total"] == groups["count"].iloc[biggest]
    assert len(first["incidents"]) == PAGE_SIZE
    group = groups.iloc[biggest]
    rows = latest[
        (latest["lat"] == group.lat)
        & (latest["lon"] == group.lon)
        & (latest["target_type"] == group.target_type)
    ]
    second = pages.page(token, [biggest], PAGE_SIZE)
    assert second["start"] == PAGE_SIZE
    shown = [i["counts"] for i in first["incidents"] + second["incidents"]]
    expected = (
        rows[["killed_civilians", "killed_security", "killed_attackers"]]
        .astype("Int64")
        .fillna(-1)
        .to_numpy(dtype=np.int64)[: 2 * PAGE_SIZE]
        .tolist()
    )
    assert [counts[:3] for counts in shown] == expected
    assert first["deaths"] == group.deaths


def test_a_page_of_several_groups_counts_them_all(served):
    pages, token, _, groups = served
    page = pages.page(token, [0, 1, 2], 0)
    assert page["total"] == groups["count"].iloc[:3].sum()


def test_the_last_page_is_short_and_past_the_end_is_empty(served):
    pages, token, _, groups = served
    total = int(groups["count"].iloc[0])
    last = pages.page(token, [0], total - 3)
    assert len(last["incidents"]) == 3
    assert pages.page(token, [0], total + 5)["incidents"] == []


def test_an_unknown_token_or_group_is_refused(served):
    pages, token, _, groups = served
    with pytest.raises(GoneError):
        pages.page("not-a-token", [0], 0)
    for numbers in ([], [len(groups)], [-1], list(range(65))):
        with pytest.raises(ValueError, match="group"):
            pages.page(token, numbers, 0)
    with pytest.raises(ValueError, match="from incident 0"):
        pages.page(token, [0], -1)


def test_a_payloads_groups_are_given_by_its_token(served):
    pages, token, _, groups = served
    shown = pages.groups(token)
    assert shown["count"].tolist() == groups["count"].tolist()
    assert shown[["lat", "lon"]].equals(groups[["lat", "lon"]])
    with pytest.raises(GoneError):
        pages.groups("not-a-token")


def test_a_table_the_page_let_go_is_gone():
    latest = latest_records(on_towns(200, towns=2))
    pages = PopupPages()
    token = pages.token("content", "selection")
    pages.register(token, FrameSource(latest, {}), point_groups(latest))
    assert pages.page(token, [0], 0)["total"] > 0
    del latest
    gc.collect()
    with pytest.raises(GoneError):
        pages.page(token, [0], 0)


def test_tokens_are_the_payloads_own_and_not_to_be_guessed(served):
    pages, token, latest, _ = served
    assert pages.token("content", "selection") == token
    assert pages.token("other content", latest) != token
    assert pages.token("content", latest.copy()) != token
    assert PopupPages().token("content", latest) != token
    assert len(token) == 32


def test_only_the_latest_payloads_are_kept(served):
    _, _, latest, groups = served
    pages = PopupPages(kept=2)
    tokens = [pages.token(str(n), "selection") for n in range(3)]
    for token in tokens:
        pages.register(token, FrameSource(latest, {}), groups)
    with pytest.raises(GoneError):
        pages.page(tokens[0], [0], 0)
    assert pages.page(tokens[2], [0], 0)["total"] > 0


def test_an_incidents_text_is_given_as_it_is(hostile_frame):
    incidents = popup_incidents(latest_records(hostile_frame), {})
    texts = [value for i in incidents for _, value in i["lines"]]
    assert any("<" in text for text in texts)  # data, set as text by the script
    assert all(len(i["counts"]) == 5 for i in incidents)


def test_the_route_answers_a_page_and_says_when_the_map_is_gone(served, monkeypatch):
    pages, token, _, groups = served
    monkeypatch.setattr(popup_route, "POPUPS", pages)
    app = Starlette(routes=[Route(popup_route.ROUTE, popup_route._serve)])

    def get(**params: str) -> httpx.Response:
        async def ask() -> httpx.Response:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://app"
            ) as client:
                return await client.get(popup_route.ROUTE, params=params)

        return run_on_own_loop(ask())

    answer = get(source=token, groups="0,1")
    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "no-store"
    assert answer.json()["total"] == groups["count"].iloc[:2].sum()
    gone = get(source="x", groups="0")
    assert (gone.status_code, gone.json()) == (404, {"error": "gone"})
    assert get(source=token, groups="a").status_code == 400
    assert get(source=token, groups="").status_code == 400
