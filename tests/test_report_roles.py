"""Place roles: every rule of ``role_rules.ROLE_RULES`` gives its example's place its
role, by itself and through the whole reader."""

import datetime as dt

import pytest

from components.gazetteer import default_gazetteer
from components.report import extract
from components.report.name_model import NAME_RULE
from components.report.places import find_places
from components.report.role_rules import ROLE_RULES, role_of
from components.report.roles import INCIDENT, STATEMENT, RoleRule
from components.report.segments import plain, sentences


def _context(rule: RoleRule) -> tuple[str, str, bool]:
    """The words before and after the rule's place in its example, as the reader
    cuts them (within the sentence, 80 characters before, 60 after)."""
    text = plain(rule.example)
    for sentence in sentences(text):
        at = sentence.text.find(rule.place)
        if at >= 0:
            start = sentence.start + at
            end = start + len(rule.place)
            before = text[max(sentence.start, start - 80) : start]
            after = text[end : min(sentence.end, end + 60)]
            lede = sentence.first_in_paragraph and sentence.paragraph <= 2
            return before, after, lede
    raise AssertionError(f"{rule.place!r} is not in the example")


@pytest.mark.parametrize("rule", ROLE_RULES, ids=lambda rule: rule.name)
def test_each_role_rule_fires_on_its_example(rule):
    before, after, lede = _context(rule)
    assert rule.fires(before, after, lede), "the rule does not fire on its example"
    assert role_of(before, after, lede) == (rule.role, rule.name), (
        "an earlier rule of the table takes the example"
    )


@pytest.mark.parametrize("rule", ROLE_RULES, ids=lambda rule: rule.name)
def test_each_role_rule_gives_its_role_through_the_reader(rule):
    found = extract(rule.example)
    reported = {incident.place_reported for incident in found.incidents}
    if rule.role == INCIDENT:
        assert rule.place in reported
        return
    assert rule.place not in reported
    roles = {m.text: m.role for m in found.other_places}
    assert roles.get(rule.place) == rule.role


def test_a_name_no_rule_fires_for_is_an_incident_name():
    assert role_of("Gunmen opened fire in ", " on Tuesday", False) == (INCIDENT, "")


def test_a_colon_after_a_capitalised_word_deep_in_the_text_is_no_dateline():
    before, after = "", ": Gunmen attacked a post."
    assert role_of(before, after, True)[0] == "dateline"
    assert role_of(before, after, False)[0] == INCIDENT


def test_an_agency_dateline_with_its_country_in_brackets_is_a_dateline():
    found = extract(
        "Tehran [Iran], December 19 (ANI): Four soldiers were killed in an attack "
        "in Saravan county on Monday."
    )
    assert {i.place_reported for i in found.incidents} == {"Saravan"}
    assert {m.text: m.role for m in found.other_places}["Tehran"] == "dateline"


def test_a_city_and_its_country_before_a_dash_a_few_lines_down_is_a_dateline():
    found = extract(
        "Mali: two soldiers killed in jihadist attack\n\n13 February 2022\n\n"
        "Voice of America\n\nBamako, Mali \u2014 Jihadists attacked an army post in "
        "northern Mali on Sunday, and two soldiers died. The post at Niafunke was "
        "struck before dawn."
    )
    assert {i.place_reported for i in found.incidents} == {"Niafunke"}
    assert {m.text: m.role for m in found.other_places}["Bamako"] == "dateline"


@pytest.mark.parametrize("agency", ["(AFP):", "(Reuters) -", "(Xinhua) --"])
def test_a_city_and_a_news_agency_a_few_lines_down_is_a_dateline(agency):
    found = extract(
        "Jihadists kill four soldiers in northern Mali\n\nBy AFP | Apr 18, 2017\n\n"
        "Photo caption: Malian troops on patrol in 2015.\n\n"
        f"Bamako {agency} Four Malian soldiers were killed on Tuesday when "
        "jihadists attacked an army camp at Niafunke."
    )
    assert {i.place_reported for i in found.incidents} == {"Niafunke"}
    assert {m.text: m.role for m in found.other_places}["Bamako"] == "dateline"


def test_an_official_of_a_place_near_which_the_attack_happened_names_the_scene():
    before = "According to Hayatullah Ameri, chief of "
    after = " district, near which the attack happened, one policeman survived."
    assert role_of(before, after, False)[0] == INCIDENT


