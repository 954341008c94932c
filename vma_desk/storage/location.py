"""Where a workspace may live: on a local disk, outside folders that a sync tool copies.

A WAL database needs local file locking and shared memory (the -shm file mapped by every
connection): network file systems (NFS, SMB/CIFS) and FUSE mounts (sshfs, cloud drives) do not
give both reliably, so two computers, or one that lost its connection, can corrupt it. Sync tools
(Dropbox, OneDrive, Google Drive, iCloud Drive) copy a live database file mid-write, without its
-wal, and may bring an old copy back over a new one. A new workspace is refused in such a place; an
existing one opens with a warning. Backups may go there: a backup is one finished file.

`location_problem_in` is pure (a path and the text of /proc/self/mountinfo), so it is tested over
sample mount tables; `location_problem` reads this computer's.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath

#: folder names that sync tools own (compared without case)
SYNC_FOLDERS = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",
    "mobile documents": "iCloud Drive",  # ~/Library/Mobile Documents/com~apple~CloudDocs
    "com~apple~clouddocs": "iCloud Drive",
}
#: file system types that are network or user-space file systems
NETWORK_TYPES = ("nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "9p", "ncpfs", "ceph", "glusterfs",
                 "davfs", "fuse")

WHY_SYNC = ("sync tools copy a live database in the middle of a write and can bring an old copy back "
            "over a new one")
WHY_NETWORK = ("a workspace needs local file locking and shared memory, which network and FUSE file "
               "systems do not reliably give")


def sync_folder(path: PurePath) -> str | None:
    """The sync tool whose folder holds `path` ("Dropbox", "OneDrive" ...), or None."""
    for part in path.parts:
        name = part.lower()
        if name in SYNC_FOLDERS:
            return SYNC_FOLDERS[name]
        # "OneDrive - Lakeside Clinic", "Dropbox (Personal)", "GoogleDrive-ann@example.com"
        for prefix, tool in (("onedrive", "OneDrive"), ("dropbox", "Dropbox"),
                             ("googledrive-", "Google Drive")):
            if name.startswith(prefix) and (len(name) == len(prefix) or not name[len(prefix)].isalnum()
                                            or prefix.endswith("-")):
                return tool
    return None


def _unescape(field: str) -> str:
    """mountinfo writes spaces, tabs, newlines and backslashes in paths as octal escapes."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 3 < len(field) and field[i + 1:i + 4].isdigit():
            out.append(chr(int(field[i + 1:i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def mount_of(path: PurePath, mountinfo: str) -> tuple[str, str] | None:
    """(mount point, file system type) of the mount holding the absolute `path`: the longest mount
    point that contains it (a later mount over the same point wins)."""
    best: tuple[str, str] | None = None
    for line in mountinfo.splitlines():
        fields = line.split()
        if "-" not in fields:
            continue
        sep = fields.index("-")
        if len(fields) < 5 or sep + 1 >= len(fields):
            continue
        point, fstype = _unescape(fields[4]), fields[sep + 1]
        try:
            PurePath(path).relative_to(point)
        except ValueError:
            continue
        if best is None or len(point) >= len(best[0]):
            best = (point, fstype)
    return best


def is_network_type(fstype: str) -> bool:
    base = fstype.lower().split(".")[0]
    return base in NETWORK_TYPES or base.startswith("fuse")


def location_problem_in(path: PurePath, mountinfo: str | None) -> str | None:
    """Why a workspace should not live at `path` (absolute), or None when the place is fine."""
    tool = sync_folder(path)
    if tool:
        return f"{path} is inside a {tool} folder: {WHY_SYNC}."
    if mountinfo:
        mount = mount_of(path, mountinfo)
        if mount and is_network_type(mount[1]):
            return f"{path} is on a network or FUSE file system ({mount[1]} at {mount[0]}): {WHY_NETWORK}."
    return None


def _existing(path: Path) -> Path:
    """The nearest existing folder at or above `path` (a new workspace's folder may not exist yet)."""
    path = Path(os.path.abspath(path))
    while not path.exists() and path.parent != path:
        path = path.parent
    return path.resolve()


def location_problem(path: Path) -> str | None:
    """`location_problem_in` for this computer (Linux: /proc/self/mountinfo; elsewhere only the
    sync-folder names are checked)."""
    absolute = Path(os.path.abspath(path))
    try:
        mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        mountinfo = None
    tool = sync_folder(absolute)
    if tool:
        return location_problem_in(absolute, None)
    return location_problem_in(_existing(absolute), mountinfo)
