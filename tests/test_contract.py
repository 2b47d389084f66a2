"""The browser's script reads the keys the Python payload has, and no others."""

import json
import re

from components.map.contract import CONTRACT_TYPES, SCHEMA
from components.map.folium_map import map_payload
from tests.conftest import ROOT

SCRIPT = (ROOT / "static" / "incident-map.js").read_text(encoding="utf-8")


def script_contract() -> dict[str, list[str]]:
    block = re.search(
        r"// contract:begin\s*var CONTRACT = (\{.*?\});\s*// contract:end", SCRIPT, re.S
    )
    assert block, "the script states the keys it reads between contract markers"
    return json.loads(block.group(1))


def test_the_script_reads_exactly_the_schemas_keys():
    contract = script_contract()
    assert set(contract) == set(CONTRACT_TYPES)
    for name, typed in CONTRACT_TYPES.items():
        assert contract[name] == list(typed.__annotations__), name


def test_the_script_knows_the_schema_version():
    assert f"var SCHEMA = {SCHEMA};" in SCRIPT


def test_a_real_payload_has_every_key_the_script_reads(seed_frame):
    payload = map_payload(seed_frame)
    contract = script_contract()
    assert list(payload) == contract["payload"]
    for marker in payload["markers"]:
        assert list(marker) == contract["marker"]
    for circle in payload["deaths"]:
        assert list(circle) == contract["deaths"]
    assert list(payload["words"]) == contract["words"]
    for cls in payload["classes"]:
        assert list(cls) == contract["class"]
