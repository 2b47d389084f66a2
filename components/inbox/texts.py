"""A report's text and title from what arrives: plain text in any encoding,
an e-mail (``.eml``, stdlib ``email``), or an HTML page (trafilatura: the
article's text and its real title, without the page's menus and banners).

Everything here is bounded: a file or page over :data:`MAX_BYTES` is refused
before it is read whole, and a text over the report reader's limit is cut with a
note. What cannot be read is an :class:`~components.support.errors.InboxError`
naming the item and why.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import logging
from dataclasses import dataclass, field
from email.message import EmailMessage

import trafilatura

from components.report.reading import MAX_REPORT_CHARS, html_to_text
from components.support.errors import InboxError

logger = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
"""A file or page larger than this is not read (news articles are far smaller;
a 50 MB page is not one)."""
MIN_ARTICLE_CHARS = 200
"""An HTML page whose article text is shorter than this is not an article (a
front page, a login form, an error page)."""


@dataclass(frozen=True)
class Arrived:
    """What one item says, ready to queue."""

    text: str
    title: str = ""
    published: dt.date | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    """What the reader should know: the encoding guessed, attachments left."""


def decode(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """Text from bytes: UTF-8 (with or without its mark), UTF-16 by its mark,
    else Windows-1252 with a note saying so. Bytes with NULs and no UTF-16 mark
    are not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), ("read as UTF-16",)
    if b"\x00" in data[:65536]:
        raise InboxError(f"{name}: not text (it holds NUL bytes)")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as error:
        where = error.start
    text = data.decode("cp1252", errors="replace")
    note = (
        f"not UTF-8 (byte {where:,} is not); read as Windows-1252: check accented "
        "letters"
    )
    logger.warning("%s: %s", name, note)
    return text, (note,)


def bounded(text: str, name: str) -> tuple[str, tuple[str, ...]]:
    """The text, cut to what the report reader reads, with a note if cut."""
    if len(text) <= MAX_REPORT_CHARS:
        return text, ()
    note = (
        f"{len(text):,} characters; the first {MAX_REPORT_CHARS:,} were read "
        "(the report reader's limit)"
    )
    logger.warning("%s: %s", name, note)
    return text[:MAX_REPORT_CHARS], (note,)


def from_html(markup: str, name: str) -> Arrived:
    """The article in an HTML page: its text and its own title (the headline,
    not the site's banner). A page with no article is an InboxError."""
    try:
        document = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False
        )
    except Exception as error:  # a library's parse failure
        raise InboxError(f"{name}: the page cannot be read ({error})") from None
    text = (getattr(document, "text", None) or "").strip() if document else ""
    if len(text) < MIN_ARTICLE_CHARS:
        raise InboxError(
            f"{name}: not an article (no article text found, {len(text)} "
            "characters); skipped"
        )
    title = (getattr(document, "title", None) or "").strip()
    published = _iso_date(getattr(document, "date", None))
    text, notes = bounded(text, name)
    return Arrived(text, title, published, notes)


def _iso_date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None


def from_email(data: bytes, name: str) -> Arrived:
    """An e-mail's subject, date and body (plain text, else its HTML's text);
    attachments are not read, and the note names them."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage):  # pragma: no cover - policy.default
        raise InboxError(f"{name}: not an e-mail message")
    title = str(message.get("subject", "") or "").strip()
    published = None
    try:
        sent = message.get("date")
        published = sent.datetime.date() if sent and sent.datetime else None
    except (TypeError, ValueError, AttributeError):
        published = None
    attachments = [
        part.get_filename() or part.get_content_type()
        for part in message.iter_attachments()
    ]
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise InboxError(f"{name}: the e-mail has no text body")
    try:
        content = body.get_content()
    except (LookupError, UnicodeError) as error:  # an unknown charset
        payload = body.get_payload(decode=True)
        raw = payload if isinstance(payload, bytes) else b""
        content = raw.decode("cp1252", errors="replace")
        logger.warning("%s: %s; read as Windows-1252", name, error)
    if isinstance(content, bytes):
        content, _ = decode(content, name)
    text = html_to_text(content) if body.get_content_type() == "text/html" else content
    notes: list[str] = []
    if attachments:
        shown = ", ".join(attachments[:5]) + (" ..." if len(attachments) > 5 else "")
        notes.append(f"{len(attachments)} attachment(s) not read: {shown}")
        logger.info("%s: %s", name, notes[-1])
    text, cut = bounded(text, name)
    return Arrived(text, title, published, (*notes, *cut))


def from_file_bytes(data: bytes, name: str) -> Arrived:
    """A watched file's report by its kind (``.eml``, ``.html``/``.htm``, else
    text)."""
    lower = name.lower()
    if lower.endswith(".eml"):
        return from_email(data, name)
    text, notes = decode(data, name)
    if lower.endswith((".html", ".htm")):
        found = from_html(text, name)
        return Arrived(found.text, found.title, found.published, (*notes, *found.notes))
    text, cut = bounded(text, name)
    if not text.strip():
        raise InboxError(f"{name}: the file is empty")
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return Arrived(text, title[:200], None, (*notes, *cut))
