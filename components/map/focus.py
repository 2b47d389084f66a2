"""Flying the map to one incident and opening its popup. Pure: no Streamlit.

A click on a row of the incident list names an incident; the map script
(``IncidentMap.focus`` in ``static/incident-map.js``) is told where it is, which
group of the payload holds it and its place among the group's incidents, so it
opens the same popup a click on the marker would, at the incident's page. A
record a later report revises is not drawn: the later record's popup (which lists
the earlier figures) is opened instead.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from components.domain.vocabularies import GeoPrecision
from components.map.contract import FocusCall, MapPayload
from components.map.literal_elements import DataCall, LiteralFeatureGroup
from components.map.payload.build import FrameGroups, View, choose_mode
from components.map.payload.groups import GROUP_KEYS, in_groups

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
    group, count, index = _group_of(latest, view, position)
    return FocusCall(
        payload=payload["id"],
        group=group,
        count=count,
        index=index,
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        zoom=ZOOM[GeoPrecision(int(row["geo_precision"]))],
        nonce=nonce,
    )


def _group_of(
    latest: pd.DataFrame, view: View | None, position: int
) -> tuple[int, int, int]:
    """(the payload's number of the group holding row ``position``, incidents in
    it, the row's place among them); (-1, 0, -1) when the payload sends no such
    group (counts per area, or outside the view sent). The groups are numbered
    as the payload numbers them: in the group table's order."""
    _, chosen = choose_mode(FrameGroups(latest), view)
    if chosen is None:
        return -1, 0, -1
    keys = latest.iloc[position][GROUP_KEYS]
    same = np.ones(len(chosen), dtype=bool)
    for column in GROUP_KEYS:
        same &= (chosen[column] == keys[column]).to_numpy()
    found = np.flatnonzero(same)
    if not len(found):
        return -1, 0, -1
    group = int(found[0])
    members = np.flatnonzero(in_groups(latest, chosen.iloc[[group]]))
    return group, len(members), int(np.searchsorted(members, position))


def focus_layer(call: FocusCall) -> LiteralFeatureGroup:
    """A layer of no features whose script calls ``IncidentMap.focus``."""
    layer = LiteralFeatureGroup(name=LAYER_NAME, control=False)
    DataCall("focus", call).add_to(layer)
    return layer