@pytest.mark.parametrize("verb", ["escaped", "ran away", "fled"])
def test_where_a_witness_escaped_to_is_a_destination(verb):
    before = f"Bukar Zira, who {verb} to "
    after = ", the commercial hub of neighbouring Adamawa State, said"
    assert role_of(before, after, False)[0] == "destination"


def test_an_operation_carried_out_in_a_place_is_no_patient_carried_there():
    before = "the blast happened while troops were carrying out an operation in the "
    assert role_of(before, " area.", False)[0] == INCIDENT
    before = "The clash, taking place in "
    assert role_of(before, ", left two dead.", False)[0] == INCIDENT


def test_a_vehicle_carrying_people_in_a_place_was_there_not_bound_for_it():
    before = "Militants ambushed the vehicle carrying the lawmen in the "
    assert role_of(before, " area of Turbat.", False)[0] == INCIDENT
    before = "the ambulances carrying the wounded to a hospital in "
    assert role_of(before, " were stopped.", False)[0] == "destination"


def test_a_mayor_of_a_town_and_a_base_of_a_force_speak_for_it():
    before = "killed the village leader and a former mayor of the town of "
    assert role_of(before, ", who lived in the village.", False)[0] == "statement"
    before = "the Southeast "
    assert role_of(before, " Base of the IRGC said.", False)[0] == "statement"
    before = "Militants attacked the "
    assert role_of(before, " base on Sunday.", False)[0] == INCIDENT


def _incidents(text: str) -> dict[str, dict]:
    return {
        i.place_reported: {
            "kind": i.place.kind,
            "killed": {k: v for k, v in i.counts["killed"].items() if v is not None},
        }
        for i in extract(text).incidents
    }


def test_a_place_name_inside_a_persons_name_is_no_place():
    text = (
        "Gunmen killed six labourers in Turbat. Interim Chief Minister Ali Mardan "
        "Khan Domki condemned the killings."
    )
    assert set(_incidents(text)) == {"Turbat"}


def test_a_place_named_after_another_to_say_where_it_lies_qualifies_it():
    text = (
        "An Iraqi officer said ISIS fighters attacked the town of Dibis in Kirkuk, "
        "killing two Iraqi soldiers."
    )
    found = _incidents(text)
    assert found["Dibis"]["killed"] == {"security": 2}
    assert "Kirkuk" not in found


def test_a_list_of_names_before_regions_names_regions_not_their_towns():
    text = (
        "Three attacks in Niger's Tillaberi, Diffa and Dosso regions left 32 people "
        "dead on Sunday. At Niaktire, in Torodi department, 27 soldiers were killed."
    )
    extraction = extract(text)
    kinds = {i.place.name: i.place.kind for i in extraction.incidents}
    assert all(kinds.get(name) != "town" for name in ("Diffa", "Dosso"))
    assert not any(
        i.place.name in ("Diffa", "Dosso") and not i.event_wide
        for i in extraction.incidents
    )


def test_a_province_s_minister_is_no_attack_place():
    text = (
        "A blast wounded nine people in Pishin on Sunday. Balochistan Chief "
        "Minister Jam Kamal Khan expressed grief over the blast."
    )
    extraction = extract(text)
    assert [i.place_reported for i in extraction.incidents] == ["Pishin"]


def test_where_a_named_cleric_or_leader_works_is_no_attack_place():
    text = (
        "Gunmen shot dead a police officer near his house on Friday in "
        "Sistan-Baluchestan. Abdolghaffar Naghshbandi, a former Friday prayers "
        "leader in Rask, alleged in a tweet that the officer had harassed people."
    )
    extraction = extract(text)
    assert "Rask" not in [i.place_reported for i in extraction.incidents]


def test_a_regional_police_officer_named_for_a_town_is_no_attack_place():
    text = (
        "Militants attacked a police check post in the northwest on Thursday, "
        "killing three policemen.\n\nThe attackers sprayed the Bahadur Khel check "
        "post in Karak district with gunfire.\n\nFuneral prayers for the three "
        "policemen were offered at the Karak Police Lines, attended by Kohat "
        "Regional Police Officer Abbas Majeed."
    )
    extraction = extract(text)
    assert "Kohat" not in [i.place_reported for i in extraction.incidents]


def test_a_commissioner_of_a_district_speaks_for_it():
    role, _ = role_of(
        '"They came in hundreds," the deputy commissioner of ', " district said.", False
    )
    assert role != INCIDENT


def test_speaking_to_the_media_in_the_capital_is_where_an_official_spoke():
    before = "Speaking to local media in the capital "
    assert role_of(before, ", the army chief confirmed the assault.", False)[0] == (
        "statement"
    )


