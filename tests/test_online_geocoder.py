"""The online fallback, against a fake Nominatim on localhost (never the internet)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from geopy.geocoders import Nominatim

from components.domain.vocabularies import GeoPrecision
from components.gazetteer.online import (
    USER_AGENT_VARIABLE,
    OnlineFallback,
    configured_fallback,
)

TUMP = [
    {
        "place_id": 1,
        "osm_type": "node",
        "osm_id": 123,
        "lat": "26.1",
        "lon": "62.4",
        "name": "Tump",
        "display_name": "Tump, Kech District, Balochistan, Pakistan",
        "addresstype": "town",
        "address": {"town": "Tump", "state": "Balochistan", "country_code": "pk"},
    }
]


class FakeNominatim(BaseHTTPRequestHandler):
    """Answers /search like Nominatim; ``mode`` says how."""

    mode = "ok"
    requests: list[dict] = []  # noqa: RUF012 - shared on purpose, reset per test

    def do_GET(self) -> None:
        query = parse_qs(urlparse(self.path).query)
        type(self).requests.append(
            {**query, "q": query.get("q", [""])[0], "agent": self.headers["User-Agent"]}
        )
        if self.mode == "slow":
            time.sleep(1.0)
        if self.mode in ("error", "refused"):
            self.send_response(500 if self.mode == "error" else 403)
            self.end_headers()
            return
        body = json.dumps(TUMP if query.get("q") == ["Tump"] else []).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    FakeNominatim.mode = "ok"
    FakeNominatim.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    # It checks for shutdown every poll_interval: 0.5 s by default, per test.
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def fallback(gazetteer, domain: str, cache: Path, timeout: float = 2) -> OnlineFallback:
    geocoder = Nominatim(
        domain=domain, scheme="http", user_agent="incident-map-tests", timeout=timeout
    )
    return OnlineFallback(gazetteer, geocoder, cache, min_delay_seconds=0)


def test_offline_answers_never_ask_the_server(gazetteer, server, tmp_path):
    online = fallback(gazetteer, server, tmp_path / "cache.json")
    assert online.match("Noshki").kind == "alias"
    assert online.match("Mastng").kind == "fuzzy"
    assert FakeNominatim.requests == []


def test_a_miss_is_asked_online_and_cached(gazetteer, server, tmp_path):
    cache = tmp_path / "cache.json"
    found = fallback(gazetteer, server, cache).match("Tump")
    assert (found.kind, found.place.name) == ("online", "Tump")
    assert found.place.point == (26.1, 62.4)
    assert found.precision == GeoPrecision.TOWN
    assert found.place.geonames_id is None
    assert "Nominatim node 123" in found.place.coordinates_source
    (request,) = FakeNominatim.requests
    assert request["agent"] == "incident-map-tests"
    assert request["countrycodes"] == ["pk,af,ir"]
    # A new process reads the cache: no second request.
    again = fallback(gazetteer, server, cache).match("tump")
    assert again.place == found.place
    assert len(FakeNominatim.requests) == 1


def test_an_online_miss_is_cached_too(gazetteer, server, tmp_path):
    online = fallback(gazetteer, server, tmp_path / "cache.json")
    assert online.match("Atlantis").kind == "miss"
    assert online.match("Atlantis").kind == "miss"
    assert len(FakeNominatim.requests) == 1


@pytest.mark.parametrize(
    ("mode", "error"),
    [("error", "500"), ("refused", "403"), ("slow", "timed out")],
)
def test_outage_gives_the_offline_answer_and_a_warning(
    gazetteer, server, tmp_path, mode, error
):
    FakeNominatim.mode = mode
    cache = tmp_path / "cache.json"
    online = fallback(gazetteer, server, cache, timeout=0.3)
    found = online.match("Tump")
    assert found.kind == "miss"
    assert "online geocoder did not answer" in found.warning
    assert error in found.warning.lower()
    assert not cache.exists(), "a failure is not cached"
    assert online.match("Noshki").kind == "alias", "offline answers still come"
    again = online.match("Buleda")
    assert (again.kind, again.warning) == ("miss", found.warning)
    asked = {request["q"] for request in FakeNominatim.requests}
    assert asked == {"Tump"}, "not asked again after a failure"


def test_server_that_is_down_gives_a_warning(gazetteer, tmp_path):
    found = fallback(gazetteer, "127.0.0.1:9", tmp_path / "c.json").match("Tump")
    assert found.kind == "miss"
    assert found.warning


def test_rate_limiter_waits_between_requests(gazetteer, server, tmp_path):
    geocoder = Nominatim(domain=server, scheme="http", user_agent="t", timeout=2)
    online = OnlineFallback(
        gazetteer, geocoder, tmp_path / "c.json", min_delay_seconds=0.3
    )
    started = time.monotonic()
    online.match("Atlantis")
    online.match("Lemuria")
    assert time.monotonic() - started >= 0.3


@pytest.mark.parametrize("agent", ["", "   "])
def test_off_unless_a_user_agent_is_configured(gazetteer, agent):
    assert configured_fallback(gazetteer, {USER_AGENT_VARIABLE: agent}) is None
    assert configured_fallback(gazetteer, {}) is None


def test_configured_from_the_environment(gazetteer, server, tmp_path):
    environ = {
        USER_AGENT_VARIABLE: "briefing-room-7",
        "INCIDENT_MAP_NOMINATIM_DOMAIN": server,
        "INCIDENT_MAP_NOMINATIM_SCHEME": "http",
        "INCIDENT_MAP_NOMINATIM_CACHE": str(tmp_path / "c.json"),
    }
    online = configured_fallback(gazetteer, environ)
    assert online.match("Tump").kind == "online"
    assert FakeNominatim.requests[0]["agent"] == "briefing-room-7"


def test_corrupt_cache_is_ignored(gazetteer, server, tmp_path):
    cache = tmp_path / "c.json"
    cache.write_text("{not json")
    assert fallback(gazetteer, server, cache).match("Tump").kind == "online"
    assert json.loads(cache.read_text())["tump"]["name"] == "Tump"
