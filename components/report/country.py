"""Which country a report is about, where it is not the region's (Pakistan,
Afghanistan, Iran): the country it names most as where things are ('Niger's
army', 'Borno State, Nigeria'), else the country whose first-level areas it
names ('Borno's Gwoza local government area', 'in Bastar, Chhattisgarh',
'North Kivu')."""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from components.gazetteer import normalize_name
from components.gazetteer.world import (
    DEMONYMS,
    areas_of,
    countries_named,
    country_gazetteer,
    country_of_areas,
    country_of_city,
)
from components.report.segments import paragraphs
from components.report.vocabulary.places import NATIONAL_FORCES

COUNTRIES = frozenset({"PK", "AF", "IR"})
"""The region's countries, whose places the region's gazetteer holds."""


def report_country(text: str) -> str | None:
    """The country a report is about, where it names one other than Pakistan,
    Afghanistan or Iran more often than it names those ('Niger's army', 'Borno
    State, Nigeria'); None for a report of the region or one that names none."""
    found = [
        (code, at)
        for code, at in countries_named(text)
        if not _NOT_WHERE.search(text[max(0, at - 40) : at])
        and not _A_STATE_OF_ITS_NAME.match(text, at)
        and not _WHO_BACKS.match(text, at)
    ]  # 'close to the border with Myanmar' says where it is not
    named = Counter(code for code, _ in found)
    areas = _country_of_areas_named(text)
    if not named:  # 'the Kukawa Local Government Area of Borno State'
        areas = areas or _country_of_forces(text)  # 'a jawan of the ITBP'
        areas = areas or _country_of_dateline(text)  # 'ZAMBOANGA CITY:'
        return areas if areas is not None and areas not in COUNTRIES else None
    home = sum(n for code, n in named.items() if code in COUNTRIES)
    home += areas in COUNTRIES  # 'Balochistan's Kech district': the region's
    code, count = max(
        named.items(), key=lambda item: (item[1], -list(named).index(item[0]))
    )
    lede = _lede_country(text, found)
    if lede is not None and lede not in COUNTRIES:
        code, count = lede, max(count, named[lede])
    if code in COUNTRIES or count <= home:
        return None
    where = [at for named_code, at in found if named_code == code]
    if home and not any(_said_as_where(text, at) for at in where):
        return None  # 'blamed India for backing terrorism in Pakistan'
    if (
        areas is not None
        and areas != code
        and areas not in COUNTRIES
        and not any(_said_as_where(text, at) for at in where)
    ):
        return areas  # 'in Fafi, Garissa County' ... 'Somalia has gone without'
    if lede is None:  # the UPDF, in Ntoroko district, which borders the DRC
        forces = {c for c, found in _FORCES.items() if found.search(text)}
        known = {c: _known_in(c, text) for c in forces - COUNTRIES - {code}}
        best = max(known, key=known.__getitem__, default=None)
        if best is not None and known[best] > _known_in(code, text):
            return best
    return code


_LEDE_NAME = re.compile(r"\b(?:in|at|of|near)\s+(?P<name>(?-i:[A-Z])[\w'-]+)")


_DATELINE = re.compile(
    r"^\W*(?P<name>(?-i:[A-Z])[A-Za-z.'-]+(?:\s+(?-i:[A-Z])[A-Za-z.'-]+){0,2})\s*"
    r"(?:,\s*(?P<wider>(?-i:[A-Z])[A-Za-z.'-]+(?:\s+(?-i:[A-Z])[A-Za-z.'-]+){0,2})\s*)?"
    r"(?:\([^()]{1,30}\)\s*)?(?::|\s[-\u2013\u2014]\s)"
)


def _country_of_dateline(text: str) -> str | None:
    """The country of the big city a report is filed from, by its dateline in
    one of its first paragraphs ('ZAMBOANGA CITY: An alleged communist group
    ...', 'Srinagar: ...', 'Sunjuwan, Jammu: ...'), where the text names no
    country."""
    for paragraph in islice(paragraphs(text), 3):
        found = _DATELINE.match(paragraph.text)
        if found is not None:  # 'Sunjuwan, Jammu:': the city the place lies in
            return country_of_city(found.group("wider") or found.group("name"))
    return None


