"""Totals and their parts: "50 people, including 14 security personnel", "five
people, four of them fishermen", "three civilians, two children and a woman";
and counts of one side joined in one list, added up."""

from __future__ import annotations

import re

from components.report.counts import CountItem
from components.report.people import outcome_kind

OUTCOME_INSIDE = re.compile(r"\b(?:killed|dead|slain|injured|wounded|hurt)\b", re.I)


_PARTS = re.compile(
    r"^\s*(?:,|:|\s-|\()\s*(?:including|among them|among whom|of whom|comprising|"
    r"who included|which included|(?=\w))\s*",
    re.IGNORECASE,
)


LIST_JOIN = re.compile(
    r"^\s*(?:\([A-Za-z.]{1,10}\)\s*)?(?:,|and|,\s*and|as well as|along with)\s*$",
    re.I,
)
"""Words that join two counts of one list, perhaps after the first count's
abbreviation ('a Junior Commissioned Officer (JCO) and five jawans')."""
_NAMES_BETWEEN = re.compile(
    r"^\s*(?:,|\s(?:named|identified) as)\s*(?:(?-i:[A-Z])[\w.'()-]*(?:\s+"
    r"(?-i:[A-Z])[\w.'()-]*)*\s*(?:,|and)?\s*){1,4},?\s*(?:and\s+)?$",
    re.IGNORECASE,
)
"""'two security personnel, Naik Saeed and Sepoy Javed, and a police officer',
'a security official named as Sepoy Manzoor and a police constable': the names of
the people counted stand between two counts of one list."""


_UNIT_BETWEEN = re.compile(
    r"^\s+of\s+(?:the\s+)?(?:\d+\s+)?[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3}"
    r"(?:\s*\([A-Za-z.]{1,8}\))?\s*(?:,|and|,\s*and)\s*$",
    re.IGNORECASE,
)
"""'A colonel of the Assam Rifles, his wife and their son', 'eight jawans of the
district reserve guard (DRG) and a driver': the force the people counted belong
to stands between two counts of one list."""


def joined(gap: str) -> bool:
    """Whether the words between two counts join them in one list."""
    return bool(
        LIST_JOIN.match(gap) or _NAMES_BETWEEN.match(gap) or _UNIT_BETWEEN.match(gap)
    )


_SAID_AFTER = re.compile(
    r"(?:(?:were|was|are|have been|had been)\s+)?(?:\w+ly\s+)?(?:killed|dead|slain|"
    r"injured|wounded|hurt|martyred)\b|(?:(?:had|have|has)\s+)?(?:died|perished|lost "
    r"(?:their|his|her) li(?:fe|ves))\b",
    re.IGNORECASE,
)


def merge_lists(body: str, top: list[CountItem]) -> list[CountItem]:
    """'Five Chinese nationals and their Pakistani driver were killed', 'three
    labourers and three truck drivers': counts of one side and outcome joined in
    one list are one group of people, added up; so are counts of one side apart
    in the same list ('a colonel, his wife and their son, and four jawans')."""
    merged: list[CountItem] = []
    run: list[int] = []  # indexes in ``merged`` of the current list's groups
    previous: CountItem | None = None
    for index, item in enumerate(top):
        if previous is not None and _apposition(body, previous, item, top[index + 1 :]):
            if previous.side == "unspecified":
                previous.side = item.side  # 'the imam, an innocent civilian'
            continue
        if not (
            previous is not None
            and previous.outcome == item.outcome
            and joined(body[previous.tail : item.start])
        ):
            run = []
        previous = item
        same = next(
            (
                i
                for i in run
                if merged[i].side == item.side
                and not merged[i].parts
                and not item.parts
                and not item.gapped  # 'Gyadadde four, Barin Zare eight': by place
                and item.outcome is not None
            ),
            None,
        )
        if same is None:
            run.append(len(merged))
            merged.append(item)
            continue
        last = merged[same]
        merged[same] = CountItem(
            last.start,
            max(last.end, item.end),
            last.side,
            last.value + item.value,
            None,
            last.at_least or item.at_least,
            last.approximate or item.approximate,
            last.military or item.military,
            last.between,
            tail=max(last.tail, item.tail),
            outcome=last.outcome,
            secondary=last.secondary or item.secondary,
        )
    return merged


_DEFINITE_ONE = re.compile(
    r"^(?:the|his|her|their|its)\s+(?:[\w-]+'s\s+)?[\w-]+$", re.IGNORECASE
)
_INDEFINITE = re.compile(r"^an?\s", re.IGNORECASE)
_LIST_GOES_ON = re.compile(r"^\s*,?\s*(?:and|or|as well as|along with)\b", re.I)


def _apposition(
    body: str, one: CountItem, other: CountItem, following: list[CountItem]
) -> bool:
    """'killed the mosque's imam, an innocent civilian': the second count says
    who the first one person was, where nothing else is listed after it (not 'a
    policeman, a soldier and a civilian')."""
    after = body[other.end :]
    next_count = following[0].start - other.end if following else None
    return (
        one.value == other.value == 1
        and one.outcome == other.outcome
        and body[one.end : other.start].strip() == ","
        and bool(_DEFINITE_ONE.match(body[one.start : one.end]))
        and bool(_INDEFINITE.match(body[other.start : other.end]))
        and not _LIST_GOES_ON.match(after)
        and not (next_count is not None and re.match(r"^\s*,\s*$", after[:next_count]))
    )


