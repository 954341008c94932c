"""Issue 14's "longest freeze of the event loop during any export, backup or demo creation
<= 100 ms": each long job driven on the signed-in window of the 5-year demo as a user drives it
(the dialog's button, or the controller's method the button calls), with a `StallWatch` on the
GUI thread (a QTimer every 5 ms; the longest gap between two firings, less the 5 ms, up to the
job's end signal). The floor of each row is the same watch over an idle event loop just before
the job (at most 2 s of it): what this machine's scheduler costs with nothing to do.

Jobs: each PDF report previewed (the dialog opened by the window's File → Export entry, then its
Preview button), the huddle sheet saved with a password (Save as PDF…), the calendar export
(.ics, its Export… button), Back up now (the window's `BackupController.back_up_now`), a restore
of that backup into a new folder (the restore dialog's Restore button) and the creation of a
demo workspace of the same size in a new folder (`UnlockFlow.open_demo`, what `--demo` does at
start, so after the window closed; at most `DEMO_RUNS` runs, each builds the whole demo). A job's
dialog is opened before its watch starts (a dialog's first show is not the export; its time is in
the notes), and each job runs once untimed first (its modules imported: that run's stall is in the
notes too). The notes also give each job's duration.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sbs_core import Row, Setup, open_app_window

#: the goal: no freeze of the event loop longer than this during any long job
STALL_LIMIT_MS = 100.0
TICK_MS = 5
#: the longest wait for one job to end
JOB_TIMEOUT_S = 600.0
#: demo creation builds the whole demo each run (about a minute here): at most this many runs
DEMO_RUNS = 3
IDLE_FLOOR_S = 2.0


class StallWatch:
    """The longest gap between two firings of a 5 ms timer on the GUI thread, less the 5 ms."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0

    def start(self) -> None:
        self.worst = 0.0
        self.last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, 1000 * (now - self.last) - TICK_MS)
        self.last = now

    def stop(self) -> float:
        """The longest stall in ms, the one still running at the end included."""
        self._tick()
        self.timer.stop()
        return max(self.worst, 0.0)


