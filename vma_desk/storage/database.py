"""Opening a SQLCipher 4 database with the workspace's pragmas, and telling known errors apart.

Every connection: SQLCipher's own log silenced (its "hmac check failed" lines would otherwise reach
the terminal), the key applied first (a raw 256-bit key costs no key derivation; a passphrase uses
SQLCipher's PBKDF2), extension loading off, WAL, foreign keys, temporary tables in memory, and
secure_delete so freed pages are zeroed rather than left readable after decryption, and a page
cache sized to the file (`cache_kib`): SQLCipher decrypts a page each time it is read from the
disk, so a cache smaller than what a query reads costs a second decryption of the same pages.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

import sqlcipher3

from vma_desk.core.errors import (
    IntegrityError,
    KnownError,
    LockedError,
    NotAWorkspaceError,
    StorageError,
    WrongKeyError,
    WrongPassphraseError,
)
from vma_desk.storage.files import make_private, owner_only_umask

log = logging.getLogger(__name__)

Connection = sqlcipher3.Connection
Cursor = sqlcipher3.Cursor
DatabaseError = sqlcipher3.DatabaseError

#: a statement's parameters: positional (a tuple, a list) or named (a dict)
Parameters = Sequence[object] | Mapping[str, object]
_P = TypeVar("_P")
_D = TypeVar("_D", bound="Db")


class Db(Protocol):
    """What runs the workspace's SQL, as repositories and services use it: a SQLCipher `Connection`,
    the `WorkspaceConnection` every repository holds, or the stand-in that `rekey._KeyChangeGuard`
    puts inside that one while the key changes."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, parameters: Parameters = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Parameters], /) -> Cursor: ...

    def close(self) -> None: ...

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
        self._conn: Db | None = conn

    def _live(self) -> Db:
        if self._conn is None:
            raise LockedError()
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def execute(self, sql: str, parameters: Parameters = ()) -> Cursor:
        return self._run(self._live().execute, sql, parameters)

    def executemany(self, sql: str, parameters: Iterable[Parameters]) -> Cursor:
        return self._run(self._live().executemany, sql, parameters)

    @staticmethod
    def _run(method: Callable[[str, _P], Cursor], sql: str, parameters: _P) -> Cursor:
        try:
            return method(sql, parameters)
        except DatabaseError as exc:
            damage = damage_error(exc)
            if damage is None:
                raise
            raise damage from None  # a damaged file is said as such, wherever it is met

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


def inserted_id(cursor: Cursor) -> int:
    """The id (rowid) of the row the INSERT run on `cursor` made."""
    if cursor.lastrowid is None:  # only a statement that inserted nothing leaves it unset
        raise TypeError("the statement inserted no row")
    return cursor.lastrowid


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


#: what a user is told about a damaged workspace, wherever the damage is met
DAMAGED = ("The workspace file{where} is damaged (part of it was changed or cut off, by a failing disk, "
           "a crash of the computer or another program). VMA Desk has not changed it. Restore the "
           "workspace from a backup; `vma-desk check` reports what is wrong.")


def damaged(where: Path | None = None) -> IntegrityError:
    return IntegrityError(DAMAGED.format(where=f" in {where}" if where else ""))


def damage_error(exc: BaseException, path: Path | None = None) -> IntegrityError | None:
    """An IntegrityError for SQLite's "database disk image is malformed" (and its kin), else None."""
    code = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    # FTS5 reports a damaged page of its shadow tables as a failed constructor
    if code.startswith("SQLITE_CORRUPT") or "malformed" in text or "vtable constructor failed" in text:
        return damaged(path)
    return None


def known_error(exc: BaseException, path: Path | None = None) -> KnownError | None:
    """The known condition behind a SQLite error met anywhere (damage, full disk ...), or None."""
    if not isinstance(exc, DatabaseError):
        return None
    return _classify(exc, path or Path("workspace"))


def _classify(exc: Exception, path: Path) -> KnownError | None:
    code = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    damage = damage_error(exc, path.parent if path.name != "workspace" else None)
    if damage:
        return damage
    if code == "SQLITE_FULL" or "disk is full" in text:
        return StorageError("The disk is full: free some space and try again. Nothing was lost.")
    if code.startswith("SQLITE_READONLY") or "readonly" in text:
        return StorageError(f"The workspace at {path.parent} is on a read-only disk or folder.")
    if code.startswith("SQLITE_IOERR") or code.startswith("SQLITE_CANTOPEN"):
        return StorageError(f"The workspace file could not be read or written ({code}).")
    if code == "SQLITE_BUSY" or "locked" in text:
        return StorageError("The workspace is in use by another VMA Desk window or program.")
    return None


def secure_files(path: Path) -> None:
    """The database file, its -wal and -shm: owner-only (0600), whatever the umask made them.
    SQLite creates -wal and -shm with the database file's permissions, so that one goes first."""
    for name in (path.name, path.name + "-wal", path.name + "-shm"):
        try:
            make_private(path.with_name(name))
        except PermissionError:  # another user's file: opening it will say what is wrong
            pass


#: the tail of a page: 16 bytes of IV and a 64-byte HMAC-SHA512 (SQLCipher 4 defaults)
_IV, _HMAC = 16, 64


