"""Rules of the report extractor learnt from real reports: each test is a phrasing
news of the region uses, with the figures and places it must give."""

import datetime as dt

import pytest

from components.domain.places import Place
from components.domain.vocabularies import GeoPrecision
from components.gazetteer import Gazetteer
from components.report import extract
from components.report.figures import find_figures
from components.report.model import by_side, tally
from components.report.segments import Span


def figures(text: str) -> list[tuple[str, str, int]]:
    """(side, outcome, value) of every figure in one clause."""
    return [
        (f.side, f.outcome, f.value) for f in find_figures(Span(0, len(text), text))
    ]


def counts(text: str, **kwargs) -> dict[str, dict[str, dict[str, int]]]:
    """Each incident's known counts by place name."""
    return {
        i.place.name: {
            outcome: {side: v for side, v in sides.items() if v is not None}
            for outcome, sides in i.counts.items()
        }
        for i in extract(text, **kwargs).incidents
    }


def test_a_word_that_begins_like_a_month_does_not_make_a_count_a_day():
    assert figures("martyring 13 soldiers and injuring three civilians") == [
        ("security", "killed", 13),
        ("civilians", "injured", 3),
    ]
    assert figures("killed on Oct 11 soldiers said") == []


def test_a_parenthesised_abbreviation_does_not_hide_who_was_killed():
    assert figures("Five Frontier Corps (FC) personnel were martyred") == [
        ("security", "killed", 5)
    ]


def test_the_head_noun_says_the_side():
    assert figures("all four attackers and one paramilitary soldier died") == [
        ("attackers", "killed", 4),
        ("security", "killed", 1),
    ]
    assert figures("a woman civilian was also killed in the crossfire") == [
        ("civilians", "killed", 1)
    ]
    assert figures("gunmen killed at least nine Pakistani nationals") == [
        ("civilians", "killed", 9)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A gunfight killed a member of Iran's Revolutionary Guard and a fighter of "
        "the Basij militia.",
        "The gunfight killed a member of the IRGC and a Basij member.",
        "Gunmen fired on the guards' vehicle, killing two members of the force.",
    ],
)
def test_a_member_or_a_fighter_of_a_force_takes_its_side(text):
    assert figures(text) == [("security", "killed", 2)]


def test_an_abbreviation_after_a_count_does_not_break_its_list():
    assert figures(
        "Militants killed a Junior Commissioned Officer (JCO) and five jawans."
    ) == [("security", "killed", 6)]


def test_a_number_written_out_and_then_in_brackets_is_one_count():
    assert figures("Gunmen killed four (4) villagers.") == [("civilians", "killed", 4)]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Gunmen fired on innocent civilians, killing four.", "civilians"),
        ("Gunmen opened fire on the police, killing four.", "security"),
    ],
)
def test_a_bare_count_after_the_people_an_attack_hit_counts_them(text, side):
    assert figures(text) == [(side, "killed", 4)]


@pytest.mark.parametrize("forces", ["government forces", "Jubbaland forces"])
def test_a_state_s_or_a_government_s_forces_are_security(forces):
    assert figures(f"The ambush killed at least two {forces}.") == [
        ("security", "killed", 2)
    ]


def test_shot_in_the_leg_is_hurt_and_no_one_reported_killed_is_none():
    assert figures(
        "No one was reported killed, but a member of the local militia was shot in "
        "the leg during the attack."
    ) == [("unspecified", "killed", 0), ("security", "injured", 1)]


def test_a_count_of_another_side_after_a_part_is_no_part():
    assert figures(
        "Rebels killed eleven soldiers, one of them an Army captain, and a civilian."
    ) == [("security", "killed", 11), ("civilians", "killed", 1)]


def test_others_at_a_second_place_after_a_count_at_a_first_are_a_count_too():
    assert figures(
        "The council prayed for 17 dead people in Rini and about 10 others in Gora."
    ) == [("unspecified", "killed", 17), ("unspecified", "killed", 10)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Eleven jawans of the CRPF lost their lives when Maoists blew up their "
            "vehicle.",
            [("security", "killed", 11)],
        ),
        (
            "The blast killed two BSF men and injured three others.",
            [("security", "killed", 2), ("security", "injured", 3)],
        ),
        (
            "Militants shot dead a tehsildar and four Levies men in Kalat.",
            [("unspecified", "killed", 1), ("security", "killed", 4)],
        ),
    ],
)
def test_a_force_s_men_and_an_official_are_counted(text, found):
    assert figures(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Nine labourers were abducted and later found dead.",
            [("civilians", "killed", 9)],
        ),
        (
            "Gunmen killed a driver and his helper.",
            [("civilians", "killed", 1), ("unspecified", "killed", 1)],
        ),
    ],
)
def test_people_found_dead_and_a_helper_are_counted(text, found):
    assert figures(text) == found


def test_a_private_guard_is_a_civilian():
    assert figures("leaving 20 miners and one private security guard dead") == [
        ("civilians", "killed", 21),
    ]


def test_one_count_of_two_sides_is_unspecified():
    assert figures("At least 17 security personnel and civilians were injured") == [
        ("unspecified", "injured", 17)
    ]


def test_a_bare_count_after_its_verb():
    assert figures("killing at least nine people and injuring 16, while") == [
        ("unspecified", "killed", 9),
        ("unspecified", "injured", 16),
    ]


