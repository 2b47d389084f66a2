"""Time per file on a keep-alive connection to the dashboard, before and after
its first page run.

Usage: python -m bench.keep_alive [REQUESTS]   (default 40)

Starts the dashboard on the shipped data on a free localhost port, asks for one
of Streamlit's small script files ``REQUESTS`` times over one keep-alive HTTP
connection, and prints the median and slowest seconds per request: first as the
server starts (Streamlit's own sockets), then after one visit in headless
Chromium has run the page, which sets TCP_NODELAY on the server's sockets
(``components/support/server_sockets.py``). A first visit loads well over a hundred such
files, six at a time.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import statistics
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

from bench.browser import first_drawn
from tests.harness.app_server import ROOT, running_app


def small_script(url: str) -> str:
    """The path of the smallest script the page's HTML loads at once."""
    with urllib.request.urlopen(url, timeout=10) as response:
        html = response.read().decode("utf-8")
    paths = re.findall(r'(/static/js/[^"]+\.js)', html)
    sizes = {}
    for path in paths:
        with urllib.request.urlopen(url + path, timeout=10) as response:
            sizes[path] = len(response.read())
    return min(sizes, key=sizes.get)


def per_request(url: str, path: str, requests: int) -> list[float]:
    """Seconds for each of ``requests`` GETs of ``path`` on one connection."""
    address = urlparse(url)
    connection = http.client.HTTPConnection(address.hostname, address.port)
    times = []
    try:
        for _ in range(requests):
            started = time.perf_counter()
            connection.request("GET", path)
            connection.getresponse().read()
            times.append(time.perf_counter() - started)
    finally:
        connection.close()
    return times[1:]  # the first opens the connection


def summary(times: list[float]) -> dict:
    return {
        "median_s": round(statistics.median(times), 4),
        "slowest_s": round(max(times), 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.keep_alive")
    parser.add_argument("requests", nargs="?", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        log = Path(scratch) / "server.log"
        with running_app(ROOT / "data", log) as url:
            path = small_script(url)
            before = summary(per_request(url, path, args.requests))
            first_drawn(url)  # a visit: the page's first run
            after = summary(per_request(url, path, args.requests))
    print(f"file: {path}, {args.requests} requests on one keep-alive connection")
    print(
        f"as the server starts:      median {before['median_s'] * 1000:.1f} ms, "
        f"slowest {before['slowest_s'] * 1000:.1f} ms"
    )
    print(
        f"after the page's first run: median {after['median_s'] * 1000:.1f} ms, "
        f"slowest {after['slowest_s'] * 1000:.1f} ms"
    )
    print(json.dumps({"file": path, "before": before, "after": after}))


if __name__ == "__main__":
    main()
