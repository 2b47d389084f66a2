"""Places that reports of attacks in Balochistan, Khyber Pakhtunkhwa and Sistan and
Baluchestan name: each resolves near the point its source gives, and namesakes in
other provinces stay candidates that the text's own province picks."""

import csv

import pytest
from geopy.distance import geodesic

from components.gazetteer import Gazetteer
from components.report.places import find_places
from components.report.segments import plain, sentences
from tests.conftest import ROOT

KP = "Khyber Pakhtunkhwa"
SB = "Sistan and Baluchestan"
BALOCHISTAN = "Balochistan"
WITHIN_KM = 30.0

# name -> (province, cited point). Points are those of the cited records: GeoNames
# (geonames.org, CC BY 4.0) unless the comment says otherwise. A district is at
# its headquarters town.
CITED = {
    # Khyber Pakhtunkhwa
    "Mir Ali": (KP, (32.97, 70.27)),  # Wikipedia, Mir Ali, Pakistan
    "Mirali": (KP, (32.97, 70.27)),
    "Miranshah": (KP, (33.00059, 70.07117)),  # GeoNames 1170367
    "Miran Shah": (KP, (33.00059, 70.07117)),
    "Datta Khel": (KP, (32.90849, 69.74477)),  # GeoNames 1109262
    "North Waziristan": (KP, (33.00059, 70.07117)),
    "South Waziristan": (KP, (32.29889, 69.5725)),  # Wana, GeoNames 1162634
    "Wana": (KP, (32.29889, 69.5725)),
    "Dera Ismail Khan": (KP, (31.83129, 70.9017)),  # GeoNames 1180281
    "DI Khan": (KP, (31.83129, 70.9017)),
    "D.I. Khan": (KP, (31.83129, 70.9017)),
    "Kulachi": (KP, (31.93058, 70.45959)),  # GeoNames 1172779
    "Bannu": (KP, (32.98527, 70.60403)),  # GeoNames 1183460
    "Lakki Marwat": (KP, (32.60724, 70.91234)),  # Lakki, GeoNames 1172339
    "Tank": (KP, (32.21707, 70.38315)),  # GeoNames 1163905
    "Khyber": (KP, (34.0988, 71.14108)),  # Landi Kotal, GeoNames 1172208
    "Landi Kotal": (KP, (34.0988, 71.14108)),
    "Landikotal": (KP, (34.0988, 71.14108)),
    "Bajaur": (KP, (34.7361, 71.52739)),  # Khar, GeoNames 1174089
    "Khar": (KP, (34.7361, 71.52739)),
    "Kurram": (KP, (33.89968, 70.10012)),  # Parachinar, GeoNames 1168394
    "Parachinar": (KP, (33.89968, 70.10012)),
    "Chitral": (KP, (35.8518, 71.78636)),  # GeoNames 1181065
    "Dir": (KP, (35.2074, 71.8768)),  # GeoNames 1179757 ("Upper Dir")
    "Lower Dir": (KP, (34.82659, 71.84423)),  # Timargara, GeoNames 1111188
    "Swat": (KP, (34.74655, 72.35568)),  # Saidu Sharif, GeoNames 1166475
    "Kohat": (KP, (33.58196, 71.44929)),  # GeoNames 1173491
    "Hangu": (KP, (33.53198, 71.0595)),  # GeoNames 1177203
    "Karak": (KP, (33.11633, 71.09354)),  # GeoNames 1174074
    "Peshawar": (KP, (34.008, 71.57849)),  # GeoNames 1168197
    "Orakzai": (KP, (33.7025, 71.00111)),  # Wikipedia (ru), Orakzai agency
    "Shangla": (KP, (34.92043, 72.63256)),  # Alpuri, Wikidata Q3305883
    # Sistan and Baluchestan
    "Zahedan": (SB, (29.4963, 60.8629)),  # GeoNames 1159301
    "Rask": (SB, (26.23682, 61.39901)),  # Rāsak, GeoNames 1159836
    "Saravan": (SB, (27.37089, 62.33096)),  # GeoNames 1159713
    "Chabahar": (SB, (25.2919, 60.643)),  # GeoNames 1161724
    "Iranshahr": (SB, (27.20245, 60.68476)),  # GeoNames 1160939
    "Khash": (SB, (28.22107, 61.21582)),  # GeoNames 1160571
    "Mirjaveh": (SB, (29.0148, 61.44959)),  # GeoNames 1160258
    "Sarbaz": (SB, (26.63228, 61.25787)),  # GeoNames 1159709
    "Nikshahr": (SB, (26.2258, 60.2143)),  # GeoNames 1160110
    "Zabol": (SB, (31.0306, 61.4949)),  # GeoNames 1113217
    # Balochistan
    "Bolan Pass": (BALOCHISTAN, (29.453516, 67.494648)),  # lovemypakistan.com GPS
    "Mach": (BALOCHISTAN, (29.86371, 67.33018)),  # GeoNames 1171757
    "Dhadar": (BALOCHISTAN, (29.47489, 67.65167)),  # GeoNames 1180825
    "Kalat": (BALOCHISTAN, (29.02663, 66.59361)),  # GeoNames 1175296
    "Surab": (BALOCHISTAN, (28.49276, 66.25999)),  # GeoNames 1164306
    "Zhob": (BALOCHISTAN, (31.34082, 69.4493)),  # GeoNames 1162105
    "Qila Saifullah": (BALOCHISTAN, (30.70077, 68.35984)),  # GeoNames 1167550
    "Harnai": (BALOCHISTAN, (30.10077, 67.93824)),  # GeoNames 1177098
    "Dera Bugti": (BALOCHISTAN, (29.03619, 69.15849)),  # GeoNames 1180295
    "Awaran": (BALOCHISTAN, (26.45677, 65.23144)),  # GeoNames 1184205
    "Musakhel": (BALOCHISTAN, (30.85944, 69.82208)),  # GeoNames 1169663
    "Taftan": (BALOCHISTAN, (28.94687, 61.58661)),  # GeoNames 9969716
    # Other spellings (aliases cited in data/gazetteer/sources/*_aliases.csv)
    "Qalat": (BALOCHISTAN, (29.02663, 66.59361)),  # Kalat, not Qalat in Zabul
    "Noshke": (BALOCHISTAN, (29.55218, 66.02288)),  # Nushki, GeoNames 1168749
    "Timargarh": (KP, (34.82659, 71.84423)),  # Timargara, GeoNames 1111188
    "Khaar": (KP, (34.7361, 71.52739)),  # Khar, GeoNames 1174089
    # Railway stations: Wikipedia infobox points (CC BY-SA 4.0)
    "Koh-e-Taftan railway station": (BALOCHISTAN, (28.9726, 61.557)),
    "Kuh-i-Taftan": (BALOCHISTAN, (28.9726, 61.557)),
    "Qilla Abdullah railway station": (BALOCHISTAN, (30.73456, 66.65236)),
}


