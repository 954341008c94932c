"""The huddle sheet read back as a physician would see it (`pdftotext -layout`), compared with the
agenda it prints: every visit under its provider with its time, patient and flags, the "needs
attention" lines, a page per provider on a normal day, a long day going on to a second page under
the provider's name and the table header again, the DEMO mark only on a demo's pages.

The demo is a one-year workspace anchored on Monday 2026-03-02, read at 07:30 Chicago time."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.demo.conftest import ANCHOR, Demos
from vma_desk.core import wording
from vma_desk.core.agenda import URGENT, DayAgenda, ProviderDay, VisitFlag, VisitLine
from vma_desk.core.calendar import Appointment
from vma_desk.core.clock import FixedClock
from vma_desk.core.errors import ValidationError
from vma_desk.core.records import CareGap, Patient, Phone, Practice, Role, Shift, StaffMember
from vma_desk.core.refills import Decision, RefillRequest, RefillSource
from vma_desk.reports import huddle
from vma_desk.reports.pdf import DEMO_TEXT, ReportFrame, render
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace

CHICAGO = ZoneInfo("America/Chicago")
MORNING = datetime(2026, 3, 2, 13, 30, tzinfo=UTC)  # 07:30 in Chicago, before the huddle
HEADER = re.compile(r"Time\s+Patient\s+Age\s+Type\s+New/Est\s+Tele\s+Flags")
TIME = re.compile(r"^\s*\d{1,2}:\d{2} [AP]M\s")


# --- reading a PDF back --------------------------------------------------------------------------

def pdf_pages(pdf: bytes | Path, *, password: str | None = None) -> list[str]:
    """Each page's text as `pdftotext -layout` lays it out."""
    source = str(pdf) if isinstance(pdf, Path) else "-"
    command = ["pdftotext", "-layout", *(["-upw", password] if password else []), source, "-"]
    result = subprocess.run(command, input=None if isinstance(pdf, Path) else pdf, capture_output=True,
                            check=True, timeout=60)
    return result.stdout.decode("utf-8").split("\f")[:-1]


def squeezed(text: str) -> str:
    return " ".join(text.split())


def clock(visit: VisitLine) -> str:
    return f"{visit.appointment.start.astimezone(CHICAGO):%I:%M %p}".lstrip("0")


def visit_blocks(page: str, visits: tuple[VisitLine, ...]) -> dict[int, list[str]]:
    """The lines of each visit's row (its first line starts with the time and holds the name; the
    row runs until the next time), by appointment id. The big rotated DEMO letters, each on a line of
    its own, are left out."""
    lines = [line for line in page.splitlines() if len(line.strip()) > 1]
    starts = [i for i, line in enumerate(lines) if TIME.match(line)]
    blocks: dict[int, list[str]] = {}
    for visit in visits:
        found = [i for i in starts if lines[i].split()[:2] == clock(visit).split()
                 and visit.patient_name in lines[i]]
        assert len(found) == 1, f"{clock(visit)} {visit.patient_name}: {len(found)} rows"
        first = found[0]
        following = [i for i in starts if i > first]
        end = following[0] if following else len(lines)
        blocks[visit.appointment.id] = lines[first:end]
    return blocks


# --- workspaces ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    demos = Demos(KeyStore.from_environment())
    try:
        yield demos.make(tmp_path_factory.mktemp("huddle") / "demo", now=MORNING)
    finally:
        demos.close()


@pytest.fixture(scope="module")
def anchor_day(demo: Services) -> tuple[DayAgenda, list[str]]:
    """The anchor day's agenda and its huddle sheet's pages."""
    agenda = demo.agenda.day(ANCHOR)
    return agenda, pdf_pages(huddle.build(demo, ANCHOR))


LONG_DAY = date(2026, 3, 3)  # a Tuesday
FIRST = ("Ann", "Ben", "Cleo", "Dev", "Eva", "Femi")
LAST = ("Abbott", "Bishop", "Carver", "Dalton", "Ellis", "Fontaine")


