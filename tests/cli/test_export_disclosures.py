"""`vma-desk export disclosures --patient ID`: one patient's accounting of disclosures as a PDF,
written readable by its owner only and audited as an export (ids and dates, never a name), six
years back from --to by default; an unknown patient is refused in one line (exit 2), writing
nothing and auditing nothing."""

from __future__ import annotations

import stat
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.cli.test_cli import refused, vma
from tests.services.test_audit_coverage import is_opening
from vma_desk.core.records import AuditAction, AuditEntry, Patient, Phone
from vma_desk.core.records_requests import Direction, RecordsRequest, SecureChannel
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace

MONDAY = date(2026, 3, 2)


@pytest.fixture
def folder(services: Services) -> tuple[Path, int]:
    """A closed workspace where Ann Ames's visit notes were released to an insurer on Monday (and
    one release still waits for its authorisation: not a disclosure)."""
    ann, _ = services.patients.create(Patient("Ann", "Ames", date(1960, 1, 1), phones=(Phone("3125550101"),)))
    release = RecordsRequest(Direction.OUTGOING, patient_id=ann.id, party="Harbor Mutual Insurance",
                             asked_on=MONDAY, items="Visit notes 2025", purpose="Life insurance application",
                             authorization_on=date(2026, 2, 20), authorization_expires=date(2026, 8, 20))
    sent, _ = services.records_requests.add(release)
    services.records_requests.mark_sent(sent.id, SecureChannel.SECURE_FAX)
    services.records_requests.add(RecordsRequest(Direction.OUTGOING, patient_id=ann.id, party="Acme Legal",
                                                 asked_on=MONDAY, items="Everything", purpose="Lawsuit"))
    services.users.create_first("Morgan Reyes", "135790")  # its only user: commands run as her
    services.workspace.close()
    return services.workspace.data_dir, ann.id


def audit_of(folder: Path, keystore: KeyStore) -> list[AuditEntry]:
    ws = Workspace.unlock_with_keyring(folder, keystore)
    try:
        return [e for e in Services.for_workspace(ws).audit.page() if not is_opening(e)]
    finally:
        ws.close()


def test_the_accounting_is_written_owner_only_read_back_and_audited(folder, tmp_path: Path,
                                                                      keystore: KeyStore):
    data_dir, ann = folder
    out = tmp_path / "accounting.pdf"
    result = vma("export", "disclosures", "--data-dir", data_dir, "--patient", ann, "--to", "2026-03-31",
                 "--out", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip() == (f"Wrote the accounting of disclosures of patient {ann} "
                                     f"(2020-03-31 to 2026-03-31) to {out}; not encrypted.")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Accounting of disclosures" in text and "Ann Ames" in text and "1 release" in text
    assert "Harbor Mutual" in text and "Visit notes 2025" in text and "Secure fax" in text
    assert "Acme Legal" not in text  # not sent: not a disclosure
    entry = audit_of(data_dir, keystore)[0]
    assert (entry.action, entry.record_type, entry.record_id) == (AuditAction.EXPORT, "pdf", "disclosures")
    assert entry.detail == f"patient {ann}, 2020-03-31 to 2026-03-31; not encrypted"
    assert entry.user == "Morgan Reyes"


def test_an_unknown_patient_or_a_reversed_period_is_refused_writing_nothing(folder, tmp_path: Path,
                                                                           keystore: KeyStore):
    data_dir, ann = folder
    out = tmp_path / "none.pdf"
    before = len(audit_of(data_dir, keystore))
    result = vma("export", "disclosures", "--data-dir", data_dir, "--patient", 999999, "--out", out)
    refused(result, "Patient 999999 does not exist")
    assert result.returncode == 2 and result.stdout == ""
    reversed_period = vma("export", "disclosures", "--data-dir", data_dir, "--patient", ann,
                          "--from", "2026-03-02", "--to", "2026-01-01", "--out", out)
    refused(reversed_period, "--to: (2026-01-01) is before --from (2026-03-02)")
    assert reversed_period.returncode == 2
    assert not out.exists() and len(audit_of(data_dir, keystore)) == before


def test_help():
    result = vma("export", "disclosures", "--help")
    assert result.returncode == 0 and result.stdout.startswith("usage: vma-desk export disclosures")
    assert "--patient ID" in result.stdout
