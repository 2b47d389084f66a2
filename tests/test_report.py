import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from components.model import GeoPrecision
from components.report import (
    MAX_REPORT_CHARS,
    ReportError,
    decode_report,
    extract,
    html_to_text,
    main,
    parse_number,
    plain,
)
from tests.conftest import ROOT, SEED_REPORT, TEST_DATA

PHRASINGS = json.loads((TEST_DATA / "reports" / "phrasings.json").read_text())


@pytest.mark.skipif(not SEED_REPORT.exists(), reason=f"{SEED_REPORT} is not present")
def test_seed_report_yields_what_it_says():
    found = extract(SEED_REPORT.read_text(encoding="utf-8"))
    places = {(m.place.name, m.geo_precision) for m in found.places}
    assert places == {
        ("Balochistan", GeoPrecision.REGION),
        ("Quetta", GeoPrecision.TOWN),
        ("Gwadar", GeoPrecision.TOWN),
        ("Mastung", GeoPrecision.TOWN),
        ("Nushki", GeoPrecision.TOWN),
        ("Dalbandin", GeoPrecision.TOWN),
    }
    assert [t.code for t in found.targets] == [
        "police_paramilitary",
        "frontier_corps_hq",
        "prison",
        "government",
        "market",
        "bank",
        "hospital",
        "school",
        "railway",
        "telecoms",
    ]
    assert {a.code for a in found.attacks} == {"armed_assault", "bombing"}
    assert found.killed("civilians").value == 31
    assert found.killed("security").value == 17
    attackers = found.killed("attackers")
    assert (attackers.value, attackers.at_least) == (145, True)
    assert found.killed("unspecified") is None
    assert found.injured() is None
    assert found.date.isoformat() == "2026-02-01"


def items(found) -> dict[str, set]:
    return {
        "places": {m.place.name for m in found.places},
        "targets": {t.code for t in found.targets},
        "attacks": {a.code for a in found.attacks},
        "figures": {(f.group, f.outcome, f.value) for f in found.figures},
    }


def test_own_phrasings_precision_and_recall(report_metrics):
    totals = {kind: [0, 0, 0] for kind in ("places", "targets", "attacks", "figures")}
    misses = []
    for case in PHRASINGS:
        got = items(extract(case["text"]))
        for kind, counts in totals.items():
            expected = {tuple(x) if isinstance(x, list) else x for x in case[kind]}
            true_positive = len(got[kind] & expected)
            counts[0] += true_positive
            counts[1] += len(got[kind])
            counts[2] += len(expected)
            if got[kind] != expected:
                misses.append((case["text"][:50], kind, got[kind] ^ expected))
    for kind, (tp, found, expected) in totals.items():
        precision = tp / found if found else 1.0
        recall = tp / expected if expected else 1.0
        report_metrics[kind] = (precision, recall, tp, found, expected)
    assert all(p >= 0.9 and r >= 0.9 for p, r, *_ in report_metrics.values()), misses


def test_every_evidence_span_quotes_the_text():
    text = " ".join(case["text"] for case in PHRASINGS)
    found = extract(text)
    evidence = [m.evidence for m in [*found.places, *found.targets, *found.attacks]]
    evidence += [f.evidence for f in found.figures]
    assert evidence
    for item in evidence:
        assert text[item.start : item.end] == item.text
        assert item.text in item.sentence


def test_typographic_characters_keep_offsets():
    text = "Militants\u2019 attack on Noshki FC camp \u2014 12\u201115 soldiers killed."
    assert len(plain(text)) == len(text)
    found = extract(text)
    (figure,) = found.figures
    assert (figure.value, figure.high, figure.group) == (12, 15, "security")
    assert text[figure.evidence.start : figure.evidence.end] == "12\u201115 soldiers"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("17", (17, False)),
        ("1,234", (1234, False)),
        ("seventeen", (17, False)),
        ("forty-five", (45, False)),
        ("dozens", (24, True)),
        ("a dozen", (12, False)),
    ],
)
def test_parse_number(word, expected):
    assert parse_number(word) == expected