@pytest.fixture(scope="module")
def long_day(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, StaffMember]]:
    """A workspace that is not a demo, where Dr Lee sees 36 patients on Tuesday 2026-03-03 from
    7:00 to 7:00 (every third with an A1c due)."""
    keystore = KeyStore.from_environment()
    ws, _ = Workspace.create(tmp_path_factory.mktemp("huddle") / "long", keystore)
    try:
        services = Services.for_workspace(ws, clock=FixedClock(MORNING), user="tester@desk")
        services.practice.save(Practice(name="Lakeside Family Medicine", time_zone="America/Chicago"))
        hours = tuple(Shift(d, time(7), time(19)) for d in range(5))
        lee, _ = services.practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD",
                                                         working_hours=hours))
        start = datetime.combine(LONG_DAY, time(7), tzinfo=CHICAGO).astimezone(UTC)
        for n in range(36):
            gaps = (CareGap("A1c", date(2026, 2, 1)),) if n % 3 == 0 else ()
            patient, _ = services.patients.create(Patient(
                FIRST[n % 6], LAST[n // 6], date(1950 + n, 5, 1), phones=(Phone(f"31255501{n:02d}"),),
                care_gaps=gaps))
            services.calendar.book(Appointment(patient.id, lee.id, "est", start + timedelta(minutes=20 * n),
                                               20), authorised_by="Patient (phone call)")
        yield services, lee
    finally:
        ws.close()
        keystore.delete(ws.workspace_id)


# --- a normal day --------------------------------------------------------------------------------

def test_a_page_per_provider_with_every_visit_under_its_provider(anchor_day):
    agenda, pages = anchor_day
    assert len(agenda.providers) == 4 and agenda.visit_count > 60
    assert len(pages) == len(agenda.providers)
    for number, (page, provider_day) in enumerate(zip(pages, agenda.providers, strict=True), start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[1] == provider_day.provider.display_name
        assert lines[2].startswith(f"Monday, March 2, 2026 · {agenda.practice_name} · "
                                   f"{len(provider_day.visits)} visits, ")
        assert f"Page {number} of {len(pages)}" in page
        assert "continued" not in page
        assert len(HEADER.findall(page)) == 1
        blocks = visit_blocks(page, provider_day.visits)
        assert len(blocks) == len(provider_day.visits)
        for visit in provider_day.visits:
            first = squeezed(blocks[visit.appointment.id][0])
            age = "<1" if visit.age == 0 else str(visit.age)
            assert f"{visit.patient_name} {age} {visit.type_name} {'New' if visit.new_patient else 'Est'}" \
                in first
            assert ("✓" in first) == visit.telehealth
        # and no other provider's visit on this page
        assert sum(bool(TIME.match(line)) for line in page.splitlines()) == len(provider_day.visits)


def test_the_flags_of_each_visit_are_printed_on_its_row(anchor_day):
    agenda, pages = anchor_day
    flagged = 0
    for page, provider_day in zip(pages, agenda.providers, strict=True):
        blocks = visit_blocks(page, provider_day.visits)
        for visit in provider_day.visits:
            block = blocks[visit.appointment.id]
            text = squeezed(" ".join(block))
            shown = {flag for flag in VisitFlag if any(flag.label in line for line in block)}
            assert shown == {flag for flag, _ in visit.flags}, (visit.patient_name, text)
            for flag, detail in visit.flags:
                _, printed = huddle.flag_parts(flag, detail)
                assert all(word in text for word in printed.split()), (visit.patient_name, detail, text)
            flagged += bool(visit.flags)
    kinds = {flag for p in agenda.providers for v in p.visits for flag, _ in v.flags}
    assert flagged > 30 and len(kinds) >= 5  # the demo day has plenty to print


def test_the_needs_attention_block_holds_the_agendas_lines_and_todays_urgent_rows(anchor_day):
    agenda, pages = anchor_day
    urgent_rows = 0
    for page, provider_day in zip(pages, agenda.providers, strict=True):
        top = squeezed(page.split("Time ")[0])
        assert "Needs attention" in top
        assert provider_day.attention()
        for line in provider_day.attention():
            assert f"• {line}" in top
        patients = {v.appointment.patient_id for v in provider_day.visits}
        for item in agenda.due:
            if item.severity == URGENT and item.patient_id in patients:
                urgent_rows += 1
                assert f"Urgent · {item.patient_name} (" in top and item.title in top
            elif item.patient_name and item.patient_id not in patients:
                assert f"Urgent · {item.patient_name} (" not in top
    assert urgent_rows >= 1


def test_the_demo_mark_is_on_every_page_of_a_demo(anchor_day):
    _, pages = anchor_day
    assert all(DEMO_TEXT in page for page in pages)
    assert all("Daily huddle sheet" in page and "Printed Mon 03/02/2026 7:30 AM" in page for page in pages)


def test_one_provider_only(demo: Services, anchor_day):
    agenda, _ = anchor_day
    chosen = agenda.providers[2]
    pages = pdf_pages(huddle.build(demo, ANCHOR, provider_id=chosen.provider.id))
    assert len(pages) == 1
    assert [line.strip() for line in pages[0].splitlines() if line.strip()][1] == \
        chosen.provider.display_name
    assert len(visit_blocks(pages[0], chosen.visits)) == len(chosen.visits)
    assert not any(p.provider.display_name in pages[0] for p in agenda.providers if p is not chosen)


def test_a_day_without_visits_is_one_page_saying_so(demo: Services):
    saturday = ANCHOR + timedelta(days=5)
    assert demo.agenda.day(saturday).providers == ()
    pages = pdf_pages(huddle.build(demo, saturday))
    assert len(pages) == 1
    assert "No visits are booked on Saturday, March 7, 2026." in squeezed(pages[0])
    assert DEMO_TEXT in pages[0]


def test_unknown_provider_is_refused(demo: Services):
    staff = demo.practice.staff(active_only=False)
    not_a_provider = next(s for s in staff if s.role is not Role.PROVIDER)
    for provider_id in (not_a_provider.id, 9999):
        with pytest.raises(ValidationError) as refused:
            huddle.build(demo, ANCHOR, provider_id=provider_id)
        assert refused.value.field == "provider"


# --- a long day ----------------------------------------------------------------------------------

def test_a_long_day_continues_under_the_provider_and_header(long_day):
    services, lee = long_day
    provider_day = services.agenda.day(LONG_DAY).provider(lee.id)
    assert provider_day is not None and len(provider_day.visits) == 36
    pages = pdf_pages(huddle.build(services, LONG_DAY))
    assert len(pages) == 2
    first, second = ([line.strip() for line in page.splitlines() if line.strip()] for page in pages)
    assert first[1] == "Dana Lee, MD" and "continued" not in pages[0]
    assert second[1] == "Dana Lee, MD … continued" and second[2] == "Tuesday, March 3, 2026"
    assert all(len(HEADER.findall(page)) == 1 for page in pages)
    assert "Needs attention" in pages[0] and "Needs attention" not in pages[1]
    assert "• 36 visits unconfirmed" in squeezed(pages[0])
    on_first = visit_blocks(pages[0], tuple(v for v in provider_day.visits
                                            if v.patient_name in pages[0]))
    on_second = visit_blocks(pages[1], tuple(v for v in provider_day.visits
                                             if v.patient_name in pages[1]))
    assert on_first and on_second and len(on_first) + len(on_second) == 36  # each once, none lost
    assert max(v.appointment.start for v in provider_day.visits if v.appointment.id in on_first) < \
        min(v.appointment.start for v in provider_day.visits if v.appointment.id in on_second)
    assert all(DEMO_TEXT not in page and "DEMO" not in page for page in pages)
    assert "Page 2 of 2" in pages[1]


def test_a_provider_who_has_left_still_gets_the_sheet_of_their_remaining_visits(long_day):
    services, _ = long_day
    wednesday = LONG_DAY + timedelta(days=1)  # not the long day the other tests read
    hours = tuple(Shift(d, time(7), time(19)) for d in range(5))
    moss, _ = services.practice.add_staff(StaffMember("Ray Moss", Role.PROVIDER, credentials="DO",
                                                      working_hours=hours))
    cy, _ = services.patients.create(Patient("Cy", "Cole", date(1970, 1, 1), phones=(Phone("3125550177"),)))
    services.calendar.book(Appointment(cy.id, moss.id, "est",
                                       datetime.combine(wednesday, time(9), tzinfo=CHICAGO).astimezone(UTC),
                                       20), authorised_by="Dr Moss")
    services.practice.update_staff(replace(moss, active=False))
    pages = pdf_pages(huddle.build(services, wednesday, provider_id=moss.id))
    assert len(pages) == 1 and "Ray Moss, DO" in pages[0] and "Cole, Cy" in pages[0]


# --- words ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("flag", "detail", "text"), [
    (VisitFlag.CARE_GAP, "A1c, Mammogram", "Care gap: A1c, Mammogram"),
    (VisitFlag.MISSING_REPORT, "Cardiology consult note", "Consult report missing: Cardiology"),
    (VisitFlag.UNCONFIRMED, "unconfirmed", "Unconfirmed"),
    (VisitFlag.UNCONFIRMED, "left message", "Unconfirmed: left message"),
    (VisitFlag.INSURANCE_UNVERIFIED, "not checked", "Insurance not verified"),
    (VisitFlag.INSURANCE_UNVERIFIED, "problem", "Insurance not verified: problem"),
    (VisitFlag.NO_SHOW_HISTORY, "2 no-shows", "No-show history: 2 no-shows"),
    (VisitFlag.URGENT_MESSAGE, "urgent", "Urgent message open"),
    (VisitFlag.URGENT_MESSAGE, "emergency", "Urgent message open: emergency"),
    (VisitFlag.PENDING_REFILL, "Metformin 500 mg", "Refill pending: Metformin 500 mg"),
    (VisitFlag.REFILL_NEEDS_VISIT, "Lisinopril 10 mg", "Refill needs visit: Lisinopril 10 mg"),
])
def test_flag_words(flag: VisitFlag, detail: str, text: str):
    assert huddle.flag_text(flag, detail) == text


