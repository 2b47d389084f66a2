"""A named site inside a town: 'Terrorists storm Bacha Khan University in
Charsadda', 'a suicide attack outside the Data Darbar in Lahore', 'a blast in
Quetta's Hazarganji market'.

The gazetteer knows the town, not the site, so the incident stays at the town's
point with the town's precision, and is reported as the site the text names: no
finer point is invented. Each kind of tie between a site and its town is a rule
of :data:`SITE_RULES`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence

from components.gazetteer import normalize_name
from components.report.mentions import PlaceMention
from components.report.model import ReportIncident
from components.report.rules import Rule
from components.report.segments import Sentence
from components.report.vocabulary.places import LANDMARK_WORDS, SITE_WORDS

logger = logging.getLogger(__name__)

_ARTICLE = r"(?:The|A|An|This|That|Its|Their|His|Her|Our)\b"
_HEAD = r"(?:(?!" + _ARTICLE + r")[A-Z][\w'\u00c0-\u024f-]*\s+){1,4}"
"""The capitalised words of a site's own name, no article among them."""
_SITE = (
    r"(?P<site>" + _HEAD + r"(?i:" + "|".join(SITE_WORDS) + r")"
    r"|(?:Hotel|Masjid|Camp|Fort)(?:\s+[A-Z][\w'\u00c0-\u024f-]*){1,3})\b"
)
"""A site's name: its own words, then what it is ('Bacha Khan University'), or
what it is, then its own words ('Hotel Sahafi')."""
_TOWN = r"(?P<town>[A-Z][\w'\u00c0-\u024f-]*(?:\s+[A-Z][\w'\u00c0-\u024f-]*)?)"
_HIT = (
    r"(?:attack(?:ed|s)?|assault(?:ed)?|blast|explosion|bomb(?:ing|ed)?|struck|"
    r"stormed?|raid(?:ed)?|fir(?:ed|ing)|exploded|went\s+off|ambush(?:ed)?|"
    r"shot|gunned\s+down|killed|targeted)"
)

SITE_RULES: tuple[Rule, ...] = (
    Rule(
        "a site in its town",
        _SITE + r",?\s+(?:in|at|of)\s+(?:(?:the|a)\s+(?:[\w,'-]+\s+){0,4}?(?:city|town|"
        r"area|part|outskirts|suburbs?|neighbou?rhood|locality|district)\s+of\s+)?"
        + _TOWN,
        "Terrorists stormed Bacha Khan University in Charsadda, killing 20 people.",
        "Bacha Khan University",
        flags=0,
    ),
    Rule(
        "a town's site",
        _TOWN + r"['\u2019]s\s+" + _SITE,
        "A blast in Quetta's Hazarganji market killed 20 people.",
        "Hazarganji market",
        flags=0,
    ),
    Rule(
        "an attack at a site, in a report of one scene",
        r"\b" + _HIT + r"\b[^.;:]{0,60}?\b(?:at|near|outside|inside|into|on|in|of)\s+"
        r"(?:the\s+)?(?:(?:[a-z]+\s+)?(?:courtyard|premises|compound|campus|grounds|"
        r"gates?|entrance)\s+of\s+(?:the\s+)?)?" + _SITE,
        "The bomber died in the explosion near the Jinnah International Airport "
        "in Karachi, killing two people.",
        "Jinnah International Airport",
        flags=0,
    ),
    Rule(
        "a named site of the kind the attack hit",
        _SITE,
        "Gunmen forced their way into a college in Garissa at dawn. Survivors "
        "described scenes at Garissa University College.",
        "Garissa University College",
        flags=0,
    ),
)
"""How a site is tied to its town: the first two in a sentence that places the
attack in the town; the third in any news sentence of a report of one scene; the
last names the kind of place the attack hit ('a college', then 'Garissa
University College'), where no other scene was hit at such a place."""
_TIED, _ONE_SCENE, _OF_ITS_KIND = SITE_RULES[:2], SITE_RULES[2:3], SITE_RULES[3:]

_TAKEN_TO = re.compile(
    r"\b(?:taken|rushed|shifted|moved|brought|admitted|referred|transferred|"
    r"airlifted|flown|evacuated|treated|declared|received|went|sent|carried|"
    r"driven)\b[^.;,]{0,40}$",
    re.IGNORECASE,
)
"""Words before a hospital the hurt were taken to: a destination, not a site."""


_QUOTE = re.compile(r"(?<!\w)['\u2018\u2019]|['\u2018\u2019](?!\w)")
"""A quotation mark around a site's name: 'the 'Amir Al-Momenin' mosque'."""


_SITE_END = re.compile(
    r"\b(?:" + "|".join((*SITE_WORDS, *LANDMARK_WORDS)) + r")$", re.IGNORECASE
)


