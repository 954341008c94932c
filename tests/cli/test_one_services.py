"""Each command builds `Services` once: the unlock policy's (`services.unlock.Opened.services`),
which `cli._unlock` hands to the command; no command builds a second one for the workspace it
opened (issue 13 item 3). Real keyring workspace, commands run in-process as `cli.run`."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from vma_desk import cli
from vma_desk.core.records import Practice
from vma_desk.services import Services
from vma_desk.storage import rekey
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace

DAY = "2026-03-02"


@pytest.fixture
def folder(workspace: Workspace, keystore: KeyStore, clock) -> Iterator[Path]:  # noqa: ANN001 - FixedClock
    """A closed keyring workspace whose only user is its practice manager."""
    services = Services.for_workspace(workspace, clock=clock)
    services.practice.save(Practice(name="Lakeside Family Medicine", time_zone="America/Chicago"))
    services.users.create_first("Morgan Reyes", "135790")
    workspace.close()
    yield workspace.data_dir
    keystore.delete(rekey.pending_name(workspace.workspace_id))


#: each command with its arguments, given the workspace folder and a folder for what it writes
COMMANDS = {
    "check": lambda ws, out: ["check", "--data-dir", ws],
    "users list": lambda ws, out: ["users", "list", "--data-dir", ws],
    "export activity": lambda ws, out: ["export", "activity", "--data-dir", ws, "--from", "2026-02-01",
                                        "--to", "2026-02-28", "--out", out / "activity.pdf"],
    "audit": lambda ws, out: ["audit", "--data-dir", ws, "--from", DAY, "--to", DAY,
                              "--out", out / "audit.csv"],
    "backup": lambda ws, out: ["backup", "--data-dir", ws, "--to", out],
    "rekey": lambda ws, out: ["rekey", "--data-dir", ws, "--recovery-key-out", out / "new.key"],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_builds_services_once(command: str, folder: Path, tmp_path: Path, monkeypatch):
    built: list[Services] = []
    real = Services.for_workspace

    def for_workspace(cls, *args, **options):  # noqa: ANN001, ANN002, ANN003, ANN202
        built.append(real(*args, **options))
        return built[-1]

    monkeypatch.setattr(Services, "for_workspace", classmethod(for_workspace))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse_args([str(a) for a in COMMANDS[command](folder, out_dir)]), out=out, err=err)
    assert status == cli.EXIT_OK, err.getvalue()
    assert len(built) == 1, f"{command} built Services {len(built)} times"
