"""Today's news or an earlier event: the state a report's sentences pass on.

Each sentence is news or background by its own cue (:func:`components.report.
dates.cue`: 'last year', 'in a separate attack', 'on Sunday' before the lede's
day); a sentence with no cue keeps the state of the one before, and a new
paragraph with no cue goes back to the news, unless what it names was told of
only in background. :class:`Storyline` holds that state while the report is
read, sentence by sentence, and the places told of only in background.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from components.domain.places import Place
from components.domain.vocabularies import GeoPrecision
from components.report.cues import SAME_DAY, only_also
from components.report.dates import DAYS_BEFORE, before_the_lede, cue, sentence_date
from components.report.mentions import PlaceMention
from components.report.restatements import parts_of_count, restates_count
from components.report.scenes import within
from components.report.segments import Sentence


@dataclass
class Storyline:
    """Whether the sentence being read is background, and what background told
    of. ``lede`` is the report's first sentence, ``today`` its date."""

    lede: Sentence | None
    today: dt.date | None
    in_background: bool = False
    unsure: bool = False
    """A paragraph made news again by a first sentence that named nothing."""
    day_state: bool | None = None
    """The state of the last sentence that dated itself."""
    places: set[str] = field(default_factory=set)
    """Places named in background and not in the news."""
    towns: set[str] = field(default_factory=set)
    """Of them, towns and villages."""
    last: str = ""
    """The last background sentence's text."""

    def is_background(
        self,
        sentence: Sentence,
        mentions: Sequence[PlaceMention],
        lede_day: dt.date | None,
        scenes: Sequence[Place] = (),
    ) -> bool:
        """Whether ``sentence`` (naming ``mentions``) tells of an earlier event,
        given the day the lede tells of and the ``scenes`` of the news so far."""
        today = self.today
        # The lede is the report's news: its 'earlier this week' dates the attack.
        said = None if sentence is self.lede else cue(sentence, today)
        if sentence.first_in_paragraph:
            self.unsure = False
        elif said == "current" and self.in_background and only_also(sentence.text):
            said = None  # 'On July 21, ... The police also foiled ...'
        # a day before the news's, at no place, right after an earlier event: 'On
        # Saturday a UN peacekeeper was killed ... in a central region'
        unnamed = not mentions and self.in_background
        if said in ("current", None) and before_the_lede(
            sentence, lede_day, today, _regional(mentions) or unnamed
        ):
            said = "background"  # 'On Sunday, ...' in a report of Friday's attack
        if said in ("current", None) and self._elsewhere_before(
            sentence, mentions, lede_day, scenes
        ):
            said = "background"  # 'eight soldiers were killed ... on December 1'
        if said == "keep":
            # 'The same day, ...': the state of the last sentence with a time cue
            if self.day_state is not None and SAME_DAY.compiled.search(sentence.text):
                self.in_background = self.day_state
        elif said == "background" and _wounding_of_a_death(self.lede, sentence):
            self.in_background = False  # the attack the lede's death came of
        elif said is not None:
            self.in_background = said == "background"
        elif sentence.first_in_paragraph and not (
            self.in_background and self._goes_on(sentence, mentions)
        ):
            # a new paragraph with no cue: the news again, unless it opened on no
            # place after background and its first place was told of only there
            # ('ISIL claimed the brutal attack. The attackers struck the shrine in
            # Shiraz', after 'In October, an attack on the shrine in Shiraz')
            self.unsure = self.in_background and not mentions
            self.in_background = False
        elif (
            said is None
            and self.unsure
            and mentions
            and _only_of(mentions, self.places)
            and sentence_date(sentence, today) is None
        ):
            self.in_background = True
        if not sentence.first_in_paragraph and (mentions or said is not None):
            self.unsure = False  # the paragraph said what it is about
        if said not in (None, "keep"):
            self.day_state = self.in_background
        return self.in_background

    def _elsewhere_before(
        self,
        sentence: Sentence,
        mentions: Sequence[PlaceMention],
        lede_day: dt.date | None,
        scenes: Sequence[Place],
    ) -> bool:
        """Whether a sentence after the lede tells of an attack days before the
        news's day at places the news has not named, even in the lede's
        paragraph: 'eight soldiers were killed in an attack on December 1 in ...
        Buni Gari', in a report of Saturday's attack on Gulumba. Where the lede
        gives no day, the report's date stands for it, the news must have a town,
        and the sentence must name only other towns, outside every district of
        the news ('On May 11, a bomb went off at a bus terminal in Kohat', after a
        suicide attack in Nowshera; not 'the ambush in the Bankilaré area on
        Monday', after 'an ambush in the Tillabéri region')."""
        if not scenes or sentence is self.lede:
            return False
        named = [m.place for m in mentions if m.is_incident]
        if not named or {p.name for p in named} & {p.name for p in scenes}:
            return False
        if lede_day is None and not _towns_elsewhere(
            [m for m in mentions if m.is_incident], scenes
        ):
            return False
        news_day = lede_day or self.today
        date = sentence_date(sentence, self.today)
        return (
            news_day is not None
            and date is not None
            and (news_day - date).days >= DAYS_BEFORE
        )

    def ended_on_an_earlier_event(self) -> None:
        """The sentence just read ended on an aside about an earlier event ('...
        came a day after four soldiers were martyred in KP.'): the next sentence
        goes on with that event unless it says otherwise."""
        self.in_background = True

    def _goes_on(self, sentence: Sentence, mentions: Sequence[PlaceMention]) -> bool:
        """Whether a new paragraph with no cue goes on about the background told
        before it: it counts the same people again, or some of them, or names
        only its places."""
        return (
            restates_count(sentence.text, self.last)
            or parts_of_count(sentence.text, self.last)
        ) or (
            (
                _only_of(mentions, self.places)
                or _names_only(sentence.text, mentions, self.towns)
            )
            and sentence_date(sentence, self.today) is None
        )

    def told_of(
        self, said: str, mentions: Sequence[PlaceMention], news: set[str]
    ) -> None:
        """Record a background sentence (``said``, as the report gives it) and
        the places it names that are not places of the ``news``."""
        named = {m.place.name for m in mentions} - news
        self.places |= named
        self.towns |= {
            m.place.name
            for m in mentions
            if m.place.name in named and m.place.kind == "town"
        }
        self.last = said


