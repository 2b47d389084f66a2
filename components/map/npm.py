"""Pinned npm packages: their tarballs from the registry, checked against the
registry's published integrity hash before any member is read."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import tarfile
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from components.support.errors import AssetError

VENDOR = "vendor"
DEFAULT_REGISTRY = "https://registry.npmjs.org"


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


def registry_url(registry: str | None = None) -> str:
    """``registry``, else ``NPM_CONFIG_REGISTRY``, else the public registry."""
    return registry or os.environ.get("NPM_CONFIG_REGISTRY") or DEFAULT_REGISTRY


def verify_integrity(data: bytes, integrity: str) -> None:
    algorithm, _, expected = integrity.partition("-")
    if algorithm not in {"sha256", "sha384", "sha512"}:
        raise AssetError(f"unsupported integrity algorithm {algorithm!r}")
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        raise AssetError(
            f"integrity mismatch: expected {integrity}, got {algorithm}-{actual}"
        )


def download(url: str, attempts: int = 3) -> bytes:
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


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` atomically: a failed run leaves no half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    partial.replace(path)