def _known_in(code: str, text: str) -> int:
    """How many names after 'in', 'at', 'of' or 'near' in the first two
    paragraphs the country's towns hold."""
    places = country_gazetteer(code)
    if places is None:
        return 0
    lede = "\n".join(p.text for p in islice(paragraphs(text), 2))
    names = {m.group("name") for m in _LEDE_NAME.finditer(lede)}
    return sum(1 for name in names if places.get(name) is not None)


_FORCES = {
    code: re.compile(rf"\b(?:{words})\b") for code, words in NATIONAL_FORCES.items()
}


def _country_of_forces(text: str) -> str | None:
    """The one country whose own forces or armed groups the text names
    (:data:`~components.report.vocabulary.places.NATIONAL_FORCES`); None when
    it names none, or those of several."""
    found = {code for code, forces in _FORCES.items() if forces.search(text)}
    return found.pop() if len(found) == 1 else None


_A_STATE_OF_ITS_NAME = re.compile(
    r"(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?\s+(?:state|region|province)\b",
    re.IGNORECASE,
)
"""'Niger state' is a state of Nigeria, not the country Niger."""

_WHO_BACKS = re.compile(
    r"(?-i:[A-Z])[\w]*[- ](?:sponsored|backed|funded|supported|trained|proxy|"
    r"proxies|agents?)\b",
    re.IGNORECASE,
)
"""'"Indian-sponsored" terrorists': who is said to back the attackers, not where
the attack was."""


def _country_of_areas_named(text: str) -> str | None:
    """The country whose first-level areas the text names as areas ('Borno
    State', 'Balochistan's Kech district', 'in Bastar, Chhattisgarh')."""
    named = [m.group("name") for m in _AREA_OF_A_COUNTRY.finditer(text)]
    return (
        country_of_areas(named)
        or country_of_areas(m.group("name") for m in _AREA_FORCE.finditer(text))
        or country_of_areas(
            m.group("name")
            for m in _AFTER_IN_OR_COMMA.finditer(text)
            if normalize_name(m.group("name")) not in _COMPASS
        )
        or _nigerian(text, named)
    )


_LGA = re.compile(r"\blocal government areas?\b|\bLGAs?\b", re.IGNORECASE)


def _nigerian(text: str, named: list[str]) -> str | None:
    """'Plateau State's Bassa local government area': a state's name other
    countries' areas share, with Nigeria's own second-level unit named."""
    if _LGA.search(text) and any("NG" in areas_of(name) for name in named):
        return "NG"
    return None


_AREA_OF_A_COUNTRY = re.compile(
    r"\b(?P<name>[A-Z][\w\u00c0-\u024f'-]*(?:\s+[A-Z][\w\u00c0-\u024f'-]*){0,2})"
    r"(?:\s+(?:State|Region|Province|County|Governorate|state|region|province)\b|"
    r"'s\s+(?:(?:[A-Z][\w'-]*|da|de|do|dos|das|du|des|del|di)\s+){1,3}"
    r"(?:district|region|county|province|local government area|lga|department|"
    r"prefecture|governorate)\b)"
)
"""A first-level area named as one ('Borno State', 'Tillaberi Region', 'Zamfara
state') or as holding a district ('Manipur's Churachandpur district', 'Borno's
Gwoza local government area'): the country it belongs to, where the text names
none."""

_AREA_FORCE = re.compile(
    r"\b(?P<name>[A-Z][\w\u00c0-\u024f'-]*(?:\s+[A-Z][\w\u00c0-\u024f'-]*)?)"
    r"(?:'s)?\s+(?:Police|Armed (?:Police|Force)|Rifles|Government|High Court|"
    r"(?:Legislative )?Assembly|Chief Minister|Home Minister|Home Department)\b"
)
"""A first-level area's police, force or government ('the Chhattisgarh Armed
Force', 'Chhattisgarh Police's District Force'): the country it belongs to,
where the text names none."""

