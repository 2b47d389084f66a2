"""Counts with the people they count, before their verb is known: each a
``CountItem`` (a number or "a policeman", its side, its hedges, where its words
end)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from components.report.numbers import (
    APPROXIMATE,
    AT_LEAST,
    COUNT,
    NUMBER,
    not_a_count,
    parse_number,
)
from components.report.people import (
    AGENT,
    GROUP,
    OF_THEM,
    ONE_PERSON,
    SINGULAR,
    THE_ONE_HIT,
    antecedent,
    head_of,
    named_side,
    said_to_be,
)
from components.report.vocabulary import (
    MILITARY_SIDE,
    OUTCOME_AFTER,
    OUTCOME_BEFORE,
    SIDE_WORDS,
)
from components.report.vocabulary.outcomes import TALLY_VERBS

_BARE_END = re.compile(
    r"^(?:\s+more)?\s*(?:[,.;:)]|$|(?:and|while|whereas|in|on|at|as|when|after|with|"
    r"during|near)\b)",
    re.I,
)
"""What may follow a bare count that a verb governs: 'killing nine people and
injuring 16, while ...', 'wounding two more', 'injured another 10 with a roadside
bomb'."""
_GAPPED_AFTER = re.compile(
    r"^\s+(?:others?\s+|more\s+)?(?:at|in)\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE
)
_GAPPED_BEFORE = re.compile(
    r"\b(?:killed|dead|died|martyred|injured|wounded|hurt|\d+|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|people|persons)\s+(?:at|in)\s+"
    r"(?:the\s+)?"
    r"(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)*"
    r"(?:\s+(?:in|of|under)\s+(?:the\s+)?(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)*)*"
    r"\s*(?:,|,?\s+and)\s+$",
    re.IGNORECASE,
)
"""A bare count at a place after a count's verb and place ('six were confirmed
dead at Unguwan Magiro in Madaka Ward of Rafi Local Government Area, four at
Farin Hula'): the verb is left out."""
_GAPPED_NAMED_AFTER = re.compile(
    r"^(?:\s*,[^,.;]{1,40},)?\s+(?:at|in)\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE
)
"""After a counted group whose verb is left out: its place, perhaps after an aside
('Five civilians were killed at Kazarahoyo and two people, all of them men, at
Bulongo')."""
_NAME_RIGHT_BEFORE = re.compile(
    r"(?:^|[,;]\s*|\band\s+)(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*){0,2}\s+$"
)
_TALLY_BY_PLACE = re.compile(
    rf"(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*){{0,2}}\s+(?:{TALLY_VERBS})\s+"
    rf"{NUMBER}\s+(?:people|persons|villagers|residents|lives)\b",
    re.IGNORECASE,
)
"""A tally by place, the verb said once: 'Sakkada lost seven people, Gyadadde
four and Otawa eight'."""
_EVENT_BEFORE = re.compile(r"\b(?:in|during|after|from)\s+$", re.IGNORECASE)
_PARTITIVE = re.compile(r"^\s+of\s+(?:the|these|those)\b", re.IGNORECASE)
"""'26 of the Syrian army soldiers on the bus': a part of a group, counted as its
people."""
_OF_THE_GROUP = re.compile(
    r"^\s*of\s+(?:the|these|those|its|their)\s+[^,;]{1,60},\s*$", re.IGNORECASE
)
"""'Of the 130 soldiers at the post, [27] were confirmed dead': the count is of
the people the clause opened with."""


@dataclass
class CountItem:
    """A count and the people it counts, before its verb is known."""

    start: int
    end: int
    side: str
    value: int
    high: int | None
    at_least: bool
    approximate: bool
    military: bool
    between: str
    parts: list[CountItem] = field(default_factory=list)
    part_of: CountItem | None = None
    outcome: str | None = None
    tail: int = 0
    """Where the words after the item (and its parts) begin, in the clause."""
    stated: str | None = None
    """The outcome said between a total and its parts ('11 people dead, including')."""
    secondary: bool = False
    some_of: bool = False
    bare: bool = False
    """A count with no noun after it ('injuring two')."""
    gapped: bool = False
    """A count whose verb is the one before ('18 were killed at Raka, 17 at
    Filin Gawa'): it has that count's outcome and side."""


def shifted(item: CountItem, tail: int) -> CountItem:
    return CountItem(
        item.start,
        item.end,
        item.side,
        item.value,
        item.high,
        item.at_least,
        item.approximate,
        item.military,
        item.between,
        tail=tail,
    )


_ANOTHER = re.compile(
    r"\banother\b(?=\s+(?:one\s+)?(?:\w+ly\s+)?(?:was|is|has|had|later|sustained|suffered|"
    r"received|got|injured|wounded|hurt)\b)",
    re.I,
)
"""'... was martyred, and another was wounded', 'was killed and another badly
hurt': one more of the people counted before (see ``figures``)."""

