"""The accounting of disclosures read back as the patient would read it (`pdftotext -layout`): the
title, the patient, the practice and the period on top; every release sent of that patient once,
oldest first, with the date sent, to whom, what, why and how; nothing not sent, nothing asked for
from elsewhere, nothing of another patient; "No disclosures recorded" when there are none.

Practice in America/Chicago with Friday 6 March 2026 a holiday; the clock starts Monday 2026-03-02
09:30."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from tests.reports.test_patient_summary import flat, pdf_text, row
from tests.services.march_in_chicago import local
from tests.services.test_records_requests import asked, patient, release
from vma_desk.core.clock import FixedClock
from vma_desk.core.errors import NotFoundError
from vma_desk.core.records import Holiday, Practice
from vma_desk.core.records_requests import SecureChannel
from vma_desk.reports import disclosures
from vma_desk.reports.pdf import DEMO_TEXT
from vma_desk.services import Services


@pytest.fixture
def office(services: Services) -> Services:
    services.practice.save(Practice("Lakeside Family Medicine", "America/Chicago",
                                    holidays=(Holiday(date(2026, 3, 6), "Staff training day"),)))
    return services


def test_a_release_due_in_five_business_days_across_a_holiday_is_flagged_and_the_accounting_lists_it(
        office: Services, clock: FixedClock):
    ann = patient(office)
    made, _ = office.records_requests.add(release(ann))
    # due Tuesday the 10th (Friday the 6th is a holiday): not late on the 10th, late on the 11th
    clock.current = local(10, 16)
    assert office.records_requests.late() == []
    clock.current = local(11, 9)
    assert [row.request.id for row in office.records_requests.late()] == [made.id]
    office.records_requests.mark_sent(made.id or 0, SecureChannel.SECURE_FAX, by="Rita Records")
    assert office.records_requests.late() == []
    layout = pdf_text(disclosures.build(office, ann))
    text = flat(layout)
    assert text.startswith("Lakeside Family Medicine · Accounting of disclosures")
    assert "Patient Ann Ames" in text and "Date of birth 01/01/1960" in text
    assert "Practice Lakeside Family Medicine" in text
    assert "Period 03/11/2020 to 03/11/2026 (practice time, America/Chicago)" in text
    assert "Releases 1 release" in text
    assert row(layout, "Harbor Mutual")[:2] == [
        ["03/11/2026", "Harbor Mutual", "Visit notes 2025", "Life insurance", "Secure fax"],
        ["9:00 AM", "Insurance", "application", "by Rita Records"]]
    assert "Authorised 02/27/2026, expires 08/27/2026" in text and "by Rita Records" in text
    assert "No disclosures recorded" not in text and DEMO_TEXT not in text


def test_the_accounting_lists_every_release_sent_once_oldest_first_and_nothing_else(
        office: Services, clock: FixedClock):
    ann, bob = patient(office), patient(office, "Bob", "Burns")
    ortho, _ = office.records_requests.add(release(ann, party="Lakeview Orthopedics", items="X-ray report",
                                                   purpose="Continuity of care at the patient's request"))
    lawyer, _ = office.records_requests.add(release(ann, party="Baird & Cole Law Office",
                                                    items="Visit notes 2024-2025\nBilling statements",
                                                    purpose="Personal injury claim"))
    office.records_requests.add(release(ann, party="Still Waiting Insurer"))
    bobs, _ = office.records_requests.add(release(bob, party="Bob's Employer Benefits"))
    hospital, _ = office.records_requests.add(asked(ann))
    clock.current = local(3, 11)
    office.records_requests.mark_sent(lawyer.id or 0, SecureChannel.MAIL)
    office.records_requests.mark_sent(bobs.id or 0, SecureChannel.SECURE_FAX)
    office.records_requests.mark_received(hospital.id or 0)
    clock.current = local(4, 14)
    office.records_requests.mark_sent(ortho.id or 0, SecureChannel.DIRECT)
    layout = pdf_text(disclosures.build(office, ann))
    text = flat(layout)
    assert "Releases 2 releases" in text
    assert text.count("Baird & Cole Law Office") == 1 and text.count("Lakeview Orthopedics") == 1
    assert text.index("Baird & Cole") < text.index("Lakeview Orthopedics")
    lawyer_row = row(layout, "Baird & Cole")
    assert lawyer_row[0][:4] == ["03/03/2026", "Baird & Cole Law Office", "Visit notes 2024-2025",
                                 "Personal injury claim"]
    assert lawyer_row[1][:2] == ["11:00 AM", "Billing statements"]
    assert "Direct message" in row(layout, "Lakeview")[0][-1] and lawyer_row[0][-1] == "Mail"
    for absent in ("Still Waiting", "Bob", "St. Mary", "ER visit notes", "555"):
        assert absent not in text
    # a shorter period leaves out what was sent before it
    later = flat(pdf_text(disclosures.build(office, ann, date(2026, 3, 4), date(2026, 3, 4))))
    assert "Lakeview Orthopedics" in later and "Baird" not in later
    assert "Period 03/04/2026 to 03/04/2026" in later


def test_a_patient_with_no_release_reads_no_disclosures_recorded(office: Services):
    ann = patient(office)
    office.records_requests.add(release(ann))  # asked, never sent
    text = flat(pdf_text(disclosures.build(office, ann)))
    assert "Releases No disclosures recorded" in text
    assert "No disclosures recorded for this patient in this period." in text
    assert "Harbor" not in text


def test_an_unknown_patient_is_refused(office: Services):
    with pytest.raises(NotFoundError):
        disclosures.build(office, 999)


def test_the_page_renders_to_an_image(office: Services, clock: FixedClock, tmp_path):
    ann = patient(office)
    made, _ = office.records_requests.add(release(ann))
    office.records_requests.mark_sent(made.id or 0, SecureChannel.PORTAL)
    pdf = tmp_path / "accounting.pdf"
    pdf.write_bytes(disclosures.build(office, ann))
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=60)
    assert (tmp_path / "page-1.png").stat().st_size > 1000