def names_a_site(name: str) -> bool:
    """Whether a name is a site's or a landmark's ('Bacha Khan University',
    'Lachi Toll Plaza'), not a town's."""
    return bool(_SITE_END.search(name.strip()))


def _town_names(incident: ReportIncident) -> set[str]:
    """What the gazetteer and the text call an incident's town."""
    return {normalize_name(incident.place.name)} | {
        normalize_name(e.text) for e in incident.evidence if e.what == "place"
    }


def _site_in(
    sentence: str, rules: Sequence[Rule], towns: set[str], elsewhere: set[str]
) -> str | None:
    """The first site of ``sentence`` a rule ties to one of ``towns`` (or to
    none, for a rule with no town), not a place the hurt were taken to, nor one
    named for another place of the report ('the Karachi Airport' in a report of
    Quetta)."""
    for rule in rules:
        for match in rule.compiled.finditer(sentence):
            site = match.group("site")
            if _TAKEN_TO.search(sentence[: match.start("site")]):
                continue
            town = match.groupdict().get("town")
            if town is not None and normalize_name(town) not in towns:
                continue
            if normalize_name(site) in towns or _names_another(site, elsewhere):
                continue
            if _POSSESSIVE.search(site):
                continue  # "Quetta's railway station": the town's, not a name
            after = _IN_A_TOWN.match(sentence[match.end("site") :])
            if after and normalize_name(after.group("town")) in elsewhere:
                continue  # 'the FC headquarters in Quetta', in a report of Mastung
            return _QUOTE.sub("", site).strip()
    return None


def _names_another(site: str, elsewhere: set[str]) -> bool:
    """Whether the words of a site's own name (not its last, what it is) name
    another place of the report."""
    words = site.split()
    return any(
        normalize_name(" ".join(words[i:j])) in elsewhere
        for i in range(len(words))
        for j in range(i + 1, len(words))
    )


def _named(incident: ReportIncident) -> bool:
    """An incident reported under its town's own name, at a town: one a site
    may name (not a landmark already, nor a name the gazetteer lacks)."""
    return (
        not incident.event_wide
        and incident.unplaced is None
        and incident.place.kind not in ("country", "province")
        and normalize_name(incident.place_reported) in _town_names(incident)
    )


def _kind(site: str) -> str:
    """What a site is: 'college' of 'Garissa University College', 'hotel' of
    'Hotel Sahafi'."""
    words = site.lower().split()
    return words[0] if words[0] in _PREFIX_KINDS else words[-1]


_PREFIX_KINDS = frozenset({"hotel", "masjid", "camp", "fort"})
_IN_A_TOWN = re.compile(r",?\s+(?:in|at|of)\s+(?:the\s+)?" + _TOWN)
_POSSESSIVE = re.compile(r"['\u2019]s\s")


def _hit_kinds(incident: ReportIncident) -> set[str]:
    """The kinds of place the text says the attack at an incident hit, but a
    hospital, which a report names for where the hurt were taken."""
    kinds = {m.evidence.text.lower().split()[-1] for m in incident.targets}
    return kinds - {"hospital"}  # the hurt were taken to one: no site


def name_sites(
    incidents: Sequence[ReportIncident],
    news: Sequence[Sentence],
    named: Sequence[PlaceMention],
) -> None:
    """Report each incident at the site its text names inside its town (see
    :data:`SITE_RULES`). ``named`` are the places the report names."""
    scenes = [i for i in incidents if not i.event_wide]
    surfaces = {normalize_name(m.text) for m in named} | {
        normalize_name(m.place.name) for m in named
    }
    texts = [n.text for n in news]
    for incident in scenes:
        if not _named(incident):
            continue
        towns = _town_names(incident)
        elsewhere = surfaces - towns
        placed = dict.fromkeys(
            e.sentence for e in incident.evidence if e.what == "place"
        )
        site = _first(placed, _TIED, towns, elsewhere)
        if site is None and len(scenes) == 1:
            site = _first(texts, _ONE_SCENE, towns, elsewhere)
        if site is None:
            others = set().union(*(_hit_kinds(i) for i in scenes if i is not incident))
            kinds = _hit_kinds(incident) - others
            found = {
                s
                for text in texts
                if (s := _site_in(text, _OF_ITS_KIND, towns, elsewhere))
                and _kind(s) in kinds
            }
            site = found.pop() if len(found) == 1 else None
        if site is not None:
            logger.debug("%s reported as the site %r", incident.place.name, site)
            incident.place_reported = site


def _first(
    texts: Iterable[str], rules: Sequence[Rule], towns: set[str], elsewhere: set[str]
) -> str | None:
    return next((s for t in texts if (s := _site_in(t, rules, towns, elsewhere))), None)
