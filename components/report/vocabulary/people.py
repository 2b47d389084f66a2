"""The people a figure counts, by side."""

from __future__ import annotations

import re

PEOPLE_BY_SIDE: dict[str, tuple[str, ...]] = {
    "security": (
        r"security (?:personnel|forces?|officials?|men|man|officers?|guards?)",
        r"soldiers?",
        r"troops?",
        r"servicemen",
        r"jawans?",
        r"sepoys?",
        r"(?:police |army )?(?:havildars?|naiks?|lance naiks?|subedars?|"
        r"naib subedars?|sowars?)",
        r"policem[ae]n",
        r"policewom[ae]n",
        r"cops?",
        r"gendarmes?",
        r"police(?:[- ](?:officers?|officials?|personnel|constables?|men|guards?))?",
        r"constables?",
        r"head constables?",
        r"(?:assistant |sub-)?inspectors?",
        r"personnel",
        r"officers?",
        r"paramilitar(?:y|ies)(?: troops| soldiers| personnel| forces)?",
        r"levies(?: force)?(?: personnel| men| officials| soldiers)?",
        r"(?:fc|frontier corps|frontier constabulary) (?:personnel|soldiers|men|"
        r"troops|officials)",
        r"ctd (?:personnel|officials|officers|men)",
        r"law enforcers",
        r"(?:army|military) (?:personnel|officers?|men)",
        r"rangers",
        r"commandos?",
        r"marines",
        r"sailors",
        r"border (?:guards?|police(?:men)?|troops)",
        r"frontier guards?",
        r"revolutionary guards?(?: corps)?|guards(?:men)?",
        r"irgc (?:members|personnel|troops)",
        r"basij(?:is)?(?: members| militiamen)?",
        r"peshmergas?",
        r"(?:local )?(?:security )?vigilantes?",
        r"cjtf(?: members)?",
        r"civilian jtf",
        r"vdps?(?: members| volunteers| auxiliaries)?",
        r"volunteers for the defen[cs]e of the (?:fatherland|homeland)",
        r"auxiliaries",
    ),
    "attackers": (
        r"attackers?",
        r"militants?",
        r"insurgents?",
        r"terrorists?",
        r"gunmen",
        r"assailants?",
        r"fighters?",
        r"suicide bombers?",
        r"bombers?",
        r"rebels?",
        r"separatists?",
        r"jihadists?",
        r"extremists?",
        r"bandits?",
        r"khwarij",
        r"khawarij",
        r"kharijis?",
        r"khwarijis?",
        r"miscreants",
        r"outlaws",
        r"hijackers?",
        r"abductors?",
        r"kidnappers?",
    ),
    "civilians": (
        r"private (?:security )?guards?",
        r"(?:foreign )?nationals",
        r"foreigners",
        r"pakistanis",
        r"afghans",
        r"iranians",
        r"tourists",
        r"mourners",
        r"civilians?",
        r"passers-?by",
        r"bystanders",
        r"residents",
        r"locals",
        r"villagers",
        r"workers?",
        r"employees",
        r"staff(?:ers)?",
        r"labou?rers?",
        r"children",
        r"child",
        r"infants?",
        r"babies",
        r"minors",
        r"women",
        r"woman",
        r"girls?",
        r"boys?",
        r"worshippers",
        r"devotees",
        r"students?",
        r"pupils",
        r"pilgrims",
        r"passengers?",
        r"commuters",
        r"travell?ers",
        r"pedestrians",
        r"shopkeepers?",
        r"traders?",
        r"vendors?",
        r"citizens",
        r"tribesmen",
        r"elders",
        r"family members",
        r"relatives",
        r"farmers?",
        r"herders?",
        r"herdsmen",
        r"shepherds?",
        r"fishermen",
        r"hunters?",
        r"drivers?",
        r"motorcyclists?",
        r"miners?",
        r"doctors?",
        r"nurses?",
        r"health workers",
        r"teachers?",
        r"journalists?",
        r"engineers?",
        r"daily wagers?",
        r"non-locals?",
        r"non-combatants",
        r"wedding guests",
        r"guests",
    ),
    "unspecified": (
        r"people",
        r"persons?",
        r"individuals?",
        r"others",
        r"lives",
        r"victims",
        r"men",
        r"members",
        r"volunteers",
        r"(?:dead )?bodies",
    ),
}
"""The people a figure counts, by side, as a table: a noun (or a phrase) a line.
Soldiers, police, Levies, FC, CTD, border guards, IRGC, Basij, Peshmerga and the
armed auxiliaries who fight beside them (Burkina Faso's VDP, Nigeria's CJTF and
'local security vigilantes') are security; militants, jihadists, bandits and
'khwarij' attackers; civilians by their trade or state (passengers, labourers,
miners, farmers, herders, fishermen, worshippers, pilgrims, students, employees,
women, children...); 'people', 'others', 'members' and bodies found are not
assigned to a side."""


SIDE_WORDS: dict[str, str] = {
    side: "|".join(sorted(nouns, key=len, reverse=True))
    for side, nouns in PEOPLE_BY_SIDE.items()
}
"""Each side's nouns as one alternation (longest first)."""


GENERIC_HEADS = re.compile(
    r"^(?:fighters?|men|members|personnel|officers?|officials?|volunteers|guards?|"
    r"people|persons?|troops|soldiers|elements)$",
    re.IGNORECASE,
)
"""Head nouns that take their side from the word before them: 'VDP fighters',
'Levies men', 'CTD personnel'."""


MILITARY_SIDE = re.compile(
    r"\b(?:soldiers?|troops?|jawans?|sepoys?|army|military|servicemen)\b", re.I
)
"""Security nouns that name the army rather than the police."""


SINGULAR_PEOPLE = (
    r"policeman",
    r"policewoman",
    r"soldier",
    r"officer",
    r"constable",
    r"cop",
    r"sepoy",
    r"jawan",
    r"(?:sub-)?inspector",
    r"civilian",
    r"child",
    r"woman",
    r"girl",
    r"boy",
    r"labou?rer",
    r"worker",
    r"passenger",
    r"driver",
    r"motorcyclist",
    r"miner",
    r"person",
    r"man",
    r"militant",
    r"terrorist",
    r"attacker",
    r"assailant",
    r"suicide bomber",
    r"(?:private (?:security )?|border )?guard",
    r"national",
    r"foreigner",
    r"levies (?:official|man)",
    r"(?:police |army )?(?:havildar|naik|lance naik|subedar|naib subedar|sowar)",
    r"security (?:official|man|officer)",
    r"police (?:official|officer)",
    r"fc (?:official|soldier)",
)
"""One person named by a noun ('a policeman', 'the train's driver'); the side is
read from :data:`PEOPLE_BY_SIDE`."""
