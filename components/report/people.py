"""Who a count counts: the people nouns after it read to their head noun, by
side (``vocabulary.PEOPLE_BY_SIDE``), one person ("a policeman"), "N of them",
"members of the X", and victims named after a count ("Among the victims were
truck drivers")."""

from __future__ import annotations

import re
from dataclasses import replace

from components.report.model import Figure
from components.report.numbers import NUMBER, parse_number
from components.report.vocabulary import (
    GENERIC_HEADS,
    INJURED_WORDS,
    KILLED_VERBS,
    SIDE_WORDS,
)
from components.report.vocabulary.people import DEFENCE_VOLUNTEERS, SINGULAR_PEOPLE

ONE_PERSON = re.compile(
    r"\b(?P<low>a|an|one|another|their|his|her|the(?=\s+[\w-]+'s\s))"
    r"\s+(?:(?:[\w-]+\s+)?[\w-]+'s\s+)?(?=\w)",
    re.IGNORECASE,
)
"""'a policeman', 'their Pakistani driver', 'the train's driver', 'a PPP leader's
son': one person."""

THE_ONE_HIT = re.compile(
    r"\b(?:killing|wounding|injuring|martyring|killed|wounded|injured|martyred)"
    r"\s+(?:also\s+)?(?P<low>the)\s+(?=\w)",
    re.IGNORECASE,
)
"""'... killing four police officials and wounding the driver', 'gunmen killed
the village head': the one person the toll's verb names, not one named before."""


_SINGULAR_NOUN = r"(?:" + "|".join(SINGULAR_PEOPLE) + r")"


SINGULAR = re.compile(
    r"^(?:(?:[\w-]+\s+){0,2}?|(?:(?:(?-i:[A-Z])[\w'-]*|\([A-Za-z.]{1,8}\))\s+){3,6}?)"
    rf"(?P<group>{_SINGULAR_NOUN}(?:\s+{_SINGULAR_NOUN})?)\b",
    re.IGNORECASE,
)
"""'a policeman', 'a woman civilian' (the last noun says the side), 'a police
sub-inspector', 'a Central Reserve Police Force (CRPF) jawan' (a force's name in
capitals)."""


_PEOPLE = "|".join(f"(?P<{side}>{words})" for side, words in SIDE_WORDS.items())


GROUP = re.compile(
    r"^\s*(?P<filler>(?:(?:(?!(?:when|after|as|while|and|or|but|in|at|on|by|"
    r"were|was|had|have|has)\b)[\w-]+|"
    r"\([A-Za-z.]{1,8}\))\s+){0,4}?)(?P<group>" + _PEOPLE + r")\b",
    re.IGNORECASE,
)
"""The people a count counts, a few words after it: 'Five Frontier Corps (FC)
personnel'; never past a conjunction, preposition or auxiliary ('100 wounded when a
bomber')."""


_MORE_PEOPLE = re.compile(r"^\s+(?P<group>" + _PEOPLE + r")\b", re.IGNORECASE)
"""A noun right after the first: 'one paramilitary soldier', 'nine Pakistani
nationals'; the last one (the head noun) says the side."""


_MIXED = re.compile(
    rf"^\s+(?:and|or)\s+(?!the\s+others\b)"
    r"(?!(?:their|his|her|its)\s+[\w-]*[^\Ws]\b)"
    rf"(?:(?!(?:{NUMBER}|a|an|another)\b)"
    r"[\w-]+\s+)?(?P<group>" + _PEOPLE + r")\b",
    re.IGNORECASE,
)
"""'17 security personnel and civilians': one count of people of two sides ('three
of the armed bandits and the others' are not one, nor are 'fifteen security
personnel and their driver': one more person, counted on their own)."""


OF_THEM = re.compile(
    r"^\s+of\s+(?:them|those|whom|the (?:injured|wounded)(?! (?:were|was)\b))\b",
    re.IGNORECASE,
)
"""'11 of them', 'two of the injured [later died]': some of people counted before."""


_ANY_PEOPLE = re.compile(r"\b(?:" + _PEOPLE + r")\b", re.IGNORECASE)