def test_a_radio_station_and_a_villages_civil_society_speak_for_their_place():
    assert role_of("He told colleagues at Radio Moto ", " that", False)[0] == (
        "statement"
    )
    before = "The civil society of the village of "
    assert role_of(before, " said six bodies were found.", False)[0] == "statement"


def test_where_displaced_people_are_now_and_a_government_seated_there_are_no_scenes():
    before = "About 1,000 people need aid: 450 of them are in "
    assert role_of(before, " town and the rest on islands.", False)[0] == (
        "destination"
    )
    before = "attacks meant to weaken the government in "
    assert role_of(before, ".", False)[0] == "statement"


def test_a_capital_that_blames_or_says_is_no_attack_place():
    found = extract(
        "Gunmen killed two policemen in Zhob on Monday. Islamabad blamed militants "
        "sheltering across the border."
    )
    assert {i.place_reported for i in found.incidents} == {"Zhob"}
    assert {m.text: m.role for m in found.other_places}["Islamabad"] == "statement"


def test_a_place_a_road_runs_by_is_no_attack_place():
    found = extract(
        "Gunmen shot dead four labourers at Kharan on Wednesday. The road will join "
        "Kharan to the RCD Highway by way of the Dalbandin area."
    )
    assert "Dalbandin" not in {i.place_reported for i in found.incidents}
    assert {m.text: m.role for m in found.other_places}["Dalbandin"] == "reference"


def test_a_road_a_new_road_joins_past_an_aside_is_no_attack_place():
    found = extract(
        "Four labourers building a road to join Kharan, a remote district of "
        "Balochistan, to the Quetta-Taftan highway were shot dead at Shiktaak."
    )
    assert {m.text: m.role for m in found.other_places}["Quetta-Taftan"] == (
        "reference"
    )


def test_the_post_a_team_set_out_from_is_no_attack_place():
    found = extract(
        "Militants killed six policemen in the Kurrum Par area of Lakki Marwat on "
        "Wednesday. A team from the Abbas police checkpost was travelling to a cattle "
        "market when the militants fired on its van."
    )
    assert "Abbas" not in {i.place_reported for i in found.incidents}
    assert "Abbas" not in [u.name for u in found.unplaced if u.incident]


def test_a_province_s_caretaker_chief_minister_speaks_for_it():
    found = extract(
        "Six soldiers were martyred in an exchange of fire in Wana on Tuesday. "
        "Khyber Pakhtunkhwa's caretaker chief minister offered condolences."
    )
    roles = {m.text: m.role for m in found.other_places}
    assert roles["Khyber Pakhtunkhwa"] == "statement"


def test_both_sides_of_a_border_an_attack_was_on_are_no_attack_places():
    found = extract(
        "Gunmen killed nine passengers on Thursday in the Sur-Dakai area, on the "
        "border between the Zhob and Loralai districts of Balochistan."
    )
    roles = {m.text: m.role for m in found.other_places}
    assert roles["Zhob"] == roles["Loralai"] == "reference"


def test_the_police_of_places_that_acted_after_an_attack_are_no_attack_places():
    found = extract(
        "Gunmen attacked a checkpost in Lachi on Friday, killing two policemen. "
        "Kohat and Karak police then launched a search operation in the hills."
    )
    assert {i.place_reported for i in found.incidents} == {"Lachi"}


def test_the_areas_a_region_takes_in_are_no_attack_places():
    found = extract(
        "Rebels ambushed a convoy near Tintaypunco in Huancavelica, Peru, on "
        "Thursday, killing 12 soldiers. The army has run an operation since August "
        "in the VRAE region, which takes in the provinces of Junin, Ayacucho and "
        "Cusco."
    )
    assert {m.text: m.role for m in found.other_places}["Junin"] == "reference"
    assert "Cusco" not in {i.place_reported for i in found.incidents}


def test_where_one_official_spoke_is_no_attack_place():
    found = extract(
        "KABUL (AP) — A provincial official in Herat says the Taliban attacked a "
        "police checkpoint in Shindand, killing a policeman."
    )
    assert [i.place_reported for i in found.incidents] == ["Shindand"]


def test_the_ends_of_works_between_two_places_are_no_attack_places():
    found = extract(
        "RAIPUR: Two jawans were killed in an IED blast near Bodli in Jagdalpur "
        "district.\n\nThe team was out to give security cover to road building "
        "between Malewahi and Bodili camp when the Maoists ambushed it."
    )
    assert [i.place_reported for i in found.incidents] == ["Bodli"]