def test_of_them_takes_the_side_of_the_people_named_before():
    assert figures("troops engaged terrorists and 11 of them were killed") == [
        ("attackers", "killed", 11)
    ]


def test_parts_after_the_outcome_word_and_others_are_not_parts():
    text = (
        "raids left 11 people dead, including four Levies officials and a police "
        "sub-inspector, and nine others injured."
    )
    total, others = find_figures(Span(0, len(text), text))
    assert (total.value, total.outcome) == (11, "killed")
    assert (others.side, others.outcome, others.value) == ("unspecified", "injured", 9)
    assert [(p.side, p.value) for p in total.parts] == [
        ("security", 4),
        ("security", 1),
    ]
    assert by_side(total) == {"security": 5, "unspecified": 6}


def test_the_same_people_named_twice_are_one_group():
    text = (
        "Gunmen stormed a police station in Rask on Friday, killing 11 people and "
        "wounding eight others. Officials said eight police officers were wounded."
    )
    assert counts(text)["Rāsak"]["injured"] == {"security": 8}


def test_the_rest_of_a_total_is_kept_even_when_it_equals_a_part():
    text = "A blast in Quetta killed 10 people, including five soldiers."
    assert counts(text)["Quetta"]["killed"] == {"security": 5, "unspecified": 5}


def test_while_and_a_gerund_does_not_start_a_clause():
    from components.report.segments import clauses

    text = "Eighteen soldiers were martyred while fighting off terrorists in Kalat."
    assert len(clauses(Span(0, len(text), text))) == 1
    text = "Two soldiers were martyred, while three militants were killed."
    assert len(clauses(Span(0, len(text), text))) == 2


def places(text: str) -> set[str]:
    return {i.place.name for i in extract(text).incidents}


def test_the_ends_of_a_route_are_not_incident_places():
    text = (
        "Gunmen stormed the Jaffar Express in Bolan district. The train was running "
        "from Quetta to Peshawar with 400 passengers."
    )
    assert places(text) == {"Kachhi"}
    text = "A bomb hit a convoy in Turbat going from Islamabad to their camp in Dasu."
    assert places(text) == {"Turbat"}


def test_distances_with_a_conversion_and_the_capital_are_references():
    text = (
        "Gunmen attacked the judiciary centre in Zahedan, killing five people. The "
        "city lies about 1,200 kilometers (745 miles) southeast of Tehran."
    )
    assert places(text) == {"Zahedan"}
    text = (
        "At least 10 police officers were killed in Taftan, about 1,200 kilometres "
        "southeast of the capital, Tehran."
    )
    assert places(text) == {"Taftan"}


def test_officials_in_a_city_and_a_hospital_abbreviation_are_not_scenes():
    text = (
        "Militants attacked a police station in Mach, killing two policemen. "
        "Officials in Quetta have said the toll may rise. The army chief visited "
        "the injured at the Combined Military Hospital (CMH) in Quetta."
    )
    assert places(text) == {"Mach"}


def test_upper_and_lower_begin_place_names():
    text = "Militants attacked a police post in Lower Dir, killing two policemen."
    assert places(text) == {"Lower Dir"}


def test_a_province_in_the_clause_of_a_place_inside_it_only_qualifies_it():
    text = (
        "In Balochistan, security forces foiled an attack on a naval base in Turbat, "
        "killing four terrorists, while one soldier was martyred."
    )
    assert counts(text) == {
        "Turbat": {"killed": {"attackers": 4, "security": 1}, "injured": {}}
    }


def test_a_figure_said_to_be_the_whole_is_the_events():
    text = (
        "Eighteen soldiers were martyred while fighting off terrorists in Kalat "
        "district. Security forces killed 23 terrorists in all, during the fighting "
        "and in a follow-up operation in Harnai district. In Harnai, troops engaged "
        "terrorists and 11 of them were killed."
    )
    extraction = extract(text)
    assert extraction.total_counts["killed"]["attackers"] == 23
    harnai = next(i for i in extraction.incidents if i.place.name == "Harnai")
    assert harnai.counts["killed"]["attackers"] == 11


def test_the_first_word_of_a_longer_name_in_another_province_is_no_place():
    text = (
        "Militants fought security forces in Khyber district of Khyber "
        "Pakhtunkhwa and occupied houses near Bagh Bazaar, firing at a police post."
    )
    assert "Bāgh" not in places(text)


def background(text: str, published: str) -> list[str]:
    found = extract(text, published=dt.date.fromisoformat(published)).background
    return [b.evidence.sentence for b in found]


def test_early_in_the_month_weeks_before_the_report_is_background():
    text = (
        "At least 10 police officers were killed in Taftan on Saturday.\n"
        "In early October, at least six people were killed in the province."
    )
    assert background(text, "2024-10-27") == [
        "In early October, at least six people were killed in the province."
    ]
    assert background(text, "2024-10-12") == []


def test_a_month_later_in_the_year_than_the_report_is_last_years():
    text = (
        "Two border guards were killed in Pishin on Tuesday.\n"
        "In April, ten border guards were killed in an ambush near Mirjaveh."
    )
    assert background(text, "2023-01-14") == [
        "In April, ten border guards were killed in an ambush near Mirjaveh."
    ]
    assert background(text, "2023-04-12") == []


