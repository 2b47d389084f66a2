"""What happened and to what: target and attack phrases (by GTD code), words
telling of an attack, words pointing back to it, and words making a figure the
whole event's."""

from __future__ import annotations

import re


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


TOTAL_MARKERS = re.compile(
    r"\b(?:in all|in total|overall|altogether|the (?:overall |total )?death toll|"
    r"across (?:the province|balochistan|the region)|combined|the attacks|"
    r"the series of|the wave of|the coordinated)\b",
    re.IGNORECASE,
)
"""Words that make a figure the whole event's, not one place's."""


ANAPHORA = re.compile(
    r"\b(?:the|this|that|these) (?:attack|assault|blast|explosion|bombing|"
    r"incident|firing|shooting|ambush|raid|operation|gunfight|encounter|device|"
    r"exchange of fire|hijacking|siege)s?\b|"
    r"\b(?:the|this|that) (?:armed|deadly|suicide|terrorist|militant|brazen) "
    r"(?:attack|assault|blast|explosion|bombing|ambush|raid)\b|"
    r"\b(?:there|the area|the site|the scene|the crossfire)\b|"
    r"\bthe (?:[\w-]+ )?(?:exchange|fighting|clashes|gunfight)\b|"
    r"\b(?:of|among) the (?:dead|injured|wounded|victims)\b|"
    r"^(?:it|this) (?:happened|took place|occurred)\b",
    re.IGNORECASE,
)
"""Words that tie a sentence to the attack the previous sentence described ('It
happened during a routine check at the Liaquat check post')."""


HIT_WORDS = re.compile(
    r"\b(?:attack|assault|struck|strike|hit|blast|explosion|bomb|raid|stormed|"
    r"ambush|fir(?:ed|ing)|gunmen|militants|terrorists|insurgents|clash|"
    r"fight(?:ing)?\b|fought|"
    r"gunfight|exchange of fire|targeted|ieds?\b|blew up|blown up|detonat|"
    r"landmine|grenade|encounter|came upon|ran into|"
    r"operation(?!s?\s+(?:cent(?:re|er)|room)s?\b))",
    re.IGNORECASE,
)
"""Words telling of an attack: a place named with them was hit (an 'Emergency
Operation Centre' is an office, not an operation)."""


OTHER_EVENT = re.compile(
    r"\b(?:in other news|separately(?!,? (?:said|told|reported|confirmed|added|"
    r"stated|announced))|elsewhere|in (?:a|another) separate|"
    r"(?:a|another) separate (?:attack|incident|blast|bomb|roadside bomb|"
    r"explosion|ambush|raid|operation)|in another (?:attack|incident)|"
    r"(?:had|have|has) also (?:attacked|struck|stormed|ambushed|raided)|"
    r"^\W*earlier,(?!\s+(?:[\w'-]+\s+){0,5}?(?:had\s+)?(?:said|says|told|reported|"
    r"confirmed|stated|announced|put)\b))",
    re.IGNORECASE,
)
"""Words that tell of another event than the report's one place's ('militants
had also attacked a checkpoint in Malistan', 'Earlier, terrorists tried to
attack the Nala Kasho police check-post')."""
