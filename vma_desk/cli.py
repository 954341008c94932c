"""The headless command line: `demo create`, `check`, `export` (ics, huddle, patient-summary,
activity, disclosures) and `users` (list, add, deactivate, reset-pin), on the same storage and
services as the GUI.

Every command but `demo create` and `check` runs as a user of the workspace (`commands.common.who`):
its only active user; on a demo, the demo's trainer; else the user named by --user, whose PIN is the
first line of --pin-file (checked under the same wrong-PIN delay and lock-out as signing in). The PIN is never
printed, logged or stored.

`parse_args` also serves the GUI: with no subcommand, `app.main` starts the window with the parsed
options (`data_dir`, `demo`, `seed`, `years`). Every known condition (wrong key, locked keyring,
newer schema, not a workspace, failed integrity check, a refused value) ends in one plain line on
stderr and a non-zero exit status; no traceback reaches the user, and nothing is logged to a file.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from vma_desk import __version__
from vma_desk import commands as more
from vma_desk.commands import common, fhir_export
from vma_desk.commands.common import (
    EXIT_BUG,
    EXIT_HELP,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_REFUSED,
    PROG,
    USER_HELP,
    ProgressBar,
)
from vma_desk.core import wording
from vma_desk.core.errors import (
    IntegrityError,
    KnownError,
    ValidationError,
    WorkspaceExistsError,
)
from vma_desk.core.users import User, UserRole, validate_pin
from vma_desk.storage import audit_chain, database, migrations
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import probe

if TYPE_CHECKING:
    from vma_desk.services import Services

# vma_desk.services, vma_desk.demo and vma_desk.reports are imported inside the functions that use
# them, on purpose: parsing the arguments (`vma-desk --help`, and the window's start-up, which parses
# them too) then loads neither the services, the demo generator nor reportlab


# --- arguments -----------------------------------------------------------------------------------

def _seed(text: str) -> int:
    value = common.whole(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _years(text: str) -> int:
    from vma_desk.demo.generator import MAX_YEARS

    value = common.whole(text)
    if not 1 <= value <= MAX_YEARS:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MAX_YEARS}")
    return value


#: the largest record number SQLite can hold (a 64-bit signed integer)
MAX_ID = 2**63 - 1


def _patient_id(text: str) -> int:
    value = common.whole(text)
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"must be a record number (1 to {MAX_ID})")
    return value


def _role(text: str) -> UserRole:
    try:
        return UserRole(text.strip().lower().replace("-", "_"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            "must be one of " + ", ".join(r.value.replace("_", "-") for r in UserRole)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, epilog=EXIT_HELP,
        description="VMA Desk: calendar, calls, messages, refills and referrals in one encrypted "
                    "local workspace. Without a command, starts the desktop app.",
    )
    common.data_dir_option(parser, None)
    parser.add_argument("--demo", action="store_true",
                        help="open the demo workspace (fictional patients), making it on first use")
    parser.add_argument("--seed", type=_seed, default=1,
                        help="with --demo: the practice a new demo workspace gets (default 1)")
    parser.add_argument("--years", type=_years, default=1,
                        help="with --demo: years of history a new demo workspace gets (default 1)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    demo = commands.add_parser("demo", help="make a demo workspace with a fictional practice",
                               description="Demo workspaces hold a fictional practice only.",
                               epilog=EXIT_HELP)
    actions = demo.add_subparsers(dest="demo_command", metavar="ACTION", title="actions",
                                  required=True)
    create = actions.add_parser(
        "create", epilog=EXIT_HELP,
        help="create a demo workspace in an empty folder",
        description="Create a workspace and fill it with a fictional practice: staff, patients, "
                    "care gaps. The same seed and anchor always give the same workspace. Prints "
                    "the recovery key once. Refuses a folder that already holds a workspace.",
    )
    # SUPPRESS: an option given before the command (vma-desk --seed 3 demo create) is kept
    common.data_dir_option(create, argparse.SUPPRESS)
    create.add_argument("--seed", type=_seed, default=argparse.SUPPRESS,
                        help="which fictional practice and patients (default 1)")
    create.add_argument("--years", type=_years, default=argparse.SUPPRESS,
                        help="years of history: about 1,600 patients each (default 1)")
    create.add_argument("--anchor", type=common.day, metavar="YYYY-MM-DD",
                        help="the demo's 'today' that dated records are laid out around "
                             "(default: today in the practice's time zone)")
    create.add_argument("--passphrase-file", type=Path, metavar="FILE",
                        help="protect the workspace with the passphrase in FILE instead of the "
                             "OS keyring")

    samples = actions.add_parser(
        "samples", epilog=EXIT_HELP,
        help="write a day of the demo's schedule as FHIR, CSV and iCalendar sample files",
        description="Write the demo workspace's schedule of one day (the next business day by default) "
                    "as schedule.fhir.json, schedule.csv (the generic profile) and one provider's "
                    "schedule-<provider>.ics into FOLDER, readable by you only, for trying "
                    "`vma-desk import` or File → Import. Refuses a workspace that is not a demo.",
    )
    common.data_dir_option(samples, argparse.SUPPRESS)
    samples.add_argument("--out", type=Path, required=True, metavar="FOLDER", help="where to write them")
    samples.add_argument("--day", type=common.day, metavar="YYYY-MM-DD", help="the day (default: the next "
                                                                              "business day)")
    common.unlock_options(samples)

    check = commands.add_parser(
        "check", epilog=EXIT_HELP,
        help="unlock a workspace, verify its integrity and count its records",
        description="Unlock the workspace (with the OS keyring unless a file says otherwise), run "
                    "SQLCipher's and SQLite's integrity checks and the foreign-key check, and "
                    "print the schema version and record counts.",
    )
    common.data_dir_option(check, argparse.SUPPRESS)
    common.unlock_options(check)
    _export_parser(commands)
    _users_parser(commands)
    for module in more.modules():
        module.add_parsers(commands)
    return parser


def _users_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    users = commands.add_parser(
        "users", help="list the users who sign in, or add, deactivate or reset one (a manager's work)",
        description="The users who sign in to the workspace. Adding, deactivating and resetting a "
                    "PIN is a practice manager's work; each change is recorded in the audit trail. "
                    + USER_HELP, epilog=EXIT_HELP)
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", title="actions", required=True)
    listed = actions.add_parser("list", epilog=EXIT_HELP, help="the users: name, role, active, locked out",
                                description="Print each user's name, role, whether active and whether "
                                            "locked out after wrong PINs. " + USER_HELP)
    add = actions.add_parser("add", epilog=EXIT_HELP, help="add a user (a manager's work)",
                             description="Add a user with the PIN in --new-pin-file. " + USER_HELP)
    add.add_argument("--name", required=True, metavar="NAME", help="the new user's full name")
    add.add_argument("--role", required=True, type=_role, metavar="ROLE",
                     help="vma, front-desk, manager or trainer")
    deactivate = actions.add_parser(
        "deactivate", epilog=EXIT_HELP, help="deactivate a user (a manager's work)",
        description="A deactivated user can no longer sign in; their records and audit entries stay. "
                    "The last active practice manager cannot be deactivated. " + USER_HELP)
    deactivate.add_argument("--name", required=True, metavar="NAME", help="the user to deactivate")
    reset = actions.add_parser(
        "reset-pin", epilog=EXIT_HELP, help="set a user's new PIN (a manager's work; ends a lock-out)",
        description="Set the PIN in --new-pin-file as the user's PIN, which also ends a lock-out "
                    "after wrong PINs. " + USER_HELP)
    reset.add_argument("--name", required=True, metavar="NAME", help="the user whose PIN to set")
    for parser in (add, reset):
        parser.add_argument("--new-pin-file", type=Path, required=True, metavar="FILE",
                            help="the new PIN on the first line of FILE: at least 6 digits, or a "
                                 "password of at least 8 characters (never printed)")
    for parser in (listed, add, deactivate, reset):
        common.data_dir_option(parser, argparse.SUPPRESS)
        common.user_options(parser)
        common.unlock_options(parser)


def _export_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser("export", help="write part of a workspace to a file",
                                 description="Exports are deliberate: each one names its file and "
                                             "is recorded in the audit trail.", epilog=EXIT_HELP)
    kinds = export.add_subparsers(dest="export_command", metavar="KIND", title="kinds", required=True)
    ics = kinds.add_parser(
        "ics", epilog=EXIT_HELP,
        help="a provider's schedule as an iCalendar (.ics) file",
        description="Write one provider's visits from --from to --to (practice dates, both "
                    "included; cancelled visits left out) as an iCalendar file in the practice's "
                    "time zone. Each visit shows its type and a short reference; patient names "
                    "only with --include-names. Reasons, notes and phone numbers are never written. "
                    + USER_HELP,
    )
    common.data_dir_option(ics, argparse.SUPPRESS)
    ics.add_argument("--provider", required=True, metavar="NAME",
                     help='the provider\'s name, with or without credentials ("Dana Lee, MD")')
    ics.add_argument("--from", dest="start", type=common.day, required=True, metavar="YYYY-MM-DD",
                     help="the first day")
    ics.add_argument("--to", dest="end", type=common.day, required=True, metavar="YYYY-MM-DD",
                     help="the last day")
    ics.add_argument("--out", type=Path, required=True, metavar="FILE",
                     help="the file to write (readable by you only)")
    ics.add_argument("--include-names", action="store_true",
                     help="put patients' names in the events (protected health information: "
                          "keep the file as safe as the workspace)")
    ics.add_argument("--force", action="store_true", help="replace FILE if it exists")
    common.user_options(ics)
    common.unlock_options(ics)
    _pdf_parsers(kinds)
    fhir_export.add_parser(kinds)


_PDF_NOTE = ("The PDF is made in memory and written readable by you only; with --password-file it "
             "is encrypted (AES-256) before it reaches the disk. Each export is recorded in the audit "
             "trail. " + USER_HELP)


def _pdf_parser(kinds: argparse._SubParsersAction[argparse.ArgumentParser], name: str, *, summary: str,
                description: str) -> argparse.ArgumentParser:
    parser = kinds.add_parser(name, help=summary, description=f"{description} {_PDF_NOTE}",
                              epilog=EXIT_HELP)
    common.data_dir_option(parser, argparse.SUPPRESS)
    return parser


def _pdf_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help="the PDF file to write (readable by you only)")
    parser.add_argument("--password-file", type=Path, metavar="FILE",
                        help="protect the PDF with the password on the first line of FILE "
                             "(AES-256; at least 8 characters)")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    common.user_options(parser)
    common.unlock_options(parser)


def _period_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", type=common.day, required=True, metavar="YYYY-MM-DD",
                        help="the first day (practice date)")
    parser.add_argument("--to", dest="end", type=common.day, required=True, metavar="YYYY-MM-DD",
                        help="the last day (included)")


def _pdf_parsers(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    huddle = _pdf_parser(
        kinds, "huddle", summary="the daily huddle sheet as a PDF",
        description="Write the huddle sheet of one practice day: a page per provider with visits "
                    "(time, patient, age, type, new or established, telehealth, flags) under a "
                    "short \"needs attention\" block.")
    huddle.add_argument("--date", type=common.day, required=True, metavar="YYYY-MM-DD",
                        help="the practice day")
    huddle.add_argument("--provider", metavar="NAME",
                        help='only this provider\'s visits (name with or without credentials: '
                             '"Dana Lee, MD"); default: every provider with visits that day')
    _pdf_options(huddle)
    summary = _pdf_parser(
        kinds, "patient-summary", summary="one patient's communication summary as a PDF",
        description="Write one patient's calls, messages, refills, referrals and appointments "
                    "from --from to --to, in time order.")
    summary.add_argument("--patient", type=_patient_id, required=True, metavar="ID",
                         help="the patient's record number")
    _period_options(summary)
    _pdf_options(summary)
    activity = _pdf_parser(
        kinds, "activity", summary="the practice's activity summary as a PDF",
        description="Write the activity summary of a period: call volume, message turnaround, "
                    "refills against the noon rule, referral aging, confirmations and no-shows.")
    _period_options(activity)
    _pdf_options(activity)
    accounting = _pdf_parser(
        kinds, "disclosures", summary="one patient's accounting of disclosures as a PDF",
        description="Write the releases of one patient's records the practice sent (date, to whom, "
                    "what, why, how sent), by default over the six years up to today.")
    accounting.add_argument("--patient", type=_patient_id, required=True, metavar="ID",
                            help="the patient's record number")
    accounting.add_argument("--from", dest="start", type=common.day, metavar="YYYY-MM-DD",
                            help="the first day (practice date; default: six years before --to)")
    accounting.add_argument("--to", dest="end", type=common.day, metavar="YYYY-MM-DD",
                            help="the last day (included; default: today)")
    _pdf_options(accounting)


def parse_args(argv: list[str]) -> argparse.Namespace:
    return build_parser().parse_args(argv)


# --- running -------------------------------------------------------------------------------------

def run(args: argparse.Namespace, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the subcommand in `args`; returns the exit status. Never raises for known conditions."""
    # a gui-scripts launcher on Windows (pythonw) has no console: sys.stdout and sys.stderr are None
    out = out or sys.stdout or io.StringIO()
    err = err or sys.stderr or io.StringIO()
    try:
        if args.command == "demo":
            if args.demo_command == "samples":
                return _demo_samples(args, out)
            return _demo_create(args, out, err)
        if args.command == "check":
            return _check(args, out)
        if args.command == "export":
            if args.export_command == "fhir":
                return fhir_export.run(args, out)
            return _export_ics(args, out) if args.export_command == "ics" else _export_pdf(args, out)
        if args.command == "users":
            return _users(args, out)
        for module in more.modules():
            if args.command in module.NAMES:
                return int(module.run(args, out, err))
        raise ValueError(f"no such command: {args.command}")
    except KnownError as exc:
        _say(err, exc.message)
        return exc.exit_status
    except ValidationError as exc:
        _say(err, f"{exc.field.replace('_', ' ')}: {exc.message}")
        return EXIT_REFUSED
    except KeyboardInterrupt:
        _say(err, "interrupted.")
        return EXIT_INTERRUPTED
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        _say(err, f"{exc.strerror or type(exc).__name__}{where}.")
        return EXIT_REFUSED
    except database.DatabaseError as exc:  # met while reading: damage, a full disk ...
        known = database.known_error(exc)
        if known is None:
            _say(err, f"unexpected database error ({getattr(exc, 'sqlite_errorname', '') or 'unknown'}). "
                      "This is a bug in VMA Desk, or damage: `vma-desk check` tells which. No details "
                      "were printed or logged, since they could contain patient data.")
            return EXIT_BUG
        _say(err, known.message)
        return known.exit_status
    except Exception as exc:  # noqa: BLE001 - a bug: say so, but print nothing that may hold PHI
        _say(err, f"unexpected error ({type(exc).__name__}). This is a bug in VMA Desk. No "
                  "details were printed or logged, since they could contain patient data.")
        return EXIT_BUG


