"""The role table: the cues that say what a place name is named for, first match
wins (see :mod:`components.report.roles`), and the one evaluator that runs it."""

from __future__ import annotations

from components.report.numbers import NUMBER
from components.report.roles import (
    BLOCKADE,
    DATELINE,
    DESTINATION,
    INCIDENT,
    ORIGIN,
    REFERENCE,
    STATEMENT,
    RoleRule,
)
from components.report.vocabulary import DATELINE_AGENCIES, TITLES

_DISTANCE = (
    rf"(?:{NUMBER}|a few|several|some|a couple of)\s*-?\s*(?:km|kms|"
    r"kilomet(?:re|er)s?|miles?)"
)
"""'340 km', 'about thirty kilometres', 'a few miles'."""

_CAP = r"(?-i:[A-Z])"
_NAMEWORDS = rf"{_CAP}[\w'.-]*(?:\s+{_CAP}[\w'.-]*){{0,3}}"
_DATELINE_HEAD = (
    rf"^[\s\"']*(?:{_CAP}[\w.'-]*(?:\s+{_CAP}[\w.'-]*)*\s*"
    rf"(?:/|\(|(?<={_CAP}{_CAP}),|(?<={_CAP}{_CAP})\s+AND)\s*)*$"
)
"""Names before a dateline's name, joined by '/', '(' or, in capitals, a comma
or 'AND' ('BAJAUR, PESHAWAR:', 'CAIRO AND TEHRAN —')."""
_AGENCY = "|".join(DATELINE_AGENCIES)
_DATELINE_TAIL = (
    rf"^(?:\s*(?:/|\(|\)|,(?=\s*{_CAP}{{2}}))\s*(?:{_CAP}[\w.'-]*(?:\s+{_CAP}[\w.'-]*)*)?)*\s*"
    rf"(?:\[{_CAP}[\w\s.'-]{{1,30}}\]\s*)?"
    rf"(?:(?:\((?:{_AGENCY})\)|,\s*(?:Pakistan|Iran|Afghanistan|"
    rf"{_CAP}[a-z]{{2,8}}\.?\s+\d{{1,2}})(?:\s*\([^()]{{1,20}}\))?)\s*(?::|[-\u2013\u2014]\s)?"
    r"|(?::|[-\u2013\u2014]\s))"
)
_PEOPLE_FROM = (
    r"people|persons|workers|labou?rers|passengers|travell?ers|drivers|settlers|"
    r"pilgrims|civilians|families|victims|men|women|soldiers|policemen|fishermen|"
    r"farmers|herders|traders|merchants|miners|students|teachers|villagers|youths|"
    r"jawans|troops|personnel|employees"
)
_ONE_OF_MANY = (
    r"(?:one|among)\s+of\s+the\s+(?:[\w-]+\s+){0,2}?(?:counties|districts|provinces|"
    r"regions|areas|states|towns|cities|places)"
)
"""'one of the counties (worst hit)': an area described as one of many."""
_STRETCH_ENDS = (
    r"(?:[\w'-]+\s+){0,3}?(?:areas?|towns?|villages?|localities|camps?|posts?|"
    r"bases?)\s+(?:of|at)\s+(?:the\s+)?"
)
"""What the ends of a stretch are: 'between the security forces' camps at'."""
_TITLE_WORDS = "|".join(sorted(TITLES, key=len, reverse=True))
_HOSPITAL = (
    r"(?:(?:civil|district|teaching|general|military|referral|combined military|"
    r"district headquarters|dhq|thq|provincial|main|city)\s+)*"
    r"(?:hospital|medical (?:complex|centre|center|college)|trauma cent(?:re|er)|"
    r"morgue|mortuary|cmh)"
)