def test_where_a_curfew_was_imposed_is_no_attack_place_nor_its_day():
    import datetime as dt

    text = (
        "Five soldiers were killed when terrorists attacked a check post in Sara "
        "Rogha late on Thursday night.\n\n"
        "After an attack on security forces, the district administration imposed a "
        "curfew in Wana and nearby areas on Wednesday."
    )
    found = extract(text, published=dt.date(2021, 2, 20))
    assert "Wana" not in {i.place_reported for i in found.incidents}
    assert found.date == dt.date(2021, 2, 18)


def test_where_the_victims_families_were_visited_is_no_attack_place():
    text = (
        "Gunmen killed six Levies personnel in Jiwani on Thursday. On a condolence "
        "visit to the victims' families in Turbat, the minister called the attack "
        "barbaric."
    )
    found = extract(text)
    assert {i.place_reported for i in found.incidents} == {"Jiwani"}


def test_an_age_then_also_of_a_town_is_a_home_town():
    text = (
        "Eleven soldiers were martyred in a gun battle in Orakzai district, among "
        "them Major Tayyab Rahat, 33, also of Rawalpindi."
    )
    found = extract(text)
    assert "Rawalpindi" not in {i.place_reported for i in found.incidents}


def test_where_the_attack_was_reported_and_the_head_of_a_village_are_no_scenes():
    text = (
        "The village head of kusu Village of Geidam told the police station in "
        "Giedam that gunmen attacked Zairam Village and fired on innocent "
        "civilians, killing four."
    )
    found = extract(text)
    names = {u.name: u for u in found.unplaced}
    assert names["Zairam"].incident
    assert not names["Giedam"].incident
    assert "Geidam" not in {i.place_reported for i in found.incidents}


@pytest.mark.parametrize(
    "text",
    [
        "Militants ambushed a convoy on the edge of Tump, about 150-km from Quetta, "
        "killing two soldiers.",
        "Militants ambushed a convoy in Gogdan, about 150-km from Quetta, killing "
        "two soldiers.",
    ],
)
def test_a_place_a_named_scene_is_a_distance_from_is_a_reference(text):
    found = extract(text)
    assert "Quetta" not in {i.place_reported for i in found.incidents}
    assert [u.name for u in found.unplaced if u.incident] in (["Tump"], ["Gogdan"])


def test_the_base_soldiers_were_going_back_to_is_no_attack_place():
    text = (
        "Rebels attacked a convoy of soldiers in Tump as they were returning to "
        "their headquarters in Turbat, killing eleven soldiers."
    )
    found = extract(text)
    assert "Turbat" not in {i.place_reported for i in found.incidents}


def test_a_news_agency_named_for_a_province_is_no_attack_place():
    text = (
        "Gunmen shot dead a policeman in Iranshahr on Sunday.\n\n"
        "According to the Fars News Agency, bandits carried out the attack; other "
        "reports say that a local teacher also died in the incident."
    )
    found = extract(text)
    assert {i.place_reported for i in found.incidents} == {"Iranshahr"}


def test_where_militants_were_setting_up_bases_is_no_attack_place():
    text = (
        "Three policemen were killed on Friday when militants ambushed them in "
        "Banisa, Mandera.\n\n"
        "The attack comes after reports that the militants were setting up bases in "
        "parts of Mandera and Lamu counties to prepare attacks."
    )
    found = extract(text, published=dt.date(2021, 5, 22))
    assert "Lamu" not in {i.place_reported for i in found.incidents}


def test_where_the_attackers_fled_towards_is_no_attack_place():
    text = (
        "Gunmen killed two policemen in Mastung on Monday. Police said the attackers "
        "fled towards Kalat."
    )
    found = extract(text, published=dt.date(2025, 1, 7))
    assert {i.place_reported for i in found.incidents} == {"Mastung"}


def test_the_camps_a_scene_lies_between_and_a_patrol_set_out_from_are_no_scenes():
    found = extract(
        "RAIPUR: Two members of CoBRA, the jungle warfare unit of the CRPF, were "
        "killed when Maoists blew up their truck in Sukma district.\n\n"
        "The blast went off near Timmapuram village, between the security forces' "
        "camps at Silger and Tekalgudem.\n\nThe party had set out on patrol from "
        "the Silger camp towards Tekalgudem.",
        published=dt.date(2024, 6, 24),
    )
    assert [i.place_reported for i in found.incidents] == ["Timmapuram"]
    assert found.incidents[0].counts["killed"]["security"] == 2
    assert "CoBRA" not in {u.name for u in found.unplaced}


