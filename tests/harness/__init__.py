"""What the tests and the benchmarks both run on (``bench/`` imports from here).

- ``app_server``: the dashboard on a free localhost port (``running_app``).
- ``postgres_server``: a real PostgreSQL server in a temporary directory, and
  databases of their own on it.
- ``synthetic_data``: synthetic incident sets from a fixed seed, labelled so.
- ``hostile_inputs``: the hostile-input corpus and the files and data directories
  made from it; ``hostile_checks``: each entry point's check over that corpus.

Nothing here is a test: pytest collects ``test_*.py`` only.
"""
