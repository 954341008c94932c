"""The shift handoff on paper, read back with poppler's `pdftotext -layout`: one page with the
practice, the user and the shift, the note (for whom), the open items by patient with where they
stand, the counts and the notable changes; no phone numbers; the DEMO mark on a demo workspace only.
The shift is the services' test shift (tests/services/test_handoff.py)."""

from __future__ import annotations

import subprocess

from tests.services.test_handoff import NOTE, make_shift
from vma_desk.core.records import AuditAction
from vma_desk.reports import handoff
from vma_desk.reports.pdf import DEMO_TEXT


def pdf_pages(pdf: bytes) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True,
                          timeout=60).stdout.decode("utf-8")
    return text.split("\f")[:-1]


def flat(text: str) -> str:
    return " ".join(text.split())


def test_one_page_with_the_note_the_open_items_and_the_changes(services, clock):
    made = make_shift(services, clock)
    pages = pdf_pages(handoff.build(services, NOTE, to_user_id=made.ben.id))
    assert len(pages) == 1
    text = flat(pages[0])
    assert text.startswith("Lakeside Family Medicine · Shift handoff Printed Mon 03/02/2026 3:00 PM")
    assert "Ann Lee · shift Mon 03/02/2026 7:00 AM to 3:00 PM (America/Chicago)" in text
    assert "Note for Ben Ortiz" in text
    assert flat(NOTE) in text
    assert "Open items (6)" in text
    for what, who, where in (("Message", "Cruz, Cal", "Urgent · delivered · callback due 9:00 AM (overdue)"),
                             ("Refill request", "Ennis, Eve", "Atorvastatin 20 mg · waiting for provider"),
                             ("Referral", "Birch, Bob", "Cardiology · sent today"),
                             ("Prior authorisation", "Ennis, Eve",
                              "Cardiac MRI · pending · follow up 03/05/2026"),
                             ("Visit", "Ames, Ann", "Tue 03/03 10:00 AM with Dana Lee, MD · unconfirmed")):
        assert f"{what} {who} {where}" in text, what
    assert "Messages 2 new" in text and "Visits 2 new · 1 updated" in text
    assert "Escalated message Diaz, Dee Transferred to Nora at once" in text
    assert "Late cancellation Cruz, Cal visit 10:00 AM with Dana Lee, MD" in text
    assert "Conflict overridden Birch, Bob" in text
    # minimum necessary: no phone numbers, no message texts
    for secret in ("555", "rash spreading", "chest pain", "Gray"):
        assert secret not in text, secret
    assert DEMO_TEXT not in text
    # making the page writes nothing, not even an audit entry
    assert services.audit.page(0, 1)[0].action is not AuditAction.EXPORT


def test_an_empty_shift_and_no_note_say_so(services, clock):
    made = make_shift(services, clock, end_shift=True)
    services.users.sign_in(made.ben.id, "135790")
    text = flat(pdf_pages(handoff.build(services))[0])
    assert "Ben Ortiz · shift" in text and "Note for whoever comes next Note No note." in text
    assert "Open items (0) Nothing open is yours" in text
    assert "No records were changed during this shift." in text


def test_a_long_list_stays_on_one_page_marked_demo_on_a_demo(services, clock):
    made = make_shift(services, clock)
    with services.context.transaction():
        services.workspace.set_meta("demo", "1")
    for number in range(40):
        services.communications.take_message(made.cal_message.__class__(
            f"Caller {number}", "3125550177", "a question", made.cal_message.recipient_id, clock.now()))
    pages = pdf_pages(handoff.build(services, "\n".join(f"line {n}" for n in range(40))))
    assert len(pages) == 1
    text = flat(pages[0])
    assert DEMO_TEXT in text
    assert "Open items (46)" in text and "and 22 more (see VMA Desk)" in text
    assert "line 17" in text and "line 18" not in text and "the rest is in VMA Desk" in text
