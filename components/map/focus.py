"""Flying the map to one incident and opening its popup. Pure: no Streamlit.

A click on a row of the incident list names an incident; the map script
(``IncidentMap.focus`` in ``static/incident-map.js``) is told where it is and
which row of the payload holds it, so it opens the same popup a click on the
marker would. A record a later report revises is not drawn: the later record's
popup (which lists the earlier figures) is opened instead.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from components.domain.vocabularies import GeoPrecision
from components.map.contract import FocusCall, MapPayload
from components.map.literal_elements import DataCall, LiteralFeatureGroup
from components.map.payload.build import View, choose_mode

ZOOM = {GeoPrecision.TOWN: 11, GeoPrecision.NEAR_TOWN: 10, GeoPrecision.REGION: 7}
"""The least zoom the map flies to, by how precisely the incident is placed."""
LAYER_NAME = "incident-map focus"


def drawn_record(latest: pd.DataFrame, frame: pd.DataFrame, incident_id: str) -> str:
    """The id of the record the map draws for ``incident_id``: itself, else the
    first record revising it that is drawn ('' when there is none)."""
    if _holds(latest, incident_id):
        return incident_id
    revising = frame["revises"] != ""
    revised_by = dict(
        zip(frame.loc[revising, "revises"], frame.loc[revising, "id"], strict=True)
    )
    seen, record = {incident_id}, incident_id
    while record in revised_by and revised_by[record] not in seen:
        record = revised_by[record]
        seen.add(record)
        if _holds(latest, record):
            return record
    return ""


def _holds(latest: pd.DataFrame, record: str) -> bool:
    return bool((latest["id"] == record).any())


def focus_call(
    payload: MapPayload,
    latest: pd.DataFrame,
    frame: pd.DataFrame,
    view: View | None,
    incident_id: str,
    nonce: str,
) -> FocusCall | None:
    """What the script needs to show ``incident_id`` on the map drawn from
    ``payload`` (built from ``latest`` and ``view``); None when the selection
    does not hold it."""
    record = drawn_record(latest, frame, incident_id)
    if not record:
        return None
    position = int(np.flatnonzero((latest["id"] == record).to_numpy())[0])
    row = latest.iloc[position]
    mode, chosen = choose_mode(latest, view)
    index = -1
    if mode == "markers":
        index = position
    elif mode == "points" and bool(chosen.iloc[position]):
        index = int(np.count_nonzero(chosen.to_numpy()[:position]))
    return FocusCall(
        payload=payload["id"],
        row=index,
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        zoom=ZOOM[GeoPrecision(int(row["geo_precision"]))],
        nonce=nonce,
    )


def focus_layer(call: FocusCall) -> LiteralFeatureGroup:
    """A layer of no features whose script calls ``IncidentMap.focus``."""
    layer = LiteralFeatureGroup(name=LAYER_NAME, control=False)
    DataCall("focus", call).add_to(layer)
    return layer
