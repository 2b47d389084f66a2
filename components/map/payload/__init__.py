"""The map's data: incident table -> the ``MapPayload`` the browser draws. Pure.

Built for a million incidents: columns are encoded with numpy and pandas (no
Python object per incident), the map draws groups (the incidents of one target
type at one point), and what is sent depends on how many groups there are, not
how many incidents: no incident's text goes with the map. The schema is
``components.map.contract``. One module per job:

- ``build``: how to draw (markers, points or cells) and the payload itself;
- ``groups``: the group table (count and deaths per target type and point);
- ``pages``: a popup's incidents, a page at a time, as the app serves them;
- ``popups``: what a popup shows of an incident, and earlier figures;
- ``markers``: a marker per group, fanned out where groups share a point;
- ``points``: the groups in view as typed arrays for the canvas;
- ``cells``: counts (and deaths) per grid cell in view;
- ``viewless``: the layers that do not depend on the view: deaths, place
  names, heat, and the bounds 'fit' shows;
- ``columns``: column encoding: strings once each, typed arrays, grouping;
- ``json_text``: the payload as JSON safe in a ``<script>``, and its id.
"""
