"""`vma-desk rekey` and `vma-desk protect`: a new random key for the workspace, and switching between
OS-keyring and passphrase protection (or a new passphrase). A practice manager's work; each is
audited. storage/rekey.py does the work so that a process killed at any point leaves a workspace
that opens with the keyring's key, its pending key, or the passphrase given.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from vma_desk.commands import common
from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.storage.files import InstanceLock, write_private
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Protection

# vma_desk.services is imported inside the functions that use it, on purpose: building the
# parser (`vma-desk --help`, the window's start-up) then does not load the services
if TYPE_CHECKING:
    from vma_desk.services.users import NotAllowedError
    from vma_desk.storage.rekey import KeyChange

NAMES = ("rekey", "protect")

_REKEY_HELP = (
    "Give the workspace a new random key: the workspace is copied into a new file under the new key, "
    "checked, and put in place of the old one; the OS keyring's entry is replaced only once the new "
    "file is in place. Prints the new recovery key once (or writes it, readable by you only, to "
    "--recovery-key-out FILE). The old recovery key then no longer opens the workspace, but it still "
    "opens the backups made before. Close VMA Desk on this workspace first. A practice manager's "
    "work; recorded in the audit trail.")

_PROTECT_HELP = (
    "Switch the workspace between the OS keyring and a passphrase, or give it a new passphrase. "
    "--passphrase-file: protect it with the passphrase in FILE (from the keyring, the key is removed "
    "from the keyring once the switch is done; there is no recovery key then: without the passphrase "
    "nobody can open the workspace). --keyring: a new random key kept in the OS keyring, and a "
    "recovery key printed once. The earlier key or passphrase still opens the backups made before. "
    "Close VMA Desk on this workspace first. A practice manager's work; recorded in the audit trail.")


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    rekey = commands.add_parser("rekey", help="give the workspace a new key and a new recovery key",
                                description=_REKEY_HELP + " " + common.USER_HELP, epilog=common.EXIT_HELP)
    common.data_dir_option(rekey, argparse.SUPPRESS)
    _recovery_out(rekey)
    common.user_options(rekey)
    common.unlock_options(rekey)

    protect = commands.add_parser(
        "protect", help="switch between the OS keyring and a passphrase, or change the passphrase",
        description=_PROTECT_HELP + " " + common.USER_HELP, epilog=common.EXIT_HELP)
    common.data_dir_option(protect, argparse.SUPPRESS)
    how = protect.add_mutually_exclusive_group(required=True)
    how.add_argument("--keyring", action="store_true",
                     help="keep a new random key in the OS keyring (prints a new recovery key)")
    how.add_argument("--passphrase-file", dest="new_passphrase_file", type=Path, metavar="FILE",
                     help="protect the workspace with the passphrase on the first line of FILE (at "
                          "least 10 characters; never printed)")
    _recovery_out(protect)
    common.user_options(protect)
    # the usual unlock options, but --passphrase-file names the new passphrase here
    protect.add_argument("--current-passphrase-file", dest="passphrase_file", type=Path, metavar="FILE",
                         help="unlock a passphrase workspace with its current passphrase, in FILE")
    protect.add_argument("--recovery-key-file", type=Path, metavar="FILE",
                         help="unlock with the recovery key in FILE (and put the key back in the OS "
                              "keyring)")


def _recovery_out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--recovery-key-out", type=Path, metavar="FILE",
                        help="write the new recovery key to FILE (readable by you only; never over an "
                             "existing file) instead of printing it")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from vma_desk.services.security import OLD_KEY_NOTE, OLD_PASSPHRASE_NOTE

    recovery_out = _recovery_target(args.recovery_key_out)
    new_passphrase = None
    if getattr(args, "new_passphrase_file", None) is not None:
        new_passphrase = common.read_secret(args.new_passphrase_file, "passphrase")
    data_dir = common.data_dir_of(args, demo=args.demo)
    window = InstanceLock(data_dir)
    try:
        free = not data_dir.is_dir() or window.acquire()
    except OSError:
        free = True  # a read-only folder: opening says what is wrong
    if not free:
        raise KnownError("VMA Desk has this workspace open. Quit VMA Desk (File → Quit) and run the "
                       "command again, or use Edit → Workspace security… in VMA Desk. Nothing was "
                       "changed.")
    try:
        try:
            services = common.unlock_workspace(args, data_dir)
        except KnownError as exc:
            if args.command == "protect" and "--passphrase-file" in exc.message:
                raise KnownError(exc.message.replace("--passphrase-file", "--current-passphrase-file")) \
                    from None
            raise
        workspace = services.workspace
        try:
            who = common.who(services, args)
            me = who[0]
            if not me.is_manager:
                role = common.with_article(me.role.label.lower())
                raise _not_allowed(f"Only a practice manager can change the workspace's key or how it "
                                   f"is protected; {me.name} is {role}.")
            before = workspace.protection
            if args.command == "protect" and args.keyring and before is Protection.KEYRING:
                print(f"The workspace in {data_dir} is already protected by the OS keyring; to give it "
                      "a new key, use `vma-desk rekey`.", file=out)
                return common.EXIT_OK
            if new_passphrase is not None:
                with common.options(passphrase="--passphrase-file", confirmation="--passphrase-file"):
                    services.security.check_new_passphrase(new_passphrase)
            keystore = KeyStore.from_environment()
            common.act_as(services, who, args)
            written: list[Path] = []

            def keep(text: str) -> None:
                if recovery_out is not None:
                    _write_recovery_key(recovery_out, text, data_dir)
                    written.append(recovery_out)

            bar = common.ProgressBar(err)
            bar.what = args.command
            try:
                if args.command == "rekey":
                    done, _ = services.security.rotate_key(keystore, progress=bar.update,
                                                           keep_recovery_key=keep)
                elif new_passphrase is not None:
                    done, _ = services.security.use_passphrase(keystore, new_passphrase, progress=bar.update)
                else:
                    done, _ = services.security.use_keyring(keystore, progress=bar.update,
                                                            keep_recovery_key=keep)
            except BaseException:
                for path in written:  # the change did not happen: that key opens nothing
                    path.unlink(missing_ok=True)
                raise
            finally:
                bar.finish()
        finally:
            workspace.close()
    finally:
        window.release()
    _report(done, data_dir, recovery_out, args, out, OLD_KEY_NOTE, OLD_PASSPHRASE_NOTE)
    return common.EXIT_OK


def _report(done: KeyChange, data_dir: Path, recovery_out: Path | None, args: argparse.Namespace,
            out: TextIO, old_key_note: str, old_passphrase_note: str) -> None:
    if done.after == "keyring":
        what = ("has a new key" if done.before == "keyring"
                else "is now protected by the OS keyring, with a new key")
        print(f"The workspace in {data_dir} {what}; the OS keyring holds it.", file=out)
        if recovery_out is not None:
            print(f"The new recovery key is in {recovery_out} (readable by you only). Keep it somewhere "
                  "safe, away from this laptop.", file=out)
        else:
            print(f"New recovery key: {done.recovery_key}", file=out)
            print("It is shown only this once: keep it somewhere safe, away from this laptop.", file=out)
    else:
        what = "has a new passphrase" if done.before == "passphrase" else "is now protected by a passphrase"
        print(f"The workspace in {data_dir} {what}: the one in {args.new_passphrase_file}. There is no "
              "recovery key: without the passphrase nobody can open the workspace.", file=out)
        if done.before == "keyring":
            print("Its key was removed from the OS keyring.", file=out)
    print(old_key_note if done.before == "keyring" else old_passphrase_note, file=out)
    if done.warning:
        print(done.warning, file=out)


def _recovery_target(path: Path | None) -> Path | None:
    """Checked before anything changes: a new file in an existing folder."""
    if path is None:
        return None
    target = Path(path).expanduser()
    if target.exists() or target.is_symlink():
        raise ValidationError("--recovery-key-out", f"{target} already exists: a recovery key is never "
                                                    "written over a file; name a new file")
    if not target.parent.is_dir():
        raise ValidationError("--recovery-key-out", f"the folder {target.parent} does not exist")
    return target


def _write_recovery_key(path: Path, key: str, data_dir: Path) -> None:
    text = (f"{key}\n\nVMA Desk recovery key (the first line) of the workspace in {data_dir}.\n"
            "It opens the workspace if the OS keyring loses its key, or on another computer: "
            "vma-desk ... --recovery-key-file THIS-FILE. Keep it somewhere safe, away from the laptop; "
            "anyone with it and the workspace file can read the workspace.\n")
    write_private(path, text.encode("utf-8"), replace=False)


def _not_allowed(message: str) -> NotAllowedError:
    from vma_desk.services.users import NotAllowedError

    return NotAllowedError(message)
