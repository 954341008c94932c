"""The patient hub (Ctrl+K, then Enter; Enter on a patient's row in a worklist): the patient's whole
picture for a call, and one key to each next step.

What it shows (`core/hub.PatientHub`, read by `services.hub.open`, audited as a record viewed): who
they are and how to reach them, insurance with the last eligibility result, pharmacy, care gaps
due; visits to come and lately with the no-show count; every open loop (messages, refills,
referrals, prior authorisations, tasks, intake forms, results, records requests); the last calls
and contact attempts. No clinical notes: a message's words, a result's note are not here.

Keys: Alt+B book, Alt+C log a call, Alt+M take a message, Alt+F a refill request, Alt+R a
referral, Alt+S a task, Alt+E edit demographics, Alt+V / Alt+O / Alt+T the three lists, Esc
closes. A step closes the hub and opens its form for the patient (`sig_step`: the form's name).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QListWidget, QListWidgetItem, QWidget

from vma_desk.core import wording
from vma_desk.core.calendar import Appointment, EligibilityStatus
from vma_desk.core.hub import PatientHub
from vma_desk.core.records import ContactMethod
from vma_desk.core.tasks import assignee_text
from vma_desk.core.validation import format_phone
from vma_desk.ui.forms.ui_patient_hub import Ui_PatientHub
from vma_desk.ui.shared.context import TabContext

#: the steps the hub offers, as the window's forms are named (`MainWindow.open_form_for`)
STEPS = ("booking", "call", "message", "refill", "referral", "task", "patient")
_ELIGIBILITY = {EligibilityStatus.VERIFIED: "verified", EligibilityStatus.PROBLEM: "a problem",
                EligibilityStatus.UNVERIFIED: "not verified"}


class PatientHubDialog(QDialog):
    """`sig_step(form, patient_id)`: a step was chosen; the hub has closed."""

    #: a lock closes this window (it shows a patient's record)
    closes_on_lock = True
    sig_step = Signal(str, int)

    def __init__(self, context: TabContext, hub: PatientHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PatientHub()
        self.ui.setupUi(self)
        self.context = context
        self.hub = hub
        self._fill()
        ui = self.ui
        for button, step in ((ui.book_button, "booking"), (ui.call_button, "call"),
                             (ui.message_button, "message"), (ui.refill_button, "refill"),
                             (ui.referral_button, "referral"), (ui.task_button, "task"),
                             (ui.edit_button, "patient")):
            button.clicked.connect(lambda _checked=False, s=step: self.step(s))
        ui.close_button.clicked.connect(self.reject)
        ui.loops_list.setFocus()

    def lock_draft(self) -> str:
        return ""

    def step(self, form: str) -> None:
        """Close the hub and ask for `form` opened for the patient."""
        patient_id = self.hub.patient.id
        self.accept()
        if patient_id is not None:
            self.sig_step.emit(form, patient_id)

    # filling ------------------------------------------------------------------------------------------
    def _fill(self) -> None:
        hub, ui, context = self.hub, self.ui, self.context
        patient, zone = hub.patient, context.zone()
        self.setWindowTitle(f"{patient.display_name} · patient")
        font = QFont(ui.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        ui.name_label.setFont(font)
        ui.name_label.setText(f"{patient.display_name} · age {hub.age} · born "
                              f"{wording.date_text(patient.date_of_birth)}")
        phones = ", ".join(f"{format_phone(p.number)} ({p.kind.value})" for p in patient.phones) or "no phone"
        prefers = {ContactMethod.PHONE: "a call", ContactMethod.TEXT: "a text", ContactMethod.EMAIL: "e-mail",
                   ContactMethod.PORTAL: "the portal"}[patient.preferred_contact]
        email = f" · {patient.email}" if patient.email else ""
        ui.contact_label.setText(f"{phones}{email} · prefers {prefers}")
        insurance = patient.insurance_text or "No insurance on file"
        eligibility = hub.eligibility
        if eligibility is not None and eligibility.checked_at is not None:
            checked = wording.date_text(eligibility.checked_at.astimezone(zone).date())
            insurance += f" · eligibility {_ELIGIBILITY[eligibility.status]} on {checked}"
        else:
            insurance += " · eligibility not checked yet"
        pharmacy = patient.preferred_pharmacy or "no pharmacy on file"
        ui.insurance_label.setText(f"{insurance} · Pharmacy: {pharmacy}")
        gaps = ", ".join(f"{g.kind} (due {wording.date_text(g.due)})" for g in hub.gaps_open)
        ui.gaps_label.setText(f"Care gaps due: {gaps}" if gaps else "No care gap due.")
        no_shows = f" · {wording.plural(hub.no_shows, 'no-show')} on record" if hub.no_shows else ""
        ui.visits_label.setText(f"&Visits{no_shows}")
        self._lines(ui.visits_list, [f"Next: {self._visit(v)}" for v in hub.upcoming]
                    + [self._visit(v) for v in hub.recent], "No visits on record.")
        ui.loops_label.setText(f"&Open loops ({hub.open_loops})")
        self._lines(ui.loops_list, self._loops(), "Nothing open for this patient.")
        self._lines(ui.contacts_list, self._contacts(), "No calls or attempts on record.")
        ui.hint_label.setText("Alt+B book · Alt+C log a call · Alt+M take a message · Alt+F refill · "
                              "Alt+R referral · Alt+S task · Alt+E demographics · Esc closes")

    def _visit(self, visit: Appointment) -> str:
        context = self.context
        kind = context.types.get(visit.type_code)
        when = wording.when_in_year(visit.start, context.zone(), context.today())
        return (f"{when} · {kind.name if kind else visit.type_code} · {context.staff_name(visit.provider_id)}"
                f" · {visit.status.label}")

    def _loops(self) -> list[str]:
        hub, context = self.hub, self.context
        zone, today = context.zone(), context.today()
        lines = [f"Message ({m.state.label.lower()}) taken "
                 f"{wording.when_in_year(m.created_at, zone, today)} for {context.staff_name(m.recipient_id)}"
                 for m in hub.messages]
        lines += [f"Refill: {r.medication} · {r.step.label.lower()}" for r in hub.refills]
        lines += [f"Referral: {r.specialty} · {r.state.label.lower()}" for r in hub.referrals]
        lines += [f"Prior authorisation: {a.payer} · {a.status.label.lower()}" for a in hub.prior_auths]
        users = {u.id: u.name for u in context.services.users.all() if u.id is not None}
        staff = {sid: m.display_name for sid, m in context.staff.items()}
        for task in hub.tasks:
            if task.is_open:
                when = wording.near_day_clock(task.due_at, zone, today)
                late = "overdue since" if task.due_at < context.now() else "due"
                lines.append(f"Task: {task.title} · {late} {when} · {assignee_text(task, users, staff)}")
        lines += [f"{kind}: {line}" for kind, line in hub.other_loops]
        return lines

    def _contacts(self) -> list[str]:
        hub, context = self.hub, self.context
        zone, today = context.zone(), context.today()
        dated = [(c.started_at, f"Call {wording.when_in_year(c.started_at, zone, today)} · "
                                f"{c.direction.value} · {c.reason.label.lower()}") for c in hub.calls]
        dated += [(a.at, f"{a.kind.label} attempt {wording.when_in_year(a.at, zone, today)} · "
                         f"{a.channel.label.lower()} · {a.outcome.label}{f' · {a.by}' if a.by else ''}")
                  for a in hub.attempts]
        return [text for _at, text in sorted(dated, key=lambda pair: pair[0], reverse=True)]

    @staticmethod
    def _lines(widget: QListWidget, lines: list[str], empty: str) -> None:
        widget.clear()
        for line in lines or [empty]:
            widget.addItem(QListWidgetItem(line))
