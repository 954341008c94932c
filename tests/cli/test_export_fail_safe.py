"""A command-line export whose file cannot be written is refused in one line (exit 2) with no file
and no EXPORT entry in the audit trail (`export ics`: the entry is committed only with a complete
temporary file, then the file is put in place); `vma-desk audit` with --to before --from is refused
by the service's own check, under --to, before anything is opened or audited."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.test_cli import refused, vma
from tests.cli.test_export_ics import audit_of, export
from tests.cli.test_export_ics import folder as folder  # noqa: PLC0414 - the fixture, shared
from tests.conftest import signed_in, snapshot
from tests.storage.test_safe_keeping import tiny_filesystem
from vma_desk.core.records import AuditAction
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace


@contextlib.contextmanager
def _full_tmpfs(tmp_path: Path) -> Iterator[Path | None]:
    """A 1 MiB tmpfs filled to the last byte (root only: None elsewhere)."""
    with tiny_filesystem(tmp_path) as tiny:
        if tiny is not None:
            with contextlib.suppress(OSError), (tiny / "filler").open("wb") as handle:
                while True:
                    handle.write(b"\0" * 4096)
                    handle.flush()
        yield tiny


def _exports(folder: Path, keystore: KeyStore) -> list:
    return [e for e in audit_of(folder, keystore) if e.action is AuditAction.EXPORT]


def test_ics_to_a_missing_folder_writes_and_audits_nothing(folder: Path, tmp_path: Path,
                                                          keystore: KeyStore):
    out = tmp_path / "no such folder" / "lee.ics"
    result = vma(*export(folder, out))
    assert result.returncode == 2
    assert _exports(folder, keystore) == []
    assert not out.parent.exists()
    refused(result, "could not be written")
    assert not [e for e in audit_of(folder, keystore)  # nor the command's sign-in
                if e.action is AuditAction.SIGN_IN and e.detail.startswith("command line")]


def test_ics_on_a_full_disk_writes_and_audits_nothing(folder: Path, tmp_path: Path, keystore: KeyStore):
    with _full_tmpfs(tmp_path) as full:
        if full is None:
            pytest.skip("no tmpfs here (not root): the missing folder case covers the path")
        out = full / "lee.ics"
        result = vma(*export(folder, out))
        assert result.returncode == 2
        assert _exports(folder, keystore) == []
        assert sorted(p.name for p in out.parent.iterdir()) == ["filler"]  # no file, no temporary file
        refused(result, "could not be written")


def test_audit_to_before_from_is_refused_under_to_before_anything_is_audited(
        workspace: Workspace, clock, tmp_path: Path):
    signed_in(Services.for_workspace(workspace, clock=clock))
    workspace.close()
    before = snapshot(workspace.data_dir)
    out = tmp_path / "audit.csv"
    result = vma("audit", "--data-dir", workspace.data_dir, "--from", "2026-03-05", "--to", "2026-03-02",
                 "--out", out)
    assert result.returncode == 2
    assert result.stderr == "vma-desk: --to: is before the first day (2026-03-05)\n"
    assert not out.exists()
    assert snapshot(workspace.data_dir) == before  # not even opened