def key_opens_page_2(path: Path, key: KeySpec) -> bool:
    """Whether `key` authenticates the file's second page (SQLCipher 4's page HMAC, computed here).

    SQLite reads page 1 first, so a damaged first page and a wrong key both end in SQLITE_NOTADB;
    the second page tells them apart: it verifies under the right key whatever page 1 holds
    (unless the damage hit page 1's salt, which both pages' keys are derived from)."""
    import hashlib
    import hmac

    try:
        with path.open("rb") as handle:
            salt = handle.read(16)
            handle.seek(_PAGE)
            page = handle.read(_PAGE)
    except OSError:
        return False
    if len(page) < _PAGE or len(salt) < 16:
        return False
    if key.raw is not None:
        cipher_key = key.raw
    elif key.passphrase:
        cipher_key = hashlib.pbkdf2_hmac("sha512", key.passphrase.encode(), salt, 256_000, 32)
    else:
        return False
    hmac_key = hashlib.pbkdf2_hmac("sha512", cipher_key, bytes(b ^ 0x3A for b in salt), 2, 32)
    end = _PAGE - _IV - _HMAC + _IV
    expected = hmac.new(hmac_key, page[:end] + (2).to_bytes(4, "little"), "sha512").digest()
    return hmac.compare_digest(expected, page[end:end + _HMAC])


def connect(path: Path, key: KeySpec) -> Connection:
    """Open and verify the key. Raises WrongKeyError / WrongPassphraseError, or IntegrityError for
    a damaged file; writes nothing (but makes the files owner-only)."""
    secure_files(path)
    try:
        with owner_only_umask():
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
            if key_opens_page_2(path, key):  # the key is right: the first page is damaged
                raise damaged(path.parent) from None
            either = (" Or the workspace file is damaged at its start: if this is the right "
                      f"{'key' if key.raw is not None else 'passphrase'}, run `vma-desk check` and "
                      "restore the workspace from a backup.")
            if key.raw is not None:
                raise WrongKeyError(
                    "This key does not open the workspace: it belongs to another workspace, or "
                    "the file is not a VMA Desk workspace. The file was not changed." + either
                ) from None
            raise WrongPassphraseError(
                "That passphrase does not open the workspace. Check Caps Lock and try again; "
                "the file was not changed." + either
            ) from None
        raise (_classify(exc, path) or exc) from None
    return conn


def configure(conn: Connection) -> None:
    """The pragmas of a verified connection (may write: only after checks passed)."""
    with owner_only_umask():  # -wal and -shm appear here
        conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit is on the disk (its WAL frames fsynced) before it returns, so a save the app
    # acknowledged survives a power cut, not only a killed process (docs/architecture.md)
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA busy_timeout = 3000")
    conn.execute(f"PRAGMA cache_size = -{cache_kib(database_bytes(conn))}")


#: bounds of the page cache (decrypted pages, in memory only), in KiB: SQLCipher's default 8 MB is
#: the floor; 64 MB caps what a many-year workspace may hold in memory
CACHE_MIN_KIB = 8 * 1024
CACHE_MAX_KIB = 64 * 1024


def database_bytes(conn: Connection) -> int:
    """The size of the main database file as the connection sees it at opening (pages x page size)."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    return int(pages) * int(page_size)


def cache_kib(file_bytes: int) -> int:
    """The page cache for a database of `file_bytes`: the whole file plus a quarter for headroom
    (the working set of a read fits, so a query re-reading pages does not decrypt them again),
    bounded between CACHE_MIN_KIB and CACHE_MAX_KIB."""
    wanted = -(-file_bytes * 5 // 4 // 1024)  # KiB, rounded up
    return max(CACHE_MIN_KIB, min(CACHE_MAX_KIB, wanted))


def create(path: Path, key: KeySpec) -> Connection:
    with owner_only_umask():  # the file, its -wal and -shm are born owner-only
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.enable_load_extension(False)
        conn.execute(key.pragma())
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        configure(conn)
    secure_files(path)
    return conn


@contextlib.contextmanager
def transaction(conn: _D) -> Iterator[_D]:
    """All or nothing: a half-saved record never exists."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:  # SQLite may have rolled back already (disk full, I/O error)
            conn.execute("ROLLBACK")
        known = _classify(exc, Path("workspace")) if isinstance(exc, DatabaseError) else None
        code = getattr(exc, "sqlite_errorname", "") or ""
        if code.startswith(("SQLITE_READONLY", "SQLITE_IOERR")) and is_damaged(conn):
            known = damaged()  # a damaged page can end a write as "read-only" or an I/O error
        if known:
            raise known from None
        raise


def is_damaged(conn: Db) -> bool:
    """SQLite's quick structural check (every page read, so SQLCipher checks every page's HMAC):
    asked only after a failure, to tell damage from a read-only or failing disk."""
    try:
        rows = conn.execute("PRAGMA quick_check(1)").fetchall()
    except IntegrityError:
        return True
    except DatabaseError as exc:
        return damage_error(exc) is not None
    except KnownError:
        return False
    return [r[0] for r in rows] != ["ok"]
