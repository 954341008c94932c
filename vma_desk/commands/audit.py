"""`vma-desk audit`: the audit trail of a period as CSV (with each entry's MAC), itself recorded in
the audit trail. The file is written whole or not at all, readable by its owner only, and never over
an existing file without --force."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from vma_desk.core import wording

NAMES = ("audit",)

_HELP = ("Export the audit trail of the practice's days FROM to TO (both included) as CSV: id, time "
         "(UTC), user, workstation, action, record type, record id, detail and the entry's MAC, so "
         "the file can be compared with `vma-desk check`'s verdict. The trail holds record ids and "
         "field names, never patient values. The export is recorded in the audit trail.")


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from vma_desk import cli

    audit = commands.add_parser("audit", help="export the audit trail of a period as CSV",
                                description=_HELP + " " + cli._USER_HELP, epilog=cli._EXIT_HELP)
    cli._data_dir_option(audit, argparse.SUPPRESS)
    audit.add_argument("--from", dest="start", type=cli._day, required=True, metavar="YYYY-MM-DD",
                       help="the first day (practice time)")
    audit.add_argument("--to", dest="end", type=cli._day, required=True, metavar="YYYY-MM-DD",
                       help="the last day (practice time)")
    audit.add_argument("--out", type=Path, required=True, metavar="FILE.csv",
                       help="the file to write (readable by you only)")
    audit.add_argument("--force", action="store_true", help="replace FILE if it exists")
    cli._user_options(audit)
    cli._unlock_options(audit)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from vma_desk import cli
    from vma_desk.services.audit import AuditService

    # cli._day refuses dates it cannot place; the service refuses a period that ends before it
    # starts (reported under --to), here before anything is opened
    with cli._options(to="--to"):
        AuditService.check_period(args.start, args.end)
    target = cli._target(args)
    services = cli._unlock(args, cli._data_dir(args, demo=args.demo))
    try:
        who = cli._who(services, args)
        with services.context.all_or_nothing():
            cli._act_as(services, who, args)
        # its own transaction: the export's entry is committed before its file is put in place
        with cli._options(out="--out", to="--to"):
            count = services.audit.export_csv(args.start, args.end, target, replace=args.force)
    finally:
        services.workspace.close()
    print(f"Wrote {wording.plural(count, 'audit entry', 'audit entries')} ({args.start.isoformat()} to "
          f"{args.end.isoformat()}) to {target}.", file=out)
    return cli.EXIT_OK
