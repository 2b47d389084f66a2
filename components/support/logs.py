"""Where the project's log lines go: one line per event, on stderr.

Every module logs through ``logging.getLogger(__name__)`` under ``components``:
saves, imports, rejected rows and refused inputs, each with where and why. The
dashboard shows them at INFO, the command-line tools at WARNING (their summaries
already go to stderr); ``INCIDENT_MAP_LOG_LEVEL`` (DEBUG, INFO, WARNING, ...)
overrides both.
"""

from __future__ import annotations

import logging
import os
import sys

LOG_LEVEL_VARIABLE = "INCIDENT_MAP_LOG_LEVEL"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
ROOT_LOGGER = "components"


def configure_logging(default_level: str = "WARNING") -> None:
    """Send the project's log lines to stderr, once per process."""
    logger = logging.getLogger(ROOT_LOGGER)
    wanted = os.environ.get(LOG_LEVEL_VARIABLE, "").upper() or default_level
    level = logging.getLevelName(wanted)
    logger.setLevel(level if isinstance(level, int) else default_level)
    if not any(getattr(h, "incident_map", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        handler.incident_map = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.propagate = False
