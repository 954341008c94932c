"""The Intake forms worklist: visits in the next 72 hours whose packet is due to send (an item not
sent, from 72 hours before) or to chase (an item sent and not back, from 24 hours before), the
soonest first. Ctrl+D "Mark forms…" marks the packet's forms sent, received or reviewed;
Ctrl+Shift+L logs an attempt to get them back (the visit's intake chase); Ctrl+Shift+D closes a
chase nobody could be reached for; Ctrl+O opens the visit in the Calendar.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from vma_desk.core import wording
from vma_desk.core.chase import ChaseKind
from vma_desk.core.intake import PacketDue, VisitPacket
from vma_desk.core.records import RecordKind
from vma_desk.ui.shared.context import TabContext
from vma_desk.ui.worklists.intake_steps import IntakeMarkDialog, forms_back
from vma_desk.ui.worklists.lists import FormStep, Saved, close_step
from vma_desk.ui.worklists.model import WorkRow


class IntakeList:
    """Visits whose intake forms are due to send or to chase, the soonest first."""

    title = "Intake forms"
    kind = ChaseKind.INTAKE
    columns = (("visit", "Visit"), ("patient", "Patient"), ("type", "Type"), ("forms", "Forms"),
               ("missing", "Missing"), ("due", "Due"))
    samples = ("Tue 03/03 10:40 AM", "Christopher Willis", "Established patient", "2 of 3 back", "",
               "to chase")
    book = None
    opens = "appointment"
    #: a packet changed (a setting too), a visit moved or cancelled, a name changed
    reads = frozenset({RecordKind.INTAKE, RecordKind.CONTACT_ATTEMPT, RecordKind.APPOINTMENT,
                       RecordKind.PATIENT, RecordKind.STAFF, RecordKind.APPOINTMENT_TYPE, RecordKind.SETTING})

    def __init__(self, context: TabContext) -> None:
        self.context = context
        #: the packets read, by visit: what "Mark forms…" works from
        self._read: dict[int, VisitPacket] = {}
        self.done = FormStep("&Mark forms…", "Mark the visit's forms sent, received or reviewed: the visit "
                             "leaves the list once none is due", self._open_mark, "Forms marked")
        self.close = close_step(context, self.kind)

    def _open_mark(self, row: WorkRow, parent: QWidget, saved: Saved) -> QDialog:
        dialog = IntakeMarkDialog(self.context, self._read[row.record_id], row.who, parent)
        dialog.sig_saved.connect(saved)
        return dialog

    def rows(self) -> list[WorkRow]:
        context = self.context
        now = context.now()
        found = context.services.intake.due_packets(now)
        self._read = {p.appointment_id: p for p in found}
        context.patients.names(p.appointment.patient_id for p in found)
        zone, today = context.zone(), context.today()
        rows = []
        for packet in found:
            visit = packet.appointment
            who = context.patient_name(visit.patient_id)
            kind = context.types.get(visit.type_code)
            due = packet.due(now)
            missing = ", ".join(packet.missing)
            rows.append(WorkRow(
                self.kind, packet.appointment_id, who, packet.chase,
                (wording.when_in_year(visit.start, zone, today), who, kind.name if kind else visit.type_code,
                 forms_back(packet), missing, due.label if due else ""),
                (visit.start.timestamp(), None, None, sum(1 for f in packet.forms if f.back)),
                patient_id=visit.patient_id, tip=f"Not back: {missing}" if missing else "",
                due_at=packet.send_by if due is PacketDue.TO_SEND else packet.chase_at))
        return rows

    def forget(self) -> None:
        self._read = {}