_MEMBERS_OF = re.compile(
    r"^\s+of\s+(?:the\s+)?(?:(?!(?:and|or|" + NUMBER + r")\b)[\w-]+(?:'s)?\s+){0,3}?"
    r"(?P<group>" + _PEOPLE + r")\b"
    r"(?:\s+(?:[\w-]+\s+)?(?:force|forces|corps|militia|units?|battalion|brigade|"
    r"regiment|groups?)\b)?",
    re.IGNORECASE,
)
"""'five members of Iran's security forces', 'four men of the Levies Force', 'four
members of the VDP auxiliary force': the people they belong to say the side."""


_FIGHTING_BESIDE = re.compile(
    r"^\s+(?:who\s+(?:were\s+|are\s+)?)?(?:fighting|fight|fought|serving|working)\s+"
    r"(?:alongside|beside|with|for)\s+(?:the\s+)?(?:army|troops|soldiers|military|"
    r"security forces|police)\b",
    re.IGNORECASE,
)
"""'volunteers fighting alongside the army': auxiliaries, of the security side."""


_AT_CIVILIAN_WORK = re.compile(
    r"^\s+(?:who|that)\s+(?:had\s+been\s+|were\s+)?(?:drove|driving|ran|running|"
    r"sold|selling|farmed|farming|hunted|hunting|herded|herding|fished|fishing|"
    r"grazed|grazing|tended|tending)\b",
    re.IGNORECASE,
)
"""People said to be at a civilian's work ('two men who drove vehicles carrying
poultry', 'two men who were hunting bush rats'): civilians."""


_SAID_TO_BE = re.compile(
    r"^\s*,?\s+(?:who\s+(?:was|were|is|are)\s+)?(?:suspected|believed|thought|"
    r"said|reported)\s+(?:of\s+being|to\s+(?:be|have\s+been))\s+(?:an?\s+)?"
    r"(?:(?:would-be|suspected|possible|alleged|trained)\s+)?"
    r"(?P<group>" + _PEOPLE + r")\b",
    re.IGNORECASE,
)
"""People said to be of a side ('a man suspected of being a would-be suicide
bomber', 'two men believed to be militants'): of that side."""


def said_to_be(body: str, side: str, end: int) -> tuple[str, int]:
    """The side of people with none of their own that the words after them say
    they are of, and the end of those words; else the side and end unchanged."""
    said = _SAID_TO_BE.match(body[end:])
    if side != "unspecified" or said is None:
        return side, end
    named = next(s for s in SIDE_WORDS if said.group(s))
    return (named, end + said.end()) if named != "unspecified" else (side, end)


def _past_short_name(body: str, end: int) -> int:
    """The end of a force's name and its short name in brackets, if any ('of the
    Odisha State Armed Police (OSAP)', 'of the paramilitary Frontier Corps (FC)')."""
    short = re.match(r"\s*\([A-Za-z.]{1,10}\)", body[end:])
    return end + short.end() if short else end


def head_of(body: str, side: str, end: int, start: int) -> tuple[str, int]:
    """The side and end of a group of people, read to its head noun: 'paramilitary
    soldier' is security, 'woman civilian' civilian; 'security personnel and
    civilians' (two sides in one count) is unspecified."""
    for _ in range(2):
        more = _MORE_PEOPLE.match(body[end:])
        if not more:
            break
        head = next(s for s in SIDE_WORDS if more.group(s))
        generic = GENERIC_HEADS.match(more.group("group"))
        if head != "unspecified" and not (generic and side != "unspecified"):
            side = head  # the head noun says the side, unless it is generic
        end += more.end()
    member = _MEMBERS_OF.match(body[end:])
    if member and (
        side == "unspecified" or GENERIC_HEADS.match(body[start:end].split()[-1])
    ):
        side = next(s for s in SIDE_WORDS if member.group(s))  # 'men of the Levies'
        end = _past_short_name(body, end + member.end())
    elif member and next(s for s in SIDE_WORDS if member.group(s)) == side:
        # 'eleven jawans of the CRPF': their force
        end = _past_short_name(body, end + member.end())
    beside = _FIGHTING_BESIDE.match(body[end:])
    if beside and side == "unspecified":
        side, end = "security", end + beside.end()  # the army's auxiliaries
    if side == "unspecified" and _AT_CIVILIAN_WORK.match(body[end:]):
        side = "civilians"  # 'two men who drove vehicles carrying poultry'
    side, end = said_to_be(body, side, end)
    mixed = _MIXED.match(body[end:])
    if mixed:
        other = next(s for s in SIDE_WORDS if mixed.group(s))
        if other != side:
            return "unspecified", end + mixed.end()
    return side, end


