"""The real command line in a subprocess (`python -m vma_desk ...`), with SQLCipher and the keyring.

Every refusal must end in one clear line on stderr, a non-zero exit status, no traceback, and the
files exactly as they were.
"""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.conftest import snapshot
from vma_desk import __version__, cli
from vma_desk.services import Services
from vma_desk.storage import migrations
from vma_desk.storage.keys import KeyStore, new_key
from vma_desk.storage.workspace import DB_FILE, Manifest, Workspace

ROOT = Path(__file__).resolve().parents[2]
ANCHOR = "2026-03-02"


def vma(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "vma_desk", *map(str, args)], cwd=ROOT, env=env or os.environ.copy(),
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120, check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def refused(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode not in (0, 1), result.stderr  # 1 would mean "a bug"
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("vma-desk: "), result.stderr
    assert words in lines[0]


@pytest.fixture
def demo_dir(tmp_path: Path, keystore: KeyStore):
    folder = tmp_path / "demo"
    yield folder
    manifest = Manifest.read(folder)
    if manifest:
        keystore.delete(manifest.workspace_id)


def test_demo_create_then_check(demo_dir: Path, tmp_path: Path, keystore: KeyStore):
    made = vma("demo", "create", "--data-dir", demo_dir, "--anchor", ANCHOR)
    assert made.returncode == 0, made.stderr
    assert "100%" in made.stderr
    keys = [line for line in made.stdout.splitlines() if line.startswith("Recovery key: ")]
    assert len(keys) == 1
    assert "shown only this once" in made.stdout and "1600 patients" in made.stdout
    assert "Its 6 users (practice manager, VMAs, front desk, trainer) sign in with the published demo " \
        "PIN 246810" in made.stdout

    checked = vma("check", "--data-dir", demo_dir)
    assert checked.returncode == 0, checked.stderr
    assert checked.stderr == ""
    for line in (f"Schema version: {migrations.LATEST}", "Integrity: ok", "Practice: 1", "Staff: 9",
                 "Patients: 1600", "Audit entries: 2", f"Demo: yes (seed 1, today = {ANCHOR})"):
        assert line in checked.stdout

    # the printed recovery key is the way back when the keyring loses its entry
    keystore.delete(Manifest.read(demo_dir).workspace_id)
    refused(vma("check", "--data-dir", demo_dir), "recovery key")
    key_file = tmp_path / "recovery.txt"
    key_file.write_text(keys[0].removeprefix("Recovery key: ") + "\n")
    assert vma("check", "--data-dir", demo_dir, "--recovery-key-file", key_file).returncode == 0
    assert vma("check", "--data-dir", demo_dir).returncode == 0  # back in the keyring

    # a trainer's samples of the EHR import, read back by a dry run
    samples = vma("demo", "samples", "--data-dir", demo_dir, "--out", tmp_path / "samples")
    assert samples.returncode == 0, samples.stderr
    written = sorted(p.name for p in (tmp_path / "samples").iterdir())
    assert "schedule.csv" in written and "schedule.fhir.json" in written
    assert any(name.startswith("schedule-") and name.endswith(".ics") for name in written)
    dry = vma("import", "--data-dir", demo_dir, "--from", tmp_path / "samples" / "schedule.csv", "--dry-run")
    assert dry.returncode == 0, dry.stderr  # the trainer's demo of the import: the samples read back


def test_demo_create_refuses_an_existing_workspace(workspace: Workspace):
    workspace.close()
    before = snapshot(workspace.data_dir)
    refused(vma("demo", "create", "--data-dir", workspace.data_dir), "already exists")
    assert snapshot(workspace.data_dir) == before


def test_check_on_a_folder_without_a_workspace(tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    refused(vma("check", "--data-dir", empty), "no workspace")
    assert list(empty.iterdir()) == []
    refused(vma("check", "--data-dir", tmp_path / "missing"), "no workspace")
    assert not (tmp_path / "missing").exists()


def test_check_with_a_wrong_key_in_the_keyring(workspace: Workspace, keystore: KeyStore):
    workspace.close()
    keystore.put(workspace.workspace_id, new_key())
    before = snapshot(workspace.data_dir)
    refused(vma("check", "--data-dir", workspace.data_dir), "does not open")
    assert snapshot(workspace.data_dir) == before


def test_check_on_a_newer_schema(workspace: Workspace):
    workspace.conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    workspace.close()
    before = snapshot(workspace.data_dir)
    refused(vma("check", "--data-dir", workspace.data_dir), "newer version")
    assert snapshot(workspace.data_dir) == before


@pytest.mark.parametrize("kind", ["sqlite", "text"])
def test_check_on_a_file_that_is_not_a_workspace(tmp_path: Path, kind: str):
    folder = tmp_path / "other"
    folder.mkdir()
    if kind == "sqlite":
        with closing(sqlite3.connect(folder / DB_FILE)) as conn:
            conn.execute("CREATE TABLE notes(a)")
            conn.commit()
    else:
        (folder / DB_FILE).write_text("just some notes\n")
    before = snapshot(folder)
    refused(vma("check", "--data-dir", folder), "not a VMA Desk workspace")
    assert snapshot(folder) == before


def test_check_reports_a_damaged_file(workspace: Workspace):
    services = Services.for_workspace(workspace)
    with services.context.transaction() as conn:
        conn.executemany("INSERT INTO setting(key, value) VALUES (?, ?)",
                         [(f"k{i}", "x" * 500) for i in range(200)])
    workspace.close()
    path = workspace.data_dir / DB_FILE
    data = bytearray(path.read_bytes())
    assert len(data) > 8 * 4096
    for i in range(6 * 4096 + 200, 6 * 4096 + 232):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    result = vma("check", "--data-dir", workspace.data_dir)
    refused(result, "integrity")
    assert result.returncode == 3


def test_check_with_an_unreadable_passphrase_file(workspace: Workspace, tmp_path: Path):
    workspace.close()
    refused(vma("check", "--data-dir", workspace.data_dir, "--passphrase-file", tmp_path / "nope"),
            "Cannot read the passphrase file")


def test_without_a_keyring_the_demo_uses_the_published_passphrase(tmp_path: Path):
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    made = vma("demo", "create", "--data-dir", tmp_path / "d", "--anchor", ANCHOR, env=env)
    assert made.returncode == 0, made.stderr
    assert "vma-desk-demo" in made.stdout and "Recovery key" not in made.stdout
    checked = vma("check", "--data-dir", tmp_path / "d", env=env)
    assert checked.returncode == 0, checked.stderr
    assert "protected by passphrase" in checked.stdout
    # and a second demo create over it is refused, not overwritten
    refused(vma("demo", "create", "--data-dir", tmp_path / "d", env=env), "already exists")


def test_a_secret_the_command_needs_is_named_with_its_option(tmp_path: Path, keystore: KeyStore):
    """The shared unlock policy's answers, as a command without a terminal words them."""
    folder = tmp_path / "p"
    Workspace.create(folder, keystore, passphrase="river stone lantern")[0].close()
    before = snapshot(folder)
    result = vma("check", "--data-dir", folder)
    refused(result, "protected by a passphrase")
    assert "--passphrase-file FILE" in result.stderr and result.returncode == 2
    assert snapshot(folder) == before
    secret = tmp_path / "passphrase.txt"
    secret.write_text("river stone lantern\n")
    assert vma("check", "--data-dir", folder, "--passphrase-file", secret).returncode == 0
    (folder / "workspace.json").unlink()  # no manifest: which secret cannot be told
    result = vma("check", "--data-dir", folder)
    refused(result, "manifest (workspace.json) is missing")
    assert "--recovery-key-file FILE (or --passphrase-file FILE)" in result.stderr


def test_refused_values_are_one_line(tmp_path: Path):
    refused(vma("demo", "create", "--data-dir", tmp_path / "a", "--anchor", "2020-01-01"), "anchor")
    short = tmp_path / "short.txt"
    short.write_text("short\n")
    refused(vma("demo", "create", "--data-dir", tmp_path / "a", "--passphrase-file", short),
            "at least 10")
    assert not (tmp_path / "a").exists()


@pytest.mark.parametrize("args", [["--help"], ["demo", "--help"], ["demo", "create", "--help"],
                                  ["check", "--help"]])
def test_help(args: list[str]):
    result = vma(*args)
    assert result.returncode == 0 and result.stdout.startswith("usage: vma-desk")
    assert "exit status" in result.stdout


def test_version():
    result = vma("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"vma-desk {__version__}"


def test_arguments_the_gui_reads():
    args = cli.parse_args([])
    assert (args.command, args.data_dir, args.demo, args.seed, args.years) == (None, None, False, 1, 1)
    args = cli.parse_args(["--demo", "--seed", "3", "--years", "5", "--data-dir", "x"])
    assert (args.command, args.data_dir, args.demo, args.seed, args.years) == (None, Path("x"), True, 3, 5)
    assert cli.parse_args(["--data-dir", "a", "check"]).data_dir == Path("a")
    assert cli.parse_args(["check", "--data-dir", "b"]).data_dir == Path("b")
    assert cli.parse_args(["--seed", "4", "demo", "create"]).seed == 4
    assert cli.parse_args(["demo", "create", "--seed", "4"]).seed == 4


def test_a_bug_prints_no_details(monkeypatch, tmp_path: Path):
    def crash(*_args: object) -> int:
        raise RuntimeError("Quilliam Thistlewood-Varga, born 1961-04-02")

    monkeypatch.setattr(cli, "_check", crash)
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(cli.parse_args(["check", "--data-dir", str(tmp_path)]), out=out, err=err)
    assert status == cli.EXIT_BUG
    assert "bug" in err.getvalue() and "Quilliam" not in err.getvalue() + out.getvalue()


def test_the_cli_and_the_demo_do_not_load_qt():
    code = "import sys, vma_desk.cli, vma_desk.demo; print('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
