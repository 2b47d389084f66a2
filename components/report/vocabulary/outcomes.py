"""The verbs that say people were killed or injured, and where they stand
beside the people they count."""

from __future__ import annotations

import re

KILLED_VERBS = (
    r"fatally (?:wounded|injured|shot|hurt)|"
    r"blew (?:himself|herself|themselves) up|"
    r"killed|dead|died|slain|martyred|embraced (?:shahadat|martyrdom)|"
    r"lost (?:their|his|her) li(?:fe|ves)|laid down (?:their|his|her) li(?:fe|ves)|"
    r"perished|"
    r"eliminated|neutrali[sz]ed|"
    r"sent to hell|gunned down|shot dead|massacred|beheaded|murdered|executed|"
    r"slaughtered|burnt to death|burned to death|hacked to death|drowned|"
    r"fell (?:on the field of honou?r|in (?:battle|combat|action|the line of duty)|"
    r"(?:in|during) (?:the|that|this) (?:attack|ambush|assault|raid|fighting|"
    r"clash(?:es)?|battle))|"
    r"crushed to death|trampled to death|"
    r"succumbed(?: to (?:their|his|her) "
    r"(?:injuries|wounds))?|lay dead|(?:were |was )?found dead|"
    r"(?:bodies|corpses) (?:were )?recovered"
)


INJURED_VERBS = (
    r"shot in the (?:\w+ )?(?:legs?|arms?|hands?|feet|foot|shoulders?|thighs?|knees?|"
    r"back|stomach|abdomen|hip|buttocks?)|"
    r"injured|wounded|hurt|sustained (?:\w+ ){0,2}(?:injuries|wounds)|"
    r"received (?:\w+ ){0,2}(?:injuries|wounds)|suffered (?:\w+ ){0,2}"
    r"(?:injuries|wounds)"
)


_WERE_LOST = (
    r"(?:(?<=were )|(?<=was )|(?<=been ))lost(?=\s*[,.;]|\s+(?:in|during)\s+"
    r"(?:the|that|this)\s+(?:attack|ambush|assault|raid|fighting|clash|battle))"
)
"""'[about 10 civilians] were lost, the lieutenant said', '[five soldiers] had
been lost in the attack': died (not 'were lost
their homes', which is no English, nor 'lost contact')."""


OUTCOME_AFTER = re.compile(
    rf"^\s*(?:,\s*(?=(?:{KILLED_VERBS}|{INJURED_VERBS})\s+(?:in|by|during|when|"
    r"while|after)\b))?"
    r"(?:(?:were|was|have|has|had|been|being|are|is|got|reportedly|also|"
    r"allegedly|later|all|both|each|who|subsequently|so far|in all|total|"
    r"altogether|confirmed|feared|reported|said to be|have been|has been|left|"
    r"(?:said|reported|believed|feared|thought|known) to have(?: been|"
    r"(?=\s+(?:died|perished|succumbed)\b))|more|"
    r"seriously|critically|severely|badly|gravely|slightly|lightly|grievously|"
    r"mortally|brutally|(?:shot|stabbed|hacked|beaten|attacked|ambushed|abducted|"
    r"kidnapped|tortured)\s+and)\s+){0,4}"
    rf"(?P<word>{KILLED_VERBS}|{INJURED_VERBS}|{_WERE_LOST})\b",
    re.IGNORECASE,
)
"""'[12 soldiers] were martyred', '[21 terrorists] were eliminated', '[a
motorcyclist] was shot and killed': the verb right after a counted group, with
at most a few auxiliaries between, or after a comma where the verb opens a clause
of its own ('[three more police officers], wounded in the explosion on Wednesday,
had since been flown to Nairobi'). It never reaches past the next clause."""


OUTCOME_BEFORE = re.compile(
    r"\b(?P<word>killing|killed|kills|martyring|martyred|claimed the lives of|"
    r"claiming the lives of|eliminating|eliminated|neutrali[sz]ing|"
    r"neutrali[sz]ed|neutrali[sz]e|gunned down|shot dead|shooting dead|massacred|"
    r"massacring|"
    r"beheaded|beheading|murdered|murdering|executed|executing|slaughtered|"
    r"slaughtering|slew|slaying|injuring|injured|hurting|hurt|"
    r"wounding|wounded|left|leaving|lost|losing|the deaths? of|the killing of|"
    r"the injur(?:y|ies) of|the wounding of)\s+(?:(?:at least|some|about|around|"
    r"nearly|as many as|more than|over|up to|all|the|between|a total of|another|"
    r"a further)\s+)*$",
    re.IGNORECASE,
)
"""'killing [4 policemen]', 'militants killed [5 soldiers]', 'Sakkada lost [seven
people]', 'reported the death of [two soldiers]': a verb (or its noun) that takes
the counted group as its object, right before the figure."""


LEFT_DEAD = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?P<word>dead|killed|injured|wounded|hurt)\b", re.I
)
"""'left [5 people] dead' / 'leaving [3] injured'."""


INJURED_WORDS = re.compile(r"injur|wound|hurt", re.IGNORECASE)


TALLY_VERBS = r"lost|mourned|buried"
"""Verbs of a tally by place, its subject the place: 'Sakkada lost seven people,
Gyadadde four'."""
