"""Who a command runs as: the only user, a demo's trainer, or --user with the PIN in --pin-file; a
workspace without users refuses every command but `check`; and `vma-desk users` for a manager.

Most runs are in-process (`cli.run`), which is the same code as the subprocess; a few run the real
command line to show the exit status and the one line on stderr."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.cli.test_cli import refused, vma
from tests.services.test_audit_coverage import is_opening
from vma_desk import cli
from vma_desk.core.records import AuditAction, AuditEntry, Practice
from vma_desk.core.users import UserRole
from vma_desk.demo import users as demo_users
from vma_desk.services import Services
from vma_desk.services.users import DEMO_PIN
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.users_repository import UserRepository
from vma_desk.storage.workspace import Workspace

MANAGER, MANAGER_PIN = "Morgan Reyes", "135790"
VMA, VMA_PIN = "Sam Okafor", "864209"
DESK, DESK_PIN = "Lee Park", "579135"
#: a PIN typed wrongly: it must appear nowhere afterwards
WRONG_PIN = "918273"


@contextmanager
def opened(folder: Path) -> Iterator[Services]:
    ws = Workspace.unlock_with_keyring(folder, KeyStore.from_environment())
    try:
        yield Services.for_workspace(ws)
    finally:
        ws.close()


def audit_of(folder: Path) -> list[AuditEntry]:
    """Newest first, without the commands' own openings of the workspace (every command audits
    its opening, even when refused: tests/services/test_audit_coverage.py)."""
    with opened(folder) as services:
        return [e for e in services.audit.page() if not is_opening(e)]


def run(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse_args([str(a) for a in argv]), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def pin_file(folder: Path, name: str, pin: str) -> Path:
    path = folder / f"{name}.pin"
    path.write_text(pin + "\n")
    return path


def activity(folder: Path, out: Path, *extra: object) -> list[object]:
    return ["export", "activity", "--data-dir", folder, "--from", "2026-02-01", "--to", "2026-02-28",
            "--out", out, *extra]


@pytest.fixture
def team(workspace: Workspace, clock) -> Path:
    """A closed workspace with three users: a manager, a VMA and the front desk."""
    services = Services.for_workspace(workspace, clock=clock)
    services.practice.save(Practice(name="Lakeside Family Medicine", time_zone="America/Chicago"))
    services.users.create_first(MANAGER, MANAGER_PIN)
    services.users.add(VMA, UserRole.VMA, VMA_PIN)
    services.users.add(DESK, UserRole.FRONT_DESK, DESK_PIN)
    workspace.close()
    return workspace.data_dir


@pytest.fixture
def pins(tmp_path: Path) -> Path:
    folder = tmp_path / "pins"
    folder.mkdir()
    return folder


def test_several_users_need_user_and_pin_file(team: Path, tmp_path: Path, pins: Path):
    out = tmp_path / "activity.pdf"
    before = len(audit_of(team))
    result = vma(*activity(team, out))
    refused(result, "--user: this workspace has 3 users: say who runs this with --user NAME and "
                    "--pin-file FILE")
    assert result.returncode == 2
    status, _, err = run(*activity(team, out, "--user", VMA))
    assert status == 2 and err.startswith("vma-desk: --pin-file: is required with --user")
    status, _, err = run(*activity(team, out, "--pin-file", pin_file(pins, "vma", VMA_PIN)))
    assert status == 2 and err.startswith("vma-desk: --user: ")
    assert not out.exists()
    assert len(audit_of(team)) == before


def test_the_right_pin_runs_the_command_as_that_user(team: Path, tmp_path: Path, pins: Path):
    out = tmp_path / "activity.pdf"
    result = vma(*activity(team, out, "--user", "sam okafor", "--pin-file", pin_file(pins, "vma", VMA_PIN)))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert VMA_PIN not in result.stdout + result.stderr
    exported, signed_in = audit_of(team)[:2]
    with opened(team) as services:
        sam = services.users.by_name(VMA)
    assert sam is not None
    assert (exported.action, exported.user, exported.user_id) == (AuditAction.EXPORT, VMA, sam.id)
    assert (signed_in.action, signed_in.user_id, signed_in.detail) == \
        (AuditAction.SIGN_IN, sam.id, "command line: export activity (PIN)")
    assert exported.workstation and exported.workstation != VMA  # the OS login stays beside the user


def test_a_wrong_pin_is_refused_audited_and_never_kept(team: Path, tmp_path: Path, pins: Path):
    out = tmp_path / "activity.pdf"
    result = vma(*activity(team, out, "--user", VMA, "--pin-file", pin_file(pins, "wrong", WRONG_PIN)))
    refused(result, f"the PIN for {VMA} is not right. Try again in 1 second.")
    assert result.returncode == 2
    assert WRONG_PIN not in result.stdout + result.stderr
    assert not out.exists()
    failed = audit_of(team)[0]
    with opened(team) as services:
        sam = services.users.by_name(VMA)
        text = "\n".join(repr(row) for table in ("audit", "app_user", "meta", "setting")
                         for row in services.workspace.conn.execute(f"SELECT * FROM {table}"))
    assert sam is not None and sam.failed_attempts == 1
    assert (failed.action, failed.record_id, failed.detail) == \
        (AuditAction.SIGN_IN_FAILED, str(sam.id), "wrong PIN (1 in a row)")
    assert WRONG_PIN not in text and VMA_PIN not in text
    for path in team.iterdir():  # the workspace folder, files as they are on disk
        assert WRONG_PIN.encode() not in path.read_bytes()


def test_unknown_deactivated_or_empty_pin(team: Path, tmp_path: Path, pins: Path):
    out = tmp_path / "x.pdf"
    status, _, err = run(*activity(team, out, "--user", "Nobody Here", "--pin-file",
                                   pin_file(pins, "x", VMA_PIN)))
    assert status == 2 and 'no user of this workspace is called "Nobody Here"' in err
    with opened(team) as services:
        services.users.act_as(services.users.by_name(MANAGER))
        services.users.update(services.users.by_name(DESK).id, active=False)
    status, _, err = run(*activity(team, out, "--user", DESK, "--pin-file", pin_file(pins, "d", DESK_PIN)))
    assert status == 2 and f"--user: {DESK} is deactivated" in err
    empty = pins / "empty.pin"
    empty.write_text("\n")
    status, _, err = run(*activity(team, out, "--user", VMA, "--pin-file", empty))
    assert (status, err) == (2, "vma-desk: --pin-file: is empty\n")
    status, _, err = run(*activity(team, out, "--user", VMA, "--pin-file", pins / "missing.pin"))
    assert status == 2 and "Cannot read the PIN file" in err
    assert not out.exists()


def test_the_only_user_runs_commands_without_a_pin(workspace: Workspace, clock, tmp_path: Path):
    services = Services.for_workspace(workspace, clock=clock)
    services.practice.save(Practice(name="Lakeside Family Medicine", time_zone="America/Chicago"))
    services.users.create_first(MANAGER, MANAGER_PIN)
    workspace.close()
    out = tmp_path / "activity.pdf"
    status, _, err = run(*activity(workspace.data_dir, out))
    assert status == 0, err
    exported, signed_in = audit_of(workspace.data_dir)[:2]
    assert (exported.action, exported.user) == (AuditAction.EXPORT, MANAGER)
    assert signed_in.detail == "command line: export activity (the only active user)"


def test_a_workspace_without_users_refuses_all_but_check(services: Services, tmp_path: Path):
    services.workspace.close()
    folder = services.workspace.data_dir
    before = len(audit_of(folder))
    for argv in (activity(folder, tmp_path / "a.pdf"), ["users", "list", "--data-dir", folder]):
        result = vma(*argv)
        refused(result, "this workspace has no users yet: start VMA Desk to create the first user")
        assert result.returncode == 2
    assert not (tmp_path / "a.pdf").exists()
    assert len(audit_of(folder)) == before
    assert vma("check", "--data-dir", folder).returncode == 0


@pytest.fixture
def small_demo(workspace: Workspace, clock) -> Path:
    """A workspace marked as a demo, with the demo's users but none of its records (fast)."""
    services = Services.for_workspace(workspace, clock=clock)
    services.practice.save(Practice(name="Lakeside Family Medicine", time_zone="America/Chicago"))
    with services.context.transaction():
        workspace.set_meta("demo", "1")
        demo_users.write(UserRepository(workspace.conn), 1, clock.now())
    workspace.close()
    return workspace.data_dir


