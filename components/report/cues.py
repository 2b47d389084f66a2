"""Words that say whether a sentence goes on with the news or tells of an earlier
event: the cue tables :func:`components.report.dates.cue` reads, each rule with
its name, pattern and an example that gives its state ('background', 'current'
or 'keep': the state of the sentence before)."""

from __future__ import annotations

import re

from components.report.rules import Rule
from components.report.vocabulary import (
    ANAPHORA,
    HIT_WORDS,
    INJURED_VERBS,
    KILLED_VERBS,
)
from components.report.vocabulary.text import MONTH_WORD

DAYS_ATTACK = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)'s "
    r"(?:attack|blast|assault|incident|ambush|bombing|raid|explosion)s?\b",
    re.IGNORECASE,
)
"""'after Friday's attack', 'staged Thursday's attacks': the attack the report
tells of, and its day."""


BACKGROUND_CUES: tuple[Rule, ...] = (
    Rule(
        "last year, month or week",
        r"\blast (?:year|month|week)\b",
        "Last year, 14 soldiers were killed in a similar attack in Kech.",
        "background",
    ),
    Rule(
        "earlier this or that period",
        r"\bearlier (?:this|that|last|in|in the) (?:same )?(?:year|month|week|"
        r"january|february|march|april|may|june|july|august|september|october|november|december)\b",
        "Earlier this month, six labourers were shot dead in Turbat.",
        "background",
    ),
    Rule(
        "another event of the same week or month",
        r"^\W*(?:also|and) (?:this|that|the same|in the same) (?:week|month)\b",
        "Also this week, 10 soldiers were killed in an attack in Raqa province.",
        "background",
    ),
    Rule(
        "a similar, earlier or previous attack",
        r"\b(?:(?:in|during) (?:a|an) (?:similar|earlier|previous) (?:attack|"
        r"incident|assault|blast|bombing|case)|a similar attack|(?<!foiled )"
        r"(?<!repulsed )(?<!repelled )(?<!thwarted )(?<!averted )similar attacks|"
        r"earlier attacks?|the previous (?:year|month|attack)|(?:several|many|a "
        r"series of) (?:recent|previous|earlier) attacks)\b",
        "In an earlier attack, militants killed nine passengers in Noshki.",
        "background",
    ),
    Rule(
        "time ago or since",
        r"\b(?:previously|in the past|(?:years|months|weeks|(?:a )?fortnight) ago|"
        r"so far this year|"
        r"this year alone|since (?:the start|the beginning|(?:early |mid-?|late )?"
        r"(?:january|february|march|april|may|june|july|august|september|october|"
        r"november|december)\b(?!\s+\d)|\d{4}|that time)|"
        r"ever since|(?:has|have) since (?:killed|claimed|left|displaced)|(?:in|by|"
        r"during|through) the (?:early |mid-?|late )?(?:1[89]|20)\d0s|"
        r"in the (?:[\w-]+ )?years (?:after|since|following)|"
        r"since (?:the "
        r")?(?:[\w-]+ ){1,4}(?:began|started|erupted|broke out)|in recent "
        r"(?:years|months|weeks)|over (?:the )?(?:recent|past|last) (?:few |several )?"
        r"(?:weeks|months|years)|(?:almost|nearly|about|more than|less than|over) "
        r"(?:a|one|two|three) (?:weeks?|months?|years?) (?:earlier|ago|before)|"
        r"(?:a few|several|some|two|three|four|five|six|\d+) days earlier|in the "
        r"course of the (?:campaign|offensive|operations?|war|conflict|insurgency))\b",
        "More than 200 people have been killed since 2017.",
        "background",
    ),
    Rule(
        "the price a force has paid over time",
        r"\b(?:has|have|had)\s+paid\s+(?:a\s+)?(?:heavy|high|steep|terrible|bloody)"
        r"\s+price\b|\btally\s+puts\s+(?:its|their)\s+(?:dead|death toll|losses)\b",
        "The force has paid a heavy price: an AFP tally puts its dead at around 250.",
        "background",
    ),
    Rule(
        "an attack of recent days, before the news",
        r"\b(?:in (?:the )?recent days|recently\s+(?:attacked|struck|stormed|"
        r"ambushed|raided|bombed|targeted|overran|killed)|(?:^|,)\W*(?:and\s+)?"
        r"(?:also\s+)?recently,)",
        "Elsewhere, and also recently, a checkpoint in Helmand was attacked and ten "
        "soldiers were killed there.",
        "background",
    ),
    Rule(
        "a whole year",
        r"\b(?:during|throughout|in|over the course of|for) (?:the (?:whole |entire )?"
        r"year )?(?:of )?(?:19|20)\d\d\b(?![-/])",
        "Militants carried out more than a hundred attacks during 2022, and 105 "
        "policemen lost their lives in them.",
        "background",
    ),
    Rule(
        "a history",
        r"\b(?:history of|has long|have long|for decades|before that|"
        r"(?:has|have) been attacked before|the same group had|in the "
        r"first of those|in the second (?:incident|attack)|(?:has|have) become "
        r"(?:the|a) (?:centre|center|epicentre|epicenter|hotbed|hub|focus|"
        r"stronghold) of)\b",
        "The town has been attacked before, and has a history of bombings.",
        "background",
    ),
    Rule(
        "the period before",
        r"^\W*(?:in\s+|during\s+)?the\s+(?:previous\s+(?:day|week|month|year)|"
        r"(?:day|week|month|year)\s+before)\b",
        "The week before, two attacks in Bolan and Kalat cost the lives of two "
        "policemen.",
        "background",
    ),
    Rule(
        "a stretch of time before the news",
        r"^\W*(?:just |only |about |some |barely )?(?:a|one|two|three|four|five|six|"
        r"seven|\d+) (?:days?|weeks?|months?|years?) (?:earlier|before)\b",
        "A week earlier, an attack on villages in Beni territory left 18 dead.",
        "background",
    ),
    Rule(
        "the week, month or year before",
        r"\bthe (?:week|month|year) before\b|\b(?:the )?(?:previous|preceding) "
        r"(?:week|month|year)\b",
        "The newspaper reported that the week before, on Saturday, insurgents killed "
        "two men who were hunting in the Nantika region.",
        "background",
    ),
    Rule(
        "a bloody stretch of time",
        r"\b(?:the )?(?:past|last) (?:few )?(?:days?|weeks?|months?|years?) (?:has|"
        r"have) been\b|\b(?:has|have) been (?:a|an) (?:\w+ )?(?:bloody|deadly|violent)"
        r" (?:one|week|month|year|period|time)\b",
        "The past week has been a bloody one in Afghanistan.",
        "background",
    ),
    Rule(
        "came after an earlier attack",
        r"\b(?:followed|follows|came|comes)\s+(?:shortly|soon|closely|just|only)\s+"
        r"after\b|"
        r"\bcame (?:less than |more than |just |only |about )?(?:(?:a|one|two|three|"
        r"four|five|six|seven|eight|nine|ten|\d+) |a few |several )?(?:hours?|days?|"
        r"weeks?|months?) after\b|\b(?:came|comes|followed|follows) (?:close |hard |"
        r"right |soon )?on the heels of\b|\b(?:followed|follows|came after|"
        r"comes after)\s+(?:the\s+)?(?:deaths?|killings?|murders?)\s+of\b|"
        r"\b(?:followed|follows)\s+by\s+"
        r"(?:a|one|two|three|four|five|six|\d+|a few|several)\s+(?:days?|weeks?|"
        r"months?)\s+(?:the\s+)?(?:deaths?|killings?|murders?|attacks?|assault|"
        r"bombing|ambush)\b|\b(?:attack|assault|blast|bombing|ambush|raid)s?\s+"
        r"(?:a|one|two|three|four|five|six|seven|\d+|a few|several)\s+(?:days?|weeks?|"
        r"months?)\s+(?:earlier|before|ago)\b",
        "The attack came two weeks after a bombing in Quetta.",
        "background",
    ),
    Rule(
        "a trend of attacks",
        r"\b(?:attacks|clashes|killings|bombings|ambushes|violence)\b(?: [\w-]+){0,8}? "
        r"(?:have|has|had) (?:\w+ly )?(?:been )?(?:increas|ris|risen|grown|surg|spik|"
        r"escalat|intensif|mount|become more)\w*|"
        r"\b(?:follows|followed|comes after|came after) (?:a (?:series|spate|wave|"
        r"string|surge) of|repeated|several|many|recent|earlier|previous) "
        r"(?:\w+ )?attacks\b|\b(?:has|have|had) (?:lately |recently )?(?:seen|"
        r"witnessed|faced|suffered|been seeing|been witnessing|been facing) "
        r"(?:a (?:\w+ )?(?:series|spate|wave|string|surge) of|repeated|"
        r"frequent|several|many|numerous|(?:dozens|scores|hundreds) of|an? (?:\w+ )?"
        r"(?:surge|rise|increase|spike|upsurge|uptick) in) (?:\w+ )?"
        r"(?:attacks|clashes|bombings|killings|violence)\b",
        "Attacks in the province have risen over the past year, and KP has seen a "
        "series of attacks in Bannu and Karak.",
        "background",
    ),
    Rule(
        "a toll of many attacks, or of lately",
        r"\b(?:have|has)\s+(?:recently|lately|repeatedly)\s+(?:killed|claimed)\b|"
        r"\b(?:have|has)\s+(?:also\s+)?been\s+killed\s+in\s+(?:[\w-]+\s+){0,2}?"
        r"(?:attacks|clashes|raids|bombings)\b",
        "Clashes between criminal groups in the north of Guerrero have recently "
        "killed at least a dozen people.",
        "background",
    ),
    Rule(
        "a conflict's or a group's toll over time",
        r"\b(?:the|this|its|their|a|an) (?:[\w-]+ ){0,2}?(?:conflict|insurgency|war|"
        r"violence|fighting|unrest|rebellion|uprising|crisis)s? (?:(?:that|which) )?"
        r"(?:has|have|had) (?:so far |already )?"
        r"(?:killed|claimed|left|displaced|cost)\b|\b(?:has|have) (?:carried out|"
        r"claimed|launched|staged|mounted|conducted) (?:a number of|several|many|"
        r"numerous|dozens of|scores of|hundreds of|a series of|a spate of|multiple|"
        r"repeated|frequent) (?:\w+ ){0,2}(?:attacks|bombings|raids|ambushes)\b|"
        r"\b(?:is|are|was|were|has been|have been) (?:widely |often )?(?:accused of|"
        r"blamed for) (?:\w+ ){0,3}?(?:thousands|hundreds|dozens|scores|many|numerous|"
        r"a (?:string|series|spate|wave) of)\b|"
        r"\battacks\s+(?:have|has)\s+(?:so\s+far\s+)?(?:killed|claimed)\b|"
        r"\b(?:have|has)\s+(?:killed|slain|displaced|cost\s+the\s+lives\s+of|"
        r"claimed\s+the\s+lives\s+of)\s+(?:(?:more than|over|at "
        r"least|almost|nearly|some|about|roughly)\s+)?(?:thousands|tens of thousands|"
        r"hundreds of thousands|\d{1,3}(?:,\d{3})+)\b|"
        r"\b(?:thousands|tens of thousands|hundreds of thousands|hundreds)\s+"
        r"(?:of\s+[\w-]+\s+)?(?:(?:in|across)\s+(?-i:[A-Z])[\w-]*\s+)?"
        r"(?:have|had)\s+(?:died|been killed|lost their lives|perished)\b|"
        r"\b(?:\d{1,3}(?:,\d{3})+|\d{4,})(?:\s+[\w-]+){0,2}?(?:\s*,[^,.;]{1,40},)?\s+"
        r"(?:have|had)\s+(?:died|been killed|lost their lives|perished)\b|"
        r"\b(?:has|have|had)\s+left\s+(?:(?:more than|over|at least|almost|nearly|"
        r"some|about|roughly)\s+)?(?:thousands|tens of thousands|hundreds of "
        r"thousands|\d{1,3}(?:,\d{3})+)\s+(?:of\s+)?(?:people\s+)?dead\b|"
        r"\b\d[\d,]*\s+(?:deaths|killings|fatalities)\s+(?:have|had)\s+been\s+"
        r"(?:reported|recorded|registered)\b|"
        r"\b(?:during|over|throughout)\s+(?:the\s+group's|its|their|the)\s+"
        r"(?:[\w-]+-(?:year|decade)(?:-long|-old)?|(?:years|decades)-long|"
        r"decade-long)\s+(?:campaign|insurgency|war|conflict|rebellion)\b",
        "The conflict has killed more than 40,000 people, and the group is accused "
        "of massacring thousands of civilians.",
        "background",
    ),
    Rule(
        "an attack answered or avenged",
        r"\b(?:answered|avenged|avenging|in (?:retaliation|revenge|response|reprisal) "
        r"(?:for|to)|(?:came|was|were) in response to)\s+(?:(?:a|an)\s+(?:[\w-]+\s+)"
        r"{0,3}?|the\s+(?:recent|earlier|previous|last)\s+(?:[\w-]+\s+){0,2}?)"
        r"(?:attack|bombing|assault|ambush|raid|killing|massacre|operation|offensive|"
        r"(?:air\s?)?strike)s?\b",
        "The designation answered a deadly attack by the group that killed 27 "
        "guards near Zahedan.",
        "background",
    ),
    Rule(
        "a count of attacks",
        r"\b\d[\d,]*\s+(?:\w+\s+)?(?:incidents|attacks|operations|bombings)\s+"
        r"(?:(?:have|had)\s+)?(?:took place|taken place|(?:were|been) (?:carried out|"
        r"recorded|reported|registered|foiled|thwarted|conducted))\b",
        "According to the report, 273 terrorist incidents took place in the "
        "province this year.",
        "background",
    ),
    Rule(
        "many attacks carried out",
        r"\b(?:carried out|conducted|launched|staged|mounted|committed|recorded)\s+"
        r"(?:[2-9]\d|\d{3,}|[\d,]{4,}|1[0-9])\s+(?:[\w-]+\s+){0,2}?(?:incidents|"
        r"attacks|bombings|operations|actions|raids|strikes|IBOs)\b",
        'The group "Fitna Al-Hindustan" carried out 78 terrorist incidents in June, '
        "which left 100 people dead.",
        "background",
    ),
    Rule(
        "losses over many clashes",
        r"\b(?:has|have|had)\s+(?:also\s+)?(?:suffered|sustained|taken|inflicted)\s+"
        r"(?:(?:heavy|huge|big|severe|serious)\s+)?(?:casualties|losses)\s+in\s+"
        r"(?:(?:recent|repeated|several|many|numerous|frequent|the)\s+)?(?:clashes|"
        r"operations|encounters|battles|attacks)\b",
        "Militants had also suffered heavy casualties in clashes with the security "
        "forces, which had resulted in the killing of 60 terrorists.",
        "background",
    ),
    Rule(
        "a toll over many incidents",
        r"\b(?:in|across|during)\s+(?:\d{2,}|[5-9]|(?:five|six|seven|eight|nine|ten|"
        r"eleven|twelve|dozens|scores|hundreds)(?:\s+of)?)\s+(?!(?:separate|"
        r"coordinated|simultaneous|near-simultaneous|co-ordinated|similar|different)\b)"
        r"(?:[\w-]+\s+){0,2}?(?:incidents|attacks|bombings)(?:\s+of\s+(?:terrorism|"
        r"violence))?\b",
        "By his account 192 people were martyred in 219 terror incidents in Khyber "
        "Pakhtunkhwa, and 14 people in five attacks in Punjab.",
        "background",
    ),
    Rule(
        "earlier, on a day of the calendar",
        rf"^\W*earlier,?\s+(?:on|in|during)\s+(?:the\s+(?:first|second|third|fourth|"
        r"last|final|early|late)\s+(?:week|weeks|days|half|part)\s+of\s+)?"
        rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_WORD}\b",
        "Earlier, on August 22, six soldiers were martyred in South Waziristan.",
        "background",
    ),
    Rule(
        "a month's tally",
        rf"\b(?:in|during|throughout)\s+(?:the\s+month\s+of\s+)?{MONTH_WORD}\s+"
        r"alone\b",
        "He says that in September alone 216 people were murdered in rebel attacks.",
        "background",
    ),
    Rule(
        "before that, then or them",
        r"^\W*(?:just |shortly |days |weeks |a (?:day|week|month) )?before "
        r"(?:that|then|this|them|these|those|the (?:ambush|attack|assault|blast|"
        r"bombing|raid|explosion))\b",
        "Before them, terrorists attacked a check post in Kech, killing ten soldiers.",
        "background",
    ),
    Rule(
        "last weekday or month",
        r"\blast (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
        r"january|february|march|april|may|june|july|august|september|october|"
        r"november|december)\b",
        "Last Friday, insurgents shot dead two villagers.",
        "background",
    ),
)
"""Words that begin background: the sentence tells of an earlier event."""

