"""The map's data: incident table -> the ``MapPayload`` the browser draws. Pure.

Built for a million incidents: columns are encoded with numpy and pandas (no
Python object per incident), strings go once each and rows refer to them by
index, and what is sent depends on how much there is. The schema is
``components.map.contract``. One module per job:

- ``build``: how to draw (markers, points or cells) and the payload itself;
- ``popups``: the per-incident columns a popup shows, and earlier figures;
- ``markers``: marker groups (one target type at one point), fanned out;
- ``points``: the incidents in view as typed arrays for the canvas;
- ``cells``: counts (and deaths) per grid cell in view;
- ``viewless``: the layers that do not depend on the view: deaths, place
  names, heat, and the bounds 'fit' shows;
- ``columns``: column encoding: strings once each, typed arrays, grouping;
- ``json_text``: the payload as JSON safe in a ``<script>``, and its id.
"""
