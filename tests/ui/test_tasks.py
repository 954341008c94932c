"""`run_task`: while background work runs, the GIL is offered to the GUI thread every millisecond
and the cycle collector is paused; both are as they were once the last job ended (a job that
fails included)."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from vma_desk.ui.tasks import JOB_SWITCH_INTERVAL_S, _WhileJobsRun, run_task


@pytest.fixture
def as_python_starts() -> Iterator[None]:
    interval, enabled = sys.getswitchinterval(), gc.isenabled()
    sys.setswitchinterval(0.005)
    gc.enable()
    yield
    sys.setswitchinterval(interval)
    (gc.enable if enabled else gc.disable)()


def seen_by_the_work() -> tuple[bool, float]:
    return gc.isenabled(), sys.getswitchinterval()


def test_a_job_runs_with_a_short_switch_interval_and_no_cycle_collection(
        qtbot: QtBot, as_python_starts: None) -> None:
    results: list[Any] = []
    run_task(lambda _progress: seen_by_the_work(), lambda result, exc: results.append((result, exc)))
    qtbot.waitUntil(lambda: bool(results))
    assert results == [((False, JOB_SWITCH_INTERVAL_S), None)]
    assert gc.isenabled() and sys.getswitchinterval() == 0.005


def test_a_failing_job_puts_both_back(qtbot: QtBot, as_python_starts: None) -> None:
    errors: list[BaseException | None] = []

    def fail(_progress: object) -> None:
        raise RuntimeError("a bug")

    run_task(fail, lambda _result, exc: errors.append(exc))
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], RuntimeError)
    assert gc.isenabled() and sys.getswitchinterval() == 0.005


def test_the_last_of_overlapping_jobs_puts_both_back(as_python_starts: None) -> None:
    jobs = _WhileJobsRun()
    with jobs:
        with jobs:
            assert not gc.isenabled() and sys.getswitchinterval() == JOB_SWITCH_INTERVAL_S
        assert not gc.isenabled() and sys.getswitchinterval() == JOB_SWITCH_INTERVAL_S
    assert gc.isenabled() and sys.getswitchinterval() == 0.005


def test_a_collector_turned_off_before_stays_off(as_python_starts: None) -> None:
    gc.disable()
    with _WhileJobsRun():
        pass
    assert not gc.isenabled()


def test_jobs_on_two_threads_at_once(as_python_starts: None) -> None:
    jobs = _WhileJobsRun()
    inside = threading.Barrier(2)

    def job() -> None:
        with jobs:
            inside.wait(timeout=5)

    threads = [threading.Thread(target=job) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert gc.isenabled() and sys.getswitchinterval() == 0.005
