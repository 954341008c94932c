"""Opening a SQLCipher 4 database with the workspace's pragmas, and telling known errors apart.

Every connection: SQLCipher's own log silenced (its "hmac check failed" lines would otherwise reach
the terminal), the key applied first (a raw 256-bit key costs no key derivation; a passphrase uses
SQLCipher's PBKDF2), extension loading off, WAL, foreign keys, temporary tables in memory, and
secure_delete so freed pages are zeroed rather than left readable after decryption.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from vma_desk.core.errors import (
    KnownError,
    LockedError,
    NotAWorkspaceError,
    StorageError,
    WrongKeyError,
    WrongPassphraseError,
)

log = logging.getLogger(__name__)

Connection = sqlcipher3.Connection
DatabaseError = sqlcipher3.DatabaseError

#: "VMAD" in the SQLite header's application_id: a decrypted file without it is not ours
APPLICATION_ID = 0x564D4144
_PLAIN_SQLITE_MAGIC = b"SQLite format 3\x00"
_PAGE = 4096


@dataclass(frozen=True)
class KeySpec:
    """Either a raw 256-bit key (from the keyring or a recovery key) or a passphrase."""

    raw: bytes | None = None
    passphrase: str | None = None

    def pragma(self) -> str:
        if self.raw is not None:
            return f"PRAGMA key = \"x'{self.raw.hex()}'\""
        if self.passphrase:
            escaped = self.passphrase.replace("'", "''")
            return f"PRAGMA key = '{escaped}'"
        raise ValueError("a KeySpec needs a raw key or a passphrase")

    def __repr__(self) -> str:  # never print key material
        return "KeySpec(raw=<hidden>)" if self.raw is not None else "KeySpec(passphrase=<hidden>)"


class WorkspaceConnection:
    """The workspace's one connection, as every repository holds it. Locking closes the SQLCipher
    connection underneath (`close`), after which every use raises `LockedError`; unlocking puts a
    new one in place (`attach`), so services and repositories built once keep working."""

    __slots__ = ("_conn",)

    def __init__(self, conn: Connection) -> None:
        self._conn: Connection | None = conn

    def _live(self) -> Connection:
        if self._conn is None:
            raise LockedError()
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def execute(self, sql: str, parameters: object = ()) -> sqlcipher3.Cursor:
        return self._live().execute(sql, parameters)  # type: ignore[arg-type]

    def executemany(self, sql: str, parameters: object) -> sqlcipher3.Cursor:
        return self._live().executemany(sql, parameters)  # type: ignore[arg-type]

    @property
    def in_transaction(self) -> bool:
        return self._conn is not None and self._conn.in_transaction

    def __getattr__(self, name: str) -> object:
        return getattr(self._live(), name)

    def attach(self, conn: Connection) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = conn

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.close()


def sniff(path: Path) -> None:
    """Refuse, without decrypting, files that cannot be a SQLCipher workspace."""
    with path.open("rb") as handle:
        head = handle.read(16)
    size = path.stat().st_size
    if head == _PLAIN_SQLITE_MAGIC:
        raise NotAWorkspaceError(
            f"{path.name} is an unencrypted SQLite database, not a VMA Desk workspace."
        )
    if size < _PAGE or size % 512:
        raise NotAWorkspaceError(f"{path.name} is not a VMA Desk workspace (wrong size).")


def _classify(exc: Exception, path: Path) -> KnownError | None:
    code = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    if code == "SQLITE_FULL" or "disk is full" in text:
        return StorageError("The disk is full: free some space and try again. Nothing was lost.")
    if code.startswith("SQLITE_READONLY") or "readonly" in text:
        return StorageError(f"The workspace at {path.parent} is on a read-only disk or folder.")
    if code.startswith("SQLITE_IOERR") or code.startswith("SQLITE_CANTOPEN"):
        return StorageError(f"The workspace file could not be read or written ({code}).")
    if code == "SQLITE_BUSY" or "locked" in text:
        return StorageError("The workspace is in use by another VMA Desk window or program.")
    return None


def connect(path: Path, key: KeySpec) -> Connection:
    """Open and verify the key. Raises WrongKeyError / WrongPassphraseError; writes nothing."""
    try:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    except DatabaseError as exc:
        raise _classify(exc, path) or StorageError(f"Cannot open {path}: {exc}") from None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.enable_load_extension(False)
        conn.execute(key.pragma())
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        conn.close()
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            if key.raw is not None:
                raise WrongKeyError(
                    "This key does not open the workspace: it belongs to another workspace, or "
                    "the file is not a VMA Desk workspace. The file was not changed."
                ) from None
            raise WrongPassphraseError(
                "That passphrase does not open the workspace. Check Caps Lock and try again; "
                "the file was not changed."
            ) from None
        raise (_classify(exc, path) or exc) from None
    return conn


def configure(conn: Connection) -> None:
    """The pragmas of a verified connection (may write: only after checks passed)."""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA busy_timeout = 3000")


def create(path: Path, key: KeySpec) -> Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.enable_load_extension(False)
    conn.execute(key.pragma())
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    configure(conn)
    return conn


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """All or nothing: a half-saved record never exists."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:  # SQLite may have rolled back already (disk full, I/O error)
            conn.execute("ROLLBACK")
        known = _classify(exc, Path("workspace")) if isinstance(exc, DatabaseError) else None
        if known:
            raise known from None
        raise