def _say(err: TextIO, message: str) -> None:
    print(f"{PROG}: {message}", file=err)


def _demo_samples(args: argparse.Namespace, out: TextIO) -> int:
    from vma_desk.demo.ehr_samples import write_samples

    services = common.unlock_workspace(args, common.data_dir_of(args, demo=True), audit=False)
    try:
        if not services.workspace.is_demo:
            raise ValidationError("--data-dir", "is not a demo workspace: samples are written from the "
                                                "demo's fictional practice only")
        written = write_samples(services, args.out.expanduser(), args.day)
    finally:
        services.workspace.close()
    print(f"Wrote {', '.join(p.name for p in written)} to {args.out}.", file=out)
    return EXIT_OK


def _demo_create(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from vma_desk.demo import DEMO_PASSPHRASE, create_demo_workspace
    from vma_desk.services.users import DEMO_PIN

    data_dir = common.data_dir_of(args, demo=True)
    passphrase = common.read_secret(args.passphrase_file, "passphrase") if args.passphrase_file else None
    if probe(data_dir).exists:
        raise WorkspaceExistsError(f"A workspace already exists in {data_dir}; demo create never "
                                   "replaces one. Choose an empty folder.")
    keystore = KeyStore.from_environment()
    bar = ProgressBar(err)
    try:
        workspace, recovery, summary = create_demo_workspace(
            data_dir, keystore, seed=args.seed, years=args.years, anchor=args.anchor,
            passphrase=passphrase, progress=bar.update,
        )
    finally:
        bar.finish()
    workspace.close()
    history = wording.plural(summary.years, "year")
    print(f"Created the demo workspace in {data_dir}: {summary.practice}, {summary.staff} staff, "
          f"{summary.patients} patients (seed {summary.seed}, {history} of history, "
          f"today = {summary.anchor.isoformat()}). All of it is fictional.", file=out)
    print(f"Its {summary.users} users (practice manager, VMAs, front desk, trainer) sign in with the "
          f"published demo PIN {DEMO_PIN}; commands run as its trainer unless --user is given.", file=out)
    if recovery:
        print(f"Recovery key: {recovery}", file=out)
        print("The recovery key opens this workspace if the OS keyring ever loses its key (a reset "
              "keyring, another computer). It is shown only this once: keep it somewhere safe.",
              file=out)
    elif passphrase is None:
        print(f'No OS keyring is available, so the workspace is protected by the published demo '
              f'passphrase "{DEMO_PASSPHRASE}" (fictional data only).', file=out)
    else:
        print(f"The workspace is protected by the passphrase in {args.passphrase_file}; there is "
              "no recovery key, so keep that passphrase.", file=out)
    return EXIT_OK


def _check(args: argparse.Namespace, out: TextIO) -> int:
    data_dir = common.data_dir_of(args, demo=args.demo)
    services = common.unlock_workspace(args, data_dir, audit=False)
    workspace = services.workspace
    try:
        version = migrations.schema_version(workspace.conn)
        try:
            problems = workspace.integrity_problems()
        except database.DatabaseError as exc:
            problems = [str(exc)]
        except IntegrityError:
            problems = ["database disk image is malformed"]
        if problems:
            raise IntegrityError(f"The workspace in {data_dir} is damaged: it failed its integrity check "
                                 f"({len(problems)} problem(s); the first: {problems[0]}). VMA Desk has "
                                 "not changed it. Restore the workspace from a backup.")
        chain = audit_chain.check_workspace(workspace)  # before this check's own entry is added
        if not chain.ok:
            raise IntegrityError(f"The audit trail in {data_dir} was altered: "
                                 f"{chain.summary().removeprefix('Audit trail: ')}. Compare it with a "
                                 "backup, and ask who had this workspace's key.")
        counts = {
            "Practice": int(services.practice.is_set_up()),
            "Staff": len(services.practice.staff(active_only=False)),
            "Patients": services.patients.count(),
            "Audit entries": services.audit.count(),
        }
        # audited only once the file is known to be sound (a damaged one is not written to), and
        # after counting: the count is what the workspace held before this check
        common.record_opening(services, args)
        demo = workspace.is_demo
        seed, anchor = workspace.meta("demo_seed"), workspace.meta("demo_anchor")
    finally:
        workspace.close()
    print(f"Workspace: {data_dir} (protected by {workspace.protection.value})", file=out)
    print(f"Schema version: {version}", file=out)
    print("Integrity: ok (cipher pages, database structure, foreign keys)", file=out)
    print(chain.summary(), file=out)
    for label, count in counts.items():
        print(f"{label}: {count}", file=out)
    if demo:
        print(f"Demo: yes (seed {seed}, today = {anchor})", file=out)
    return EXIT_OK


def _export_ics(args: argparse.Namespace, out: TextIO) -> int:
    from vma_desk.services.ics import export_ics, provider_by_name

    target = common.target(args)
    services = common.unlock_workspace(args, common.data_dir_of(args, demo=args.demo))
    try:
        who = common.who(services, args)
        provider = provider_by_name(services, args.provider)
        assert provider.id is not None
        provider_id = provider.id

        def audited() -> bytes:  # the sign-in and the export's entry, or neither (a refused date)
            common.act_as(services, who, args)
            return export_ics(services, provider_id=provider_id, start=args.start, end=args.end,
                              include_names=args.include_names)

        # both entries are committed before the file is put in place, and a file that cannot be
        # written rolls them back (services.exports.deliver)
        with common.options(out="--out"):
            data = services.exports.write_file(target, audited, replace=args.force)
    finally:
        services.workspace.close()
    events = data.count(b"BEGIN:VEVENT")
    print(f"Wrote {wording.plural(events, 'visit')} of {provider.display_name} "
          f"({args.start.isoformat()} to {args.end.isoformat()}) to {target}; patient names "
          f"{'included' if args.include_names else 'left out'}.", file=out)
    return EXIT_OK


def _export_pdf(args: argparse.Namespace, out: TextIO) -> int:
    """`export huddle`, `export patient-summary` and `export activity`: the report is made in
    memory, then written (encrypted first with --password-file) and audited by services.exports."""
    from vma_desk.services.exports import ExportService

    target = common.target(args)
    password = common.read_secret(args.password_file, "password") if args.password_file else None
    ExportService.check_password(password)
    services = common.unlock_workspace(args, common.data_dir_of(args, demo=args.demo))
    try:
        who = common.who(services, args)
        # the sign-in and a patient summary's opening of the record, or neither (an unknown patient)
        with services.context.all_or_nothing():
            common.act_as(services, who, args)
            pdf, detail, what = _PDF_REPORTS[args.export_command](services, args)
        # its own transaction: write_pdf's file and audit entry stay "both or neither" on their own
        services.exports.write_pdf(pdf, target, kind=args.export_command, detail=detail,
                                   password=password, replace=args.force)
    finally:
        services.workspace.close()
    print(f"Wrote {what} to {target}; "
          f"{'encrypted with AES-256' if password else 'not encrypted'}.", file=out)
    return EXIT_OK


def _huddle_pdf(services: Services, args: argparse.Namespace) -> tuple[bytes, str, str]:
    from vma_desk.reports import huddle
    from vma_desk.services.ics import provider_by_name

    day, provider = args.date, None
    if args.provider is not None:
        provider = provider_by_name(services, args.provider)
    pdf = huddle.build(services, day, provider.id if provider else None)
    detail = day.isoformat() + (f", provider {provider.id}" if provider else "")
    whose = f" of {provider.display_name}" if provider else ""
    return pdf, detail, f"the huddle sheet{whose} for {wording.long_day(day)}"


def _patient_summary_pdf(services: Services, args: argparse.Namespace) -> tuple[bytes, str, str]:
    from vma_desk.reports import patient_summary

    period = f"{args.start.isoformat()} to {args.end.isoformat()}"
    pdf = patient_summary.build(services, args.patient, args.start, args.end)  # refuses an unknown id
    services.patients.open(args.patient, f"patient summary, {period}")
    what = f"the communication summary of patient {args.patient} ({period})"
    return pdf, f"patient {args.patient}, {period}", what


def _activity_pdf(services: Services, args: argparse.Namespace) -> tuple[bytes, str, str]:
    from vma_desk.reports import activity

    period = f"{args.start.isoformat()} to {args.end.isoformat()}"
    return activity.build(services, args.start, args.end), period, f"the activity summary ({period})"


def _disclosures_pdf(services: Services, args: argparse.Namespace) -> tuple[bytes, str, str]:
    from vma_desk.core.records_requests import accounting_start
    from vma_desk.reports import disclosures

    end = args.end or services.context.today()
    start = args.start or accounting_start(end)
    if start > end:
        raise ValidationError("--to", f"({end.isoformat()}) is before --from ({start.isoformat()})")
    period = f"{start.isoformat()} to {end.isoformat()}"
    pdf = disclosures.build(services, args.patient, start, end)  # refuses an unknown id
    services.patients.open(args.patient, f"accounting of disclosures, {period}")
    what = f"the accounting of disclosures of patient {args.patient} ({period})"
    return pdf, f"patient {args.patient}, {period}", what


_PDF_REPORTS = {"huddle": _huddle_pdf, "patient-summary": _patient_summary_pdf, "activity": _activity_pdf,
                "disclosures": _disclosures_pdf}


# --- who runs the command --------------------------------------------------------------------------


# --- users -------------------------------------------------------------------------------------------

_MANAGER_WORK = {"add": "add users", "deactivate": "deactivate users", "reset-pin": "reset a user's PIN"}


def _users(args: argparse.Namespace, out: TextIO) -> int:
    from vma_desk.services.users import NotAllowedError

    new_pin = None
    if getattr(args, "new_pin_file", None) is not None:
        new_pin = common.read_pin(args.new_pin_file, "--new-pin-file")
        with common.options(pin="--new-pin-file"):
            validate_pin(new_pin)
    services = common.unlock_workspace(args, common.data_dir_of(args, demo=args.demo))
    try:
        who = common.who(services, args)
        if args.users_command == "list":
            common.act_as(services, who, args)
            _print_users(services.users.all(), out)
            return EXIT_OK
        me = who[0]
        if not me.is_manager:
            raise NotAllowedError(f"Only a practice manager can {_MANAGER_WORK[args.users_command]}; "
                                  f"{me.name} is {common.with_article(me.role.label.lower())}.")
        if args.users_command == "add":
            assert new_pin is not None
            with common.options(name="--name", pin="--new-pin-file"), services.context.all_or_nothing():
                common.act_as(services, who, args)
                added, _ = services.users.add(args.name, args.role, new_pin)
            print(f"Added {added.name} ({added.role.label}).", file=out)
            return EXIT_OK
        name = " ".join(args.name.split())
        target = services.users.by_name(name)
        if target is None or target.id is None:
            raise ValidationError("--name", f'no user of this workspace is called "{name}"')
        if args.users_command == "deactivate":
            if not target.active:
                print(f"{target.name} is already deactivated.", file=out)
                return EXIT_OK
            with common.options(active="--name", role="--name"), services.context.all_or_nothing():
                common.act_as(services, who, args)
                services.users.update(target.id, active=False)
            print(f"Deactivated {target.name}: they can no longer sign in.", file=out)
            return EXIT_OK
        assert new_pin is not None
        with common.options(pin="--new-pin-file"), services.context.all_or_nothing():
            common.act_as(services, who, args)
            services.users.reset_pin(target.id, new_pin)
        ended = " (this ends their lock-out)" if target.locked_out else ""
        print(f"Set a new PIN for {target.name}{ended}.", file=out)
        return EXIT_OK
    finally:
        services.workspace.close()


def _print_users(users: list[User], out: TextIO) -> None:
    """A table of names, roles, active and locked out (never anything about PINs but that)."""
    rows = [("Name", "Role", "Active", "Locked out")] + [
        (u.name, u.role.label, "yes" if u.active else "no", "yes" if u.locked_out else "no") for u in users]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip(),
              file=out)


