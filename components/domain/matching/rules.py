"""The rules the incident matcher runs: weights, thresholds, which target and
attack types go together, and how place names are folded. Pure data.

Each rule is here, not in the engine, so that changing a rule never means finding a
place in a chain of ``if``s, and each one says why it is what it is. Figures are
points: a candidate is proposed when nothing rules it out and its points reach
:attr:`MatchRules.threshold`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from components.domain.vocabularies import DatePrecision, GeoPrecision


@dataclass(frozen=True, slots=True)
class MatchRules:
    """How many points each kind of agreement is worth, and what rules a pair out.

    The defaults are the product's rules; a caller (a test, the benchmark) may pass
    other values to see what a rule is worth.
    """

    threshold: float = 6.0
    """Points a candidate needs to be proposed. Set so that the same town on the
    same day (4 + 3) or a day apart (4 + 2) is enough on its own, while a coarser
    place or a looser date needs the targets or attacks to agree as well."""

    # --- Place ---------------------------------------------------------------
    same_place: float = 4.0
    """The same gazetteer place (same id)."""
    same_name: float = 3.5
    """One side is not in the gazetteer, and one of its names is another spelling
    of one of the other side's names (Rarasham = Rarah Sham)."""
    within: float = 3.0
    """A town and the district or tehsil it lies in (Mir Ali, North Waziristan): an
    outlet named the district instead of the town."""
    nearby: float = 3.0
    """Two places within :attr:`radius_km` of each other (a suburb and its town)."""
    same_province: float = 0.0
    """One side is placed at province level only, in the other's province: not
    evidence of sameness, only not a contradiction."""
    radius_km: dict[GeoPrecision, float] = field(
        default_factory=lambda: {
            GeoPrecision.TOWN: 25.0,
            GeoPrecision.NEAR_TOWN: 60.0,
        }
    )
    """How far apart two placed incidents may be, by the coarser precision of the
    two. A town's point is its centre and a report's attack can be on the highway
    outside it; a district's point is its headquarters, and districts here are tens
    of kilometres across. Province-level places are compared by province."""

    # --- Date ----------------------------------------------------------------
    same_day: float = 3.0
    one_day: float = 2.0
    """A day apart: an attack late at night, an outlet counting from its own
    dateline, 'on Thursday' near midnight against 'early Friday'."""
    max_days: int = 1
    """Days apart allowed for day-precise dates."""
    wrong_weekday_days: int = 2
    """Days apart allowed when an outlet's weekday may be wrong ('Tuesday' for a
    Thursday attack): only when the rest agrees, that is the same town (the same
    place at town precision, or the same name where the gazetteer knows neither)
    and a shared target type and a shared attack type."""
    wrong_weekday: float = 1.0
    imprecise_day: float = 1.0
    """Points for dates that agree only within a week or month (date precision)."""
    precision_days: dict[DatePrecision, int] = field(
        default_factory=lambda: {
            DatePrecision.DAY: 0,
            DatePrecision.WEEK: 6,
            DatePrecision.MONTH: 30,
        }
    )
    """Extra days allowed by the coarser date precision of the two."""

    # --- What was hit and how -----------------------------------------------
    shared_target: float = 2.0
    related_target: float = 1.0
    """Different codes of one family (police and military: outlets call the
    Frontier Corps both)."""
    conflicting_target: float = -3.0
    """Both sides name targets and no code or family is shared: a market and a
    police station on one day in one town are two attacks."""
    shared_attack: float = 1.5
    conflicting_attack: float = -1.0
    """Both sides name attack types and none is shared ('blast' against 'gunmen'):
    weaker than a target conflict, since outlets describe a complex attack by the
    part they heard of."""
    similar_toll: float = 0.5
    """Deaths of the same order (the larger at most ``toll_ratio`` times the
    smaller). Tolls rise as the wounded die, so a difference never counts against."""
    toll_ratio: float = 3.0

    # --- Names -----------------------------------------------------------------
    name_ratio: float = 85.0
    """rapidfuzz ratio (0-100) of two folded names that makes them one spelling
    (Khanozai/Khanuzai 87.5, Qila/Qilla Saifullah 96)."""
    skeleton_consonants: int = 3
    """Two names whose consonant skeletons (``names.skeleton``) are equal and at
    least this long are one name spelt two ways (Noshki/Nuskhi -> 'nsk'); shorter
    skeletons match too many names."""
    contained_chars: int = 4
    """A name whose words all occur in the other name ('Mir Ali' in 'Khaddi Market
    Mir Ali') is the same place, if it has at least this many letters."""


