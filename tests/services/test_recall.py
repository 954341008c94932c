"""The Recall list through its service, on a real workspace, as a VMA meets it: patients with a care
gap due or overdue and no visit booked that closes it, the visit type and provider to book, a booking
or a recorded completion date taking the row off, the practice's settings, refusals by field.

The practice is in America/Chicago; the clock is Monday 2026-03-02 09:30 local (15:30 UTC).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from vma_desk.core.records import CareGap, Patient, Phone
from vma_desk.services import Services


def test_a_recorded_completion_date_survives_an_edit_of_the_patient(services: Services) -> None:
    patient, _ = services.patients.create(Patient(
        "Rosa", "Diaz", date(1968, 7, 1), phones=(Phone("3125550111"),),
        care_gaps=(CareGap("Mammogram", date(2026, 1, 10), done=date(2026, 2, 20)),
                   CareGap("A1c", date(2026, 3, 20)))))
    assert patient.id is not None
    services.patients.update(replace(services.patients.get(patient.id), notes="Prefers mornings."))
    gaps = services.patients.get(patient.id).care_gaps
    assert [(g.kind, g.done) for g in gaps] == [("Mammogram", date(2026, 2, 20)), ("A1c", None)]