def test_many_attacks_carried_out_in_a_month_are_background():
    text = (
        "A roadside bomb killed four people in Khar on Wednesday.\n\n"
        "According to a think tank, militants carried out 78 terrorist incidents "
        "in June, which left 100 people dead and 189 injured.\n\n"
        "The same report says security forces killed 71 terrorists during June."
    )
    assert background(text, "2025-07-02") == [
        "According to a think tank, militants carried out 78 terrorist incidents "
        "in June, which left 100 people dead and 189 injured.",
        "The same report says security forces killed 71 terrorists during June.",
    ]


def test_a_few_attacks_carried_out_today_are_the_news():
    text = (
        "Militants carried out 12 attacks across Balochistan on Friday, killing "
        "nine soldiers."
    )
    assert background(text + " Police said four attackers died.", "2025-07-04") == []


def test_the_toll_of_a_conflict_that_has_killed_thousands_is_background():
    text = (
        "Gunmen killed four civilians in Galim on Saturday.\n\n"
        "Rights groups accuse both sides of atrocities in a two-year conflict that "
        "has killed more than 3,000 people."
    )
    assert background(text, "2020-03-08") == [
        "Rights groups accuse both sides of atrocities in a two-year conflict that "
        "has killed more than 3,000 people."
    ]


@pytest.mark.parametrize(
    ("night", "published", "began"),
    [
        ("on the night of 1 to 2 December", "2021-12-03", "2021-12-01"),
        ("in the night of Saturday to Sunday", "2024-05-13", "2024-05-11"),
        ("in the night of Saturday to Sunday", "2024-05-12", "2024-05-11"),
        ("on the night between October 7 and 8", "2025-10-09", "2025-10-07"),
    ],
)
def test_a_night_over_two_days_is_dated_by_the_day_it_began(night, published, began):
    text = f"Jihadists attacked an army post in Porga {night}, killing two soldiers."
    found = extract(text, published=dt.date.fromisoformat(published))
    assert str(found.date) == began


def test_the_day_before_in_a_province_only_is_background():
    text = (
        "Five soldiers were killed on Thursday when gunmen attacked their post in "
        "Awaran district.\n\n"
        "On Wednesday, two soldiers were killed in Balochistan province when their "
        "convoy hit a roadside bomb."
    )
    assert background(text, "2024-05-10") == [
        "On Wednesday, two soldiers were killed in Balochistan province when their "
        "convoy hit a roadside bomb."
    ]


def test_the_day_before_in_a_town_goes_on_with_the_news():
    text = (
        "Five soldiers were killed on Thursday when gunmen attacked their post in "
        "Awaran district.\n\n"
        "On Wednesday, the same gunmen had killed two soldiers in Turbat."
    )
    assert background(text, "2024-05-10") == []


def test_the_reports_own_month_opening_a_sentence_late_in_it_is_background():
    text = (
        "Two border guards were killed in Pishin on Tuesday.\n"
        "In April, ten border guards were killed in an ambush near Mirjaveh."
    )
    assert background(text, "2023-04-27") == [
        "In April, ten border guards were killed in an ambush near Mirjaveh."
    ]


def test_the_week_before_opens_background_and_in_the_second_keeps_it():
    text = (
        "One soldier was martyred in a landmine blast in Jiwani on Saturday.\n\n"
        "The week before, two attacks in Bolan and Kalat cost the lives of a Levies "
        "soldier and a police constable.\n\n"
        "In the second, gunmen fired on a police patrol near Mughalzai; three "
        "policemen were wounded."
    )
    assert len(background(text, "2023-02-05")) == 2


def test_an_attack_days_earlier_on_whose_heels_the_news_came_is_background():
    text = (
        "Seven soldiers were martyred in Datakhel on Thursday.\n"
        "The attack came close on the heels of a deadly attack three days earlier "
        "in Dera Ismail Khan, which left five policemen dead."
    )
    assert len(background(text, "2022-04-15")) == 1


def test_similar_attacks_foiled_the_same_night_are_news():
    text = (
        "Terrorists in Upper Dir ambushed a police vehicle on Wednesday, killing "
        "three policemen.\n"
        "Police foiled similar attacks in the Nasir Bagh and Mattani areas without "
        "casualties."
    )
    assert background(text, "2025-08-14") == []


def test_a_claim_made_on_the_news_day_of_an_attack_days_before_is_background():
    text = (
        "Gunmen killed two Peshmerga near Prde on Tuesday night.\n\n"
        "ISIS took over large parts of Iraq in 2014. On Tuesday the group claimed an "
        "attack on the Peshmerga in Kirkuk late on Sunday, which killed four of them."
    )
    assert len(background(text, "2023-01-11")) == 2


def test_over_recent_months_opens_background():
    text = (
        "Eight militants were killed in Tirah on Saturday.\n"
        "Security has deteriorated over recent months. Gunmen shot a driver dead."
    )
    assert len(background(text, "2024-11-24")) == 2


def test_a_day_well_before_the_ledes_is_an_earlier_event():
    text = (
        "Gunmen on Friday attacked two police patrols near Iranshahr and killed "
        "five officers.\n"
        "On Sunday, the Guards said their forces had killed six militants."
    )
    extraction = extract(text, published=dt.date(2025, 8, 22))
    assert [b.evidence.sentence[:9] for b in extraction.background] == ["On Sunday"]
    assert extraction.incidents[0].counts["killed"]["security"] == 5
    assert extraction.total_counts["killed"]["attackers"] is None