def test_qualifiers_and_non_counts():
    found = extract(
        "At least 12 cities were hit over 40 hours in 2026. About 30 people were "
        "killed and more than 50 injured on 2 February 2026."
    )
    figures = {(f.group, f.outcome): f for f in found.figures}
    assert set(figures) == {("unspecified", "killed"), ("unspecified", "injured")}
    assert figures["unspecified", "killed"].approximate
    assert figures["unspecified", "injured"].at_least
    assert found.date.isoformat() == "2026-02-02"


def test_html_is_reduced_to_text_without_script():
    markup = (
        "<html><head><title>T</title><script>var Quetta = 1;</script></head>"
        "<body><p>Blast in <b>Gwadar</b> &amp; Turbat.</p><style>p{}</style></body>"
    )
    text = decode_report(markup.encode(), "report.html")
    assert text == "Blast in Gwadar & Turbat."
    assert [m.place.name for m in extract(text).places] == ["Gwadar", "Turbat"]
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
    text = "<script>alert(1)</script> `${alert(1)}` Quetta \x1b[2J " * 100
    found = extract(text)
    assert [m.place.name for m in found.places] == ["Quetta"]


def test_cli_prints_json(tmp_path: Path, capsys):
    report = tmp_path / "r.md"
    report.write_text(PHRASINGS[0]["text"], encoding="utf-8")
    assert main([str(report)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) >= {"date", "places", "targets", "attacks", "casualties"}
    (place,) = result["places"]
    assert set(place) >= {"name", "lat", "lon", "geo_precision", "evidence"}
    assert result["casualties"]["security"]["value"] == 17
    assert result["casualties"]["injured"]["value"] == 9
    assert result["casualties"]["civilians"] is None


def test_cli_refuses_binary_with_exit_2(tmp_path: Path):
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"\x00" * 100)
    result = subprocess.run(
        [sys.executable, "-m", "components.report", str(blob)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 2
    assert "is not text" in result.stderr


def test_twenty_kilobyte_report_is_quick():
    """A sanity bound only; bench/report_extraction.py measures the speed."""
    text = " ".join(case["text"] for case in PHRASINGS)
    text = (text + "\n") * (20_000 // len(text) + 1)
    started = time.perf_counter()
    extract(text)
    assert time.perf_counter() - started < 5


def test_evidence_sentence_offsets_survive_bullets_and_spaces():
    text = "Header\n  - 31 civilians killed in Quetta\n"
    found = extract(text)
    for item in [*found.places, *found.figures]:
        evidence = item.evidence
        assert evidence.sentence == "31 civilians killed in Quetta"
        local = evidence.start - evidence.sentence_start
        assert evidence.sentence[local : local + len(evidence.text)] == evidence.text


def test_ordinary_words_are_not_read_as_villages_elsewhere(gazetteer):
    text = (
        "Band members met outside the Bank on Monday. Jam and tea were served; "
        "Ali and Nur spoke. Bam! A Chak of land in Kabul was sold."
    )
    # Each of these is a place in the gazetteer (Iran, Sindh, Afghanistan) ...
    assert all(gazetteer.get(word) for word in ("Band", "Bank", "Jam", "Chak", "Kabul"))
    # ... but a report is read for Balochistan's places only.
    assert extract(text).places == []


def test_balochistan_tehsils_and_curated_spellings_are_found():
    found = extract("Gunmen attacked a post in Turbat District and near Kohiar.")
    names = [(m.place.name, m.place.kind) for m in found.place_mentions]
    assert names == [("Kech", "district"), ("Khuzdar", "town")]


def test_imported_villages_are_not_read_in_reports(tmp_path):
    from components.gazetteer import DEFAULT_DIRECTORY, Gazetteer
    from components.gazetteer_import import import_geonames

    import_geonames(TEST_DATA / "geonames" / "XX.txt", tmp_path)
    gazetteer = Gazetteer.from_directory(DEFAULT_DIRECTORY, [tmp_path])
    assert gazetteer.get("Kili Testabad") is not None
    found = extract("Shots near Kili Testabad and in Testkot.", gazetteer)
    # Testkot has 1,200 people; the village has no population figure.
    assert [m.place.name for m in found.place_mentions] == ["Testkot"]