def test_on_a_demo_commands_run_as_its_trainer_unless_user_is_given(small_demo: Path, tmp_path: Path,
                                                                    pins: Path):
    trainer = next(u for u in demo_users.demo_users(1) if u.role is UserRole.TRAINER)
    manager = next(u for u in demo_users.demo_users(1) if u.role is UserRole.MANAGER)
    status, _, err = run(*activity(small_demo, tmp_path / "a.pdf"))
    assert status == 0, err
    exported, signed_in = audit_of(small_demo)[:2]
    assert exported.user == trainer.name
    assert signed_in.detail == "command line: export activity (the demo's trainer)"
    status, _, err = run(*activity(small_demo, tmp_path / "b.pdf", "--user", manager.name, "--pin-file",
                                   pin_file(pins, "demo", DEMO_PIN)))
    assert status == 0, err
    assert audit_of(small_demo)[0].user == manager.name
    # the trainer is not a manager: adding users on a demo needs the manager's name and PIN
    status, _, err = run("users", "add", "--data-dir", small_demo, "--name", "New Person", "--role", "vma",
                         "--new-pin-file", pin_file(pins, "new", "112233"))
    assert status == 2 and "Only a practice manager can add users" in err


def test_users_list(team: Path, pins: Path):
    with opened(team) as services:
        sam = services.users.by_name(VMA)
        UserRepository(services.workspace.conn).record_failure(sam.id, 10, True, datetime.now(UTC))
    status, out, err = run("users", "list", "--data-dir", team, "--user", DESK, "--pin-file",
                           pin_file(pins, "desk", DESK_PIN))
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["Name", "Role", "Active", "Locked", "out"]
    rows = {" ".join(line.split()[:2]): line.split()[-2:] for line in lines[1:]}
    assert rows == {"Lee Park": ["yes", "no"], "Morgan Reyes": ["yes", "no"], "Sam Okafor": ["yes", "yes"]}
    assert "Virtual medical assistant" in out and "argon2" not in out.lower()


