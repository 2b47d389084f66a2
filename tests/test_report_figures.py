"""Figures of English news prose: each phrasing with the counts by side it gives
(a total and its parts counted once, by ``by_side``)."""

import datetime as dt

import pytest

from components.report import extract
from components.report.figures import find_figures
from components.report.model import Figure, by_side, tally
from components.report.segments import Span, clauses, sentences
from components.report.vocabulary import PEOPLE_BY_SIDE


def counts(text: str) -> list[tuple[str, dict[str, int]]]:
    """(outcome, counts by side) of each figure of one clause."""
    return [(f.outcome, by_side(f)) for f in find_figures(Span(0, len(text), text))]


PHRASINGS = [
    (
        "At least nine people lost their lives, among them four FC personnel",
        [("killed", {"security": 4, "unspecified": 5})],
    ),
    (
        "The firing killed a passer-by and injured two children",
        [("killed", {"civilians": 1}), ("injured", {"civilians": 2})],
    ),
    (
        "he said 18 people were killed at Raka, 17 at Filin Gawa and two at Raka Dutse",
        [
            ("killed", {"unspecified": 18}),
            ("killed", {"unspecified": 17}),
            ("killed", {"unspecified": 2}),
        ],
    ),
    (
        "a police constable was killed and another injured",
        [("killed", {"security": 1}), ("injured", {"security": 1})],
    ),
    (
        "In one of them, seven soldiers were martyred",
        [("killed", {"security": 7})],
    ),
    (
        "killing at least six persons and wounding a dozen more, including two "
        "children",
        [
            ("killed", {"unspecified": 6}),
            ("injured", {"civilians": 2, "unspecified": 10}),
        ],
    ),
    (
        "A deputy superintendent of police and two constables were martyred",
        [("killed", {"security": 3})],
    ),
    (
        "A Levies sepoy was martyred while another sustained injuries",
        [("killed", {"security": 1}), ("injured", {"security": 1})],
    ),
    (
        "Five jawans lost their lives and 20 were injured",
        [("killed", {"security": 5}), ("injured", {"security": 20})],
    ),
    (
        "Police said 12 soldiers died in the assault and one was wounded",
        [("killed", {"security": 12}), ("injured", {"security": 1})],
    ),
    (
        "Militants attacked a base on Wednesday, killing at least five soldiers, a "
        "military officer said",
        [("killed", {"security": 5})],
    ),
    (
        "Two soldiers were killed and as many were wounded",
        [("killed", {"security": 2}), ("injured", {"security": 2})],
    ),
    (
        "Militants killed three soldiers and injured as many",
        [("killed", {"security": 3}), ("injured", {"security": 3})],
    ),
    (
        "Four policemen were martyred and as many others were injured",
        [("killed", {"security": 4}), ("injured", {"unspecified": 4})],
    ),
    (
        "A colonel of the Assam Rifles, his wife and their eight-year-old son, and "
        "four jawans were killed",
        [("killed", {"security": 5}), ("killed", {"civilians": 2})],
    ),
    (
        "the ambush resulted in the loss of ten of our valiant brothers in arms",
        [("killed", {"unspecified": 10})],
    ),
    (
        "at least 26 of the Syrian army soldiers on it were killed and more than 10 "
        "wounded",
        [("killed", {"security": 26}), ("injured", {"security": 10})],
    ),
    (
        "Nine passengers aboard the bus were killed",
        [("killed", {"civilians": 9})],
    ),
    (
        "About 30 people, 16 of them volunteers fighting alongside the army, have "
        "died in four attacks",
        [("killed", {"security": 16, "unspecified": 14})],
    ),
    (
        "One of the attackers blew himself up, security forces killed three more, "
        "and one was captured alive",
        [("killed", {"attackers": 4})],
    ),
    (
        "the minister said two of the 25 dead were members of the Volunteers for the "
        "Defence of the Motherland (VDP)",
        [("killed", {"security": 2, "unspecified": 23})],
    ),
    (
        "another soldier and a constable were seriously injured",
        [("injured", {"security": 2})],
    ),
    (
        "the five soldiers who were critically injured earlier had succumbed to "
        "their wounds",
        [("killed", {"security": 5})],
    ),
    (
        "According to the source, those killed were 10 villagers, three women and a "
        "child among them, and five of the IS militants",
        [("killed", {"civilians": 10}), ("killed", {"attackers": 5})],
    ),
    (
        "the terrorists tried to storm the post, and security forces killed six of "
        "them and wounded four others",
        [("killed", {"attackers": 6}), ("injured", {"attackers": 4})],
    ),
    (
        "Police then tracked the attackers down and killed one of them",
        [("killed", {"attackers": 1})],
    ),
    (
        "One police officer was killed in the attack and five were wounded",
        [("killed", {"security": 1}), ("injured", {"security": 5})],
    ),
    (
        "he said at least five people had died, one of them a soldier",
        [("killed", {"security": 1, "unspecified": 4})],
    ),
    (
        "Three members of Iran's Revolutionary Guard were killed",
        [("killed", {"security": 3})],
    ),
    (
        "One police officer, named as Khodadad Baqeri, was martyred on duty, and "
        "another was wounded",
        [("killed", {"security": 1}), ("injured", {"security": 1})],
    ),
    (
        "Lutaf Khosa, the town's police sub-inspector, was fatally wounded in the "
        "firefight",
        [("killed", {"security": 1})],
    ),
    (
        "A Levies sepoy was fatally shot at the checkpost",
        [("killed", {"security": 1})],
    ),
    (
        "killing five soldiers and seven civilians",
        [("killed", {"security": 5}), ("killed", {"civilians": 7})],
    ),
    (
        "At least four people, two of them police personnel, were killed",
        [("killed", {"security": 2, "unspecified": 2})],
    ),
    (
        "Unidentified attackers killed at least five people, a policeman among them",
        [("killed", {"security": 1, "unspecified": 4})],
    ),
    (
        "at least ten people, including the train's driver and eight security "
        "personnel, were killed",
        [("killed", {"civilians": 1, "security": 8, "unspecified": 1})],
    ),
    (
        "martyring 13 soldiers and injuring three civilians, two children and a woman",
        [("killed", {"security": 13}), ("injured", {"civilians": 3})],
    ),
    (
        "Five members of Iran's security forces were killed",
        [("killed", {"security": 5})],
    ),
    ("Four men of the Levies Force were martyred", [("killed", {"security": 4})]),
    ("about 30 VDP fighters had died in that attack", [("killed", {"security": 30})]),
    ("Six Iranian border guards have died in clashes", [("killed", {"security": 6})]),
    (
        "ADF rebels massacred between 20 and 22 villagers",
        [("killed", {"civilians": 20})],
    ),
    ("the gunmen beheaded four fishermen", [("killed", {"civilians": 4})]),
    (
        "militants have beheaded five people, four of them fishermen",
        [("killed", {"civilians": 4, "unspecified": 1})],
    ),
    (
        'it was caught in an ambush in which 23 soldiers died and "nearly thirty '
        'terrorists" were "neutralised"',
        [("killed", {"security": 23}), ("killed", {"attackers": 30})],
    ),
    (
        "The response of the forces allowed us to neutralise about 40 terrorists",
        [("killed", {"attackers": 40})],
    ),
    (
        "The BLA said it carried out the assault, claiming it hit the air base and "
        'killed more than a dozen "enemy personnel"',
        [],
    ),
    (
        "The group claimed that it had killed 20 soldiers in the raid",
        [],
    ),
    (
        "a bomb went off as the patrol drove past, killing five soldiers and badly "
        "wounding two more",
        [("killed", {"security": 5}), ("injured", {"security": 2})],
    ),
    (
        "Of the 130 soldiers at the post, 27 were confirmed dead",
        [("killed", {"security": 27})],
    ),
    (
        "The Malian Armed Forces reported 13 deaths, all of them among the attackers",
        [("killed", {"attackers": 13})],
    ),
    (
        "the attackers fought a gun battle with the security forces, one of whom "
        "was killed",
        [("killed", {"security": 1})],
    ),
    (
        "Suspected jihadists have killed ten civilians, four of them security "
        "auxiliaries, in northern Burkina Faso",
        [("killed", {"security": 4, "civilians": 6})],
    ),
    (
        "Six civilians and four members of the VDP auxiliary force died on Monday",
        [("killed", {"civilians": 6}), ("killed", {"security": 4})],
    ),
    (
        "Five police officers died when their vehicle struck a roadside bomb, in an "
        "attack claimed a day after nine police were killed in similar blasts",
        [("killed", {"security": 5})],
    ),
    (
        "At least 32 people were killed and 63 more wounded in an attack",
        [("killed", {"unspecified": 32}), ("injured", {"unspecified": 63})],
    ),
    (
        "Seven people are reported to have been killed when bandits attacked the "
        "village",
        [("killed", {"unspecified": 7})],
    ),
    (
        "Two more people were hurt, a security official named as Sepoy Manzoor and "
        "a police constable, Shakir",
        [("injured", {"security": 2})],
    ),
    (
        "two security personnel, Naik Saeed and Sepoy Javed, and a police officer "
        "were martyred",
        [("killed", {"security": 3})],
    ),
    (
        "at least one child drowned while running from the violence",
        [("killed", {"civilians": 1})],
    ),
    (
        "two soldiers and one police Havildar were martyred in three operations",
        [("killed", {"security": 3})],
    ),
    (
        "two men working on the construction of an imambargah in the Dandar area "
        "died and three others were injured",
        [("killed", {"unspecified": 2}), ("injured", {"unspecified": 3})],
    ),
    (
        "Those killed were seven soldiers and four members of local vigilante groups",
        [("killed", {"security": 11})],
    ),
    (
        "The dead were four policemen, two soldiers and two civilians",
        [("killed", {"security": 6}), ("killed", {"civilians": 2})],
    ),
    (
        "One Levies man was martyred when the checkpost was attacked",
        [("killed", {"security": 1})],
    ),
    (
        "at least one Rangers man was martyred and two more wounded when "
        "terrorists attacked the Rangers",
        [("killed", {"security": 1}), ("injured", {"security": 2})],
    ),
    (
        "An FC man was martyred while a young man was wounded",
        [("killed", {"security": 1}), ("injured", {"unspecified": 1})],
    ),
    (
        "a blast struck a police vehicle and hurt at least five people, four of them "
        "policemen",
        [("injured", {"security": 4, "unspecified": 1})],
    ),
    (
        "At least four soldiers of the paramilitary Frontier Corps (FC) were hurt",
        [("injured", {"security": 4})],
    ),
    (
        "officials said two members of the elite force were also hurt",
        [("injured", {"security": 2})],
    ),
    (
        "an official said that all eight soldiers manning the checkpoint had been "
        "killed",
        [("killed", {"security": 8})],
    ),
    (
        "gunmen shot dead a local army intelligence chief outside his home",
        [("killed", {"security": 1})],
    ),
    ("Two police chiefs were wounded", [("injured", {"security": 2})]),
    (
        "A Rangers man was killed and another badly hurt in the ambush",
        [("killed", {"security": 1}), ("injured", {"security": 1})],
    ),
    (
        "the blast killed police constable Imran Ali at the gate",
        [("killed", {"security": 1})],
    ),
    (
        "SHO Karim Dad and head constable Saeed Ahmad died on the spot",
        [("killed", {"security": 2})],
    ),
    (
        "three officials of the Frontier Constabulary (FC) lost their lives, and "
        "two members of the Frontier Corps were hurt",
        [("killed", {"security": 3}), ("injured", {"security": 2})],
    ),
    (
        "a member of Iran's Islamic Revolution Guard Corps (IRGC) was killed in a "
        "shootout",
        [("killed", {"security": 1})],
    ),
    (
        "the raid killed about 16 men of the Chitral Scouts, and two Tochi Scouts "
        "soldiers were hurt",
        [("killed", {"security": 16}), ("injured", {"security": 2})],
    ),
    (
        "the raid killed 16 policemen, and two soldiers were hurt",
        [("killed", {"security": 16}), ("injured", {"security": 2})],
    ),
    (
        "A Pakistan Army major was martyred in the raid",
        [("killed", {"security": 1})],
    ),
    (
        "a policeman was killed and two of his colleagues were wounded",
        [("killed", {"security": 1}), ("injured", {"security": 2})],
    ),
    (
        "No loss of human life was reported in the shootout",
        [("killed", {"unspecified": 0})],
    ),
    (
        "The Colombian National Police said eight of its members had been killed",
        [("killed", {"security": 8})],
    ),
    (
        "rockets hit the camp, where nobody lost their life",
        [("killed", {"unspecified": 0})],
    ),
    (
        "the attack killed an army major and two privates who were in a car",
        [("killed", {"security": 3})],
    ),
    (
        "a major attack on the camp wounded two private guards",
        [("injured", {"civilians": 2})],
    ),
    (
        "gunmen stormed the police station, killing two terror suspects held in "
        "its cells, and two officers were hurt",
        [("killed", {"attackers": 2}), ("injured", {"security": 2})],
    ),
    (
        "they foiled an attack by killing a man suspected of being a would-be "
        "suicide bomber, and police shot dead two men believed to be militants",
        [("killed", {"attackers": 1}), ("killed", {"attackers": 2})],
    ),
    (
        "Two peace committee members were injured in the clash, and two volunteers "
        "of an Aman Lashkar were killed by a landmine",
        [("injured", {"security": 2}), ("killed", {"security": 2})],
    ),
    (
        "at least three policemen, one of them a deputy superintendent of police "
        "(DSP), were martyred",
        [("killed", {"security": 3})],
    ),
    (
        "Militants struck a checkpoint, martyring one Levies soldier and wounding "
        "a second",
        [("killed", {"security": 1}), ("injured", {"security": 1})],
    ),
    (
        "two armed men who had attempted a raid on a check post in Turbat city, in "
        "Kech district, were killed by security forces",
        [("killed", {"attackers": 2})],
    ),
    (
        "an Iranian conscript and a Basij militiaman had been killed",
        [("killed", {"security": 2})],
    ),
    (
        "security forces had killed three of the armed bandits and the others had "
        "run away",
        [("killed", {"attackers": 3})],
    ),
    (
        "At least five jawans of the Odisha State Armed Police (OSAP) were "
        "reportedly killed",
        [("killed", {"security": 5})],
    ),
    (
        "Separately, at Kidungu, a motorcyclist was shot and killed",
        [("killed", {"civilians": 1})],
    ),
    (
        "a policeman was shot and wounded",
        [("injured", {"security": 1})],
    ),
    (
        "The army lost 12 soldiers in the ambush",
        [("killed", {"security": 12})],
    ),
    (
        "killing seven people, while 50 others were left seriously injured",
        [("killed", {"unspecified": 7}), ("injured", {"unspecified": 50})],
    ),
    (
        "Two policemen were injured, one of whom later succumbed to his injuries",
        [("injured", {"security": 1}), ("killed", {"security": 1})],
    ),
    (
        "Five soldiers were wounded, two of whom later died",
        [("injured", {"security": 3}), ("killed", {"security": 2})],
    ),
    (
        "The enemy attacked overnight and about 10 civilians were lost, an officer "
        "said",
        [("killed", {"civilians": 10})],
    ),
    ("Contact was lost with the drivers of 29 vehicles", []),
    (
        "The blast wounded two policemen, one of whom later succumbed to his injuries",
        [("injured", {"security": 1}), ("killed", {"security": 1})],
    ),
    (
        "A homemade bomb wounded at least seven people, among them a soldier who "
        "later died",
        [("injured", {"unspecified": 6}), ("killed", {"security": 1})],
    ),
    (
        "one of the security officials wounded on Thursday had succumbed to his "
        "injuries during the night",
        [("killed", {"security": 1})],
    ),
    (
        "a gunman was killed and a policeman injured",
        [("killed", {"attackers": 1}), ("injured", {"security": 1})],
    ),
    (
        "The two personnel were hurt, along with seven passers-by",
        [("injured", {"security": 2}), ("injured", {"civilians": 7})],
    ),
    (
        "the bodies of five 'militants' were found in the Gwak area",
        [("killed", {"attackers": 5})],
    ),
    (
        "Four brave soldiers, however, fought gallantly and embraced Shahadat",
        [("killed", {"security": 4})],
    ),
    (
        "A soldier lost his life on Saturday in an exchange of fire",
        [("killed", {"security": 1})],
    ),
    (
        "Six critically injured, four special task force (STF) troopers among them, "
        "were flown to Raipur",
        [("injured", {"security": 4, "unspecified": 2})],
    ),
    (
        "Two soldiers were killed, as well as three civilians",
        [("killed", {"security": 2}), ("killed", {"civilians": 3})],
    ),
    (
        "A bomb killed one army ranger and wounded four others",
        [("killed", {"security": 1}), ("injured", {"security": 4})],
    ),
    (
        "A member of Iran's elite Islamic Revolutionary Guard Corps was killed",
        [("killed", {"security": 1})],
    ),
    ("A member of the family was killed", [("killed", {"unspecified": 1})]),
    (
        "Police said a Central Reserve Police Force (CRPF) jawan was killed",
        [("killed", {"security": 1})],
    ),
    (
        "Three members of the Abu Sayyaf were killed and seven soldiers wounded",
        [("killed", {"attackers": 3}), ("injured", {"security": 7})],
    ),
    ("Security forces killed five Taliban.", [("killed", {"attackers": 5})]),
    (
        "The army said the dead included a civilian, a soldier and at least 11 rebels",
        [
            ("killed", {"civilians": 1}),
            ("killed", {"security": 1}),
            ("killed", {"attackers": 11}),
        ],
    ),
    (
        "Eight soldiers and six tribesmen allied to the government were killed",
        [("killed", {"security": 14})],
    ),
    (
        "The police put the toll at 12, but the ministry later raised it to 14",
        [("killed", {"unspecified": 12}), ("killed", {"unspecified": 14})],
    ),
    (
        "The army reported the death of two armed forces and the injury of four others",
        [("killed", {"security": 2}), ("injured", {"security": 4})],
    ),
    (
        "Armed men opened fire on the labourers at a camp, and all four died",
        [("killed", {"civilians": 4})],
    ),
    (
        "Militants killed six personnel, an assistant sub-inspector (ASI) among them",
        [("killed", {"security": 6})],
    ),
    (
        "Three officers of the IRGC and four attackers were killed",
        [("killed", {"security": 3}), ("killed", {"attackers": 4})],
    ),
    (
        "Two soldiers serving with MINUSCA, the UN mission in the country, were "
        "killed on Tuesday",
        [("killed", {"security": 2})],
    ),
    (
        "Armed men abducted at least nine passengers from two coaches bound for "
        "Punjab and killed them on Thursday night",
        [("killed", {"civilians": 9})],
    ),
    (
        "The nine people taken from the two coaches had been killed",
        [("killed", {"unspecified": 9})],
    ),
    (
        "Another 11 soldiers and an unknown number of civilians were wounded",
        [("injured", {"security": 11})],
    ),
    (
        "Militants made at least five passengers get off a bus and then sprayed "
        "them with bullets, killing them",
        [("killed", {"civilians": 5})],
    ),
    (
        "Unidentified armed assailants killed Mohammad Siahani, a member of the "
        "IRGC, on the road",
        [("killed", {"security": 1})],
    ),
    (
        "Gunmen shot dead Abdul Rasheed, a police constable, on Monday",
        [("killed", {"security": 1})],
    ),
    (
        "Police went after them and killed both attackers in an exchange of fire",
        [("killed", {"attackers": 2})],
    ),
    (
        "Gunmen fired on a police vehicle, killing four police officials and "
        "wounding the driver",
        [("killed", {"security": 4}), ("injured", {"civilians": 1})],
    ),
    (
        "Bandits killed the village head and two of his sons",
        [("killed", {"civilians": 3})],
    ),
    (
        "All seven of the dead, among them two women, were passengers, the Home "
        "Secretary said",
        [("killed", {"civilians": 7})],
    ),
    (
        "The ELN had killed five soldiers and injured another 10 with a roadside "
        "bomb near the border",
        [("killed", {"security": 5}), ("injured", {"security": 10})],
    ),
    (
        "In this cowardly attack 16 soldiers died, another six were wounded",
        [("killed", {"security": 16}), ("injured", {"unspecified": 6})],
    ),
    (
        "Shafaq News reported that the number of police officers killed in the "
        "attack in Iraq's northern Kirkuk Governorate had risen to 12",
        [("killed", {"security": 12})],
    ),
    (
        "The blast killed five people, all of them policemen",
        [("killed", {"security": 5})],
    ),
    (
        "Three were dead and ten injured, every one of them DRG",
        [("killed", {"security": 3}), ("injured", {"security": 10})],
    ),
    (
        "Gunmen killed two soldiers and wounded seven people, all of whom were "
        "civilians",
        [("killed", {"security": 2}), ("injured", {"civilians": 7})],
    ),
    (
        "At least five police officers were killed in the fight for the centre of "
        "Kohistan district and three more were wounded",
        [("killed", {"security": 5}), ("injured", {"security": 3})],
    ),
    (
        "Officials said forty people were killed in the north-east in the latest "
        "gruesome attack on civilians",
        [("killed", {"civilians": 40})],
    ),
    (
        "Forty people were killed in an attack on civilians and soldiers",
        [("killed", {"unspecified": 40})],
    ),
    (
        "A military source said the army had killed 13 Boko Haram elements",
        [("killed", {"attackers": 13})],
    ),
    ("Troops killed 13 Taliban members", [("killed", {"attackers": 13})]),
    (
        "A bomb blast killed a PPP leader's son and a Levies Force official and "
        "injured the PPP leader himself",
        [
            ("killed", {"civilians": 1}),
            ("killed", {"security": 1}),
            ("injured", {"civilians": 1}),
        ],
    ),
    (
        "Nine people were killed, seven in Segue and two in Sonfounou",
        [
            ("killed", {"unspecified": 9}),
            ("killed", {"unspecified": 7}),
            ("killed", {"unspecified": 2}),
        ],
    ),
    ("Ten militants were also said to have died", [("killed", {"attackers": 10})]),
    ("Five soldiers are reported to have died", [("killed", {"security": 5})]),
    (
        "Ten militants are believed to have killed five people",
        [("killed", {"unspecified": 5})],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PHRASINGS, ids=[p[0] for p in PHRASINGS])
def test_each_phrasing_gives_its_figures(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize(
    ("noun", "side"),
    [
        ("herders", "civilians"),
        ("motorcyclists", "civilians"),
        ("worshippers", "civilians"),
        ("employees", "civilians"),
        ("fishermen", "civilians"),
        ("vigilantes", "security"),
        ("CJTF members", "security"),
        ("Basij members", "security"),
        ("conscripts", "security"),
        ("armed men", "attackers"),
        ("border guards", "security"),
        ("bandits", "attackers"),
        ("jihadists", "attackers"),
        ("commanders", "security"),
        ("TTP commanders", "attackers"),
        ("village heads", "civilians"),
        ("headmen", "civilians"),
        ("Maoists", "attackers"),
        ("Naxalites", "attackers"),
        ("supervisors", "civilians"),
        ("inmates", "civilians"),
        ("troopers", "security"),
        ("enemies", "attackers"),
        ("teenagers", "civilians"),
        ("Cameroonians", "civilians"),
        ("Nigeriens", "civilians"),
        ("youths", "civilians"),
        ("peacekeepers", "security"),
        ("blue helmets", "security"),
        ("people walking past", "civilians"),
        ("government militiamen", "security"),
        ("caretakers", "civilians"),
        ("chowkidars", "civilians"),
    ],
)
def test_people_nouns_by_side(noun, side):
    assert counts(f"Gunmen killed seven {noun} on Sunday.") == [("killed", {side: 7})]
    assert any(noun.split()[0].lower() in n for n in PEOPLE_BY_SIDE[side])


@pytest.mark.parametrize("tense", ["was", "is"])
def test_someone_named_among_the_dead_is_a_part_of_the_rest(tense):

    text = (
        "At least four people, two of them police personnel, were killed on Monday "
        "when a bomb went off in Quetta. A hospital spokesman said a minor girl "
        f"{tense} among the dead."
    )
    (incident,) = [i for i in extract(text).incidents if not i.event_wide]
    killed = {k: v for k, v in incident.counts["killed"].items() if v is not None}
    assert killed == {"security": 2, "civilians": 1, "unspecified": 1}


def test_people_of_another_side_among_the_dead_are_of_the_toll_not_more():
    text = (
        "Gunmen shot dead 14 passengers in Ormara on Thursday. At least 14 of them "
        "were killed. The home secretary said a naval official and a member of the "
        "coast guard were among the dead."
    )
    (incident,) = extract(text).incidents
    killed = {k: v for k, v in incident.counts["killed"].items() if v is not None}
    assert killed == {"civilians": 12, "security": 2}


@pytest.mark.parametrize(
    ("told_before", "expected"),
    [
        ("civilians", {"civilians": 12, "security": 2}),
        ("attackers", {"attackers": 14, "security": 2, "unspecified": 12}),
    ],
)
def test_a_group_as_many_as_a_side_with_others_named_is_that_side(
    told_before, expected
):
    """'shot dead 14 passengers' ... '14 of them were killed', two of them
    security men: the 14 civilians told again. Never the attackers' count."""
    before = Figure(told_before, "killed", 14, 0, 10, "14 people")
    named = Figure("security", "killed", 2, 40, 50, "two guards")
    again = Figure("unspecified", "killed", 14, 30, 50, "14 of them", parts=(named,))
    killed = {k: v for k, v in tally([before, again])["killed"].items() if v}
    assert killed == expected


def test_a_count_of_more_in_the_next_clause_has_the_side_before():
    text = (
        "Militants attacked a police post in Kulachi on Monday. The gunfight ended "
        "with the deaths of two terrorists; reports suggested that two more had "
        "been wounded."
    )
    (incident,) = extract(text).incidents
    assert incident.counts["killed"]["attackers"] == 2
    assert incident.counts["injured"]["attackers"] == 2
    assert incident.counts["injured"]["unspecified"] is None


def test_an_officer_named_among_the_injured_is_a_part_of_the_toll():
    text = (
        "A blast near a police vehicle in Quetta killed four people and injured 30 "
        "on Tuesday. The DIG said Station House Officer (SHO) Chaudhry Shafaat Ali "
        "was among the injured. Police said Jamaluddin was among the dead."
    )
    (incident,) = extract(text).incidents
    injured = {k: v for k, v in incident.counts["injured"].items() if v is not None}
    killed = {k: v for k, v in incident.counts["killed"].items() if v is not None}
    assert injured == {"security": 1, "unspecified": 29}
    assert killed == {"unspecified": 4}


def test_people_named_among_the_injured_paragraphs_later_are_a_part_of_the_toll():
    text = (
        "QUETTA: One police official was martyred and 17 people, four pedestrians "
        "among them, were injured when a bomb went off on Saryab Road on Monday.\n\n"
        "Officials said the blast took place near a police truck. CCTV footage "
        "showed the bomb had been planted on a motorcycle.\n\n"
        "Rescue officials took the injured to the Civil Hospital and the Bolan "
        "Medical Complex.\n\n"
        "A hospital spokesperson added that 13 police officials were among the "
        "injured."
    )
    (incident,) = extract(text, published=dt.date(2021, 10, 19)).incidents
    injured = {k: v for k, v in incident.counts["injured"].items() if v is not None}
    assert injured == {"civilians": 4, "security": 13}


def test_the_dead_one_rescuer_carried_are_no_more_than_the_toll():
    text = (
        "A roadside bomb hit a minibus near Turbat on Sunday, killing at "
        "least 10 civilians.\n\n"
        "Nur Haji Ahmed, who rushed to the scene, said he had carried four dead "
        "people, his father-in-law among them."
    )
    (incident,) = extract(text, published=dt.date(2020, 5, 31)).incidents
    killed = {k: v for k, v in incident.counts["killed"].items() if v is not None}
    assert killed == {"civilians": 10}


def test_the_other_dead_included_a_count_of_scavengers():
    found = find_figures(Span(0, 60, "The other dead included 13 metal scavengers."))
    assert [(f.outcome, f.side, f.value) for f in found] == [
        ("killed", "civilians", 13)
    ]


def test_the_rest_of_the_totals_is_the_side_the_places_count():
    text = (
        "Gunmen believed to be ISWAP fighters killed 16 people in attacks in Borno "
        "State. A source said three members of the Civilian Joint Task Force (CJTF) "
        "were among the dead.\n\nThe other dead included 13 metal scavengers whom "
        "the fighters shot on Saturday in Goni Kurmi village, in the Bama Local "
        "Government Area.\n\nIn Monguno, the fighters wounded one person."
    )
    found = extract(text)
    killed = {k: v for k, v in found.total_counts["killed"].items() if v is not None}
    assert killed == {"civilians": 13, "security": 3}


def test_nobody_hurt_is_a_stated_zero():
    assert counts(
        "Rockets landed near the base, and nobody was killed or injured."
    ) == [
        ("killed", {"unspecified": 0}),
        ("injured", {"unspecified": 0}),
    ]


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("No police personnel were harmed in the incident, he said.", "security"),
        ("No one was harmed.", "unspecified"),
        (
            "The DC and all the Levies personnel with her came through safely.",
            "security",
        ),
        ("All the passengers escaped unhurt.", "civilians"),
    ],
)
def test_none_of_a_side_hurt_is_a_stated_zero_for_that_side(sentence, side):
    assert counts(sentence) == [("killed", {side: 0}), ("injured", {side: 0})]


