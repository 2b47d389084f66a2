"""Map elements whose output goes into the page as text, never as template source.

branca renders a ``MacroElement``'s macros and then wraps the result in
``Element(output)``, which compiles the output as a Jinja template and renders it
again with the page. Any data in that output is then evaluated: ``{{7*7}}`` in an
incident's notes became ``49``, and worse payloads ran code on the server. The
elements here keep the first render (where data arrive through ``tojson`` or
pre-encoded JSON variables) and put its output into the page as literal text, so
there is no second pass for data to reach.

Every element of this project that carries data derives from
:class:`LiteralMacroElement`; constant markup uses :class:`LiteralText`.
"""

from __future__ import annotations

from branca.element import Element, Figure, MacroElement


class LiteralText(Element):
    """Text placed into the page as it is."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "LiteralText"
        self.text = text

    def render(self, **kwargs: object) -> str:
        return self.text


class LiteralMacroElement(MacroElement):
    """A ``MacroElement`` whose header, html and script go into the page as text."""

    def render(self, **kwargs: object) -> None:
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError(f"{type(self).__name__} must be inside a map to render")
        module = self._template.module.__dict__
        for section in ("header", "html", "script"):
            macro = module.get(section)
            if macro is not None:
                text = LiteralText(str(macro(self, kwargs)))
                getattr(figure, section).add_child(text, name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)
