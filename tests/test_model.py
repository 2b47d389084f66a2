import dataclasses
import datetime as dt

import pytest

from components.domain.fields import (
    parse_attack_types,
    parse_coordinate,
    parse_count,
    parse_date,
    parse_precision,
    parse_target_type,
    parse_text,
)
from components.domain.model import (
    EDITABLE_COLUMNS,
    FILE_COLUMNS,
    INCIDENT_FIELDS,
    STORED_COLUMNS,
    TABLE_COLUMNS,
    Casualties,
    Incident,
    Source,
)
from components.domain.records import INCIDENT_COLUMNS
from components.domain.vocabularies import (
    ATTACK_TYPES,
    NOT_REPORTED,
    TARGET_TYPES,
    GeoPrecision,
)
from components.support.errors import FieldError
from tests.conftest import ROOT

NOT_DIGITS = "is not a whole number written in digits; leave it blank if not reported"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", None),
        ("  ", None),
        ("0", 0),
        ("145", 145),
        (" 7 ", 7),
        ("007", 7),
        ("1000000", 1_000_000),
    ],
)
def test_valid_counts(raw, expected):
    assert parse_count("injured", raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("-1", "is negative (-1); counts cannot be below 0"),
        ("3.5", f"'3.5' {NOT_DIGITS}"),
        ("many", f"'many' {NOT_DIGITS}"),
        ("nan", f"'nan' {NOT_DIGITS}"),
        ("1e9", f"'1e9' {NOT_DIGITS}"),
        ("1_000", f"'1_000' {NOT_DIGITS}"),
        ("1,000", f"'1,000' {NOT_DIGITS}"),
        ("+5", f"'+5' {NOT_DIGITS}"),
        ("\u0661\u0662", f"'\u0661\u0662' {NOT_DIGITS}"),  # Arabic-Indic digits
        ("1000001", "1,000,001 is more than 1,000,000, the most one record may hold"),
        (
            "99999999999999999999999",
            "99,999,999,999,999,999,999,999 is more than 1,000,000, "
            "the most one record may hold",
        ),
        (
            "9" * 5000,
            "a 5000-digit number is more than 1,000,000, the most one record may hold",
        ),
    ],
)
def test_invalid_counts(raw, message):
    """Nothing a spreadsheet or a float parser would bend into a count passes."""
    with pytest.raises(FieldError) as error:
        parse_count("injured", raw)
    assert (error.value.field, error.value.message) == ("injured", message)


@pytest.mark.parametrize(
    ("raw", "limit", "expected"),
    [("", 90, None), ("30.18", 90, 30.18), ("-90", 90, -90.0), ("180", 180, 180.0)],
)
def test_valid_coordinates(raw, limit, expected):
    assert parse_coordinate("lat", raw, limit) == expected


@pytest.mark.parametrize(
    ("raw", "limit", "message"),
    [
        ("95", 90, "95 is out of range; must be -90 to 90"),
        ("-180.5", 180, "-180.5 is out of range; must be -180 to 180"),
        ("nan", 90, "nan is out of range; must be -90 to 90"),
        ("inf", 180, "inf is out of range; must be -180 to 180"),
        ("30,18", 90, "'30,18' is not a number"),
    ],
)
def test_invalid_coordinates(raw, limit, message):
    with pytest.raises(FieldError) as error:
        parse_coordinate("lat", raw, limit)
    assert error.value.message == message


@pytest.mark.parametrize("raw", ["01/02/2026", "2026-13-01", "yesterday", "2026-2-1"])
def test_unparseable_dates(raw):
    with pytest.raises(FieldError) as error:
        parse_date("date", raw)
    assert error.value.message == f"cannot parse date {raw!r}; expected YYYY-MM-DD"


def test_date_is_required_unless_optional():
    assert parse_date("date", "2026-02-01") == dt.date(2026, 2, 1)
    assert parse_date("source_date", "", required=False) is None
    with pytest.raises(FieldError, match="is empty; it is required"):
        parse_date("date", "")


def test_target_types_cover_the_report_and_map_to_gtd():
    expected = {
        "police_paramilitary": 3,
        "frontier_corps_hq": 4,
        "prison": 3,
        "government": 2,
        "market": 14,
        "bank": 1,
        "hospital": 1,
        "school": 8,
        "railway": 19,
        "telecoms": 16,
        # GTD's other target types, one entry each:
        "military": 4,
        "business": 1,
        "private_citizens": 14,
        "transportation": 19,
        "utilities": 21,
        "religious": 15,
        "media": 10,
        "diplomatic": 7,
        "aviation": 6,
        "ngo": 12,
        "maritime": 11,
        "food_water": 9,
        "non_state_militia": 17,
        "tourists": 18,
        "political_party": 22,
        "abortion_related": 5,
        "other": 13,
        NOT_REPORTED: 20,
    }
    assert {code: t.gtd_code for code, t in TARGET_TYPES.items()} == expected
    assert len({t.colour for t in TARGET_TYPES.values()}) == len(TARGET_TYPES)