def test_a_people_s_villages_are_no_place_of_their_own():
    found = extract(
        "MAIDUGURI: ISWAP fighters shot 13 farmers on Saturday in Goni Kurmi village, "
        "in the Bama Local Government Area of Borno State.\n\nA witness said the "
        "fighters also shot into Kanuri villages as they pulled back.",
        published=dt.date(2022, 6, 19),
    )
    assert [i.place_reported for i in found.incidents] == ["Goni Kurmi"]
    # no slot rule reads it as a place (the place-name model may list it)
    assert "Kanuri" not in {u.name for u in found.unplaced if u.rule != NAME_RULE}


@pytest.mark.parametrize(
    ("text", "published", "scenes"),
    [
        pytest.param(
            "Gunmen halted buses running between Karachi and Gwadar and shot dead 14 "
            "passengers in Ormara on Thursday.",
            dt.date(2019, 4, 18),
            ["Ormara"],
            id="the near end of a route buses run between",
        ),
        pytest.param(
            "DERA ISMAIL KHAN: Three policemen were martyred on Wednesday when an IED "
            "hit their vehicle in Kulachi.\n\nThe DPO was briefed on the attack by "
            "Paharpur SP Syed Asad Ali Shah and the Kulachi DSP.",
            dt.date(2025, 12, 3),
            ["Kulachi"],
            id="a superintendent named for a place",
        ),
        pytest.param(
            "QUETTA: Four soldiers were killed on Sunday when gunmen ambushed them in "
            "Mastung.\n\nAn official said their bodies were now at the FC "
            "headquarters in Quetta.",
            dt.date(2024, 3, 17),
            ["Mastung"],
            id="where the bodies are",
        ),
        pytest.param(
            "Police said a constable was martyred when terrorists attacked a "
            "checkpost in Bara.\n\nThe prayers for the martyred constable, "
            "meanwhile, were offered at the Police Lines in Peshawar, attended by "
            "officials.",
            dt.date(2023, 5, 8),
            ["Bara"],
            id="where prayers for the dead were offered",
        ),
    ],
)
def test_places_named_for_what_was_not_the_attack_are_no_scenes(
    text, published, scenes
):
    found = extract(text, published=published)
    assert [i.place_reported for i in found.incidents] == scenes


def test_a_hideout_the_forces_raided_is_the_scene():
    text = (
        "Police said 22 troops were killed on Saturday in a gunbattle with Maoist "
        "rebels in the forests of Chhattisgarh, India. The fighting broke out when "
        "the security forces raided a rebel hideout in Bijapur district."
    )
    found = extract(text, published=dt.date(2021, 4, 4))
    assert [i.place.name for i in found.incidents] == ["Bījāpur"]


def test_a_city_named_before_its_police_officer_is_where_he_serves():
    found = extract(
        "Police said a constable was martyred when terrorists attacked a checkpost "
        "in Bara.\n\nMany officials, among them Peshawar Capital City Police "
        "Officer (CCPO) Mohammad Ijaz Khan, met the family.",
        published=dt.date(2023, 5, 8),
    )
    roles = {p["name"]: p["role"] for p in found.as_json()["not_incident_places"]}
    assert roles == {"Peshawar": "statement"}


@pytest.mark.parametrize(
    ("told", "witness_place"),
    [
        (
            "A local resident in the nearby town of Kaya told AFP by telephone, "
            "citing people who had fled, that the attack began on Saturday.",
            "Kaya",
        ),
        (
            "A woman in Djibo who asked not to be named said the gunmen had killed "
            "her brother in the attack.",
            "Djibo",
        ),
    ],
)
def test_where_a_witness_who_spoke_is_is_no_scene(told, witness_place):
    text = (
        "Security sources said on Tuesday that at least 10 men had been killed in "
        "an attack on the village of Silgadji in Burkina Faso.\n\n" + told
    )
    found = extract(text, published=dt.date(2020, 1, 27))
    assert witness_place not in {i.place_reported for i in found.incidents}


