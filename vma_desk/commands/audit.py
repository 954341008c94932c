"""`vma-desk audit`: the audit trail of a period as CSV (with each entry's MAC), itself recorded in
the audit trail. The file is written whole or not at all, readable by its owner only, and never over
an existing file without --force."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from vma_desk.commands import common
from vma_desk.core import wording

# vma_desk.services is imported inside the functions that use it, on purpose: building the
# parser (`vma-desk --help`, the window's start-up) then does not load the services

NAMES = ("audit",)

_HELP = ("Export the audit trail of the practice's days FROM to TO (both included) as CSV: id, time "
         "(UTC), user, workstation, action, record type, record id, detail and the entry's MAC, so "
         "the file can be compared with `vma-desk check`'s verdict. The trail holds record ids and "
         "field names, never patient values. The export is recorded in the audit trail.")


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = commands.add_parser("audit", help="export the audit trail of a period as CSV",
                                description=_HELP + " " + common.USER_HELP, epilog=common.EXIT_HELP)
    common.data_dir_option(audit, argparse.SUPPRESS)
    audit.add_argument("--from", dest="start", type=common.day, required=True, metavar="YYYY-MM-DD",
                       help="the first day (practice time)")
    audit.add_argument("--to", dest="end", type=common.day, required=True, metavar="YYYY-MM-DD",
                       help="the last day (practice time)")
    audit.add_argument("--out", type=Path, required=True, metavar="FILE.csv",
                       help="the file to write (readable by you only)")
    audit.add_argument("--force", action="store_true", help="replace FILE if it exists")
    common.user_options(audit)
    common.unlock_options(audit)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from vma_desk.services.audit import AuditService

    # common.day refuses dates it cannot place; the service refuses a period that ends before it
    # starts (reported under --to), here before anything is opened
    with common.options(to="--to"):
        AuditService.check_period(args.start, args.end)
    target = common.target(args)
    services = common.unlock_workspace(args, common.data_dir_of(args, demo=args.demo))
    try:
        who = common.who(services, args)
        with services.context.all_or_nothing():
            common.act_as(services, who, args)
        # its own transaction: the export's entry is committed before its file is put in place
        with common.options(out="--out", to="--to"):
            count = services.audit.export_csv(args.start, args.end, target, replace=args.force)
    finally:
        services.workspace.close()
    print(f"Wrote {wording.plural(count, 'audit entry', 'audit entries')} ({args.start.isoformat()} to "
          f"{args.end.isoformat()}) to {target}.", file=out)
    return common.EXIT_OK