CURRENT_CUES: tuple[Rule, ...] = (
    Rule(
        "a separate or another attack",
        r"\b(?:in|during) (?:(?:a|an) (?:separate|second|further)|another) "
        r"(?:attack|incident|assault|blast|bombing|ambush|raid)\b",
        "In a separate attack in Panjgur, a roadside bomb struck a vehicle.",
        "current",
    ),
    Rule(
        "meanwhile, separately, elsewhere, also",
        r"\b(?:meanwhile|separately|elsewhere|at the same time|in addition)\b|"
        r"\balso\b(?!\s+(?:been\s+)?(?:killed|dead|died|slain|martyred|injured|"
        r"wounded|hurt)\b)",
        "Meanwhile, militants torched a bank in Kharan.",
        "current",
    ),
    Rule(
        "today or this part of the day",
        r"\b(?:today|tonight|this morning|this evening|this afternoon)\b",
        "A bomb went off in Sibi this morning, wounding four people.",
        "current",
    ),
    Rule(
        "on a weekday",
        r"\b(?:on|late on|early on|late|early|since) (?:monday|tuesday|wednesday|"
        r"thursday|friday|saturday|sunday)\b",
        "Three attackers were killed late on Monday in Turbat.",
        "current",
    ),
    Rule(
        "confirming the attack",
        r"^\W*(?:confirming|describing|detailing|condemning) (?:the|this) (?:attack|"
        r"incident|assault|raid|ambush|blast|bombing)\b",
        "Confirming the attack, a military official said the militants had attacked "
        "the base in the morning.",
        "current",
    ),
    Rule(
        "the latest attack",
        r"\bthe latest (?:attack|incident)\b|" + DAYS_ATTACK.pattern,
        "The latest attack left four people dead.",
        "current",
    ),
)
"""Words that go on with today's news: a sentence with one is current unless it
also dates itself earlier. 'Some 33 attackers were also killed' adds dead to the
event the sentence before told of, news or background, so it is no cue."""


