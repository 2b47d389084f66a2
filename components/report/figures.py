"""Casualty figures in a clause: how many, of which side, killed or injured.

A figure is a number (digits or words, "at least", ranges), the people it counts
("policemen", "khwarij", "passengers") and a verb that says what happened to them,
found within one clause: "21 terrorists were eliminated and several others were
injured" gives 21 attackers killed and nothing for "several others". A total with
its parts ("at least 50 people, including 14 security personnel, were killed";
"11 people - five women and four children - died") keeps both: the total, and the
parts by side, so that the total is never added to its own parts.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from components.report.counts import CountItem, count_items, shifted
from components.report.model import Figure
from components.report.numbers import NUMBER, NUMBER_WORD, parse_number
from components.report.parts import OUTCOME_INSIDE, attach_parts, joined, merge_lists
from components.report.people import antecedent, outcome_kind
from components.report.rules import Rule
from components.report.segments import THE_HURT_WERE, Span
from components.report.tolls import (
    AMONG_THE_HIT,
    NONE_HIT,
    NONE_OF_A_SIDE_HIT,
    SOME_OF_THE_DEAD,
    SOME_OF_THE_HIT,
    THE_DEAD_INCLUDED,
    TOLL_RULES,
    UNHARMED,
    death_tolls,
    none_hit,
    resulted_in,
    some_of_the_dead,
    some_of_the_hit,
    the_dead_included,
)
from components.report.vocabulary import (
    INJURED_VERBS,
    INJURED_WORDS,
    KILLED_VERBS,
    LEFT_DEAD,
    OUTCOME_AFTER,
    OUTCOME_BEFORE,
)

COORDINATION_RULES: tuple[Rule, ...] = (
    Rule(
        "a bare count after a coordinated verb has the side of the group before",
        r"^\s*,?\s*(?:and|while|as well as)\s+(?:\w+ly\s+)?(?:\w+ing|\w+ed|"
        r"the\s+(?:injur(?:y|ies)|wounding|deaths?|killing)\s+of)\s+"
        r"(?:(?:at least|some|about|another|a further)\s+)?$",
        "Gunmen attacked a checkpost in Turbat, killing four policemen and "
        "injuring two.",
        ("security", "injured", 2),
    ),
    Rule(
        "a bare count after 'and' in a passive clause has the side before",
        r"^\s*(?:(?:on|aboard|in|inside|at)\s+(?:[a-z'-]+\s+){0,2}?[a-z'-]+\s+)?"
        r"(?:(?:was|were|had been|have been|has been)\s+(?:(?:reported(?:ly)?|"
        r"said|believed|confirmed|feared)\s+(?:to have been\s+)?)?\w+|died|perished|"
        r"lost (?:their|his|her) li(?:fe|ves))(?:\s+(?:in|at|on|"
        r"during|near|by)\s+(?:(?!(?:and|while)\s)[\w'-]+\s+){0,8}?[\w'-]+)?\s*,?\s+"
        r"(?:and|while)\s+(?:(?:at least|some|about|another|a further|more than|"
        r"over|nearly|around)\s+)?$",
        "In an operation near Rori, one terrorist was killed and two were injured.",
        ("attackers", "injured", 2),
    ),
    Rule(
        "a bare count after 'and' that ends a relative clause has the side before",
        r"^\s+who\s+(?:[\w'-]+\s+){1,8}?[\w'-]+\s*,?\s+and\s+(?:(?:at least|some|"
        r"about|another|a further)\s+)?$",
        "We mourn the 23 brave soldiers who fell on the field of honour, and 17 "
        "wounded.",
        ("security", "injured", 17),
    ),
    Rule(
        "a bare count after 'dead and' has the side before",
        r"^\s+(?:dead|killed|injured|wounded)\s*,?\s+and\s+(?:(?:at least|some|about|"
        r"another|a further|more than|over|nearly|around)\s+)?$",
        "The attack left four policemen dead and four injured.",
        ("security", "injured", 4),
    ),
)
"""Who a bare count after a second verb counts: each rule's ``expected`` is the
(side, outcome, value) its example gives."""


PHRASING_RULES: tuple[Rule, ...] = (
    *COORDINATION_RULES,
    *TOLL_RULES,
    NONE_HIT,
    NONE_OF_A_SIDE_HIT,
    UNHARMED,
    SOME_OF_THE_HIT,
    AMONG_THE_HIT,
    SOME_OF_THE_DEAD,
    THE_DEAD_INCLUDED,
)
"""Figure phrasings beyond 'count, people, verb', run by the tests on their
examples."""


_MORE_OF_THEM = re.compile(
    r"\b(?:\w+ed|\w+ing)\s+(?:another|a further)\s+$", re.IGNORECASE
)
"""'killed five soldiers and injured another 10', 'Three security personnel were
martyred, and the attack injured another five': more of the people just counted,
whom the verb's subject hit ('another six were wounded' says no side)."""


