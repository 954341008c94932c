"""Calls and messages speed on a 5-year demo workspace: medians of the operations a VMA waits for.

Builds the demo workspace once (seed 1, anchor Monday 2026-03-02, --years 5 by default) in a
temporary folder, protected by the OS keyring when there is one, with the clock at 16:30 practice
time on the anchor day (so the day's call log is nearly full and the afternoon's messages are open),
then times:
- the Calls tab's data at today: `calls_on(today)` and the patient names of its rows (read cold);
- the Messages tab's data: every open message and which of them are overdue;
- building each tab's table model as the tab does (`vma_desk.ui.calls`, `vma_desk.ui.messages`,
  offscreen Qt, names read cold each time, every cell's text read once as a first paint does);
- one search for a common word, a rare word, a phrase said and denied in many notes (each hit read for
  negation) and a phone number typed with punctuation;
- saving a new call (validated, audited, committed; a different call each run).

Run beside a keyring, as the tests do:
    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python benchmarks/communications_speed.py
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bench_support import Row, arguments, demo_services, machine, print_table, timed  # noqa: I001 - this folder is first on sys.path

ANCHOR = date(2026, 3, 2)  # a Monday
NOW = datetime(2026, 3, 2, 16, 30, tzinfo=ZoneInfo("America/Chicago")).astimezone(UTC)
#: (operation kind, target ms): tab open and search, save
TAB_MS, SAVE_MS = 50.0, 15.0
COMMON_WORD, RARE_WORD, PHRASE = "refill", "peanuts", "chest pain"

def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, argv)
    with demo_services(args.years, ANCHOR, NOW) as (services, build_s, protection):
        sizes = counts(services)  # before the saves add calls
        rows = measure(services, args.runs)
    print_table(f"VMA Desk calls and messages, {args.years}-year demo workspace: {sizes}; "
                f"protected by {protection}; "
                f"clock {NOW:%Y-%m-%d %H:%M} UTC; {machine(args.runs)}", rows,
                f"demo generation ({args.years} years, one run, everything): {build_s:.1f} s")
    return 0


def counts(services) -> str:  # type: ignore[no-untyped-def]
    conn = services.context.conn

    def count(table: str) -> int:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    comms = services.communications
    open_now = comms.open_messages()
    today = len(comms.calls_on(services.context.today()))
    return (f"{count('call'):,} calls ({today} today), {count('message'):,} messages "
            f"({len(open_now)} open, {len(comms.overdue(open_now))} overdue), "
            f"{count('message_event'):,} message events, {count('comm_search'):,} search rows, "
            f"{services.patients.count():,} patients")


def measure(services, runs: int) -> list[Row]:  # type: ignore[no-untyped-def]
    from vma_desk.core.validation import format_phone
    from vma_desk.ui.shared.context import PatientBook

    comms = services.communications
    today = services.context.today()

    def calls_tab_data(_run: int) -> object:
        calls = comms.calls_on(today)
        return PatientBook(services).names(c.patient_id for c in calls if c.patient_id is not None)

    def messages_tab_data(_run: int) -> object:
        open_now = comms.open_messages()
        return comms.overdue(open_now)

    number = next(c.number for c in comms.calls_on(today - timedelta(days=3)) if c.number)
    typed = format_phone(number)
    hits = {word: len(comms.search(word)) for word in (COMMON_WORD, RARE_WORD, PHRASE, typed)}
    rows: list[Row] = [
        (f"Calls tab data, today ({today}): calls_on + patient names", timed(runs, calls_tab_data), TAB_MS),
        ("Messages tab data: open messages + overdue", timed(runs, messages_tab_data), TAB_MS),
    ]
    rows += model_rows(services, runs)
    for label, word in (("common word", COMMON_WORD), ("rare word", RARE_WORD), ("phrase", PHRASE),
                        ("phone number", typed)):
        rows.append((f"search, {label} \"{word}\" ({hits[word]} hits shown)",
                     timed(runs, lambda _run, w=word: comms.search(w)), TAB_MS))
    rows.append(("save a new call (log_call: validated, audited, committed)", save_rows(services, runs),
                 SAVE_MS))
    rows.append(("red-flag check of a 2,000-character note (each keystroke)", red_flag_rows(runs), 0.5))
    return rows


def red_flag_rows(runs: int) -> list[float]:
    """The escalation check the message form runs on every keystroke, over a long note."""
    from vma_desk.core.rules.escalation import check

    sentences = ("Pt called re refill of lisinopril 10 mg to CVS on Main St. ",
                 "Denies chest pain or shortness of breath, no fever. ",
                 "Asked about her appointment next week and wants a morning slot if possible. ",
                 "Daughter says her chest feels tight when climbing stairs. ")
    note = ("".join(sentences) * 12)[:2000]
    return timed(runs, lambda _run: check(note))


def model_rows(services, runs: int) -> list[Row]:  # type: ignore[no-untyped-def]
    """Each tab's model, built as the tab builds it, if those modules are there yet."""
    try:
        from PySide6.QtCore import QModelIndex, Qt
        from PySide6.QtWidgets import QApplication

        from vma_desk.ui.calls.model import CallTableModel
        from vma_desk.ui.calls.source import CallDaySource
        from vma_desk.ui.messages.model import MessageTableModel
        from vma_desk.ui.messages.source import MessageSource
        from vma_desk.ui.shared.context import TabContext
    except ImportError as exc:
        print(f"(no Calls / Messages tab models: {exc})", file=sys.stderr)
        return [("Calls tab model + first paint's cell texts", [], TAB_MS),
                ("Messages tab model + first paint's cell texts", [], TAB_MS)]
    app = QApplication.instance() or QApplication([])
    today = services.context.today()

    def paint(model) -> None:  # type: ignore[no-untyped-def]
        for row in range(model.rowCount(QModelIndex())):
            for column in range(model.columnCount(QModelIndex())):
                model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)

    calls_model = CallTableModel()
    messages_model = MessageTableModel(services.context.clock.now)

    def calls_tab(_run: int) -> None:
        context = TabContext(services)  # staff and patient names read cold each time
        calls_model.set_rows(CallDaySource(context).load(today), context.zone(), today)
        paint(calls_model)

    def messages_tab(_run: int) -> None:
        context = TabContext(services)
        messages_model.set_rows(MessageSource(context).open_rows(), context.zone())
        paint(messages_model)

    rows = [("Calls tab model + first paint's cell texts", timed(runs, calls_tab), TAB_MS),
            ("Messages tab model + first paint's cell texts", timed(runs, messages_tab), TAB_MS)]
    messages_model.timer.stop()
    del app
    return rows


def save_rows(services, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    from vma_desk.core.communications import Call, CallOutcome, CallReason, Direction

    comms = services.communications
    patients = services.patients.search("a", limit=runs + 1)
    now = services.context.clock.now()

    def save(run: int) -> None:
        patient = patients[run % len(patients)]
        comms.log_call(Call(
            started_at=now - timedelta(minutes=4), direction=Direction.INBOUND,
            caller_name=f"{patient.first_name} {patient.last_name}", reason=CallReason.APPOINTMENT,
            number=patient.phones[0].number if patient.phones else "", patient_id=patient.id,
            duration_seconds=150 + run, outcome=CallOutcome.SCHEDULED,
            notes=f"Booked a follow-up visit (benchmark call {run + 2})."))

    return timed(runs, save)


if __name__ == "__main__":
    sys.exit(main())
