"""Names in a place slot that the gazetteer does not know, and the wider place the
text gives for each.

A name is in a place slot when news prose puts it where places go: before a word
such as "area" or "village" ("in the Rarasham area"), after "the village of",
after "in", "at" or "near" in a sentence that tells of an attack or its toll, in a
list with such a name ("Tump and Buleda"), or before an apposition that says it
is a place ("Ntoyo, a village in ..."). The slots are rules (:data:`SLOT_RULES`),
each named and with the sentence it is made for.

Such a name is never dropped: it becomes an :class:`UnplacedName`, kept at the
wider place the text gives for it ("the Rarasham area of Musakhail district" ->
Musakhail, at district precision), else at the report's province or country, with
that precision said; its figures, targets and attacks are filled in when the
incidents are assembled.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from components.domain.places import Place
from components.domain.vocabularies import GeoPrecision
from components.gazetteer import normalize_name
from components.gazetteer.world import DEMONYMS, country_names
from components.report.rules import Rule
from components.report.segments import NAME_FOLLOWS, Sentence
from components.report.vocabulary import (
    AREA_WORDS,
    HIT_WORDS,
    INJURED_VERBS,
    KILLED_VERBS,
    NOT_PLACE_WORDS,
    NOT_PLACES,
)
from components.report.vocabulary.places import (
    FACILITY_WORDS,
    NAME_PARTICLES,
    PLACE_TAIL,
    PLACE_WORD_ENDS,
    RELIGION_WORDS,
    STREET_SITES,
    TITLES,
)
from components.report.vocabulary.text import NUMBER_TENS, NUMBER_UNITS

_ARTICLE = r"(?:(?:al|el|an|ad|as|ash|at|ar)-)?"
NAME = (
    _ARTICLE + r"[A-Z][\w'\u00c0-\u024f]*"
    r"(?:-(?:[a-z]{1,2}-)?[\w\u00c0-\u024f]+)*"
    r"(?:\s+(?:(?:" + "|".join(NAME_PARTICLES) + r")\s+)?"
    r"(?:" + _ARTICLE + r"[A-Z][\w'\u00c0-\u024f]*(?:-[\w\u00c0-\u024f]+)*)){0,3}"
    r"(?:\s+\d{1,2}(?=\s+(?:in|of|near|at|on)\b|\s*[,.;)]))?"
)
"""A name as written: up to four capitalised words, hyphenated parts kept
('Shahrah-e-Iqbal', 'Pul-i-Khumri', 'Marte-Dikwa', 'al-Miqdadiyah', 'Bir
al-Abd'), and the number of a numbered village ('the village of Tuayan 1 in
Datu Hoffer town')."""

_AREA = r"(?i:" + "|".join(AREA_WORDS) + r")"
_LOCATIVE = (
    r"(?i:in|at|near|outside|around|into|inside|on the (?:outskirts|edge) of|close to|"
    r"toward|towards)"
)

_PLACE_WORD_END = r"(?:" + "|".join(PLACE_WORD_ENDS) + r")"
_FACILITY = r"(?i:" + "|".join(FACILITY_WORDS) + r")"

_BODY_AFTER = (
    r"\s+(?:[\w-]+\s+)?(?:unit|force|battalion|regiment|brigade|squad|team|group|"
    r"militia|wing|corps|committee|council|governor|chief|administrator|"
    r"commissioner|commander|spokesman|spokesperson|official|officer|head)s?\b"
)
"""An area word that names what a body or an office is for ('CoBRA, the jungle
warfare unit of the CRPF', 'the village defence force', 'Mohammad Kabiri, the
district governor of Shahrak'): no place."""


SLOT_RULES: tuple[Rule, ...] = (
    Rule(
        "a name ending in a word that ends places' names",
        rf"(?<![\w'-])(?P<name>(?:[A-Z][\w\u00c0-\u024f-]*\s+){{1,3}}"
        rf"{_PLACE_WORD_END})\b(?!\s+(?:National|Game|Wildlife|Tiger|Forest)\b)",
        "The attack took place in Satellite Town, where the labourers slept.",
        "Satellite Town",
        flags=0,
    ),
    Rule(
        "a name and a market or crossing after a locative",
        rf"\b{_LOCATIVE}\s+(?:the\s+)?(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)\s+"
        r"(?:market|bazaar|bazar|chowk|square|adda|crossing|roundabout)\b",
        "The attack took place near Khadi market in Mirali.",
        "Khadi",
        flags=0,
    ),
    Rule(
        "an area word before a name",
        rf"\b(?P<area>(?:(?i:tehsil|mohalla|mouza|union council)|District|Village|"
        rf"Barangay|Sitio|Purok|Kebele))\s+"
        rf"(?P<name>{NAME})",
        "The attackers struck the police station in Tehsil Daraban at 3am.",
        "Daraban",
        flags=0,
    ),
    Rule(
        "a name before a police station or post",
        rf"(?<![\w-])(?P<name>{NAME})\s+(?:(?:border|main|joint|army|security|"
        rf"police|levies|fc)\s+)?(?P<area>{_FACILITY})\b",
        "Militants struck the Chaudhwan Police Station at about 3am.",
        "Chaudhwan",
        flags=0,
    ),
    Rule(
        "name before an area word",
        rf"(?<![\w-])(?<!' )(?!\S+'s?\s)(?P<name>{NAME})\s+(?!(?i:villages)\b)"
        rf"(?P<area>{_AREA})\b",
        "Gunmen killed seven passengers in the Rarasham area of Musakhail district.",
        "Rarasham",
        flags=0,
    ),
    Rule(
        "names listed before a plural area word",
        rf"(?<![\w-])(?P<name>{NAME})(?=(?:\s*,\s*{NAME})*,?\s+and\s+{NAME}"
        r"(?:,\s+(?:(?i:all|both|two|three|four|five)\s+)?)?\s*"
        r"(?i:(?:local government )?areas|villages|towns|localities|communities|"
        r"settlements|districts|tehsils|LGAs|counties)\b)",
        "The gunmen hit the convoy in the Mandori, Bhagan and Ochat areas.",
        "Bhagan",
        flags=0,
    ),
    Rule(
        "names said to be the places attacked",
        rf"(?<![\w-])(?P<name>{NAME})(?=(?:\s*,\s*{NAME})*(?:,?\s+and\s+{NAME})?\s+"
        r"(?i:were|was)\s+(?i:the|among the)\s+(?:[\w-]+\s+){0,2}?(?i:posts?|camps?|"
        r"bases?|villages?|towns?|places?|areas?|targets?|sites?|localities|"
        r"communities)\s+(?i:attacked|hit|targeted|struck|raided|affected)\b)",
        "The authorities said Boulkessi and Mondoro were the military posts attacked.",
        "Boulkessi",
        flags=0,
    ),
    Rule(
        "the area word of a name",
        rf"\b(?i:the)\s+(?:[a-z'\u2019-]+\s+){{0,2}}(?P<area>{_AREA})\s+of\s+"
        rf"(?P<name>{NAME})",
        "Terrorist groups attacked the village of Noaka, mainly targeting the VDP.",
        "Noaka",
        flags=0,
    ),
    Rule(
        "the places an attack hit, listed",
        r"\b(?i:the)\s+(?:[a-z-]+\s+)?(?P<area>(?i:villages|towns|communities|"
        r"localities|settlements|areas|places))\s+(?:(?i:that|which)\s+(?i:were)\s+)?"
        r"(?i:hit|attacked|targeted|raided|affected|struck)"
        r"(?:,\s*(?:[\w.'-]+\s+){1,3}(?i:said|says|added|told \w+),)?"
        rf"\s+(?i:were|included|are)\s+(?P<name>{NAME})",
        "The villages hit were Koshebe, Karkut and Bulabulin, in the Mafa area.",
        "Koshebe",
        flags=0,
    ),
    Rule(
        "a place said to be called a name",
        r"\b(?i:an?\s+(?:[a-z-]+\s+)?(?:place|village|town|locality|area|settlement|"
        r"hamlet|spot)\s+(?:called|named|known\s+as))\s+"
        rf"(?P<name>{NAME})",
        "The commissioner confirmed an attack at a place called Widhu.",
        "Widhu",
        flags=0,
    ),
    Rule(
        "places listed after a colon",
        rf"\b(?i:places|villages|towns|areas|locations|localities|districts)\s*:\s+"
        rf"(?P<name>{NAME})",
        "The group had attacked three different places: Kakat, Mastung and Sur-Dakai.",
        "Kakat",
        flags=0,
    ),
    Rule(
        "places an attack hit, listed after 'including'",
        r"\b(?i:villages|towns|localities|communities|settlements|areas)\b[^.;]{0,60}?,?"
        rf"\s+(?i:including|among them|such as)\s+(?P<name>{NAME})",
        "The attackers struck several villages of the sector, including Bulongo, "
        "Kazarahoyo and Kidungu.",
        "Bulongo",
        flags=0,
    ),
    Rule(
        "a name then an apposition that calls it a place",
        rf"(?<![\w-])(?P<name>{NAME})(?:,|\s+(?:is|was|lies in))\s+(?:a|an|the)\s+"
        rf"(?:[\w-]+\s+){{0,2}}?(?P<area>{_AREA}|capital)\b(?!')(?!{_BODY_AFTER})",
        "The attack happened on Monday in Ntoyo, a village in the Lubero territory.",
        "Ntoyo",
        flags=0,
    ),
    Rule(
        "a wider area named as where the fighting began",
        rf"\b(?i:the)\s+(?P<name>{NAME})\s+(?P<area>(?i:region|zone|belt)),\s+(?i:where)"
        r"\s+(?:the\s+)?(?i:clash(?:es)?|fighting|attacks?|battle|assault|raid|ambush)"
        r"\s+(?:(?i:had|has)\s+)?(?i:began|begun|started|erupted|broke\s+out|took\s+"
        r"place|happened|occurred)\b",
        "The Taliban took control of the Zirakai region, where the clashes had begun.",
        "Zirakai",
        flags=0,
    ),
    Rule(
        "a capital named after its title",
        r"\b(?i:the)\s+(?:(?i:provincial|district|regional|state|county)\s+)?"
        rf"(?i:capital|headquarters)\s+(?:(?i:city|town)\s+)?(?:(?i:of)\s+)?"
        rf"(?P<name>{NAME})",
        "The checkpoint was close to the provincial capital Qala-i-Now.",
        "Qala-i-Now",
        flags=0,
    ),
    Rule(
        "a name, then the wider area it lies in",
        rf"(?<![\w-])(?P<name>{NAME})(?:(?:,\s*|\s+and\s+){NAME})*,\s+in\s+"
        rf"(?:the\s+)?{NAME}\s+"
        r"(?i:province|state|region|district|county|governorate|department)\b",
        "The unit had been posted to Koumbri, in Yatenga province, to guard it.",
        "Koumbri",
        flags=0,
    ),
    Rule(
        "a province named as the scene, in a sentence about an attack",
        rf"(?<!city )(?<!town )(?<!village )(?<!area )\b(?i:in|across)\s+(?:the\s+)?"
        r"(?:(?i:north|south|east|west|centre|center|heart|outskirts)\s+of\s+)?"
        rf"(?!(?:North|South|East|West|Central|Northern|Southern|Eastern|Western)\b)"
        rf"(?P<name>{NAME})\s+(?P<area>(?i:province))\b",
        "The second attack killed about 10 auxiliaries in Nayala province.",
        "Nayala",
        flags=0,
    ),
    Rule(
        "a locative before a name, in a sentence about an attack",
        rf"\b{_LOCATIVE}\s+(?:(?i:an?|one)\s+(?i:area|part|corner)\s+of\s+)?"
        rf"(?!(?i:the)\b)(?P<name>{NAME})(?=\s*(?:[,.;:)\"\u201c\u201d]|$)|\s+"
        r"(?:on|in|at|near|and|or|after|before|when|where|late|early|this|last|"
        r"during|overnight|while|from|to|killing|leaving|as|also|left|killed|"
        r"wounded|injured|came|comes|was|were)\b)",
        "Gunmen attacked a checkpost in Kirawa on Sunday, killing two farmers.",
        "Kirawa",
        flags=0,
    ),
    Rule(
        "the place an attack was on, in a sentence about an attack",
        r"\b(?i:attacks?|raids?|assaults?|offensive)\s+(?i:on|against)\s+"
        rf"(?P<name>{NAME})(?=\s*(?:[,.;:)]|$)|\s+(?:on|in|at|near|village|town|"
        r"late|early|last|overnight|killing|leaving)\b)",
        "Jihadists killed 15 civilians in an attack on Seytenga in the north.",
        "Seytenga",
        flags=0,
    ),
    Rule(
        "the near end of a stretch, in a sentence about an attack",
        r"\b(?i:between)\s+(?:(?i:the)\s+)?(?:(?i:towns|villages|cities)\s+(?i:of)\s+)?"
        rf"(?P<name>{NAME})\s+(?i:and)\s+{NAME}",
        "Terrorists fell on a vehicle on the road between Toumour and Kinsha and "
        "killed every passenger.",
        "Toumour",
        flags=0,
    ),
    Rule(
        "a name a post or station is at",
        rf"\b(?P<area>{_FACILITY})s?\s+(?:set up\s+)?(?:at|in|near)\s+(?:the\s+)?"
        rf"(?P<name>{NAME})",
        "Officers set up checkpoints at Katta Khel and stopped two men on motorcycles.",
        "Katta Khel",
        flags=0,
    ),
)
"""Where prose puts a place's name: each rule's ``example`` gives its name."""

_FACILITY_RE = re.compile(_FACILITY)
_TRAILING_ACRONYM = re.compile(
    r"(?:\s+(?:[A-Z]{2,4}|Army|Police|Levies|Military|Administration))+$"
)
"""A force's or office's initials or name after a place's name: 'Shah Mardan
FC', 'the Sunjuwan Army camp', 'the Gerille Administration Police Post'."""
_LIST_NEXT = re.compile(
    rf"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?P<name>{NAME})"
)
_LOWER_WORD_IN_LIST = re.compile(r"\s+[a-z]{3,}(?=\s*,\s*(?-i:[A-Z]))")
"""A name's second word written in lower case, inside a list of names ('Tungar
lauti, Inwala'): the list goes on after it."""
_COUNT_WORD = (
    rf"(?:{'|'.join(w for w in NUMBER_UNITS if w != 'zero')}|{'|'.join(NUMBER_TENS)})\b"
)
"""', four at Farin Hula': a count of a tally by place, not words of a wider
place."""
_WIDER_GAP = re.compile(
    rf"^(?:'s)?\s*(?:(?:[a-z]+\s+)?(?:{_AREA}|{_FACILITY}(?:\s+and\s+(?:a|an|one|two|"
    rf"three|four|\d+)\s+(?:other\s+)?{_FACILITY}s?)?)\s*)?,?\s*(?:(?:a|an|the)\s+"
    rf"(?:[a-z-]+\s+){{0,3}}?(?:{_AREA})?\s*)?(?:(?:lies|is|was)\s+(?:located\s+|"
    rf"situated\s+)?|located\s+|situated\s+)?(?:of|in|near|,|outside|close to|"
    rf"(?:on|in) the (?:outskirts|edge|suburbs) of|,?\s*(?:within|under) the "
    rf"(?:limits|jurisdiction|precincts) of|,?\s*which (?:comes|falls|lies) under)"
    rf"\s+(?:the\s+)?(?!{_COUNT_WORD}\s)"
    rf"(?:[a-z-]+(?:'s)?\s+){{0,2}}(?:(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?'s\s+)?"
    rf"(?:(?-i:Upper|Lower|Central)\s+)?$"
    rf"|^,?\s*(?:which\s+(?:comes|falls|lies)\s+)?under\s+(?:the\s+)?(?-i:[A-Z])[\w-]*"
    rf"\s+(?:block|tehsil|police\s+station|thana|sub-?division|taluka|mandal|circle)"
    rf"\s*,?\s+(?:in|of)\s+(?:the\s+)?$"
    rf"|^\s+(?:is|was|lies)\s+(?:a|an)\s+(?:[a-z-]+\s+){{0,2}}?(?:{_AREA})\s+"
    rf"(?:(?:about\s+|some\s+)?\d[\d.,]*\s*(?:km|kms|kilomet(?:re|er)s?|miles?)\s+"
    rf"(?:[\w-]+\s+){{0,3}}?(?:of|from)\s+[^,;.]{{1,40}},\s*)?(?:in|of)\s+"
    rf"(?:the\s+)?(?:[a-z-]+\s+){{0,2}}$"
    rf"|^\s+(?:{_AREA})\s+of\s+(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?,?\s+in\s+"
    rf"(?:the\s+)?$"
)
"""Between a name and the wider place it lies in: 'area of', ', a village in
the', ' village, in the', ' area of Lower ' (Kurram), ' Police Station in', '
border checkpoint lies in', '
police station on the outskirts of', ' police station and two check posts in', '
check post, within the limits of', ' check-post, which comes under the', ' in
Cabo Delgado's ', ' is a village 44 km from Komanda-centre, in the ', '
neighbourhood of Tarangzai in the' (through a name no gazetteer knows), ', under
Baliguda block in '."""


_TOLL = re.compile(rf"\b(?:{KILLED_VERBS})\b|\b(?:{INJURED_VERBS})\b", re.IGNORECASE)
"""Words telling of a toll: 'was shot dead in Sarangi Adda' names the scene."""


@dataclass
class UnplacedName:
    """A name in a place slot that the gazetteer does not know, kept at the wider
    place the text gives (or the report's province or country)."""

    name: str
    start: int
    end: int
    sentence: Sentence
    wider: Place | None = None
    """The place it was kept at, where the text gives one."""
    precision: GeoPrecision | None = None
    precision_label: str = ""
    """What the precision is: 'district', 'town', 'province', 'country'."""
    rule: str = ""
    killed: dict[str, int | None] = field(default_factory=dict)
    injured: dict[str, int | None] = field(default_factory=dict)
    target_types: list[str] = field(default_factory=list)
    attack_types: list[str] = field(default_factory=list)
    incident: bool = False
    """Read as an attack place (its incident is proposed at the wider place)."""

    def as_json(self) -> dict[str, object]:
        wider = self.wider
        return {
            "name": self.name,
            "start": self.start,
            "end": self.end,
            "sentence": {
                "start": self.sentence.start,
                "end": self.sentence.end,
                "text": self.sentence.text,
            },
            "wider_place": None
            if wider is None
            else {
                "name": wider.name,
                "kind": wider.kind,
                "lat": wider.lat,
                "lon": wider.lon,
                "geonameid": wider.geonames_id,
                "admin1": wider.admin1,
                "country": wider.country,
            },
            "precision": self.precision_label or None,
            "geo_precision": int(self.precision) if self.precision else None,
            "incident": self.incident,
            "killed": self.killed,
            "injured": self.injured,
            "target_types": self.target_types,
            "attack_types": self.attack_types,
            "rule": self.rule,
        }


_NUMBER_WORDS = frozenset([*NUMBER_UNITS, *NUMBER_TENS])


_NATIONALITIES = frozenset(DEMONYMS) - {"somali"}  # the Somali Region is a place
"""Adjectives of nationality: a name they begin is a people's, not a place's."""

_SHORT_COUNTRY = frozenset({"pak", "indo", "sino", "afro", "euro"})
"""Countries shortened to join another ('Pak-Afghan', 'Indo-Pak')."""


def _countries_joined(name: str) -> bool:
    """Two countries joined by a hyphen ('the Pak-Afghan border', 'Iran-Pakistan
    border'): a border or a relation between them, no place of the text."""
    parts = [normalize_name(part) for part in name.split("-")]
    names = country_names()
    return len(parts) >= 2 and all(p in names or p in _SHORT_COUNTRY for p in parts)


def is_name(
    name: str, area_after: bool = False, facility: bool = False, area: bool = False
) -> bool:
    """Whether a capitalised name can be a place's: none of its words is a word
    no place has (a weekday, an office, a facility: 'Madina Masjid', 'Samaa TV'),
    and it is no acronym ('ISWAP'). A name the text calls a village or town ('Gul
    Imam village', ``area_after``) may hold any such word; one a post is named
    after ('the Gul Imam police checkpost', ``facility``) a title's word after
    its first, and one before 'area' ('the Sheikh Kali area', ``area``) a
    title's word first, where more words follow."""
    key = normalize_name(name)
    parts = _PROTECTED_AREA_END.sub("", name).split()  # 'Indravati National Park'
    street_of_a_site = (
        len(parts) == 2
        and parts[1].lower() in ("road", "street")
        and parts[0].lower() in STREET_SITES
    )  # 'Jail Road', 'Hospital Road': a street named for what stands on it
    if len(parts) > 1 and re.fullmatch(_PLACE_WORD_END, parts[-1]):
        parts = parts[:-1]  # 'Satellite Town': the last word is the name's own
    if (
        len(parts) == 2
        and parts[0].lower() in RELIGION_WORDS
        and PLACE_TAIL.fullmatch(parts[1])
    ):
        parts = parts[1:]  # 'Muslim Bagh': a town's name
    return not (
        "'s " in name  # 'Burkina Faso's North': two names, not one
        or key in NOT_PLACES
        or _countries_joined(name)
        or (
            not (area_after or street_of_a_site)
            and any(
                normalize_name(re.sub(r"['\u2019]s?$", "", word)) in NOT_PLACE_WORDS
                and not (
                    ((facility and index) or (area and not index and len(parts) > 1))
                    and word.lower() in TITLES
                )
                for index, part in enumerate(parts)
                for word in part.split("-")  # 'Frontier Corps-police'
            )
        )
        or normalize_name(parts[0]) in _NUMBER_WORDS  # 'Two District Reserve ...'
        or normalize_name(parts[0]) in _NATIONALITIES  # 'the Afghan Refugee Camp'
        or (name.isupper() and len(name) <= 6 and not _SECTOR.fullmatch(name))
        or _PERSONS_INITIAL.match(name) is not None
        or _NUMBERED_PART.fullmatch(name) is not None
        or len(key) < 3
    )


_PROTECTED_AREA_END = re.compile(
    r"(?<=\w)\s+(?:National\s+Park|(?:Game|Tiger|Forest|Nature)\s+Reserve|"
    r"Wildlife\s+Sanctuary|Reserved?\s+Forest)$"
)
"""The words that end a protected area's name ('Indravati National Park',
'Kainji Lake National Park', 'Sambisa Game Reserve'): the name's own, not words
no place has."""
_SECTOR = re.compile(r"[A-Z]{1,2}-\d{1,2}")
"""A city's sector named by a letter and a number ('the I-9 area of Islamabad',
'G-11'): a place, not an acronym."""
_PERSONS_INITIAL = re.compile(r"(?-i:[A-Z])\.?\s+(?-i:[A-Z][a-z])")
"""A person's initial before a name ('K Rajesh', 'P. Sunderraj'): a person."""
_NUMBERED_PART = re.compile(
    r"(?i:gate|door|platform|terminal|hall|floor|entrance)\s+(?i:no\.?\s*|number\s+)?\d+"
)
"""A numbered part of a site ('just outside Gate No 2' of a shrine): where in the
site, not a place of its own."""


def slot_names(
    sentence: Sentence, placed: frozenset[str], countries: frozenset[str]
) -> Iterable[tuple[int, int, str, str]]:
    """(start, end, name, rule) of each unknown name in a place slot of a
    sentence (offsets into the text). ``placed`` are lookup keys of the names
    the gazetteer placed in the text (a name it knows but did not place there,
    a small namesake elsewhere, is unknown here); ``countries`` of names that
    are countries or first-level areas: never an unknown place."""
    body = sentence.text
    if not any(c.islower() for c in body):
        return  # 'SOLDIER KILLED IN SWA FIRING': capitals there mark no name
    attack = bool(HIT_WORDS.search(body) or _TOLL.search(body))
    seen: set[int] = set()
    for rule in SLOT_RULES:
        if rule.name.endswith("in a sentence about an attack") and not attack:
            continue
        for match in rule.compiled.finditer(body):
            yield from _names_from(match, rule, body, sentence, placed, countries, seen)


_OFFICE_AFTER = re.compile(
    r"^\s+(?:police\s+)?(?:officer|chief|commissioner|administrator|spokes(?:man|"
    r"person))\b",
    re.IGNORECASE,
)
"""After an area word, the title of an office ('City Police Officer')."""


_TRAILING_AREA = re.compile(
    r"(?<=\w)\s+(?:LGA|Local Government Area|Local Government|State|Province|Region|"
    r"County|District|Division|Tehsil|Territory|Agency)$"
)
"""The kind of area a name ends with: the area's name is the words before it."""


_LEADING_WORD = re.compile(
    r"(?:The|A|An|At|In|On|Near|From|Outside|Inside|Around|Into|Across|Along|"
    r"Dargah|Darbar|Bgy\.?|Brgy\.?|Barangay|Sitio|Purok)\s+"
)
"""A capitalised word that opens a sentence before a name ('At Kurechin Giye
village', 'The Mill border checkpoint'), a shrine's before the place it is of
('Dargah Fatehpur Sharif'), or the kind of area before a name ('Bgy Tugas'):
no part of it."""


def _before_a_title(name: str) -> str:
    """A name's words before a title that opens a person's name ('Diamer SSP
    Abdul Hameed', 'Sepoy Imran Ali'): the person is no part of the place."""
    words = name.split()
    if words and words[-1] in PLACE_WORD_ENDS:
        return name  # 'Mir Baz Khan Street': a street named for a person
    for index, word in enumerate(words[:-1]):
        if word.lower().rstrip(".") in TITLES and words[index + 1][:1].isupper():
            return " ".join(words[:index])
    return name


_MARTYR = re.compile(r"(?:Shaheed|Shahid|Shuhada|Martyr)\b")
"""A post named for a martyr ('the Shaheed Asmatullah Khan Khattak police
station'): a person's name, not its place's."""

_OFFICES = frozenset({"Department", "Departments"})
"""An area word that, capitalised after a name, names an office ('Counter
Terrorism Department'); a department as an area is written in lower case
('Koutougou department')."""


_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[a-z]+\s+)?$")
"""An indefinite article, and perhaps a word, before capitalised words: they
say what kind of place it is ('a Kurdish town', 'a mostly Turkomen city'), not
which place."""