def test_dates_and_times_in_the_practice_zone():
    # the sheet's words are core.wording's, said once for the screen and the paper
    assert wording.long_day(date(2026, 3, 2)) == "Monday, March 2, 2026"
    assert wording.clock_text(datetime(2026, 3, 9, 13, 5, tzinfo=UTC), CHICAGO) == "8:05 AM"  # CDT
    assert wording.clock_text(datetime(2026, 3, 6, 18, 0, tzinfo=UTC), CHICAGO) == "12:00 PM"  # CST


def test_names_with_markup_characters_print_as_written(demo: Services, anchor_day):
    agenda, _ = anchor_day
    day = agenda.providers[0]
    visit = day.visits[0]
    odd = VisitLine(visit.appointment, "O'Hara & <Co>, Al", visit.age, "Check <b>", visit.new_patient,
                    visit.telehealth, ((VisitFlag.CARE_GAP, "A1c & lipids"),))
    sheet = huddle.huddle_story(DayAgenda(agenda.day, agenda.practice_name, agenda.time_zone,
                                          agenda.generated_at, (ProviderDay(day.provider, (odd,)),), ()))
    text = squeezed(pdf_pages(render(ReportFrame("Daily huddle sheet", "P & Q", "now"), sheet))[0])
    assert "O'Hara & <Co>, Al" in text and "Check <b>" in text and "Care gap: A1c & lipids" in text