@pytest.mark.parametrize(("name", "expected"), CITED.items())
def test_named_place_resolves_within_30_km_of_its_cited_point(
    gazetteer: Gazetteer, name, expected
):
    province, point = expected
    found = gazetteer.match(name, fuzzy=False)
    assert found.place is not None, found.suggestions
    assert found.place.admin1 == province
    assert geodesic(found.place.point, point).km < WITHIN_KM, found.place


@pytest.mark.parametrize(
    ("spelling", "province", "country"),
    [
        ("KP", KP, "PK"),
        ("KPK", KP, "PK"),
        ("K-P", KP, "PK"),
        ("NWFP", KP, "PK"),
        ("Khyber Pakhtunkhwa", KP, "PK"),
        ("Sistan-Baluchestan", SB, "IR"),
        ("Sistan and Baluchestan", SB, "IR"),
        ("Sistan o Baluchestan", SB, "IR"),
        ("Sistan-o-Baluchestan", SB, "IR"),
        ("Sistan and Baluchistan", SB, "IR"),
    ],
)
def test_province_spellings_resolve_to_the_province(
    gazetteer: Gazetteer, spelling, province, country
):
    place = gazetteer.lookup(spelling)
    assert (place.kind, place.admin1, place.country) == ("province", province, country)


def test_districts_answer_with_their_headquarters_next(gazetteer: Gazetteer):
    found = gazetteer.match("North Waziristan")
    assert (found.place.kind, found.place.admin1) == ("district", KP)
    assert found.alternatives[0].name == "Miran Shah"
    assert gazetteer.match("Lakki Marwat").alternatives[0].name == "Lakki"


def test_towns_carry_their_district(gazetteer: Gazetteer):
    assert gazetteer.lookup("Mir Ali").district == "North Waziristan"
    assert gazetteer.lookup("Wana").district == "South Waziristan"
    assert gazetteer.lookup("Landi Kotal").district == "Khyber"


