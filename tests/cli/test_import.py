"""`vma-desk import`: a CSV appointment report under the generic profile, as a new user would run it:
--dry-run says what would change and changes nothing; the import adds the patient and the visits and
says so; the same file again changes nothing; a file whose header does not match the profile is
refused in one line naming the missing columns (exit 2), every table exactly as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.cli.test_cli import refused, vma
from vma_desk.core.records import Role, StaffMember
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace

HEADER = ("Visit ID,Patient ID,Last Name,First Name,Date of Birth,Phone,Provider ID,Provider,Visit Type,"
          "Status,Date,Start,End")
ROWS = ("V-1,MRN-1,Ames,Ann,1960-01-01,(312) 555-0142,,Dana Lee,Established visit,Scheduled,2026-03-04,09:00,"
        "09:20",
        "V-2,MRN-1,Ames,Ann,1960-01-01,(312) 555-0142,,Dana Lee,Follow-up,Confirmed,2026-03-05,10:00,10:15",
        "V-3,MRN-2,Burr,Bo,1971-02-03,(312) 555-0177,,Omar Okafor,Established visit,Scheduled,2026-03-05,"
        "11:00,11:20")
CSV = "\n".join((HEADER, *ROWS)) + "\n"


@pytest.fixture
def folder(services: Services) -> Path:
    services.practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD"))
    services.users.create_first("Morgan Reyes", "135790")  # its only user: commands run as her
    services.workspace.close()
    return services.workspace.data_dir


def tables(folder: Path, keystore: KeyStore) -> dict[str, str]:
    """A hash of every table's rows: what "the workspace unchanged" means."""
    ws = Workspace.unlock_with_keyring(folder, keystore)
    try:
        names = [r[0] for r in ws.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: hashlib.sha256(repr(ws.conn.execute(f'SELECT * FROM "{n}"').fetchall()).encode())
                .hexdigest() for n in names if n != "audit"}
    finally:
        ws.close()


def test_a_dry_run_then_the_import_then_the_same_file_again(folder: Path, tmp_path: Path, keystore: KeyStore):
    report = tmp_path / "week.csv"
    report.write_text(CSV, encoding="utf-8")
    before = tables(folder, keystore)
    dry = vma("import", "--data-dir", folder, "--from", report, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines()[0] == "Patients: 2 new · Providers: 1 refused · Visits: 2 new, 1 refused"
    assert 'refused: line 4: unknown practitioner "Omar Okafor"' in dry.stdout
    assert dry.stdout.rstrip().endswith("Dry run: nothing was changed.")
    assert tables(folder, keystore) == before

    done = vma("import", "--data-dir", folder, "--from", report)
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("Imported from week.csv (source csv:generic).")
    again = vma("import", "--data-dir", folder, "--from", report)
    said = again.stdout.splitlines()[0]
    assert said == "Patients: 2 matched · Providers: 1 refused · Visits: 2 unchanged, 1 refused"


def test_a_header_that_does_not_match_the_profile_is_refused_and_nothing_changes(
        folder: Path, tmp_path: Path, keystore: KeyStore):
    report = tmp_path / "other-ehr.csv"
    report.write_text(CSV.replace("Visit ID", "Appt No").replace("Date,Start", "Day,Start"), encoding="utf-8")
    before = tables(folder, keystore)
    result = vma("import", "--data-dir", folder, "--from", report)
    refused(result, "Appt")  # names what the header lacks, in one line
    assert result.returncode == 2
    assert tables(folder, keystore) == before


def test_export_fhir_from_the_command_line_then_its_import_changes_nothing(folder: Path, tmp_path: Path):
    report = tmp_path / "week.csv"
    report.write_text(CSV, encoding="utf-8")
    assert vma("import", "--data-dir", folder, "--from", report).returncode == 0
    bundle = tmp_path / "week.json"
    written = vma("export", "fhir", "--data-dir", folder, "--from", "2026-03-02", "--to", "2026-03-08",
                  "--out", bundle)
    assert written.returncode == 0, written.stderr
    assert bundle.exists() and oct(bundle.stat().st_mode & 0o777) == "0o600"
    back = vma("import", "--data-dir", folder, "--from", bundle, "--dry-run")
    assert back.returncode == 0, back.stderr
    assert back.stdout.splitlines()[0] == "Patients: 1 matched · Visits: 2 unchanged"  # its own records
    reversed_period = vma("export", "fhir", "--data-dir", folder, "--from", "2026-03-08",
                          "--to", "2026-03-02", "--out", tmp_path / "x.json")
    assert reversed_period.returncode == 2 and not (tmp_path / "x.json").exists()


def test_demo_samples_refuses_a_workspace_that_is_not_a_demo(folder: Path, tmp_path: Path):
    result = vma("demo", "samples", "--data-dir", folder, "--out", tmp_path / "samples")
    refused(result, "is not a demo workspace")
    assert result.returncode == 2 and not (tmp_path / "samples").exists()
