"""The people a figure counts, by side."""

from __future__ import annotations

import re

_RANK_NOT_ADJECTIVE = (
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:was|were|is|had|has|and|who|of|from|in|embraced|"
    r"succumbed|died|lost|among)\b)"
)
"""A rank that is also an adjective ('a major', not 'a major attack'; 'a
private', not 'a private guard'): counted only where no noun follows it."""

DEFENCE_VOLUNTEERS = (
    r"volunteers for the defen[cs]e of the (?:fatherland|homeland|nation|country)"
)
"""Burkina Faso's VDP, in the English the reports give it."""


POLITICAL_LEADER = (
    r"(?:party|political|tribal|community|religious|opposition|student|union|"
    r"ppp|pti|pml-?n?|anp|jui-?f?|mqm|bnp|bap|jamaat-e-islami|bjp|congress) leader"
)
"""A leader of a party or a community ('a PPP leader', 'the tribal leader'): a
civilian, unlike an armed group's."""


PEOPLE_BY_SIDE: dict[str, tuple[str, ...]] = {
    "security": (
        r"security (?:personnel|forces?|officials?|men|man|officers?|guards?)",
        r"armed forces(?: personnel| members)?",
        r"members of the (?:security |armed |police |paramilitary |border |elite |"
        r"special )?forces?",
        r"(?:government|state|regional|federal|national|pro-government|"
        r"government-allied|allied|coalition|jubbaland|puntland|afghan|iraqi|somali|"
        r"nigerian|malian|kenyan|syrian|yemeni|egyptian|pakistani|iranian|indian|"
        r"philippine|colombian|chadian|cameroonian|burkinabe|nigerien) forces",
        r"soldiers?",
        r"troops?",
        r"servicemen",
        r"troopers?",
        r"paratroopers?",
        r"jawans?",
        r"sepoys?",
        r"(?:police |army )?(?:havildars?|naiks?|lance naiks?|subedars?|"
        r"naib subedars?|sowars?)",
        r"policem[ae]n",
        r"policewom[ae]n",
        r"cops?",
        r"gendarmes?",
        r"police(?:[- ](?:officers?|officials?|personnel|constables?|men|guards?|"
        r"chiefs?))?",
        r"constables?",
        r"head constables?",
        r"(?:assistant |sub-)?inspectors?",
        r"(?:deputy |assistant |senior )?superintendents?(?: of police)?",
        r"dsps?",
        r"ssps?",
        r"(?:sp|asp)s?",
        r"sho",
        r"asis?",
        r"personnel",
        r"officers?",
        r"(?:lieutenant[- ])?colonels?",
        r"majors?" + _RANK_NOT_ADJECTIVE,
        r"privates|private" + _RANK_NOT_ADJECTIVE,
        r"captains?",
        r"lieutenants?",
        r"brigadiers?",
        r"commanders?",
        r"paramilitar(?:y|ies)(?: troops| soldiers| personnel| forces)?",
        r"levies(?: force)?(?: personnel| men| officials| soldiers)?",
        r"(?:fc|frontier corps|frontier constabulary) (?:personnel|soldiers|men|"
        r"troops|officials)",
        # the Frontier Corps' regiments: 'the Chitral Scouts', 'the Khyber Rifles'
        r"(?:chitral|tochi|bajaur|dir|swat|thall?|kurram|mohmand|khyber|zhob|sibi|"
        r"maiwand|kalat|m[ae]kran|kharan|loralai|ghazaband|bhambore|bhitanni|"
        r"(?:north |south )?waziristan|gilgit-baltistan|karakoram|northern) "
        r"(?:scouts|rifles|militia)"
        r"(?: personnel| soldiers| men| troops| officials| jawans)?",
        r"frontier (?:corps|constabulary)(?!\s+(?:\([A-Za-z.]{1,8}\)\s+)?"
        r"(?:personnel|soldiers|men|troops|officials|officers|members)\b)",
        r"(?:bsf|crpf|itbp|cisf|ssb|drg|stf|cobra|nsg|kdf|fama|fardc|updf|amisom|"
        r"atmis)(?: personnel| jawans| men| troops| soldiers| officers| members)?",
        r"(?:assam rifles|district reserve guards?) (?:personnel|jawans|men|troops|"
        r"soldiers|officers|members)",
        r"ctd (?:personnel|officials|officers|men)",
        r"(?:civilian joint task force|cjtf)(?: members| personnel| men| fighters)?",
        r"peace committees?|a?ma?n lashkars?",
        r"(?:army|military|intelligence|security) chiefs?",
        r"law enforcers",
        r"(?:army|military) (?:personnel|officers?|men)",
        r"(?:naval|navy|army|military|coast guard) officials?",
        r"coast ?guards?(?:m[ae]n)?",
        r"rangers?",
        r"commandos?",
        r"marines",
        r"peacekeepers?|peace-keepers?|blue helmets",
        r"sailors",
        r"border (?:guards?|police(?:men)?|troops)",
        r"frontier guards?",
        r"revolution(?:ary)? guards?(?: corps)?|guards(?:men)?",
        r"irgc(?: members| personnel| troops)?",
        r"basij(?:is)?(?: members?| militiam[ae]n)?",
        r"conscripts?",
        r"peshmergas?",
        r"(?:local )?(?:security )?vigilantes?",
        r"cjtf(?: members)?",
        r"civilian jtf",
        r"vdps?(?: members| volunteers| auxiliaries)?",
        DEFENCE_VOLUNTEERS,
        r"auxiliaries",
        r"(?:civilian|village|local|self-defen[cs]e|pro-government) militias?",
        r"(?:pro-government|government-allied|government) (?:tribesmen|tribal fighters|"
        r"militiam[ae]n|fighters)",
        r"(?:tribesmen|tribal fighters|militiam[ae]n) (?:allied|loyal) (?:to|with) "
        r"the (?:government|army|state|security forces)",
    ),
    "attackers": (
        r"attackers?",
        r"militants?",
        r"insurgents?",
        r"terrorists?",
        r"gunm[ae]n",
        r"armed men",
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
        r"intruders?",
        r"raiders?",
        r"outlaws",
        r"enemies",
        r"maoists?",
        r"naxals?",
        r"naxalites?",
        r"guerr?ill?as?",
        r"hijackers?",
        r"abductors?",
        r"kidnappers?",
        r"(?:terror(?:ism|ist)?|militant|insurgent) suspects?",
        r"(?:abu sayyaf|al[- ]?shabaa?b|boko haram|taliban|ttp|iswap|jnim|adf|isis|"
        r"isil|daesh|islamic state|jaish al-adl|lashkar-e-[a-z]+|al[- ]qaeda|aqap)"
        r"(?= (?:were|was|had|have|fighters|militants|men|members|elements|cadres|"
        r"operatives)\b|\.|,)",
        r"(?:taliban|ttp|bla|blf|baloch|isis|isil|is|daesh|iswap|iscap|jnim|adf|"
        r"al[- ]?shabaa?b|boko haram|jaish(?: al-adl)?|militant|rebel|insurgent|"
        r"terrorist|jihadist|maoist|naxal|separatist|bandit) (?:commanders?|leaders?)",
    ),
    "civilians": (
        r"private (?:security )?guards?",
        r"(?:government|district|municipal|civil|election|revenue|local|polio) "
        r"officials?",
        r"(?:prayer leaders?|imams?|clerics?|(?:religious )?scholars?)",
        POLITICAL_LEADER + "s?",
        r"bodyguards?",
        r"(?:foreign )?nationals",
        r"foreigners",
        r"pakistanis",
        r"afghans",
        r"iranians",
        r"cameroonians|chadians|egyptians|ethiopians|iraqis|ivorians|kenyans|"
        r"libyans|malians|mozambicans|nigerians|nigeriens|syrians|yemenis|somalis|"
        r"tanzanians|ugandans|thais|filipinos|colombians|tunisians|algerians|"
        r"burkinabes",
        r"tourists?",
        r"mourners",
        r"civilians?",
        r"passers?-?by",
        r"(?:people|persons|men|women) (?:walking|passing|going) (?:past|by)",
        r"bystanders",
        r"residents?",
        r"locals",
        r"villagers?",
        r"workers?",
        r"employees?",
        r"staff(?:ers)?",
        r"labou?rers?",
        r"children",
        r"child",
        r"school ?children",
        r"school ?(?:boys|girls)",
        r"pupils",
        r"infants?",
        r"babies",
        r"minors",
        r"teenagers?",
        r"teens",
        r"adolescents?",
        r"youths",
        r"women",
        r"woman",
        r"girls?",
        r"boys?",
        r"worshippers?",
        r"devotees",
        r"caretakers?|custodians?",
        r"watchm[ae]n|chowkidars?",
        r"students?",
        r"pupils",
        r"pilgrims?",
        r"passengers?",
        r"commuters",
        r"travell?ers",
        r"pedestrians?",
        r"shopkeepers?",
        r"traders?",
        r"vendors?",
        r"citizens",
        r"tribesmen",
        r"(?:tribal )?elders?",
        r"(?:village|district|ward|community|traditional) "
        r"(?:heads?|chiefs?|leaders?|rulers?)",
        r"headmen",
        r"headman",
        r"family members",
        r"relatives",
        r"wives",
        r"wife",
        r"husbands?",
        r"sons?",
        r"daughters?",
        r"mothers?",
        r"fathers?",
        r"brothers?(?! in arms)",
        r"sisters?",
        r"farmers?",
        r"herders?",
        r"herdsmen",
        r"shepherds?",
        r"fishermen",
        r"fisherman",
        r"hunters?",
        r"drivers?",
        r"motorcyclists?",
        r"miners?",
        r"(?:metal |scrap )?scavengers?",
        r"doctors?",
        r"nurses?",
        r"health workers",
        r"(?:school)?teachers?",
        r"journalists?",
        r"engineers?",
        r"supervisors?",
        r"inmates?",
        r"prisoners?",
        r"detainees?",
        r"contractors?",
        r"foremen",
        r"technicians?",
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
        r"colleagues|comrades",
        r"lives",
        r"victims",
        r"men",
        r"members",
        r"volunteers",
        r"(?:dead )?(?:bodies|corpses)",
        r"officials?",
    ),
}
"""The people a figure counts, by side, as a table: a noun (or a phrase) a line.
Soldiers, police, Levies, FC, CTD, border guards, IRGC, Basij, Peshmerga and the
armed auxiliaries who fight beside them (Burkina Faso's VDP, Nigeria's CJTF,
Pakistan's tribal peace committees or Aman Lashkars and 'local security
vigilantes') are security; militants, jihadists, bandits and
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
    r"^(?:fighters?|men|members?|personnel|officers?|officials?|volunteers|guards?|"
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
    r"trooper",
    r"ranger",
    r"commando",
    r"gendarme",
    r"jawan",
    r"conscript",
    r"basij (?:member|militiaman)",
    r"member",
    r"fighter",
    r"tehsildar",
    r"(?:assistant |deputy )?commissioner",
    r"administrator",
    r"(?:sub-)?inspector",
    r"(?:deputy |assistant |senior )?superintendent(?: of police)?",
    r"dsp",
    r"ssp",
    r"a?sp",
    r"sho",
    r"asi",
    r"civilian",
    r"passer-?by",
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
    r"gunman",
    r"insurgent",
    r"bandit",
    r"suicide bomber",
    r"(?:private (?:security )?|border )?guard",
    r"national",
    r"foreigner",
    r"levies (?:force )?(?:official|man)",
    POLITICAL_LEADER,
    r"(?:police |army )?(?:havildar|naik|lance naik|subedar|naib subedar|sowar)",
    r"security (?:official|man|officer)",
    r"(?:lieutenant[- ])?colonel",
    r"major" + _RANK_NOT_ADJECTIVE,
    r"private" + _RANK_NOT_ADJECTIVE,
    r"captain",
    r"lieutenant",
    r"brigadier",
    r"wife",
    r"husband",
    r"helper",
    r"companion",
    r"colleague",
    r"son",
    r"daughter",
    r"mother",
    r"father",
    r"brother",
    r"sister",
    r"police (?:official|officer)",
    r"(?:police|army|military|intelligence|security) chief",
    r"fc (?:official|soldier)",
    r"farmer",
    r"herder",
    r"shepherd",
    r"(?:village )?head(?:man)?",
    r"hunter",
    r"fisherman",
    r"shopkeeper",
    r"trader",
    r"vendor",
    r"student",
    r"(?:school)?teacher",
    r"doctor",
    r"nurse",
    r"journalist",
    r"engineer",
    r"supervisor",
    r"contractor",
    r"villager",
    r"resident",
    r"pilgrim",
    r"worshipper",
    r"tourist",
    r"(?:tribal )?elder",
    r"employee",
    r"pedestrian",
    r"(?:naval|navy|army|military|coast guard) official",
    r"(?:government |district |municipal |civil |election |revenue |local |polio )?"
    r"official",
    r"prayer leader",
    r"imam",
    r"cleric",
    r"(?:religious )?scholar",
    r"bodyguard",
)
"""One person named by a noun ('a policeman', 'the train's driver'); the side is
read from :data:`PEOPLE_BY_SIDE`."""