def _in(gazetteer: Gazetteer, name: str, province: str):
    """The candidate called ``name`` in ``province`` (a caller's province hint)."""
    matches = [p for p in gazetteer.candidates(name) if p.admin1 == province]
    assert matches, (name, province, gazetteer.candidates(name))
    return matches[0]


def test_both_pishins_are_candidates_and_a_province_hint_picks_each(
    gazetteer: Gazetteer,
):
    pakistan = _in(gazetteer, "Pishin", BALOCHISTAN)
    iran = _in(gazetteer, "Pishin", SB)
    assert geodesic(pakistan.point, (30.58176, 66.99406)).km < WITHIN_KM  # 1167821
    assert geodesic(iran.point, (26.07937, 61.75403)).km < WITHIN_KM  # 1159975
    assert iran.country == "IR"
    # Without a hint the stated bias (Pakistan, then Balochistan) decides.
    assert gazetteer.lookup("Pishin").admin1 == BALOCHISTAN


def _places_in(gazetteer: Gazetteer, text: str) -> dict[str, tuple[str, str]]:
    body = plain(text)
    mentions, _ = find_places(body, list(sentences(body)), gazetteer)
    return {m.text: (m.place.country, m.place.admin1) for m in mentions}


def test_the_text_s_own_province_picks_the_namesake(gazetteer: Gazetteer):
    iran = _places_in(
        gazetteer,
        "Gunmen attacked a police station in Pishin in Iran's Sistan-Baluchestan "
        "province on Tuesday.",
    )
    assert iran["Pishin"] == ("IR", SB)
    pakistan = _places_in(
        gazetteer, "Gunmen attacked a police station in Pishin, near Quetta."
    )
    assert pakistan["Pishin"] == ("PK", BALOCHISTAN)


def test_a_frontier_report_places_its_towns_in_khyber_pakhtunkhwa(
    gazetteer: Gazetteer,
):
    found = _places_in(
        gazetteer,
        "Militants attacked a checkpost in Mir Ali, North Waziristan. Police in "
        "DI Khan and Bannu were put on alert across KP.",
    )
    assert set(found) >= {"Mir Ali", "DI Khan", "Bannu", "KP"}
    assert {admin1 for _, admin1 in found.values()} == {KP}


def test_nasirabad_is_the_balochistan_district_with_its_namesakes_after(
    gazetteer: Gazetteer,
):
    found = gazetteer.match("Nasirabad")
    assert (found.place.kind, found.place.admin1) == ("district", BALOCHISTAN)
    assert any(p.admin1 == "Sindh" for p in found.alternatives)


def _not_placed() -> dict[str, dict[str, str]]:
    path = ROOT / "data" / "gazetteer" / "not_placed.csv"
    with path.open(encoding="utf-8") as handle:
        return {row["name"]: row for row in csv.DictReader(handle)}


@pytest.mark.parametrize(
    "name",
    [
        "Nasirabad (Kech)",
        "Khost (Harnai)",
        "Razmak",
        "Spinwam",
        "Bara",
        "Tirah",
        "Mohmand",
    ],
)
def test_places_without_a_cited_point_are_listed_as_not_placed(
    gazetteer: Gazetteer, name
):
    row = _not_placed()[name]
    assert "No coordinate found" in row["notes"]
    assert name not in gazetteer


def test_placed_rows_left_the_not_placed_list(gazetteer: Gazetteer):
    not_placed = _not_placed()
    for name in ("Bolan Pass", "Mir Ali", "North Waziristan", "Lower Dir", "Orakzai"):
        assert name in gazetteer
        assert name not in not_placed


# Known hazards of the ranking (country first, then Balochistan, before the kind
# of match): noted, not fixed here. Each fails today; a fix makes it pass.
@pytest.mark.xfail(strict=True, reason="GeoNames alternate name of Pir Jo Goth")
def test_kingri_is_not_placed_in_sindh(gazetteer: Gazetteer):
    found = gazetteer.match("Kingri", fuzzy=False)
    assert found.place is None or found.place.admin1 == BALOCHISTAN


@pytest.mark.xfail(strict=True, reason="Dasht of Kech has no cited point yet")
def test_dasht_is_not_placed_in_north_khorasan(gazetteer: Gazetteer):
    found = gazetteer.match("Dasht", fuzzy=False)
    assert found.place is None or found.place.admin1 == BALOCHISTAN