_ONE_MORE = re.compile(r"\b(?:another|a second|a third)\b", re.I)
"""'killing one Levies soldier and wounding a second': one more person, whom a
verb before governs (see ``figures``)."""


_AS_MANY = re.compile(
    r"\bas many(?P<others>\s+(?:others|more|people))?\b(?!\s+as\b)", re.IGNORECASE
)
"""'Four policemen were martyred and as many others injured': as many as the
count before ('as many as 20' is a bound, not this)."""


_SPEAKS = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}?(?:said|says|told|added|confirmed|stated|explained)\b",
    re.IGNORECASE,
)
"""After one person, a verb of saying: the source of the news, not a victim."""


def count_items(body: str) -> list[CountItem]:
    """Every count with the people it counts, in order; 'a policeman' too, a bare
    'another', and 'as many' as the count before."""
    found = list(_counts(body))
    for match in _ANOTHER.finditer(body):
        if OUTCOME_AFTER.match(body[match.end() :]):
            found.append(_one(match.start(), match.end(), "unspecified", bare=True))
    for match in _ONE_MORE.finditer(body):
        if _governed(body, match.start(), body[match.end() :]):
            found.append(_one(match.start(), match.end(), "unspecified", bare=True))
    for match in _AS_MANY.finditer(body):
        earlier = [i for i in found if i.end <= match.start()]
        if earlier and not any(i.start <= match.start() < i.end for i in found):
            others = bool(match.group("others"))
            item = _one(match.start(), match.end(), "unspecified", bare=not others)
            rest = body[match.end() :]
            if (of_them := OF_THEM.match(rest)) and (
                named := GROUP.match(rest[of_them.end() :])
            ):  # 'three of them soldiers and as many of them children'
                at = match.end() + of_them.end()
                side, end = head_of(
                    body,
                    next(s for s in SIDE_WORDS if named.group(s)),
                    at + named.end(),
                    at + named.start("group"),
                )
                if not named.group("filler").strip():
                    item = _one(match.start(), end, side)
            item.value = earlier[-1].value
            found.append(item)
    for one in _singulars(body):
        # '(At least) One Levies man': the person, not 'One Levies' with a noun
        # left over.
        same = [i for i in found if i.start <= one.start < i.end]
        if same and same[0].value == 1 and one.end > same[0].end:
            found.remove(same[0])
        if _SPEAKS.match(body[one.end :]):
            continue  # 'killing five soldiers, a military officer said'
        if not any(item.start <= one.start < item.end for item in found):
            found.append(one)
    found.sort(key=lambda item: item.start)
    _all_of_them_named(body, found)
    return found


_ALL_OF_THEM_NAMED = re.compile(
    r",\s*(?:all|both|every\s+one|each)\s+of\s+(?:them|whom)\s+(?:were\s+|was\s+)?"
    r"(?P<who>[^,.;]{1,60})",
    re.IGNORECASE,
)
"""'killing five people, all of them policemen', 'three dead and ten injured,
every one of them DRG': who the counts just before are."""


def _all_of_them_named(body: str, found: list[CountItem]) -> None:
    """Give the counts with no side right before 'all of them policemen' the side
    it names, back to the first count that names its own."""
    for match in _ALL_OF_THEM_NAMED.finditer(body):
        side = named_side(match.group("who"))
        if side == "unspecified":
            continue
        for item in reversed([i for i in found if i.end <= match.start()]):
            if item.side != "unspecified":
                break
            item.side = side


_TOLL_THEN_COMMA = re.compile(
    r"\b(?:killed|dead|died|martyred|injured|wounded|hurt)\s*,\s*$", re.IGNORECASE
)
_BY_PLACE_AFTER = re.compile(
    r"^\s+(?:at|in)\s+(?:the\s+)?(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)*\s*"
    rf"(?:,|,?\s+and)\s+{NUMBER}\s+(?:at|in)\s+(?:the\s+)?(?-i:[A-Z])",
    re.IGNORECASE,
)
"""'nine people were killed, seven in Segue and two in Sonfounou': the first of
the toll's counts by place, as the later ones are (see ``_GAPPED_BEFORE``)."""


