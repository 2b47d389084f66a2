"""The report extractor: incidents, figures by side, totals and background."""

import datetime as dt
import json
from pathlib import Path

import pytest

from components.domain.vocabularies import GeoPrecision
from components.report import (
    MAX_REPORT_CHARS,
    decode_report,
    extract,
    html_to_text,
    parse_number,
    plain,
)
from components.report.__main__ import main
from components.support.errors import ReportError
from tests.conftest import SEED_REPORT, TEST_DATA

PHRASINGS = json.loads((TEST_DATA / "reports" / "phrasings.json").read_text())
TURBAT_PANJGUR = (
    "Gunmen attacked a police station in Turbat on 3 March 2026, killing 4 "
    "policemen; a bomb near a bank in Panjgur injured 7 civilians."
)


def incidents(text: str) -> dict[str, dict]:
    """Each incident's JSON, by place name."""
    return {i["place"]["name"]: i for i in extract(text).as_json()["incidents"]}


def known(counts: dict) -> dict:
    return {side: value for side, value in counts.items() if value is not None}


def test_two_clauses_make_two_incidents_with_their_own_figures():
    found = incidents(TURBAT_PANJGUR)
    assert set(found) == {"Turbat", "Panjgur"}
    turbat, panjgur = found["Turbat"], found["Panjgur"]
    assert turbat["target_types"] == ["police_paramilitary"]
    assert turbat["attack_types"] == ["armed_assault"]
    assert known(turbat["killed"]) == {"security": 4}
    assert known(turbat["injured"]) == {}
    assert panjgur["target_types"] == ["bank"]
    assert panjgur["attack_types"] == ["bombing"]
    assert known(panjgur["injured"]) == {"civilians": 7}
    assert known(panjgur["killed"]) == {}
    assert turbat["date"] == panjgur["date"] == "2026-03-03"


@pytest.mark.skipif(not SEED_REPORT.exists(), reason=f"{SEED_REPORT} is not present")
def test_seed_report_gives_places_province_wide_targets_and_totals():
    found = extract(SEED_REPORT.read_text(encoding="utf-8"))
    places = {(i.place.name, i.precision) for i in found.incidents}
    assert places == {
        ("Quetta", GeoPrecision.TOWN),
        ("Gwadar", GeoPrecision.TOWN),
        ("Mastung", GeoPrecision.TOWN),
        ("Nushki", GeoPrecision.TOWN),
        ("Dalbandin", GeoPrecision.TOWN),
        ("Balochistan", GeoPrecision.REGION),
    }
    by_place = {i.place.name: i for i in found.incidents}
    assert by_place["Mastung"].target_codes() == ["prison"]
    assert "railway" in by_place["Balochistan"].target_codes()
    totals = found.total_counts["killed"]
    assert (totals["civilians"], totals["security"], totals["attackers"]) == (
        31,
        17,
        145,
    )
    assert found.totals_place.place.name == "Balochistan"
    assert all(not i.figures for i in found.incidents), "totals are not a place's"
    assert found.date.isoformat() == "2026-02-01"
    # the dateline QUETTA is also an attack place: listed once, as the incident
    assert [m.role for m in found.other_places] == []
    assert any("1948" in b.evidence.sentence for b in found.background)


def test_background_figures_are_listed_not_counted():
    text = (
        "QUETTA: Ten soldiers were martyred when militants attacked a convoy in "
        "Kalat on Tuesday, 12 March 2024.\n"
        "In August 2023, at least 14 soldiers were killed in a similar ambush near "
        "Kalat. Earlier this month, 6 labourers were shot dead in Turbat."
    )
    found = extract(text)
    (kalat,) = found.incidents
    assert kalat.place.name == "Kalat"
    assert known(kalat.counts["killed"]) == {"security": 10}
    assert kalat.target_codes() == ["military"]
    assert [b.as_json()["killed"] for b in found.background] == [14, 6]
    assert found.as_json()["background"][1]["places"] == ["Turbat"]


def test_a_background_sentence_marked_current_becomes_an_incident():
    text = (
        "Ten soldiers were martyred in Kalat on 12 March 2024. Earlier this month, "
        "6 labourers were shot dead in Turbat."
    )
    found = extract(text)
    assert [i.place.name for i in found.incidents] == ["Kalat"]
    again = extract(text, current=[found.background[0].key])
    assert {i.place.name for i in again.incidents} == {"Kalat", "Turbat"}
    assert again.background == []


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        (
            "21 terrorists were eliminated and several others were injured in Bannu.",
            {"attackers": 21},
            {},
        ),
        (
            "Security forces neutralised 5 khwarij in Bannu.",
            {"attackers": 5},
            {},
        ),
        ("Three FC personnel embraced martyrdom in Panjgur.", {"security": 3}, {}),
        (
            "Two jawans lost their lives and 4 sustained injuries in Kech.",
            {"security": 2},
            {"security": 4},  # a bare count after 'and': the side before
        ),
        ("A policeman succumbed to his injuries in Quetta.", {"security": 1}, {}),
        ("Four Levies personnel were martyred in Washuk.", {"security": 4}, {}),
        ("Gunmen killed 7 passengers near Gwadar.", {"civilians": 7}, {}),
        ("12-15 soldiers were killed in Kharan.", {"security": 12}, {}),
    ],
)
def test_casualty_words_of_south_asian_news(sentence, killed, injured):
    (incident,) = extract(sentence).incidents
    assert known(incident.counts["killed"]) == killed
    assert known(incident.counts["injured"]) == injured


def test_a_range_keeps_its_high_end():
    (incident,) = extract("12-15 soldiers were killed in Kharan.").incidents
    (figure,) = incident.figures
    assert (figure.value, figure.high) == (12, 15)


def test_a_total_and_its_parts_are_kept_apart():
    (incident,) = extract(
        "At least 50 people, including 14 security personnel, were killed in "
        "Quetta on Friday."
    ).incidents
    assert known(incident.counts["killed"]) == {"security": 14, "unspecified": 36}
    (figure,) = incident.figures
    assert (figure.value, figure.at_least, len(figure.parts)) == (50, True, 1)


def test_parts_that_are_all_civilians_make_the_whole_civilian():
    (incident,) = extract(
        "A bomb in Sibi killed 11 people - five women and four children."
    ).incidents
    assert known(incident.counts["killed"]) == {"civilians": 11}


def test_places_across_pakistan_iran_and_afghanistan():
    text = (
        "Militants attacked a police post in Bannu, Khyber Pakhtunkhwa, while in "
        "Iran's Sistan and Baluchestan province, gunmen killed 4 guards in Chabahar."
    )
    names = {i.place.name for i in extract(text).incidents}
    assert {"Bannu", "Chabahar"} <= names


def test_references_datelines_and_destinations_are_not_incident_places():
    text = (
        "QUETTA: Gunmen attacked a Levies post in Dalbandin, 340 km from Quetta, "
        "killing 2 personnel. The injured were shifted to Civil Hospital Quetta."
    )
    found = extract(text)
    assert [i.place.name for i in found.incidents] == ["Dalbandin"]
    assert {m.role for m in found.other_places} == {
        "dateline",
        "reference",
        "destination",
    }
    assert found.incidents[0].target_codes() == ["police_paramilitary"]


def test_a_jurisdiction_is_not_a_target():
    (incident,) = extract(
        "Two labourers were shot dead in Turbat within the jurisdiction of the "
        "Satellite Town police station."
    ).incidents
    assert "police_paramilitary" not in incident.target_codes()
    assert incident.target_codes() == ["private_citizens"]


def test_hijacking_and_hostages():
    (incident,) = extract(
        "Militants hijacked the Jaffar Express near Mach and took passengers hostage."
    ).incidents
    assert {"hijacking", "hostage_barricade"} <= set(incident.attack_codes())
    assert "railway" in incident.target_codes()


def test_names_not_in_the_gazetteer_are_reported():
    found = extract("Gunmen attacked a checkpost in the Zzyzxabad area on Monday.")
    assert [name.name for name in found.unplaced] == ["Zzyzxabad"]


def test_every_evidence_span_quotes_the_text():
    text = "\n".join(case["text"] for case in PHRASINGS) + "\n" + TURBAT_PANJGUR
    found = extract(text)
    items = [e for i in found.incidents for e in i.evidence]
    assert items
    for item in items:
        assert text[item.start : item.end] == item.text
        assert item.text in item.sentence


def test_typographic_characters_keep_offsets():
    text = "Militants\u2019 attack on Noshki FC camp \u2014 12\u201115 soldiers killed."
    assert len(plain(text)) == len(text)
    (incident,) = extract(text).incidents
    (figure,) = incident.figures
    assert (figure.value, figure.high, figure.side) == (12, 15, "security")
    assert text[figure.start : figure.end] == "12\u201115 soldiers"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("17", (17, False)),
        ("1,234", (1234, False)),
        ("seventeen", (17, False)),
        ("forty-five", (45, False)),
        ("dozens", (24, True)),
        ("a dozen", (12, False)),
        ("two dozen", (24, False)),
    ],
)
def test_parse_number(word, expected):
    assert parse_number(word) == expected


def test_non_counts_are_not_figures():
    (incident,) = extract(
        "At least 12 cities were hit over 40 hours in Quetta on 2 February 2026. "
        "About 30 people were killed and more than 50 injured."
    ).incidents
    assert known(incident.counts["killed"]) == {"unspecified": 30}
    assert known(incident.counts["injured"]) == {"unspecified": 50}
    killed, injured = incident.figures
    assert killed.approximate
    assert injured.at_least


def test_html_is_reduced_to_text_without_script():
    markup = (
        "<html><head><title>T</title><script>var Quetta = 1;</script></head>"
        "<body><p>Blast in <b>Gwadar</b> &amp; Turbat.</p><style>p{}</style></body>"
    )
    text = decode_report(markup.encode(), "report.html")
    assert text == "Blast in Gwadar & Turbat."
    assert [i.place.name for i in extract(text).incidents] == ["Gwadar", "Turbat"]
    assert html_to_text("<p>a</p><p>b</p>") == "a\nb"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02binary\xff", "is not text"),
        (bytes(range(128, 256)) * 50, "is not UTF-8 text"),
        (b"x" * (MAX_REPORT_CHARS + 1), "Split it into reports"),
    ],
)
def test_hostile_files_are_refused_with_a_message(data, message):
    with pytest.raises(ReportError, match=message):
        decode_report(data, "upload.txt")


def test_hostile_text_extracts_without_crashing():
    text = "<script>alert(1)</script> `${alert(1)}` in Quetta \x1b[2J " * 100
    found = extract(text)
    assert [i.place.name for i in found.incidents] == ["Quetta"]


