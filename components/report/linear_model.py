"""The reader's learned second opinions: logistic regressions over sets of
feature names, shipped as JSON weights beside their modules.

A :class:`LinearModel` is the weights; a :class:`ShippedModel` is the file a
model is read from, once, and a block (:meth:`ShippedModel.using`) in which
another model, or none, is used instead: the training script reads each left-out
set of reports with a model trained without it. Nothing is trained or fetched at
run time. Pure, apart from reading the file once.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path


@dataclass(frozen=True)
class LinearModel:
    """Weights by feature, the intercept, and the likelihood at which the
    model's opinion is acted on."""

    weights: Mapping[str, float]
    intercept: float
    threshold: float

    def likelihood(self, features: set[str]) -> float:
        score = self.intercept + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-score))

    def as_json(self, about: Mapping[str, object]) -> str:
        """The file's text: ``about`` first, then a weight a line, sorted."""
        body = {
            **about,
            "threshold": self.threshold,
            "intercept": round(self.intercept, 4),
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())},
        }
        return json.dumps(body, indent=0, ensure_ascii=False) + "\n"


_SHIPPED = "the shipped model"


class ShippedModel:
    """The model in ``path``, unless a block chose another or none."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._chosen: ContextVar[LinearModel | str | None] = ContextVar(
            path.stem, default=_SHIPPED
        )

    @cached_property
    def shipped(self) -> LinearModel:
        body = json.loads(self.path.read_text(encoding="utf-8"))
        return LinearModel(body["weights"], body["intercept"], body["threshold"])

    def current(self) -> LinearModel | None:
        chosen = self._chosen.get()
        return self.shipped if isinstance(chosen, str) else chosen

    @contextmanager
    def using(self, model: LinearModel | None) -> Iterator[None]:
        """Read reports with ``model`` (None: the rules alone) inside the block."""
        token = self._chosen.set(model)
        try:
            yield
        finally:
            self._chosen.reset(token)
