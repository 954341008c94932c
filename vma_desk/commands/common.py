"""What `vma_desk.cli` and the command modules in `vma_desk.commands` share: the exit statuses and
help texts, the common options and argument types, reading a secret from a file, opening the
workspace for a command (`unlock_workspace`: the shared unlock policy, audited as "opened by command
<name>"), choosing the user it runs as (`who`, `act_as`) and the progress bar.

`cli` and every command module import this module at the top; it imports neither of them, so there
is no cycle to hide behind function-level imports (import-linter: commands never import cli).
Imports of `vma_desk.services` and `vma_desk.demo` stay inside the functions that use them, on
purpose: parsing the arguments (`vma-desk --help`, and the window's start-up, which parses them
too) then loads neither the services nor the demo generator.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from vma_desk.core.errors import KnownError, SignInError, ValidationError
from vma_desk.core.records import AuditAction
from vma_desk.core.users import User
from vma_desk.paths import default_data_dir
from vma_desk.storage.keys import KeyStore

if TYPE_CHECKING:
    from vma_desk.services import Services

PROG = "vma-desk"
EXIT_OK = 0
EXIT_BUG = 1
EXIT_REFUSED = 2
EXIT_INTERRUPTED = 130

EXIT_HELP = """exit status: 0 success; 1 unexpected error (a bug); 2 the workspace could not be opened or
created, a value was refused, or the user could not be signed in; 3 the integrity check failed; 130
interrupted."""


USER_HELP = ("It runs as a user of the workspace: its only active user; on a demo workspace, the "
             "demo's trainer; otherwise the user named by --user, with their PIN in --pin-file.")


def whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None


#: the dates a command accepts: wide enough for any record, narrow enough that a day's start and
#: end in any time zone, and a week or a year around it, are still dates
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)


def day(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a date written YYYY-MM-DD") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise argparse.ArgumentTypeError(f"must be a date from {FIRST_DAY.isoformat()} to "
                                         f"{LAST_DAY.isoformat()}")
    return day


def data_dir_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir", type=Path, metavar="DIR", default=default,
        help="the workspace folder (default: the app-data folder of this user)",
    )


def user_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="NAME",
                        help="run as this user of the workspace (needed where it has several)")
    parser.add_argument("--pin-file", type=Path, metavar="FILE",
                        help="the PIN of --user, on the first line of FILE (never printed)")


def unlock_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase-file", type=Path, metavar="FILE",
                        help="unlock with the passphrase in FILE")
    parser.add_argument("--recovery-key-file", type=Path, metavar="FILE",
                        help="unlock with the recovery key in FILE (and put the key back in the "
                             "OS keyring)")


def data_dir_of(args: argparse.Namespace, *, demo: bool) -> Path:
    if args.data_dir is not None:
        return Path(args.data_dir).expanduser()
    return default_data_dir(demo=demo)


def read_secret(path: Path, what: str) -> str:
    """The first line of a file, without its line ending (spaces inside are kept)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not a text file"
        raise KnownError(f"Cannot read the {what} file {path}: {reason}.") from None
    line = text.splitlines()[0] if text else ""
    if not line.strip():
        raise ValidationError(f"{what} file", "is empty")
    return line


def target(args: argparse.Namespace) -> Path:
    """The file to write, refused when it is a folder or exists without --force."""
    target = Path(args.out).expanduser()
    if target.is_dir():
        raise KnownError(f"{target} is a folder: name the file to write.")
    if target.exists() and not args.force:
        raise KnownError(f"{target} already exists; add --force to replace it.")
    return target


NO_USERS = "this workspace has no users yet: start VMA Desk to create the first user."


def who(services: Services, args: argparse.Namespace) -> tuple[User, str]:
    """The user a command runs as, and how their right to it was checked. Used by every command
    that changes or reads the workspace for someone (not `check`, not `demo create`).

    Without --user: the only active user, or on a demo the demo's trainer; with several users,
    refused. With --user: that user, once the PIN in --pin-file is right (a wrong one is audited and
    counts towards the lock-out, as in the app). Nobody is signed in yet: `act_as` does that in the
    transaction of the change, so a value refused later leaves no sign-in behind."""
    from vma_desk.demo.users import trainer

    users = services.users
    if users.needs_first_user():
        raise KnownError(NO_USERS)
    if args.user is None:
        if args.pin_file is not None:
            raise ValidationError("--user", "name the user whose PIN --pin-file holds")
        active = users.active()
        demo_trainer = trainer(active) if services.workspace.is_demo else None
        if demo_trainer is not None:
            return demo_trainer, "the demo's trainer"
        if len(active) == 1:
            return active[0], "the only active user"
        if not active:
            raise KnownError("this workspace has no active user: a practice manager can reactivate one "
                             "in VMA Desk (Edit → Users…).")
        raise ValidationError("--user", f"this workspace has {len(active)} users: say who runs this "
                                        "with --user NAME and --pin-file FILE")
    name = " ".join(args.user.split())
    if not name:
        raise ValidationError("--user", "is empty")
    user = users.by_name(name)
    if user is None or user.id is None:
        raise ValidationError("--user", f'no user of this workspace is called "{name}" (vma-desk users '
                                        "list shows them)")
    if not user.active:
        raise ValidationError("--user", f"{user.name} is deactivated; a practice manager can reactivate "
                                        "the user in VMA Desk (Edit → Users…)")
    if args.pin_file is None:
        raise ValidationError("--pin-file", f"is required with --user: give the PIN of {user.name} "
                                            "on the first line of FILE")
    pin = read_pin(args.pin_file, "--pin-file")
    try:
        users.check_pin(user.id, pin)
    except SignInError as exc:
        wrong = "That PIN is not right."
        if exc.message.startswith(wrong):
            raise SignInError(f"the PIN for {user.name} is not right. "
                              f"{exc.message.removeprefix(wrong).strip()}") from None
        raise
    return user, "PIN"


