"""Places the curated tables name without a point, and their districts."""

from components.gazetteer.not_placed import district_of


def test_a_tehsil_without_a_point_has_its_district(tmp_path):
    (tmp_path / "not_placed.csv").write_text(
        "name,kind,district,notes\n"
        "Hoshab,tehsil,Kech,HQ: Hoshab.\n"
        "Sherani,district,Sherani,HQ: Mani Khwa.\n"
        "Shirani,alias,,other name of Sherani\n"
        "Mand,tehsil,Kech,\n"
        "Mand,village,Panjgur,\n",
        encoding="utf-8",
    )
    assert district_of("hoshab", tmp_path) == "Kech"
    assert district_of("Sherani", tmp_path) is None  # a district of its own name
    assert district_of("Shirani", tmp_path) is None  # an alias names no district
    assert district_of("Mand", tmp_path) is None  # two districts: not said
    assert district_of("Quetta", tmp_path) is None


def test_no_table_no_district(tmp_path):
    assert district_of("Hoshab", tmp_path) is None