AGENT = re.compile(
    r"\b(?:" + _PEOPLE + r")\s+(?:(?:also|then|later|had|have|has|reportedly|"
    r"swiftly|allegedly|eventually|finally)\s+){0,2}(?:killed|shot dead|gunned down|"
    r"neutrali[sz]ed|eliminated|wounded|injured|captured|arrested)\s+$",
    re.IGNORECASE,
)
"""'security forces killed (six of them)': the people who did it, not those it
was done to."""


def antecedent(before: str) -> str:
    """The side of the people 'them' points back to: the last ones named, not the
    ones who did what is done to them ('the terrorists tried to attack the post,
    and security forces killed six of them'); with none named but security
    forces killing, the attackers."""
    agent = AGENT.search(before)
    if agent is not None:
        side = antecedent(before[: agent.start()])
        doer = next(s for s in SIDE_WORDS if agent.group(s))
        if side == "unspecified" and doer == "security":
            return "attackers"
        return side
    found = list(_ANY_PEOPLE.finditer(before))
    if not found:
        return "unspecified"
    return next(s for s in SIDE_WORDS if found[-1].group(s))


_KILLED = re.compile(rf"^(?:{KILLED_VERBS})$", re.IGNORECASE)
_SHOT_IN = re.compile(r"^shot in the\b", re.IGNORECASE)


def outcome_kind(word: str) -> str:
    """'killed' or 'injured' for an outcome word ('succumbed to his injuries' is a
    death)."""
    if _KILLED.match(word.strip()) or word.lower().startswith("succumb"):
        return "killed"
    hurt = INJURED_WORDS.search(word) or _SHOT_IN.match(word.strip())
    return "injured" if hurt else "killed"  # 'shot in the leg': hurt


_VICTIMS_NAMED = re.compile(
    r"\b(?:among\s+)?the\s+(?P<word>victims|dead|deceased|slain)\s+(?:were|was|"
    r"are|included|include)\s+(?P<who>[^.;]{0,80})",
    re.IGNORECASE,
)


_KILLED_THEM = re.compile(
    r"\b(?:killed|shot|executed|gunned down|murdered|slaughtered)\s+them\b", re.I
)


_THE_HIT = re.compile(
    r"\bthe\s+(?P<word>wounded|injured|dead|martyred|slain)\s+(?P<who>[\w-]+"
    r"(?:\s+[\w-]+)?)",
    re.IGNORECASE,
)


def side_of(words: str) -> str:
    found = _ANY_PEOPLE.search(words)
    return next(s for s in SIDE_WORDS if found.group(s)) if found else "unspecified"


def named_side(words: str) -> str:
    """The side of the first people the words name that say one ('members of the
    VDP' is security: 'members' says none)."""
    for found in _ANY_PEOPLE.finditer(words):
        side = next(s for s in SIDE_WORDS if found.group(s))
        if side != "unspecified" or not GENERIC_HEADS.match(found.group()):
            return side
    return "unspecified"


_ARMED_VOLUNTEERS = re.compile(
    rf"\b(?:vdps?|{DEFENCE_VOLUNTEERS}|"
    r"(?:army|military|security) auxiliaries|auxiliaries of the (?:army|military)|"
    r"civilian joint task force|cjtf)\b",
    re.IGNORECASE,
)
_VOLUNTEERS = re.compile(r"\bvolunteers?\b", re.IGNORECASE)


def volunteers_side(text: str, figure_words: str) -> str | None:
    """'security' for a count of bare 'volunteers' in a report that names an armed
    volunteer force beside the army ('16 of them army auxiliaries' ... 'Six
    volunteers fell in that attack'): Burkina Faso's VDP, Nigeria's CJTF. Not
    where the count names other people too ('twenty civilians and volunteers for
    the defense of the nation')."""
    if not (_VOLUNTEERS.search(figure_words) and _ARMED_VOLUNTEERS.search(text)):
        return None
    others = _VOLUNTEERS.sub(" ", _ARMED_VOLUNTEERS.sub(" ", figure_words))
    return "security" if named_side(others) in ("security", "unspecified") else None


