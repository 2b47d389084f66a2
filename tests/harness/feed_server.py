"""A local HTTP server for the inbox's feed tests: serves fixed pages (feeds,
articles, broken and huge ones) on 127.0.0.1, nothing else."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Pages = Mapping[str, tuple[str, bytes]]
"""Path -> (content type, body)."""


@contextlib.contextmanager
def serving(pages: Pages) -> Iterator[str]:
    """The server's base URL (``http://127.0.0.1:PORT``) while the block runs;
    ``hits`` counts the requests per path on the server object."""
    hits: dict[str, int] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits[self.path] = hits.get(self.path, 0) + 1
            page = pages.get(self.path)
            if page is None:
                self.send_error(404)
                return
            content_type, body = page
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # The client may stop reading: a capped download.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.hits = hits  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def article_html(headline: str, body: str) -> bytes:
    """A news page: a site banner and menus around the article."""
    return (
        "<!doctype html><html><head><title>Google search engine</title>"
        f'<meta property="og:title" content="{headline}"></head><body>'
        "<header><a href='/'>Google search engine</a> <nav>Home · World · "
        "Sport · Login</nav></header>"
        f"<article><h1>{headline}</h1>"
        + "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        + "</article><footer>© Example News. All rights reserved.</footer>"
        "</body></html>"
    ).encode()


def rss(items: list[tuple[str, str]], title: str = "Example wire") -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link>"
        "<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item>"
        for t, link in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"{entries}</channel></rss>"
    ).encode()


def atom(items: list[tuple[str, str]], title: str = "Example desk") -> bytes:
    entries = "".join(
        f'<entry><title>{t}</title><link href="{link}"/><id>{link}</id>'
        "<updated>2026-03-03T10:00:00Z</updated></entry>"
        for t, link in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>'
        f"<updated>2026-03-03T10:00:00Z</updated>{entries}</feed>"
    ).encode()
