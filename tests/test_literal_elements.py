"""Data never becomes template source: the map's page is rendered once."""

import json
import re

import pytest
from branca.element import MacroElement

from components.map.folium_map import build_map
from components.map.literal_elements import (
    LiteralFeatureGroup,
    LiteralMacroElement,
    LiteralText,
)

TEMPLATE_PAYLOADS = [
    "{{7*7}}",
    "{%raw%}",
    "{# comment #}",
    "{{ cycler.__init__.__globals__.os.system('touch /tmp/pwned') }}",
    "{% for x in range(3) %}x{% endfor %}",
    "{{",
    "}}{%",
]


def _walk(element):
    yield element
    for child in element._children.values():
        yield from _walk(child)


@pytest.mark.parametrize("payload", TEMPLATE_PAYLOADS)
def test_template_syntax_in_every_text_field_arrives_literally(seed_frame, payload):
    frame = seed_frame.copy()
    for column in ("place", "notes", "source_title", "source_excerpt"):
        frame[column] = payload + " " + frame[column].astype(str)
    html = build_map(frame, caption=[payload]).get_root().render()
    encoded = json.dumps(payload, ensure_ascii=False)[1:-1]
    assert encoded in html
    if payload == "{{7*7}}":  # evaluated, it would read '49 Quetta' and so on
        without_ids = re.sub(r"_[0-9a-f]{32}\b", "", html)
        assert "49 " not in without_ids


def test_every_data_element_of_ours_renders_literally(seed_frame):
    fmap = build_map(seed_frame, caption=["caption"])
    ours = [
        element
        for element in _walk(fmap)
        if isinstance(element, MacroElement)
        and type(element).__module__.startswith("components.")
    ]
    assert ours, "the map has elements of the project's own"
    assert all(
        isinstance(element, LiteralMacroElement | LiteralFeatureGroup)
        for element in ours
    )


def test_literal_text_is_not_evaluated():
    assert LiteralText("{{7*7}} {%raw%}").render() == "{{7*7}} {%raw%}"