def _coordinated(body: str, items: list[CountItem]) -> None:
    """'killing four policemen and injuring two', 'killing six attackers and
    wounding 10 others', 'one terrorist was killed and two were injured': a bare
    count after a second verb of the same clause counts people of the side the
    first group named, and so do 'others' that the same subject hit ('21 miners
    were martyred and six others injured' says nothing of the six)."""
    active, passive, relative, outcome_and = COORDINATION_RULES
    for before, item in itertools.pairwise(items):
        if item.side != "unspecified" or before.side == "unspecified":
            continue
        gap = body[before.tail : item.start]
        counted = body[item.start : item.end].lower()
        others = counted.endswith("others")
        if (
            (item.bare and counted == "another")  # '... and another was wounded'
            or (item.bare and _MORE_OF_THEM.search(gap))
            or ((item.bare or others) and active.compiled.match(gap))
            or (
                item.bare
                and (
                    passive.compiled.match(gap)
                    or relative.compiled.match(gap)
                    or outcome_and.compiled.match(gap)
                )
            )
        ):
            item.side, item.military = before.side, before.military


_HIT_PEOPLE_THEN = re.compile(
    r"\b(?:fired|opened\s+fire|shot|attacked|ambushed|targeted|stormed|raided)\s+"
    r"(?:on|at|upon)?\s*(?P<object>[^,.;]{3,60}?),\s*(?:killing|leaving|wounding|"
    r"injuring)\s+$",
    re.IGNORECASE,
)
"""'fired on innocent civilians, killing four': the people the attack hit, then
a bare count of them."""


def _of_the_people_hit(body: str, items: list[CountItem]) -> None:
    """A bare count right after the people an attack hit ('fired on innocent
    civilians, killing four') counts those people."""
    for item in items:
        if not item.bare or item.side != "unspecified":
            continue
        hit = _HIT_PEOPLE_THEN.search(body[max(0, item.start - 120) : item.start])
        if hit is None:
            continue
        side = antecedent(hit.group("object"))
        if side != "unspecified":
            item.side = side


_OTHERS = re.compile(r"\bothers$", re.IGNORECASE)


def others_of_before(
    figures: list[Figure], before: list[Figure], clause: Span | None = None
) -> list[Figure]:
    """'four policemen were martyred while four others were wounded': 'others'
    opening a clause are more of the people the clause before counted, on their
    side; so is a bare count of 'more' ('the deaths of two terrorists; reports
    suggested that two more had been wounded') or 'another' after a verb ('and
    the attack injured another five'). After people of two sides ('two
    policemen and three civilians died ... four others were wounded') no one side
    is said of them."""
    known = [f for f in before if f.side != "unspecified" and not f.parts]
    if not known or not figures or len({f.side for f in known}) > 1:
        return figures
    first = figures[0]
    more = (
        clause is not None
        and _BARE_COUNT.fullmatch(first.text) is not None
        and (
            _MORE.match(clause.text[first.end - clause.start :]) is not None
            or _MORE_OF_THEM.search(clause.text[: first.start - clause.start])
            is not None
        )
    )
    if first.side != "unspecified" or first.parts:
        return figures
    if not (more or _OTHERS.search(first.text)):
        return figures
    side = replace(first, side=known[-1].side, military=known[-1].military)
    return [side, *figures[1:]]


def of_them_before(figures: list[Figure], before: str) -> list[Figure]:
    """'two IEDs hit the vehicles of troops; six of them were martyred': 'of them'
    opening a clause points back to the people the sentence named before it."""
    found: list[Figure] = []
    for figure in figures:
        if figure.side == "unspecified" and _OF_THEM_END.search(figure.text):
            side = antecedent(before)
            if side != "unspecified" and all(p.side == side for p in figure.parts):
                # 'six of them, a captain among them': all six of that side
                figure = replace(figure, side=side, parts=())
        elif (
            figure.side == "unspecified"
            and found
            and _OF_THEM_END.search(found[-1].text)
            and _BARE_COUNT.fullmatch(figure.text)
        ):  # '... were martyred and one was injured': one more of them
            figure = replace(figure, side=found[-1].side)
        found.append(figure)
    return found


_BARE_COUNT = re.compile(r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)")


_DIED_OF_WOUNDS = re.compile(
    r"^\s*(?:who\s+)?(?:(?:later|subsequently|since|also|has|have|had|then)\s+)*"
    r"(?:died|"
    r"succumbed|passed away|lost (?:his|her|their) li(?:fe|ves))\b",
    re.IGNORECASE,
)


