"""A report's text as paragraphs, sentences and clauses, each with its offset.

Offsets always point into the original text: typographic quotes, dashes and
spaces are read as their ASCII forms one character for one (:func:`plain`), so a
span found in the plain copy quotes the original exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from components.report.vocabulary.outcomes import INJURED_VERBS, KILLED_VERBS
from components.report.vocabulary.people import SINGULAR_PEOPLE
from components.report.vocabulary.text import ABBREVIATIONS

_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)


def plain(text: str) -> str:
    """Typographic quotes, dashes and spaces as ASCII, one character for one."""
    return text.translate(_PLAIN)


_PAGE_FURNITURE = re.compile(
    r"^[ \t]*(?:read more|also read|read also|related|see also|more on this|"
    r"photo(?: caption)?|caption|file photo|image|picture)\s*:[^\n]*",
    re.IGNORECASE | re.MULTILINE,
)
"""A line that links to another story ('Read more: ...') or captions a photo
('Photo caption: ...'): the page's, not the report's words."""


def without_page_furniture(text: str) -> str:
    """``text`` with links to other stories and photo captions as spaces, so
    that every offset stays."""
    return _PAGE_FURNITURE.sub(lambda m: " " * len(m.group()), text)


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the text: ``text`` is ``plain(original)[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence(Span):
    paragraph: int
    """0 for the first paragraph (line) of the text."""
    first_in_paragraph: bool


def reads_as_headline(sentence: Sentence) -> bool:
    """Whether a report's first line reads as a headline: short, with no full
    stop at its end."""
    line = sentence.text.strip()
    return (
        sentence.paragraph == 0
        and len(line) <= 150
        and len(line.split()) <= 25
        and not line.endswith((".", ";", ":"))
        and "\n" not in line
    )


def prose_paragraph(found: Sequence[Sentence]) -> int:
    """The paragraph a report's prose begins at: after the short lines above it
    that end in no full stop (a headline, a date, a byline, the agency's name:
    'Agencia de Informacao de Mocambique (Maputo)') and the photo captions, at
    most the seventh."""
    captions = set()
    for sentence in found:
        line = sentence.text.strip()
        if sentence.paragraph > 6:
            break
        if sentence.first_in_paragraph and _CAPTION.match(line):
            captions.add(sentence.paragraph)
        if sentence.paragraph in captions:
            continue
        if not (
            sentence.first_in_paragraph
            and len(line.split()) <= 12
            and not line.endswith((".", ";", ":", "!", "?"))
        ):
            return sentence.paragraph
    return 0


_CAPTION = re.compile(
    r"^\(?\s*(?:file\s+)?(?:photo|picture|image)(?:\s+caption)?\s*[:(]", re.IGNORECASE
)
"""A photo's caption above the story ('(Photo: a Somali insurgent ...)', 'Photo
caption: ...'): not where its prose begins."""


_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])")


MAX_SENTENCE = 1_000
"""No sentence is read as longer: a run-on line is cut into pieces of at most this
many characters (at a comma or a space where it can), so the work on a sentence is
bounded whatever the text."""


def paragraphs(text: str) -> Iterator[Span]:
    """Each non-blank line; reports pasted from web pages put a paragraph a line."""
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            yield Span(match.start(), match.end(), match.group())


def _pieces(offset: int, piece: str) -> Iterator[tuple[int, str]]:
    """``piece`` cut into parts of at most :data:`MAX_SENTENCE` characters, at the
    last comma or space before the limit where there is one."""
    while len(piece) > MAX_SENTENCE:
        window = piece[:MAX_SENTENCE]
        cut = max(window.rfind(", "), window.rfind("; "))
        if cut < MAX_SENTENCE // 2:
            cut = window.rfind(" ")
        cut = cut + 1 if cut >= MAX_SENTENCE // 2 else MAX_SENTENCE
        yield offset, piece[:cut]
        offset, piece = offset + cut, piece[cut:]
    yield offset, piece


def sentences(text: str) -> Iterator[Sentence]:
    """The sentences of ``text`` (a plain copy), in order, paragraph by paragraph.

    A full stop after an abbreviation (``Mr.``, ``Lt. Col.``), an initial or a
    number (``No. 5``) does not end a sentence.
    """
    for number, paragraph in enumerate(paragraphs(text)):
        start = 0
        body = paragraph.text
        first = True
        for match in _SENTENCE_END.finditer(body):
            word = re.search(r"(\w+)\W*$", body[start : match.start() + 1])
            token = word.group(1).lower() if word else ""
            if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            for offset, piece in _pieces(start, body[start : match.end()]):
                if piece.strip():
                    yield _sentence(paragraph.start + offset, piece, number, first)
                    first = False
            start = match.end()
        for offset, piece in _pieces(start, body[start:]):
            if piece.strip():
                yield _sentence(paragraph.start + offset, piece, number, first)
                first = False


def _sentence(offset: int, piece: str, paragraph: int, first: bool) -> Sentence:
    stripped = piece.lstrip(" \t-*\u2022")
    offset += len(piece) - len(stripped)
    stripped = stripped.rstrip()
    return Sentence(offset, offset + len(stripped), stripped, paragraph, first)