_PEOPLES_ADJECTIVE = re.compile(r"[A-Z][a-z]{3,}(?:ish|ese)")
"""A people's or a country's adjective ('near Kurdish city', 'Congolese
villages'): no place of the region's ends so."""


_A_PEOPLES_COMMUNITY = re.compile(r"\s+communit(?:y|ies)\b", re.IGNORECASE)
_PEOPLE_OF = re.compile(
    r"\b(?:(?:members?|people|sections?|families|leaders|elders|youths?)\s+of|"
    r"aimed\s+at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""'members of the Hazara community', 'an attack aimed at Hazara community':
a people; 'killed eight persons in the Kalahe community' is a village."""


def _names_from(match, rule, body, sentence, placed, countries, seen):
    name = match.group("name")
    start = match.start("name")
    article = _LEADING_WORD.match(name)
    if article and len(name) > article.end():  # 'The Mill border checkpoint'
        name, start = name[article.end() :], start + article.end()
    owner = name.rfind("'s ")
    if owner > 0:  # 'Turbat's Absar area': Absar (Turbat holds it)
        name, start = name[owner + 3 :], start + owner + 3
    found = [(start, name)]
    cursor = start + len(name)
    while (more := _LIST_NEXT.match(body[cursor:])) is not None:
        following = more.group("name")
        at = cursor + more.start("name")
        lower = _LOWER_WORD_IN_LIST.match(body[at + len(following) :])
        if lower:  # 'Gidan Dan Kani, Tungar lauti, Inwala and Dangodo'
            following += lower.group()
        found.append((at, following))
        cursor = at + len(following)
    area_after = (
        "area" in match.groupdict()
        and match.end("name") < match.start("area")
        and match.group("area").lower() in ("village", "town", "hamlet", "settlement")
    )
    if "area" in match.groupdict() and _OFFICE_AFTER.match(body[match.end() :]):
        return  # 'Capital City Police Officer Muhammad Ijaz Khan': an office
    if "area" in match.groupdict() and match.group("area") in _OFFICES:
        return  # 'the Criminal Investigations Department': an office
    facility = "area" in match.groupdict() and bool(
        _FACILITY_RE.fullmatch(match.group("area"))
    )
    named_area = "area" in match.groupdict() and match.group("area").lower() == "area"
    for at, text in found:
        if facility:
            text = _TRAILING_ACRONYM.sub("", text)  # 'the Shah Mardan FC check post'
            if _MARTYR.match(text):
                continue  # 'the Shaheed Asmatullah Khan Khattak police station'
        text = _TRAILING_AREA.sub("", text)  # 'In Tangaza LGA': Tangaza
        if not named_area:  # 'the Sheikh Kali area' is a place's name
            text = _before_a_title(text)  # 'Diamer SSP Abdul Hameed': Diamer
        if not text:
            continue
        key = normalize_name(re.sub(r"'s?$", "", text))
        if (
            at in seen
            or not is_name(text, area_after, facility, named_area)
            or key in countries
        ):
            continue
        if _INDEFINITE_BEFORE.search(body[:at]) or _PEOPLES_ADJECTIVE.fullmatch(text):
            continue  # 'a Kurdish town', 'an African Union base': a kind, no name
        if key.endswith("s") and key[:-1] in DEMONYMS:
            continue  # 'attacks on Iranians': a people
        if _A_PEOPLES_COMMUNITY.match(body[at + len(text) :]) and (
            _PEOPLE_OF.search(body[:at])
        ):
            continue  # 'members of the Hazara community': a people, no village
        if key in placed:
            continue  # the gazetteer places it elsewhere in the text
        seen.add(at)
        yield sentence.start + at, sentence.start + at + len(text), text, rule.name


_SOURCE_FOLLOWS = re.compile(
    r"^\s*,\s*(?:(?-i:[A-Z])[\w.'-]*\s+){1,4}(?:said|says|reported|reports|told|"
    r"added|confirmed|quoted)\b|^\s*,\s*(?:according to|officials|police)\b",
    re.IGNORECASE,
)
"""After a place, its source ('in Takht Bhai, Mardan, ARY News reported'): the
sentence goes on with who said it, not with another place of a list."""


_POSSESSIVE = re.compile(
    r"(?:\s+(?:province|district|state|region|county|division|tehsil|agency))?"
    r"'s?\s+",
    re.IGNORECASE,
)
"""Between an area and a finer place in it: "'s", " province's"."""


def wider_place(text: str, end: int, mentions: Sequence, sentence: Sentence):
    """The mention of the place the text says a name lies in: the first one after
        it in its sentence joined by 'area of', ', a village in the', 'in'; through a
        possessive to the finer place ('in Balochistan's Musa Khel', 'of Balochistan
    province's Gwadar district' are Musa Khel and Gwadar)."""
    following = [m for m in mentions if m.sentence is sentence and m.start >= end]
    for index, mention in enumerate(following):
        gap = text[end : mention.start]
        if (
            gap.strip() == ","
            and NAME_FOLLOWS.match(text[mention.end :])
            and not _SOURCE_FOLLOWS.match(text[mention.end :])
        ):
            continue  # 'Gyadadde, Barin Zare, Sabon Gari and Otawa': a list
        if _WIDER_GAP.match(gap):
            while index + 1 < len(following) and _POSSESSIVE.fullmatch(
                text[following[index].end : following[index + 1].start]
            ):
                index += 1
            return following[index]
        if mention.start - end > 80:
            break
    return None


def is_wider_gap(words: str) -> bool:
    """Whether the words between two names say the second holds the first."""
    return bool(_WIDER_GAP.match(words))


def kept_precision(wider: Place) -> tuple[GeoPrecision, str]:
    """The precision a name is kept at, at a wider place, and what it is."""
    if wider.kind in ("province", "country"):
        return GeoPrecision.REGION, wider.kind
    return GeoPrecision.NEAR_TOWN, wider.kind


_VALLEY = re.compile(r"\s+valley$", re.IGNORECASE)


def stand_in(name: str, wider: Place | None) -> Place:
    """A place standing for an unknown name while the text is read: inside its
    wider place (so a district named with it folds into it), at its point. With
    no wider place it has no point: its incident is never proposed, and what the
    text says happened there stays with the unplaced name."""
    # 'Tirah Valley' and 'the Tirah valley' are one name: a valley is named for
    # its place
    own = normalize_name(_VALLEY.sub("", name))
    key = -(2_000_000_000 + zlib.crc32(own.encode()) % 10**8)
    if wider is None:
        return Place(key, name, "town", 0.0, 0.0, "", GeoPrecision.REGION)
    district = wider.district or (wider.name if wider.kind == "district" else "")
    return Place(
        geonameid=key,
        name=name,
        kind="town",
        lat=wider.lat,
        lon=wider.lon,
        admin1=wider.admin1,
        precision=kept_precision(wider)[0],
        district=district,
        country=wider.country,
        coordinates_source=f"kept at {wider.name}",
    )