def _some_died_of_their_wounds(body: str, top: list[CountItem]) -> list[CountItem]:
    """'Two policemen were injured, one of whom later succumbed to his
    injuries': of the two hurt, one died and one is still wounded, not two
    dead."""
    found = []
    for item in top:
        found.append(item)
        dead = item.parts
        wounded = item.stated == "injured" or _outcome_before(body, item) == "injured"
        if not (
            wounded  # 'were injured, one of whom', 'wounded seven people, among them'
            and item.outcome == "killed"
            and dead
            and _DIED_OF_WOUNDS.match(body[dead[-1].end :])
        ):
            continue
        died = sum(part.value for part in dead)
        if died >= item.value:
            continue
        survivors = shifted(item, item.tail)
        survivors.value, survivors.outcome = item.value - died, "injured"
        found[-1] = survivors
        for part in dead:
            part.part_of, part.outcome = None, "killed"
            if part.side == "unspecified":  # 'one of whom'; 'a soldier' says its own
                part.side, part.military = item.side, item.military
            found.append(part)
    return found


_QUOTES_AS_SPACES = str.maketrans({'"': " ", "\u201c": " ", "\u201d": " "})
_SINGLE_QUOTED = re.compile(
    r"(?<![\w'\u2019])['\u2018]([^\W\d_][\w -]{0,40}?[^\W\d_])['\u2019](?![\w'])"
)
"""Words in single quotes ("the bodies of five 'militants'"): read as if
unquoted, at the same offsets."""


_SPELT_TWICE = re.compile(
    rf"\b(?P<word>{NUMBER_WORD})\s*\((?P<digits>\d{{1,4}})\)", re.IGNORECASE
)
"""'killing four (4)': a number written out, then in figures in brackets."""


def _once(body: str) -> str:
    """``body`` with the bracketed figures of numbers written twice as spaces."""

    def blank(match: re.Match[str]) -> str:
        if parse_number(match.group("word"))[0] != int(match.group("digits")):
            return match.group()
        kept = match.group("word")
        return kept + " " * (len(match.group()) - len(kept))

    return _SPELT_TWICE.sub(blank, body)


def find_figures(clause: Span) -> list[Figure]:
    """The casualty figures stated in one clause, in order. Quotation marks are
    read as spaces, single ones around words too: a statement quoted in pieces
    ('"nearly thirty terrorists" were "neutralised"', 'killed 15 of the
    "enemies"', "five 'militants'") says what it says unquoted."""
    body = _once(_SINGLE_QUOTED.sub(r" \1 ", clause.text.translate(_QUOTES_AS_SPACES)))
    items = count_items(body)
    attach_parts(body, items)
    top = [item for item in items if item.part_of is None]
    _coordinated(body, top)
    _of_the_people_hit(body, top)
    for item in top:
        item.outcome = (
            _outcome_after(body, item)
            or _outcome_inside(item)
            or item.stated
            or _outcome_after_aside(body, item, items)
        )
        item.secondary = _secondary(body, item) or any(
            rule.search(body) for rule in _SECONDARY
        )
        if (
            item.secondary
            and item.outcome is None
            and _BODIES.search(body[max(0, item.start - 80) : item.end])
        ):
            item.outcome = "killed"  # 'six bodies', 'the bodies of three drivers'

    top = _some_died_of_their_wounds(body, top)
    for index in range(len(top) - 2, -1, -1):  # "5 troops and 2 civilians died"
        item, following = top[index], top[index + 1]
        in_list = joined(body[item.tail : following.start])
        if (
            item.outcome is None
            and following.outcome
            and in_list
            and _outcome_before(body, item) is None  # not 'killed 16 policemen, and
        ):  # two soldiers were hurt'
            item.outcome = following.outcome
    for before, item in itertools.pairwise(top):  # '..., 17 at Filin Gawa'
        if item.gapped and item.outcome is None and before.outcome:
            item.outcome = before.outcome
            item.side = before.side if item.bare else item.side
    for item in top:
        if item.outcome is None:
            item.outcome = _outcome_before(body, item)
    for before, item in itertools.pairwise(top):  # 'Sakkada lost seven people ...
        if item.gapped and item.outcome is None and before.outcome:  # and Otawa eight'
            item.outcome = before.outcome
    listed = THE_HURT_WERE.search(body)
    for item in top:  # 'The dead were four policemen, two soldiers and ...'
        if (
            listed
            and item.start >= listed.end()
            and item.outcome is None
            and item.side != "unspecified"
        ):
            item.outcome = (
                "injured" if INJURED_WORDS.search(listed.group(1)) else ("killed")
            )
    for before, item in itertools.pairwise(top):  # "killing 5 soldiers and 7 civilians"
        in_list = joined(body[before.tail : item.start])
        if item.outcome is None and before.outcome and in_list:
            item.outcome = before.outcome
    for item in top:  # 'Two personnel were hurt, along with seven passers-by'
        along = _ALONG_WITH.search(body[max(0, item.start - 60) : item.start])
        if item.outcome is None and along:
            item.outcome = outcome_kind(along.group("word"))
    figures = [
        _figure(clause, item)
        for item in merge_lists(body, top)
        if item.outcome
        and not _told_apart(body[max(0, item.start - 100) : item.start])
        and not _killed_or_wounded(body, item)
    ]
    figures += death_tolls(clause)
    nobody = none_hit(clause)  # 'No one was hurt': not one person hurt
    figures = [
        f for f in figures if not any(n.start <= f.start < n.end for n in nobody)
    ] + nobody
    some = (
        some_of_the_hit(clause) + some_of_the_dead(clause) + the_dead_included(clause)
    )
    figures = [
        f for f in figures if not any(s.start <= f.start < s.end for s in some)
    ] + some
    taken = [(f.start, f.end) for f in figures]
    figures += [
        f
        for f in resulted_in(clause)
        if not any(a < f.end and f.start < b for a, b in taken)
    ]
    figures = _colleagues_of_before(sorted(figures, key=lambda figure: figure.start))
    figures = [_its_own(clause, figure) for figure in figures]
    figures = [_in_an_attack_on_civilians(clause, figure) for figure in figures]
    return _more_of_the_same(clause, figures)