_A_FORCES_VEHICLE = re.compile(
    r"\b(?:police|army|military|FC|Frontier Corps|Levies|paramilitary|Rangers|"
    r"security forces'?)\s+(?:patrol\s+)?(?:vehicle|van|truck|jeep|pick-?up|mobile)\b",
    re.IGNORECASE,
)
_THE_DRIVER = re.compile(r"(?:the|its)\s+driver", re.IGNORECASE)


def drivers_side(figure_text: str, before: str) -> str | None:
    """'security' for the driver of a force's vehicle the sentence tells of ('sprayed
    a police vehicle with bullets ... wounding the driver'): one of that force."""
    if _THE_DRIVER.fullmatch(figure_text.strip()) and _A_FORCES_VEHICLE.search(before):
        return "security"
    return None


def victims_side(after: str, outcome: str) -> str | None:
    """'civilians' when the words after a count of 'people' (the rest of its
    sentence and the next) say its victims were civilians: 'Among the victims were
    truck drivers', '... made the passengers get off ... and killed them', 'the
    men ... fired on labourers'. Victims named as police or soldiers do not move
    the count: they may be some of it."""
    named = _VICTIMS_NAMED.search(after)
    if named and (outcome == "killed" or named.group("word").lower() == "victims"):
        side = side_of(named.group("who"))
        return side if side == "civilians" else None
    them = _KILLED_THEM.search(after)
    if them and outcome == "killed":
        side = antecedent(after[: them.start()])
        return side if side == "civilians" else None
    fired = _FIRED_ON.search(after)
    if (
        fired
        and side_of(fired.group("who")) == "civilians"
        and not _SOME_OF_THEM.search(after, fired.end())
    ):
        return "civilians"
    return None


_FIRED_ON = re.compile(
    r"\b(?:fired|opened fire|shot)\s+(?:up)?on\s+(?:a\s+(?:group|party|camp)\s+of\s+)?"
    r"(?P<who>(?:[\w-]+\s+){0,2}?[\w-]+)\b",
    re.IGNORECASE,
)
"""'... fired on labourers who had set up camp beside a road': whom the attackers
shot at, the victims of a count of 'people' told just before."""
_SOME_OF_THEM = re.compile(r"\b(?:many|most|some|several|others)\b", re.IGNORECASE)
"""'opened fire on farmers ...; many farmers were killed on their farmland, and
several others died in their homes': those shot at were some of the dead."""


def described_sides(text: str) -> list[tuple[int, str, str]]:
    """(offset, outcome, side) of the hurt named with a definite article ('the
    wounded policemen', 'the dead passengers') or said to be civilians ('all the
    victims were labourers'): who a count of 'people' or 'others' was."""
    found = []
    for match in _THE_HIT.finditer(text):
        group = GROUP.match(" " + match.group("who"))
        if group is None or group.group("filler").strip():
            continue
        side = next(s for s in SIDE_WORDS if group.group(s))
        if side != "unspecified":
            found.append((match.start(), outcome_kind(match.group("word")), side))
    for match in _THE_HIT_ARE.finditer(text):  # 'The wounded ... are Constable X'
        side = named_side(match.group("who"))
        if side != "unspecified":
            found.append((match.start(), outcome_kind(match.group("word")), side))
    for match in _VICTIMS_NAMED.finditer(text):  # 'all the victims were labourers'
        some = text[max(0, match.start() - 3) : match.start()].lower() == "of "
        if some or match.group("who").lower().startswith("from"):
            continue  # 'five of the dead were from nearby civilian buildings'
        if side_of(match.group("who")) == "civilians":
            word = match.group("word").lower()
            outcomes = ("killed", "injured") if word == "victims" else ("killed",)
            found.extend((match.start(), o, "civilians") for o in outcomes)
    return sorted(found)


_THE_HIT_ARE = re.compile(
    r"\bthe\s+(?P<word>wounded|injured|dead|martyred|slain)\s*(?:,[^,.;]{1,60},\s*)?"
    r"(?:are|were)\s+(?P<who>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)+[^.;]{0,60})",
    re.IGNORECASE,
)
"""'The wounded, all of whom are being treated, are Assistant Sub-Inspector Haq
Nawaz, Constable Yar Muhammad, ...': who the hurt were, by the ranks of the
people they name."""