def test_a_district_folds_into_the_one_place_inside_it_named_as_the_scene():
    text = (
        "At least 44 people were killed when a suicide bomber struck a convention "
        "in Bajaur district. Members had gathered in the town of Khar."
    )
    assert counts(text) == {"Khar": {"killed": {"unspecified": 44}, "injured": {}}}
    text = (
        "At least 27 terrorists were killed in Balochistan's Bolan district. The "
        "train was seized "
        "close to the Bolan Pass."
    )
    assert "Kachhi" in places(text)


def test_a_neighbouring_district_is_a_place():
    text = "Fighting broke out in the Lajbook Dara area of neighbouring Lower Dir."
    assert places(text) == {"Lower Dir"}


def test_a_landmark_near_the_scene_folds_into_its_district():
    text = (
        "At least 27 terrorists were killed in Balochistan's Bolan district. The "
        "train was seized close to the Bolan Pass. Seventeen wounded passengers "
        "were moved to a nearby hospital."
    )
    assert counts(text)["Kachhi"] == {
        "killed": {"attackers": 27},
        "injured": {"civilians": 17},
    }
    assert "Bolan Pass" not in places(text)


def test_fighting_that_broke_out_in_a_place_makes_it_an_attack_place():
    text = (
        "Khyber Pakhtunkhwa has been hit by violence. Attacks across several "
        "districts left at least five security personnel dead.\nFive militants were "
        "killed in the Dobando area of Upper Dir district, in which seven policemen "
        "were wounded.\nWhile the situation in Upper Dir was still unsettled, "
        "fighting broke out in the Lajbook Dara area of neighbouring Lower Dir."
    )
    extraction = extract(text)
    assert {i.place.name for i in extraction.incidents} >= {"Upper Dir", "Lower Dir"}
    assert extraction.total_counts["killed"]["security"] == 5


def roles(text: str) -> set[tuple[str, str]]:
    """(place, role) of every place named for another reason than an attack."""
    return {(m.place.name, m.role) for m in extract(text).other_places}


def test_places_where_roads_were_only_blocked_are_not_attack_places():
    text = (
        "Militants stormed a police station in Kalat. The attackers also blocked "
        "highways in Turbat and Panjgur."
    )
    assert places(text) == {"Kalat"}
    assert {("Turbat", "blockade"), ("Panjgur", "blockade")} <= roles(text)
    text = (
        "Militants blocked the highway in Mastung and opened fire on vehicles, "
        "killing five people."
    )
    assert places(text) == {"Mastung"}


def test_a_place_a_blast_cut_off_is_not_where_it_went_off():
    text = (
        "Militants blew up a railway bridge in Mastung, cutting Quetta off from the "
        "rest of the country."
    )
    assert places(text) == {"Mastung"}
    assert ("Quetta", "reference") in roles(text)


def test_where_patients_were_flown_is_a_destination():
    text = (
        "A suicide bomber killed 44 people at a convention in the town of Khar. "
        "Critical patients were flown to Peshawar by helicopter."
    )
    assert places(text) == {"Khar"}
    assert ("Peshawar", "destination") in roles(text)


def test_a_namesake_named_twice_in_a_longer_name_is_still_no_place():
    text = (
        "Militants fought security forces in Khyber district of Khyber "
        "Pakhtunkhwa and occupied houses near Bagh Bazaar. Mortar fire destroyed "
        "seven shops in Bagh Bazaar."
    )
    assert "Bāgh" not in places(text)


def test_a_named_persons_home_is_an_origin():
    text = (
        "Eight soldiers were martyred in Zhob. Sources named them as Sepoy Arshad "
        "and Sepoy Niaz from Bajaur."
    )
    assert places(text) == {"Zhob"}
    assert ("Bajaur", "origin") in roles(text)


def test_a_place_that_only_locates_a_named_landmark_is_not_an_attack_place():
    text = (
        "Militants attacked a police station in Mach, killing two policemen. Six "
        "bodies, of three labourers and three drivers killed by the militants, were "
        "found in Mach and at Pinjara Bridge near Dhadar."
    )
    assert places(text) == {"Mach"}
    text = "A bomb exploded at Pinjara Bridge near Dhadar, killing three people."
    assert places(text) == {"Dadhar"}


def test_counts_of_one_side_in_one_list_are_added_up():
    assert figures("Five Chinese nationals and their Pakistani driver were killed") == [
        ("civilians", "killed", 6)
    ]
    assert figures("three labourers and three truck drivers were killed") == [
        ("civilians", "killed", 6)
    ]


def test_an_aside_between_a_group_and_its_verb_is_skipped():
    assert figures(
        "left 11 people dead, and nine others, the Assistant Commissioner among "
        "them, injured"
    ) == [("unspecified", "killed", 11), ("unspecified", "injured", 9)]
    assert figures(
        "Eight militants, among them a senior commander of the banned group, were "
        "killed"
    ) == [("attackers", "killed", 8)]
    assert figures(
        "three Turkish soldiers, non-commissioned officer Muhammet Gurlek and senior "
        "sergeants Musa Saydam and Hasim Dirik, were killed"
    ) == [("security", "killed", 3)]
    assert figures(
        "three soldiers, Muhammet Gurlek, Musa Saydam and Hasim Dirik, were killed"
    ) == [("security", "killed", 3)]