_ATTACK_ON_CIVILIANS = re.compile(
    r"^[^;]{0,160}?\b(?:attacks?|assaults?|raids?|massacres?|killings?)\s+"
    r"(?:on|against|targeting)\s+(?:the\s+)?(?:unarmed\s+|innocent\s+|"
    r"defen[cs]eless\s+)?civilians\b(?!\s*(?:,|and|or)\s)",
    re.IGNORECASE,
)


def _in_an_attack_on_civilians(clause: Span, figure: Figure) -> Figure:
    """'forty people were killed ... in the latest gruesome attack on civilians':
    people with no side, hit in an attack the clause says was on civilians, are
    civilians."""
    if figure.side != "unspecified" or figure.parts:
        return figure
    if not _ATTACK_ON_CIVILIANS.search(clause.text[figure.end - clause.start :]):
        return figure
    return replace(figure, side="civilians")


_ITS_OWN = re.compile(r"\bof\s+its\s+(?:own\s+)?(?:members|men|ranks)$", re.IGNORECASE)


def _its_own(clause: Span, figure: Figure) -> Figure:
    """'The Colombian National Police said eight of its members had been killed':
    the members are of the side of the body named before them."""
    if figure.side != "unspecified" or figure.parts or not _ITS_OWN.search(figure.text):
        return figure
    side = antecedent(clause.text[: figure.start - clause.start])
    return figure if side == "unspecified" else replace(figure, side=side)


_COLLEAGUES = re.compile(r"\b(?:colleagues|comrades)$", re.IGNORECASE)


def _colleagues_of_before(figures: list[Figure]) -> list[Figure]:
    """'a policeman was killed and two of his colleagues were wounded': the
    colleagues are of the side of the people counted just before them."""
    found: list[Figure] = []
    for figure in figures:
        before = found[-1] if found else None
        if (
            before is not None
            and figure.side == "unspecified"
            and not figure.parts
            and before.side != "unspecified"
            and _COLLEAGUES.search(figure.text)
        ):
            figure = replace(figure, side=before.side, military=before.military)
        found.append(figure)
    return found


_MORE = re.compile(r"^\s+(?:more|further|others? more)\b", re.IGNORECASE)


def _more_of_the_same(clause: Span, figures: list[Figure]) -> list[Figure]:
    """'One of the attackers blew himself up, security forces killed three more':
    a count of 'more' adds to the one before it of the same side and outcome."""
    kept: list[Figure] = []
    for figure in figures:
        after = clause.text[figure.end - clause.start : figure.end - clause.start + 20]
        earlier = next(
            (
                k
                for k in reversed(kept)
                if (k.side, k.outcome) == (figure.side, figure.outcome) and not k.parts
            ),
            None,
        )
        if earlier is not None and not figure.parts and _MORE.match(after):
            kept[kept.index(earlier)] = replace(
                earlier, value=earlier.value + figure.value, end=figure.end
            )
            continue
        kept.append(figure)
    return kept