_CLAUSE_BREAK = re.compile(
    r"\s*;\s*"
    r"|,?\s+while\s+(?=\w)(?!\w+ing\b)(?!(?:another|one other)\s+(?:was|is|has|had|"
    r"later|sustained|suffered|received|got)\b)"
    r"|,?\s+whereas\s+"
    r"|,\s+and\s+(?=(?:a|an|the|another(?!\s+(?:was|is|has|had|later)\b)|in|at|"
    r"two|three|four|five|\d+)\b)"
    r"|,\s+(?=(?:meanwhile|separately|elsewhere|in another|in a separate)\b)",
    re.IGNORECASE,
)


LIST_GOES_ON = re.compile(r"^\s*(?:,|and\b|or\b)")
"""After a name, the words that go on with a list ('Turbat, Panjgur and Gwadar')."""
NAME_FOLLOWS = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?-i:[A-Z])")
"""After a name, another name of the same list ('Gwadabawa and Tangaza', 'Barin
Zare, Sabon Gari'): the first is not the one place, nor the wider place of the
name before it."""

THE_HURT_WERE = re.compile(
    r"(?:^|,)\s*(?:among\s+)?(?:the|those)\s+(dead|deceased|slain|martyred|killed|"
    r"injured|wounded)\s+(?:were|are|included|include)\b",
    re.IGNORECASE,
)
"""'The dead were four policemen, two soldiers and two civilians', 'According to
the source, those killed were ...': who the toll counts, named by side (a list
that ', and five of the militants' goes on, not a new clause)."""


_ELLIPTIC_TAIL = re.compile(
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty)\s+"
    r"(?:more\s+|others?\s+)?(?:wounded|injured|hurt)\W*$",
    re.IGNORECASE,
)
"""', and 17 wounded.' ending a sentence: no clause of its own, but the rest of
the one before (its people, wounded)."""


_GAPPED_TAIL = re.compile(
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen)\s+(?:at|in)\s+"
    r"(?:the\s+)?(?-i:[A-Z])",
    re.IGNORECASE,
)
"""', and five at Magami': the last count of a tally by place, its verb left out."""


_OPENING_CLAUSE = re.compile(
    r"^(?:while|whereas|although|though)\s+(?!\w+ing\b)[^,;]{3,120}?,\s*",
    re.IGNORECASE,
)
"""'While the situation in Upper Dir was still unsettled, fighting broke out in
Lower Dir': the opening clause says where things stood, not where it happened."""


def clauses(sentence: Span) -> list[Span]:
    """The clauses of a sentence: parts that can describe separate incidents,
    split at semicolons, 'while', 'whereas' and ', and a ...', and after an
    opening 'While ...,' clause. 'While fighting' (while and a gerund) goes on
    with the same clause."""
    parts = []
    start = 0
    opening = _OPENING_CLAUSE.match(sentence.text)
    if opening:
        parts.append(_piece(sentence, 0, len(opening.group().rstrip(", "))))
        start = opening.end()
    for match in _CLAUSE_BREAK.finditer(sentence.text, start):
        if match.group().lstrip().startswith(",") and THE_HURT_WERE.search(
            sentence.text, start, match.start()
        ):
            continue  # 'the dead were four policemen, ..., and two civilians'
        if _ELLIPTIC_TAIL.match(sentence.text, match.end()):
            continue  # '... the 23 soldiers who fell, and 17 wounded.'
        if _GAPPED_TAIL.match(sentence.text, match.end()):
            continue  # 'six were killed at Raka, four at Gawa, and five at Magami'
        if _list_before_its_verb(sentence.text, start, match):
            continue  # 'two soldiers, Naik Saeed and Sepoy Javed, and a police
            # officer were martyred': one list, one verb
        if match.start() > start:
            parts.append(_piece(sentence, start, match.start()))
        start = match.end()
    if start < len(sentence.text):
        parts.append(_piece(sentence, start, len(sentence.text)))
    return [part for part in parts if part.text.strip()] or [sentence]


_A_COUNT = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s",
    re.IGNORECASE,
)
_A_PERSON = re.compile(
    r"\b(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:"
    + "|".join(SINGULAR_PEOPLE)
    + r")\b",
    re.IGNORECASE,
)
"""'A colonel', 'his wife', 'their eight-year-old son': one person counted."""
_OUTCOME = re.compile(rf"\b(?:{KILLED_VERBS}|{INJURED_VERBS})\b", re.IGNORECASE)


def _list_before_its_verb(text: str, start: int, match: re.Match[str]) -> bool:
    """', and ...' inside a list of counted people whose verb comes after it: the
    words before hold a count and no outcome, the words after (to the next
    comma-and) hold the outcome."""
    if not match.group().lstrip().startswith(","):
        return False
    before = text[start : match.start()]
    after = text[match.end() :]
    cut = after.find(", and ")
    after = after if cut < 0 else after[:cut]
    counted = (_A_COUNT.search(before) or _A_PERSON.search(before)) and not (
        _OUTCOME.search(before)
    )
    return bool(counted and _OUTCOME.search(after))


def _piece(sentence: Span, start: int, end: int) -> Span:
    return Span(sentence.start + start, sentence.start + end, sentence.text[start:end])
