"""Places the curated tables name without a point, and where they lie."""

from components.gazetteer.not_placed import Holder, holder_of


def test_a_place_without_a_point_has_its_district_and_province(tmp_path):
    (tmp_path / "not_placed.csv").write_text(
        "name,kind,district,admin1,notes\n"
        "Hoshab,tehsil,Kech,Balochistan,HQ: Hoshab.\n"
        "Sherani,district,Sherani,Balochistan,HQ: Mani Khwa.\n"
        "Sherani,tehsil,Sherani,Balochistan,single tehsil\n"
        "Shirani,alias,,,other name of Sherani\n"
        "Mand,tehsil,Kech,Balochistan,\n"
        "Mand,village,Panjgur,Balochistan,\n",
        encoding="utf-8",
    )
    assert holder_of("hoshab", tmp_path) == Holder("Kech", "Balochistan")
    assert holder_of("Sherani", tmp_path) == Holder(None, "Balochistan")
    assert holder_of("Shirani", tmp_path) is None  # an alias names no place
    assert holder_of("Mand", tmp_path) is None  # two districts: not said
    assert holder_of("Quetta", tmp_path) is None


def test_no_table_no_holder(tmp_path):
    assert holder_of("Hoshab", tmp_path) is None