def run_job(app: Any, watch: StallWatch,  # noqa: ANN401
            start: Callable[[Callable[..., None]], object]) -> tuple[float, float]:
    """(longest stall ms, duration ms) of a job: `start(done)` begins it as the user would, and
    `done` is connected to the job's end (called at once by a job that ends before returning)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    ended: list[float] = []
    stalls: list[float] = []

    def done(*_: object) -> None:
        if not ended:
            ended.append(time.perf_counter())
            stalls.append(watch.stop())  # at the job's end: what the caller does next is not the job's
            loop.quit()

    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    watch.start()
    began = time.perf_counter()
    start(done)
    if not ended:
        guard.start(int(JOB_TIMEOUT_S * 1000))
        loop.exec()
        guard.stop()
    if not ended:
        raise RuntimeError("a background job did not end in time")
    app.processEvents()
    return stalls[0], 1000 * (ended[0] - began)


def idle_stall(app: Any, watch: StallWatch, seconds: float) -> float:  # noqa: ANN401
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    watch.start()
    QTimer.singleShot(int(1000 * min(seconds, IDLE_FLOOR_S)), loop.quit)
    loop.exec()
    return watch.stop()


class Job:
    def __init__(self, name: str) -> None:
        self.name = name
        self.stalls: list[float] = []
        self.idle: list[float] = []
        self.durations: list[float] = []
        self.first: float | None = None  # the untimed first run's stall (modules imported then)
        self.opening: list[float] = []  # ms to open the job's dialog, before the job (not in it)

    def row(self) -> Row:
        return Row(f"longest event-loop stall during {self.name} (floor: an idle loop)", self.stalls,
                   self.idle, "ms", None, limit=STALL_LIMIT_MS)


def measure_background(setup: Setup) -> list[Row]:
    from vma_desk.storage.keys import format_recovery_key

    app, window, _ = open_app_window(setup.data_dir)
    window.show()
    app.processEvents()
    watch = StallWatch()
    services = window.services
    today = services.context.today()
    patient_id = services.context.conn.execute(
        "SELECT patient_id FROM call WHERE patient_id IS NOT NULL GROUP BY patient_id "
        "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    jobs: dict[str, Job] = {}

    def measured(name: str, start: Callable[[Callable[..., None]], object], runs: int, *,
                 warm_up: bool = True, prepare: Callable[[], None] | None = None) -> None:
        job = jobs.setdefault(name, Job(name))
        for run in range(-1 if warm_up else 0, runs):  # run -1 warms up, untimed
            if prepare is not None:
                began = time.perf_counter()
                prepare()
                app.processEvents()
                if run >= 0:
                    job.opening.append(1000 * (time.perf_counter() - began))
            stall, ms = run_job(app, watch, start)
            if run < 0:
                job.first = stall
            else:
                job.stalls.append(stall)
                job.durations.append(ms)
                job.idle.append(idle_stall(app, watch, ms / 1000))

    dialogs: list[Any] = []

    def dialog_job(name: str, open_dialog: Callable[[], Any], go: Callable[[Any, Callable[..., None]], None],
                   ) -> None:
        """The job's dialog opened (and any left from the run before closed) before the watch starts:
        opening a dialog is a dialog's first show, not the export; then `go(dialog, done)`."""
        def prepare() -> None:
            close_dialogs()
            dialogs.append(open_dialog())

        measured(name, lambda done: go(dialogs[-1], done), setup.runs, prepare=prepare)
        close_dialogs()

    def pdf_dialog(opener: Callable[[], Any]) -> Callable[[], Any]:
        def open_dialog() -> Any:  # noqa: ANN401
            dialog = opener()
            dialog._auto.stop()  # noqa: SLF001 - the preview is asked for with its button, not 0.4 s later
            return dialog
        return open_dialog

    def preview(dialog: Any, done: Callable[..., None]) -> None:  # noqa: ANN401
        dialog.sig_previewed.connect(done)
        dialog.preview_button.click()

    def close_dialogs() -> None:
        from shiboken6 import Shiboken

        while dialogs:
            dialog = dialogs.pop()
            if Shiboken.isValid(dialog):  # a saved export closed itself (deleted on close)
                dialog.close()
        app.processEvents()

    with tempfile.TemporaryDirectory(prefix="vma-desk-bench-bg-") as tmp:
        folder = Path(tmp)
        try:
            for name, opener in (
                    ("the huddle sheet's preview (today, every provider)",
                     lambda: window.open_export_huddle(today)),
                    ("a patient summary's preview (90 days, the most-called patient)",
                     lambda: window.open_export_patient_summary(patient_id)),
                    ("the activity summary's preview (last month)", window.open_export_activity)):
                dialog_job(name, pdf_dialog(opener), preview)

            saved = folder / "huddle.pdf"

            def save_protected(dialog: Any, done: Callable[..., None]) -> None:  # noqa: ANN401
                dialog.protect_check.setChecked(True)
                dialog.password_edit.setText("correct horse battery")
                dialog.confirm_edit.setText("correct horse battery")
                dialog.choose_path = lambda _suggested: str(saved)
                dialog.sig_exported.connect(done)
                dialog.save_button.click()
                saved.unlink(missing_ok=True)

            dialog_job("Save as PDF of the huddle sheet, with a password (made, encrypted, written)",
                       pdf_dialog(lambda: window.open_export_huddle(today)), save_protected)

            ics = folder / "week.ics"

            def open_ics() -> Any:  # noqa: ANN401
                from vma_desk.ui.exports.ics_dialog import ExportIcsDialog

                dialog = ExportIcsDialog(services, window)
                dialog.choose_path = lambda _suggested: str(ics)
                dialog.show()
                return dialog

            def export_ics(dialog: Any, done: Callable[..., None]) -> None:  # noqa: ANN401
                dialog.sig_exported.connect(done)
                dialog.export_button.click()
                ics.unlink(missing_ok=True)

            dialog_job("the calendar export (.ics, one provider, 4 weeks)", open_ics, export_ics)

            backups = folder / "backups"
            backups.mkdir()
            workspace_id = window.workspace.workspace_id
            window.preferences.set_backup_folder(workspace_id, str(backups))
            window.preferences.set_backup_when(workspace_id, False, False)

            failures: list[str] = []
            connected: list[tuple[Any, Callable[..., None]]] = []

            def back_up(done: Callable[..., None]) -> None:
                controller = window.backups
                while connected:
                    signal, slot = connected.pop()
                    signal.disconnect(slot)

                def failed(message: str) -> None:
                    failures.append(message or "stopped")
                    done()

                for signal, slot in ((controller.sig_backed_up, done), (controller.sig_failed, failed)):
                    signal.connect(slot)
                    connected.append((signal, slot))
                controller.back_up_now()

            measured("Back up now (copy, verify, record)", back_up, setup.runs)
            if failures:
                raise RuntimeError(f"a backup failed: {failures[0]}")

            backup_file = max(backups.glob("*.vmadesk-backup"), key=lambda p: p.stat().st_mtime)
            key = format_recovery_key(window.workspace.key_spec().raw)
            restored_ids: list[str] = []

            def open_restore() -> Any:  # noqa: ANN401
                from vma_desk.ui.restore import RestoreDialog

                dialog = RestoreDialog(window.keystore, window)
                dialog.file_edit.setText(str(backup_file))
                dialog.secret_edit.setText(key)
                dialog.show()
                return dialog

            def restore(dialog: Any, done: Callable[..., None]) -> None:  # noqa: ANN401
                from PySide6.QtCore import QTimer

                target = folder / f"restored-{len(restored_ids)}-{time.monotonic_ns()}"
                dialog.folder_edit.setText(str(target))
                poll = QTimer(dialog)

                def check() -> None:
                    if dialog.restored is not None or dialog.restore_button.isEnabled():
                        poll.stop()
                        if dialog.restored is None:
                            failures.append("the restore failed")
                        else:
                            restored_ids.append(_workspace_id(target))
                        done()

                poll.timeout.connect(check)
                poll.start(10)
                dialog.restore_button.click()

            dialog_job("a restore of that backup into a new folder (checked, copied, checked)", open_restore,
                       restore)
            if failures:
                raise RuntimeError(failures[0])
            for restored_id in set(restored_ids) - {workspace_id}:
                window.keystore.delete(restored_id)
            keystore = window.keystore
            # the demo is made at start (`--demo`), before any window: this one closes first, so its
            # tabs' timers (Today's refresh of the 5-year demo) are not counted in the demo's stalls
            window.close()
            window.shutdown()
            window = None

            demo_ids: list[str] = []

            def create_demo(done: Callable[..., None]) -> None:
                from vma_desk.ui.unlock.flow import UnlockFlow

                target = folder / f"demo-{len(demo_ids)}"
                workspace = UnlockFlow(target, keystore).open_demo(seed=1, years=setup.years)
                done()
                assert workspace is not None, "the demo was not created"
                demo_ids.append(workspace.workspace_id)
                workspace.close()

            measured(f"creating a {setup.years}-year demo workspace (Open the demo)", create_demo,
                     min(setup.runs, DEMO_RUNS), warm_up=False)  # its modules load on the worker
            for demo_id in demo_ids:
                keystore.delete(demo_id)
        finally:
            close_dialogs()
            if window is not None:
                window.close()
                window.shutdown()
    done = [job for job in jobs.values() if job.stalls]
    durations = "; ".join(f"{job.name} {statistics.median(job.durations):,.0f} ms" for job in done)
    firsts = "; ".join(f"{job.name} {job.first:,.0f} ms" for job in done if job.first is not None)
    openings = "; ".join(f"{job.name} {statistics.median(job.opening):,.0f} ms"
                         for job in done if job.opening)
    setup.notes.append(
        f"background work: a {TICK_MS} ms timer on the GUI thread, each job started as its button "
        f"starts it and ended by its own end signal; demo creation {min(setup.runs, DEMO_RUNS)} runs. "
        f"Each job's duration (median): {durations}. The first, untimed run's longest stall (the "
        f"modules it imports imported then): {firsts}. Opening each job's dialog, before the job "
        f"(median, not in the rows): {openings}.")
    return [job.row() for job in done]


def _workspace_id(data_dir: Path) -> str:
    import json

    manifest: dict[str, Any] = json.loads((data_dir / "workspace.json").read_text())
    return str(manifest["id"])