def test_a_death_after_a_short_predicate():
    assert figures("Two civilians were caught in the crossfire and died") == [
        ("civilians", "killed", 2)
    ]
    assert figures("Five soldiers were deployed and killed militants") == []


def test_a_stated_toll_wins_over_a_hospitals_count():
    text = (
        "At least 44 people were killed and more than 100 wounded when a bomber "
        "struck a rally in Khar. Doctors said more than 150 injured people had "
        "been brought to the hospital."
    )
    assert counts(text)["Khar"]["injured"] == {"unspecified": 100}
    text = (
        "A bomb went off at a rally in Khar. Doctors said more than 150 injured "
        "people had been brought to the hospital."
    )
    assert counts(text)["Khar"]["injured"] == {"unspecified": 150}


def test_bodies_found_count_only_where_no_toll_is_stated():
    (bodies,) = find_figures(
        Span(
            0,
            70,
            "Six bodies, believed to be of people killed by militants, were found",
        )
    )
    assert (bodies.side, bodies.outcome, bodies.value) == ("unspecified", "killed", 6)
    assert bodies.secondary
    stated = find_figures(Span(0, 49, "four security personnel and two civilians died"))
    found = find_figures(
        Span(
            0,
            79,
            "Six bodies, of three labourers and three truck drivers killed by "
            "militants, were found",
        )
    )
    killed = tally([*stated, *found])["killed"]
    assert (killed["civilians"], killed["security"], killed["unspecified"]) == (
        2,
        4,
        None,
    )


def test_the_next_sentence_of_a_paragraph_goes_on_about_its_incident():
    text = (
        "Gunmen killed five workers at a dam site in Panjgur. Two others were "
        "wounded.\nIn Turbat, a bomb killed a policeman."
    )
    assert counts(text)["Panjgur"]["injured"] == {"unspecified": 2}


def test_the_events_figure_repeated_about_one_place_stays_the_events():
    text = (
        "The army said it killed 24 terrorists after militants attacked Mach and "
        "Turbat.\nIn Turbat, the attackers set fire to a hotel.\nSecurity forces "
        "drove the attack back, adding that 24 terrorists were killed."
    )
    extraction = extract(text)
    assert extraction.total_counts["killed"]["attackers"] == 24
    turbat = next(i for i in extraction.incidents if i.place.name == "Turbat")
    assert turbat.counts["killed"]["attackers"] is None


def test_earlier_this_week_in_the_lede_dates_the_news():
    text = (
        "The army says it killed 24 terrorists after militants attacked Mach "
        "earlier this week.\nIn a statement on Friday, the army said four soldiers "
        "were also martyred."
    )
    extraction = extract(text, published=dt.date(2024, 2, 3))
    assert extraction.background == []
    assert counts(text, published=dt.date(2024, 2, 3))["Mach"]["killed"] == {
        "attackers": 24,
        "security": 4,
    }


def test_a_district_named_only_around_the_scene_folds_into_it():
    text = (
        "Gunmen shot dead 23 passengers in the Mach area of Balochistan's Kachhi "
        "district."
    )
    assert places(text) == {"Mach"}
    text = (
        "At least 10 policemen were killed when militants attacked a police "
        "station in Kalat district. The militants struck the Mangochar police "
        "post in Mangochar tehsil."
    )
    assert "Kalat" in places(text)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        (
            "In Musakhail, the militants shot dead 23 people after checking their "
            "papers. Among the victims were truck drivers carrying coal to Punjab.",
            "civilians",
        ),
        (
            "Gunmen shot dead 23 people in Musakhail. The attackers made the "
            "passengers get off the bus and killed them where they stood.",
            "civilians",
        ),
        (
            "Armed men attacked a group in Musakhail, killing 23 people. The Levies "
            "said the men fired on labourers who had set up camp beside a road.",
            "civilians",
        ),
        (
            "Gunmen killed 23 people in Musakhail. They opened fire on farmers in "
            "their fields; many farmers died there, and several others in their homes.",
            "unspecified",
        ),
    ],
)
def test_people_whose_victims_are_named_as_civilians_are_civilians(text, side):
    assert counts(text)["Musakhel"]["killed"] == {side: 23}


def test_victims_named_as_police_do_not_move_a_count_of_people():
    text = (
        "Gunmen stormed a police station in Turbat, killing 11 people. The dead "
        "included senior police officers and soldiers."
    )
    assert counts(text)["Turbat"]["killed"] == {"unspecified": 11}


def test_the_wounded_named_later_say_who_the_others_were():
    text = (
        "At least 10 police officials were martyred and six others injured when "
        "militants attacked a police station in Kalat. The wounded policemen were "
        "taken to hospital."
    )
    assert counts(text)["Kalat"]["injured"] == {"security": 6}


def test_an_opening_while_clause_says_where_things_stood():
    text = (
        "Security forces killed five militants in Timargara. While the situation "
        "in Upper Dir was still unsettled, fighting broke out in Timargara again."
    )
    assert places(text) == {"Timargara"}


def test_a_finer_place_whose_sentence_points_back_takes_the_districts_figures():
    text = (
        "At least five people were killed when gunmen opened fire in Lower Dir "
        "district. Several of the dead were working on a road in Timargara when "
        "they were attacked. Two others were wounded."
    )
    assert counts(text) == {
        "Timargara": {"killed": {"unspecified": 5}, "injured": {"unspecified": 2}}
    }


