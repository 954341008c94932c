"""`vma-desk backup` and `vma-desk restore`: an encrypted, verified backup of a workspace into a
folder, and a workspace rebuilt from one in a new folder (services/backups.py does the work)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from vma_desk.commands import common
from vma_desk.core.errors import ValidationError
from vma_desk.storage.backup import tables_of_records
from vma_desk.storage.keys import KeyStore

# vma_desk.services is imported inside the functions that use it, on purpose: building the
# parser (`vma-desk --help`, the window's start-up) then does not load the services

NAMES = ("backup", "restore")

_BACKUP_HELP = (
    "Write one encrypted backup of the workspace into FOLDER, named by practice and UTC time, "
    "readable by you only. The backup is a consistent snapshot (the app may stay open) and is "
    "checked before it is kept: opened with the key, SQLCipher's and SQLite's integrity checks, "
    "record counts equal to the workspace's. A keyring workspace's backup opens with its recovery "
    "key alone; a passphrase workspace's with its passphrase. Recorded in the audit trail.")

_RESTORE_HELP = (
    "Rebuild a workspace from a backup in a new folder: the backup is checked first, a folder that "
    "already holds a workspace is refused (never replaced), the key is put in the OS keyring (a "
    "passphrase workspace stays one), and the restore is recorded in the restored workspace's audit "
    "trail. A backup of a workspace that still exists on this computer under another key is refused "
    "(restore it on another computer, or remove that workspace first): its keyring entry is never "
    "replaced. A sync or network folder is refused, as for a new workspace. Exit 2 for a wrong key, "
    "a damaged or cut-off file or a folder that holds a workspace; "
    "exit 3 for a backup that fails its integrity check.")


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = commands.add_parser("backup", help="write an encrypted, verified backup into a folder",
                                 description=_BACKUP_HELP + " " + common.USER_HELP, epilog=common.EXIT_HELP)
    common.data_dir_option(backup, argparse.SUPPRESS)
    backup.add_argument("--to", dest="backup_folder", type=Path, required=True, metavar="FOLDER",
                        help="the folder to write the backup into (a USB drive, a second disk, a share)")
    common.user_options(backup)
    common.unlock_options(backup)

    restore = commands.add_parser("restore", help="rebuild a workspace from a backup in a new folder",
                                  description=_RESTORE_HELP, epilog=common.EXIT_HELP)
    restore.add_argument("--from", dest="backup_file", type=Path, required=True, metavar="FILE",
                         help="the backup file (.vmadesk-backup)")
    common.data_dir_option(restore, argparse.SUPPRESS)
    key = restore.add_mutually_exclusive_group()
    key.add_argument("--recovery-key-file", type=Path, metavar="FILE",
                     help="the workspace's recovery key, on the first line of FILE")
    key.add_argument("--passphrase-file", type=Path, metavar="FILE",
                     help="a passphrase workspace's passphrase, on the first line of FILE")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return _backup(args, out, err) if args.command == "backup" else _restore(args, out, err)


def _bar(err: TextIO, what: str) -> common.ProgressBar:
    bar = common.ProgressBar(err)
    bar.what = what  # the plain-line form names the command
    return bar


def _backup(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    folder = Path(args.backup_folder).expanduser()
    services = common.unlock_workspace(args, common.data_dir_of(args, demo=args.demo))
    bar = _bar(err, "backup")
    try:
        who = common.who(services, args)
        try:
            result = services.backups.make(folder, progress=bar.update)
        finally:
            bar.finish()
        # the sign-in, the backup's record and its audit entry together, once the backup verified:
        # a backup that fails leaves the workspace as it was
        try:
            with services.context.all_or_nothing():
                common.act_as(services, who, args)
                services.backups.record(result)
        except BaseException:
            result.path.unlink(missing_ok=True)  # never a backup the workspace does not know of
            raise
        services.backups.anchor()  # after the commit: never an uncommitted head; best effort
    finally:
        services.workspace.close()
    print(f"Backed up to {result.path} ({_size(result.size)}); verified: cipher pages, database "
          "structure, record counts equal to the workspace's.", file=out)
    _print_counts(result.counts, out)
    return common.EXIT_OK


def _restore(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from vma_desk.services.backups import restore

    if args.data_dir is None:
        raise ValidationError("--data-dir", "name the new folder to restore the workspace into")
    if args.recovery_key_file is None and args.passphrase_file is None:
        raise ValidationError("--recovery-key-file", "give the workspace's recovery key in a file "
                                                     "(or --passphrase-file for a passphrase workspace)")
    recovery = common.read_secret(args.recovery_key_file, "recovery key") if args.recovery_key_file else None
    passphrase = common.read_secret(args.passphrase_file, "passphrase") if args.passphrase_file else None
    keystore = KeyStore.from_environment()
    bar = _bar(err, "restore")
    notes: list[str] = []
    with common.options(recovery_key="--recovery-key-file", key="--recovery-key-file"):
        try:
            workspace, counts = restore(args.backup_file, args.data_dir, keystore, recovery_key=recovery,
                                        passphrase=passphrase, progress=bar.update, note=notes.append)
        finally:
            bar.finish()
    try:
        protection, data_dir, in_keyring = workspace.protection.value, workspace.data_dir, False
        if recovery is not None and keystore.available:
            in_keyring = keystore.get(workspace.workspace_id) is not None
        practice = workspace.manifest.practice
    finally:
        workspace.close()
    print(f"Restored {practice or 'the workspace'} from {Path(args.backup_file).name} into {data_dir} "
          f"(protected by {protection}); the backup and the copy passed both integrity checks.", file=out)
    _print_counts(counts, out)
    if recovery is not None:
        print("Its key is in the OS keyring: VMA Desk opens it without the recovery key." if in_keyring
              else "No OS keyring took its key: open it with the recovery key each time.", file=out)
    for note in notes:
        print(note, file=out)
    return common.EXIT_OK


def _print_counts(counts: dict[str, int], out: TextIO) -> None:
    shown = tables_of_records(counts)
    print(f"Records: {sum(shown.values())} in {len(shown)} tables", file=out)
    for name, count in shown.items():
        print(f"  {name}: {count}", file=out)


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.0f} kB"
