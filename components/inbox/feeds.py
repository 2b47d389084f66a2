"""The team's RSS and Atom feeds: each new item's article is fetched, read
(trafilatura: its text and its real title) and queued once, by its address.

Bounded: a feed is read up to :data:`MAX_FEED_BYTES` (the newest items come
first), an article up to :data:`~components.inbox.texts.MAX_BYTES`, each request
within :data:`TIMEOUT_S`; at most :data:`MAX_NEW_PER_POLL` new articles are
fetched a poll and the rest the next. A feed that cannot be fetched or parsed,
and a page that is not an article, are logged and set aside with a line in the
queue; the worker goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Sequence
from pathlib import Path

import feedparser
import httpx

from components.inbox.texts import MAX_BYTES, decode, from_html
from components.store.queue import Queue
from components.support.errors import InboxError

logger = logging.getLogger(__name__)

MAX_FEED_BYTES = 1024 * 1024
"""The part of a feed that is read: a news feed of a hundred items is some
hundreds of kilobytes; feedparser reads a well-formed megabyte in about 4 s
(and a broken one, in its loose mode, some ten times slower: so a feed cut at
this size is closed after its last whole item first)."""
MAX_ITEMS = 1_000
"""Items of a feed that are read (the newest come first; feedparser takes about
1 ms an item)."""
CLOSERS = ((b"</item>", b"</channel></rss>"), (b"</entry>", b"</feed>"))


def shortened(data: bytes, cut_short: bool, max_items: int = MAX_ITEMS) -> bytes:
    """The feed up to its ``max_items``-th item, or (cut short at the byte
    limit) its last whole one, then closed with the closing tags of its kind
    (RSS 2.0 or Atom) so the strict parser reads it; unchanged otherwise."""
    for end, closing in CLOSERS:
        position, count = -1, 0
        while count < max_items:
            found = data.find(end, position + 1)
            if found == -1:
                break
            position, count = found, count + 1
        if count == max_items and data.find(end, position + 1) != -1:
            return data[: position + len(end)] + closing
        if cut_short and position != -1:
            return data[: position + len(end)] + closing
    return data


MAX_NEW_PER_POLL = 50
TIMEOUT_S = 20.0
USER_AGENT = "incident-map inbox"


def feed_list(path: Path) -> list[str]:
    """The feeds a file lists: one address a line; blank lines and ``#``
    comments skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InboxError(f"{path}: the feed list cannot be read ({error})") from None
    return [
        line.strip()
        for line in lines
        if line.strip() and not line.strip().startswith("#")
    ]


def fetch(client: httpx.Client, url: str, limit: int) -> tuple[bytes, bool]:
    """Up to ``limit`` bytes from ``url``, and whether there was more."""
    data = bytearray()
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise InboxError(f"{url}: the server answered {response.status_code}")
            for chunk in response.iter_bytes():
                data.extend(chunk)
                if len(data) > limit:
                    return bytes(data[:limit]), True
    except httpx.HTTPError as error:
        raise InboxError(
            f"{url}: cannot be fetched ({type(error).__name__}: {error})"
        ) from None
    return bytes(data), False


def client() -> httpx.Client:
    return httpx.Client(
        timeout=TIMEOUT_S,
        follow_redirects=True,
        headers={"User-Agent": USER_AGENT},
    )


def _set_aside(queue: Queue, url: str, note: str, content: bytes = b"") -> None:
    """A feed's problem, in the queue once per feed and content."""
    digest = hashlib.sha256(content or note.encode()).hexdigest()[:16]
    queue.enqueue(
        origin="feed", location=url, note=note, failed=True, key=f"feed:{url}:{digest}"
    )


def poll(
    url: str,
    queue: Queue,
    http: httpx.Client,
    max_new: int = MAX_NEW_PER_POLL,
) -> int:
    """Queue the new articles of one feed; how many were queued."""
    try:
        data, more = fetch(http, url, MAX_FEED_BYTES)
    except InboxError as error:
        logger.warning("feed skipped: %s", error)
        _set_aside(queue, url, f"feed skipped: {error}")
        return 0
    short = shortened(data, more)
    parsed = feedparser.parse(short)
    entries = list(parsed.entries)
    if more or short is not data:
        note = (
            f"{url}: the feed is over {MAX_FEED_BYTES // 1024 // 1024} MB or "
            f"{MAX_ITEMS:,} items; its first {len(entries):,} items (the newest) "
            "are read, the rest not"
        )
        logger.warning("%s", note)
        _set_aside(queue, url, note, b"over the limit")
    links = [str(e.get("link") or "").strip() for e in entries]
    broken = getattr(parsed, "bozo_exception", None)
    if not any(links):
        reason = broken or "no items with an address"
        note = f"{url}: not a feed that can be read ({reason}); skipped"
        logger.warning("feed skipped: %s", note)
        _set_aside(queue, url, note, data[:65536])
        return 0
    if broken and not more:
        logger.warning("%s: the feed has errors (%s); its items are read", url, broken)
    seen = queue.seen_urls([link for link in links if link])
    new = [(e, link) for e, link in zip(entries, links, strict=True) if link]
    new = [(e, link) for e, link in new if link not in seen]
    new = list({link: (e, link) for e, link in new}.values())  # once each
    if len(new) > max_new:
        logger.info(
            "%s: %d new items; %d read this poll, the rest at the next",
            url,
            len(new),
            max_new,
        )
    queued = 0
    for entry, link in new[:max_new]:
        queued += article(entry, link, queue, http)
    logger.info("%s: %d new item(s) queued", url, queued)
    return queued


def article(entry, link: str, queue: Queue, http: httpx.Client) -> int:
    """Fetch, read and queue one item's article (1), or set it aside (0)."""
    title = str(entry.get("title") or "").strip()
    try:
        data, more = fetch(http, link, MAX_BYTES)
        if more:
            raise InboxError(
                f"{link}: the page is over {MAX_BYTES // 1024 // 1024} MB: not read"
            )
        markup, notes = decode(data, link)
        found = from_html(markup, link)
    except InboxError as error:
        logger.warning("item skipped: %s", error)
        queue.enqueue(
            origin="feed",
            location=link,
            url=link,
            title=title,
            note=str(error),
            failed=True,
        )
        return 0
    item = queue.enqueue(
        origin="feed",
        location=link,
        url=link,
        text=found.text,
        title=found.title or title,
        published=found.published or _entry_date(entry),
        note="; ".join((*notes, *found.notes)),
    )
    return 0 if item is None else 1


def _entry_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def poll_all(urls: Sequence[str], queue: Queue) -> int:
    """Poll every feed; one feed's failure never stops the others."""
    queued = 0
    with client() as http:
        for url in urls:
            try:
                queued += poll(url, queue, http)
            except Exception:  # one feed never stops the worker
                logger.exception("feed %s: unexpected failure; skipped", url)
    return queued