@pytest.mark.parametrize("dash", ["\u2014", "\u2013", "-"])
def test_a_dateline_of_two_cities_and_a_dash_is_no_scene(dash):
    text = (
        f"CAIRO AND TEHRAN {dash} A suicide bomber on Sunday killed six Guard "
        "commanders in a gymnasium in the city of Pisheen in Sistan-Baluchistan."
    )
    found = extract(text, published=dt.date(2009, 10, 19))
    assert "TEHRAN" not in {i.place_reported for i in found.incidents}
    assert {m.text: m.role for m in found.other_places}.get("TEHRAN") == "dateline"


def test_the_towns_of_the_hospitals_the_wounded_were_moved_to_are_no_scenes():
    text = (
        "At least 20 people were killed on Thursday in a suicide blast at Dargah "
        "Fatehpur Sharif near the Gandawa area of Jhal Magsi district.\n\n"
        "The bodies and the injured were moved to nearby hospitals, among them "
        "those of Sibi and Nasirabad.\n\n"
        "The health minister ordered an emergency at district hospitals, including "
        "those of Jhal Magsi, Nasirabad, Jaffarabad and Sibi."
    )
    found = extract(text, published=dt.date(2017, 10, 6))
    assert {i.place_reported for i in found.incidents} == {"Fatehpur Sharif"}


@pytest.mark.parametrize(
    ("text", "published", "not_scenes"),
    [
        pytest.param(
            "At least five people were killed on Sunday when a bomb derailed the "
            "Jaffar Express near Dera Murad Jamali.\n\nThe train runs between "
            "Quetta and Peshawar.",
            dt.date(2019, 3, 18),
            {"Quetta", "Peshawar"},
            id="the ends of the route a train runs",
        ),
        pytest.param(
            "On Saturday a police officer was shot dead in Charsadda by armed "
            "men.\n\nThe victim was named as Bilal, a constable posted to the "
            "Munda Headworks Police Post in Tangi.",
            dt.date(2022, 10, 22),
            {"Tangi", "Munda Headworks"},
            id="where a victim was posted",
        ),
        pytest.param(
            "LOWER WAZIRISTAN/PESHAWAR: Terrorists attacked a police station in "
            "the Raghzai area of Lower Waziristan tribal district on Tuesday night, "
            "martyring two constables.\n\nOn the protest by Wana college students, "
            "the ANP provincial president said the students were",
            dt.date(2022, 11, 9),
            {"Wana"},
            id="people named for their place",
        ),
        pytest.param(
            "KABUL, Afghanistan -- A suicide bomber struck a police checkpoint in "
            "eastern Afghanistan on Saturday, killing 11 people.\n\nThe bombing in "
            "Khowst province came on the eve of a NATO summit in Chicago, where "
            "the alliance will plan the winding down of the war.",
            dt.date(2012, 5, 19),
            {"Chicago"},
            id="where a summit is held",
        ),
    ],
)
def test_a_place_named_for_another_reason_is_no_scene(text, published, not_scenes):
    found = extract(text, published=published)
    names = {i.place_reported for i in found.incidents}
    names |= {u.name for u in found.unplaced if u.incident}
    assert names & not_scenes == set()


def test_where_a_vehicle_carried_troops_back_from_is_no_attack_place():
    before = (
        "The Maoists struck a vehicle carrying jawans back from a combing operation "
        "they had completed near "
    )
    assert role_of(before, " forest.", False) == (
        "origin",
        "where people were coming back from",
    )


def test_a_news_agency_that_speaks_again_is_not_a_place_of_the_attack():
    text = plain(
        "The Mehr news agency reported that a member of the IRGC was killed in a "
        "shootout in the Kurdistan province on April 24.\n\n"
        "In this latest incident, Mehr said, \u201canti-revolutionary troublemakers"
        "\u201d opened fire at a spot close to the town of Kamiaran in Kurdistan."
    )
    found, _ = find_places(text, list(sentences(text)), default_gazetteer())
    assert [m.role for m in found if m.text == "Mehr"] == [STATEMENT, STATEMENT]


@pytest.mark.parametrize("distance", ["thirty kilometers", "30 km", "a few miles"])
def test_a_distance_in_words_or_digits_makes_a_reference(distance):
    text = (
        "Burkina Faso: civilians killed in the Centre-East region\n\n"
        "Early on Sunday, armed men turned on the population of the rural commune "
        f"of Bané. The commune lies about {distance} from Tenkodogo, killing twenty "
        "people."
    )
    found = extract(text, published=dt.date(2024, 3, 11))
    assert "Tenkodogo" not in {i.place.name for i in found.incidents}
    assert "Tenkodogo" in {m.place.name for m in found.other_places}
