"""Files the user asked for (exports, saved keys, backups, anchors) and the workspace's own files:
readable by their owner only, written whole or not at all.

Every write goes to a temporary file (0600 whatever the umask) in the target's own folder, is
flushed to the disk (`fsync`), renamed over the target in one step (`os.replace`, or a hard link
when an existing file must not be replaced) and the folder is flushed too, so the rename itself
survives a power cut. An existing file is never truncated or unlinked before its replacement is
complete: a full disk or a read-only folder leaves it exactly as it was. Targets that are not
regular files (a device node, a FIFO, a folder) are refused, so a root shell cannot write through
/dev/sda or unlink it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


class NotARegularFileError(OSError):
    """The target exists but is not a regular file (device node, FIFO, socket, folder)."""


def check_target(path: Path, *, replace: bool) -> None:
    """Refuse a target that is not a regular file, or that exists when it may not be replaced."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise NotARegularFileError(errno.EINVAL, f"{kind}: VMA Desk writes only regular files", str(path))
    if not replace:
        raise FileExistsError(errno.EEXIST, "File exists", str(path))


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable (a no-op where folders cannot be opened)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on folders; the rename is still atomic
    finally:
        os.close(fd)


def _temp_name(target: Path) -> Path:
    # a dot file beside the target, so the rename stays on one file system
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")


def create_private(path: Path) -> None:
    """A new, empty file only its owner can read or write (0600 whatever the umask); never an
    existing one (FileExistsError)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, PRIVATE_FILE)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """Flush a file written by someone else (SQLite, a copy) to the disk."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def private_temp(target: Path) -> Iterator[Path]:
    """A new, empty, owner-only temporary file beside `target`, removed on the way out unless it
    was published (`publish(temp, target)`) meanwhile. For writers that need a path (SQLite's
    backup, sqlcipher_export) rather than bytes."""
    target = Path(target)
    temp = _temp_name(target)
    create_private(temp)
    try:
        yield temp
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def publish(temp: Path, target: Path, *, replace: bool = False) -> None:
    """Flush `temp` to disk and put it in `target`'s place in one step, then flush the folder.
    Without `replace`, an existing target is never touched (FileExistsError)."""
    temp, target = Path(temp), Path(target)
    check_target(target, replace=replace)
    os.chmod(temp, PRIVATE_FILE)
    with open(temp, "rb") as handle:
        os.fsync(handle.fileno())
    if replace:
        os.replace(temp, target)
    else:
        try:
            os.link(temp, target)  # fails if the target appeared meanwhile: never over it
        except FileExistsError:
            raise
        except OSError:  # no hard links here (FAT, some network shares): checked just above
            os.replace(temp, target)
        else:
            temp.unlink()
    fsync_dir(target.parent)


@contextlib.contextmanager
def staged_private(target: Path, data: bytes, *, replace: bool = False) -> Iterator[Path]:
    """`data` written whole and flushed to an owner-only temporary file beside `target`, ready for
    `publish(temp, target)`; the temporary file is gone on the way out either way. A full disk or a
    read-only folder fails here, before anything happened to `target`."""
    target = Path(target)
    check_target(target, replace=replace)
    with private_temp(target) as temp:
        fill(temp, data)
        yield temp


def fill(temp: Path, data: bytes) -> None:
    """Write `data` whole into the (owner-only) temporary file `temp` and flush it to the disk."""
    with open(temp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def write_private(path: Path, data: bytes, *, replace: bool = False) -> None:
    """Write `data` to `path`, readable by its owner only, whole or not at all: an existing file is
    replaced only with `replace`, and only once the new content is safely on disk."""
    with staged_private(path, data, replace=replace) as temp:
        publish(temp, path, replace=replace)


def make_private(path: Path) -> None:
    """chmod 0600 an existing file (a no-op for a missing one)."""
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, PRIVATE_FILE)


def make_private_dir(folder: Path) -> bool:
    """Create `folder` (and missing parents) owner-only (0700 whatever the umask); True when it
    was created here. An existing folder is left as it is (`folder_warning` says if it is open)."""
    folder = Path(folder)
    if folder.is_dir():
        return False
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    os.chmod(folder, PRIVATE_DIR)  # mkdir's mode is filtered by the umask
    return True


@contextlib.contextmanager
def owner_only_umask() -> Iterator[None]:
    """Files created inside (SQLite's database, -wal and -shm) get no group or other bits."""
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def folder_warning(folder: Path) -> str | None:
    """A warning, with how to fix it, when others on this computer can read or enter `folder`."""
    if os.name == "nt":
        return None
    try:
        mode = stat.S_IMODE(os.stat(folder).st_mode)
    except OSError:
        return None
    if mode & 0o077 == 0:
        return None
    return (f"The workspace folder {folder} can be opened by other users of this computer "
            f"(permissions {mode:o}). The workspace file itself is owner-only, but to keep its "
            f"name and size private too, run: chmod 700 '{folder}'")


class InstanceLock:
    """`workspace.lock`: held (an OS lock on the open file, never its mere existence) by the VMA
    Desk window that has the workspace open, so a second window is told the workspace is open
    elsewhere. The OS lets go when the process ends, even killed; the file itself stays. Headless
    commands do not take it: SQLite's own locking keeps them safe beside the app."""

    NAME = "workspace.lock"

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / self.NAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock; False when another process (or another window of this one) holds it."""
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
        try:
            if sys.platform == "win32":  # as os.name == "nt", spelled so that mypy skips msvcrt elsewhere
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                # flock: one lock per open file, so a second window in the same process is refused too
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK):
                return False
            raise
        if hasattr(os, "fchmod"):
            os.fchmod(fd, PRIVATE_FILE)
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)  # closing the file lets go of its lock

    def __del__(self) -> None:
        self.release()