def act_as(services: Services, who: tuple[User, str], args: argparse.Namespace) -> None:
    """Sign in as the user `who` found (audited, naming the command and how; never the PIN), just
    before the change: inside its transaction where it can, so a refused change takes its sign-in
    with it."""
    services.users.act_as(who[0], detail=f"command line: {command(args)} ({who[1]})")


def command(args: argparse.Namespace) -> str:
    """"export patient-summary", "users add", "check": the command as typed, without its options."""
    return " ".join(part for part in (args.command, getattr(args, "export_command", None),
                                      getattr(args, "users_command", None)) if part)


def read_pin(path: Path, option: str) -> str:
    """A PIN from the first line of a file (never echoed: messages name the option, not the PIN)."""
    with options(**{"PIN file": option}):
        return read_secret(path, "PIN")


@contextlib.contextmanager
def options(**options: str) -> Iterator[None]:
    """Report a value a service refuses under the command-line option that gave it."""
    try:
        yield
    except ValidationError as exc:
        raise ValidationError(options.get(exc.field, exc.field), exc.message) from None


def with_article(words: str) -> str:
    return f"an {words}" if words[0] in "aeiou" else f"a {words}"


def unlock_workspace(args: argparse.Namespace, data_dir: Path, *, audit: bool = True) -> Services:
    """Open the workspace for a command and return the one `Services` the unlock policy built for
    it (the command closes `services.workspace` when done), audited as "opened by command <name>"
    (under the OS login: the command's user signs in after, `act_as`). `audit=False` for a caller
    that audits the opening itself once it knows the file is sound (`check`)."""
    services = open_workspace(args, data_dir)
    if audit:
        try:
            record_opening(services, args)
        except BaseException:
            services.workspace.close()
            raise
    return services


def record_opening(services: Services, args: argparse.Namespace) -> None:
    services.audit.record(AuditAction.UNLOCK, "workspace", services.workspace.workspace_id,
                          f"opened by command {command(args)}")


def open_workspace(args: argparse.Namespace, data_dir: Path) -> Services:
    """The shared unlock policy (services.unlock) with the secrets given as files; a secret still
    needed is asked for on a terminal (the passphrase) or named as the option that gives it."""
    from vma_desk.demo import DEMO_PASSPHRASE
    from vma_desk.services import unlock

    recovery = passphrase = None
    if args.recovery_key_file:
        recovery = read_secret(args.recovery_key_file, "recovery key")
    elif args.passphrase_file:
        passphrase = read_secret(args.passphrase_file, "passphrase")
    # a demo workspace made where there was no keyring opens with the published passphrase
    outcome = unlock.unlock(data_dir, KeyStore.from_environment(), recovery_key=recovery,
                            passphrase=passphrase, known_passphrase=DEMO_PASSPHRASE)
    if isinstance(outcome, unlock.Opened):
        return outcome.services
    if outcome.secret is unlock.Secret.RECOVERY_KEY:
        raise outcome.refused("Here: give it with --recovery-key-file FILE (or --passphrase-file FILE).")
    if not sys.stdin.isatty():
        raise outcome.refused("Give it with --passphrase-file FILE.")
    return unlock.with_passphrase(data_dir, getpass.getpass("Passphrase: ")).services


class ProgressBar:
    """A hand-written progress bar on a terminal; a few plain lines when stderr is not one."""

    WIDTH = 30

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self._shown = -1
        self._line_open = False
        #: the command the plain-line form names
        self.what = "demo create"

    def update(self, done: int, total: int, label: str) -> None:
        percent = 100 * done // total if total else 100
        if self.tty:
            if percent == self._shown:
                return
            filled = self.WIDTH * percent // 100
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {percent:3d}%  {label:<20}")
            self._line_open = True
        else:
            step = percent // 25 * 25
            if step == self._shown:
                return
            percent = step
            self.stream.write(f"{PROG}: {self.what} {step}% ({label})\n")
        self.stream.flush()
        self._shown = percent

    def finish(self) -> None:
        if self._line_open:
            self.stream.write("\n")
            self.stream.flush()
            self._line_open = False