DISCOUNT_RULES: tuple[Rule, ...] = (
    Rule(
        "what a group claims it did is its claim, not a toll",
        r"\bclaim(?:s|ed|ing)?\s+(?:that\s+)?(?:it|they|its (?:fighters|men)|"
        r"(?:[\w,]+\s+){0,3}?to have)\b[^.;]*$",
        "The BLA said it carried out the assault, claiming it hit the base and "
        "killed more than a dozen enemy personnel.",
        12,
        "dropped",
    ),
    Rule(
        "an earlier toll that dates the news",
        r"\b(?:(?:a|one|two|three|four|five|six|several|a few|\d+) (?:days?|weeks?|"
        r"months?|years?)|(?:just |only )?(?:hours|days|weeks|months)) (?:after|"
        r"before)\b[^.;]*$",
        "The attack was claimed a day after nine police were killed in similar blasts.",
        9,
        "dropped",
    ),
    Rule(
        "a first toll the report goes on to correct",
        r"\b(?:(?:first|initial|earlier|preliminary) (?:reports?|tolls?|figures?|"
        r"accounts?)|initially|at first|had\s+(?:earlier\s+|first\s+|previously\s+)?"
        r"reported)\b",
        "The first reports said six guards had been killed, but one was revived.",
        6,
        "secondary",
    ),
    Rule(
        "one witness's estimate beside the toll",
        r"\b(?:one|a|another)\s+(?:local\s+)?(?:inhabitant|resident|witness|survivor|"
        r"villager|farmer|shopkeeper)\b(?:,?\s+who\b[^.;]{0,100}?)?\s+(?:said|says|"
        r"told|estimated|put)\b",
        "One inhabitant said about 20 had died.",
        20,
        "secondary",
    ),
    Rule(
        "the dead one rescuer carried",
        r"\b(?:he|she|i|we|they)\s+(?:had\s+|has\s+|have\s+)?(?:personally\s+|"
        r"himself\s+|herself\s+)?(?:carried|pulled out|dug out|helped (?:to )?"
        r"(?:carry|pull out))\b",
        "A man who rushed to the scene said he had carried four dead people.",
        4,
        "secondary",
    ),
    Rule(
        "one source's own count beside the toll",
        r"\b(?:by|in|according to) (?:his|her|their|its|the group's|the militants') "
        r"(?:own )?(?:count|tally|reckoning|account)\b",
        "By his count the attackers had killed 15 soldiers.",
        15,
        "secondary",
    ),
    Rule(
        "the attackers' own account beside the toll",
        r"\b(?:spokes(?:man|person|woman)|statement|claim)\s+(?:for|of|from|by)\s+"
        r"(?:the\s+)?(?:militant\s+|armed\s+|insurgent\s+|jihadist\s+)?(?:group|"
        r"militants|insurgents|rebels|al[- ]?shabaa?b|taliban|ttp|bla|jnim|iswap|"
        r"boko haram|islamic state|isis|adf)\b|"
        r"\b(?:taliban|ttp|bla|al[- ]?shabaa?b|jnim|iswap|boko haram|islamic state|"
        r"isis|adf|pkk|npa|eln)(?:'s)?\s+(?:spokes(?:man|person|woman)|statement|"
        r"claim)\b|\bsaid\s+(?:that\s+)?(?:the group|"
        r"its fighters|its men|its militants|the militants|the insurgents)\s+had\b|"
        r"\b(?:taliban|ttp|bla|al[- ]?shabaa?b|jnim|iswap|boko haram|islamic state|"
        r"isis|adf|the group|the militants|the insurgents)\s+(?:[^.;]{0,60}?\s)?"
        r"(?:also\s+|further\s+|later\s+)?(?:said|claimed)\s+(?:that\s+)?(?:they|it|"
        r"its fighters)\s+had\b",
        "A spokesman for al Shabaab said the group had seized the base and killed "
        "more than 10 soldiers.",
        10,
        "secondary",
    ),
)
"""Words that make a count less than the news's toll: ``value`` 'dropped' (read
before the count: it is no toll of the news) or 'secondary' (anywhere in the
clause: it stands only where the report states no other, as bodies found do).
Each rule's ``expected`` is the count its example holds."""
_DROPPED = tuple(rule for rule in DISCOUNT_RULES if rule.value == "dropped")
_SECONDARY = tuple(rule for rule in DISCOUNT_RULES if rule.value == "secondary")


def _told_apart(before: str) -> bool:
    """Whether the words before a count make it no toll of the news: a group's
    claim, or an earlier event that dates the news."""
    return any(rule.search(before) for rule in _DROPPED)