def _towns_elsewhere(mentions: Sequence[PlaceMention], scenes: Sequence[Place]) -> bool:
    """Whether ``mentions`` name only towns the gazetteer places, each in another
    district than every town and district of the news, which has a town of its
    own: another place's event, not the news told again at a finer name."""
    towns = [s for s in scenes if s.kind == "town" and s.precision == GeoPrecision.TOWN]
    districts = {
        s.district or s.name for s in scenes if s.kind in ("district", "tehsil")
    }
    districts |= {s.district for s in towns if s.district}
    return bool(towns) and all(
        m.unplaced is None
        and m.place.kind == "town"
        and m.place.precision == GeoPrecision.TOWN
        and m.place.district not in districts
        and not any(
            within(m.place, s) for s in scenes if s.kind in ("district", "tehsil")
        )
        for m in mentions
    )


def _regional(mentions: Sequence[PlaceMention]) -> bool:
    """Whether a sentence names places, none finer than a province."""
    return bool(mentions) and all(
        m.unplaced is None and m.place.kind in ("province", "country") for m in mentions
    )


def _only_of(mentions: Sequence[PlaceMention], places: set[str]) -> bool:
    """Whether a sentence names attack places, all of them named before only in
    background ('In October, an attack on the shrine in Shiraz left 15 dead.' ...
    'Al Arabiya said the gunfire in Shiraz wounded 40'): with no day of its own,
    it goes on about that earlier event, though it opens a paragraph."""
    named = {m.place.name for m in mentions if m.is_incident}
    return bool(named) and named <= places


def _names_only(text: str, mentions: Sequence[PlaceMention], towns: set[str]) -> bool:
    """Whether a sentence with no attack place of its own names a town told of
    only in background, as a word of its own ('Levies sources said gunmen fired
    on the Machh coal miners', after the Machh attack of January): it goes on
    about that event."""
    if any(m.is_incident for m in mentions):
        return False
    return any(re.search(rf"\b{re.escape(town)}\b", text) for town in towns)


_DIED_OF_WOUNDS = re.compile(
    r"\b(?:died|succumbed)\s+(?:of|to|from)\s+(?:the\s+|his\s+|her\s+|their\s+)?"
    r"(?:wounds|injuries)\b",
    re.IGNORECASE,
)
_WAS_WOUNDED = re.compile(
    r"^\W*(?:the\s+[\w-]+|he|she)\b[^.;]{0,80}?\b(?:was|had been)\s+(?:\w+\s+)?"
    r"(?:hurt|wounded|injured)\b",
    re.IGNORECASE,
)


def _wounding_of_a_death(lede: Sentence | None, sentence: Sentence) -> bool:
    """'The guard ... was hurt earlier this year, on September 14, in a gunfight
    ... around the village of Esfandak', in a report whose lede tells of his death
    of his wounds: the attack the news is about, however long ago."""
    return bool(
        lede is not None
        and _DIED_OF_WOUNDS.search(lede.text)
        and _WAS_WOUNDED.search(sentence.text)
    )