def test_another_count_a_verb_in_the_next_clause_governs_is_of_the_side_before():
    text = (
        "Gunmen fired on a patrol in the Manzarkhel area of North Waziristan on "
        "Sunday night. Three security personnel were martyred in that incident, and "
        "the terrorist attack injured another five."
    )
    (incident,) = extract(text).incidents
    assert incident.counts["injured"]["security"] == 5


def test_a_toll_an_agency_had_reported_before_the_risen_one_is_not_added():
    text = (
        "Shafaq News reported that the number of police officers killed in the "
        "attack in Iraq's Kirkuk Governorate had risen to 12. The agency had "
        "reported seven dead in the early hours of Sunday morning. IS militants "
        "attacked the Federal Police in the village of Tal al-Steih."
    )
    (incident,) = extract(text, published=dt.date(2021, 9, 5)).incidents
    killed = {k: v for k, v in incident.counts["killed"].items() if v is not None}
    assert killed == {"security": 12}


@pytest.mark.parametrize(
    "spokesman",
    ["A Taliban spokesman said", "The TTP's spokesman claimed", "A PKK statement said"],
)
def test_the_attackers_count_said_by_their_spokesman_stands_only_where_none_else(
    spokesman,
):
    text = (
        "Militants overran an army post in Wana late on Tuesday and killed eight "
        f"soldiers. {spokesman} 12 soldiers had been killed."
    )
    (incident,) = extract(text, published=dt.date(2012, 8, 29)).incidents
    killed = {k: v for k, v in incident.counts["killed"].items() if v is not None}
    assert killed == {"security": 8}


