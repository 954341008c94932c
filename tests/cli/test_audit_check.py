"""`vma-desk check` on an audit trail someone altered with the file and its key in hand (SQLCipher
itself, not VMA Desk): exit 3 naming the entry and what was done; and `vma-desk audit`, the trail of
a period as CSV, written owner-only, never over a file without --force, audited itself."""

from __future__ import annotations

import csv
import os
import stat
from pathlib import Path

import pytest

from tests.cli.test_cli import vma
from tests.cli.test_cli_users import opened, run
from tests.conftest import signed_in, snapshot
from tests.storage import audit_tamper as tamper
from vma_desk.core.records import AuditAction
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace

DAY = "2026-03-02"  # the clock fixture's day


@pytest.fixture
def trail(workspace: Workspace, clock, keystore: KeyStore) -> tuple[Path, bytes]:
    """A closed workspace with one user and a dozen exports in its audit trail."""
    services = signed_in(Services.for_workspace(workspace, clock=clock))
    for n in range(12):
        services.audit.record(AuditAction.EXPORT, "calendar", n, "names: no")
    key = keystore.get(workspace.workspace_id)
    assert key is not None
    workspace.close()
    return workspace.data_dir, key


def test_an_untouched_workspace_checks_clean(trail):
    data_dir, _ = trail
    result = vma("check", "--data-dir", data_dir)
    assert result.returncode == 0, result.stderr
    count = next(line for line in result.stdout.splitlines() if line.startswith("Audit entries: "))
    assert f"Audit trail: {count.split(': ')[1]} entries, verified" in result.stdout
    again = vma("check", "--data-dir", data_dir)  # check's own entry is chained and anchored too
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize(("attack", "named"), [
    (lambda c: tamper.edit(c, 6), "audit entry #6 was edited"),
    (lambda c: tamper.delete(c, 6), "audit entry #6 was deleted"),
    (lambda c: tamper.insert(c), "was inserted (VMA Desk did not write it)"),
    (lambda c: tamper.swap(c, 4, 9), "audit entry #4 was reordered (its content was swapped with entry #9)"),
    (lambda c: tamper.cut(c, 3), "the newest entries were cut off"),
], ids=["edit", "delete", "insert", "swap", "cut-newest-3"])
def test_check_names_each_alteration(trail, attack, named: str):
    data_dir, key = trail
    with tamper.attacker(data_dir, key) as conn:
        newest = conn.execute("SELECT max(id) FROM audit").fetchone()[0]
        attack(conn)
    before = snapshot(data_dir)
    result = vma("check", "--data-dir", data_dir)
    assert result.returncode == 3, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("vma-desk: The audit trail in "), result.stderr
    assert named in lines[0]
    if "inserted" in named:
        assert f"#{newest + 1} was inserted" in lines[0]
    if "cut off" in named:
        assert f"ends at entry #{newest - 3}" in lines[0] and f"up to #{newest}" in lines[0]
    assert snapshot(data_dir) == before  # a tampered trail is not written to (nor its anchor)


def test_a_rewritten_chain_is_caught_by_the_anchor(trail):
    data_dir, key = trail
    with tamper.attacker(data_dir, key) as conn:
        tamper.edit(conn, 6)
        tamper.rechain(conn)
    result = vma("check", "--data-dir", data_dir)
    assert result.returncode == 3 and "the chain was rewritten" in result.stderr


def read_csv(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_audit_export_writes_the_period_owner_only_and_is_audited(trail, tmp_path: Path):
    data_dir, _ = trail
    out = tmp_path / "audit.csv"
    old = os.umask(0o022)
    try:
        status, said, err = run("audit", "--data-dir", data_dir, "--from", DAY, "--to", DAY, "--out", out)
    finally:
        os.umask(old)
    assert status == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = read_csv(out)
    assert rows[0] == ["id", "at (UTC)", "user", "workstation", "action", "record type", "record id",
                       "detail", "mac"]
    with opened(data_dir) as services:
        entries = sorted(services.audit.page(), key=lambda e: e.id or 0)
    exported = [e for e in entries if e.action is AuditAction.EXPORT and e.record_type == "audit"]
    assert len(exported) == 1 and exported[0].user == "Test VMA"
    assert exported[0].detail == f"csv, {DAY} to {DAY}, {len(rows) - 1} entries"
    # the file holds the entries before the export's own, exactly as the trail keeps them
    shown = [e for e in entries if e.id is not None and e.id < exported[0].id]
    assert [int(r[0]) for r in rows[1:]] == [e.id for e in shown if e.at.date().isoformat() == DAY]
    assert all(len(r[8]) == 64 for r in rows[1:])
    assert f"Wrote {len(rows) - 1} audit entries" in said


def test_audit_export_never_replaces_a_file_without_force(trail, tmp_path: Path):
    data_dir, _ = trail
    out = tmp_path / "audit.csv"
    out.write_text("the user's own file\n")
    result = vma("audit", "--data-dir", data_dir, "--from", DAY, "--to", DAY, "--out", out)
    assert result.returncode == 2 and "--force" in result.stderr
    assert out.read_text() == "the user's own file\n"
    status, _, err = run("audit", "--data-dir", data_dir, "--from", DAY, "--to", DAY, "--out", out, "--force")
    assert status == 0, err
    assert read_csv(out)[0][0] == "id"


@pytest.mark.parametrize(("start", "end", "option"), [
    ("0001-01-01", DAY, "--from"), (DAY, "9999-12-31", "--to"), ("2026-03-05", DAY, "--to"),
    ("2026-02-30", DAY, "--from"),
])
def test_audit_export_refuses_dates_naming_the_option(trail, tmp_path: Path, start, end, option):
    data_dir, _ = trail
    out = tmp_path / "audit.csv"
    result = vma("audit", "--data-dir", data_dir, "--from", start, "--to", end, "--out", out)
    assert result.returncode == 2, result.stderr
    assert option in result.stderr and "Traceback" not in result.stderr and "bug" not in result.stderr
    assert not out.exists()
