"""Each visit flag has one severity, said once in `core.agenda`: the Today tab colours its rows by
it and the huddle sheet its flags (tests/ui/today/test_today_and_huddle_agree.py checks the two agree)."""

from __future__ import annotations

from datetime import UTC, datetime

from vma_desk.core.agenda import FLAG_SEVERITY, NOTE, SEVERE, WARNING, VisitFlag, VisitLine
from vma_desk.core.calendar import Appointment


def test_every_flag_has_exactly_one_severity():
    assert set(FLAG_SEVERITY) == set(VisitFlag)
    assert all(flag.severity in (SEVERE, WARNING, NOTE) for flag in VisitFlag)
    # a patient waiting on the team is severe; a missing consult report is settled before the visit
    assert VisitFlag.URGENT_MESSAGE.severity == SEVERE
    assert VisitFlag.MISSING_REPORT.severity == WARNING
    assert VisitFlag.CARE_GAP.severity == NOTE and VisitFlag.NO_SHOW_HISTORY.severity == NOTE


def test_a_visit_stands_out_as_much_as_its_most_severe_flag():
    visit = Appointment(1, 1, "est", datetime(2026, 3, 2, 15, tzinfo=UTC), 20, id=1)

    def line(*flags: VisitFlag) -> VisitLine:
        return VisitLine(visit, "Ames, Ann", 66, "Established visit", False, False,
                         tuple((flag, "") for flag in flags))

    assert line().severity == NOTE
    assert line(VisitFlag.CARE_GAP, VisitFlag.UNCONFIRMED).severity == WARNING
    assert line(VisitFlag.MISSING_REPORT, VisitFlag.URGENT_MESSAGE).severity == SEVERE