def test_the_attackers_claim_is_no_total_where_a_place_states_the_toll():
    text = (  # 1060
        "Officials said on Friday that a senior Afghan government official had "
        "been killed in the western province of Farah and that in the northern "
        "province of Badakhshan the Taliban had overrun a district "
        "centre.\n\nFarid Ahmad Bakhtawar, a member of the provincial council, "
        "said unknown gunmen shot dead Abdul Jalal, assistant director of the "
        "anti-terrorism department in Farah, in the provincial capital of the "
        "same name on Thursday morning.\n\nIn Badakhshan, in the north-east, "
        "Taliban fighters overran a district centre early on Friday after 24 "
        "hours of heavy fighting, Jawid Salim, spokesman for the Afghan Army "
        "Special Forces, told dpa.\n\nSalim said at least five police officers "
        "were killed in the fight for the centre of Kohistan district and three "
        "more were wounded.\n\nThe Taliban's spokesman Zabihullah Mujahid said on"
        " Twitter that the militants had killed at least 15 police officers and "
        "wounded 14 more in the battle."
    )
    found = extract(text, published=dt.date(2018, 5, 4))
    for outcome in ("killed", "injured"):
        assert found.total_counts[outcome]["security"] is None


def test_a_stated_zero_at_a_finer_name_does_not_tell_it_apart_from_the_lede():
    text = (
        "DERA GHAZI KHAN: Police beat back another attack on a police checkpoint in "
        "Dera Ghazi Khan; one militant was killed.\n\nA police spokesman said 20 "
        "militants attacked the Lakhani checkpoint from every side. No police "
        "personnel were harmed in the incident, he said."
    )
    (incident,) = extract(text, published=dt.date(2025, 3, 29)).incidents
    assert incident.place_reported == "Lakhani"
    killed = {k: v for k, v in incident.counts["killed"].items() if v is not None}
    assert killed == {"attackers": 1, "security": 0}


