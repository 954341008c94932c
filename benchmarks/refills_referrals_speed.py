"""Refills and referrals speed on a 5-year demo workspace: medians of the operations a VMA waits for.

Builds the demo workspace once (seed 1, anchor Monday 2026-03-02, --years 5 by default) in a
temporary folder, protected by the OS keyring when there is one, with the clock at 16:30 practice
time on the anchor day (the afternoon's worklist: requests near and past due, referrals stuck or
with authorisations about to expire, prior authorisations waiting for the payer), then times:
- opening the Refills tab: every open request with its due state (`refills.worklist`) and the
  tab's badge (`attention_count`), and, when `vma_desk.ui.refills` is there, its table model built
  as the tab builds it (offscreen Qt, names read cold each time, every cell's text read once);
- opening the Referrals tab: the open referrals with their flags (`referrals.worklist`), the prior
  authorisations (`prior_auths`) and the badge (`attention_count`), and the tab's two table models
  when `vma_desk.ui.referrals` is there;
- recording a provider's refill decision (validated, audited, committed), on a different routed
  request each run: the requests are created and routed first, outside the timed part.

Run beside a keyring, as the tests do:
    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python benchmarks/refills_referrals_speed.py
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bench_support import Row, arguments, demo_services, machine, print_table, timed  # noqa: I001 - this folder is first on sys.path

ANCHOR = date(2026, 3, 2)  # a Monday
NOW = datetime(2026, 3, 2, 16, 30, tzinfo=ZoneInfo("America/Chicago")).astimezone(UTC)
#: (operation kind, target ms): tab open, save
TAB_MS, SAVE_MS = 50.0, 15.0


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, argv)
    with demo_services(args.years, ANCHOR, NOW) as (services, build_s, protection):
        sizes = counts(services)  # before the saves add requests
        rows = measure(services, args.runs)
    print_table(f"VMA Desk refills and referrals, {args.years}-year demo workspace: {sizes}; "
                f"protected by {protection}; "
                f"clock {NOW:%Y-%m-%d %H:%M} UTC; {machine(args.runs)}", rows,
                f"demo generation ({args.years} years, one run, everything): {build_s:.1f} s")
    return 0


def counts(services) -> str:  # type: ignore[no-untyped-def]
    conn = services.context.conn

    def count(table: str) -> int:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    refills = services.refills.worklist()
    due = Counter(row.due_state.value for row in refills if row.due_state is not None)
    referrals = services.referrals.worklist()
    flagged = Counter(flag.value for row in referrals for flag in row.flags)
    auths = services.referrals.prior_auths()
    return (f"{count('refill'):,} refill requests ({count('refill_event'):,} steps; {len(refills)} open, "
            f"{due['near_due']} near due, {due['past_due']} past due), {count('referral'):,} referrals "
            f"({len(referrals)} open, {flagged['stuck']} stuck, {flagged['auth_expiring']} with the "
            f"authorisation expiring), {count('prior_auth'):,} prior authorisations ({len(auths)} listed), "
            f"{services.patients.count():,} patients")


def measure(services, runs: int) -> list[Row]:  # type: ignore[no-untyped-def]
    refills, referrals = services.refills, services.referrals

    def refills_tab_data(_run: int) -> object:
        return refills.attention_count(refills.worklist())

    def referrals_tab_data(_run: int) -> object:
        return referrals.attention_count(referrals.worklist(), referrals.prior_auths())

    rows: list[Row] = [
        ("Refills tab data: open requests with due states (worklist) + badge", timed(runs, refills_tab_data),
         TAB_MS),
        ("Referrals tab data: open referrals with flags + prior authorisations + badge",
         timed(runs, referrals_tab_data), TAB_MS),
    ]
    rows += model_rows(services, runs)
    rows.append(("record a refill decision (validated, audited, committed)", decision_rows(services, runs),
                 SAVE_MS))
    return rows


def model_rows(services, runs: int) -> list[Row]:  # type: ignore[no-untyped-def]
    """Each tab's models, built as the tab builds them, if those modules are there (and speak the
    API this script knows); otherwise the row says n/a."""
    refills_name = "Refills tab model + first paint's cell texts"
    referrals_name = "Referrals tab models (referrals, prior authorisations) + first paint's cell texts"
    try:
        from PySide6.QtCore import QModelIndex, Qt
        from PySide6.QtWidgets import QApplication

        from vma_desk.ui.shared.context import TabContext
    except ImportError as exc:
        print(f"(no Qt or no TabContext: {exc})", file=sys.stderr)
        return [(refills_name, [], TAB_MS), (referrals_name, [], TAB_MS)]
    app = QApplication.instance() or QApplication([])

    def paint(model) -> None:  # type: ignore[no-untyped-def]
        for row in range(model.rowCount(QModelIndex())):
            for column in range(model.columnCount(QModelIndex())):
                model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)

    out: list[Row] = []
    try:
        from vma_desk.ui.refills.model import RefillTableModel
        from vma_desk.ui.refills.source import RefillRowSource

        refill_model = RefillTableModel(services.context.clock.now)

        def refills_tab(_run: int) -> None:
            context = TabContext(services)  # staff and patient names read cold each time
            rows = RefillRowSource(context).open_rows()
            refill_model.set_rows(rows, context.zone())
            refill_model.attention_count()  # the badge, as the tab reads it
            paint(refill_model)

        out.append((refills_name, timed(runs, refills_tab), TAB_MS))
        refill_model.timer.stop()
    except (ImportError, AttributeError, TypeError) as exc:
        print(f"(no Refills tab model to time: {exc!r})", file=sys.stderr)
        out.append((refills_name, [], TAB_MS))
    try:
        from vma_desk.ui.referrals.model import PriorAuthTableModel, ReferralTableModel
        from vma_desk.ui.referrals.source import ReferralSource

        referral_model, auth_model = ReferralTableModel(), PriorAuthTableModel()

        def referrals_tab(_run: int) -> None:
            source = ReferralSource(TabContext(services))
            entries, referral_rows = source.referral_entries()
            auths, auth_rows = source.auth_entries()
            services.referrals.attention_count(referral_rows, auth_rows)
            referral_model.set_rows(entries)
            auth_model.set_rows(auths)
            paint(referral_model)
            paint(auth_model)

        out.append((referrals_name, timed(runs, referrals_tab), TAB_MS))
    except (ImportError, AttributeError, TypeError) as exc:
        print(f"(no Referrals tab models to time: {exc!r})", file=sys.stderr)
        out.append((referrals_name, [], TAB_MS))
    del app
    return out


def decision_rows(services, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Creates and routes one fresh request per run (and one for the warm-up), then times only the
    provider's decision being recorded."""
    from vma_desk.core.refills import Decision, RefillRequest, RefillSource

    refills = services.refills
    providers = [p.id for p in services.practice.providers()]
    patients = [p for p in services.patients.search("a", limit=4 * runs) if p.last_visits][: runs + 1]
    now = services.context.clock.now()
    routed = []
    for n, patient in enumerate(patients):
        prescriber = max(patient.last_visits, key=lambda v: v.day).provider_id
        request, _ = refills.create(RefillRequest(
            patient_id=patient.id, medication="Lisinopril", strength="20 mg", quantity="90 tablets",
            pharmacy=patient.preferred_pharmacy or "Prairie Rx - Main St",
            source=RefillSource.PHARMACY_EREQUEST, requested_by="Prairie Rx - Main St",
            prescriber_id=prescriber, received_at=now - timedelta(minutes=30 + n)))
        routed.append(refills.route(request.id)[0])

    def decide(run: int) -> None:
        request = routed[run + 1]  # run -1 is the warm-up
        decided_by = request.prescriber_id if request.prescriber_id in providers else providers[0]
        refills.record_decision(request.id, Decision.APPROVED, decided_by_id=decided_by,
                                note="90-day supply with 1 refill.")

    return timed(runs, decide)


if __name__ == "__main__":
    sys.exit(main())