def _counts(body: str) -> Iterator[CountItem]:
    for match in COUNT.finditer(body):
        after = body[match.end() :]
        if not_a_count(body, match, after):
            continue
        offset = 0
        group = GROUP.match(after)
        if group is None and (partitive := _PARTITIVE.match(after)):
            # 'at least 26 of the Syrian army soldiers on it were killed'
            group = GROUP.match(after[partitive.end() :])
            if group and not any(c.isdigit() for c in group.group("filler")):
                offset = partitive.end()
            else:
                group = None
        low, bound = parse_number(match.group("low"))
        high = parse_number(match.group("high"))[0] if match.group("high") else None
        qualifier = " ".join((match.group("qual") or "").lower().split())
        if group:
            side, end = head_of(
                body,
                next(s for s in SIDE_WORDS if group.group(s)),
                match.end() + offset + group.end(),
                match.end() + offset + group.start("group"),
            )
            between = group.group("filler")
        elif (of_them := OF_THEM.match(after)) and not _EVENT_BEFORE.search(
            body[max(0, match.start() - 12) : match.start()]
        ):  # "11 of them were killed", not "In one of them, seven soldiers"
            side, end, between = antecedent(body[: match.start()]), match.end(), ""
            end += of_them.end()
            named = GROUP.match(body[end:])  # 'two of them police personnel'
            if named and not named.group("filler").strip():
                side, end = head_of(
                    body,
                    next(s for s in SIDE_WORDS if named.group(s)),
                    end + named.end(),
                    end + named.start("group"),
                )
        elif (
            (
                _GAPPED_AFTER.match(after)
                and _GAPPED_BEFORE.search(
                    body[max(0, match.start() - 120) : match.start()]
                )
            )
            or (
                _BY_PLACE_AFTER.match(after)
                and _TOLL_THEN_COMMA.search(
                    body[max(0, match.start() - 20) : match.start()]
                )
            )
            or (
                _BARE_END.match(after)
                and _NAME_RIGHT_BEFORE.search(
                    body[max(0, match.start() - 40) : match.start()]
                )
                and _TALLY_BY_PLACE.search(body[: match.start()])
            )
        ):  # '18 people were killed at Raka, 17 at Filin Gawa and two at Raka
            # Dutse'; 'Sakkada lost seven people, Gyadadde four, Barin Zare eight'
            yield CountItem(
                start=match.start(),
                end=match.end(),
                side="unspecified",
                value=low,
                high=high if high and high > low else None,
                at_least=bound or qualifier in AT_LEAST,
                approximate=qualifier in APPROXIMATE,
                military=False,
                between="",
                tail=match.end(),
                bare=True,
                gapped=True,
            )
            continue
        elif OUTCOME_AFTER.match(after) or _governed(body, match.start(), after):
            # "5 killed", "4 sustained injuries"; "killing 9 people and injuring 16"
            side, end, between = "unspecified", match.end(), None
            every = _ALL_OF_THEM.search(body[: match.start()])
            if every:  # 'opened fire on the labourers, and all four died'
                side = antecedent(body[: every.start()])
            elif _OF_THE_GROUP.match(body[: match.start()]) or AGENT.search(
                body[: match.start()]
            ):  # 'security forces killed three more': more of the attackers
                side = antecedent(body[: match.start()])
        else:
            continue
        item = CountItem(
            start=match.start(),
            end=end,
            side=side,
            value=low,
            high=high if high and high > low else None,
            at_least=bound or qualifier in AT_LEAST,
            approximate=qualifier in APPROXIMATE,
            military=bool(group and MILITARY_SIDE.search(group.group("group"))),
            between=between or "",
            tail=end,
            bare=between is None,
            gapped=bool(
                group
                and _GAPPED_NAMED_AFTER.match(body[end:])
                and _GAPPED_BEFORE.search(
                    body[max(0, match.start() - 60) : match.start()]
                )
            ),
        )
        if high is not None and _RESPECTIVE.match(body[match.end("low") :]):
            # 'killed four and six persons respectively': two counts, in order
            yield replace(
                item,
                end=match.end("low"),
                tail=match.end("low"),
                high=None,
                gapped=False,
            )
            yield replace(
                item, start=match.start("high"), value=high, high=None, gapped=True
            )  # counted by place: not added up
            continue
        yield item


_RESPECTIVE = re.compile(r"\s+and\s+[^.;]*?\brespectively\b", re.IGNORECASE)
"""'four and six persons respectively': a count for each place, in order, not a
range."""


def _governed(body: str, start: int, after: str) -> bool:
    """A bare count that a verb before it governs: 'injuring 16'."""
    return bool(
        _BARE_END.match(after)
        and OUTCOME_BEFORE.search(body[max(0, start - 60) : start])
    )