@pytest.mark.parametrize(
    "sentence",
    [
        "A grenade hit the check-post. It caused neither casualties nor damage.",
        "A grenade hit the check-post, causing neither damage nor casualties.",
    ],
)
def test_neither_casualties_is_a_stated_zero(sentence):
    assert counts(sentence) == [
        ("killed", {"unspecified": 0}),
        ("injured", {"unspecified": 0}),
    ]


def test_people_who_fell_in_the_attack_are_dead():
    assert counts(
        "Gunmen attacked the post in Gao. Six soldiers fell in the attack."
    ) == [("killed", {"security": 6})]


def test_bare_volunteers_are_the_armed_volunteers_a_report_names():
    report = (
        "Jihadists killed 18 civilians, 16 of them army auxiliaries, in an attack on "
        "Rakoegtenga village in Bam province on Thursday. Six volunteers fell in "
        "that attack, the source said."
    )
    sides = {
        f.side for i in extract(report).incidents for f in i.figures if f.value == 6
    }
    assert sides == {"security"}
    assert counts("Six volunteers fell in that attack.") == [
        ("killed", {"unspecified": 6})
    ]


def test_a_quoted_people_noun_counts_as_said():
    sentence = 'Air strikes killed 15 of the "enemies", the source added.'
    assert counts(sentence) == [("killed", {"attackers": 15})]


