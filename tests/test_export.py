import csv
import io

import pandas as pd

from components.export import count_labels, to_csv


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_csv_keeps_unknown_counts_blank(seed_frame):
    exported = rows(to_csv(seed_frame))
    assert len(exported) == len(seed_frame)
    quetta = next(row for row in exported if row["place"] == "Quetta")
    assert quetta["killed_civilians"] == ""
    totals = next(row for row in exported if row["killed_civilians"])
    assert (totals["killed_civilians"], totals["killed_attackers"]) == ("31", "145")
    assert totals["date"] == "2026-02-01"


def test_csv_neutralises_formulas(hostile_frame):
    exported = rows(to_csv(hostile_frame))
    assert exported[1]["notes"] == '\'=HYPERLINK("http://x")'
    assert exported[0]["notes"].startswith("<img")


def test_count_labels_never_show_zero_for_unknown(seed_frame):
    labels = count_labels(seed_frame["killed_attackers"])
    assert set(labels) == {"not reported", "145"}
    assert count_labels(pd.Series([1234, 0], dtype="Int64")).tolist() == ["1,234", "0"]
