"""Map elements whose output goes into the page as text, never as template source.

branca renders a ``MacroElement``'s macros and then wraps the result in
``Element(output)``, which compiles the output as a Jinja template and renders it
again with the page. Any data in that output is then evaluated: ``{{7*7}}`` in an
incident's notes became ``49``, and worse payloads ran code on the server. The
elements here keep the first render (where data arrive through ``tojson`` or
pre-encoded JSON variables) and put its output into the page as literal text, so
there is no second pass for data to reach.

Every element of this project that carries data derives from
:class:`LiteralMacroElement` (data for ``static/incident-map.js`` go through
:class:`DataCall`); constant markup uses :class:`LiteralText`.
"""

from __future__ import annotations

import folium
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from components.map.payload.json_text import script_json


class LiteralText(Element):
    """Text placed into the page as it is."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "LiteralText"
        self.text = text

    def render(self, **kwargs: object) -> str:
        return self.text


def render_literally(element: MacroElement, **kwargs: object) -> None:
    """Render ``element``'s header, html and script macros into the page as text,
    then its children."""
    figure = element.get_root()
    if not isinstance(figure, Figure):
        raise TypeError(f"{type(element).__name__} must be inside a map to render")
    module = element._template.module.__dict__
    for section in ("header", "html", "script"):
        macro = module.get(section)
        if macro is not None:
            text = LiteralText(str(macro(element, kwargs)))
            getattr(figure, section).add_child(text, name=element.get_name())
    for child in element._children.values():
        child.render(**kwargs)


class LiteralMacroElement(MacroElement):
    """A ``MacroElement`` whose header, html and script go into the page as text."""

    def render(self, **kwargs: object) -> None:
        render_literally(self, **kwargs)


class AddToParent(LiteralMacroElement):
    """``<element>.addTo(<parent>)``: how a shown layer joins the map (the names
    are folium's, which streamlit-folium reads)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this.element_name }}.addTo({{ this.element_parent_name }});"
        "{% endmacro %}"
    )

    def __init__(self, element_name: str, element_parent_name: str) -> None:
        super().__init__()
        self._name = "AddToParent"
        self.element_name = element_name
        self.element_parent_name = element_parent_name


class LiteralFeatureGroup(folium.FeatureGroup):
    """A ``folium.FeatureGroup`` whose script goes into the page as text. A
    payload draws a layer per target type, and folium compiles each layer's
    output as a template again: most of a map file's build time at 10,000
    incidents, and a second pass for whatever the layer's name holds."""

    def render(self, **kwargs: object) -> None:
        if self.show:
            self.add_child(
                AddToParent(self.get_name(), self._parent.get_name()),
                name=self.get_name() + "_add",
            )
        render_literally(self, **kwargs)


class DataCall(LiteralMacroElement):
    """A call into static/incident-map.js with the layer and its data."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        IncidentMap.{{ this.function }}(
            {%- if this.with_layer %}{{ this._parent.get_name() }}, {% endif -%}
            {{ this.arguments }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        function: str,
        *arguments: object,
        with_layer: bool = True,
        encoded: str | None = None,
    ):
        """``IncidentMap.<function>(<the layer>, <arguments as JSON>)``;
        ``encoded`` is the arguments already written (safe in a script)."""
        super().__init__()
        self._name = "DataCall"
        self.function = function
        self.with_layer = with_layer
        self.arguments = (
            encoded
            if encoded is not None
            else ", ".join(script_json(argument) for argument in arguments)
        )
