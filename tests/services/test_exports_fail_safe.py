"""An export over an earlier file (--force, or "Replace" in the file dialog) whose audit entry cannot
be committed leaves the earlier file byte for byte as it was and no temporary file beside it: the
new file is put in place only after the commit (services.exports.deliver)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.storage.test_safe_keeping import tiny_filesystem
from vma_desk.core.errors import StorageError, ValidationError
from vma_desk.core.records import AuditAction, Practice
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace

EARLIER = b"%PDF- the earlier report, kept by the user\n"
DAY = date(2026, 3, 2)


def _export_pdf(services: Services, out: Path) -> None:
    services.exports.write_pdf(b"%PDF-" + os.urandom(32 << 10), out, kind="huddle", detail="2026-03-02",
                               replace=True)


def _export_csv(services: Services, out: Path) -> None:
    services.audit.export_csv(DAY, DAY, out, replace=True)


EXPORTS = {"pdf": _export_pdf, "audit csv": _export_csv}


@contextlib.contextmanager
def _full_workspace(tmp_path: Path, keystore: KeyStore) -> Iterator[tuple[Services, type[Exception]]]:
    """A workspace on a small tmpfs filled to the last byte, its -wal emptied first: the export's
    entry fits in SQLite's cache, and the COMMIT (the write to the -wal) meets the full disk."""
    with tiny_filesystem(tmp_path, "4m") as mounted:
        if mounted is None:
            pytest.skip("no tmpfs here (not root): the failing COMMIT case covers the path")
        workspace, _ = Workspace.create(tmp_path / "tiny" / "workspace", keystore)
        try:
            services = Services.for_workspace(workspace, user="tester@desk")
            services.practice.save(Practice(name="Lakeside", time_zone="America/Chicago"))
            workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            with contextlib.suppress(OSError), (tmp_path / "tiny" / "filler").open("wb") as handle:
                while True:
                    handle.write(b"\0" * 4096)
                    handle.flush()
            yield services, StorageError
        finally:
            (tmp_path / "tiny" / "filler").unlink(missing_ok=True)
            workspace.close()
            keystore.delete(workspace.workspace_id)


@contextlib.contextmanager
def _failing_commit(tmp_path: Path, keystore: KeyStore) -> Iterator[tuple[Services, type[Exception]]]:
    """A real COMMIT that SQLite refuses: a temporary trigger makes every new audit entry leave a
    deferred foreign-key violation, which SQLite checks only at COMMIT."""
    workspace, _ = Workspace.create(tmp_path / "workspace", keystore)
    try:
        services = Services.for_workspace(workspace, user="tester@desk")
        services.practice.save(Practice(name="Lakeside", time_zone="America/Chicago"))
        workspace.conn.executescript("""
            CREATE TEMP TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TEMP TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
            CREATE TEMP TRIGGER refuse_commit AFTER INSERT ON main.audit
                BEGIN INSERT INTO child VALUES (1); END;
        """)
        yield services, Exception
    finally:
        workspace.close()
        keystore.delete(workspace.workspace_id)


FAILURES: dict[str, Callable[[Path, KeyStore], contextlib.AbstractContextManager]] = {  # type: ignore[type-arg]
    "commit refused": _failing_commit, "database disk full": _full_workspace}


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("export", EXPORTS)
def test_a_failed_commit_keeps_the_earlier_file(tmp_path: Path, keystore: KeyStore, failure: str,
                                                export: str):
    exports = tmp_path / "exports"
    exports.mkdir()
    out = exports / "report"
    out.write_bytes(EARLIER)
    with FAILURES[failure](tmp_path, keystore) as (services, error):
        before = services.audit.count()
        with pytest.raises(error):
            EXPORTS[export](services, out)
        assert services.audit.count() == before  # nothing recorded
    assert out.read_bytes() == EARLIER
    assert sorted(p.name for p in exports.iterdir()) == ["report"]  # no temporary file left


def test_a_file_that_cannot_be_put_in_place_after_the_commit_is_said_in_the_trail(services: Services,
                                                                                tmp_path: Path):
    """The entry is committed before the rename; a rename that then fails (here: a file of that
    name appeared meanwhile) leaves that file alone and a second entry saying no file was left."""
    out = tmp_path / "calendar.ics"

    def make() -> bytes:
        services.context.audit(AuditAction.EXPORT, "calendar", 3, "ics: provider 3")
        out.write_bytes(b"someone else's file")  # appears between the check and the rename
        return b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"

    with pytest.raises(ValidationError) as refused:
        services.exports.write_file(out, make)
    assert refused.value.field == "out"
    assert out.read_bytes() == b"someone else's file"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "workspace") == ["calendar.ics"]
    said, exported = services.audit.page(0, 2)
    assert (exported.action, exported.record_type, exported.detail) == (AuditAction.EXPORT, "calendar",
                                                                         "ics: provider 3")
    assert (said.action, said.record_type, said.record_id) == (AuditAction.EXPORT, "calendar", "3")
    assert said.detail.startswith(f"not written: entry {exported.id}'s file could not be put in place")
