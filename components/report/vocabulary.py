"""The words reports use: targets, attacks, the sides people belong to, and the
verbs that say they were killed or injured. Phrase lists, not a model.

Written for South Asian English news as well as wire copy: "martyred", "embraced
martyrdom", "jawans", "Levies", "khwarij", "sent to hell" are all here. Every list
is a regular expression over a plain (ASCII-punctuated) copy of the text.
"""

from __future__ import annotations

import re

from components.gazetteer import normalize_name
from components.report.segments import words


def phrases(*patterns: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of ``patterns`` as whole words."""
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


_HYPHEN = r"[- ]?"

TARGET_PHRASES: dict[str, re.Pattern[str]] = {
    "frontier_corps_hq": phrases(
        r"frontier corps (?:headquarters|hq|head office)",
        r"fc (?:headquarters|hq)",
        r"(?:fc|frontier corps) (?:camps?|posts?|check ?posts?|checkpoints?|forts?|"
        r"convoys?|vehicles?|personnel|troops|soldiers|men|officials)",
    ),
    "police_paramilitary": phrases(
        r"police (?:and paramilitary )?(?:stations?|posts?|check ?posts?|"
        r"checkpoints?|installations?|lines|headquarters|compounds?|vans?|"
        r"vehicles?|mobiles?|patrols?|convoys?|training (?:centre|center|school))",
        r"(?:ctd|counter[- ]terrorism department) (?:offices?|compounds?|"
        r"headquarters|police stations?)",
        r"paramilitary (?:installations?|posts?|camps?|bases?|check ?posts?|"
        r"checkpoints?|forces?|convoys?|headquarters)",
        r"levies (?:posts?|stations?|check ?posts?|checkpoints?|thanas?|forces?|"
        r"personnel|vehicles?)",
        r"thanas?",
        r"(?:security|check) ?posts?",
        r"checkpoints?",
    ),
    "military": phrases(
        r"(?:army|military) (?:camps?|posts?|convoys?|vehicles?|bases?|"
        r"installations?|cantonments?|garrisons?|check ?posts?|units?|trucks?)",
        r"cantonments?",
        r"(?:security forces'?|troops'?) (?:convoys?|vehicles?|camps?)",
        r"air ?bases?",
        r"naval bases?",
    ),
    "prison": phrases(r"prisons?", r"jails?", r"gaols?"),
    "government": phrases(
        r"government (?:buildings?|offices?|installations?|compounds?|complex)",
        r"administrative (?:buildings?|offices?|complex)",
        r"(?:deputy|assistant) commissioner(?:'s)? (?:office|house|residence|"
        r"compound)",
        r"district (?:administration|courts?) (?:offices?|buildings?|complex)?",
        r"secretariat",
        r"courts? (?:complex|premises)",
    ),
    "market": phrases(r"markets?", r"bazaars?", r"marketplaces?"),
    "bank": phrases(r"banks?"),
    "hospital": phrases(r"hospitals?", r"clinics?", r"health (?:centres?|centers?)"),
    "school": phrases(
        r"schools?",
        r"colleges?",
        r"universit(?:y|ies)",
        r"madrass?as?",
        r"seminar(?:y|ies)",
    ),
    "railway": phrases(
        r"railway(?: (?:tracks?|lines?|stations?|bridges?))?",
        r"rail (?:tracks?|lines?)",
        r"trains?",
        r"[A-Z]\w+ express",
    ),
    "telecoms": phrases(
        rf"mobile{_HYPHEN}(?:phone )?(?:networks?|services?|towers?)",
        r"cellular (?:networks?|services?|towers?)",
        r"telecom(?:munications?)? (?:towers?|networks?|services?)",
        r"internet (?:services?|connections?)",
    ),
    "transportation": phrases(
        r"(?:passenger )?(?:bus|buses|coach|coaches)",
        r"passenger (?:vans?|vehicles?|cars?)",
        r"trucks?",
        r"lorr(?:y|ies)",
        r"oil tankers?",
    ),
    "utilities": phrases(
        r"(?:gas|oil) pipelines?",
        r"pipelines?",
        r"(?:power|electricity|transmission) (?:pylons?|towers?|lines?|grid)",
        r"pylons?",
        r"grid stations?",
    ),
    "religious": phrases(
        r"mosques?", r"imambargahs?", r"shrines?", r"churches", r"church", r"temples?"
    ),
    "media": phrases(r"journalists?", r"press club", r"reporters?"),
    "business": phrases(
        r"(?:construction|mining) (?:sites?|companies?|camps?)",
        r"coal mines?",
        r"mines?",
        r"shops?",
        r"hotels?",
        r"factor(?:y|ies)",
    ),
    "private_citizens": phrases(
        r"labou?rers?",
        r"(?:construction |daily[- ]wage )?workers?",
        r"passengers?",
        r"(?:residential|private) (?:house|home|compound)s?",
    ),
    "non_state_militia": phrases(
        r"(?:terrorist|militant|insurgent)s?'? (?:hideouts?|compounds?|camps?)",
        r"hideouts?",
    ),
}
"""Target phrase -> GTD target type (``domain.vocabularies.TARGET_TYPES``)."""

NOT_A_TARGET = re.compile(
    r"\b(?:(?:shifted|taken|moved|rushed|brought|transported|referred|airlifted|"
    r"flown|evacuated|admitted|sent|carried|dispatched) (?:to|in|at)|"
    r"under treatment (?:at|in)|treated (?:at|in)|jurisdiction of|limits of|"
    r"remit of|area of|registered (?:at|with|in)|lodged (?:at|with|in)|"
    r"(?:SHO|station house officer|in-charge) of|"
    r"according to)\s+(?:the\s+)?(?:[\w.'-]+\s+){0,4}$",
    re.IGNORECASE,
)
"""Words just before a target phrase that make it a place named for another
reason: where the wounded were taken, a station's jurisdiction, where a case was
registered."""

ATTACK_PHRASES: dict[str, re.Pattern[str]] = {
    "hijacking": phrases(
        r"hijack(?:ed|ing|ings|ers?)?",
        r"seized (?:the |a )?(?:train|bus|plane|vessel)",
        r"took control of (?:the |a )?(?:train|bus|plane|vessel)",
    ),
    "hostage_barricade": phrases(
        r"(?:took|taken|held|holding|kept) (?:\w+ ){0,3}hostages?",
        r"hostages?",
        r"siege",
    ),
    "hostage_kidnapping": phrases(
        r"kidnapp?(?:ed|ing|ings)?",
        r"abduct(?:ed|ing|ion|ions)?",
        r"(?:took|taken|whisked) away",
    ),
    "bombing": phrases(
        r"bomb(?:s|ing|ings|ed|ers?)?",
        r"grenades?",
        r"suicide(?: (?:attacks?|bombers?|bombings?|vests?|blasts?))?",
        r"ieds?",
        r"improvised explosive devices?",
        r"explosive(?:s|-laden)?",
        r"explosions?",
        r"blasts?",
        r"v?bieds?",
        r"rammed",
        r"land ?mines?",
        r"rockets?",
        r"mortars?",
        r"quadcopters?",
        r"drones?",
    ),
    "armed_assault": phrases(
        r"guns?",
        r"gunmen",
        r"gunfire",
        r"gun ?fights?",
        r"open(?:ed|ing)? fire",
        r"fired (?:at|on|upon)",
        r"shooting",
        r"shot (?:dead|and killed|down)",
        r"gunned down",
        r"firing",
        r"exchange of fire",
        r"armed (?:assaults?|attacks?|men|militants)",
        r"stormed",
        r"ambush(?:ed)?",
        r"rifles?",
        r"(?:intelligence[- ]based|counter[- ]terrorism|security|clearance|"
        r"search) operations?",
        r"ibos?",
        r"raids?",
        r"clash(?:es|ed)?",
    ),
    "assassination": phrases(r"assassinat(?:ed|ion|ions)", r"targeted killings?"),
    "facility_attack": phrases(
        r"arson",
        r"set (?:on )?fire",
        r"set ablaze",
        r"torched",
        r"sabotage[d]?",
        r"blew up",
    ),
}
"""Attack phrase -> GTD attack type (``domain.vocabularies.ATTACK_TYPES``)."""

PEOPLE_BY_SIDE: dict[str, tuple[str, ...]] = {
    "security": (
        r"security (?:personnel|forces?|officials|men|officers|guards?)",
        r"soldiers?",
        r"troops?",
        r"servicemen",
        r"jawans?",
        r"sepoys?",
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
        r"(?:revolutionary )?guards(?:men)?",
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

KILLED_VERBS = (
    r"killed|dead|died|slain|martyred|embraced (?:shahadat|martyrdom)|"
    r"lost (?:their|his|her) lives?|laid down (?:their|his|her) lives?|perished|"
    r"eliminated|neutrali[sz]ed|"
    r"sent to hell|gunned down|shot dead|massacred|beheaded|murdered|executed|"
    r"slaughtered|burnt to death|burned to death|hacked to death|"
    r"succumbed(?: to (?:their|his|her) "
    r"(?:injuries|wounds))?|lay dead|were found dead|bodies (?:were )?recovered"
)
INJURED_VERBS = (
    r"injured|wounded|hurt|sustained (?:\w+ ){0,2}(?:injuries|wounds)|"
    r"received (?:\w+ ){0,2}(?:injuries|wounds)|suffered (?:\w+ ){0,2}"
    r"(?:injuries|wounds)"
)
OUTCOME_AFTER = re.compile(
    r"^\s*(?:(?:were|was|have|has|had|been|being|are|is|got|reportedly|also|"
    r"allegedly|later|all|both|each|who|subsequently|so far|in all|total|"
    r"altogether|confirmed|feared|reported|said to be|have been|has been)\s+){0,4}"
    rf"(?P<word>{KILLED_VERBS}|{INJURED_VERBS})\b",
    re.IGNORECASE,
)
"""'[12 soldiers] were martyred', '[21 terrorists] were eliminated': the verb
right after a counted group, with at most a few auxiliaries between. It never
reaches past the next clause."""
OUTCOME_BEFORE = re.compile(
    r"\b(?P<word>killing|killed|kills|martyring|martyred|claimed the lives of|"
    r"claiming the lives of|eliminating|eliminated|neutrali[sz]ing|"
    r"neutrali[sz]ed|gunned down|shot dead|shooting dead|massacred|massacring|"
    r"beheaded|beheading|murdered|murdering|executed|executing|slaughtered|"
    r"slaughtering|slew|slaying|injuring|injured|"
    r"wounding|wounded|left|leaving)\s+(?:(?:at least|some|about|around|"
    r"nearly|as many as|more than|over|up to|all|the|between)\s+)*$",
    re.IGNORECASE,
)
"""'killing [4 policemen]', 'militants killed [5 soldiers]': a verb that takes
the counted group as its object, right before the figure."""
LEFT_DEAD = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?P<word>dead|killed|injured|wounded|hurt)\b", re.I
)
"""'left [5 people] dead' / 'leaving [3] injured'."""
INJURED_WORDS = re.compile(r"injur|wound|hurt", re.IGNORECASE)

TOTAL_MARKERS = re.compile(
    r"\b(?:in all|in total|overall|altogether|the (?:overall |total )?death toll|"
    r"across (?:the province|balochistan|the region)|combined|the attacks|"
    r"the series of|the wave of|the coordinated)\b",
    re.IGNORECASE,
)
"""Words that make a figure the whole event's, not one place's."""
ANAPHORA = re.compile(
    r"\b(?:the|this|that) (?:attack|assault|blast|explosion|bombing|incident|"
    r"firing|shooting|ambush|raid|operation|gunfight|encounter|exchange of fire|"
    r"hijacking|siege)\b|\b(?:there|the area|the site|the scene|the crossfire)\b|"
    r"\bthe (?:[\w-]+ )?(?:exchange|fighting|clashes|gunfight)\b|"
    r"\b(?:of|among) the (?:dead|injured|wounded|victims)\b",
    re.IGNORECASE,
)
"""Words that tie a sentence to the attack the previous sentence described."""


HIT_WORDS = re.compile(
    r"\b(?:attack|assault|struck|strike|hit|blast|explosion|bomb|raid|stormed|"
    r"ambush|fir(?:ed|ing)|gunmen|militants|terrorists|insurgents|clash|"
    r"fight(?:ing)?\b|fought|"
    r"gunfight|exchange of fire|targeted|operation)",
    re.IGNORECASE,
)
"""Words telling of an attack: a place named with them was hit."""

TITLES = frozenset(
    words(
        "mr mrs ms dr minister president general gen commander chief prime "
        "sardar nawab mir senator spokesman spokesperson governor colonel "
        "col major maj captain capt inspector justice judge imam maulana "
        "mullah sheikh sepoy constable naik havildar subedar lieutenant lt "
        "brigadier brig sub sho dsp ssp sp igp dig asi si commissioner "
        "deputy assistant"
    )
)
"""Titles before a person's name: a place name right after one is a name
('Mir Sarfraz', 'Governor Kakar')."""

DATELINE_AGENCIES = words(
    "AP AFP Reuters APP PTI ANI IANS Xinhua dpa MNA IRNA INP NNI PPI Tasnim "
    "Mehr IRNA ISNA Fars"
)
"""News agencies a dateline may name: 'TEHRAN (AFP):'."""

NOT_PLACES = frozenset(
    normalize_name(word)
    for word in words(
        "january february march april may june july august september "
        "october november december monday tuesday wednesday thursday friday "
        "saturday sunday pakistan iran afghanistan india china the police "
        "army security levies frontier corps government province district "
        "city town area express national highway road hospital civil "
        "teaching district headquarters jail mosque market bazaar chief "
        "minister governor president prime interior home inspector general "
        "deputy commissioner north south east west northern southern "
        "eastern western central upper lower new old al islamic state "
        "movement front liberation army party rescue edhi levies bla "
        "tehreek taliban ttp isis daesh bank"
    )
)
"""Capitalised words that the gazetteer may know as some village but that reports
use as ordinary words (months, weekdays, countries, offices, organisations)."""


NOT_PLACE_WORDS = frozenset(
    normalize_name(word)
    for word in words(
        "january february march april may june july august september october "
        "november december monday tuesday wednesday thursday friday saturday "
        "sunday the a an this that these those his her their its our my "
        "police army security forces force state government ministry military "
        "islamic mosque church hospital school university court prison jail "
        "office headquarters camp base company corps express highway road "
        "street bridge station airport port province region "
        "county territory department republic kingdom united national federal "
        "provincial local local government commission commissioner council "
        "committee unit brigade battalion division regiment group front "
        "movement party liberation forum association foundation agency "
        "organisation organization network media news press reuters afp ap "
        "al-shabaab shabaab boko haram taliban isis daesh iswap jnim adf "
        "mr mrs ms dr gen general major colonel captain officer spokesman "
        "minister president governor chief sheikh imam god allah "
        "english arabic urdu friday's saturday's sunday's monday's "
        "muslim muslims christian christians shiite shia sunni hindu "
        "he she they we it there here but and or if when after before while "
        "since as at in on by for with from of to "
        "tv radio television channel masjid coal mine mines hotel restaurant "
        "district tehsil division city town village area areas "
        "peshmerga counter terrorism department ministry rangers regiment "
        "jaish shabab al-shabab al-qaeda qaeda hezbollah ansar"
    )
)
"""Words that are no place's first or last word: a capitalised name in a place
slot beginning or ending with one is not read as a place ('in Borno State', 'in
Islamic State attacks', 'at Friday prayers')."""

AREA_WORDS = words(
    "area areas village villages town city locality community district "
    "tehsil sub-division subdivision ward neighbourhood neighborhood suburb "
    "valley bazaar bazar hamlet settlement commune department territory "
    "local\\s+government\\s+area chiefdom sector administrative\\s+post"
)
"""Words after a name (or before 'of' and a name) that make it a place: 'the
Rarasham area', 'Kayakura village', 'the town of Dibis'. Province, state, region
and county name wider areas, not attack places, and are not here."""
