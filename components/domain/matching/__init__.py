"""Is a reviewed report's incident one the record already holds? Pure.

:func:`propose` compares the incident a report describes (:class:`IncidentFacts`:
the place as reported and, where the gazetteer knows it, its point, precision,
province and district; the date and its precision; target and attack types; the
figures by side) with candidate incidents of the record (the same shape, with ids)
and answers with a :class:`Proposal`: the best candidate, its points and the
reasons in words ("same town (Noshki = Nushki), 1 day apart, both police and
paramilitary posts, bombing / explosion in both"), or none and why not.

How a candidate is judged (``compare``; the weights, thresholds and families of
target and attack types are data, in ``rules``):

1. **Ruled out** when the dates are further apart than a day (two days where an
   outlet's weekday may be wrong and everything else agrees; more where a date is
   only known to the week or month); when both are placed, neither lies in the
   other's district, and they are further apart than the coarser precision's
   radius; when they are in different provinces; or when a place is not in the
   gazetteer and none of its names matches one of the other's.
2. **Points** for the place (the same place; a town and its district; nearby; the
   same name spelt another way), the date (same day; one day apart), a shared
   target and attack type (a conflicting target or attack costs points), and
   similar tolls.
3. **Proposed** when nothing rules it out and its points reach the threshold; the
   best is the one with the most points, then the nearer, then the closer in date.

For 1M incidents in the record, a store selects the candidates first with one
indexed query on the current revision of each incident: the date window and a
bounding box around the point (or the province, for an incident placed at province
level; the date alone for one the gazetteer does not know)::

    SELECT ... FROM incidents JOIN incident_revisions r ON r.id = incidents.head_id
    WHERE r.date BETWEEN :first AND :last
      AND ((r.lat BETWEEN :south AND :north AND r.lon BETWEEN :west AND :east)
           OR (r.geo_precision = 3 AND r.admin1 = :admin1))

with the values of :func:`candidate_window` (``lon`` between ``west`` and ``east``
becomes ``lon >= :west OR lon <= :east`` where the box crosses the 180th
meridian). An index on ``(date, lat, lon)`` keeps it to the few rows of those
days; real incidents sit on a few hundred towns, so a week around one town holds
tens of rows, not thousands. :func:`select_candidates` applies the same window in
memory.
"""

from components.domain.matching.compare import (
    RULED_OUT,
    Comparison,
    Reason,
    compare,
    compare_date,
    compare_place,
    compare_tolls,
    compare_types,
)
from components.domain.matching.facts import IncidentFacts
from components.domain.matching.names import fold, same_name, skeleton
from components.domain.matching.propose import (
    Proposal,
    Window,
    candidate_window,
    propose,
    select_candidates,
)
from components.domain.matching.rules import (
    ATTACK_FAMILIES,
    DEFAULT_RULES,
    TARGET_FAMILIES,
    MatchRules,
)
from components.domain.places import haversine_km

__all__ = [
    "ATTACK_FAMILIES",
    "DEFAULT_RULES",
    "RULED_OUT",
    "TARGET_FAMILIES",
    "Comparison",
    "IncidentFacts",
    "MatchRules",
    "Proposal",
    "Reason",
    "Window",
    "candidate_window",
    "compare",
    "compare_date",
    "compare_place",
    "compare_tolls",
    "compare_types",
    "fold",
    "haversine_km",
    "propose",
    "same_name",
    "select_candidates",
    "skeleton",
]
