"""Results remembered by the identity of their table (components.support.memo)."""

import gc
import threading

import pandas as pd

from components.support.memo import by_table


def counting(size: int = 4):
    calls = []

    @by_table(size)
    def work(table, *args, **kwargs):
        calls.append((len(table), args, kwargs))
        return [len(table), args, kwargs]

    return work, calls


def test_the_same_table_and_arguments_give_the_remembered_result():
    work, calls = counting()
    table = pd.DataFrame({"a": [1, 2, 3]})
    first = work(table, "x", hidden=frozenset({"deaths"}))
    assert work(table, "x", hidden=frozenset({"deaths"})) is first
    assert len(calls) == 1


def test_an_equal_but_different_table_is_worked_out_again():
    work, calls = counting()
    table = pd.DataFrame({"a": [1, 2, 3]})
    work(table)
    work(table.copy())
    assert len(calls) == 2


def test_other_arguments_are_keyed_by_value_or_by_identity():
    work, calls = counting()
    table = pd.DataFrame({"a": [1]})
    events = {"e": 1}
    work(table, events)
    work(table, events)
    work(table, {"e": 1})  # an equal dict, another object: not the same key
    work(table, "a")
    work(table, "b")
    assert len(calls) == 4


def test_only_the_last_calls_are_kept():
    work, calls = counting(size=2)
    tables = [pd.DataFrame({"a": range(n)}) for n in range(3)]
    for table in tables:
        work(table)
    work(tables[0])  # the oldest went
    work(tables[2])
    assert [n for n, _, _ in calls] == [0, 1, 2, 0]


def test_a_freed_table_takes_its_entry_with_it():
    work, _ = counting()
    table = pd.DataFrame({"a": [1, 2]})
    result = work(table)
    del table
    gc.collect()
    # A new table that may reuse the freed one's id is never given its result.
    for _ in range(50):
        fresh = pd.DataFrame({"a": [9]})
        assert work(fresh) is not result
        assert work(fresh)[0] == 1


def test_a_result_that_is_its_own_table_can_be_let_go():
    # The entry holds the only reference to its table; letting it go frees the
    # table while the memo is being changed.
    @by_table(size=1)
    def itself(table):
        return table

    itself(pd.DataFrame({"a": [1]}))
    second = pd.DataFrame({"a": [2]})
    returned = []
    worker = threading.Thread(
        target=lambda: returned.append(itself(second)), daemon=True
    )
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "the memo waits for itself"
    assert returned[0] is second


def test_a_call_waits_for_the_same_work_under_way_in_another_thread():
    started, go_on = threading.Event(), threading.Event()
    calls = []

    @by_table()
    def slow(table, label):
        calls.append(label)
        started.set()
        go_on.wait(timeout=10)
        return [len(table), label]

    table = pd.DataFrame({"a": [1, 2]})
    results = []
    first = threading.Thread(target=lambda: results.append(slow(table, "x")))
    first.start()
    assert started.wait(timeout=10)
    second = threading.Thread(target=lambda: results.append(slow(table, "x")))
    second.start()
    second.join(timeout=0.3)
    assert second.is_alive(), "the second call did the work again"
    go_on.set()
    first.join(timeout=10)
    second.join(timeout=10)
    assert calls == ["x"]
    assert results[0] is results[1]


def test_a_call_does_the_work_itself_when_the_work_it_waited_for_failed():
    started, go_on = threading.Event(), threading.Event()
    calls = []

    @by_table()
    def flaky(table):
        calls.append(len(calls))
        if len(calls) == 1:
            started.set()
            go_on.wait(timeout=10)
            raise RuntimeError("the first try fails")
        return "worked out"

    table = pd.DataFrame({"a": [1]})
    failed = []

    def first_try():
        try:
            flaky(table)
        except RuntimeError as error:
            failed.append(error)

    first = threading.Thread(target=first_try)
    first.start()
    assert started.wait(timeout=10)
    results = []
    second = threading.Thread(target=lambda: results.append(flaky(table)))
    second.start()
    go_on.set()
    first.join(timeout=10)
    second.join(timeout=10)
    assert failed
    assert results == ["worked out"]
    assert calls == [0, 1]