def test_cli_prints_the_incidents_as_json(tmp_path: Path, capsys):
    report = tmp_path / "r.md"
    report.write_text(TURBAT_PANJGUR, encoding="utf-8")
    assert main([str(report)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) >= {"date", "incidents", "totals", "background"}
    first = result["incidents"][0]
    assert set(first["place"]) >= {"name", "lat", "lon", "geo_precision"}
    assert set(first) >= {
        "target_types",
        "attack_types",
        "killed",
        "injured",
        "evidence",
    }
    assert set(first["killed"]) == {"civilians", "security", "attackers", "unspecified"}
    assert first["killed"]["security"] == 4
    assert first["killed"]["civilians"] is None


def test_cli_dates_a_weekday_by_the_publication_date(tmp_path: Path, capsys):
    report = tmp_path / "r.txt"
    report.write_text(
        "Gunmen attacked a police station in Turbat on Wednesday, killing 4 "
        "policemen. In August 2024, 14 soldiers were killed in Kalat.",
        encoding="utf-8",
    )
    assert main([str(report), "--published", "2026-11-27"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["date"] == "2026-11-25"  # the Wednesday before a Friday
    assert [i["place"]["name"] for i in result["incidents"]] == ["Turbat"]
    assert result["background"][0]["killed"] == 14


def test_cli_refuses_binary_with_exit_2(tmp_path: Path, capsys):
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"\x00" * 100)
    assert main([str(blob)]) == 2
    assert "is not text" in capsys.readouterr().err


def test_a_long_run_on_text_is_read_in_its_first_window_and_says_so():
    from components.report import WINDOW_CHARS

    text = (
        "In Quetta gunmen killed 3 policemen and 4 civilians and injured 12 in "
        "Mastung and Turbat and Gwadar and Noshki "
    ) * 1000
    found = extract(text)
    assert found.read_to is not None
    assert found.read_to <= WINDOW_CHARS
    assert found.notice.startswith(f"Read the first {found.read_to:,} characters")
    assert "the rest was not read" in found.notice
    assert {"Mastung", "Turbat"} <= {i.place.name for i in found.incidents}
    assert found.as_json()["notice"] == found.notice


def test_a_short_text_is_read_whole_with_no_notice():
    found = extract(TURBAT_PANJGUR)
    assert (found.read_to, found.notice) == (None, "")


@pytest.mark.parametrize(
    "text",
    [
        " ".join(str(n) for n in range(5000)),
        "قتل مسلحون أربعة من رجال الشرطة في تربت يوم الاثنين. " * 50,
        "武装分子周一在图尔伯特袭击了一个警察检查站，打死四名警察。" * 50,  # noqa: RUF001
    ],
)
def test_numbers_and_other_scripts_are_read_without_error(text):
    found = extract(text)
    assert found.incidents == []
    if not text[0].isdigit():
        assert "not in Latin script" in found.notice


def test_an_unknown_name_is_kept_at_the_wider_place_the_text_gives():
    found = extract(
        "Gunmen killed seven passengers in the Rarasham area of Musakhail "
        "district on Monday."
    )
    (incident,) = found.incidents
    assert (incident.place.name, incident.place.kind) == ("Musakhel", "district")
    assert incident.place_reported == "Rarasham"
    assert incident.precision == GeoPrecision.NEAR_TOWN
    (item,) = found.as_json()["unplaced"]
    assert (item["name"], item["precision"], item["incident"]) == (
        "Rarasham",
        "district",
        True,
    )
    assert item["wider_place"]["name"] == "Musakhel"
    assert item["killed"]["civilians"] == 7
    assert "Rarasham area" in item["sentence"]["text"]


def test_a_name_the_text_cannot_place_keeps_its_figures_and_says_so():
    found = extract("Militants attacked an army post in Atlantis, killing 3 soldiers.")
    assert found.incidents == []
    (item,) = found.unplaced
    assert (item.name, item.wider, item.incident) == ("Atlantis", None, True)
    assert item.killed["security"] == 3
    assert "cannot place Atlantis" in found.notice


def test_a_report_about_another_country_is_read_with_its_towns():
    found = extract(
        "Niger's army said ten soldiers were killed in an ambush near Bankilaré "
        "in the Tillabéri region on Monday."
    )
    (incident,) = found.incidents
    assert (incident.place.name, incident.place.country) == ("Bankilaré", "NE")
    assert known(incident.counts["killed"]) == {"security": 10}


def test_places_of_a_list_are_each_places():
    found = extract(
        "Militants attacked Levies posts in Tump and Buleda in Kech district on "
        "Monday, killing two personnel."
    )
    assert {(i.place.name, i.place_reported) for i in found.incidents} == {
        ("Kech", "Tump"),
        ("Kech", "Buleda"),
    }


INVENTED = (
    "QUETTA, 3 March 2026: Gunmen attacked a police checkpost in Turbat late on "
    "Monday, killing four policemen and injuring two, officials said. In a separate "
    "attack in Panjgur, a roadside bomb struck a Frontier Corps vehicle, killing two "
    "soldiers. Three attackers were killed in the exchange of fire in Turbat. Last "
    "year, 14 soldiers were killed in a similar attack in Kech."
)


def test_cli_reads_separate_attacks_weekdays_and_background(tmp_path: Path, capsys):
    report = tmp_path / "r.txt"
    report.write_text(INVENTED, encoding="utf-8")
    assert main([str(report)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["date"] == "2026-03-02"  # late on Monday, said on Tuesday 3 March
    found = {i["place"]["name"]: i for i in result["incidents"]}
    assert set(found) == {"Turbat", "Panjgur"}
    turbat, panjgur = found["Turbat"], found["Panjgur"]
    assert known(turbat["killed"]) == {"security": 4, "attackers": 3}
    assert known(turbat["injured"]) == {"security": 2}
    assert known(panjgur["killed"]) == {"security": 2}
    assert panjgur["target_types"] == ["frontier_corps_hq"]
    (background,) = result["background"]
    assert background["places"] == ["Kech"]
    assert background["killed"] == 14
    assert "Kech" not in {i["place"]["name"] for i in result["incidents"]}


def test_a_weekday_that_dates_a_statement_does_not_date_the_attack():
    text = (
        "The army said on Wednesday evening that ten soldiers had been killed "
        "earlier in the week in an ambush near Turbat.\n\n"
        "Security sources said the attack hit a patrol on Monday afternoon, when it "
        "ran into an ambush in the Turbat area."
    )
    extraction = extract(text, published=dt.date(2025, 2, 5))
    assert extraction.background == []
    assert extraction.date == dt.date(2025, 2, 3)
    assert [i.place.name for i in extraction.incidents] == ["Turbat"]


def test_a_weekday_between_a_speaker_and_its_verb_dates_the_statement():
    text = (
        "The Islamic State group on Monday claimed responsibility for a car bomb "
        "attack in the southern Libyan city of Sebha.\n\n"
        "A police source said the attack, which happened on Sunday, left two "
        "security officers dead."
    )
    extraction = extract(text, published=dt.date(2021, 6, 8))  # a Tuesday
    assert extraction.date == dt.date(2021, 6, 6)


@pytest.mark.parametrize(
    ("before", "day"),
    [("a day earlier", 15), ("two days earlier", 14), ("the previous day", 15)],
)
def test_days_before_a_statement_s_weekday_date_the_attack(before, day):
    text = (
        "At least five Frontier Corps personnel were martyred in an attack from "
        f"across the border that had begun {before}, DawnNewsTV reported on "
        "Monday.\n\nOfficials said the attack targeted a border post in the Laka "
        "Tika area of Lower Kurram Agency."
    )
    extraction = extract(text, published=dt.date(2018, 4, 17))  # a Tuesday
    assert extraction.date == dt.date(2018, 4, day)


def test_a_statement_s_weekday_dates_a_lede_that_gives_no_other_day():
    text = (
        "Security officials confirmed on Monday that five soldiers had been martyred "
        "when their vehicle hit a bomb near Turbat."
    )
    extraction = extract(text, published=dt.date(2025, 9, 16))  # a Tuesday
    assert extraction.date == dt.date(2025, 9, 15)


def test_an_earlier_event_s_date_is_background_not_the_report_s_date():
    text = (
        "BANNU: A suicide bomber struck a convoy in Bannu district, killing nine "
        "soldiers.\n\n"
        "Earlier, on August 22, six soldiers were martyred in a gunfight in South "
        "Waziristan."
    )
    extraction = extract(text, published=dt.date(2023, 8, 31))
    assert extraction.date == dt.date(2023, 8, 31)
    assert [i.place.name for i in extraction.incidents if not i.event_wide] == ["Bannu"]
    assert len(extraction.background) == 1


def test_villages_listed_as_hit_are_each_an_attack_place_dated_by_the_attack():
    text = (
        "Suspected insurgents killed at least 15 rice farmers in Borno state, "
        "Nigeria, after attacking three villages.\n\n"
        "The villages hit were Koshebe, Karkut and Bulabulin, in the Mafa local "
        "government area, about 15 kilometres from the state capital, Maiduguri.\n\n"
        "The attack took place on Sunday."
    )
    extraction = extract(text, published=dt.date(2023, 11, 7))
    assert [u.name for u in extraction.unplaced if u.incident] == [
        "Koshebe",
        "Karkut",
        "Bulabulin",
    ]
    others = extraction.as_json()["not_incident_places"]
    assert [(p["name"], p["role"]) for p in others] == [("Maiduguri", "reference")]
    assert extraction.date == dt.date(2023, 11, 5)


def test_the_lede_s_country_is_the_report_s_however_often_a_neighbour_is_named():
    text = (
        "At least ten soldiers were killed when armed terrorists ambushed them in "
        "south-western Niger, not far from the border with Mali, the defence "
        "ministry said on Saturday.\n\n"
        "The ministry said 13 soldiers were wounded after Friday's attack. The "
        "troops were on patrol in the north of Banibangou province when they were "
        "caught in a complex ambush.\n\n"
        "The ambush happened in Tillaberi, a vast region of western Niger that "
        "borders Burkina Faso and Mali. Gunmen who fled back into Mali raided a camp "
        "of refugees from neighbouring Mali last week."
    )
    extraction = extract(text, published=dt.date(2023, 2, 11))
    (scene,) = [i for i in extraction.incidents if not i.event_wide]
    assert (scene.place_reported, scene.place.country) == ("Banibangou", "NE")
    assert scene.counts["killed"]["security"] == 10
    assert extraction.date == dt.date(2023, 2, 10)


def test_the_day_a_toll_was_issued_is_no_day_of_the_attack():
    text = (
        "Twenty-five people died in a jihadist raid on the village of Kodyel in "
        "eastern Burkina Faso this week, according to a provisional toll that "
        "officials issued on Wednesday. "
        "Describing Monday's attack, the statement said the volunteers resisted."
    )
    assert extract(text, published=dt.date(2021, 5, 5)).date == dt.date(2021, 5, 3)


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        pytest.param(
            "PESHAWAR: Militants on Saturday attacked a check post near the Bagan "
            "area of Lower Kurram.\n\nOn Friday, tribal elders of Kurram district had "
            "agreed to a ceasefire.\n\nSix soldiers were killed in the attack in "
            "Kurram district.",
            dt.date(2024, 12, 8),
            dt.date(2024, 12, 7),
            id="a day a place was named for no attack",
        ),
        pytest.param(
            "Gunmen ambushed and killed eleven soldiers overnight south of Ain Defla, "
            "the newspaper El Khaber reported on its website on Saturday.\n\nThe "
            "ambush happened on Friday night.",
            dt.date(2015, 7, 18),
            dt.date(2015, 7, 17),
            id="the day a newspaper reported on its website",
        ),
        pytest.param(
            "QUETTA: Three Levies personnel were killed on Friday when twin bombs went "
            "off in the Sui area of Dera Bugti.\n\nOfficials said the bombs had been "
            "hidden in a tube-well room in the Tali Mat area. Firing had been "
            "reported around the same room on Thursday night.",
            dt.date(2022, 1, 29),
            dt.date(2022, 1, 28),
            id="what had been reported the night before",
        ),
        pytest.param(
            "Buses ran again on the Lamu road early on Friday, after they had "
            "been halted when gunmen attacked a bus in Mandera on Thursday, killing "
            "four passengers.",
            dt.date(2021, 3, 5),
            dt.date(2021, 3, 4),
            id="the earlier of two days a lede tells of",
        ),
        pytest.param(
            "Militants killed six soldiers at a checkpoint in Kalat.\n\nThe army "
            "had doubled its guard late on Saturday at the checkpoint that Sunday's "
            "attack hit.",
            dt.date(2022, 5, 16),
            dt.date(2022, 5, 15),
            id="the day an attack is said to be of",
        ),
        pytest.param(
            "Gunmen killed 16 villagers in a raid on Tungan Taura in Kebbi State.\n\n"
            "In a statement on Monday, April 7, the police said the attack happened "
            "around 6 p.m. on Saturday, April 6, 2025.",
            dt.date(2025, 4, 6),
            dt.date(2025, 4, 6),
            id="a weekday that names the date after it",
        ),
        pytest.param(
            "Gunmen stormed a beach restaurant in Mogadishu, Somalia, killing 32 "
            "people.\n\n"
            "Police said on Saturday, 3 August, 2024 that the attack happened late "
            "on Friday, 2 August, 2024.",
            dt.date(2024, 8, 3),
            dt.date(2024, 8, 2),
            id="the full date of a statement",
        ),
    ],
)
def test_a_day_that_is_not_the_attack_s_does_not_date_it(text, published, day):
    found = extract(text, published=published)
    assert found.date == day
    assert {i.date for i in found.incidents} == {day}


def test_a_province_named_only_in_background_does_not_hold_the_totals():
    text = (
        "Gwadar: At least fourteen soldiers lost their lives when terrorists "
        "ambushed a convoy on its way from Pasni to Ormara in Balochistan's Gwadar "
        "District, officials said.\n\n"
        "The ambush follows a series of attacks on security forces in KP and "
        "Balochistan, where law and order have been fragile."
    )
    extraction = extract(text, published=dt.date(2023, 11, 3))
    assert [i.place.name for i in extraction.incidents] == ["Gwadar"]
    assert extraction.incidents[0].counts["killed"]["security"] == 14
    assert len(extraction.background) == 1


def test_a_possessive_joins_two_names_not_one_unknown_place():
    text = (
        "Suspected jihadists killed 17 soldiers in an attack in Burkina Faso's "
        "North region on Monday, and 36 auxiliaries died in Nayala province."
    )
    names = [u.name for u in extract(text, published=dt.date(2023, 9, 5)).unplaced]
    assert "Nayala" in names
    assert not any("'s" in name for name in names)


def test_with_no_day_in_the_lede_the_first_dated_news_sentence_dates_the_news():
    text = (
        "At least five police officers were killed in a terrorist attack in the "
        "province.\n\n"
        "Armed men attacked police patrols in Saravan on Tuesday, an official "
        "said. The group's overnight attacks on Thursday struck Chabahar and Rask, "
        "at the cost of 10 members."
    )
    extraction = extract(text, published=dt.date(2024, 4, 9))
    assert [i.place.name for i in extraction.incidents] == ["Sarāvān"]
    assert "Chabahar" in extraction.background[0].evidence.sentence


def test_a_district_s_toll_goes_to_the_first_place_named_as_its_scene():
    text = (
        "At least 42 people were killed and 19 injured when a convoy was attacked "
        "in Kurram district. The attack took place in the Mandori area, on "
        "vehicles travelling from Peshawar to Parachinar.\n\n"
        "The gunmen fired from three places, hitting the convoy in the Mandori, "
        "Bhagan and Ochat areas."
    )
    incidents = extract(text, published=dt.date(2024, 11, 22)).incidents
    mandori = next(i for i in incidents if i.place_reported == "Mandori")
    assert mandori.counts["killed"]["unspecified"] == 42
    assert mandori.counts["injured"]["unspecified"] == 19


def test_an_unknown_area_after_a_town_s_possessive_lies_in_that_town():
    text = (
        "Gunmen shot dead six labourers in Turbat, in Balochistan's Kech district. "
        "Armed men forced their way into a house in Turbat's Satellite Town area "
        "and opened fire."
    )
    extraction = extract(text, published=dt.date(2023, 10, 14))
    (unplaced,) = [u for u in extraction.unplaced if u.name == "Satellite Town"]
    assert unplaced.wider is not None
    assert unplaced.wider.name == "Turbat"
    assert [i.place_reported for i in extraction.incidents] == ["Satellite Town"]


def test_a_street_named_for_a_site_is_a_place_in_its_town():
    text = (
        "At least five security personnel lost their lives on Tuesday when a "
        "suicide bomber struck at Jail Road in Sibi town."
    )
    extraction = extract(text, published=dt.date(2022, 3, 8))
    (incident,) = extraction.incidents
    assert incident.place_reported == "Jail Road"
    assert incident.place.name == "Sibi"
    assert incident.counts["killed"]["security"] == 5


def test_the_city_s_area_lies_in_the_dateline_s_city():
    text = (
        "QUETTA: Four people were martyred on Monday when a bomb exploded near a "
        "police vehicle in the city's Shahrah-e-Iqbal area."
    )
    extraction = extract(text, published=dt.date(2023, 4, 10))
    (unplaced,) = [u for u in extraction.unplaced if u.name == "Shahrah-e-Iqbal"]
    assert unplaced.wider is not None
    assert unplaced.wider.name == "Quetta"


def test_a_toll_restated_by_side_is_counted_once():
    text = (
        "Eight people were martyred and five injured in a suicide attack on a check "
        "post in the Eidak area of Mir Ali. The dead were four policemen, two "
        "soldiers and two civilians."
    )
    (incident,) = extract(text, published=dt.date(2024, 10, 26)).incidents
    assert incident.place_reported == "Eidak"
    assert incident.counts["killed"] == {
        "civilians": 2,
        "security": 6,
        "attackers": None,
        "unspecified": None,
    }
    assert incident.counts["injured"]["unspecified"] == 5


def test_a_first_toll_the_report_corrects_does_not_stand():
    text = (
        "Five border guards have been killed in clashes in the Maze-Sar area of "
        "Saravan. The first reports said six guards had been killed, but one of "
        "them had been revived in hospital."
    )
    (incident, *_) = extract(text, published=dt.date(2023, 5, 21)).incidents
    assert incident.counts["killed"]["security"] == 5


def test_a_village_named_for_a_person_is_still_a_village():
    text = (
        "A remote-controlled bomb went off next to a military convoy in Gul Imam "
        "village, in Tank district. Nobody was killed or hurt in that explosion."
    )
    extraction = extract(text, published=dt.date(2024, 10, 26))
    assert [i.place_reported for i in extraction.incidents] == ["Gul Imam"]
    assert extraction.incidents[0].counts["killed"]["unspecified"] == 0


def test_the_latest_of_a_trend_is_the_news():
    text = (
        "At least 70 people were killed overnight when a funeral in the east of the "
        "Democratic Republic of the Congo was attacked.\n\n"
        "The attack, the latest in a series over recent months, happened on Monday "
        "in Ntoyo, a village in the Lubero territory."
    )
    extraction = extract(text, published=dt.date(2025, 9, 9))
    assert extraction.background == []
    assert [i.place_reported for i in extraction.incidents] == ["Ntoyo"]


def test_an_area_that_has_seen_dozens_of_attacks_is_told_of_as_background():
    text = (
        "A landmine killed two soldiers in Panjgur on Sunday.\n\n"
        "The area has seen dozens of deadly attacks on security forces."
    )
    extraction = extract(text, published=dt.date(2024, 5, 6))
    assert len(extraction.background) == 1


def test_an_unknown_name_is_kept_at_the_finest_wider_place_the_text_gives():
    text = (
        "TEHRAN: An Iranian border guard was martyred in Mirjaveh, in Sistan and "
        "Baluchestan province, on Wednesday. The guard was standing at his post at "
        "the Mill checkpoint when a sniper shot him.\n\n"
        "The Mill border checkpoint lies in Mirjaveh County in the southeast."
    )
    extraction = extract(text, published=dt.date(2023, 8, 23))
    assert {u.wider.name for u in extraction.unplaced if u.wider} == {"Mīrjāveh"}
    (incident,) = extraction.incidents
    assert incident.place_reported == "Mill"
    assert incident.counts["killed"]["security"] == 1


def test_it_happened_at_an_unknown_post_puts_the_post_in_the_scene_before():
    text = (
        "Reports say the bomber struck a joint check post in the Datta Khel area "
        "of North Waziristan.\n\n"
        "It happened during a routine check at the Liaquat check post: a civilian "
        "was killed."
    )
    extraction = extract(text, published=dt.date(2023, 5, 24))
    (liaquat,) = [u for u in extraction.unplaced if u.name == "Liaquat"]
    assert liaquat.wider is not None
    assert liaquat.wider.name == "Datta Khel"


def test_a_name_beginning_with_the_arabic_article_in_lower_case_is_found():
    text = (
        "Two Iraqi soldiers were killed on Monday night when militants attacked a "
        "security post on the edge of al-Miqdadiyah district, in Iraq's Diyala "
        "governorate."
    )
    (incident,) = extract(text, published=dt.date(2020, 8, 25)).incidents
    assert incident.place_reported == "al-Miqdadiyah"
    assert incident.counts["killed"]["security"] == 2


def test_the_day_of_an_attack_at_an_unplaced_village_dates_the_report():
    text = (
        "At least 40 farmers were killed by suspected Boko Haram fighters. The "
        "attack took place at about 4:30pm on Sunday in Kayakura village, a farming "
        "community."
    )
    extraction = extract(text, published=dt.date(2025, 1, 13))
    assert extraction.date == dt.date(2025, 1, 12)


def test_the_day_the_lede_tells_of_dates_the_report():
    text = (
        "Suspected jihadists killed at least 18 civilians in two attacks in the "
        "north of Burkina Faso on Thursday, security sources told AFP on Friday.\n\n"
        "The first attack was on an outpost in Rakoegtenga, a city in Bam province."
    )
    extraction = extract(text, published=dt.date(2023, 1, 20))
    assert extraction.date == dt.date(2023, 1, 19)
    assert {i.date for i in extraction.incidents} == {dt.date(2023, 1, 19)}


def test_a_weekday_before_a_day_and_month_dates_an_earlier_event():
    text = (
        "Gunmen killed at least 35 people in three villages of Shinkafi in Zamfara "
        "state on Saturday.\n\n"
        "The massacre came only days after an attack elsewhere. On Sunday, June 9, "
        "bandits attacked villages of Shiroro and killed 62 people there."
    )
    extraction = extract(text, published=dt.date(2019, 6, 16))
    assert len(extraction.background) == 2
    assert all(
        figure.value != 62
        for incident in extraction.incidents
        for figure in incident.figures
    )
    assert all(figure.value != 62 for figure in extraction.totals)


def test_the_n_restates_a_count_and_places_it():
    text = (
        "Terrorists have killed eight border guards in Sistan-Baluchestan, close to "
        "the Pakistani border.\n\n"
        "An official said the eight died on Monday in a border area of the town of "
        "Saravan.\n\nIn a separate attack, a policeman was shot dead in Khash."
    )
    extraction = extract(text, published=dt.date(2015, 4, 7))
    saravan, khash = [i for i in extraction.incidents if not i.event_wide]
    assert (saravan.place_reported, khash.place_reported) == ("Saravan", "Khash")
    assert known(saravan.counts["killed"]) == {"security": 8}
    assert not any(figure.value == 8 for figure in extraction.totals)


def test_a_ranked_person_shot_dead_at_an_unknown_place_is_kept_there():
    text = (
        "BANNU: Constable Muhammad Tariq was shot dead in Sarangi Adda, Bannu, as "
        "he travelled to work on Monday, police said."
    )
    extraction = extract(text, published=dt.date(2025, 12, 1))
    (unplaced,) = [u for u in extraction.unplaced if u.incident]
    assert (unplaced.name, unplaced.wider.name) == ("Sarangi Adda", "Bannu")
    (incident,) = extraction.incidents
    assert incident.place_reported == "Sarangi Adda"
    assert known(incident.counts["killed"]) == {"security": 1}


def test_a_known_name_ending_a_longer_unknown_one_is_not_the_place():
    text = (
        "QUETTA: Terrorists attacked the Frontier Corps check post near Shah Mardan "
        "in Kalat district on Friday night, killing seven soldiers."
    )
    extraction = extract(text, published=dt.date(2024, 11, 16))
    assert "Mardan" not in {i.place.name for i in extraction.incidents}
    assert [i.place_reported for i in extraction.incidents] == ["Shah Mardan"]


def test_a_known_name_beginning_a_longer_area_name_is_not_the_place():
    text = (
        "RAWALPINDI: Six soldiers were martyred when troops and militants traded "
        "fire in North Waziristan district on Thursday. The encounter was fought "
        "in the Dir Duni area of the district. Two policemen were wounded in the "
        "Quetta Cantonment area."
    )
    extraction = extract(text, published=dt.date(2023, 5, 5))
    reported = {i.place_reported for i in extraction.incidents}
    assert "Upper Dir" not in {i.place.name for i in extraction.incidents}
    assert "Dir Duni" in reported
    assert "Quetta" in {i.place.name for i in extraction.incidents}


def test_an_area_after_a_route_and_a_comma_is_the_scene_not_the_route_s_end():
    text = (
        "KHUZDAR: Two people were killed on Sunday when a car bomb went off beside "
        "a bus travelling from Khuzdar to Rawalpindi, in the Khori area. The dead "
        "were identified as Shiraz and Sanaullah."
    )
    extraction = extract(text, published=dt.date(2025, 1, 27))
    assert [i.place_reported for i in extraction.incidents] == ["Khori"]
    assert known(extraction.incidents[0].counts["killed"]) == {"unspecified": 2}


def test_a_place_near_which_the_attack_was_keeps_it_when_the_town_is_named_back():
    text = (
        "MASTUNG: Terrorists stormed a Levies check post near the Babri area of "
        "Mastung district and martyred two of its men on Monday.\n\n"
        "After the attack, residents blocked the Quetta-Taftan national highway.\n\n"
        "The prime minister condemned the attack in Mastung.\n\n"
        "Balochistan Chief Minister Abdul Bizenjo also condemned the attack on the "
        "check post."
    )
    extraction = extract(text, published=dt.date(2023, 2, 21))
    assert [i.place_reported for i in extraction.incidents] == ["Babri"]
    assert sum(known(extraction.incidents[0].counts["killed"]).values()) == 2


def test_terror_brought_to_a_village_is_an_attack_there_on_the_day_told_after():
    text = (
        "Gunmen brought terror to Rijiya village in Gusau, the capital of Zamfara "
        "State, killing six people.\n\n"
        "A witness said the bandits rode into the community at about noon on Sunday "
        "and began shooting.\n\n"
        "The bandits reached the community through Tsafe Local Government Area."
    )
    extraction = extract(text, published=dt.date(2021, 11, 8))
    assert [i.place_reported for i in extraction.incidents] == ["Rijiya"]
    assert extraction.date == dt.date(2021, 11, 7)


def test_a_state_s_police_names_the_country_and_an_unknown_owner_says_where():
    text = (
        "An IED blast on a police vehicle in Dantewada's Cholnar village killed four "
        "jawans of the Chhattisgarh Armed Force and two jawans of the Chhattisgarh "
        "Police's District Force, while one more was grievously injured.\n\n"
        "In April, a jawan suffered injuries in an IED blast in Dantewada district."
    )
    extraction = extract(text, published=dt.date(2018, 5, 20))
    assert [i.place_reported for i in extraction.incidents] == ["Cholnar"]
    assert extraction.incidents[0].place.country == "IN"
    assert known(extraction.incidents[0].counts["killed"]) == {"security": 6}


def test_a_count_word_or_a_force_s_name_is_no_unknown_place():
    text = (
        "Two District Reserve Guard (DRG) jawans were killed and five wounded on "
        "Monday when Maoists set off an IED blast in Bijapur district."
    )
    extraction = extract(text, published=dt.date(2018, 4, 9))
    names = {u.name for u in extraction.unplaced}
    assert "Two" not in names
    assert "Reserve Guard" not in names


def test_a_barangay_in_a_town_in_a_province_is_the_one_scene():
    text = (
        "Troops of the Armed Forces of the Philippines clashed with Abu Sayyaf "
        "members at Sitio Sangay, Barangay Buhanginan, in Patikul, Sulu, killing "
        "three of them."
    )
    extraction = extract(text, published=dt.date(2018, 5, 8))
    assert [i.place_reported for i in extraction.incidents] == ["Buhanginan"]
    assert extraction.incidents[0].place.country == "PH"


def test_an_unknown_name_right_before_a_quotation_is_in_its_slot():
    text = (
        'In the Tillaberi region of Niger, a unit on a mission in Kandaji "was '
        'violently attacked by several hundred terrorists", the minister said. '
        'Seven soldiers died "in combat".'
    )
    extraction = extract(text, published=dt.date(2023, 9, 29))
    assert [i.place_reported for i in extraction.incidents] == ["Kandaji"]


def test_a_province_s_toll_goes_to_its_one_scene_not_told_apart():
    text = (
        "Taliban militants killed 13 Afghan soldiers early on Monday when they "
        "attacked a checkpoint in Ghazni province. Reinforcements sent to the scene "
        "of the attack in Khogyani district were ambushed.\n\n"
        "A spokesman said six soldiers and seven policemen were killed.\n\n"
        "Militants had also attacked a checkpoint in Malistan district of Ghazni "
        "province late on Sunday, and the forces killed 22 militants."
    )
    extraction = extract(text, published=dt.date(2018, 11, 5))
    (scene,) = [i for i in extraction.incidents if i.place_reported == "Khogyani"]
    assert known(scene.counts["killed"]) == {"security": 13}


def test_where_militants_massed_is_no_scene_nor_any_name_of_its_list():
    text = (
        "ISLAMABAD: Terrorists attacked two military posts in the general area of "
        "Kalash in Chitral district.\n\n"
        "The terrorists' movement and build-up in the Gawardesh, Pitigal and Batash "
        "areas of Afghanistan's Nuristan and Kunar provinces had been picked up.\n\n"
        "In the exchange of fire 12 terrorists were killed.\n\n"
        '"They came in hundreds," the deputy commissioner of Chitral district said.'
    )
    extraction = extract(text, published=dt.date(2023, 9, 7))
    assert [i.place_reported for i in extraction.incidents] == ["Kalash"]


def test_two_attacks_in_a_town_and_a_district_keep_their_own_tolls():
    text = (
        "QUETTA: Twenty security personnel were martyred in two attacks, one in the "
        "Ormara area of Balochistan on Thursday and the other in the North "
        "Waziristan tribal district late on Wednesday.\n\n"
        "On Thursday an attack on a convoy in the Ormara area left fourteen "
        "security men martyred.\n\n"
        "On Wednesday evening, in the North Waziristan tribal district, a bomb hit "
        "the vehicles of troops; six of them, a captain among them, were martyred "
        "and one was injured."
    )
    extraction = extract(text, published=dt.date(2020, 10, 16))
    by_place = {i.place_reported: i for i in extraction.incidents}
    assert known(by_place["North Waziristan"].counts["killed"]) == {"security": 6}
    assert known(by_place["North Waziristan"].counts["injured"]) == {"security": 1}
    assert known(by_place["Ormara"].counts["killed"]) == {"security": 14}


def test_a_vehicle_hit_as_it_reached_a_place_was_hit_there():
    text = (
        "A landmine blast in Balochistan province killed at least seven people.\n\n"
        "The blast happened in the Panjgur district of Balochistan on Monday "
        "night.\n\n"
        "The device went off as the vehicle reached Chakar Bazar in the Balgatar "
        "area, and people lost their lives.\n\n"
        "Panjgur and Kech both also border Iran."
    )
    extraction = extract(text, published=dt.date(2023, 8, 8))
    (scene,) = [i for i in extraction.incidents if i.place_reported == "Chakar Bazar"]
    assert scene.place.name == "Panjgur"
    assert known(scene.counts["killed"]) == {"unspecified": 7}


def test_a_tally_by_place_gives_each_named_village_its_count():
    text = (
        "Gunmen killed more than 30 people in villages of Maradun Local Government "
        "Area of Zamfara State on Thursday. Among the villages hit were Sakkada, "
        "Gyadadde and Otawa.\n\n"
        "By his count Sakkada lost seven people, Gyadadde four and Otawa eight."
    )
    extraction = extract(text, published=dt.date(2018, 7, 20))
    killed = {i.place_reported: known(i.counts["killed"]) for i in extraction.incidents}
    assert killed["Sakkada"] == {"unspecified": 7}
    assert killed["Gyadadde"] == {"unspecified": 4}
    assert killed["Otawa"] == {"unspecified": 8}


def test_the_counted_dead_said_to_include_some_are_parts_of_that_toll():
    text = (
        "Gunmen killed nine people in Gamba, in Tana River county of Kenya, on "
        "Saturday night. The nine dead in Gamba included five inmates."
    )
    extraction = extract(text, published=dt.date(2014, 7, 6))
    (gamba,) = [i for i in extraction.incidents if i.place_reported == "Gamba"]
    assert known(gamba.counts["killed"]) == {"civilians": 5, "unspecified": 4}


def test_a_placeless_toll_told_by_side_is_the_same_people_a_place_counted():
    text = (
        "RAIPUR: Two policemen were killed and six others seriously injured in a "
        "gunfight with Maoists at Bhejji, in Sukma district of Chhattisgarh, on "
        "Sunday. A Maoist was killed in another exchange of fire at Errabore.\n\n"
        "Six critically injured, four troopers among them, were flown to Raipur."
    )
    extraction = extract(text, published=dt.date(2018, 2, 18))
    (bhejji,) = [i for i in extraction.incidents if i.place_reported == "Bhejji"]
    assert known(bhejji.counts["injured"]) == {"security": 4, "unspecified": 2}
    assert not extraction.totals


def test_a_name_with_a_lower_case_particle_is_one_name():
    text = (
        "Maputo - Four people were beheaded on Thursday night when insurgents "
        "attacked the village of Manila in Mocimboa da Praia district, in Cabo "
        "Delgado province in northern Mozambique."
    )
    extraction = extract(text, published=dt.date(2019, 1, 15))
    named = {i.place_reported for i in extraction.incidents} | {
        u.name for u in extraction.unplaced
    }
    assert "Praia" not in named
    assert [i.place_reported for i in extraction.incidents] == ["Manila"]


def test_a_night_attack_told_of_the_next_day_is_dated_the_night_before():
    text = (
        "A local official said on Saturday that militants had killed at least eight "
        "labourers in Kech district.\n\n"
        "The attackers struck overnight in several villages near Turbat."
    )
    assert extract(text, published=dt.date(2021, 10, 30)).date == dt.date(2021, 10, 29)


def test_a_night_attack_in_the_small_hours_is_of_the_day_it_was_told():
    text = (
        "Constable martyred in attack late at night on checkpost in Khyber\n\n"
        "Police said on Monday that a constable had been martyred when terrorists "
        "attacked a checkpost in Bara.\n\n"
        "An officer said the attack took place at about 2am last night."
    )
    published = dt.date(2023, 5, 8)
    assert extract(text, published=published).date == published
    text = text.replace("at about 2am last night", "late last night")
    assert extract(text, published=published).date == dt.date(2023, 5, 7)


def test_a_date_line_above_the_prose_is_not_the_day_the_lede_tells_of():
    text = (
        "E-Paper | December 05, 2025\n\n"
        "Police station attack by terrorists foiled\n\n"
        "A Correspondent Published December 5, 2025 Updated December 5, 2025\n\n"
        "LAKKI MARWAT: On Wednesday night a policeman foiled an attack by "
        "terrorists on a police station in the town of Serai Naurang here.\n\n"
        "A police official said armed men on motorcycles had fired on the main gate "
        "of the Shaheed Asmatullah Khan Khattak police station."
    )
    found = extract(text, published=dt.date(2025, 12, 5))
    assert found.date == dt.date(2025, 12, 3)
    assert not found.background
    assert "Shaheed Asmatullah Khan Khattak" not in {u.name for u in found.unplaced}


def test_a_headline_city_the_body_measures_the_scene_from_is_no_scene():
    text = (
        "Soldiers killed as Al-Shabaab militants attack army base in Mogadishu\n\n"
        "Al Shabaab fighters have attacked a remote army base of Somalia north-west "
        "of the capital, Mogadishu, killing several government soldiers.\n\n"
        "The Islamist group, which has carried out several attacks there over the "
        "past few years, said it had taken control of the whole town of "
        "Goofgaduud.\n\n"
        "Confirming the attack, a military official in the region said the "
        "militants had attacked the base in Goofgaduud in the morning."
    )
    found = extract(text, published=dt.date(2017, 5, 9))
    assert [i.place_reported for i in found.incidents] == ["Goofgaduud"]
    assert not found.background


def test_a_province_named_as_one_in_an_apposition_is_no_scene():
    text = (
        "Rebels killed one soldier in an ambush in Sorsogon, the southernmost "
        "province on the Philippines' Luzon island, the military said.\n\n"
        "The soldiers were travelling on a motorcycle in Bulan town when the "
        "rebels opened fire on them."
    )
    found = extract(text, published=dt.date(2024, 9, 7))
    assert [i.place_reported for i in found.incidents] == ["Bulan"]


def test_the_night_before_a_statement_made_on_a_weekday_dates_the_attack():
    text = (
        "A police officer has been killed in a terrorist attack in Saravan.\n\n"
        "In a statement on Friday, police said that the night before, gunmen in a "
        "car had attacked a patrol unit, wounding two officers."
    )
    assert extract(text, published=dt.date(2024, 7, 20)).date == dt.date(2024, 7, 18)


def test_the_first_news_sentence_of_an_attack_with_a_day_dates_a_lede_without_one():
    text = (
        "Gunmen have raided a village in Panjgur district, killing seven people.\n\n"
        "A resident said the gunmen stormed in on Tuesday night and fired at random."
    )
    assert extract(text, published=dt.date(2021, 10, 27)).date == dt.date(2021, 10, 26)


def test_the_attacks_with_their_day_date_the_news():
    text = (
        "About 30 people have died in four attacks in Kech district, security sources "
        "said on Friday.\n\n"
        "The attacks, all on Thursday, are the latest blows to the auxiliaries."
    )
    assert extract(text, published=dt.date(2023, 1, 20)).date == dt.date(2023, 1, 19)


def test_an_unknown_area_holding_the_villages_hit_is_no_scene_of_its_own():
    text = (
        "Rebels killed at least eight civilians in Beni territory, in the "
        "north-east of the Democratic Republic of the Congo, a local official said "
        "on Saturday.\n\n"
        "The attackers struck several villages of the Ruwenzori sector, including "
        "Bulongo, Kazarahoyo and Kidungu."
    )
    extraction = extract(text, published=dt.date(2021, 10, 30))
    scenes = {u.name for u in extraction.unplaced if u.incident}
    assert scenes
    assert scenes <= {"Bulongo", "Kazarahoyo", "Kidungu"}


@pytest.mark.parametrize(
    "after",
    [
        "The attack came only four days after militants killed four soldiers in a "
        "border area of Zhob district.",
        "The attack followed by one day the killing of four soldiers in a border "
        "area of Zhob district.",
    ],
)
def test_an_attack_that_came_days_after_another_tells_of_the_other_as_background(
    after,
):
    text = (
        "QUETTA: Four soldiers were martyred when militants attacked a check post in "
        f"Bolan on Sunday.\n\n{after}"
    )
    extraction = extract(text, published=dt.date(2021, 5, 10))
    assert [i.place_reported for i in extraction.incidents] == ["Bolan"]
    assert len(extraction.background) == 1


def test_a_state_named_without_its_country_gives_the_country_s_towns():
    text = (
        "At least 40 farmers were killed by suspected Boko Haram terrorists in the "
        "Kukawa Local Government Area of Borno State.\n\n"
        "The attack took place on Sunday in Kayakura village, a farming community "
        "in Doron Baga ward."
    )
    extraction = extract(text, published=dt.date(2025, 1, 13))
    (incident,) = extraction.incidents
    assert incident.place_reported == "Kayakura"
    assert incident.place.name == "Kukawa"
    assert incident.place.country == "NG"
    assert known(incident.counts["killed"]) == {"civilians": 40}


def test_a_few_kilometres_from_a_town_is_a_reference():
    text = (
        "A bomb hit a bus in Turbat on Saturday, a few kilometres from Pasni, "
        "killing four."
    )
    extraction = extract(text, published=dt.date(2023, 9, 17))
    assert [i.place.name for i in extraction.incidents] == ["Turbat"]


def test_in_that_attack_goes_on_with_the_earlier_event_whatever_also_says():
    text = (
        "A policeman and four labourers were killed when a police station in "
        "Turbat was attacked on Tuesday.\n\n"
        "A similar attack took place on Oct 14, when gunmen shot six labourers in "
        "Kech district. In that attack, also in the early hours, armed men burst "
        "into a house in Pasni and fired at the labourers."
    )
    extraction = extract(text, published=dt.date(2023, 11, 1))
    assert [i.place.name for i in extraction.incidents if not i.event_wide] == [
        "Turbat"
    ]
    assert len(extraction.background) == 2


def test_the_other_two_are_of_the_people_counted_before_them():
    text = (
        "Two policemen were shot dead in the Kulachi area of Dera Ismail Khan on "
        "Wednesday. Police tracked the attackers down and killed one of them in an "
        "operation; the other two were wounded but escaped."
    )
    (incident,) = extract(text, published=dt.date(2025, 7, 16)).incidents
    assert known(incident.counts["killed"]) == {"security": 2, "attackers": 1}
    assert known(incident.counts["injured"]) == {"attackers": 2}


def test_and_n_wounded_ending_a_sentence_are_of_the_people_before():
    text = (
        "Militants ambushed an army unit near Turbat on Tuesday. The army said: "
        "we mourn the 23 brave soldiers who fell on the field of honour, and 17 "
        "wounded."
    )
    (incident,) = extract(text, published=dt.date(2024, 3, 22)).incidents
    assert known(incident.counts["injured"]) == {"security": 17}


def test_a_new_paragraph_about_the_same_people_as_a_background_one_is_background():
    text = (
        "Gunmen killed at least 35 people in three villages of Panjgur district on "
        "Saturday.\n\n"
        "Last Sunday, armed men attacked villages in Kech district and killed 62 "
        "people there.\n\n"
        "Besides the 62 people who lost their lives, about 1,000 others were "
        "displaced."
    )
    extraction = extract(text, published=dt.date(2019, 6, 16))
    assert 62 not in _counted(extraction)
    assert len(extraction.background) == 2


def _counted(extraction) -> list[int]:
    """Every figure the extraction counts: its places' and its totals'."""
    counted = [f.value for i in extraction.incidents for f in i.figures]
    return counted + [f.value for f in extraction.totals]


def test_a_new_paragraph_about_a_place_named_only_in_background_is_background():
    text = (
        "Four soldiers were killed in an attack in Saravan on Monday, the IRGC "
        "said.\n\n"
        "In October, an armed attack on a shrine in Shiraz left 15 dead and 40 "
        "injured.\n\n"
        "Local media said the gunmen fired at worshippers at the shrine in Shiraz "
        "and wounded 40 people."
    )
    extraction = extract(text, published=dt.date(2022, 12, 19))
    assert _counted(extraction) == [4]
    assert len(extraction.background) == 2


def test_a_toll_told_again_with_its_parts_is_counted_once_by_side():
    text = (
        "Gunmen killed 25 people in an attack on a village in Kech district on "
        "Sunday. The minister said two of the 25 dead were members of the Levies."
    )
    (incident,) = extract(text, published=dt.date(2023, 4, 28)).incidents
    assert known(incident.counts["killed"]) == {"security": 2, "unspecified": 23}


def test_a_list_of_the_dead_split_by_their_names_is_one_count_before_its_verb():
    text = (
        "A suicide bomber struck a check post in Datta Khel on Wednesday: two "
        "security personnel, Naik Saeed and Sepoy Javed, and a police officer, "
        "Hakeem Jan, were martyred, and a civilian was also killed."
    )
    (incident,) = extract(text, published=dt.date(2023, 5, 24)).incidents
    assert known(incident.counts["killed"]) == {"security": 3, "civilians": 1}


def _counted(extraction) -> list[int]:
    """Every figure the extraction counts, at its places and in its totals."""
    at_places = [f.value for i in extraction.incidents for f in i.figures]
    return at_places + [f.value for f in extraction.totals]


@pytest.mark.parametrize(
    ("text", "published", "value", "told_of"),
    [
        pytest.param(
            "Terrorists struck the Bargai police station in Lakki Marwat on Sunday, "
            "and four policemen were martyred.\n\n"
            "Across the northwest, militants carried out more than a hundred "
            "attacks during 2022, and no fewer than 105 police personnel lost their "
            "lives in them.",
            dt.date(2022, 12, 18),
            105,
            "Across the northwest",
            id="a toll over a whole year",
        ),
        pytest.param(
            "A roadside bomb killed six soldiers in Hakkari province on Tuesday. "
            "Some 40 people, most of them police officers, have been killed in the "
            "fighting since July.",
            dt.date(2015, 8, 20),
            40,
            "since July",
            id="a toll since an earlier month",
        ),
        pytest.param(
            "Several soldiers were killed on Sunday night when fighters attacked a "
            "base near Kismayo, officials said.\n\n"
            "On Friday the fighters stormed a base in Lego, 100 km from the "
            "capital.\n\n"
            "The group later claimed that it had killed 50 soldiers there.",
            dt.date(2015, 6, 29),
            50,
            "later claimed",
            id="what an earlier attack's attackers did later",
        ),
        pytest.param(
            "Insurgents attacked an army base in Gulumba, in Bama district, on "
            "Saturday evening, killing two soldiers. They have lately targeted "
            "bases: nine soldiers were killed in an attack on December 1 in the "
            "village of Buni Gari.",
            dt.date(2018, 12, 9),
            9,
            "December 1",
            id="another town's attack days before the lede's, in its paragraph",
        ),
        pytest.param(
            "Six Frontier Corps men were wounded in a suicide attack in Nowshera, "
            "officials said.\n\n"
            "The police sealed off the area and began a search.\n\n"
            "On May 11, a bomb went off at a bus terminal in Kohat, killing a "
            "policeman and wounding 13.",
            dt.date(2018, 5, 17),
            13,
            "On May 11",
            id="another district's town days before a lede with no day",
        ),
        pytest.param(
            "Several soldiers were killed on Friday morning in an attack on a "
            "military base in Galcad district, Somalia.\n\n"
            "Military officials said on Thursday that 69 militants had been killed "
            "in two separate operations in central Somalia.\n\n"
            "A spokesman told the media that at least 49 militants were killed in a "
            "joint operation in the Middle Shabelle region.",
            dt.date(2023, 1, 20),
            49,
            "at least 49",
            id="a part of a toll of several operations told the day before",
        ),
        pytest.param(
            "Six CRPF men were hurt when militants threw a grenade at a checkpoint "
            "in Srinagar on Saturday.\n\n"
            "The ministry's annual report said 257 militants and 91 security "
            "personnel were killed in the state last year.\n\n"
            "It said 39 civilians were also killed in that period.",
            dt.date(2019, 10, 26),
            39,
            "in that period",
            id="a toll of the period the paragraph before named",
        ),
        pytest.param(
            "Rebels ambushed a patrol in the jungle on Thursday, killing seven.\n\n"
            "By the early 1990s the rebels had nearly brought the government to "
            "its knees, killing 40 mayors and waging a car bomb campaign in Lima.",
            dt.date(2003, 7, 12),
            40,
            "By the early 1990s",
            id="a decade the rebels' old campaign ran to",
        ),
        pytest.param(
            "Gunmen attacked a VDP camp in Bilakoka on Wednesday, killing five.\n\n"
            "The force has paid a heavy price: an AFP tally puts its dead at around "
            "250.",
            dt.date(2021, 8, 12),
            250,
            "paid a heavy price",
            id="the price a force has paid over time",
        ),
    ],
)
def test_an_earlier_toll_is_background_not_counted(text, published, value, told_of):
    extraction = extract(text, published=published)
    assert value not in _counted(extraction)
    assert any(told_of in b.evidence.sentence for b in extraction.background)


def test_a_headline_s_rough_toll_is_not_counted_beside_the_prose_s():
    text = (
        "Niger: thirty soldiers and civilians killed in an attack near Tillaberi\n\n"
        "At least 25 soldiers and three civilians were killed on Friday when "
        "gunmen attacked a post near Tillaberi, officials said."
    )
    extraction = extract(text, published=dt.date(2023, 7, 8))
    (incident,) = extraction.incidents
    assert incident.counts["killed"] == {
        "civilians": 3,
        "security": 25,
        "attackers": None,
        "unspecified": None,
    }


def test_a_toll_over_many_incidents_is_a_statistic_not_news():
    text = (
        "Four soldiers were martyred when militants attacked a post in Tank on "
        "Tuesday.\n\n"
        "In Punjab 14 people lost their lives in nine attacks over the same months, "
        "and in Sindh seven in six incidents of terrorism.\n\n"
        "Separately, two policemen were wounded in two attacks in Bannu on Tuesday."
    )
    extraction = extract(text, published=dt.date(2023, 5, 3))
    counted = [f.value for i in extraction.incidents for f in i.figures]
    assert 14 not in counted
    assert 7 not in counted
    assert [b.evidence.sentence[:8] for b in extraction.background] == ["In Punja"]
    assert {i.place_reported for i in extraction.incidents} == {"Tank", "Bannu"}


def test_a_toll_some_days_earlier_is_background():
    text = (
        "Gunmen shot dead a police officer in Khash on Friday.\n\n"
        "A cleric alleged that the officer's men had killed two women a few days "
        "earlier."
    )
    extraction = extract(text, published=dt.date(2024, 8, 23))
    counted = [f.value for i in extraction.incidents for f in i.figures]
    assert 2 not in counted
    assert [b.evidence.sentence[:8] for b in extraction.background] == ["A cleric"]


def test_a_past_weekend_and_deaths_the_attack_followed_are_background():
    text = (
        "Four soldiers were martyred in a firefight in the Asman Manza area of South "
        "Waziristan on Tuesday.\n\n"
        "Over the weekend, 13 labourers were killed when their vehicle struck a "
        "landmine in North Waziristan.\n\n"
        "The firefight followed the deaths of three soldiers in Tank."
    )
    extraction = extract(text, published=dt.date(2023, 8, 23))
    counted = [f.value for i in extraction.incidents for f in i.figures]
    assert counted == [4]
    assert len(extraction.background) == 2


def test_a_provincial_capital_named_by_its_title_is_the_attacks_place():
    text = (
        "KABUL, Afghanistan (AP) — Insurgents attacked a police checkpoint in "
        "Badghis province and killed two police officers. The spokesman said "
        "Tuesday's attack, close to the provincial capital Qala-i-Now, also left "
        "four other police wounded."
    )
    extraction = extract(text, published=dt.date(2018, 9, 4))
    assert "Qala-i-Now" in [u.name for u in extraction.unplaced]
    (scene,) = [i for i in extraction.incidents if i.place_reported == "Qala-i-Now"]
    assert known(scene.counts["killed"]) == {"security": 2}


def test_an_unknown_name_lies_in_the_province_named_as_the_scene_not_the_datelines():
    text = (
        "KABUL, Afghanistan (AP) — Insurgents attacked a police checkpoint in "
        "Badghis province and killed two police officers. The spokesman said "
        "Tuesday's attack, close to the provincial capital Qala-i-Now, also left "
        "four other police wounded."
    )
    extraction = extract(text, published=dt.date(2018, 9, 4))
    (unplaced,) = [u for u in extraction.unplaced if u.name == "Qala-i-Now"]
    assert unplaced.wider is not None
    assert unplaced.wider.name == "Badghis"


def test_a_base_named_after_its_place_is_a_place_slot():
    text = (
        "A suicide bomber set off his charge at the El Salini base in Somalia on "
        "Wednesday, and twelve soldiers died."
    )
    extraction = extract(text, published=dt.date(2020, 2, 19))
    assert "El Salini" in [u.name for u in extraction.unplaced]


def test_a_stretch_of_time_later_keeps_the_background_of_the_sentence_before():
    text = (
        "Gunmen killed 31 people in villages of Maradun on Thursday.\n\n"
        "Gunmen were reported in February this year to have killed 36 people in "
        "Birane village.\n\n"
        "Then, a month later, police confirmed that three persons had died at Bawan "
        "Daji village in Anka."
    )
    extraction = extract(text, published=dt.date(2018, 7, 20))
    assert len(extraction.background) == 2
    assert "Bawan Daji" not in [i.place_reported for i in extraction.incidents]


def test_villages_listed_after_among_the_villages_hit_and_a_speaker_are_places():
    text = (
        "Gunmen killed more than 31 people in Maradun on Thursday. Among the "
        "villages hit, Abdullahi said, were Sakkada, Gyadadde, Barin Zare and Otawa."
    )
    extraction = extract(text, published=dt.date(2018, 7, 20))
    names = [u.name for u in extraction.unplaced]
    assert {"Sakkada", "Gyadadde", "Barin Zare", "Otawa"} <= set(names)


def test_a_month_two_months_before_the_report_is_background_early_in_a_month():
    text = (
        "TEHRAN (AFP): A policeman was killed on Saturday when a police station was "
        "attacked in Zahedan.\n\nIn late May, an official said Taliban forces had "
        "fired on an Iranian police station in a border region that also borders "
        "Afghanistan. One Iranian border guard had been killed."
    )
    extraction = extract(text, published=dt.date(2023, 7, 8))
    assert len(extraction.background) == 2
    (incident,) = extraction.incidents
    assert known(incident.counts["killed"]) == {"security": 1}


def test_the_daytime_of_the_day_before_the_attack_is_an_earlier_event():
    text = (
        "Five police officers died on Thursday when their vehicle struck a roadside "
        "bomb in Garissa county, in Kenya.\n\nOn Wednesday morning four policemen "
        "were killed when their vehicle ran over a roadside bomb near Liboi."
    )
    extraction = extract(text, published=dt.date(2017, 5, 25))
    assert len(extraction.background) == 1
    assert 4 not in [f.value for i in extraction.incidents for f in i.figures]


def test_one_sources_own_count_stands_only_where_no_toll_is_stated():
    text = (
        "A suicide bomber set off his charge at the El Salini base in Somalia on "
        "Wednesday. Twelve soldiers died, a military officer said.\n\nA spokesman for "
        "the group said the fighters had captured the base. By his count the "
        "attackers had killed 15 soldiers."
    )
    (incident,) = extract(text, published=dt.date(2020, 2, 20)).incidents
    assert known(incident.counts["killed"]) == {"security": 12}


def test_a_weekday_that_dates_a_statement_does_not_bring_the_news_back():
    text = (
        "Five police officers died on Thursday when their vehicle struck a roadside "
        "bomb in Garissa county, in Kenya.\n\nOn Wednesday morning four policemen "
        "were killed when their vehicle ran over a roadside bomb near Liboi. Three "
        "died at once, according to a police report seen by AFP on Thursday. Later "
        "that day a convoy was hit, killing five officers."
    )
    extraction = extract(text, published=dt.date(2017, 5, 25))
    assert len(extraction.background) == 3


DATED = [
    (
        "a statement's weekday and date",
        (
            "Suspected jihadists killed seventeen soldiers in an attack near Djibo, "
            "Burkina Faso, the general staff said in a statement on Tuesday, September "
            "5. Fifty-three combatants lost their lives on Monday, it said."
        ),
        dt.date(2023, 9, 5),
        dt.date(2023, 9, 4),
    ),
    (
        "a full date further down",
        (
            "Mali's army said it beat off an attack on a military camp in Timbuktu on "
            "Monday morning.\n\nThe army reported 13 deaths among the attackers.\n\nOn "
            "Sunday, JNIM attacked a military base in Boulkessi, in Mali.\n\nJNIM has "
            "claimed several recent attacks. It said it killed 40 soldiers in an "
            "assault on a base in Dioura, in central Mali, on 24 May 2025."
        ),
        dt.date(2025, 6, 2),
        dt.date(2025, 6, 1),
    ),
    (
        "a toll's day in the second paragraph",
        (
            "Suspected Boko Haram fighters have killed five farmers in the Gwoza area "
            'of Borno State, in north-east Nigeria.\n\nA resident said: "On Saturday '
            "morning, while these farmers were looking for food on their farm, "
            'suspected Boko Haram men came and killed all of them."'
        ),
        dt.date(2025, 9, 1),
        dt.date(2025, 8, 30),
    ),
    (
        "the day police spoke on",
        (
            "Iranian police say two border guards have been killed in clashes with a "
            "terrorist group in Sistan and Baluchestan Province.\n\nAccording to the "
            "police, who spoke on Saturday, guards of the border regiment of Jakigor "
            "saw terrorists on Friday night who had advanced to attack border units."
        ),
        dt.date(2020, 2, 22),
        dt.date(2020, 2, 21),
    ),
    (
        "in the middle of the night",
        (
            "A night raid on the city of Beni, in the Democratic Republic of the "
            "Congo, killed at least 10 people.\n\nResidents said on Thursday that in "
            "the middle of the night attackers had set fire to houses in the city's "
            "Beu district."
        ),
        dt.date(2021, 7, 1),
        dt.date(2021, 6, 30),
    ),
]
"""(what it shows, text, published, the attack's day): weekdays and dates that
date a statement or an earlier event, and those that date the attack."""


@pytest.mark.parametrize(
    ("text", "published", "day"), [c[1:] for c in DATED], ids=[c[0] for c in DATED]
)
def test_a_report_is_dated_by_the_day_of_its_attack(text, published, day):
    assert extract(text, published=published).date == day


def test_a_month_before_the_month_of_the_ledes_day_is_background():
    text = (
        "Three soldiers were killed on Tuesday when a bomb went off in Kalat.\n\n"
        "In August, four Levies personnel were killed in an attack in Ziarat."
    )
    extraction = extract(text, published=dt.date(2021, 9, 7))
    assert [i.place_reported for i in extraction.incidents] == ["Kalat"]
    assert len(extraction.background) == 1


def test_earlier_that_same_week_is_background():
    text = (
        "Three soldiers were killed on Tuesday when a bomb went off in Kalat.\n\n"
        "Last week four Levies personnel were killed in an attack in Ziarat.\n\n"
        "Earlier that same week two soldiers were wounded by a landmine in Sibi."
    )
    extraction = extract(text, published=dt.date(2021, 9, 7))
    assert [i.place_reported for i in extraction.incidents] == ["Kalat"]
    assert len(extraction.background) == 2


@pytest.mark.parametrize(
    "last",
    [
        "Five passers-by were also wounded in that attack.",
        "Five passers-by were also wounded in that operation.",
        "Five passers-by were also wounded in one of those attacks.\n\nThose "
        "killings happened in the Kuchlak area of Quetta, where the passers-by lived.",
    ],
)
def test_in_that_attack_later_in_a_sentence_keeps_the_earlier_event(last):
    text = (
        "Three soldiers were killed on Tuesday when a bomb went off in Kalat.\n\n"
        "On 3 May, two policemen were killed in an attack on a check post in Sibi.\n\n"
        + last
    )
    extraction = extract(text, published=dt.date(2021, 9, 7))
    (incident,) = extraction.incidents
    assert incident.place_reported == "Kalat"
    assert not known(incident.counts["injured"])
    assert len(extraction.background) == 2 + last.count("\n\n")


@pytest.mark.parametrize(
    "elsewhere",
    [
        "Elsewhere, and also recently, a checkpoint in Sibi was attacked and ten "
        "soldiers were killed there.",
        "The militants recently attacked a post in Sibi, and 17 Levies were killed.",
    ],
)
def test_an_attack_of_recent_days_is_background(elsewhere):
    text = (
        "Three soldiers were killed on Tuesday when a bomb went off in Kalat.\n\n"
        + elsewhere
    )
    extraction = extract(text, published=dt.date(2021, 9, 7))
    (incident,) = extraction.incidents
    assert incident.place_reported == "Kalat"
    assert len(extraction.background) == 1


def test_a_new_paragraph_naming_only_a_background_village_goes_on_about_it():
    text = (
        "Three soldiers were killed on Tuesday when a bomb went off in Kalat.\n\n"
        "On 3 January, gunmen attacked a mine in the Zarkhelan area of Balochistan, "
        "killing 11 miners.\n\n"
        "Levies sources said the gunmen fired on the Zarkhelan coal miners, injuring "
        "five others."
    )
    extraction = extract(text, published=dt.date(2021, 2, 15))
    (incident,) = extraction.incidents
    assert incident.place_reported == "Kalat"
    assert not known(incident.counts["injured"])
    assert 5 not in [f.value for f in extraction.totals]


def test_an_attack_dated_by_its_day_before_the_ledes_is_background():
    text = (
        "Gunmen attacked a police station in Saravan on October 30, causing no "
        "casualties.\n\nThe group also said it carried out an October 26 attack on a "
        "police convoy in Khash that killed 10 officers."
    )
    extraction = extract(text, published=dt.date(2024, 11, 1))
    assert [i.place_reported for i in extraction.incidents] == ["Saravan"]
    assert 10 not in [f.value for i in extraction.incidents for f in i.figures]


def test_a_groups_own_account_after_also_said_stands_only_where_no_toll_is_stated():
    text = (
        "Militants opened fire on a police station in Saravan on Wednesday. Police "
        "said the attack caused no casualties.\n\nThe group also said it had "
        "ambushed a patrol vehicle, killing one guard and wounding another."
    )
    (incident,) = extract(text, published=dt.date(2024, 11, 1)).incidents
    assert known(incident.counts["killed"]) == {"unspecified": 0}
    assert known(incident.counts["injured"]) == {"unspecified": 0}


def test_a_months_tally_is_background_even_early_in_the_next_month():
    text = (
        "Rebels killed eleven villagers in Kalunguta on Tuesday night.\n\n"
        "A lawmaker said that in September alone 216 people were murdered in rebel "
        "attacks."
    )
    extraction = extract(text, published=dt.date(2022, 10, 6))
    assert len(extraction.background) == 1
    assert 216 not in [f.value for f in extraction.totals]


def test_a_toll_of_last_mondays_attack_that_has_risen_is_news():
    text = (
        "Rebels killed eleven villagers in Beni, in North Kivu, DR Congo, on Tuesday "
        "night.\n\nElsewhere, the toll of last Monday's raid on the village of "
        "Mutwanga has risen: sources now speak of 20 dead."
    )
    extraction = extract(text, published=dt.date(2022, 10, 6))
    assert not extraction.background
    assert 20 in [f.value for i in extraction.incidents for f in i.figures]


def test_a_places_toll_told_again_with_no_place_is_not_a_second_total():
    text = (
        "Six soldiers were martyred and four terrorists killed on Tuesday in the "
        "Asman Manza area of South Waziristan district.\n\nThe military says four "
        "terrorists were killed; the police say the troops were targeted in the "
        'Sherwangi area.\n\n"During the exchange of fire, six brave soldiers '
        'embraced martyrdom," the military said.\n\nPolice said a squad of the '
        "Baloch Regiment came under attack in the Sherwangi area."
    )
    extraction = extract(text, published=dt.date(2023, 8, 23))
    assert 6 not in [f.value for f in extraction.totals]


def test_the_wounding_a_reported_death_came_of_is_the_news_however_long_ago():
    text = (
        "A border guard has died of wounds he received on duty in Saravan County, "
        "in Iran's Sistan and Baluchestan province.\n\nThe guard was hurt earlier "
        "this year, on September 14, in a gunfight with militants who attacked a "
        "patrol near the village of Zarkhelan in Saravan County, the commander said."
    )
    extraction = extract(text, published=dt.date(2025, 11, 27))
    assert extraction.date == dt.date(2025, 9, 14)
    assert not extraction.background


def test_a_paragraph_opening_on_no_place_goes_on_about_a_background_attack():
    text = (
        "Four guards were killed in Saravan county on Monday, the IRGC said.\n\n"
        "In October, an armed attack on a shrine in the city of Shiraz left 15 "
        "dead.\n\nA militant group claimed the brutal attack in a statement. The "
        "attackers struck the shrine in Shiraz in the evening."
    )
    extraction = extract(text, published=dt.date(2022, 12, 19))
    assert [i.place_reported for i in extraction.incidents] == ["Saravan"]
    assert len(extraction.background) == 2


def test_a_paragraph_after_a_background_sentence_marked_current_is_read():
    text = (
        "Three soldiers were killed on Tuesday when a bomb went off in Kalat.\n\n"
        "Last year, 14 soldiers were killed in a similar attack in Kech.\n\n"
        "The army said four more were wounded."
    )
    found = extract(text, published=dt.date(2024, 3, 5))
    again = extract(
        text, current=[found.background[0].key], published=dt.date(2024, 3, 5)
    )
    assert {i.place_reported for i in again.incidents} == {"Kalat", "Kech"}


def test_an_attack_hours_before_and_a_campaign_s_toll_are_background():
    text = (
        "Gunmen killed five soldiers at a checkpoint in Kalat at dawn on Thursday.\n\n"
        "The attack came hours after a drone strike late on Wednesday killed three "
        "militants in Sibi.\n\n"
        "A spokesman said that 40 soldiers had also been killed in the course of the "
        "campaign."
    )
    extraction = extract(text, published=dt.date(2014, 6, 5))
    (incident,) = extraction.incidents
    assert incident.place_reported == "Kalat"
    assert extraction.date == dt.date(2014, 6, 5)
    assert len(extraction.background) == 2


@pytest.mark.parametrize(
    "text",
    [
        "QUETTA: Only a couple of days after the Kech attack in which 10 soldiers "
        "lost their lives, three Levies personnel were martyred on Friday when twin "
        "bombs went off in Sui.",
        "Days after an ambush that killed 10 soldiers in Kech, three Levies "
        "personnel were martyred on Friday when a bomb went off in Sui.",
        "Three Levies personnel were martyred on Friday when a bomb went off in "
        "Sui, a week after an ambush that killed 10 soldiers in Kech.",
    ],
)
def test_an_earlier_attack_told_of_in_an_aside_is_background_and_the_rest_news(text):
    extraction = extract(text, published=dt.date(2022, 1, 29))
    (incident,) = extraction.incidents
    assert incident.place_reported == "Sui"
    assert known(incident.counts["killed"]) == {"security": 3}
    (aside,) = extraction.background
    assert "10 soldiers" in aside.evidence.sentence
    assert "Kech" in aside.places


def test_an_aside_marked_as_news_is_read_with_its_sentence():
    text = (
        "Days after an ambush that killed 10 soldiers in Kech, three Levies "
        "personnel were martyred on Friday when a bomb went off in Sui."
    )
    (aside,) = extract(text, published=dt.date(2022, 1, 29)).background
    again = extract(text, current=[aside.key], published=dt.date(2022, 1, 29))
    assert again.background == []
    assert "Kech" in {i.place_reported for i in again.incidents}


def test_hours_after_the_news_s_own_attack_is_no_aside():
    text = (
        "Gunmen killed three policemen in Turbat on Monday. Hours after the attack, "
        "a second bomb killed two soldiers in Turbat."
    )
    extraction = extract(text, published=dt.date(2022, 1, 29))
    assert extraction.background == []


def test_an_attack_the_news_came_after_is_background_and_the_news_keeps_its_place():
    text = (
        "Militants attacked a Levies post west of Turbat on Sunday night, killing "
        "at least one soldier.\n\n"
        "The attack on the post in Gogdan, about 45 km from Turbat, came shortly "
        "after troops said they had killed 34 militants on Saturday.\n\n"
        "An officer said the soldiers fled the post."
    )
    extraction = extract(text, published=dt.date(2016, 3, 21))
    assert [u.name for u in extraction.unplaced if u.incident] == ["Gogdan"]
    assert "Turbat" not in {i.place_reported for i in extraction.incidents}
    assert "34 militants" in extraction.background[0].evidence.sentence
    (gogdan,) = [u for u in extraction.unplaced if u.incident]
    assert gogdan.killed.get("attackers") is None


def test_those_victims_after_background_are_the_background_s():
    text = (
        "Gunmen shot dead seven labourers in Sarbandan on Thursday.\n\n"
        "On April 13, gunmen took nine passengers off a bus in Noshki and killed "
        "them.\n\n"
        "Those victims, from the Wazirabad and Gujranwala areas of Punjab, were on "
        "their way to Iran."
    )
    extraction = extract(text, published=dt.date(2024, 5, 10))
    assert [i.place_reported for i in extraction.incidents] == ["Sarbandan"]
    assert len(extraction.background) == 2


def test_earlier_attacks_the_news_follows_are_background_with_their_places():
    text = (
        "Militants ambushed a convoy near Turbat on Tuesday, killing two soldiers.\n\n"
        "The attack follows twin attacks on army troops in Panjgur and in Kech, in "
        "which at least 20 soldiers in all were killed."
    )
    extraction = extract(text, published=dt.date(2020, 2, 19))
    assert [i.place_reported for i in extraction.incidents] == ["Turbat"]
    assert "20 soldiers" in extraction.background[0].evidence.sentence


def test_two_days_of_one_month_date_the_news_by_the_first():
    text = (
        "On 9 and 10 August insurgents raided the villages of Nampanha and Mandela "
        "in Muidumbe district, beheading at least two civilians."
    )
    assert extract(text, published=dt.date(2022, 8, 15)).date == dt.date(2022, 8, 9)


def test_a_campaign_told_of_in_background_goes_on_as_background():
    text = (
        "Rebels killed 13 people in Ntoroko district on Tuesday, the army said.\n\n"
        "Last year the army launched air strikes on the rebels' bases across the "
        "border.\n\n"
        "Code-named Operation Shujja, the campaign concentrated on the bases at "
        "Tondoli and Yayuwa, where 40 rebels were killed."
    )
    extraction = extract(text, published=dt.date(2022, 12, 14))
    assert [u.name for u in extraction.unplaced if u.incident] == ["Ntoroko"]
    assert len(extraction.background) == 2


@pytest.mark.parametrize(
    "told",
    [
        "Earlier, in the first week of January, a blast aimed at a bus in Turbat "
        "killed four people and injured 32.",
        "Security forces carried out 16 reported actions in which 39 militants were "
        "killed.",
        "Before the ambush, the army had said that clashes had killed five rebels "
        "and one soldier.",
        "Since that time more than 500 soldiers have been killed in Kech.",
        "According to UN estimates, the group has since killed more than 36,000 "
        "people.",
        "The insurgency shook the country in the 1980s, and about 70,000 people "
        "died in the twenty years after the uprising.",
        "The killings followed recent attacks by bandits on two villages in Batsari, "
        "in which about 30 residents were killed.",
        "Boko Haram attacks have killed more than 20,000 people during the group's "
        "eight-year campaign.",
        "The rebels have been active in the east since the mid-1990s and have killed "
        "thousands of civilians there.",
        "Clashes between security personnel and suspected militants have lately "
        "grown more frequent in the North Waziristan tribal territory.",
        "Pakistan has seen a surge in terrorist attacks, especially in Khyber "
        "Pakhtunkhwa.",
        "Balochistan has lately been seeing a fresh wave of terror attacks.",
        "The same bandits were behind the killing of over 20 people at Dogon Dawa "
        "village, about a fortnight ago.",
        "Clashes between militant groups in the district have recently killed at "
        "least a dozen people.",
        "Dozens of policemen have also been killed in attacks by the group in the "
        "province.",
    ],
)
def test_the_words_of_an_earlier_time_tell_of_background(told):
    text = (
        "Militants attacked a police checkpost in Turbat on Saturday, killing two "
        "policemen, officials said.\n\n" + told
    )
    extraction = extract(text, published=dt.date(2025, 1, 19))
    (incident,) = [i for i in extraction.incidents if not i.event_wide]
    assert known(incident.counts["killed"]) == {"security": 2}
    assert len(extraction.background) == 1


@pytest.mark.parametrize(
    "closing",
    [
        "which it lost to government forces last year",
        "in a part of the country where killings have doubled over the last year",
        "in a province where more than 1,000 people have been killed since 2020",
    ],
)
def test_a_closing_clause_on_a_place_s_past_leaves_the_attack_news(closing):
    text = (
        "At least 10 soldiers were killed on Monday when militants attacked a town "
        f"in southern Somalia.\n\nThe militants mounted an attack in Jowhar, {closing}."
    )
    extraction = extract(text, published=dt.date(2025, 1, 20))
    (incident,) = extraction.incidents
    assert incident.place_reported == "Jowhar"
    assert known(incident.counts["killed"]) == {"security": 10}


def test_what_an_event_followed_shortly_after_and_weeks_after_it_are_background():
    text = (
        "A roadside bomb killed three Revolutionary Guards near Saravan on "
        "Wednesday.\n\n"
        "The group said it was avenging 16 people hanged in Zahedan last month. "
        "Those executions followed shortly after 14 border guards were killed near "
        "Saravan.\n\n"
        "Less than two weeks after that, a prosecutor and his driver were shot dead "
        "in Zabol."
    )
    extraction = extract(text, published=dt.date(2013, 12, 18))
    assert [i.place_reported for i in extraction.incidents if not i.event_wide] == [
        "Saravan"
    ]
    assert len(extraction.background) == 3


def test_that_attack_at_the_head_of_a_sentence_goes_on_with_the_earlier_event():
    text = (
        "Terrorists fired on an FC vehicle in the Shahrig area of Loralai on "
        "Saturday, martyring one soldier.\n\n"
        "On June 25, terrorists had attacked FC soldiers in Sibi, and five of them "
        "were martyred.\n\n"
        "That attack had been on an FC patrol party in Sangan, District Sibi."
    )
    extraction = extract(text, published=dt.date(2021, 8, 14))
    assert [i.place_reported for i in extraction.incidents if not i.event_wide] == [
        "Shahrig"
    ]
    assert len(extraction.background) == 2


def test_what_came_while_a_background_event_went_on_is_background():
    text = (
        "Boko Haram fighters attacked an army post at Gabalami in Chad overnight, "
        "killing six people.\n\n"
        "Last month three soldiers were killed in a clash with the jihadists.\n\n"
        "That came while Boko Haram was fighting soldiers of the task force in "
        "Arge, in Nigeria's Abadam district."
    )
    extraction = extract(text, published=dt.date(2018, 5, 6))
    assert [u.name for u in extraction.unplaced if u.incident] == ["Gabalami"]
    assert len(extraction.background) == 2


def test_the_area_of_a_name_after_two_words_is_a_place_slot():
    found = extract(
        "Terrorists attacked a checkpost in Balochistan's Qila Abdullah district. "
        "The checkpost was in the district's general area of Gulistan; two "
        "soldiers were martyred."
    )
    (item,) = found.as_json()["unplaced"]
    assert (item["name"], item["wider_place"]["name"]) == ("Gulistan", "Killa Abdullah")


def test_a_statement_s_weekday_below_a_headline_dates_the_lede():
    found = extract(
        "Pakistan: six soldiers martyred in suicide blast in North Waziristan\n\n"
        "RAWALPINDI: The ISPR said on Sunday that at least six soldiers were "
        "martyred in a suicide blast close to Miranshah.",
        published=dt.date(2022, 5, 16),
    )
    assert found.date == dt.date(2022, 5, 15)


def test_an_unknown_district_lies_in_the_province_named_before_it_not_the_dateline():
    found = extract(
        "KABUL, Afghanistan (AP) — Taliban insurgents attacked two checkpoints in "
        "eastern Afghanistan and killed four police officers.\n\n"
        "A spokesman for Nuristan province said on Sunday that the fighting in "
        "Kamdesh district started overnight."
    )
    (item,) = [u for u in found.as_json()["unplaced"] if u["name"] == "Kamdesh"]
    assert item["wider_place"]["name"] == "Nuristan"


def test_an_unknown_name_lies_in_the_attack_places_province_not_the_datelines():
    found = extract(
        "KARACHI: Gunmen shot dead two policemen at a check post in Xyzabad on "
        "Monday.\n\nSeparately, a bomb wounded three labourers in Turbat.",
        published=dt.date(2021, 9, 7),
    )
    (item,) = found.as_json()["unplaced"]
    assert (item["name"], item["wider_place"]["name"]) == ("Xyzabad", "Balochistan")


def test_an_unknown_district_the_attack_is_pointed_back_to_lies_in_the_province():
    found = extract(
        "KABUL, Afghanistan (AP) — Insurgents attacked a checkpoint in the southern "
        "province of Kandahar, killing at least five policemen.\n\n"
        "The spokesman said the attack took place in the Spin Bolduk district.",
        published=dt.date(2019, 1, 12),
    )
    (item,) = found.as_json()["unplaced"]
    assert (item["name"], item["wider_place"]["kind"]) == ("Spin Bolduk", "province")
    assert item["wider_place"]["name"].startswith("Kandah")


def test_a_day_said_of_a_place_where_no_attack_was_does_not_date_the_news():
    text = (
        "Gunmen ambushed an army bus overnight near Kalat, killing 26 soldiers.\n\n"
        "Officials said forces deployed in Mastung were on high alert on Friday "
        "morning."
    )
    extraction = extract(text, published=dt.date(2023, 8, 11))
    assert extraction.date == dt.date(2023, 8, 10)


def test_a_report_placed_only_by_a_name_the_gazetteer_lacks_is_dated_by_its_lede():
    text = (
        "Militants killed three soldiers on Monday. The attack took place in the "
        "Gogdan area, 20 km north of Turbat."
    )
    assert extract(text, published=dt.date(2025, 1, 7)).date == dt.date(2025, 1, 6)


@pytest.mark.parametrize(
    ("text", "published", "news_place", "earlier"),
    [
        (  # 'also' before a casualty verb keeps the state of the sentence before
            "Gunmen shot dead five bus passengers in Gwadar late on Wednesday.\n\n"
            "Earlier this month the group hijacked a train in the Bolan region, "
            "killing 31 people. Some 33 attackers were also killed in the operation "
            "that ended it.",
            dt.date(2025, 3, 27),
            "Gwadar",
            2,
        ),
        (  # losses over many clashes are a tally
            "Five soldiers were killed when terrorists attacked a check post in Sara "
            "Rogha late on Thursday night.\n\n"
            "Officials said militants had also suffered heavy casualties in clashes "
            "with the security forces, which had resulted in the killing of 60 "
            "terrorists.",
            dt.date(2021, 2, 20),
            "Sara Rogha",
            1,
        ),
        (  # a year things lasted until
            "Al Shabaab attacked a base in Laanta Buuro on Sunday night, killing a "
            "soldier.\n\n"
            "The group ruled large parts of Somalia until 2011, when troops drove it "
            "out of Mogadishu.",
            dt.date(2016, 3, 21),
            "Laanta Buuro",
            1,
        ),
        (  # the week before
            "Insurgents raided the village of Mandela in Muidumbe district, beheading "
            "at least two civilians.\n\n"
            "A newspaper reported that the week before, an insurgent group killed two "
            "men who were hunting in Macomia.",
            dt.date(2022, 8, 15),
            "Mandela",
            1,
        ),
    ],
)
def test_an_earlier_event_told_after_the_news_is_background(
    text, published, news_place, earlier
):
    extraction = extract(text, published=published)
    places = {i.place_reported for i in extraction.incidents} | {
        u.name for u in extraction.unplaced if u.incident
    }
    assert places == {news_place}
    assert "attackers" not in known((extraction.total_counts or {}).get("killed"))
    assert len(extraction.background) == earlier


def test_also_inside_a_paragraph_of_background_adds_to_that_background():
    text = (
        "Six FC personnel were wounded on Wednesday when terrorists attacked a "
        "checkpoint in the Takhti Khel Wazir area of Bannu.\n\n"
        "On July 21, more than a dozen terrorists attacked a police station in "
        "Bannu's Bakkakhel area. The police also foiled a sabotage attempt by "
        "defusing explosives in the Ghoriwala town of Bannu, killing two "
        "terrorists."
    )
    extraction = extract(text, published=dt.date(2025, 7, 24))
    news = {i.place_reported for i in extraction.incidents} | {
        u.name for u in extraction.unplaced if u.incident
    }
    assert "Ghoriwala" not in news
    assert len(extraction.background) == 2


def test_the_first_news_toll_with_its_day_dates_the_news_below_a_byline():
    text = (
        "Suicide bombing of Iran's Guards kills 31\n\n"
        "A lone bomber gets into a meeting of tribesmen.\n\n"
        "October 19, 2009 | Jeffrey Fleishman and Ramin Mostaghim\n\n"
        "CAIRO AND TEHRAN \u2014 A suicide bomber on Sunday killed six Guard "
        "commanders and 36 other people at a gathering of tribal leaders.\n\n"
        "The attack was carried out in a gymnasium in the city of Pisheen in "
        "Sistan-Baluchistan."
    )
    found = extract(text, published=dt.date(2009, 10, 19))
    assert found.date == dt.date(2009, 10, 18)
    (pisheen,) = [u for u in found.unplaced if u.name == "Pisheen"]
    assert pisheen.wider is not None
    assert pisheen.wider.name == "Sistan and Baluchestan"


def test_what_an_official_had_said_earlier_is_the_same_attack_s_first_toll():
    text = (
        "Police said three constables were martyred on Thursday in an attack on the "
        "Takhta Beg police checkpost in Jamrud tehsil.\n\n"
        "Earlier, the DPO had said that two police officials were martyred in the "
        "attack."
    )
    found = extract(text, published=dt.date(2023, 1, 19))
    assert "security" not in known((found.total_counts or {}).get("killed") or {})


def test_a_day_before_the_news_at_no_place_after_an_earlier_event_is_background():
    text = (
        "Suspected jihadists killed at least 12 soldiers in an attack on the "
        "military outpost at Guire in central Mali on Sunday, a security source "
        "said.\n\n"
        "Last month suspected jihadists killed 21 Malian soldiers in a raid on "
        "another army camp, at Dioura in central Mali.\n\n"
        "On Saturday a UN peacekeeper was killed and four others were wounded when "
        "a mine went off as their convoy passed through a central region."
    )
    extraction = extract(text, published=dt.date(2019, 4, 22))
    assert any("UN peacekeeper" in b.evidence.sentence for b in extraction.background)
    (guire,) = extraction.incidents
    assert guire.counts["injured"] == dict.fromkeys(guire.counts["injured"])


def test_an_aside_on_who_a_group_is_dates_no_attack():
    text = (
        "Officials said forty people were killed in the north-east of the Democratic "
        "Republic of the Congo in the latest gruesome attack on civilians.\n\n"
        "A rights worker said fighters of the Allied Democratic Forces (ADF), a group "
        "driven out of Uganda in the late 1990s, attacked Samboko village in the "
        "city of Bunia."
    )
    found = extract(text, published=dt.date(2020, 5, 27))
    assert not found.background
    assert [i.place_reported for i in found.incidents] == ["Samboko"]