DEFAULT_RULES = MatchRules()


TARGET_FAMILIES: dict[str, frozenset[str]] = {
    "security forces": frozenset(
        {"police_paramilitary", "frontier_corps_hq", "military", "prison"}
    ),
    "the state": frozenset({"government", "diplomatic", "political_party"}),
    "transport": frozenset({"transportation", "railway", "aviation", "maritime"}),
    "public places and people": frozenset(
        {
            "private_citizens",
            "market",
            "business",
            "bank",
            "hospital",
            "school",
            "religious",
            "tourists",
            "media",
            "ngo",
            "food_water",
            "transportation",
            "railway",
        }
    ),
    "infrastructure": frozenset(
        {"utilities", "telecoms", "railway", "business", "food_water"}
    ),
}
"""Target codes (``vocabularies.TARGET_TYPES``) that outlets use for one target.
Police, paramilitary and army are one family: the Frontier Corps is 'paramilitary'
to one outlet and 'soldiers' to the next; Iran's border guards are 'police' to
another. Passengers of a bus are private citizens and transport. A code may be in
several families; ``not_reported`` is in none (it says nothing)."""


ATTACK_FAMILIES: dict[str, frozenset[str]] = {
    "attack on people": frozenset(
        {"armed_assault", "bombing", "assassination", "unarmed_assault"}
    ),
    "hostages": frozenset(
        {"hostage_barricade", "hostage_kidnapping", "hijacking", "armed_assault"}
    ),
    "facilities": frozenset({"facility_attack", "bombing", "armed_assault"}),
}
"""Attack codes (``vocabularies.ATTACK_TYPES``) that describe one attack told two
ways. Only a shared code earns points; codes with no family in common are a
conflict. A suicide bombing followed by gunmen storming in is 'bombing' to one
outlet and 'armed assault' to another, so these two share a family; gunmen who
seize a hotel or a bus are an armed assault and a hostage taking."""


GENERIC_PLACE_WORDS = frozenset(
    {
        "district",
        "distt",
        "tehsil",
        "tahsil",
        "county",
        "region",
        "province",
        "division",
        "agency",
        "area",
        "areas",
        "city",
        "town",
        "village",
        "the",
        "of",
    }
)
"""Words that say what kind of place a name is, not which ('Taftan County',
'Khash region', 'Panjgur District'): dropped before names are compared."""


QUALIFIER_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "upper",
        "lower",
        "central",
        "new",
        "old",
        "greater",
        "lesser",
    }
)
"""Words that tell two places of one name apart (North and South Waziristan, Upper
and Lower Dir): names whose qualifiers differ are never one name, however alike
they are spelt."""


SKELETON_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"ph", "f"),
        (r"([kgdtcsz])h", r"\1"),  # kh, gh, dh, th, ch, sh, zh: one sound each
        (r"q", "k"),
        (r"c", "k"),  # Cocoru / Kokorou
        (r"x", "ks"),
        (r"v", "w"),
        (r"n(?=[bp])", "m"),  # Fonbit / Fambita
        (r"(.)\1+", r"\1"),  # Qilla / Qila (a letter written twice)
        (r"[aeiouyhw]", ""),  # vowels and glides vary most between spellings
    )
)
"""Rewrites, in order, from a folded name (lower case ASCII, no spaces) to its
consonant skeleton. Transliterations of Urdu, Pashto, Balochi, Persian and Hausa
names disagree mostly on vowels, on an 'h' after a consonant and on c/k/q: Noshki,
Nushki and Nuskhi are all 'nsk'; Khanozai and Khanuzai 'knz'; Gohar Kuh and
Goharkoh 'grk'."""