_ASIDE = re.compile(r"^\s*,([^,;]{1,80}),")
"""'nine others, the Assistant Commissioner among them, injured': an aside between
a group and its verb."""
_NAMES_ASIDE = re.compile(
    r"^\s*,(?!\s*(?:among|including|of whom|of them)\b)([^;.]{1,160}?),"
    r"(?=\s+(?:were|was|have been|has been|had been)\s)"
)
"""'three Turkish soldiers, non-commissioned officer Muhammet Gurlek and senior
sergeants Musa Saydam and Hasim Dirik, were killed': a longer aside, commas and
all, that ends right before the verb."""
_ALONG_WITH = re.compile(
    rf"\b(?:were|was|have been|has been|had been)\s+(?:\w+ly\s+)?"
    rf"(?P<word>{KILLED_VERBS}|{INJURED_VERBS})\s*,?\s+(?:along with|as well as|"
    r"together with|alongside)\s+(?:(?:at least|some|about|around|nearly|another|"
    r"the)\s+)*$",
    re.IGNORECASE,
)
"""'[Two soldiers] were killed, along with [three civilians]': the people added
after the verb share its outcome."""
_DIED_AFTER = re.compile(
    r"^\s*(?:were|was|got)\s+(?:[\w-]+\s+){1,5}?and\s+(?:later\s+|then\s+)?"
    r"(?P<word>died|perished|succumbed|were killed|was killed|were martyred|"
    r"was martyred|lost (?:their|his|her) li(?:fe|ves)|(?:shot dead|gunned down|"
    r"executed|beheaded|murdered)(?!\s+(?:\d|a|an|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|the|his|her|their)\b))\b",
    re.IGNORECASE,
)
"""'Two civilians were caught in the crossfire and died', 'Nine passengers were
offloaded from a bus and shot dead': a death after a short predicate (only verbs
that take no object there)."""
_DID_THEN_DIED = re.compile(
    r"^\s*(?:,\s*(?:however|though|too|also)\s*,)?\s+(?:fought|resisted|battled|"
    r"returned fire|fired back|stood firm)(?:\s+(?:\w+ly|back|hard|on))?\s+and\s+"
    r"(?:were\s+|was\s+)?(?P<word>embraced (?:shahadat|martyrdom)|died|perished|"
    r"martyred|killed|injured|wounded|laid down (?:their|his|her) li(?:fe|ves))\b",
    re.IGNORECASE,
)
"""'Four brave soldiers, however, fought gallantly and embraced Shahadat': the
people fought, then fell."""
_DOING_THEN = re.compile(
    r"^\s+(?:who were\s+)?\w+ing\b[^,;.]{0,90}?(?:,[^,;.\d]{1,90},)?\s"
    r"(?P<word>died|perished|"
    rf"(?:were|was|(?:had|have|has)\s+been)\s+(?:\w+ly\s+)?"
    rf"(?:{KILLED_VERBS}|{INJURED_VERBS}))\b",
    re.IGNORECASE,
)
"""'two men working on the construction of an imambargah in the Dandar area
died', 'Five labourers working on a mobile phone tower were shot dead', 'Two
peacekeepers serving with MINUSCA, the UN mission in the country, were killed',
'all eight soldiers manning the checkpoint had been killed':
what the people were doing (and an aside on it), between them and their verb."""
_WHO_THEN = re.compile(
    r"^\s+who\s+(?:had|have|has|were|was|are|is|\w+ed)\b[^;.]{0,150}?,?\s"
    r"(?P<word>died|perished|were killed|was killed|were martyred|was martyred|"
    r"were injured|was injured|were wounded|was wounded)\b",
    re.IGNORECASE,
)
"""'two armed men who had attempted a raid on a check post ... in Turbat city,
were killed': a relative clause between the people and their verb."""
_ORIGIN_PHRASE = re.compile(
    r"^\s+(?:(?:taken|abducted|kidnapped|offloaded|pulled|dragged|seized)\s+)?"
    r"(?:from|on|aboard|on board|in|inside|at|of|off)\s+(?:the\s+)?"
    r"(?:(?:(?!\d)[\w'-]+|\([A-Za-z]{1,10}\))\s+){1,6}?(?=(?:were|was|had|have|has)\b)",
    re.IGNORECASE,
)
"""Where the people were from or were, between them and their verb: 'Two
civilians from the nearby X area were', 'soldiers on it were killed',
'passengers aboard the bus were', 'the nine people taken from the two coaches
had been killed'."""
_AND_UNCOUNTED = re.compile(
    r"^\s*,?\s+and\s+(?:an?\s+)?(?:(?:unknown|undisclosed|unspecified|unconfirmed|"
    r"undetermined)\s+number\s+of|several|some|many|a few|dozens of|scores of)\s+"
    r"(?:other\s+)?[\w-]+(?=\s+(?:were|was|have|had)\b)",
    re.IGNORECASE,
)
"""'Another 11 soldiers and an unknown number of civilians were wounded': a group
with no count shares the verb."""
_SEIZED_BEFORE = re.compile(
    r"\b(?:abduct|kidnapp?|offload|seiz|dragg|pull|round|lin|captur|forc|herd)"
    r"(?:ed|ing)\s+(?:(?:up|off|out)\s+)?(?:(?:at least|some|about|around|nearly|"
    r"more than|over)\s+)?$|\b(?:took|taking|made|making|ordered|ordering)\s+"
    r"(?:(?:at least|some|about)\s+)?$",
    re.IGNORECASE,
)
_THEN_KILLED_THEM = re.compile(
    r"^[^.;]{0,100}?(?:\b(?:and|then|before)\s+(?:later\s+|then\s+)?(?:killed|"
    r"executed|beheaded|murdered|slaughtered|shot|gunned)|,\s+killing)\s+"
    r"(?:all\s+(?:of\s+)?)?them\b",
    re.IGNORECASE,
)
"""'abducted at least nine passengers from two coaches ... and killed them', 'made
at least five passengers get off a bus ... and sprayed them with bullets,
killing them': the people seized, then killed."""
_ARRIVED_AFTER = re.compile(
    r"^\s*(?:(?:had|have|has|were|was|been|being|later|also)\s+)*(?:brought|"
    r"taken|shifted|rushed|admitted|moved|referred|evacuated|airlifted|flown|"
    r"received|transported)\b",
    re.IGNORECASE,
)
_BODIES = re.compile(r"\b(?:bod(?:y|ies)|corpses?)\b", re.IGNORECASE)
_BODIES_OF = re.compile(
    r"\b(?:bod(?:y|ies)|corpses?)\b[^.;]{0,60}?\bof\s+(?:the\s+)?$", re.IGNORECASE
)