_AFTER_IN_OR_COMMA = re.compile(
    r"(?:\bin|\bof|,)\s+(?P<name>(?-i:[A-Z])[\w\u00c0-\u024f'-]+(?:\s+"
    r"(?:(?:de|del|da|do|dos|das|du|des|di|la|los|las)\s+)?"
    r"(?:(?:al|el|ez|az|ad|as|ar|an)-)?(?-i:[A-Z])[\w\u00c0-\u024f'-]+){0,2})"
    r"(?=[\s.,;:)]|$)(?!\s+(?:tehsil|agency|sub-?division|LGA|local government)\b)"
)
"""A name after 'in', 'of' or a comma: where a first-level area ('in Bastar,
Chhattisgarh', 'Koraput district of Odisha', 'in Norte de Santander') says which
country a report that names none is about. A name an administrative unit's
word follows is that unit's ('of Safi tehsil' is not Malta's Safi; 'in Borno
village' is still Borno's)."""
_COMPASS = frozenset(
    {
        "central",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "norte",
        "sur",
        "sul",
        "nord",
        "sud",
        "coast",
        "lakes",
        "capital",
    }
)

_AS_WHERE = re.compile(
    r"(?:\b(?:in|across|of|(?:north|south)?-?(?:east|west)?(?:ern)|central)\s+"
    r"(?:the\s+)?|,\s*)$",
    re.IGNORECASE,
)
_OWNS = re.compile(r"[\w\u00c0-\u024f -]+'s?\s")
"""A country named as where things are: 'in Niger', 'northern Mali', 'Borno
State, Nigeria', 'Niger's army'."""


def _said_as_where(text: str, at: int) -> bool:
    """Whether the country named at ``at`` is said as where things are ('in
    Niger', 'northern Mali', 'Borno State, Nigeria', "Niger's army"), not only
    named ('Somalia has gone without a stable government')."""
    return bool(_AS_WHERE.search(text[max(0, at - 25) : at]) or _OWNS.match(text, at))


def _lede_country(text: str, found: list[tuple[str, int]]) -> str | None:
    """The country the lede says things happened in ('ambushed them in
    south-western Niger, not far from the border with Mali'): it names the
    report's country however often the text names a neighbour. The lede is the
    first paragraph that says something, past a dateline alone ('Jayapura, April
    16')."""
    lede = next((p for p in paragraphs(text) if _SAYS_SOMETHING.search(p.text)), None)
    if lede is None:
        return None
    for code, at in found:
        if at < lede.start:
            continue
        if at >= lede.end:
            break
        owned = _OWNER.search(text, max(0, at - 5), at) and _IN_POSSESSIVE.match(
            text, at
        )
        if _DEMONYM.match(text, at) or owned:
            continue  # '(ADF), Ugandan rebels,', 'the commander of France's force'
            # say who, not where
        if _AS_WHERE.search(text[max(0, at - 25) : at]) and not _NOT_WHERE.search(
            text[max(0, at - 40) : at]
        ):
            return code
    return None


_DEMONYM = re.compile(
    rf"(?:{'|'.join(sorted(map(re.escape, DEMONYMS), key=len, reverse=True))})\b",
    re.IGNORECASE,
)
_OWNER = re.compile(r"\bof\s+$")
_IN_POSSESSIVE = re.compile(
    r"[A-Z][\w\u00c0-\u024f-]*(?:\s+[A-Z][\w\u00c0-\u024f-]*)*['\u2019]s\s"
)
"""'of' before a country in the possessive: 'the commander of France's
counter-terrorism force' names an owner, not a place."""
_SAYS_SOMETHING = re.compile(r"\b[a-z]{2,}\b.*[.!?]")
"""A paragraph with a sentence in it: a dateline alone ('Jayapura, April 16') is
no lede."""

_NOT_WHERE = re.compile(
    r"\b(?:border (?:with|of)|borders?|bordering|neighbou?ring|from|into|backed|"
    r"blamed)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_IN_COUNTRY = re.compile(r"\b(?:in|of)\s+(?:(?:nearby|neighbou?ring)\s+)?$", re.I)


def sentence_country(sentence_text: str, report_code: str | None) -> str | None:
    """The other country a sentence of a report about ``report_code`` places
    its news in ('in Nigeria's Borno state', 'in neighbouring Niger'), where it
    names exactly one such country and it is not the region's; else None."""
    if report_code is None or report_code in COUNTRIES:
        return None
    codes = {
        code
        for code, at in countries_named(sentence_text)
        if code != report_code
        and code not in COUNTRIES
        and _IN_COUNTRY.search(sentence_text[max(0, at - 25) : at])
        and _OWNS.match(sentence_text, at)
    }
    return codes.pop() if len(codes) == 1 else None