CLOSING_CLAUSE = Rule(
    "a clause that closes a sentence on a place's or group's past",
    r",\s+(?:in\s+(?:a|an|the)\s+[^,;]{1,60}?\s+)?(?:which|where)\s(?:[^,;]|"
    r"(?<=\d),(?=\d{3}))*?(?=[.!?\"']*\s*$)",
    "Al Shabaab attacked the town of Raga El, which it lost to the army last year.",
    ", which it lost to the army last year",
)
"""', which it lost to the army last year' or ', in a part of the east where
killings have doubled over the last year': what such a clause dates is the place
or the group, not the attack the sentence tells of."""


COMPARISON = Rule(
    "a comparison of the attack with those before it",
    r"\b(?:the|its|their)\s+(?:single\s+)?(?:deadliest|worst|bloodiest|biggest|"
    r"largest|heaviest|most\s+\w+)\s+(?:[\w-]+\s+){0,4}?(?:since\s+|in\s+(?:more\s+"
    r"than\s+|over\s+|nearly\s+|almost\s+)?(?:a\s+|the\s+(?:last|past)\s+)?"
    r"(?:\w+\s+)?(?:years?|decades?|months)\b)[^,;.]*",
    "Twenty-four CRPF men were killed in the deadliest Maoist ambush since 2010.",
    "the deadliest Maoist ambush since 2010",
)
"""'the deadliest ambush since 2010', 'the worst attack in years': the year it
names dates the attacks before, not the one the sentence tells of."""