def attach_parts(body: str, items: list[CountItem]) -> None:
    """'50 people, including 14 security personnel, ...': the 14 is part of the 50.
    Parts run on while joined by commas and 'and'."""
    ordered = sorted(items, key=lambda item: item.start)
    for index, total in enumerate(ordered):
        if total.part_of is not None:
            continue
        cursor = total.end
        if more := re.match(r"\s+more\b", body[cursor:]):
            cursor += more.end()  # 'wounding a dozen more, including two children'
        said = _SAID_AFTER.match(body[cursor:].lstrip())  # "11 people dead, incl"
        start = cursor
        if said:
            cursor += len(body[cursor:]) - len(body[cursor:].lstrip()) + said.end()
        colon = _COLON_LIST.match(body[total.end :])
        if colon:  # 'Five people died in the blast: Idrees, two ...'
            _attach_listed(body, total, total.end + colon.end(), ordered[index + 1 :])
            if total.parts:
                total.stated = outcome_kind(colon.group("said"))
                continue
        opened = _PARTS.match(body[cursor:])
        if not opened or not opened.group().strip(" ,(-"):
            dash = re.match(r"^\s*(?:-|\()\s*", body[cursor:])
            marked = _marked_part(body, cursor, total, ordered[index + 1 :])
            total.some_of = marked == "some"
            if not dash and not marked:
                continue
            opened = dash or re.match(r"^\s*,\s*", body[cursor:])
            if opened is None:
                continue
        if _SOME.search(opened.group()):
            total.some_of = True  # 'including two children': some of them
        cursor += opened.end()
        for part in ordered[index + 1 :]:
            gap = body[cursor : part.start]
            if gap.strip(" ,") and not joined(gap):
                break
            if re.search(r"\bothers\b", body[part.start : part.end], re.I):
                break  # "and nine others": more people, not some of them
            if (
                total.side != "unspecified"
                and part.side not in (total.side, "unspecified")
                and not _PART_MARK.search(body[part.start : part.end + 15])
            ):
                break  # 'eleven soldiers, one of them a captain, and a civilian'
            part.part_of = total
            total.parts.append(part)
            cursor = part.end
        if total.parts and said:
            total.stated = outcome_kind(said.group())
        elif said:
            cursor = start
        if total.parts:
            close = re.match(  # ', 16 of them volunteers fighting beside the army,'
                r"^(?:\s+\w+ing\b[^,;()]{0,60}?(?=,))?\s*(?:among (?:them|the dead|"
                r"the victims))?(?:\s*\([^()]{1,15}\))?\s*(?:,|-|\))?",
                body[cursor:],
            )
            total.tail = cursor + (close.end() if close else 0)


_COLON_LIST = re.compile(
    r"^[^.;:!?]{0,100}?\b(?P<said>killed|dead|died|slain|martyred|injured|wounded|"
    r"hurt)\b[^.;:!?]{0,60}?:\s*",
    re.IGNORECASE,
)
"""'Five people riding in the vehicle died on the spot in the blast: ...': a toll,
its verb, then a colon before the list of who they were."""
_LISTED_NAMES = re.compile(
    r"^\s*(?:(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z])[\w.'-]*){0,3}\s*,\s*){1,3}$",
    re.IGNORECASE,
)
"""'Idrees, ' before the first count of such a list: a person named, counted in
the total."""
_PARTICIPLE_JOIN = re.compile(
    r"^\s+\w+ing\b[^,;:]{0,40}?\s*(?:,\s*and|,|and)\s*$", re.IGNORECASE
)
"""'two men travelling with him and two police officers': what the people counted
were doing, between two counts of one list."""


def _attach_listed(
    body: str, total: CountItem, cursor: int, following: list[CountItem]
) -> None:
    """The counts of a list after a colon ('Idrees, two men travelling with him
    and two police officers') are parts of the toll before it, when they add up
    to no more than it."""
    parts: list[CountItem] = []
    for part in following:
        gap = body[cursor : part.start]
        first = not parts and (not gap.strip() or _LISTED_NAMES.match(gap))
        if not (first or (parts and (joined(gap) or _PARTICIPLE_JOIN.match(gap)))):
            break
        parts.append(part)
        cursor = part.end
    if len(parts) < 2 or sum(p.value for p in parts) > total.value:
        return
    for part in parts:
        part.part_of = total
    total.parts.extend(parts)
    total.tail = cursor


_SOME = re.compile(r"\b(?:including|among them|among whom|of whom)\b", re.I)
_PART_MARK = re.compile(r"\b(?:of (?:them|whom)|among (?:them|whom))\b", re.I)
_ABBREVIATION = re.compile(r"\s*\([^()]{1,15}\)")


def _marked_part(
    body: str, cursor: int, total: CountItem, following: list[CountItem]
) -> str:
    """'some' for a count right after a comma that says it is some of the total
    (', four of them fishermen', ', a policeman among them'); 'all' for counts
    after a comma that add up to the total ('three civilians, two children and a
    woman'); '' otherwise."""
    after = re.match(r"^\s*,\s*", body[cursor:])
    if after is None or not following or following[0].start != cursor + after.end():
        return ""
    part = following[0]
    aside = _ABBREVIATION.match(body, part.end)  # 'an assistant sub-inspector (ASI)'
    after_part = body[aside.end() if aside else part.end :][:15]
    if _PART_MARK.search(body[part.start : part.end] + after_part):
        return "some"
    listed, end = [part], part.end
    for other in following[1:]:
        if not joined(body[end : other.start]):
            break
        listed.append(other)
        end = other.end
    if len(listed) > 1 and _PART_MARK.match(body[end : end + 15].lstrip()):
        return "some"  # ', three women and a child among them'
    same_side = total.side == "unspecified" or all(i.side == total.side for i in listed)
    whole = sum(i.value for i in listed) == total.value
    return "all" if len(listed) > 1 and same_side and whole else ""