def test_a_bare_count_after_a_reported_death_has_the_side_before():
    assert counts("At first one soldier was reported martyred and four injured.") == [
        ("killed", {"security": 1}),
        ("injured", {"security": 4}),
    ]


def test_people_the_dead_included_are_some_of_the_toll_not_more():
    report = (
        "Eight people died in a blast at a mosque in Peshawar on Friday, police "
        "said. The dead included two policemen guarding the mosque."
    )
    (incident,) = extract(report).incidents
    killed = {k: v for k, v in incident.counts["killed"].items() if v is not None}
    assert killed == {"security": 2, "unspecified": 6}


def test_what_the_people_were_doing_may_come_between_them_and_any_verb():
    assert counts(
        "Five labourers working on a mobile phone tower were shot dead by gunmen."
    ) == [("killed", {"civilians": 5})]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen shot dead a farmer in Panjgur.", [("killed", {"civilians": 1})]),
        (
            "Armed men killed a schoolteacher and his son in Panjgur.",
            [("killed", {"civilians": 2})],
        ),
        ("A villager was injured in the blast.", [("injured", {"civilians": 1})]),
        (
            "Gunmen shot dead a prayer leader outside a mosque.",
            [("killed", {"civilians": 1})],
        ),
        (
            "A tribal elder and his bodyguard were killed in an ambush.",
            [("killed", {"civilians": 2})],
        ),
    ],
)
def test_one_person_of_a_trade_or_place_is_counted(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The blast wounded the DSP's driver.", [("injured", {"security": 1})]),
        (
            "Gunmen shot dead the commander's bodyguard.",
            [("killed", {"security": 1})],
        ),
        ("The blast wounded the train's driver.", [("injured", {"civilians": 1})]),
        ("The blast wounded the DSP's son.", [("injured", {"civilians": 1})]),
    ],
)
def test_who_serves_with_a_person_of_a_side_is_of_that_side(sentence, expected):
    assert counts(sentence) == expected