def _outcome_after_aside(
    body: str, item: CountItem, items: list[CountItem]
) -> str | None:
    """The verb after an aside that holds no count of its own, or after a short
    predicate ('were caught in the crossfire and died')."""
    rest = body[item.tail :]
    origin = _ORIGIN_PHRASE.match(rest)  # 'Two civilians from the X area', 'on it'
    if origin:
        rest = rest[origin.end() :]
        found = OUTCOME_AFTER.match(rest)
        if found:
            return outcome_kind(found.group("word"))
    uncounted = _AND_UNCOUNTED.match(rest)
    if uncounted:
        found = OUTCOME_AFTER.match(rest[uncounted.end() :])
        if found:
            return outcome_kind(found.group("word"))
    if _SEIZED_BEFORE.search(body[max(0, item.start - 40) : item.start]):
        killed = _THEN_KILLED_THEM.match(rest)
        if killed and not any(
            item.tail <= other.start < item.tail + killed.end() for other in items
        ):
            return "killed"
    died = (
        _DIED_AFTER.match(rest) or _DOING_THEN.match(rest) or _DID_THEN_DIED.match(rest)
    )
    if died:
        return outcome_kind(died.group("word"))
    relative = _WHO_THEN.match(rest)
    if relative and not any(
        item.tail <= other.start < item.tail + relative.start("word") for other in items
    ):
        return outcome_kind(relative.group("word"))
    aside = _NAMES_ASIDE.match(rest) or _ASIDE.match(rest)
    if aside is None or OUTCOME_AFTER.match(rest):
        return None
    start, end = item.tail, item.tail + aside.end()
    if any(start <= other.start < end for other in items):
        return None
    return _outcome_after(body, shifted(item, end))


def _secondary(body: str, item: CountItem) -> bool:
    """Bodies found ('six bodies', 'the bodies of three drivers') or people brought
    to a hospital ('150 injured people had been brought to the hospital')."""
    counted = body[item.start : item.end]
    return bool(
        _BODIES.search(counted)
        or _BODIES_OF.search(body[max(0, item.start - 80) : item.start])
        or (_ARRIVED_AFTER.match(body[item.tail :]) and not _outcome_after(body, item))
    )


def _outcome_after(body: str, item: CountItem) -> str | None:
    """The verb right after the counted people, or after the apposition they are
    ('Lutaf Khosa, the town's police sub-inspector, was fatally wounded')."""
    after = body[item.tail :]
    if _NAMED_BEFORE.search(body[max(0, item.start - 40) : item.start]):
        after = re.sub(r"^\s*,", "", after, count=1)
    found = OUTCOME_AFTER.match(after)
    if found is None:
        return None
    if (
        not after[: found.start("word")].strip(" ,")
        and _TRANSITIVE.fullmatch(found.group("word"))
        and _OBJECT_AFTER.match(after[found.end() :])
    ):
        return None  # 'two gunmen killed a senior officer': they did the killing
    if _wounded_then_died(body, item):
        return "killed"  # 'the five soldiers who were critically injured ... had
    return outcome_kind(found.group("word"))  # succumbed to their wounds'


_OBJECT_AFTER = re.compile(
    rf"^\s+(?:an?|the|his|her|their|its|{NUMBER}|at least|more than|several|many|"
    rf"(?:nearly|about|around|over|some|up to)\s+{NUMBER})\s",
    re.IGNORECASE,
)
"""The verb's object after it: the people counted before the verb are the ones
who killed or wounded, not the ones killed ('Three militants killed two
policemen'). A headline's 'Two gunmen killed in encounter' has none."""
_TRANSITIVE = re.compile(
    r"killed|wounded|injured|shot|murdered|slaughtered|massacred|beheaded|hurt",
    re.IGNORECASE,
)
"""The outcome verbs that take an object."""