_RANK_NAMED = re.compile(
    r"(?<![\w-])(?P<rank>(?:(?:[Hh]ead|[Ss]enior|[Aa]ssistant|[Ll]ance|[Nn]aib|[Dd]uty|"
    r"[Ff]oot|[Ee]lite|[Ff]orce|[Vv]olunteer|[Pp]olice)\s+){0,3}"
    r"(?:[Cc]onstable|[Ss]epoy|[Nn]aik|[Hh]avildar|[Ss]ubedar|[Ss]ub-[Ii]nspector|"
    r"[Ii]nspector|[Ss]owar|[Ss]ergeant|"
    r"[Cc]orporal|Private|[Ss]oldier|[Pp]oliceman|[Jj]awan|[Rr]anger|[Tt]rooper|"
    r"ASI|SI|SHO|DSP|HC))\s+"
    r"(?P<name>(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])\.?[a-z]*){0,3})(?=\s*,?\s|[.;])"
)
"""'Constable Muhammad Tariq was shot dead', 'Corporal Jape V. Malbas', 'killed
volunteer ranger Donchai', 'ASI Hassan Khan': one person of the forces (every
rank here is one; a rank may be written small, but not 'private', which is as
often a word)."""


def _ranked(body: str) -> Iterator[CountItem]:
    """'Constable Muhammad Tariq was shot dead', 'the attack killed Corporal
    Jape Malbas and Private Rommel Debuton', 'ASI Hassan Khan and head constable
    Nisar Ahmad died': one person each, of the forces, where a verb of the toll
    follows or governs them or the list they are named in."""
    matches = list(_RANK_NAMED.finditer(body))
    hit = [False] * len(matches)
    governed_to = -1
    for index, match in enumerate(matches):
        before = body[max(0, match.start() - 60) : match.start()]
        if OUTCOME_BEFORE.search(before) or (
            governed_to >= 0 and _JOINED.fullmatch(body[governed_to : match.start()])
        ):
            governed_to = match.end()  # 'killed Sub-Inspector Ahmed Khan and ...'
            hit[index] = True
        elif OUTCOME_AFTER.match(body[match.end() :]):
            hit[index] = True
    for index in range(len(matches) - 2, -1, -1):  # 'A and B died'
        gap = body[matches[index].end() : matches[index + 1].start()]
        if hit[index + 1] and _JOINED.fullmatch(gap):
            hit[index] = True
    for match, counted in zip(matches, hit, strict=True):
        if counted:
            yield _one(
                match.start(),
                match.end(),
                "security",
                military=bool(MILITARY_SIDE.search(match.group("rank"))),
            )


_JOINED = re.compile(r"\s*(?:,|,?\s+and)\s+", re.IGNORECASE)
"""Between two ranked names of one list: ', ' or ' and '."""


_ALL_OF_THEM = re.compile(r"\b(?:all|both)\s+(?:the\s+)?$", re.IGNORECASE)
"""'all four died', 'both were killed': every one of the people named before."""


def _singulars(body: str) -> Iterator[CountItem]:
    yield from _ranked(body)
    for match in [*ONE_PERSON.finditer(body), *THE_ONE_HIT.finditer(body)]:
        singular = SINGULAR.match(body[match.end() :])
        if not singular:
            continue
        noun = singular.group("group")
        group = GROUP.match(" " + noun + "s") or GROUP.match(" " + noun)
        side = next((s for s in SIDE_WORDS if group and group.group(s)), "unspecified")
        if noun.lower() in {"person", "man"}:
            # 'a Rangers man', 'an FC man': the force before the noun says the side
            force = body[match.end() : match.end() + singular.start("group")]
            side = named_side(force + "men") if noun.lower() == "man" else "unspecified"
            side, end = said_to_be(body, side, match.end() + singular.end())
        else:
            end = match.end() + singular.end()
        if noun.lower() in {"member", "fighter"}:
            # 'a member of Iran's Revolutionary Guard', 'a fighter of the Basij'
            side, end = head_of(body, side, end, match.start("low"))
        side = _attendant_of(match.group(), noun, side)
        yield _one(
            match.start("low"), end, side, military=bool(MILITARY_SIDE.search(noun))
        )


_ATTENDANTS = frozenset({"driver", "guard", "bodyguard", "colleague"})
"""Who serves with the person named before them: of that person's side."""


def _attendant_of(person: str, noun: str, side: str) -> str:
    """'the DSP's driver', 'the commander's bodyguard': the side of the owner,
    where the owner is of a side and the noun names who serves with them."""
    owner = re.search(r"([\w-]+)'s\s+$", person)
    if owner is None or noun.lower() not in _ATTENDANTS:
        return side
    group = GROUP.match(" " + owner.group(1))
    owned = next((s for s in SIDE_WORDS if group and group.group(s)), None)
    return owned if owned and owned != "unspecified" else side


def _one(
    start: int, end: int, side: str, military: bool = False, bare: bool = False
) -> CountItem:
    return CountItem(
        start=start,
        end=end,
        side=side,
        value=1,
        high=None,
        at_least=False,
        approximate=False,
        military=military,
        between="",
        tail=end,
        bare=bare,
    )
