import logging

import pytest

from components.support.logs import LOG_LEVEL_VARIABLE, ROOT_LOGGER, configure_logging


@pytest.fixture(autouse=True)
def _restore_logger():
    logger = logging.getLogger(ROOT_LOGGER)
    handlers, level, propagate = list(logger.handlers), logger.level, logger.propagate
    logger.handlers[:] = []  # as in a fresh process
    yield
    logger.handlers[:] = handlers
    logger.setLevel(level)
    logger.propagate = propagate


def test_project_log_lines_reach_stderr_at_the_chosen_level(monkeypatch, capsys):
    monkeypatch.setenv(LOG_LEVEL_VARIABLE, "info")
    configure_logging()
    configure_logging()  # a second call adds no second handler
    logging.getLogger("components.test").info("saved %d rows", 3)
    logging.getLogger("components.test").debug("not shown")
    err = capsys.readouterr().err
    assert err.count("saved 3 rows") == 1
    assert "INFO components.test: saved 3 rows" in err
    assert "not shown" not in err