_EITHER = re.compile(
    r"^\s+or\s+(?:killed|wounded|injured|hurt|martyred|dead)\b", re.IGNORECASE
)


def _killed_or_wounded(body: str, item: CountItem) -> bool:
    """'three military personnel had been killed or wounded': people hit, of whom
    the text does not say who died: neither a dead nor a wounded count."""
    found = OUTCOME_AFTER.match(body[item.tail :])
    return found is not None and bool(_EITHER.match(body[item.tail + found.end() :]))


def _wounded_then_died(body: str, item: CountItem) -> bool:
    """Whether the people counted are said to be wounded, then to have died:
    'the five soldiers who were critically injured ... had succumbed', 'one of
    the security officials wounded on Thursday had succumbed'."""
    after = body[item.tail :]
    found = OUTCOME_AFTER.match(after)
    if found is None or outcome_kind(found.group("word")) != "injured":
        return False
    words = after[: found.start("word")]
    return bool(
        (re.search(r"\bwho\b", words, re.IGNORECASE) or not words.strip())
        and _THEN_DIED.match(after[found.end() :])
    )


_THEN_DIED = re.compile(
    r"^[^.;]{0,60}?\b(?:had|have|has|later)?\s*(?:succumbed|died|passed away)\b",
    re.IGNORECASE,
)
"""The main verb after a relative clause of the wounded: they died."""


_NAME_APPOSED = re.compile(r"(?:(?-i:[A-Z])[\w'.-]*\s+){1,3}(?-i:[A-Z])[\w'-]+,\s+$")
"""A person's full name and a comma before the counted one, right after the
verb: 'killed Mohammad Siahani, [a member of the IRGC]'."""
_NAMED_BEFORE = re.compile(r"(?-i:[A-Z])[\w'-]+,\s+$")
"""A person's name before the counted one: the count is the name's apposition."""


def _outcome_inside(item: CountItem) -> str | None:
    found = OUTCOME_INSIDE.search(item.between)
    return outcome_kind(found.group()) if found else None


def _outcome_before(body: str, item: CountItem) -> str | None:
    before = body[max(0, item.start - 60) : item.start]
    found = OUTCOME_BEFORE.search(before)
    named = _NAME_APPOSED.search(before)
    if not found and named:  # 'killed Mohammad Siahani, [a member of the IRGC]'
        found = OUTCOME_BEFORE.search(before[: named.start()])
    if not found:
        return None
    word = found.group("word").lower()
    if word in {"left", "leaving"}:
        dead = LEFT_DEAD.match(body[item.tail :])
        return outcome_kind(dead.group("word")) if dead else None
    return outcome_kind(word)


def _figure(clause: Span, item: CountItem) -> Figure:
    parts = tuple(
        Figure(
            side=part.side,
            outcome=item.outcome or "killed",
            value=part.value,
            start=clause.start + part.start,
            end=clause.start + part.end,
            text=clause.text[part.start : part.end],
            high=part.high,
            at_least=part.at_least,
            approximate=part.approximate,
            military=part.military,
        )
        for part in item.parts
    )
    return Figure(
        side=item.side,
        outcome=item.outcome or "killed",
        value=item.value,
        start=clause.start + item.start,
        end=clause.start + item.end,
        text=clause.text[item.start : item.end],
        high=item.high,
        at_least=item.at_least,
        approximate=item.approximate,
        military=item.military,
        parts=parts,
        secondary=item.secondary,
        some_of=item.some_of,
        of_the_wounded=item.outcome == "killed"
        and (
            (
                bool(_OF_THEM_END.search(clause.text[item.start : item.end]))
                and bool(_OF_THEIR_WOUNDS.match(clause.text[item.end :]))
            )
            or _wounded_then_died(clause.text, item)
            or bool(_OF_THE_WOUNDED_END.search(clause.text[item.start : item.end]))
        ),
    )


_OF_THEIR_WOUNDS = re.compile(
    r"^\s+(?:(?:later|subsequently|since|also|has|have|had|then)\s+)*(?:died|"
    r"succumbed)\s+(?:\w+\s+){0,2}?(?:of|from|to)\s+(?:his|her|their)\s+"
    r"(?:injuries|wounds)\b",
    re.IGNORECASE,
)
"""'one of them died of his injuries': a death among the wounded."""
_OF_THEM_END = re.compile(r"\bof\s+(?:them|whom|those)$", re.IGNORECASE)
_OF_THE_WOUNDED_END = re.compile(r"\bof\s+the\s+(?:injured|wounded)$", re.IGNORECASE)
"""'Two of the injured [later died]': deaths among people counted as wounded."""
