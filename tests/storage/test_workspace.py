"""Creating, unlocking and refusing workspaces, with the real SQLCipher and a real keyring."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import snapshot
from vma_desk.core.errors import (
    KeyMissingError,
    KeyringUnavailableError,
    NewerSchemaError,
    NotAWorkspaceError,
    ValidationError,
    WrongKeyError,
    WrongPassphraseError,
)
from vma_desk.storage import database, migrations
from vma_desk.storage.keys import KeyStore, format_recovery_key, new_key, parse_recovery_key
from vma_desk.storage.workspace import DB_FILE, Protection, Workspace, probe


def test_new_workspace_unlocks_silently_from_the_keyring(data_dir, keystore):
    ws, recovery = Workspace.create(data_dir, keystore)
    assert recovery and len(recovery.split("-")) == 11
    ws.conn.execute("INSERT INTO setting(key, value) VALUES ('k', 'v')")
    ws.close()
    try:
        again = Workspace.unlock_with_keyring(data_dir, keystore)
        assert again.conn.execute("SELECT value FROM setting").fetchone() == ("v",)
        assert again.conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert again.conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert again.conn.execute("PRAGMA temp_store").fetchone() == (2,)  # MEMORY
        assert again.conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
        with pytest.raises(database.DatabaseError, match="not authorized"):
            again.conn.execute("SELECT load_extension('libm.so.6')")
        again.close()
    finally:
        keystore.delete(ws.workspace_id)


def test_page_cache_is_sized_from_the_file_at_opening_within_bounds(data_dir, keystore):
    assert database.cache_kib(0) == database.CACHE_MIN_KIB == 8 * 1024
    assert database.cache_kib(20 * 1024 * 1024) == 25 * 1024  # the file plus a quarter
    assert database.cache_kib(10**10) == database.CACHE_MAX_KIB == 64 * 1024
    ws, _ = Workspace.create(data_dir, keystore)
    try:
        assert ws.conn.execute("PRAGMA cache_size").fetchone() == (-database.CACHE_MIN_KIB,)  # a new file
        ws.conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150) "
                        "INSERT INTO setting(key, value) SELECT 'pad' || i, hex(randomblob(50000)) FROM n")
        ws.close()
        size = (data_dir / DB_FILE).stat().st_size
        assert 12 * 1024 * 1024 < size < 40 * 1024 * 1024
        again = Workspace.unlock_with_keyring(data_dir, keystore)
        (cache,) = again.conn.execute("PRAGMA cache_size").fetchone()
        again.close()
        assert -cache == database.cache_kib(size) == -(-size * 5 // 4 // 1024)
        assert database.CACHE_MIN_KIB < -cache < database.CACHE_MAX_KIB
    finally:
        keystore.delete(ws.workspace_id)


def test_file_is_encrypted_and_not_sqlite(workspace):
    workspace.close()
    head = (workspace.data_dir / DB_FILE).read_bytes()[:16]
    assert head != b"SQLite format 3\x00"


def test_keyring_entry_lost_then_recovery_key_reopens_and_restores_it(data_dir, keystore):
    ws, recovery = Workspace.create(data_dir, keystore)
    ws.close()
    keystore.delete(ws.workspace_id)
    before = snapshot(data_dir)
    with pytest.raises(KeyMissingError, match="recovery key"):
        Workspace.unlock_with_keyring(data_dir, keystore)
    assert snapshot(data_dir) == before  # never re-created or re-keyed
    typed = recovery.lower().replace("-", " ")  # as a person might type it
    reopened, restored = Workspace.unlock_with_recovery_key(data_dir, typed, keystore)
    assert restored
    reopened.close()
    assert keystore.get(ws.workspace_id) is not None
    Workspace.unlock_with_keyring(data_dir, keystore).close()
    keystore.delete(ws.workspace_id)


def test_recovery_key_typo_is_reported_as_a_typo():
    text = format_recovery_key(new_key())
    broken = ("B" if text[0] != "B" else "C") + text[1:]
    with pytest.raises(ValidationError, match="typo"):
        parse_recovery_key(broken)
    with pytest.raises(ValidationError, match="letters and digits"):
        parse_recovery_key(text[:-5])


def test_wrong_recovery_key_leaves_the_file_untouched(workspace, keystore):
    workspace.close()
    before = snapshot(workspace.data_dir)
    with pytest.raises(WrongKeyError, match="not changed"):
        Workspace.unlock_with_recovery_key(workspace.data_dir, format_recovery_key(new_key()),
                                           keystore)
    assert snapshot(workspace.data_dir) == before


def test_no_keyring_backend_offers_a_passphrase(data_dir, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    store = KeyStore.from_environment()
    assert not store.available and "not an OS key store" in store.reason
    with pytest.raises(KeyringUnavailableError):
        Workspace.create(data_dir, store)
    assert not (data_dir / DB_FILE).exists()
    with pytest.raises(ValidationError, match="at least 10"):
        Workspace.create(data_dir, store, passphrase="short")
    ws, recovery = Workspace.create(data_dir, store, passphrase="correct horse battery")
    assert recovery is None and ws.protection is Protection.PASSPHRASE
    ws.close()
    assert probe(data_dir).protection is Protection.PASSPHRASE
    before = snapshot(data_dir)
    with pytest.raises(WrongPassphraseError, match="Caps Lock"):
        Workspace.unlock_with_passphrase(data_dir, "correct horse battery!")
    assert snapshot(data_dir) == before
    Workspace.unlock_with_passphrase(data_dir, "correct horse battery").close()


@pytest.mark.parametrize(
    "backend", ["keyrings.alt.file.PlaintextKeyring", "keyring.backends.fail.Keyring"]
)
def test_plaintext_or_failing_backends_count_as_no_keyring(monkeypatch, backend):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", backend)
    assert not KeyStore.from_environment().available


def test_the_secret_service_is_used_directly_without_keyring_plugin_discovery(monkeypatch):
    """Start-up picks the real Secret Service by name, never listing every keyring plugin, and
    speaks to it without importing keyring at all (checked in a new process)."""
    import keyring.backend

    def no_discovery() -> list[keyring.backend.KeyringBackend]:
        raise AssertionError("keyring's plugin discovery ran although the Secret Service is up")

    monkeypatch.setattr(keyring.backend, "get_all_keyring", no_discovery)
    store = KeyStore.from_environment()
    assert store.available and store.name == "SecretService"
    assert (type(store.backend).__module__, type(store.backend).__name__) == \
        ("vma_desk.storage.secret_service", "SecretServiceStore")
    key = new_key()
    store.put("direct-backend-check", key)
    assert store.get("direct-backend-check") == key
    store.delete("direct-backend-check")
    assert store.get("direct-backend-check") is None
    store.delete("direct-backend-check")  # deleting what is not there is no error
    child = subprocess.run(
        [sys.executable, "-c", "import sys; from vma_desk.storage.keys import KeyStore; "
         "s = KeyStore.from_environment(); s.get('absent-entry'); print(s.name, 'keyring' in sys.modules)"],
        capture_output=True, text=True, timeout=60, check=True)
    assert child.stdout.split() == ["SecretService", "False"]


def test_keys_stored_by_keyring_and_by_the_direct_secret_service_read_each_other():
    """Workspaces made when keys went through keyring's Secret Service backend open as before,
    and a key stored now is still what `keyring get vma-desk <workspace id>` finds."""
    import keyring.backends.SecretService

    from vma_desk.storage.keys import SERVICE

    through_keyring, direct = keyring.backends.SecretService.Keyring(), KeyStore.from_environment()
    old, new = new_key(), new_key()
    through_keyring.set_password(SERVICE, "made-through-keyring", old.hex())
    direct.put("made-directly", new)
    try:
        assert direct.get("made-through-keyring") == old
        assert through_keyring.get_password(SERVICE, "made-directly") == new.hex()
        direct.put("made-through-keyring", new)  # replaced, not added beside it
        assert through_keyring.get_password(SERVICE, "made-through-keyring") == new.hex()
    finally:
        direct.delete("made-through-keyring")
        direct.delete("made-directly")
    assert through_keyring.get_password(SERVICE, "made-through-keyring") is None
    assert direct.get("made-directly") is None


def test_discovery_fallback_still_refuses_insecure_backends(monkeypatch):
    """With no real keyring to use directly, keyring's discovery is asked, and a plaintext or null
    backend it offers (the plaintext one with a positive priority) still counts as no keyring."""
    import keyring.backend
    import keyring.backends.null
    import keyrings.alt.file

    from vma_desk.storage import keys

    offered = [keyrings.alt.file.PlaintextKeyring(), keyring.backends.null.Keyring()]
    assert offered[0].priority > 0
    monkeypatch.setattr(keys, "_platform_backends", lambda: ())
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: offered)
    store = KeyStore.from_environment()
    assert not store.available and "No OS keyring" in store.reason


def test_locked_keyring_has_its_own_message(tmp_path):
    """Locks a real Secret Service collection. It runs in a D-Bus session of its own, since a
    locked collection cannot be unlocked again without a desktop prompt."""
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        ["dbus-run-session", "--", str(root / "scripts" / "with-keyring.sh"),
         sys.executable, str(Path(__file__).with_name("locked_keyring_probe.py")),
         str(tmp_path / "ws")],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    opening, creating = result.stdout.strip().splitlines()
    code, message = opening.split("|", 1)
    assert code == "keyring-locked"
    assert "locked" in message and "recovery key" in message
    assert creating == "keyring-locked|[]"  # the GUI then offers a passphrase (flow._create)


def test_wrong_key_gives_a_clear_error_and_the_file_is_untouched(workspace, keystore):
    workspace.close()
    keystore.put(workspace.workspace_id, new_key())
    before = snapshot(workspace.data_dir)
    with pytest.raises(WrongKeyError, match="does not open"):
        Workspace.unlock_with_keyring(workspace.data_dir, keystore)
    assert snapshot(workspace.data_dir) == before


def test_a_file_that_is_not_a_workspace_is_refused_untouched(tmp_path, keystore):
    folder = tmp_path / "other"
    folder.mkdir()
    plain = folder / DB_FILE
    import sqlite3

    sqlite3.connect(plain).execute("CREATE TABLE x(a)").connection.commit()
    before = snapshot(folder)
    with pytest.raises(NotAWorkspaceError, match="unencrypted SQLite"):
        Workspace.unlock_with_recovery_key(folder, format_recovery_key(new_key()), keystore)
    assert snapshot(folder) == before
    plain.write_bytes(b"hello, this is a text file\n" * 300)
    before = snapshot(folder)
    with pytest.raises(NotAWorkspaceError):
        Workspace.unlock_with_recovery_key(folder, format_recovery_key(new_key()), keystore)
    assert snapshot(folder) == before


def test_encrypted_database_that_is_not_ours_is_refused(tmp_path, keystore):
    folder = tmp_path / "foreign"
    folder.mkdir()
    key = new_key()
    conn = database.connect.__globals__["sqlcipher3"].connect(str(folder / DB_FILE))
    conn.execute(database.KeySpec(raw=key).pragma())
    conn.execute("CREATE TABLE notes(a)")
    conn.commit()
    conn.close()
    before = snapshot(folder)
    with pytest.raises(NotAWorkspaceError, match="not a VMA Desk workspace"):
        Workspace.unlock_with_recovery_key(folder, format_recovery_key(key), keystore)
    assert snapshot(folder) == before


def test_newer_schema_is_refused_untouched(workspace, keystore):
    workspace.conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    workspace.close()
    before = snapshot(workspace.data_dir)
    with pytest.raises(NewerSchemaError, match="newer version"):
        Workspace.unlock_with_keyring(workspace.data_dir, keystore)
    assert snapshot(workspace.data_dir) == before


@pytest.mark.parametrize("version", range(1, migrations.LATEST))
def test_workspace_written_at_an_older_schema_is_migrated(data_dir, keystore, version):
    key = new_key()
    data_dir.mkdir(parents=True)
    conn = database.create(data_dir / DB_FILE, database.KeySpec(raw=key))
    migrations.migrate(conn, target=version)
    conn.execute("INSERT INTO meta(key, value) VALUES ('workspace_id', 'old-one')")
    conn.execute("INSERT INTO practice(id, name, time_zone, business_days) "
                 "VALUES (1, 'Old Practice', 'America/Chicago', '0,1,2,3,4')")
    conn.close()
    ws, restored = Workspace.unlock_with_recovery_key(data_dir, format_recovery_key(key), keystore)
    try:
        assert ws.migrated_from == version
        assert migrations.schema_version(ws.conn) == migrations.LATEST
        assert ws.conn.execute("SELECT name FROM practice").fetchone() == ("Old Practice",)
        assert ws.conn.execute("SELECT count(*) FROM patient").fetchone() == (0,)
    finally:
        ws.close()
        keystore.delete("old-one")


def test_sqlcipher_log_lines_never_reach_the_terminal(workspace, keystore):
    """SQLCipher's log level is process-wide: a fresh process shows whether connect() itself
    silences it before the wrong key is tried."""
    workspace.close()
    code = (
        "import sys; from pathlib import Path; from vma_desk.storage import database; "
        "from vma_desk.storage.keys import new_key\n"
        "try: database.connect(Path(sys.argv[1]), database.KeySpec(raw=new_key()))\n"
        "except Exception as exc: print(type(exc).__name__)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(workspace.db_path)],
                            capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "WrongKeyError"
    assert "hmac" not in result.stderr.lower() and "sqlcipher" not in result.stderr.lower()
    assert result.stderr == ""