def test_where_people_came_from_does_not_hide_their_verb():
    assert figures(
        "Two civilians from the nearby Hatnar Dara area were caught in the "
        "crossfire and died"
    ) == [("civilians", "killed", 2)]
    assert figures("Two civilians from the nearby village were killed") == [
        ("civilians", "killed", 2)
    ]


def _village_gazetteer() -> Gazetteer:
    """Upper Dir only as its seat town, a village of its district, and a town of
    another district."""

    def place(gid: int, name: str, kind: str, district: str) -> Place:
        return Place(
            gid, name, kind, 35.2, 71.9, "Khyber Pakhtunkhwa",
            GeoPrecision.TOWN, district, 30000, "PK",
        )  # fmt: skip

    return Gazetteer(
        [
            place(-1, "Upper Dir", "town", "Upper Dir"),
            place(-2, "Dobando", "village", "Upper Dir"),
            place(-3, "Timargara", "town", "Lower Dir"),
        ],
        {},
    )


def test_a_districts_seat_named_as_the_district_only_qualifies_the_village():
    text = (
        "Fighting began on Sunday night in the Dobando area of Upper Dir district, "
        "where security forces fought militants. Officials said five suspected "
        "militants were killed in the hours-long exchange, in which seven "
        "policemen were wounded.\nIn Timargara, a bomb killed a policeman."
    )
    assert counts(text, gazetteer=_village_gazetteer()) == {
        "Dobando": {"killed": {"attackers": 5}, "injured": {"security": 7}},
        "Timargara": {"killed": {"security": 1}, "injured": {}},
    }


# --- Every rule's own example ------------------------------------------------------

from components.report.asides import (  # noqa: E402
    ASIDE_RULES,
    PAST_TOLL_CLAUSE,
    earlier_asides,
)
from components.report.cues import (  # noqa: E402
    BACKGROUND_CUES,
    COMPARISON,
    CURRENT_CUES,
    SAME_TIME_CUES,
)
from components.report.figures import DISCOUNT_RULES, PHRASING_RULES  # noqa: E402
from components.report.segments import sentences  # noqa: E402
from components.report.unplaced import SLOT_RULES  # noqa: E402


@pytest.mark.parametrize("rule", SLOT_RULES, ids=lambda rule: rule.name)
def test_each_place_slot_rule_finds_its_example(rule):
    found = extract(rule.example)
    assert rule.search(rule.example), "the rule does not fire on its example"
    assert rule.expected in {u.name for u in found.unplaced}
    assert any(u.rule == rule.name for u in found.unplaced if u.name == rule.expected)


@pytest.mark.parametrize(
    "rule", BACKGROUND_CUES + CURRENT_CUES + SAME_TIME_CUES, ids=lambda rule: rule.name
)
def test_each_cue_rule_gives_its_state(rule):
    from components.report.dates import cue

    (sentence,) = sentences(rule.example)
    assert rule.search(rule.example), "the rule does not fire on its example"
    assert cue(sentence, dt.date(2026, 3, 3)) == rule.expected


@pytest.mark.parametrize("year", ["since 2010", "in years", "in more than a decade"])
def test_a_comparison_with_earlier_attacks_dates_no_earlier_event(year):
    from components.report.dates import cue

    text = f"Twenty-four CRPF men were killed in the deadliest Maoist ambush {year}."
    (sentence,) = sentences(text)
    assert COMPARISON.compiled.search(text)[0] == f"the deadliest Maoist ambush {year}"
    assert cue(sentence, dt.date(2017, 4, 24)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Since then the skirmishes have cost the lives of some 4,000 Revolutionary "
        "Guards.",
        "The group has been fighting for a decade, and thousands have died at its "
        "hands.",
        "The United Nations says hundreds of civilians in Ituri have been killed by "
        "its fighters.",
        "The country has been torn by violence from armed groups, which has left "
        "thousands dead and two million people displaced.",
        "Militant violence has climbed steeply this year: over 782 deaths have been "
        "reported.",
        "More than 6,800 people, most of them civilians, have died in a conflict "
        "marked by weekly bombings and shootings.",
    ],
)
def test_a_campaign_s_toll_of_thousands_is_background(text):
    from components.report.dates import cue

    (sentence,) = sentences(text)
    assert cue(sentence, dt.date(2020, 3, 3)) == "background"


def test_a_clause_on_the_place_s_past_after_a_semicolon_does_not_date_the_news():
    from components.report.dates import cue

    text = (
        "The raid took place in Huyum at about 13:00 GMT on Monday; the militants "
        "had struck the district again and again over recent weeks."
    )
    (sentence,) = sentences(text)
    assert cue(sentence, dt.date(2015, 6, 30)) != "background"
    earlier = "Militants struck the district over recent weeks; the raid was on Monday."
    (sentence,) = sentences(earlier)
    assert cue(sentence, dt.date(2015, 6, 30)) == "background"


def test_an_earlier_toll_a_sentence_ends_on_needs_no_comma():
    text = (
        "Five police officers died on Thursday when their vehicle struck a roadside "
        "bomb, in an attack claimed by al-Shabab a day after nine police were killed "
        "in similar blasts."
    )
    (sentence,) = sentences(text)
    assert [a.text for a in earlier_asides(sentence)] == [
        "a day after nine police were killed in similar blasts"
    ]


