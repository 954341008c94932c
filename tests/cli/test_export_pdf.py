"""`vma-desk export huddle | patient-summary | activity` in a subprocess on a one-year demo: the PDF
is written readable by its owner only, audited without names, never over a file without --force,
and with --password-file encrypted (AES-256) before it reaches the disk; a refused value writes
nothing and says why in one line."""

from __future__ import annotations

import importlib.util
import os
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from tests.cli.test_cli import refused, vma
from tests.demo.conftest import ANCHOR
from tests.reports.test_huddle import MORNING, pdf_pages
from tests.services.test_audit_coverage import is_opening
from vma_desk.core.clock import FixedClock
from vma_desk.core.records import AuditAction, AuditEntry
from vma_desk.core.users import UserRole
from vma_desk.demo import generate
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A closed one-year demo workspace (anchor Monday 2026-03-02), its key in the keyring."""
    keystore = KeyStore.from_environment()
    ws, _ = Workspace.create(tmp_path_factory.mktemp("export") / "demo", keystore)
    try:
        generate(Services.for_workspace(ws, clock=FixedClock(MORNING), user="trainer@desk"),
                 seed=1, years=1, anchor=ANCHOR)
    finally:
        ws.close()
    yield ws.data_dir
    keystore.delete(ws.workspace_id)


@contextmanager
def opened(folder: Path) -> Iterator[Services]:
    ws = Workspace.unlock_with_keyring(folder, KeyStore.from_environment())
    try:
        yield Services.for_workspace(ws)
    finally:
        ws.close()


def audit_of(folder: Path) -> list[AuditEntry]:
    """Newest first, without the commands' own openings of the workspace (tests/services/
    test_audit_coverage.py)."""
    with opened(folder) as services:
        return [e for e in services.audit.page() if not is_opening(e)]


def huddle(folder: Path, out: Path, *extra: object) -> list[object]:
    return ["export", "huddle", "--data-dir", folder, "--date", ANCHOR.isoformat(), "--out", out, *extra]


def test_the_huddle_sheet_is_written_owner_only_and_audited(folder: Path, tmp_path: Path):
    out = tmp_path / "huddle.pdf"
    result = vma(*huddle(folder, out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip() == (f"Wrote the huddle sheet for Monday, March 2, 2026 to {out}; "
                                     "not encrypted.")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with opened(folder) as services:
        agenda = services.agenda.day(ANCHOR)
    pages = pdf_pages(out)
    assert len(pages) == len(agenda.providers) == 4
    for page, provider_day in zip(pages, agenda.providers, strict=True):
        assert provider_day.provider.display_name in page and "DEMO" in page
        assert all(visit.patient_name in page for visit in provider_day.visits)
    entry, signed_in = audit_of(folder)[:2]
    assert (entry.action, entry.record_type, entry.record_id) == (AuditAction.EXPORT, "pdf", "huddle")
    with opened(folder) as services:  # a demo: the command runs as the demo's trainer, without a PIN
        trainer = next(u for u in services.users.active() if u.role is UserRole.TRAINER)
    assert (entry.user, entry.user_id) == (trainer.name, trainer.id)
    assert (signed_in.action, signed_in.detail) == (AuditAction.SIGN_IN,
                                                    "command line: export huddle (the demo's trainer)")
    assert entry.detail == "2026-03-02; not encrypted"


def test_one_provider_by_name(folder: Path, tmp_path: Path):
    with opened(folder) as services:
        chosen = services.agenda.day(ANCHOR).providers[1]
    out = tmp_path / "one.pdf"
    name = chosen.provider.name.upper()  # any case, without the credentials
    result = vma(*huddle(folder, out, "--provider", name))
    assert result.returncode == 0, result.stderr
    assert f"the huddle sheet of {chosen.provider.display_name} for Monday, March 2, 2026" in result.stdout
    pages = pdf_pages(out)
    assert len(pages) == 1 and chosen.provider.display_name in pages[0]
    assert audit_of(folder)[0].detail == f"2026-03-02, provider {chosen.provider.id}; not encrypted"


def test_an_existing_file_is_replaced_only_with_force(folder: Path, tmp_path: Path):
    out = tmp_path / "mine.pdf"
    out.write_text("someone's own file\n")
    before = len(audit_of(folder))
    refused(vma(*huddle(folder, out)), "already exists; add --force")
    assert out.read_text() == "someone's own file\n"
    assert len(audit_of(folder)) == before
    assert vma(*huddle(folder, out, "--force")).returncode == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert len(audit_of(folder)) == before + 2  # the trainer's sign-in and the export


def test_a_password_file_gives_an_aes256_file_and_no_plain_copy(folder: Path, tmp_path: Path):
    secrets, target = tmp_path / "secrets", tmp_path / "out"
    secrets.mkdir()
    target.mkdir()
    password_file = secrets / "pw.txt"
    password_file.write_text(f"{PASSWORD}\nthe second line is not part of it\n")
    out = target / "huddle.pdf"
    # temporary files and caches go to folders of their own, which must stay empty
    scratch, cache = tmp_path / "tmp", tmp_path / "cache"
    scratch.mkdir()
    cache.mkdir()
    env = dict(os.environ, TMPDIR=str(scratch), XDG_CACHE_HOME=str(cache))
    result = vma(*huddle(folder, out, "--password-file", password_file), env=env)
    assert result.returncode == 0, result.stderr
    assert list(scratch.iterdir()) == [] and list(cache.iterdir()) == []  # no plain copy anywhere
    assert result.stdout.strip().endswith("; encrypted with AES-256.")
    assert PASSWORD not in result.stdout + result.stderr
    assert list(target.iterdir()) == [out]  # the one encrypted file, nothing beside it
    assert stat.S_IMODE(out.stat().st_mode) == 0o600

    shown = subprocess.run(["qpdf", "--show-encryption", f"--password={PASSWORD}", str(out)],
                           capture_output=True, text=True, check=False, timeout=60)
    assert "R = 6" in shown.stdout and "stream encryption method: AESv3" in shown.stdout, shown.stdout
    locked = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=False,
                            timeout=60)
    assert locked.returncode != 0 and "Incorrect password" in locked.stderr
    assert locked.stdout == ""
    pages = pdf_pages(out, password=PASSWORD)
    assert len(pages) == 4 and "Daily huddle sheet" in pages[0]
    assert audit_of(folder)[0].detail == "2026-03-02; encrypted AES-256"


@pytest.mark.parametrize(("content", "words"), [
    ("short\n", "password: use at least 8 characters"),
    ("\n", "password file: is empty"),
    (None, "Cannot read the password file"),
])
def test_a_bad_password_file_writes_nothing(folder: Path, tmp_path: Path, content: str | None,
                                            words: str):
    password_file = tmp_path / "pw.txt"
    if content is not None:
        password_file.write_text(content)
    out = tmp_path / "huddle.pdf"
    before = len(audit_of(folder))
    refused(vma(*huddle(folder, out, "--password-file", password_file)), words)
    assert not out.exists()
    assert len(audit_of(folder)) == before


@pytest.mark.parametrize(("change", "words"), [
    (("--provider", "Nobody"), 'provider: no provider is called "Nobody" (providers: '),
    (("--date", "2026-02-30"), "argument --date: must be a date written YYYY-MM-DD"),
    (("--date", "03/02/2026"), "argument --date: must be a date written YYYY-MM-DD"),
])
def test_refused_values_write_nothing(folder: Path, tmp_path: Path, change: tuple[str, str], words: str):
    out = tmp_path / "x.pdf"
    argv = [str(a) for a in huddle(folder, out)]
    if change[0] in argv:
        argv[argv.index(change[0]) + 1] = change[1]
    else:
        argv += list(change)
    result = vma(*argv)
    assert result.returncode == 2 and words in result.stderr
    if change[0] == "--provider":  # argparse's own errors come with a usage line
        refused(result, words)
    assert not out.exists()


def test_a_folder_or_a_missing_workspace_is_refused(folder: Path, tmp_path: Path):
    refused(vma(*huddle(folder, tmp_path)), "is a folder")
    refused(vma(*huddle(tmp_path / "nothing-here", tmp_path / "y.pdf")), "no workspace")
    assert not (tmp_path / "y.pdf").exists()


def _needs(module: str) -> None:
    if importlib.util.find_spec(f"vma_desk.reports.{module}") is None:
        pytest.skip(f"vma_desk.reports.{module} is not there yet")


def test_patient_summary(folder: Path, tmp_path: Path):
    _needs("patient_summary")
    with opened(folder) as services:
        patient_id = services.agenda.day(ANCHOR).providers[0].visits[0].appointment.patient_id
    out = tmp_path / "summary.pdf"
    result = vma("export", "patient-summary", "--data-dir", folder, "--patient", patient_id,
                 "--from", "2025-09-01", "--to", "2026-03-02", "--out", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"Wrote the communication summary of patient {patient_id} "
                                     f"(2025-09-01 to 2026-03-02) to {out}; not encrypted.")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and pdf_pages(out)
    entry = audit_of(folder)[0]
    assert (entry.record_id, entry.detail) == (
        "patient-summary", f"patient {patient_id}, 2025-09-01 to 2026-03-02; not encrypted")
    refused(vma("export", "patient-summary", "--data-dir", folder, "--patient", 999999, "--from",
                "2026-01-01", "--to", "2026-03-02", "--out", tmp_path / "none.pdf"), "patient")
    bad = vma("export", "patient-summary", "--data-dir", folder, "--patient", "x", "--from", "2026-01-01",
              "--to", "2026-03-02", "--out", tmp_path / "none.pdf")
    assert bad.returncode == 2 and "argument --patient: must be a whole number" in bad.stderr
    assert not (tmp_path / "none.pdf").exists()


def test_activity(folder: Path, tmp_path: Path):
    _needs("activity")
    out = tmp_path / "activity.pdf"
    result = vma("export", "activity", "--data-dir", folder, "--from", "2026-02-01", "--to", "2026-02-28",
                 "--out", out, "--force")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"Wrote the activity summary (2026-02-01 to 2026-02-28) to {out}; "
                                     "not encrypted.")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and pdf_pages(out)
    entry = audit_of(folder)[0]
    assert (entry.record_id, entry.detail) == ("activity", "2026-02-01 to 2026-02-28; not encrypted")
    before = len(audit_of(folder))
    refused(vma("export", "activity", "--data-dir", folder, "--from", "2026-02-01", "--to", "2026-01-31",
                "--out", tmp_path / "none.pdf"), "before")
    assert not (tmp_path / "none.pdf").exists() and len(audit_of(folder)) == before


@pytest.mark.parametrize("kind", ["huddle", "patient-summary", "activity"])
def test_help(kind: str):
    result = vma("export", kind, "--help")
    assert result.returncode == 0 and result.stdout.startswith(f"usage: vma-desk export {kind}")
    assert "--password-file" in result.stdout and "--force" in result.stdout
    assert "exit status" in result.stdout
    listed = vma("export", "--help")
    assert kind in listed.stdout


def test_the_date_is_a_practice_day(folder: Path, tmp_path: Path):
    """A weekend day prints one page saying there are no visits."""
    out = tmp_path / "saturday.pdf"
    saturday = date(2026, 3, 7)
    result = vma("export", "huddle", "--data-dir", folder, "--date", saturday.isoformat(), "--out", out)
    assert result.returncode == 0, result.stderr
    pages = pdf_pages(out)
    assert len(pages) == 1
    assert "No visits are booked on Saturday, March 7, 2026." in " ".join(pages[0].split())