_OF_A_BODY = r"(?:\s+of\s+the\s+(?:[\w-]+\s+){0,3}?[\w-]+(?:\s+\([A-Za-z]{2,8}\))?)?"
"""'of the coast guard', 'of the Civilian Joint Task Force (CJTF)'."""
_ONE_OF_THEM = rf"\b(?:a|an|{NUMBER})\s+(?:[\w-]+\s+){{0,2}}?[\w-]+{_OF_A_BODY}"
_AMONG_THE_HIT = re.compile(
    rf"\b(?P<who>{_ONE_OF_THEM}(?:\s*(?:,|\band\b)\s*{_ONE_OF_THEM})*)\s+"
    r"(?:was|were|is|are)\s+(?:also\s+)?among\s+the\s+(?P<word>dead|killed|victims|"
    r"injured|"
    r"wounded)\b",
    re.IGNORECASE,
)
"""'a minor girl was among the dead', 'a naval official and a member of the coast
guard were among the dead': some of a total's unnamed rest, or of a total of
another side."""
_NAMED_AMONG = re.compile(
    r"(?P<who>(?-i:[A-Z])[\w'.-]*(?:\s+(?:\((?-i:[A-Z]{2,8})\)|(?-i:[A-Z])[\w'.-]*)){1,8})"
    r"\s+(?:was|is)\s+(?:also\s+)?among\s+the\s+(?P<word>dead|killed|victims|injured|"
    r"wounded)\b",
    re.IGNORECASE,
)
"""'Station House Officer (SHO) Chaudhry Shafaat Ali was among the injured': one
person, of the side the title says."""
_ONE_NAMED = re.compile(
    rf"(?P<one>\b(?:a|an|{NUMBER}))\s+(?P<who>(?:[\w-]+\s+){{0,2}}?[\w-]+"
    rf"{_OF_A_BODY})(?=\s*(?:,|\band\b|$))",
    re.IGNORECASE,
)


def among_the_hit(figure: Figure, *after: str) -> Figure:
    """A total with an unnamed rest ('four people, two of them police personnel')
    and the words after it naming some of that rest ('a minor girl was among the
    dead'): those become a part of the total, on their side."""
    rest = figure.value - sum(part.value for part in figure.parts)
    for words in after:
        found = _AMONG_THE_HIT.search(words) or _NAMED_AMONG.search(words)
        if found is None:
            continue
        if (
            outcome_kind(found.group("word")) != figure.outcome
            and found.group("word").lower() != "victims"
        ):
            continue
        if found.re is _NAMED_AMONG:  # one person, named with a title
            named = {named_side(found.group("who")): 1}
        else:
            named = _by_side(found.group("who"))
        if not named or "unspecified" in named or figure.side in named:
            continue
        if sum(named.values()) > rest:
            continue
        if any(part.side in named for part in figure.parts):
            continue  # named already ('including a police officer')
        new = tuple(
            replace(figure, side=side, value=count, high=None, parts=(), some_of=False)
            for side, count in named.items()
        )
        parts = (*figure.parts, *new)
        others = _OTHERS_WERE.search(words)
        left = rest - sum(named.values())
        if (
            others
            and left > 0
            and len(new) == 1
            and side_of(others.group("who")) != "unspecified"
        ):
            parts += (replace(new[0], side=side_of(others.group("who")), value=left),)
        return replace(figure, parts=parts)
    return figure


def _by_side(listed: str) -> dict[str, int]:
    """How many people of each side a list names ('a naval official and a member
    of the coast guard': two security)."""
    named: dict[str, int] = {}
    for one in _ONE_NAMED.finditer(listed):
        side = named_side(one.group("who"))
        named[side] = named.get(side, 0) + parse_number(one.group("one"))[0]
    return named


_OTHERS_WERE = re.compile(
    r"\ball (?:the )?other (?:dead|victims|killed)(?: and (?:the )?(?:injured|"
    r"wounded))? were (?P<who>[\w-]+)",
    re.IGNORECASE,
)
"""'all the other dead and injured were civilians': the side of the rest."""
