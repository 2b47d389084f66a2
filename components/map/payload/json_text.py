"""The payload as JSON text that is safe inside a ``<script>`` element, and its id
(a hash of that text): a payload is written once, for its id and for the page."""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Mapping

from components.map.contract import MapPayload

_WRITTEN: OrderedDict[str, tuple[int, str]] = OrderedDict()
"""The JSON (without the id) of the last payloads built, by id, with the payload
object it was written from: a payload is written once, for its id and for the
page. (A payload is not changed once built: its id names its content.)"""
_WRITING = threading.Lock()


def payload_id(payload: Mapping[str, object]) -> str:
    """A hash of the payload's content (without its id)."""
    content = script_json({k: v for k, v in payload.items() if k != "id"})
    written = hashlib.sha256(content.encode()).hexdigest()[:16]
    with _WRITING:
        _WRITTEN[written] = (id(payload), content)
        _WRITTEN.move_to_end(written)
        while len(_WRITTEN) > 4:
            _WRITTEN.popitem(last=False)
    return written


def payload_script(payload: MapPayload) -> str:
    """The payload as JSON that is safe inside a <script> element: the same text
    for the same content, written or not before (the page redraws the map's
    layers when their script changes)."""
    with _WRITING:
        owner, content = _WRITTEN.get(payload["id"], (None, ""))
    if owner != id(payload):
        content = script_json({k: v for k, v in payload.items() if k != "id"})
    rest = content[1:]
    return '{"id":' + script_json(payload["id"]) + ("," if rest != "}" else "") + rest


def script_json(value: object) -> str:
    """Compact JSON that is also safe inside a <script> element."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