def test_a_toll_told_in_a_clause_after_a_comma_counts():
    sentence = (
        "He said three more police officers, wounded in the explosion on "
        "Wednesday, had been flown to Nairobi."
    )
    assert counts(sentence) == [("injured", {"security": 3})]
    # a verb with an object of its own is the attackers' deed, not the group's
    assert counts("The convoy carried 20 soldiers, killed three.") == [
        ("killed", {"unspecified": 3})
    ]


def test_officials_put_the_toll_at_a_count():
    assert counts("Officials put the death toll at four.") == [
        ("killed", {"unspecified": 4})
    ]


@pytest.mark.parametrize(
    "claim",
    [
        "The Taliban said they had killed 20 Afghan soldiers.",
        "The group claimed the attack through its media and said it had killed 20 "
        "soldiers.",
    ],
)
def test_what_the_attackers_say_they_killed_is_their_claim(claim):
    (figure,) = [
        f for s in sentences(claim) for c in clauses(s) for f in find_figures(c)
    ]
    assert (figure.value, figure.secondary) == (20, True)


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("Gunmen wounded two men who drove vehicles carrying poultry.", "civilians"),
        ("Insurgents killed two men who were hunting bush rats.", "civilians"),
        ("Gunmen wounded two men who had been guarding the post.", "unspecified"),
    ],
)
def test_people_at_a_civilians_work_are_civilians(sentence, side):
    ((_, by_side),) = counts(sentence)
    assert by_side == {side: 2}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen shot dead Constable Nasim Khan.", [("killed", {"security": 1})]),
        (
            "The militants killed Corporal Jape V. Malbas.",
            [("killed", {"security": 1})],
        ),
        (
            "Gunmen killed Sub-Inspector Ahmed Khan and Constable Ali.",
            [("killed", {"security": 2})],
        ),
        (
            "The attack killed Corporal Debuton and wounded Private Malbas.",
            [("killed", {"security": 1}), ("injured", {"security": 1})],
        ),
    ],
)
def test_a_ranked_person_the_toll_s_verb_names_is_one_of_the_forces(sentence, expected):
    assert counts(sentence) == expected