def test_a_visit_booked_for_a_needs_visit_refill_says_so_on_its_row(long_day):
    services, lee = long_day
    thursday = LONG_DAY + timedelta(days=2)  # not a day the other tests read
    dee, _ = services.patients.create(Patient("Dee", "Dunn", date(1958, 2, 2), phones=(Phone("3125550188"),)))
    request, _ = services.refills.create(RefillRequest(
        patient_id=dee.id, medication="Metformin", strength="500 mg", quantity="90", pharmacy="Walgreens",
        source=RefillSource.PHARMACY_FAX, requested_by="Walgreens", prescriber_id=lee.id,
        received_at=MORNING))
    services.refills.route(request.id)
    services.refills.record_decision(request.id, Decision.NEEDS_VISIT, decided_by_id=lee.id)
    draft = services.refills.visit_draft(request.id)
    services.refills.book_visit(request.id, replace(
        draft, start=datetime.combine(thursday, time(9), tzinfo=CHICAGO).astimezone(UTC), minutes=15),
        authorised_by="Patient (phone call)")
    [page] = pdf_pages(huddle.build(services, thursday))
    [visit] = services.agenda.day(thursday).provider(lee.id).visits
    row = squeezed(" ".join(visit_blocks(page, (visit,))[visit.appointment.id]))
    assert "Refill needs visit: Metformin 500 mg" in row
    assert "• 1 visit booked for a refill" in squeezed(page)