EVENT_WORDS = re.compile(
    rf"{HIT_WORDS.pattern}|\b(?:{KILLED_VERBS}|{INJURED_VERBS})\b", re.IGNORECASE
)


_ABOUT_THE_GROUP = re.compile(
    r"\b(?P<who>group|organi[sz]ation|movement|faction|outfit|militia|insurgents|"
    r"militants)\s*,\s+(?:which|who)\b[^,;]{3,200},",
    re.IGNORECASE,
)
"""An aside on what the group behind an attack has done before ('The Islamist
group, which has carried out several attacks there over the past few years,
said ...'): its past, not the sentence's news."""


_GROUP_APPOSITIVE = re.compile(
    r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:group|organi[sz]ation|movement|faction|"
    r"outfit|militia|alliance|coalition)\b[^,;]{3,200},",
    re.IGNORECASE,
)
"""An aside that tells who a group is ('fighters of the Allied Democratic Forces
(ADF), a group driven out of Uganda in the late 1990s, attacked ...'): the
group's past, not the sentence's news."""


def news_part(text: str) -> str:
    """``text`` without a comparison with earlier attacks, an aside on the
    group's past, nor a closing clause on a place's or group's past where what
    comes before it tells of an attack or a toll."""
    text = COMPARISON.compiled.sub(" ", text)
    text = _ABOUT_THE_GROUP.sub(lambda m: m.group("who") + " ", text)
    text = _GROUP_APPOSITIVE.sub(" ", text)
    head, semicolon, _ = text.partition(";")
    if semicolon and ANAPHORA.search(head) and EVENT_WORDS.search(head):
        text = head  # 'The raid took place in Huyum ...; the militants had struck
        # the district again and again over recent weeks'
    closing = CLOSING_CLAUSE.search(text)
    if closing is None or not EVENT_WORDS.search(text[: closing.start()]):
        return text
    return text[: closing.start()]