def test_users_add_deactivate_and_reset_pin_are_a_managers_work(team: Path, pins: Path):
    as_manager = ["--user", MANAGER, "--pin-file", pin_file(pins, "manager", MANAGER_PIN)]
    as_vma = ["--user", VMA, "--pin-file", pin_file(pins, "vma", VMA_PIN)]
    new_pin = pin_file(pins, "new", "246802")
    add = ["users", "add", "--data-dir", team, "--name", "Ria  Patel", "--role", "front-desk",
           "--new-pin-file", new_pin]

    before = len(audit_of(team))
    status, _, err = run(*add, *as_vma)
    assert (status, err) == (2, "vma-desk: Only a practice manager can add users; Sam Okafor is a "
                                "virtual medical assistant.\n")
    assert len(audit_of(team)) == before  # neither a sign-in nor a change

    status, out, err = run(*add, *as_manager)
    assert status == 0, err
    assert out == "Added Ria Patel (Front desk).\n"
    with opened(team) as services:
        ria = services.users.by_name("ria patel")
        assert ria is not None and ria.role is UserRole.FRONT_DESK
        services.users.check_pin(ria.id, "246802")
    added, signed_in = audit_of(team)[:2]
    assert (added.action, added.record_type, added.user) == (AuditAction.CREATE, "user", MANAGER)
    assert signed_in.detail == "command line: users add (PIN)"

    status, _, err = run(*add, *as_manager)
    assert (status, err) == (2, "vma-desk: --name: is already a user of this workspace\n")
    bad_pin = pin_file(pins, "bad", "1234")
    status, _, err = run(*add[:-1], bad_pin, *as_manager)
    assert (status, err) == (2, "vma-desk: --new-pin-file: must be at least 6 digits\n")
    bad_role = vma(*add[:6], "--role", "boss", "--new-pin-file", new_pin)
    assert bad_role.returncode == 2 and "argument --role: must be one of vma, front-desk" in bad_role.stderr

    status, out, err = run("users", "deactivate", "--data-dir", team, "--name", "Ria Patel", *as_manager)
    assert (status, out) == (0, "Deactivated Ria Patel: they can no longer sign in.\n"), err
    status, _, err = run("users", "deactivate", "--data-dir", team, "--name", MANAGER, *as_manager)
    assert status == 2 and err.startswith("vma-desk: --name: cannot change: this is the last active "
                                          "practice manager")
    with opened(team) as services:
        assert not services.users.by_name("Ria Patel").active
        assert services.users.by_name(MANAGER).active
        sam = services.users.by_name(VMA)
        UserRepository(services.workspace.conn).record_failure(sam.id, 10, True, datetime.now(UTC))

    reset = ["users", "reset-pin", "--data-dir", team, "--name", VMA, "--new-pin-file", new_pin]
    status, _, err = run(*reset, "--user", DESK, "--pin-file", pin_file(pins, "desk", DESK_PIN))
    assert status == 2 and "Only a practice manager can reset a user's PIN" in err
    status, out, err = run(*reset, *as_manager)
    assert (status, out) == (0, f"Set a new PIN for {VMA} (this ends their lock-out).\n"), err
    with opened(team) as services:
        assert not services.users.by_name(VMA).locked_out
        services.users.check_pin(sam.id, "246802")
    assert "246802" not in "".join(e.detail for e in audit_of(team))


def test_help_names_the_user_options():
    for argv in (["users", "list", "--help"], ["export", "huddle", "--help"], ["export", "ics", "--help"]):
        result = vma(*argv)
        assert result.returncode == 0
        assert "--user NAME" in result.stdout and "--pin-file FILE" in result.stdout