ROLE_RULES: tuple[RoleRule, ...] = (
    # -- where the report was filed ------------------------------------------
    RoleRule(
        "a dateline: capitalised names at the head of a paragraph, then a colon",
        DATELINE,
        "GWADAR / QUETTA: Gunmen burst into a house in Turbat, killing six labourers.",
        "QUETTA",
        before=_DATELINE_HEAD,
        after=_DATELINE_TAIL,
        lede=True,
        flags=0,
    ),
    RoleRule(
        "a dateline alone on the report's first lines",
        DATELINE,
        "Quetta\n\nGunmen burst into a house in Turbat, killing six labourers.",
        "Quetta",
        before=r"^[\s\"'(]*$",
        after=r"^[\s\"').:,-]*$",
        lede=True,
    ),
    RoleRule(
        "a writer's name in a byline after the date",
        DATELINE,
        "October 19, 2009 | Jeffrey Fleishman and Ramin Mostaghim\n\nA suicide "
        "bomber killed six commanders in Pisheen on Sunday.",
        "Ramin",
        before=r"^[^.|]{0,40}\b(?:19|20)\d\d\s*\|\s*(?:(?-i:[A-Z])[\w'-]*\s+){0,3}"
        r"(?:and\s+|,\s*)?$",
        gate=("|",),
    ),
    # -- where people fled from, even from an attack there --------------------
    RoleRule(
        "where people had fled from",
        ORIGIN,
        "Gunmen killed 40 farmers in Kalat, most of them people who had fled the "
        "fighting in Kech district.",
        "Kech",
        before=r"\b(?:fled|fleeing|flee|displaced)\s+(?:from\s+)?(?:the\s+)?"
        r"(?:[\w-]+\s+){0,3}?(?:in|from)\s+(?:the\s+)?$",
        gate=("fle", "displaced"),
    ),
    RoleRule(
        "where a convoy or people set off from",
        ORIGIN,
        "An IED struck an FC convoy near Noshki on Sunday; the convoy had left "
        "Quetta the day before.",
        "Quetta",
        before=r"\b(?:had\s+|having\s+)?(?:left|departed(?:\s+from)?|set\s+(?:off|out)"
        r"\s+from|started\s+(?:out\s+)?from)\s+(?:the\s+)?(?:(?:town|city|village|"
        r"base|camp|garrison)\s+of\s+)?$",
        gate=("left", "depart", "set off", "set out", "started"),
    ),
    RoleRule(
        "where a journey to the scene began",
        ORIGIN,
        "Militants ambushed the convoy as it travelled to Suntsar from the Zahiran "
        "check post.",
        "Zahiran",
        before=r"\b(?:travell?(?:ing|ed)|mov(?:ing|ed)|head(?:ing|ed)|going|went|"
        r"driving|drove|returning|returned|on (?:its|their|the) way)\s+(?:back\s+)?"
        r"(?:to|towards)\s+(?:the\s+)?(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*){0,2}"
        r"\s+from\s+(?:the\s+)?$",
        gate=("from",),
    ),
    RoleRule(
        "where a cross-border attack came from",
        ORIGIN,
        "The army said two soldiers had been hurt in the assault from "
        "Afghanistan's Kunar province.",
        "Kunar",
        before=r"\b(?:attacks?|assaults?|raids?|fire|firing|shelling|incursions?)\s+"
        r"(?:(?:launched|mounted|carried\s+out|that\s+came)\s+)?from\s+"
        r"(?:across\s+the\s+border\s+in\s+)?(?:the\s+)?"
        r"(?:(?-i:[A-Z])[\w-]*(?:'s|\u2019s)\s+)?$",
        gate=("from",),
    ),
    RoleRule(
        "where people were coming back from",
        ORIGIN,
        "The blast hit the jawans as they were returning after taking part in an "
        "operation in the nearby Abujhmad area.",
        "Abujhmad",
        before=r"\b(?:(?:returning|coming back|heading back|on (?:its|their|his|her) "
        r"way back|(?:carrying|taking|bringing|ferrying)\s+(?:[\w-]+\s+){1,3}?back)"
        r"\s+(?:[\w-]+\s+){0,2}?from|after\s+(?:taking part in|"
        r"conducting|carrying out|completing|finishing))\s+(?:[\w,'-]+\s+){0,6}?"
        r"(?:in|at|from|near)\s+(?:the\s+)?(?:nearby\s+)?$",
        gate=("returning", "back", "after"),
    ),
    # -- an attack place, named so whatever else the sentence says ------------
    RoleRule(
        "an attack on, in or at a place",
        INCIDENT,
        "Militants carried out an attack on the Quetta Civil Hospital, killing "
        "nine people.",
        "Quetta",
        before=r"\b(?:attack(?:ed|s)?|struck|stormed|raided|bombed|targeted|"
        r"ambushed|hit)\s+(?:on|at|in)?\s*(?:the\s+)?$",
        gate=("attack", "struck", "storm", "raid", "bomb", "target", "ambush", "hit"),
    ),
    RoleRule(
        "a place said to be where the attack happened",
        INCIDENT,
        "A statement by the mayor of Turbat town, where the attack happened, said "
        "two policemen were killed.",
        "Turbat",
        after=r"^(?:\s+(?:town|city|village|district|area|county|sub-district))?,?\s+"
        r"(?:where|(?:in|at|near|close to|not far from)\s+which|near where)\s+"
        r"(?:the\s+)?(?:attacks?|blast|explosion|ambush|incident|assault|"
        r"fighting|clash(?:es)?|killings?)\s+(?:happened|took place|occurred|"
        r"was carried out|struck)\b",
    ),
    # -- distances and routes ------------------------------------------------
    RoleRule(
        "a distance from a place",
        REFERENCE,
        "Gunmen attacked a Levies post in Dalbandin, 340 km from Quetta, killing "
        "two personnel.",
        "Quetta",
        before=rf"(?:{_DISTANCE}\s+"
        r"(?:\([^()]{1,30}\)\s+)?(?:(?:to\s+the\s+)?(?:north|south|east|west)"
        r"(?:-?(?:east|west))?(?:ern)?\s+)?(?:of|from)\s+|(?:away|far) from\s+|"
        r"border (?:with|of)\s+)"
        r"(?:the\s+)?(?:(?:(?:provincial|federal|national|state|country's|regional)\s+)?"
        r"capital,?\s+|(?:city|town|village) of\s+)?$",
        gate=("km", "kilomet", "mile", "from", "border"),
    ),
    RoleRule(
        "a side of a border between two areas",
        REFERENCE,
        "Gunmen killed nine passengers in the Sur-Dakai area, on the border between "
        "the Zhob and Loralai districts.",
        "Loralai",
        before=r"\bborder\s+between\s+(?:the\s+)?(?:(?:[\w'-]+\s+){1,3}?(?:and|&)\s+"
        r"(?:the\s+)?)?$",
        gate=("border",),
    ),
    RoleRule(
        "a bearing from a place",
        REFERENCE,
        "Militants killed four fighters in an attack near Tarmiyah, north of "
        "Baghdad, security sources said.",
        "Baghdad",
        before=r"(?:(?<=\bto the )|(?<!\bthe ))(?<!\bthe far )\b(?:just |some |far )?"
        r"(?:north|south|"
        r"east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?(?:(?:provincial|"
        r"national|federal|regional)\s+)?(?:capital,?\s+|city of\s+|town of\s+)?$",
        gate=("north", "south", "east", "west"),
    ),
    RoleRule(
        "an area the place told of lies next to",
        REFERENCE,
        "Six militants stormed a checkpoint in Dargai, a town in the Malakand "
        "region next to Swat, and killed two police there.",
        "Swat",
        before=r"\b(?:region|district|province|area|town|village|city|valley|county|"
        r"state|tehsil|agency|country|post|checkpost|checkpoint|camp|base),?\s+"
        r"(?:(?:that|which)\s+(?:lies|is)\s+)?"
        r"(?:next to|adjacent to|bordering|abutting)\s+(?:the\s+)?$",
        gate=("next to", "adjacent", "bordering", "abutting"),
    ),
    RoleRule(
        "a place violence is said to draw closer to",
        REFERENCE,
        "Violence is rising, with attacks moving ever closer to the capital, "
        "Bamako, in the south.",
        "Bamako",
        before=r"\b(?:closer|nearer)\s+(?:and\s+(?:closer|nearer)\s+)?to\s+(?:the\s+"
        r"(?:[\w-]+\s+){0,2}?(?:capital|city|border|frontier)\s*,?\s*(?:of\s+)?)?"
        r"(?:the\s+)?$",
        gate=("closer", "nearer"),
    ),
    RoleRule(
        "a place said to be a distance away",
        REFERENCE,
        "Fighter jets sent up from Quetta, the provincial capital, 100 kilometres "
        "(62 miles) away, struck the attackers.",
        "Quetta",
        after=r"^,\s+(?:(?:the|a|an)\s+[\w\s'-]{0,40}?,\s+)?(?:about\s+|some\s+|"
        r"around\s+|nearly\s+|roughly\s+|over\s+|more than\s+)?"
        rf"{_DISTANCE}\s+(?:\([^()]{{1,30}}\)\s+)?away\b",
    ),
    RoleRule(
        "a place said to lie a distance from another",
        REFERENCE,
        "Djibo, the capital of Soum province, lies 25 kilometres (15 miles) from "
        "Pobe-Mengao.",
        "Djibo",
        after=r"^(?:,\s+(?:the|a|an)\s+[^,.;]{0,40},)?\s+"
        r"(?:lies|is located|is situated|sits)\s+"
        r"(?:about\s+|some\s+|around\s+|nearly\s+|roughly\s+|only\s+|just\s+)?"
        rf"{_DISTANCE}\b",
    ),
    RoleRule(
        "where a blast was heard",
        REFERENCE,
        "A roadside bomb killed nine soldiers in North Waziristan, and the blast was "
        "heard all over Miranshah.",
        "Miranshah",
        before=r"\b(?:blasts?|explosions?|bang|sound|gunfire|firing|shots)\b[^.;:]{0,30}?"
        r"\b(?:was|were|could be|had been)\s+heard\s+(?:(?:all\s+)?(?:over|across|"
        r"throughout|around)|in|as far as|(?:far\s+)?away\s+in)\s+(?:the\s+)?"
        r"(?:(?:city|town|village)\s+of\s+)?$",
        gate=("heard",),
    ),
    RoleRule(
        "a place in a road's or railway's name",
        REFERENCE,
        "A bomb went off on the Quetta-Karachi highway near Khuzdar, killing two "
        "drivers.",
        "Quetta",
        after=r"^(?:-[A-Z]\w+)+\s+(?:(?:national\s+)?highway|road|motorway|route|"
        r"railway|rail|section|coastal highway)",
    ),
    RoleRule(
        "where what an attack avenged happened",
        REFERENCE,
        "The group claimed the bombing in Rawalpindi, calling it revenge for "
        "military operations in the area around Bannu.",
        "Bannu",
        before=r"\b(?:revenge|retaliation|reprisal|vengeance)\s+(?:for|against)\s+"
        r"[^.;:]{0,80}?\b(?:in|around|near|at)\s+(?:the\s+)?(?:(?:areas?|region|"
        r"district)\s+(?:around|of|near)\s+(?:the\s+)?)?$",
        gate=("revenge", "retaliation", "reprisal", "vengeance"),
    ),
    RoleRule(
        "where a road or crossing leads",
        REFERENCE,
        "The patrol was ambushed before dawn near Anáhuac on a highway leading to a "
        "border crossing into Texas.",
        "Texas",
        before=r"\b(?:road|highway|motorway|route|track|bridge|crossing|pass)\s+"
        r"(?:that\s+|which\s+)?(?:leading|leads|led|runs|running|goes|going|heading)"
        r"\s+(?:to|into|towards)\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:to|into|towards|with)\s+)?(?:the\s+)?$",
        gate=("lead", "led", "run", "go", "heading"),
    ),
    RoleRule(
        "the second name of a hyphenated route",
        REFERENCE,
        "A bomb went off on the Quetta-Karachi highway near Khuzdar, killing two "
        "drivers.",
        "Karachi",
        before=rf"{_CAP}\w+-$",
        after=r"^(?:-[A-Z]\w+)*\s+(?:(?:national\s+)?highway|road|motorway|route|"
        r"railway|rail|section|coastal highway)",
    ),
    RoleRule(
        "an unnamed post within a named jurisdiction",
        INCIDENT,
        "Terrorists struck a police picket within the limits of the Kalachi police "
        "station in Dera Ismail Khan.",
        "Kalachi",
        before=r"\b(?:a|an|the|their|its)\s+(?:police\s+|security\s+|army\s+|"
        r"levies\s+)?(?:picket|post|check\s*post|checkpoint|station|camp|chowki|"
        r"outpost|patrol|van|vehicle|convoy)\s+(?:within|in|under)\s+the\s+"
        r"(?:limits|jurisdiction|remit|precincts?|areas?)\s+of\s+(?:the\s+)?$",
        gate=("jurisdiction", "limits", "remit", "precinct", "area"),
    ),
    RoleRule(
        "where an outlet, a group or a unit is based",
        REFERENCE,
        "Two explosions at a mosque in Zahedan killed 22 people, according to a "
        "television channel based in Dubai.",
        "Dubai",
        before=r"\b(?:based|headquartered)\s+in\s+(?:the\s+)?$",
        gate=("based", "headquartered"),
    ),
    RoleRule(
        "a jurisdiction",
        REFERENCE,
        "Two labourers were shot dead in Turbat within the jurisdiction of the "
        "Quetta police.",
        "Quetta",
        before=r"\b(?:jurisdiction|limits|remit|precincts?)\s+of\s+(?:the\s+)?$",
        gate=("jurisdiction", "limits", "remit", "precinct"),
    ),
    RoleRule(
        "a police station's area",
        REFERENCE,
        "The blast happened in the Radhapoda forest, within the area of the "
        "Jaraikela police station.",
        "Jaraikela",
        before=r"\b(?:within|under|in)\s+the\s+areas?\s+of\s+(?:the\s+)?$",
        after=r"^\s+(?:police station|police post|thana)\b",
        gate=("area",),
    ),
    RoleRule(
        "a police range an officer speaks for",
        STATEMENT,
        "Sinha, inspector general of police for the Bastar range, said Maoists had "
        "blown up a bus in Sukma district, Chhattisgarh.",
        "Bastar",
        before=r"\b(?:police|IGP?|DIG|inspector[- ]general|commissioner)\b[^.;]{0,30}?"
        r"\b(?:for|of)\s+(?:the\s+)?$",
        after=r"^\s+(?:range|zone)\b",
        gate=("police", "ig", "dig", "inspector", "commissioner"),
    ),
    RoleRule(
        "the district a route runs through",
        INCIDENT,
        "Terrorists ambushed two vehicles travelling from Pasni to Ormara in Gwadar "
        "district.",
        "Gwadar",
        before=rf"\bfrom\s+(?:the\s+)?{_NAMEWORDS}\s+to\s+(?:the\s+)?{_NAMEWORDS}\s+"
        rf"in\s+(?:the\s+)?(?:{_NAMEWORDS}'s\s+)?$",
        after=r"^\s+(?:district|tehsil|province|region|county|state)\b",
        gate=("from",),
    ),
    RoleRule(
        "where a route begins",
        REFERENCE,
        "The Jaffar Express was running from Quetta to Peshawar when it was "
        "attacked in Bolan.",
        "Quetta",
        before=r"\b(?:from|links?|linking|connects?|connecting|joins?|joining)\s+"
        r"(?:the\s+)?$",
        after=r"^\s+(?:to|and|with)\s+(?:(?:the|their|its|his|her)\s+)?"
        r"(?:[a-z][\w'-]*\s+){0,2}(?:in\s+)?[A-Z]",
        gate=("from", "link", "connect", "join"),
    ),
    RoleRule(
        "where a route ends",
        REFERENCE,
        "The Jaffar Express was running from Quetta to Peshawar when it was "
        "attacked in Bolan.",
        "Peshawar",
        before=r"\b(?:from|links?|linking|connects?|connecting|joins?|joining)\s+"
        rf"(?:the\s+)?{_CAP}[\w'-]*(?:\s+{_CAP}[\w'-]*){{0,3}}(?:\s*,[^,;.]{{1,60}},)?\s+"
        r"(?:to|with|and)\s+"
        r"(?:(?:the|their|its|his|her)\s+)?(?:[\w'-]+\s+){0,3}(?:in\s+)?$",
        gate=("from", "link", "connect", "join"),
    ),
    RoleRule(
        "the far end of a stretch between two places",
        REFERENCE,
        "The vehicle hit a bomb between Malelei and Kulan, in Garissa county.",
        "Kulan",
        before=rf"\bbetween\s+(?:the\s+)?(?:{_STRETCH_ENDS})?(?:(?:city|town|village)\s+"
        rf"of\s+)?{_NAMEWORDS}(?:,[^,;.]{{1,60}},)?\s+and\s+(?:the\s+)?(?:(?:provincial|district|"
        r"national|regional)\s+)?(?:(?:capital|city|town|village)(?:\s+of)?,?\s+)?$",
        gate=("between",),
    ),
    RoleRule(
        "the near end of a route vehicles run between",
        REFERENCE,
        "Gunmen halted five buses running between Karachi and Gwadar.",
        "Karachi",
        before=r"\b(?:running|plying|travell?ing|operating|shuttling|routes?|"
        r"services?|runs?|ran|pl(?:y|ies)|operates?)\s+(?:daily\s+|regularly\s+)?"
        r"between\s+(?:the\s+)?(?:cities\s+of\s+)?$",
        gate=("between",),
    ),
    RoleRule(
        "the near end of a stretch a scene lies between",
        REFERENCE,
        "The blast went off near Timmapuram village, between the security forces' "
        "camps at Silger and Tekalgudem.",
        "Silger",
        before=rf"\b(?:near|at|in|outside)\s+(?:the\s+)?{_NAMEWORDS}"
        r"(?:\s+(?:village|town|area|locality))?,\s+between\s+(?:the\s+)?"
        rf"(?:{_STRETCH_ENDS})?$",
        gate=("between",),
    ),
    RoleRule(
        "the near end of works between two places",
        REFERENCE,
        "The troops guarded road building between Malewahi and Bodili camp when "
        "a bomb went off near Bodli.",
        "Malewahi",
        before=r"\b(?:construction|building|works?|repairs?|widening|paving|laying)"
        r"\s+(?:[\w'-]+\s+){0,2}?between\s+(?:the\s+)?$",
        gate=("between",),
    ),
    RoleRule(
        "where a journey from a named area ends",
        REFERENCE,
        "The vehicles were on their way from the Thal area of Hangu district to "
        "Parachinar when they were attacked in Charkhel.",
        "Parachinar",
        before=rf"\bfrom\s+(?:the\s+)?{_CAP}[\w'-]*(?:\s+[\w'-]+){{1,5}}?\s+to\s+"
        r"(?:the\s+)?$",
        gate=("from",),
    ),
    RoleRule(
        "a place a blast cut off",
        REFERENCE,
        "The blast on the railway bridge cut off Quetta from the rest of the country.",
        "Quetta",
        before=r"\b(?:cut(?:ting|s)?\s+off|isolat(?:ing|ed|es?))\s+(?:the\s+)?$",
        gate=("cut", "isolat"),
    ),
    RoleRule(
        "a place a blast cut off, 'off' after it",
        REFERENCE,
        "The blast on the railway bridge cut Quetta off from the rest of the country.",
        "Quetta",
        before=r"\bcut(?:ting|s)?\s+(?:the\s+)?$",
        after=r"^\s+off\b",
        gate=("cut",),
    ),
    # -- where people were going or were taken --------------------------------
    RoleRule(
        "where a vehicle was when it was hit",
        INCIDENT,
        "The device went off as the vehicle reached Turbat, and seven people lost "
        "their lives.",
        "Turbat",
        before=r"\b(?:as|when|while|just as|soon after|after)\s+(?:the|a|an|their|its|"
        r"his|her)\s+(?:[\w-]+\s+){0,3}?(?:reached|arrived (?:in|at)|entered)\s+"
        r"(?:the\s+)?$",
        gate=("reach", "arriv", "enter"),
    ),
    RoleRule(
        "a destination",
        DESTINATION,
        "A bus bound for Taftan was ambushed near Noshki.",
        "Taftan",
        before=r"\b(?:bound for|heading (?:to|for|towards)|on (?:its|their|his|her) "
        r"way to(?:\s+(?:reinforce|join|support|relieve)\s+(?:[\w-]+\s+){0,4}?"
        r"(?:in|at))?|en route to|travell?ing to|going to|destined for|"
        r"(?:depart|departed|departing|departs|left|leave|leaving|set off|headed)"
        r"\s+for|(?:managed to|failed to|trying to|tried to)\s+reach|reached|"
        r"reaching|arrived in|arriving in|(?:returning|going back|heading back|"
        r"on (?:its|their|his|her) way back) to (?:(?:their|its|his|her|the)\s+)?"
        r"(?:[\w-]+\s+){0,2}?(?:headquarters|base|camp|barracks|station|post|unit|"
        r"garrison|homes?) (?:in|at))\s+(?:the\s+)?$",
        gate=(
            "bound",
            "return",
            "back",
            "head",
            "way",
            "route",
            "travel",
            "going",
            "destin",
            "for",
            "reach",
            "arriv",
        ),
    ),
    RoleRule(
        "a journey's end, after its start",
        DESTINATION,
        "The truck was on its way from a nearby town to a mountainous part of the "
        "Charmang Valley when the device went off.",
        "Charmang Valley",
        before=r"\b(?:on (?:its|their|his|her) way|travell?ing|going|heading|headed|"
        r"driving|bound)\s+from\s+[^.;]{1,60}?\s+to\s+(?:the\s+)?(?:(?:a|an|the)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:part|area|corner|section|edge)\s+of\s+(?:the\s+)?)?$",
        gate=("way", "travel", "going", "head", "driv", "bound"),
    ),
    RoleRule(
        "where the bodies are",
        DESTINATION,
        "Four soldiers were killed in Mastung. Their bodies are now at the FC "
        "headquarters in Quetta.",
        "Quetta",
        before=r"\b(?:bodies|remains|corpses)\s+(?:(?:were|are|was|is|had been|have "
        r"been)\s+)?(?:now\s+|still\s+)?(?:at|in|lying (?:at|in))\s+(?:the\s+)?"
        r"(?:[\w.'()-]+\s+){0,5}$",
        gate=("bodies", "remains", "corpses"),
    ),
    RoleRule(
        "where the wounded or the dead were taken",
        DESTINATION,
        "The injured were shifted to a hospital in Quetta.",
        "Quetta",
        before=r"\b(?:shifted|taken|moved|rushed|brought|transported|referred|"
        r"airlifted|flown|evacuated|admitted|sent|dispatched|carried|handed over)\s+"
        r"(?:(?!(?:terror|death|carnage|mayhem|violence|chaos|fear|panic|bloodshed|"
        r"havoc|destruction|tragedy|grief|sorrow)\b)\w+\s+){0,2}(?:to|in|at)\s+"
        r"(?:the\s+)?(?:[\w.'()-]+\s+){0,5}$",
    ),
    RoleRule(
        "where supplies or reinforcements were going",
        DESTINATION,
        "The convoy was bringing supplies to the town of Sebba when it was ambushed.",
        "Sebba",
        before=r"\b(?:supplies|provisions|food|fuel|aid|rations|reinforcements)\s+"
        r"(?:to|for)\s+(?:the\s+)?(?:(?:besieged\s+|nearby\s+)?(?:town|city|"
        r"village|base|garrison|camp)\s+(?:of|in|at)\s+)?$",
        gate=("supplies", "provisions", "food", "fuel", "aid", "rations", "reinforce"),
    ),
    RoleRule(
        "where people fled to",
        DESTINATION,
        "The attacks have driven hundreds of families from their villages to "
        "Taloqan city.",
        "Taloqan",
        before=r"\b(?:fled|fleeing|flee|flees|displaced|driven)\b(?:\s+[\w,'-]+)"
        r"{0,12}?\s+(?:to|towards?)\s+(?:the\s+)?(?:(?:town|city|village|district)\s+of"
        r"\s+)?$|"
        r"\b(?:sought|seeking|taken|taking|took)\s+refuge\s+(?:in|at)\s+(?:the\s+)?$",
        gate=("fle", "displaced", "driven", "refuge"),
    ),
    RoleRule(
        "the town of a hospital named before it",
        DESTINATION,
        "The wounded were treated at the Combined Military Hospital (CMH) in Quetta.",
        "Quetta",
        before=rf"{_HOSPITAL}s?\s*(?:\([^()]{{1,20}}\)\s*)?,?\s+(?:in\s+|(?:(?:among\s+"
        r"them|including|such\s+as)\s+)?those\s+(?:of|in|at)\s+)?(?:the\s+)?$",
        gate=("hospital", "medical", "trauma", "morgue", "mortuary", "cmh"),
    ),
    RoleRule(
        "a hospital named after its town",
        DESTINATION,
        "A doctor at the morgue of the Turbat hospital said six bodies came in from "
        "Hoshab.",
        "Turbat",
        after=rf"^(?:'s\s+(?:(?:the\s+)?{_CAP}[\w.'-]*\s+){{0,3}}|\s+){_HOSPITAL}\b",
    ),
    RoleRule(
        "where the wounded were treated",
        DESTINATION,
        "Two wounded soldiers were under treatment in Quetta.",
        "Quetta",
        # 'carrying out an operation in', 'taking place in': no one carried;
        # 'the vehicle carrying the lawmen in the Shapok area': where it was hit
        before=r"\b(?:(?:treatment|treated)\s+(?:[\w,'-]+\s+){0,5}(?:at|in|to)|"
        r"(?:carrying(?!\s+out\b)|transporting|ferrying|"
        r"taking(?!\s+(?:place|part|out|over)\b))\s+"
        r"(?:[\w,'-]+\s+){0,5}(?:at|to|from))\s+(?:the\s+)?(?:[\w.'-]+\s+){0,4}$",
        gate=("treat", "carry", "transport", "ferry", "taking"),
    ),
    RoleRule(
        "a terrain described",
        REFERENCE,
        "The troops were checking routes through the mountainous terrain of "
        "Makran when a bomb hit their vehicle in Buleda.",
        "Makran",
        before=r"\b(?:terrain|landscape|wilderness)\s+of\s+(?:the\s+)?$",
        gate=("terrain", "landscape", "wilderness"),
    ),
    RoleRule(
        "where a warning placed a threat",
        REFERENCE,
        "Although there had been warnings of terrorist movements in the Kech area, "
        "the post in Turbat was attacked.",
        "Kech",
        before=r"\b(?:warn(?:ing|ings|ed)|threat alerts?|intelligence reports?)\b"
        r"[^.;:]{0,80}?\b(?:in|at|near|around)\s+(?:the\s+)?$",
        gate=("warn", "alert", "intelligence"),
    ),
    RoleRule(
        "where the attack was reported to the police",
        REFERENCE,
        "The village head told the police station in Giedam that gunmen had "
        "attacked Zairam village, killing four.",
        "Giedam",
        before=r"\b(?:told|informed|alerted|notified|reported\s+(?:it\s+)?to|"
        r"called)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:police\s+(?:station|division|"
        r"post|headquarters|command)|police|authorities)\s+(?:in|at)\s+(?:the\s+)?$",
        gate=("told", "inform", "alert", "notif", "report", "called"),
    ),
    RoleRule(
        "where suspects were arrested",
        REFERENCE,
        "After the attack in Turbat, several suspects were arrested over the past "
        "two days in Quetta, police said.",
        "Quetta",
        before=r"\b(?:arrested|detained|apprehended|nabbed|rounded up|captured)\s+"
        r"(?:[\w,'-]+\s+){0,8}?(?:in|at|from)\s+(?:the\s+)?$",
        gate=("arrest", "detain", "apprehend", "nabbed", "rounded", "captured"),
    ),
    RoleRule(
        "where a curfew was imposed",
        REFERENCE,
        "After an attack on security forces, the administration imposed a curfew "
        "in Wana and nearby areas on Wednesday.",
        "Wana",
        before=r"\b(?:curfews?|lockdowns?)\b[^.;:]{0,40}?\b(?:in|on|across|over|"
        r"around|throughout)\s+(?:the\s+)?$",
        gate=("curfew", "lockdown"),
    ),
    RoleRule(
        "an area described as one of many",
        REFERENCE,
        "Police are under pressure to restore calm in Mandera, one of the counties "
        "worst hit by al-Shabaab.",
        "Mandera",
        after=rf"^\s*,\s+{_ONE_OF_MANY}\b",
    ),
    RoleRule(
        "the wider area named in such a description",
        REFERENCE,
        "The two policemen came from Turbat, one of the towns worst hit by the "
        "violence in Balochistan's Makran division.",
        "Makran",
        before=rf"\b{_ONE_OF_MANY}\s+[^.;]{{0,60}}?\b(?:in|of)\s+(?:the\s+)?"
        rf"(?:{_CAP}[\w-]*(?:\s+{_CAP}[\w-]*)?'s\s+)?$",
        gate=("one of the", "among the"),
    ),
    RoleRule(
        "the areas a region takes in",
        REFERENCE,
        "The army runs an operation in the VRAE region, which takes in the provinces "
        "of Junin, Ayacucho and Cusco.",
        "Ayacucho",
        before=r"\b(?:which|that)\s+(?:takes? in|includes?|comprises?|covers?|spans?|"
        r"encompass(?:es)?|(?:is|are) made up of)\s+(?:the\s+)?(?:[\w-]+\s+)?"
        r"(?:provinces|districts|regions|states|departments|counties|municipalities)"
        r"\s+of\s+(?:[\w'-]+,?\s+){0,6}?(?:and\s+)?$",
        gate=("which", "that"),
    ),
    RoleRule(
        "the wider area of a campaign an attack is part of",
        REFERENCE,
        "The attack in Boma is part of a widening militant campaign in the huge, "
        "marshy Lake Chad area, where four countries share borders.",
        "Lake Chad",
        before=r"\bpart\s+of\s+(?:a|an|the)\s+(?:[\w,'-]+\s+){0,4}?(?:campaign|"
        r"insurgency|offensive|war|conflict|wave|surge|spate|string|series|"
        r"escalation)\s+(?:of\s+(?:[\w-]+\s+){1,3}?)?(?:in|across|around|"
        r"throughout)\s+(?:the\s+)?(?:[\w,'-]+\s+){0,3}?$",
        gate=("part of",),
    ),
    RoleRule(
        "an end of a stretch of land",
        REFERENCE,
        "IS attacks from hideouts in the Syrian desert, which stretches from the "
        "outskirts of the capital, Damascus, to the Iraqi border.",
        "Damascus",
        before=r"\b(?:stretch(?:es|ed|ing)?|extend(?:s|ed|ing)?|runs|running|reach(?:es|"
        r"ing)?)\s+(?:all the way\s+)?from\s+(?:[\w,'-]+\s+){0,6}?$",
        gate=("stretch", "extend", "run", "reach"),
    ),
    RoleRule(
        "the homeland a group fights for",
        REFERENCE,
        "The group wants an independent Baluchistan joining the Baluch on both "
        "sides of the border.",
        "Baluchistan",
        before=r"\b(?:an?\s+|the\s+)?(?:independent|free|greater|united|separate)"
        r"\s+$",
        gate=("independent", "free", "greater", "united", "separate"),
    ),
    RoleRule(
        "where militants massed or hid",
        REFERENCE,
        "The terrorists' movement and build-up in the Gawardesh area of Nuristan "
        "had been picked up before they attacked the posts near Kalash.",
        "Gawardesh",
        before=r"^(?!.*\b(?:raid(?:ed|ing)?|storm(?:ed|ing)|bust(?:ed|ing)|attack(?:ed|"
        r"ing)|target(?:ed|ing)|struck|overran|destroyed)\s+(?:an?|the|their)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:hideouts?|camps?|bases?)\s+(?:in|inside)\s+"
        r"(?:the\s+)?$).*"
        r"\b(?:build-?up|massing|movement|hideouts?|safe havens?|sanctuar(?:y|"
        r"ies)|(?:setting|set) up (?:\w+\s+)?(?:bases|camps|hideouts))\s+"
        r"(?:and\s+[\w-]+\s+)?(?:in|inside|across)\s+(?:the\s+)?"
        r"(?:(?:parts|areas|forests|border areas) of\s+(?:the\s+)?)?$",
        gate=("build", "mass", "movement", "hideout", "haven", "sanctuar", "set"),
    ),
    RoleRule(
        "where the dead were mourned or buried",
        ORIGIN,
        "Officials offered the funeral prayers of the six Levies martyrs in Quetta "
        "after the attack in Ziarat.",
        "Quetta",
        before=r"^(?!.*\b(?:attack|bomb|blew|blast|struck|explo|suicide|opened "
        r"fire|gunmen|targeted))"
        r".*\b(?:funeral (?:prayers?|rites|ceremony|procession)|funerals? (?:was|were) "
        r"(?:held|offered)|namaz-e-janaza|(?:were|was) (?:laid to rest|buried|"
        r"offered))\s+"
        r"(?:[\w,'-]+\s+){0,12}?(?:in|at)\s+(?:the\s+)?(?:(?:native|home|ancestral)"
        r"\s+(?:town|village|city|area)\s+of\s+)?$",
        gate=("funeral", "janaza", "laid to rest", "buried", "offered"),
    ),
    RoleRule(
        "the post a team set out from",
        ORIGIN,
        "A team from the Abbas police checkpost was travelling to a cattle market "
        "when militants fired on its van in the Kurrum Par area.",
        "Abbas",
        before=r"\b(?:team|party|contingent|convoy|squad|detachment)\s+from\s+"
        r"(?:the\s+)?$",
        after=r"^\s+(?:police\s+|security\s+|levies\s+|fc\s+)?(?:check[- ]?posts?|"
        r"posts?|stations?|lines|camp|base|fort|headquarters)\b[^.;]{0,40}?\b(?:was|"
        r"were|had been)\s+(?:\w+\s+)?(?:travell?ing|going|heading|moving|on (?:its|"
        r"their) way|returning|driving|patrolling)\b",
        gate=("team", "party", "contingent", "convoy", "squad", "detachment"),
    ),
    RoleRule(
        "where the attackers were kept from going",
        REFERENCE,
        "The troops' arrival stopped the attackers from moving on to the "
        "neighbouring village of Malaya.",
        "Malaya",
        before=r"\b(?:stopp(?:ed|ing)|prevent(?:ed|ing)|kept|keeping|block(?:ed|ing)|"
        r"bar(?:red|ring)|deterred)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:attackers|"
        r"militants|assailants|rebels|gunmen|terrorists|insurgents|fighters|"
        r"jihadists|bandits|raiders|them)\s+from\s+[^.;,]{0,60}?$",
        gate=("from",),
    ),
    # -- roads closed --------------------------------------------------------
    RoleRule(
        "a road the attackers blocked to stop travellers",
        INCIDENT,
        "Militants blocked a highway in Mastung late on Wednesday and took the "
        "passengers off a bus.",
        "Mastung",
        before=r"\b(?:militants|gunmen|armed men|attackers|assailants|terrorists|"
        r"insurgents|rebels|bandits)\s+(?:had\s+|have\s+)?(?:block(?:ed|ing)|"
        r"barricad(?:ed|ing)|set up a (?:road)?block on)\s+(?:the\s+|a\s+)?"
        r"(?:[\w-]+\s+)?(?:highway|road|motorway)\s+(?:in|at|near)\s+(?:the\s+)?$",
        gate=("block", "barricad"),
    ),
    RoleRule(
        "road blockades set up there",
        BLOCKADE,
        "Armed men also set up several other road blockades in the Bolan, Kolpur "
        "and Mastung areas.",
        "Bolan",
        before=r"\b(?:road\s*)?(?:blockades|roadblocks|barricades)\s+(?:in|at|on|"
        r"across|near)\s+(?:the\s+)?$",
        gate=("blockade", "roadblock", "barricade"),
    ),
    RoleRule(
        "roads only blocked there",
        BLOCKADE,
        "Protesters blocked highways in Turbat after the attack in Panjgur.",
        "Turbat",
        before=r"\b(?:block(?:ed|ing|s)?|blockad(?:ed|ing|es?)|closed|closing|"
        r"shut(?:ting)?(?:\s+down)?)\s+(?:(?:the|several|main|all|key|major|"
        r"national)\s+)*(?:[\w-]+\s+)?(?:highways?|roads?|routes?|motorways?|"
        r"streets?|traffic|(?:railway|rail)\s+(?:lines?|tracks?))\s+(?:in|at|near|"
        r"across|around|through|of|to)\s+(?:the\s+)?$",
        gate=("block", "clos", "shut"),
    ),
    RoleRule(
        "a road blocked",
        BLOCKADE,
        "After the attack in Mastung, residents blocked the Quetta-Taftan national "
        "highway.",
        "Quetta-Taftan",
        before=r"\b(?:block(?:ed|ing|s)?|blockad(?:ed|ing|es?)|closed|closing|"
        r"shut(?:ting)?(?:\s+down)?)\s+(?:the\s+)?$",
        after=r"^\s+(?:national\s+)?(?:highway|road|motorway|route)\b",
        gate=("block", "clos", "shut"),
    ),
    RoleRule(
        "a city a national highway or motorway is named for",
        REFERENCE,
        "Gunmen fired on the vehicle in the Tanga area from a mountainside close to "
        "the Quetta National Highway.",
        "Quetta",
        before=r"\bthe\s+$",
        after=r"^\s+(?i:national\s+highway|motorway|expressway)\b",
    ),
    # -- where people came from ----------------------------------------------
    RoleRule(
        "people named for their place",
        ORIGIN,
        "Wana college students protested after terrorists attacked a police station "
        "in Tank, killing two constables.",
        "Wana",
        after=r"^\s+(?:(?:college|university|school|madrassa|seminary)\s+)?"
        r"(?:students|teachers|traders|elders|tribesmen|lawyers|journalists|"
        r"shopkeepers|transporters)\b",
    ),
    RoleRule(
        "where a victim was posted",
        ORIGIN,
        "The victim was named as Bilal, a constable posted to the Munda Headworks "
        "Police Post in Tangi; armed men ambushed him in Charsadda.",
        "Tangi",
        before=r"\b(?:constable|policeman|police\s+officer|officer|official|soldier|"
        r"sepoy|jawan|teacher|doctor|employee|guard)s?,?\s+(?:who\s+(?:was|is|had\s+"
        r"been)\s+)?(?:posted|deployed|stationed|serving|assigned)\s+(?:to|at|in|with)"
        r"\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}?(?:(?:police\s+)?(?:post|station|"
        r"check\s?post|checkpoint)\s+(?:in|at|of)\s+(?:the\s+)?)?$",
        after=r"^(?![^.;]{0,60}\b(?:when|as)\b)",
        gate=("posted", "deployed", "stationed", "serving", "assigned"),
    ),
    RoleRule(
        "a named person's home",
        ORIGIN,
        "Among the dead was Sepoy Niaz Ali from Bajaur, the army said.",
        "Bajaur",
        before=rf"\b(?:{_TITLE_WORDS})\.?\s+(?:\((?-i:[A-Z]+)\)\s+)?"
        rf"(?:{_CAP}[\w'-]*\s+){{1,3}}(?:from|of)\s+$",
        gate=("from", "of"),
    ),
    RoleRule(
        "the home of a person named as one of the dead",
        ORIGIN,
        "One of the attackers, named as Awais from the Abdulkhel area, was killed.",
        "Abdulkhel",
        before=rf"\b(?:named|identified)\s+as\s+(?:(?:{_TITLE_WORDS})\.?\s+)?"
        rf"(?:{_CAP}[\w'-]*\s+){{1,3}}(?:from|of)\s+(?:the\s+)?$",
        gate=("named", "identified"),
    ),
    RoleRule(
        "a village whose residents an attack killed",
        INCIDENT,
        "Terrorists killed five residents of Awaran village in an attack on Sunday "
        "night.",
        "Awaran",
        before=r"\b(?:killed|killing|kills|massacred|abducted|kidnapped|shot dead|"
        r"attacked|slaughtered)\s+(?:[\w-]+\s+){0,3}?(?:residents?|villagers|"
        r"inhabitants|people|farmers)\s+of\s+(?:the\s+)?$",
        after=r"^\s+(?:village|community|hamlet|settlement)\b",
        gate=("kill", "massacre", "abduct", "kidnap", "shot", "attack", "slaughter"),
    ),
    RoleRule(
        "where the victims' families live",
        ORIGIN,
        "On a condolence visit to the victims' families in Turbat, the minister "
        "called the attack barbaric.",
        "Turbat",
        before=r"\b(?:condolence|bereaved|grieving|mourning)\b[^.;:]{0,60}?\b"
        r"(?:famil(?:y|ies)|relatives|heirs|homes?)\s+(?:in|at)\s+(?:the\s+)?$",
        gate=("condolence", "bereaved", "grieving", "mourning"),
    ),
    RoleRule(
        "victims' home towns",
        ORIGIN,
        "The four labourers who died all came from Punjab, an official said.",
        "Punjab",
        before=r"\b(?:hail(?:ed|ing|s)? from|belong(?:ed|ing|s)? to|residents? of|"
        r"(?:came|come|comes|coming) from|travell?ing from|on (?:its|their|his|her) "
        r"way from|headed from|departed from|"
        r"set (?:off|out)(?: on (?:an? )?(?:[\w-]+ )?(?:patrol|duty|mission))? from|"
        r"\d{1,2},\s+(?:also\s+)?(?:from|of)|natives? of|home ?towns? (?:of|in)|"
        r"(?:were|was|is|are) (?:all\s+)?from|"
        r"domiciled? (?:in|of)|hometown|native|who (?:had )?(?:lived|live|lives) in|"
        rf"(?:{_PEOPLE_FROM}) from)\s+(?:the\s+)?(?:[\w.'-]+\s+){{0,3}}"
        r"(?:in\s+|(?:of\s+)?the\s+)?$",
        gate=(
            "hail",
            "belong",
            "resident",
            "from",
            "native",
            "home",
            "domicil",
            "of",
            "live",
        ),
    ),
    RoleRule(
        "a resident named by the town",
        ORIGIN,
        "Gunmen killed two men in Kech, said the source, a Turbat resident.",
        "Turbat",
        before=r"\b(?:a|an|one|another)\s+$",
        after=r"^\s+(?:residents?|natives?|inhabitants?)\b",
    ),
    RoleRule(
        "where people left for safety",
        DESTINATION,
        "After the attack, people began to leave the village for the safety of Turbat.",
        "Turbat",
        before=r"\b(?:for|to|towards)\s+the\s+(?:relative\s+)?(?:safety|security)\s+"
        r"of\s+(?:the\s+)?(?:(?:nearby|neighbouring|neighboring)\s+)?(?:(?:town|city|"
        r"village)\s+of\s+)?$",
        gate=("safety", "security"),
    ),
    RoleRule(
        "where people fled to",
        DESTINATION,
        "About 1,000 people who fled from the attacks to Turbat now need aid.",
        "Turbat",
        before=r"\b(?:fled|fleeing|flee|flocked|displaced|evacuated|took refuge|"
        r"taken refuge|sought refuge|sought shelter|sheltering|escaped|escaping|"
        r"ran away|got away)\s+(?:(?!(?:and|but)\b)"
        r"[\w-]+\s+){0,5}?(?:to|into|towards?|in the direction of)\s+(?:the\s+)?$|"
        r"\b(?:took|taken|sought|"
        r"seeking|found)\s+(?:refuge|shelter)\s+(?:[\w-]+\s+){0,3}?(?:in|at)\s+"
        r"(?:the\s+)?$",
        gate=(
            "fle",
            "flock",
            "displaced",
            "evacuated",
            "refuge",
            "shelter",
            "escap",
            "ran away",
            "got away",
        ),
    ),
    RoleRule(
        "where people are now",
        DESTINATION,
        "About 1,000 people need aid: 450 of them are in Ibo town and the rest are "
        "on nearby islands, after attacks on Macomia killed 12.",
        "Ibo",
        before=r"\b(?:are|remain|are now|now live|are living|are staying|are "
        r"sheltering)\s+in\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$",
        gate=("are", "remain", "live"),
    ),
    RoleRule(
        "a way an attack party came or went",
        REFERENCE,
        "The terrorists first came on motorcycles through the Mand area and then "
        "attacked the village of Turbat.",
        "Mand",
        before=r"\b(?:came|come|entered|arrived|moved|travell?ed|escaped|retreated|"
        r"withdrew|reached|approached|stormed|invaded|infiltrated|sneaked|crossed)\s+"
        r"(?:[\w-]+\s+){0,4}?(?:through|via)\s+(?:the\s+)?$",
        gate=("through", "via"),
    ),
    RoleRule(
        "a place a road or line runs by",
        REFERENCE,
        "The highway will connect Kharan and Washuk with the RCD Highway by way of the "
        "Dalbandin area; gunmen shot four labourers building it at Shiktaak.",
        "Dalbandin",
        before=r"\b(?:road|highway|railway|rail line|line|route|carriageway|corridor|"
        r"pipeline|connects?|connecting|links?|linking|join|joining)\b[^.;]{0,120}?"
        r"\b(?:by way of|via)\s+(?:the\s+)?$",
        gate=("by way of", "via"),
    ),
    # -- where officials spoke, whose office -------------------------------
    RoleRule(
        "where officials spoke",
        STATEMENT,
        "Militants attacked a police station in Mach. Officials in Quetta said the "
        "toll may rise.",
        "Quetta",
        before=r"\b(?:statement (?:issued )?(?:in|from)|press conference in|"
        r"speaking (?:to (?:the )?(?:local |foreign |state )?(?:reporters|media|"
        r"journalists|press) )?in|(?:told|(?:tele)?phoned|called|rang|briefed|"
        r"address(?:ed|ing)) (?:the )?(?:local |foreign )?(?:reporters|media|"
        r"journalists|newsmen|press) (?:based )?in|"
        r"talking to (?:the )?(?:media|reporters) in|"
        r"said in|(?:officials?|authorities|sources|spokesm[ae]n|spokespersons?) "
        r"(?:based )?in)\s+(?:the\s+)?(?:capital,?\s+)?$",
        gate=(
            "statement",
            "conference",
            "speaking",
            "told",
            "phoned",
            "called",
            "rang",
            "briefed",
            "address",
            "talking",
            "said",
            "official",
            "authorit",
            "source",
            "spokes",
        ),
    ),
    RoleRule(
        "an office named for a place",
        STATEMENT,
        "Zhob Deputy Commissioner Azeem Kakar said two soldiers were killed in "
        "Badinzai.",
        "Zhob",
        after=r"^(?:'s)?\s+(?:district\s+|divisional\s+|regional\s+|(?:range|region|zone|"
        r"division)\s+)?(?:deputy\s+|assistant\s+|additional\s+)?"
        r"(?:commissioner|police (?:chief|officer|spokesman)|administration|rpo|"
        r"(?:capital )?city police officer|c?cpo|"
        r"(?:(?:chief|home|interior|provincial|caretaker|acting)\s+){0,2}minister|"
        r"chief secretary|"
        r"(?:provincial )?assembly|(?:provincial )?government spokes(?:man|person)|"
        r"inspector[- ]general|igp?|dig|"
        r"administrator|dpo|ssp|sho|sp|dsp|asp|station house officer|"
        r"spokesman|spokesperson|official|press club|"
        r"governor|prosecutor|public prosecutor|prosecutor'?s office|"
        r"attorney[- ]general(?:'s office)?|police commissioner|mayor|"
        r"trade union|chamber of commerce|bar association|traders'? union)\b",
    ),
    RoleRule(
        "a force named for its area",
        REFERENCE,
        "Militants attacked a Bajaur Levies post in the Sheikh Kali area.",
        "Bajaur",
        after=r"^\s+(?-i:Levies|Scouts|Rifles|Militia)\b",
    ),
    RoleRule(
        "a train named for a place",
        REFERENCE,
        "A bomb damaged the track near Sibi, and the Bolan Mail was held at Mach.",
        "Bolan",
        after=r"^\s+(?-i:Mail|Express)\b(?!\s+(?-i:Tribune|News)\b)",
    ),
    RoleRule(
        "an office's title before the place it serves",
        STATEMENT,
        "Two policemen were hurt in Taunsa. RPO Dera Ghazi Khan Sajjad Hasan Khan went "
        "to the scene.",
        "Dera Ghazi Khan",
        before=r"\b(?-i:RPO|DPO|CPO|CCPO|DIG|SSP|SP|DC|SHO|IGP)\s+$",
    ),
    RoleRule(
        "a radio station named for a place",
        STATEMENT,
        "He told colleagues at Radio Moto Oicha that rebels killed 11 people in Beni, "
        "DR Congo.",
        "Oicha",
        before=r"\bradio\s+(?:(?-i:[A-Z])[\w'-]*\s+){0,2}$",
        gate=("radio",),
    ),
    RoleRule(
        "a news agency, paper or channel named for a place",
        STATEMENT,
        "According to the Fars News Agency, bandits carried out the attack in "
        "Iranshahr.",
        "Fars",
        after=r"^\s+(?:news\s+agency|news|times|tribune|(?-i:Post)|herald|"
        r"chronicle|gazette|tv|television|radio)\b",
    ),
    RoleRule(
        "the civil society of a place",
        STATEMENT,
        "The civil society of the village of Mamove said six bodies were found near "
        "the village of Tapi-Rouge.",
        "Mamove",
        before=r"\b(?:civil[- ]society|youth council|elders?|notables?)\s+(?:of|for|"
        r"from|in)\s+(?:the\s+)?(?:(?:town|city|village|locality|commune)\s+of\s+)?$",
        after=r"^\s*,?\s+(?:(?:also\s+)?(?:said|says|reported|reports|told|added|"
        r"confirmed|denounced|deplored|called)\b|(?:president|coordinator|"
        r"spokes(?:man|person)|leader)\b)",
        gate=("civil", "council", "elder", "notable"),
    ),
    RoleRule(
        "where a summit or conference is held",
        STATEMENT,
        "The bombing in Khost came on the eve of a NATO summit in Chicago, where the "
        "alliance will plan its withdrawal.",
        "Chicago",
        before=r"\b(?:summit|conference|talks|convention|congress|forum|ceremony|"
        r"donors'? meeting)\s+(?:[\w-]+\s+){0,2}?(?:in|at)\s+(?:the\s+)?$",
        gate=(
            "summit",
            "conference",
            "talks",
            "convention",
            "congress",
            "forum",
            "ceremony",
            "meeting",
        ),
    ),
    RoleRule(
        "a government seated in a place",
        STATEMENT,
        "The militants have turned to hit-and-run attacks meant to weaken the "
        "government in Baghdad; on Thursday they killed four soldiers near Garma.",
        "Baghdad",
        before=r"\b(?:government|authorities|administration|parliament|regime|rulers)"
        r"\s+in\s+$",
        gate=(
            "government",
            "authorit",
            "administration",
            "parliament",
            "regime",
            "rulers",
        ),
    ),
    RoleRule(
        "a seat of government that speaks for it, as the subject of a sentence or "
        "a clause",
        STATEMENT,
        "Islamabad often accuses its neighbours of sheltering the militants who "
        "killed two policemen in Zhob.",
        "Islamabad",
        before=r"(?:^[\s\"'(]*|\b(?:which|whom|that|and|but|while|as)\s+)$",
        after=r"^\s+(?:(?:has|have|had|often|also|repeatedly|long|has long)\s+){0,2}"
        r"(?:accuse[sd]?|blame[sd]?|says|said|denie[sd]|condemn(?:s|ed)|"
        r"insist(?:s|ed)|vow(?:s|ed)|warn(?:s|ed)|reject(?:s|ed)|demand(?:s|ed)|"
        r"summon(?:s|ed)|retaliated|responded|protested)\b",
    ),
    RoleRule(
        "a force or command named for a place",
        STATEMENT,
        "A statement from the IRGC's Qods Headquarters said the team was killed in "
        "Saravan.",
        "Qods",
        after=r"^\s+(?:headquarters|hq|corps|command|brigade|regiment|battalion|"
        r"scouts|rifles|fighters|militia|task force|base(?=\s+of\s+the\b))\b"
        r"(?!\s+(?:area|town|city|village|district)\b)",
    ),
    RoleRule(
        "where a witness who spoke is",
        STATEMENT,
        "A local resident in the nearby town of Bourzanga told AFP that the attack "
        "on Silgadji began on Saturday.",
        "Bourzanga",
        before=r"\b(?:a|an|one|another)\s+(?:local\s+)?(?:resident|woman|man|witness|"
        r"villager|trader|shopkeeper|elder|teacher|doctor|nurse|journalist|farmer)\s+"
        r"(?:in|at|from)\s+(?:the\s+)?(?:(?:nearby|neighbouring|neighboring)\s+)?"
        r"(?:(?:town|city|village)\s+of\s+)?$",
        after=r"^\s*,?\s*(?:who\b[^.;]{0,80}?\s+)?(?:said|says|told|added|"
        r"confirmed|recounted|described)\b",
        gate=(
            "resident",
            "woman",
            "man",
            "witness",
            "villager",
            "trader",
            "shopkeeper",
            "elder",
            "teacher",
            "doctor",
            "nurse",
            "journalist",
            "farmer",
        ),
    ),
    RoleRule(
        "an official of a place",
        STATEMENT,
        "The assistant commissioner of Mastung said the area had been sealed after "
        "the attack in Dasht.",
        "Mastung",
        before=r"\b(?:commissioner|officer|official|spokesman|spokesperson|chief|"
        r"head|administrator|governor|mayor|president|member|representative|MPA|"
        r"MNA|senator|prosecutor|judge|magistrate|director|coordinator|DIG|IGP?|RPO|"
        r"DPO|SSP|DSP)\s+"
        r"(?:of|for|from)\s+(?:the\s+)?(?:(?:[\w'-]+\s+)?(?:town|city|village|"
        r"district|county|municipality|commune)\s+of\s+)?$",
        after=r"^(?!\s+village\b)",
        gate=(
            "commissioner",
            "officer",
            "official",
            "dig",
            "ig",
            "rpo",
            "dpo",
            "sp",
            "spokes",
            "chief",
            "head",
            "administrator",
            "governor",
            "mayor",
            "president",
            "member",
            "representative",
            "mpa",
            "mna",
            "senator",
            "prosecutor",
            "judge",
            "magistrate",
            "director",
            "coordinator",
        ),
    ),
    RoleRule(
        "an officer of a body in a place",
        STATEMENT,
        "Ali Baloch, president of the Red Crescent in Quetta, said 20 bodies were "
        "counted in the village of Turbat.",
        "Quetta",
        before=r"\b(?:president|head|chief|director|coordinator|chairman|secretary|"
        r"member|spokes(?:man|woman|person)|official|officer)\s+of\s+(?:the\s+)?"
        r"(?:(?-i:[A-Z])[\w'-]*\s+){1,4}(?:in|at|for)\s+(?:the\s+)?$",
        gate=(
            "president",
            "head",
            "chief",
            "director",
            "coordinator",
            "chairman",
            "secretary",
            "member",
            "spokes",
            "official",
            "officer",
        ),
    ),
    RoleRule(
        "where a named speaker works, in apposition",
        STATEMENT,
        "Omar Mahamed, a police officer in Baidoa, said five people had died in "
        "the blast in Awdhegle.",
        "Baidoa",
        before=r"(?-i:[A-Z])[\w'-]+,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:officer|"
        r"official|spokes(?:man|woman|person)|commander|chief|elder|resident|doctor|"
        r"journalist|reporter|lawmaker|administrator|teacher|leader|imam|cleric|"
        r"preacher|scholar|activist|lawyer|politician)\s+(?:in|at|from)\s+"
        r"(?:the\s+)?$",
        gate=(
            "officer",
            "official",
            "spokes",
            "commander",
            "chief",
            "elder",
            "resident",
            "doctor",
            "journalist",
            "reporter",
            "lawmaker",
            "administrator",
            "teacher",
            "leader",
            "imam",
            "cleric",
            "preacher",
            "scholar",
            "activist",
            "lawyer",
            "politician",
        ),
    ),
    RoleRule(
        "where a named speaker works, in a clause after the name",
        STATEMENT,
        "Ali Khan, who runs a shop in Quetta, said the attackers struck "
        "the village of Turbat.",
        "Quetta",
        before=r"(?-i:[A-Z])[\w'-]+,\s+who\s+(?:coordinates|heads|leads|chairs|"
        r"runs|represents|speaks for|commands|governs|administers|oversees|works|"
        r"serves|lives|teaches|preaches)\s+(?:[\w-]+\s+){0,4}?(?:in|at|for|of|from)\s+"
        r"(?:the\s+)?$",
        gate=("who",),
    ),
    RoleRule(
        "a place's police as those who acted against the attackers",
        REFERENCE,
        "Kohat and Karak police mounted the action against the terrorists together "
        "after learning that they were present in Lachi tehsil.",
        "Karak",
        after=rf"^(?:\s*(?:,|and)\s+{_NAMEWORDS})*\s+(?:police|levies|cops)\s+"
        r"(?:(?:have|had|also|later|then|jointly|swiftly)\s+)?(?:mounted|launched|"
        r"conducted|carried out|cordoned|raided|arrested|reached|rushed|arrived|"
        r"began|started|initiated|surrounded|chased|repulsed|responded)\b",
    ),
    RoleRule(
        "a place's police or administration as speakers",
        STATEMENT,
        "Turbat police said the gunmen attacked a checkpost in Hoshab overnight.",
        "Turbat",
        after=r"^\s+(?:police|administration|authorities|officials|government)\s+"
        r"(?:(?:have|had|also|later)\s+)?(?:said|say|says|told|confirmed|reported|"
        r"added|announced|stated)\b",
    ),
)
"""Role cues, first match wins: each rule's ``example`` gives ``place`` its
``role``. Names no rule fires for are ``incident`` names."""


def role_of(before: str, after: str, at_lede: bool) -> tuple[str, str]:
    """(role, rule name) of a place name from the words before it (in its
    sentence) and after it; ``at_lede`` is whether the sentence opens one of the
    report's first paragraphs."""
    for rule in ROLE_RULES:
        if rule.fires(before, after, at_lede):
            return rule.role, rule.name
    return INCIDENT, ""