_ALSO = re.compile(r"\balso\b", re.IGNORECASE)


def only_also(text: str) -> bool:
    """Whether 'also' is the one word of today's news in ``text`` ('The police
    also foiled a sabotage attempt'): inside a paragraph of background, it adds
    to what the sentence before told of."""
    fired = [rule for rule in CURRENT_CUES if rule.compiled.search(text)]
    if len(fired) != 1 or fired[0].name != "meanwhile, separately, elsewhere, also":
        return False
    return [m.group().lower() for m in fired[0].compiled.finditer(text)] == ["also"]


SAME_DAY = Rule(
    "the same day as the sentence before",
    r"^(?:on\s+)?(?:that|the)\s+(?:same\s+)?(?:day|night|evening|morning)\b|"
    r"^(?:later|earlier)\s+(?:that|the same)\s+(?:day|night)\b",
    "That same day, in a late-night attack, four Levies personnel were martyred.",
    "keep",
)
"""'The same day, ...': the day the text last named, and that sentence's state
(news or background)."""

SAME_TIME_CUES: tuple[Rule, ...] = (
    SAME_DAY,
    Rule(
        "a stretch of time after the sentence before",
        r"^(?:then|and)?,?\s*(?:just |only |about |some |barely |less than |more "
        r"than )?(?:a|one|two|three|four|five|six|seven|\d+|a few|several) (?:days?|"
        r"weeks?|months?|years?) (?:later|after (?:that|this|it|them))\b",
        "Then, a month later, police confirmed that three persons had died at Bawan "
        "Daji village.",
        "keep",
    ),
    Rule(
        "what the actors of the sentence before did later",
        r"^\W*(?:the|its|their|his|her)\s+(?:[\w'-]+\s+){0,2}?(?:later|afterwards|"
        r"subsequently)\s+(?:boasted|claimed|said|announced|found|recovered|"
        r"carried|took|took away|seized|burned|burnt|looted|withdrew|fled)\b",
        "The Shebab later boasted that it had killed 80 soldiers.",
        "keep",
    ),
    Rule(
        "the attack the sentence before told of",
        r"^(?:(?:in|during|after)\s+(?:that|this|those|the same)|that|those|the same)"
        r"\s+(?:attack|incident|assault|raid|blast|bombing|ambush|killing|operation|"
        r"(?:air\s?)?strike|clash|offensive)s?\b",
        "In that attack, also in the early hours, armed men burst into a house.",
        "keep",
    ),
    Rule(
        "that attack, later in the sentence",
        r"\b(?:in|during)\s+(?:(?:one|some|two|each|either|both)\s+of\s+)?"
        r"(?:that|those|the\s+same)\s+(?:attack|incident|assault|raid|blast|bombing|"
        r"ambush|killing|operation|(?:air\s?)?strike|clash|offensive)s?\b",
        "Four police personnel were also injured in that attack.",
        "keep",
    ),
    Rule(
        "the people the sentence before told of",
        r"^\W*(?:those|these)\s+(?:[\w-]+\s+)?(?:victims|killed|dead|people|"
        r"passengers|labou?rers|workers|men|women|soldiers|policemen|pilgrims|"
        r"villagers|attackers|militants|gunmen)\b",
        "Those victims, from the Wazirabad and Gujranwala areas of Punjab, were on "
        "their way to Iran.",
        "keep",
    ),
    Rule(
        "the source the sentence before quoted",
        r"^\W*(?:the same|that|this|the) (?:report|study|survey|data|tally|count|"
        r"think[- ]tank|monitor)\s+(?:also\s+)?(?:says|said|adds|added|shows|showed|"
        r"found|notes|noted|recorded|records)\b",
        "The same report says security forces killed 71 terrorists during June.",
        "keep",
    ),
    Rule(
        "the period the sentence before named",
        r"\b(?:in|during|over|within)\s+(?:that|the\s+same)\s+(?:period|span|"
        r"time\s+span|stretch)\b",
        "It said 39 civilians were also killed in that period.",
        "keep",
    ),
    Rule(
        "what came while the event the sentence before told of",
        r"^\W*(?:that|this|it)\s+came\s+(?:while|as|when|amid|during)\b",
        "That came while the group was fighting soldiers of the task force in "
        "Arge, on the border.",
        "keep",
    ),
    Rule(
        "the campaign the sentence before told of",
        r"\b(?:code-?named\b|the\s+(?:campaign|offensive|air\s+strikes|strikes)\s+"
        r"(?:\w+ly\s+)?(?:concentrated|focused|targeted|aimed|hit|struck|was|were|"
        r"had|has|destroyed|killed)\b)",
        "Code-named Operation Shujja, the campaign concentrated on the group's bases "
        "at Yayuwa and Tondoli.",
        "keep",
    ),
    Rule(
        "one of the attacks the sentence before told of",
        r"^(?:in|during)\s+the\s+(?:first|second|third|fourth|former|latter|other)"
        r"(?:\s+(?:attack|incident|assault|raid|blast|bombing|ambush))?\s*,",
        "In the second, armed men sprayed a police patrol with bullets near Mughalzai.",
        "keep",
    ),
)
"""Words that date a sentence by the one before it: it keeps that sentence's
state (news or background) even when it opens a paragraph."""


RISEN_TOLL = Rule(
    "a toll that has risen",
    r"\b(?:toll|number of (?:the )?dead)\b[^.;]{0,80}?\b(?:has|have)\s+(?:now\s+)?"
    r"(?:risen|climbed|gone up|increased)\b",
    "Elsewhere, the toll of last Monday's incursion into the village of Kota Okola "
    "has risen.",
    "current",
)
"""A toll of the past days that has risen is news, though its attack came 'last
Monday'."""
LAST_WEEKDAY = re.compile(
    r"\blast (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I
)


LATEST = re.compile(
    r"\bthe latest (?:attack|incident|assault|bombing|in a (?:series|string|spate|"
    r"wave|run))\b",
    re.IGNORECASE,
)
"""The news's attack as the last of a trend: the trend's words do not make the
sentence background."""