def test_the_killing_an_attack_was_retaliation_for_is_an_earlier_event():
    text = (
        "The party said it was responsible for the clash in Mariwan, which was its "
        "retaliation for its latest martyrs and for the assassination of one of its "
        "members in Penjwen."
    )
    (sentence,) = sentences(text)
    assert [a.text for a in earlier_asides(sentence)] == [
        "its retaliation for its latest martyrs and for the assassination of one of "
        "its members in Penjwen"
    ]


@pytest.mark.parametrize(
    "rule", [*ASIDE_RULES, PAST_TOLL_CLAUSE], ids=lambda rule: rule.name
)
def test_each_aside_rule_finds_its_earlier_attack(rule):
    (sentence,) = sentences(rule.example)
    assert rule.search(rule.example), "the rule does not fire on its example"
    assert [a.text for a in earlier_asides(sentence)] == [rule.expected]


@pytest.mark.parametrize("rule", PHRASING_RULES, ids=lambda rule: rule.name)
def test_each_figure_phrasing_gives_its_figure(rule):
    assert rule.expected in figures(rule.example)


@pytest.mark.parametrize("rule", DISCOUNT_RULES, ids=lambda rule: rule.name)
def test_each_discount_rule_takes_its_example_s_count_out_of_the_toll(rule):
    text = rule.example
    fires = any(rule.search(text[:end]) for end in range(len(text) + 1))
    assert fires, "the rule does not fire on its example"
    found = [
        f for f in find_figures(Span(0, len(text), text)) if f.value == rule.expected
    ]
    if rule.value == "dropped":
        assert found == []
    else:
        assert found
        assert all(f.secondary for f in found)


def test_a_name_said_to_lie_near_the_scene_tells_the_scene_more_finely():
    text = (
        "QUETTA - Terrorists struck a Levies checkpost in the Sanjawi area of Ziarat "
        "district on Wednesday, and at least six Levies personnel lost their lives.\n\n"
        "The deputy commissioner said the terrorists opened fire on the Levies "
        "checkpost at Lal Khatai, near the Sanjawi area of Ziarat."
    )
    found = extract(text, published=dt.date(2019, 3, 21))
    assert [
        (i.place_reported, i.counts["killed"]["security"]) for i in found.incidents
    ] == [("Lal Khatai", 6)]


def test_the_same_day_is_the_day_the_text_last_named():
    text = (
        "DERA ISMAIL KHAN: A terror attack on an oil company in Drazanda on Tuesday "
        "morning left two policemen martyred.\n\n"
        "On Sunday, security personnel beat back an attack on the Gul Imam Police "
        "Station in Tank. One police constable was injured in the attack.\n\n"
        "The armed militants attacked the police station, which led to an exchange "
        "of fire.\n\n"
        "The same day, a terrorist attack on a checkpost in Kulachi left another "
        "policeman injured."
    )
    found = extract(text, published=dt.date(2023, 11, 7))
    assert "Kulachi" not in {i.place_reported for i in found.incidents}
    assert any("Kulachi" in b.evidence.sentence for b in found.background)


def test_others_opening_a_clause_are_more_of_the_people_before():
    found = counts(
        "Terrorists struck the police station in Turbat, and at least four "
        "policemen were martyred while four others were wounded."
    )
    assert found["Turbat"] == {"killed": {"security": 4}, "injured": {"security": 4}}


def test_a_residents_estimate_after_a_relative_clause_is_secondary():
    found = counts(
        "At least 70 people were killed overnight when a funeral in Turbat was "
        "attacked. A resident who had come back and joined the search for bodies "
        "in Turbat said 102 people had been killed."
    )
    assert found["Turbat"]["killed"] == {"unspecified": 70}


def test_a_person_named_by_rank_after_the_toll_is_one_of_those_counted():
    found = extract(
        "One police officer was killed and five others were wounded on Monday in a "
        "suicide attack on a police mobile in Turbat, authorities said.\n\n"
        "District Police Officer Nazir Khan said Head Constable Alauddin was "
        "martyred when the attacker set off his explosives.\n\n"
        "In a separate incident, Constable Muhammad Tariq was shot dead in Sarangi "
        "Adda, Bannu, as he travelled to work.",
        published=dt.date(2025, 12, 1),
    )
    assert found.total_counts["killed"]["security"] is None
    assert [i.counts["killed"]["security"] for i in found.incidents] == [1, 1]


def test_a_death_among_the_wounded_leaves_the_wounded_count():
    found = counts(
        "Gunmen attacked a police patrol in Turbat, wounding two police officers. "
        "The two wounded were taken to medical centres, but one of them died of "
        "his injuries, the statement said."
    )
    assert found["Turbat"]["injured"] == {"security": 1}


def test_others_after_people_of_two_sides_are_of_neither():
    found = counts(
        "Gunmen attacked a police station in Turbat. Two policemen and three "
        "civilians died in the attack, and four others were wounded."
    )
    assert found["Turbat"]["injured"] == {"unspecified": 4}


def test_as_many_of_them_with_a_noun_counts_that_many_of_those_people():
    found = counts(
        "At least six people, three of them soldiers and as many of them "
        "children, were killed in a suicide blast in Turbat."
    )
    assert found["Turbat"]["killed"] == {"security": 3, "civilians": 3}