def test_more_than_five_of_a_side_among_the_dead_are_of_that_side():
    text = (
        "At least 12 people were killed when Islamic State militants attacked a "
        "village in northern Iraq, in the Makhmour region. Nine peshmerga and three "
        "civilians were among the dead."
    )
    (incident,) = extract(text, published=dt.date(2021, 12, 3)).incidents
    killed = {k: v for k, v in incident.counts["killed"].items() if v}
    assert killed == {"security": 9, "civilians": 3}


def test_the_driver_of_a_police_vehicle_is_of_the_police():
    text = (
        "Gunmen sprayed a police vehicle with bullets in Quetta on Thursday, "
        "killing four police officials and wounding the driver."
    )
    (incident,) = extract(text, published=dt.date(2017, 7, 13)).incidents
    assert incident.counts["injured"]["security"] == 1
    text = text.replace("a police vehicle", "a passenger van")
    (incident,) = extract(text, published=dt.date(2017, 7, 13)).incidents
    assert incident.counts["injured"]["civilians"] == 1


def test_people_taken_off_a_bus_and_shot_dead_are_dead():
    assert counts("Nine passengers were offloaded from a bus and shot dead.") == [
        ("killed", {"civilians": 9})
    ]
    assert counts("Two attackers were spotted and shot dead three guards.") == [
        ("killed", {"security": 3})
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "No one was hurt.",
        "No one was injured.",
        "A small blast hit the wall of a police station, injuring nobody.",
        "The bomb went off near the gate but wounded no one.",
    ],
)
def test_no_one_hurt_is_no_one_not_one(sentence):
    assert counts(sentence) == [("injured", {"unspecified": 0})]


def test_a_toll_days_before_the_news_is_not_the_news():
    report = (
        "Three soldiers were martyred when militants attacked a check post in Kech "
        "on Monday. The attack comes days after nine labourers were killed in the "
        "same district."
    )
    (incident,) = extract(report).incidents
    killed = {k: v for k, v in incident.counts["killed"].items() if v is not None}
    assert killed == {"security": 3}


def test_raising_the_death_toll_to_a_count_states_the_toll():
    assert counts("The blast killed four, raising the death toll to 60.") == [
        ("killed", {"unspecified": 4}),
        ("killed", {"unspecified": 60}),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two government officials were killed.", [("killed", {"civilians": 2})]),
        ("Gunmen killed two officials.", [("killed", {"unspecified": 2})]),
        (
            "An official of the district administration was shot dead.",
            [("killed", {"unspecified": 1})],
        ),
        ("Two security officials were killed.", [("killed", {"security": 2})]),
    ],
)
def test_officials_are_counted_by_the_office_they_hold(sentence, expected):
    assert counts(sentence) == expected


def test_a_list_the_dead_included_is_parts_of_the_toll():
    report = (
        "Eight people died in a blast at a market in Peshawar on Friday, police "
        "said. The dead included three women and two children."
    )
    (incident,) = extract(report).incidents
    killed = {k: v for k, v in incident.counts["killed"].items() if v is not None}
    assert killed == {"civilians": 5, "unspecified": 3}


def test_killed_a_total_of_a_count():
    assert counts("The militants killed a total of 14 people.") == [
        ("killed", {"unspecified": 14})
    ]


def test_an_emergency_service_number_is_no_count():
    assert counts(
        "Rescue 1122 shifted the bodies of five people and nine injured to hospital."
    ) == [("killed", {"unspecified": 5}), ("injured", {"unspecified": 9})]


def test_the_number_of_those_killed_rising_is_a_toll():
    assert counts("The number of those killed rose to 25 on Saturday.") == [
        ("killed", {"unspecified": 25})
    ]


def test_the_injured_who_later_died_leave_the_injured():
    report = (
        "Seven people were killed and 12 injured in a blast in Quetta on Friday. "
        "Two of the injured later died in hospital."
    )
    (incident,) = extract(report).incidents
    assert incident.counts["injured"]["unspecified"] == 10


def test_some_named_among_a_toll_are_a_part_of_it():
    report = (
        "Two children were among five people injured when a mortar shell landed on "
        "a house in Parachinar on Sunday."
    )
    (incident,) = extract(report).incidents
    injured = {k: v for k, v in incident.counts["injured"].items() if v is not None}
    assert injured == {"civilians": 2, "unspecified": 3}


def test_people_killed_or_wounded_are_neither_a_dead_nor_a_wounded_count():
    assert not counts("At least three soldiers were killed or wounded in the clash.")
    assert counts("Three soldiers were killed and two wounded.")


def test_soldiers_who_had_been_lost_in_the_attack_died():
    assert counts("An officer said five soldiers had been lost in the attack") == [
        ("killed", {"security": 5})
    ]
    assert not counts("The officer said contact had been lost with five soldiers")


