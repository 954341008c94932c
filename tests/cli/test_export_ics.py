"""`vma-desk export ics`: writes the named file (only its owner may read it), audits the export,
never replaces a file without --force, and refuses bad values in one line, writing nothing."""

from __future__ import annotations

import io
import stat
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import vobject

from tests.cli.test_cli import refused, vma
from tests.services.test_audit_coverage import is_opening
from vma_desk import cli
from vma_desk.core.calendar import Appointment
from vma_desk.core.records import AuditAction, Patient, Phone, Role, Shift, StaffMember
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace

CHICAGO = ZoneInfo("America/Chicago")


@pytest.fixture
def folder(services: Services) -> Path:
    """A closed workspace where Dr Lee has three visits in the week of the DST change."""
    hours = tuple(Shift(d, time(8), time(17)) for d in range(5))
    lee, _ = services.practice.add_staff(StaffMember("Dana Lee", Role.PROVIDER, credentials="MD",
                                                     working_hours=hours))
    ann, _ = services.patients.create(Patient("Ann", "Ames", date(1960, 1, 1),
                                              phones=(Phone("3125550101"),)))
    for day in (date(2026, 3, 6), date(2026, 3, 9), date(2026, 3, 10)):
        start = datetime.combine(day, time(9), tzinfo=CHICAGO).astimezone(UTC)
        services.calendar.book(Appointment(ann.id, lee.id, "est", start, 20, reason="Knee pain"),
                               authorised_by="Patient (phone call)")
    services.users.create_first("Morgan Reyes", "135790")  # its only user: commands run as her
    services.workspace.close()
    return services.workspace.data_dir


def export(folder: Path, out: Path, *extra: str) -> list[object]:
    return ["export", "ics", "--data-dir", folder, "--provider", "dana lee", "--from", "2026-03-02",
            "--to", "2026-03-13", "--out", out, *extra]


def audit_of(folder: Path, keystore: KeyStore) -> list:
    ws = Workspace.unlock_with_keyring(folder, keystore)
    try:
        # without the commands' own openings of the workspace (tests/services/test_audit_coverage.py)
        return [e for e in Services.for_workspace(ws).audit.page() if not is_opening(e)]
    finally:
        ws.close()


def test_writes_the_file_and_audits_the_export(folder: Path, tmp_path: Path, keystore: KeyStore):
    out = tmp_path / "lee.ics"
    result = vma(*export(folder, out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip() == (f"Wrote 3 visits of Dana Lee, MD (2026-03-02 to 2026-03-13) to "
                                     f"{out}; patient names left out.")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    cal = vobject.readOne(out.read_text(encoding="utf-8"))
    starts = sorted(e.dtstart.value for e in cal.vevent_list)
    assert [s.astimezone(CHICAGO).hour for s in starts] == [9, 9, 9]
    assert [s.utcoffset().total_seconds() / 3600 for s in starts] == [-6, -5, -5]
    assert all("Ames" not in e.summary.value for e in cal.vevent_list)
    entry = audit_of(folder, keystore)[0]
    assert (entry.action, entry.record_type, entry.user) == (AuditAction.EXPORT, "calendar", "Morgan Reyes")
    assert entry.detail.endswith("2026-03-02..2026-03-13, names: no")


def test_names_only_when_asked(folder: Path, tmp_path: Path):
    out = io.StringIO()
    status = cli.run(cli.parse_args([str(a) for a in export(folder, tmp_path / "n.ics",
                                                            "--include-names")]),
                     out=out, err=io.StringIO())
    assert status == 0 and "patient names included" in out.getvalue()
    cal = vobject.readOne((tmp_path / "n.ics").read_text(encoding="utf-8"))
    assert {e.summary.value for e in cal.vevent_list} == {"Established visit · Ames, Ann"}
    assert "Knee" not in (tmp_path / "n.ics").read_text(encoding="utf-8")


def test_an_existing_file_is_replaced_only_with_force(folder: Path, tmp_path: Path,
                                                      keystore: KeyStore):
    out = tmp_path / "mine.ics"
    out.write_text("someone's own calendar\n")
    before = len(audit_of(folder, keystore))
    refused(vma(*export(folder, out)), "already exists; add --force")
    assert out.read_text() == "someone's own calendar\n"
    assert len(audit_of(folder, keystore)) == before  # nothing was exported
    assert vma(*export(folder, out, "--force")).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize(("change", "words"), [
    (("--provider", "Nobody"), 'provider: no provider is called "Nobody" (providers: Dana Lee, MD)'),
    (("--to", "2026-03-01"), "to: must be on or after the first day"),
    (("--from", "2026-02-30"), "must be a date written YYYY-MM-DD"),
])
def test_refused_values_write_nothing(folder: Path, tmp_path: Path, keystore: KeyStore,
                                      change: tuple[str, str], words: str):
    out = tmp_path / "x.ics"
    argv = [str(a) for a in export(folder, out)]
    argv[argv.index(change[0]) + 1] = change[1]
    before = len(audit_of(folder, keystore))
    result = vma(*argv)
    assert result.returncode == 2 and words in result.stderr
    if not words.startswith("must be a date"):  # argparse's own errors come with a usage line
        refused(result, words)
    assert not out.exists()
    assert len(audit_of(folder, keystore)) == before


def test_the_output_file_must_be_named(folder: Path, tmp_path: Path):
    result = vma("export", "ics", "--data-dir", folder, "--provider", "Dana Lee", "--from",
                 "2026-03-02", "--to", "2026-03-13")
    assert result.returncode == 2 and "--out" in result.stderr
    refused(vma(*export(folder, tmp_path)), "is a folder")
    refused(vma(*export(tmp_path / "nothing-here", tmp_path / "y.ics")), "no workspace")
    assert not (tmp_path / "y.ics").exists()


def test_help():
    result = vma("export", "ics", "--help")
    assert result.returncode == 0 and result.stdout.startswith("usage: vma-desk export ics")
    assert "--include-names" in result.stdout and "exit status" in result.stdout