def test_a_line_all_in_capitals_gives_no_unknown_place():
    text = (
        "SOLDIER KILLED IN SWA FIRING\n\nA security man was killed on Thursday when "
        "terrorists attacked a checkpost in South Waziristan."
    )
    assert not extract(text).unplaced


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Gunmen fired on a vehicle close to the entrance of a Kurdish town in "
            "West Azerbaijan province, killing three guards.",
            "Kurdish",
        ),
        ("Three guards die near Kurdish city as clashes multiply", "Kurdish"),
        (
            "Al-Shabaab fighters attacked an African Union base in Gedo, killing "
            "four soldiers.",
            "African Union",
        ),
    ],
)
def test_a_peoples_adjective_or_a_kind_of_place_is_no_unknown_place(text, kind):
    assert kind not in {u.name for u in extract(text).unplaced}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "In another incident, two gunmen killed a senior officer of the police "
            "in Quetta.",
            {("killed", "security", 1)},
        ),
        (
            "Three militants killed two policemen in Quetta on Monday.",
            {("killed", "security", 2)},
        ),
        (
            "Two gunmen killed in encounter with police in Quetta.",
            {("killed", "attackers", 2)},
        ),
        (
            "The attacks left five soldiers and three civilians dead over the "
            "weekend in Quetta.",
            {("killed", "security", 5), ("killed", "civilians", 3)},
        ),
    ],
)
def test_people_counted_before_a_verb_with_an_object_did_the_killing(text, found):
    read = extract(text)
    figures = [f for i in read.incidents for f in i.figures] + list(read.totals)
    assert {(f.outcome, f.side, f.value) for f in figures} == found


def test_a_title_and_a_persons_name_are_no_part_of_an_unknown_place():
    text = (
        "The attack began at midnight near Chilas, Diamer SSP Abdul Hameed said, "
        "when gunmen opened fire on the post, killing two soldiers."
    )
    names = {u.name for u in extract(text).unplaced}
    assert not any("SSP" in name or "Hameed" in name for name in names)


@pytest.mark.parametrize("town", ["Nowshera", "Chilas", "Khanewal", "Alpurai"])
def test_a_district_seat_with_no_population_given_is_read(town):
    text = f"Gunmen attacked a police post in {town} on Monday, killing two policemen."
    assert town in {i.place.name for i in extract(text).incidents}


def test_the_news_that_came_a_day_after_an_earlier_attack_is_still_the_news():
    text = (
        "BAGHDAD - A suicide car bomber hit a market in a city in northern Iraq "
        "yesterday, killing six people.\n\nThe bombing in Tal Afar, a mostly "
        "Turkomen city, came a day after a suicide car bomber attacked a convoy in "
        "Baghdad that was carrying Ahmad Chalabi, a former deputy prime minister. "
        "Chalabi was not hurt, but six people died, five of them his bodyguards.\n\n"
        "The market was busy with shoppers buying food for the evening meal that "
        "ends the day's fast in Ramadan, the Islamic holy month."
    )
    read = extract(text)
    assert [i.place_reported for i in read.incidents] == ["Tal Afar"]
    assert read.incidents[0].counts["killed"]["unspecified"] == 6
    assert not {"Turkomen", "Ramadan"} & {u.name for u in read.unplaced}


def test_a_capitalised_department_is_an_office_and_a_lower_case_one_an_area():
    office = (
        "Al Shabaab said it was behind the attack on the Hotel Sahafi, close to "
        "where the Criminal Investigations Department has its headquarters."
    )
    area = "Gunmen killed 12 villagers in the Koutougou department on Sunday."
    assert "Criminal Investigations" not in {u.name for u in extract(office).unplaced}
    assert "Koutougou" in {u.name for u in extract(area).unplaced}


def test_a_town_a_village_lies_to_the_east_of_is_a_reference():
    text = (
        "At least eight people were killed outside a church on Sunday in "
        "Kwamjilari, a village lying some 30 kilometers to the east of Chibok town."
    )
    read = extract(text)
    assert "Chibok" not in {i.place.name for i in read.incidents}
    assert "Chibok" in {m.place.name for m in read.other_places}


def test_attacks_beaten_back_in_recent_weeks_are_background():
    from components.report.dates import cue

    text = (
        "In recent weeks several attacks have been beaten back in the Tank and "
        "Lakki Marwat districts."
    )
    (sentence,) = sentences(text)
    assert cue(sentence, dt.date(2023, 5, 3)) == "background"


def test_an_answer_to_the_news_own_killing_is_no_earlier_event():
    text = (
        "Troops launched an operation in Turbat on Monday in response to the "
        "killing of the four soldiers."
    )
    (sentence,) = sentences(text)
    assert earlier_asides(sentence) == []


def test_a_weekday_s_attacks_in_the_plural_date_the_news():
    from components.report.cues import DAYS_ATTACK

    assert DAYS_ATTACK.search("the group said it had staged Thursday's attacks")


def test_an_earlier_operation_an_attack_answered_is_background():
    from components.report.dates import cue

    text = (
        "He said the attack answered the recent operation by Kenyan forces in which "
        "11 members of the group were killed."
    )
    (sentence,) = sentences(text)
    assert cue(sentence, dt.date(2015, 7, 7)) == "background"


def test_a_superintendent_of_police_by_initials_is_counted():
    text = "Three people, among them an SSP and two soldiers, were killed on Tuesday."
    assert [(f.outcome, f.value) for f in find_figures(Span(0, len(text), text))] == [
        ("killed", 3)
    ]