def test_attack_types_use_gtd_codes_one_to_nine():
    assert sorted(a.gtd_code for a in ATTACK_TYPES.values()) == list(range(1, 10))
    assert ATTACK_TYPES["armed_assault"].gtd_code == 2
    assert ATTACK_TYPES["bombing"].gtd_code == 3
    assert ATTACK_TYPES["facility_attack"].gtd_code == 7


def test_unknown_target_type_names_the_known_ones():
    with pytest.raises(FieldError) as error:
        parse_target_type("target_type", "mosque")
    assert error.value.message.startswith("unknown target type 'mosque'; known: police")
    assert parse_target_type("target_type", " prison ") == "prison"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("armed_assault", ("armed_assault",)),
        ("armed_assault; bombing;armed_assault", ("armed_assault", "bombing")),
        (NOT_REPORTED, (NOT_REPORTED,)),
    ],
)
def test_valid_attack_types(raw, expected):
    assert parse_attack_types("attack_types", raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "is empty; write not_reported if the source is silent"),
        ("bombing;drone", "unknown attack type 'drone'; known:"),
        ("bombing;not_reported", "not_reported cannot be combined with other types"),
    ],
)
def test_invalid_attack_types(raw, message):
    with pytest.raises(FieldError) as error:
        parse_attack_types("attack_types", raw)
    assert error.value.message.startswith(message)


def test_precision_codes():
    assert parse_precision("geo_precision", "3", GeoPrecision) is GeoPrecision.REGION
    with pytest.raises(FieldError, match="'4' is not one of 1, 2, 3"):
        parse_precision("geo_precision", "4", GeoPrecision)


@pytest.mark.parametrize("raw", ["bad\x00byte", "escape \x1b[2J", "bell\x07"])
def test_control_characters_are_rejected(raw):
    with pytest.raises(FieldError, match="contains the control character"):
        parse_text("notes", raw)


def test_text_keeps_markup_as_characters():
    hostile = "<img src=x onerror=alert(1)> `${alert(1)}` </script>"
    assert parse_text("notes", hostile) == hostile


def test_unknown_deaths_are_not_zero():
    assert Casualties().killed_total is None
    assert Casualties(killed_civilians=0).killed_total == 0
    assert Casualties(killed_civilians=31, killed_attackers=145).killed_total == 176


def test_data_readme_documents_every_vocabulary_entry():
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for t in TARGET_TYPES.values():
        subtype = t.gtd_subtype or "—"
        row = f"| `{t.code}` | {t.label} | {t.gtd_code} | {t.gtd_label} | {subtype} |"
        assert row in readme
    for a in ATTACK_TYPES.values():
        assert f"| `{a.code}` | {a.label} | {a.gtd_code} | {a.gtd_label} |" in readme


def _record_columns() -> set[str]:
    """The columns an :class:`Incident` holds, its casualties and source spread."""
    spread = {"casualties", "source", "spread"}
    names = {f.name for f in dataclasses.fields(Incident)} - spread
    names |= {f.name for f in dataclasses.fields(Casualties)}
    names |= {f"source_{f.name}" for f in dataclasses.fields(Source)}
    names |= {"sources"}  # FigureRange: the count, and each side's low and high
    names |= {
        f"{f.name}_{end}"
        for f in dataclasses.fields(Casualties)
        for end in ("low", "high")
    }
    return names


def test_the_record_class_holds_every_stored_column():
    assert _record_columns() == set(STORED_COLUMNS)


def test_the_database_keeps_every_stored_column_of_a_revision():
    from components.store.schema import IncidentRevision

    columns = set(IncidentRevision.__table__.columns.keys())
    stored = (set(STORED_COLUMNS) - {"id"}) | {"incident_id"}
    bookkeeping = {"id", "number", "save_id", "retracted", "pinned", "geom"}
    assert stored <= columns
    assert columns - stored <= bookkeeping


def test_the_files_the_table_and_the_review_share_the_field_list():
    from components.report.intake import EDITABLE_COLUMNS as REVIEWED

    assert INCIDENT_COLUMNS == FILE_COLUMNS
    assert set(FILE_COLUMNS) <= set(TABLE_COLUMNS)
    assert set(REVIEWED) - {"evidence"} == set(EDITABLE_COLUMNS)
    assert [f.name for f in INCIDENT_FIELDS if f.derived] == [
        "target_label",
        "attack_labels",
        "current",
    ]
