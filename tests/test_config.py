"""The shipped server settings are safe by default."""

import tomllib

from tests.conftest import ROOT


def test_the_server_listens_on_localhost_only_by_default():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"
    assert config["browser"]["gatherUsageStats"] is False