def test_a_tally_by_place_with_an_oxford_comma_and_a_long_first_place():
    text = (
        "He said fifteen people had been murdered: six were confirmed dead at "
        "Tunga in Madaka Ward of Rafi Local Government Area, four at Kawo, and five "
        "at Gidigori."
    )
    found = [
        (f.value, f.outcome)
        for sentence in sentences(text)
        for clause in clauses(sentence)
        for f in find_figures(clause)
    ]
    assert found == [(15, "killed"), (6, "killed"), (4, "killed"), (5, "killed")]


def test_an_exact_toll_stands_over_an_approximate_one_of_the_same_side():
    text = (
        "Close to a dozen soldiers have been killed in an attack on a base in Turbat. "
        "Militants struck the base on Tuesday, killing 11 soldiers and wounding 17 "
        "others."
    )
    (incident,) = extract(text, published=dt.date(2015, 10, 6)).incidents
    assert incident.counts["killed"]["security"] == 11


def test_a_toll_of_people_that_restates_one_side_and_a_person_of_none_is_not_added():
    text = (
        "An attack on the Levies in Turbat on Thursday left an administration "
        "official and six personnel dead. Seven people were killed and four others "
        "were wounded when the vehicles were fired on."
    )
    (incident,) = extract(text, published=dt.date(2016, 8, 26)).incidents
    killed = {s: v for s, v in incident.counts["killed"].items() if v is not None}
    assert killed == {"security": 6, "unspecified": 1}


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Five people riding in the vehicle died on the spot in the blast: Idrees, "
            "two men travelling with him and two police officers.",
            {"security": 2, "unspecified": 3},
        ),
        (
            "Five people were killed: three civilians and two policemen.",
            {"civilians": 3, "security": 2},
        ),
    ],
)
def test_a_list_after_a_colon_says_who_a_toll_was(text, sides):
    (figure,) = find_figures(Span(0, len(text), text))
    assert figure.value == 5
    assert by_side(figure) == sides


def test_a_toll_of_people_restated_by_side_after_a_colon_is_not_added():
    text = (
        "A roadside bomb in Mingora has killed five people, one of them a leader of "
        "the peace committee. Five people riding in the vehicle died in the blast: "
        "Idrees, two men travelling with him and two police officers."
    )
    (incident,) = extract(text, published=dt.date(2022, 9, 14)).incidents
    killed = {s: v for s, v in incident.counts["killed"].items() if v is not None}
    assert killed == {"security": 2, "unspecified": 3}


def test_the_wave_s_toll_told_again_at_its_one_place_is_that_place_s():
    text = (
        "Insurgents raided the villages of Mand and Tump in Kech district on "
        "Tuesday, beheading at least two civilians.\n\n"
        "The first raid was in Mand. A local source said two men were beheaded.\n\n"
        "The insurgents struck again the next day in Tump. No one was reported "
        "killed there."
    )
    extraction = extract(text, published=dt.date(2022, 8, 15))
    by_place = {i.place_reported: i for i in extraction.incidents}
    killed = {k: v for k, v in by_place["Mand"].counts["killed"].items() if v}
    assert killed == {"civilians": 2}
    assert not any((extraction.total_counts or {}).get("killed", {}).values())


def test_schoolchildren_are_civilians():
    assert counts(
        "A bomber struck a checkpoint, killing 11 people, three of them police "
        "officers and six of them schoolchildren who were passing by."
    ) == [("killed", {"security": 3, "civilians": 6, "unspecified": 2})]


@pytest.mark.parametrize(
    "text",
    [
        "As of Monday morning 18 corpses had been recovered.",
        "Rescuers recovered the corpses of 18 villagers.",
    ],
)
def test_corpses_recovered_are_the_dead_as_bodies_are(text):
    ((outcome, by_side_),) = counts(text)
    assert outcome == "killed"
    assert sum(by_side_.values()) == 18


@pytest.mark.parametrize(
    "text",
    [
        "Fifteen security personnel and their driver died when Maoists set off an IED.",
        "Maoists killed fifteen soldiers and their driver.",
    ],
)
def test_people_and_their_one_attendant_are_two_counts(text):
    assert counts(text) == [("killed", {"security": 15}), ("killed", {"civilians": 1})]


def test_people_of_two_sides_in_one_count_stay_one_count():
    assert counts("17 security personnel and civilians were killed.") == [
        ("killed", {"unspecified": 17})
    ]


def test_a_total_s_parts_may_follow_a_colon():
    assert counts(
        "Militants stopped a bus and killed seven people: four policemen, a nurse "
        "and two passengers."
    ) == [("killed", {"security": 4, "civilians": 3})]


def test_one_person_and_who_they_were_are_one_count():
    assert counts(
        "The attackers killed the mosque's imam, an innocent civilian who served "
        "at the school."
    ) == [("killed", {"civilians": 1})]


def test_a_list_of_single_people_is_still_added_up():
    assert counts("The attackers killed a policeman, a soldier and a civilian.") == [
        ("killed", {"security": 2}),
        ("killed", {"civilians": 1}),
    ]


@pytest.mark.parametrize("noun", ["intruders", "raiders"])
def test_intruders_and_raiders_are_attackers(noun):
    assert counts(f"Two more {noun} were later neutralised.") == [
        ("killed", {"attackers": 2})
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nearly two dozen soldiers were injured.", [("injured", {"security": 24})]),
        ("Two hundred people were killed.", [("killed", {"unspecified": 200})]),
        ("Two people were killed.", [("killed", {"unspecified": 2})]),
    ],
)
def test_two_dozen_and_two_hundred_are_read_whole(text, expected):
    assert counts(text) == expected


def test_a_claim_to_have_killed_with_words_between_is_no_toll():
    assert (
        counts(
            "The Taliban rejected the army's version and claimed for their part to "
            "have eliminated 33 security personnel."
        )
        == []
    )


def test_volunteers_counted_with_civilians_are_no_one_side():
    report = (
        "Burkina Faso: civilians killed in the Centre-East region\n\n"
        "In Burkina Faso's Centre-Est region, armed men stormed the rural commune "
        "of Bané on Sunday. Around twenty "
        "civilians and volunteers for the defense of the nation were killed in the "
        "assault, sources said."
    )
    sides = {
        f.side for i in extract(report).incidents for f in i.figures if f.value == 20
    }
    assert sides == {"unspecified"}
    assert counts("Two volunteers for the defense of the nation died.") == [
        ("killed", {"security": 2})
    ]
