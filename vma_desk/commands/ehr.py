"""`vma-desk import`: the practice's schedule and patients from its EHR (a FHIR R4 bundle, a CSV
appointment report under a mapping profile, or a provider's iCalendar feed). It prints what it does
(or, with --dry-run, would do): patients new / matched / refused, visits new / moved / cancelled /
unchanged / refused, each refused row with its line or resource and the reason. The import is one
transaction (all or nothing) and one audit entry (counts and the file's name, never a value). A file
that cannot be read (malformed, the wrong header, a date in another format, an end before its
start, over 50 MB) is refused with the line or resource: exit 2, nothing imported."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from vma_desk.commands import common

NAMES = ("import",)

_HELP = ("Import visits and patients from a file the practice's EHR exported: FHIR R4 (a Bundle of "
         "Patient, Practitioner and Appointment, .json), CSV (an appointment report read under a "
         "mapping profile: --profile generic or a TOML file of your own) or iCalendar (one provider's "
         "schedule: --provider NAME). Visits are matched by the source and its id, patients by the "
         "source's id or exactly by name and date of birth; what VMA Desk recorded (confirmations, "
         "eligibility, attempts, notes) is kept. All or nothing, audited.")


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("import", help="import the schedule and patients from the EHR",
                                 description=_HELP + " " + common.USER_HELP, epilog=common.EXIT_HELP)
    common.data_dir_option(parser, argparse.SUPPRESS)
    parser.add_argument("--from", dest="source", type=Path, required=True, metavar="FILE",
                        help="the file to import (.json, .csv or .ics)")
    parser.add_argument("--format", choices=("fhir", "csv", "ics"),
                        help="the file's format (default: from its name)")
    parser.add_argument("--profile", default="generic", metavar="NAME_OR_FILE",
                        help="the CSV mapping profile: 'generic' (built in) or a TOML file")
    parser.add_argument("--provider", default="", metavar="NAME",
                        help="whose schedule an iCalendar file is (a provider of the practice)")
    parser.add_argument("--dry-run", action="store_true", help="say what would change; change nothing")
    parser.add_argument("--add-providers", action="store_true",
                        help="add practitioners the practice does not have yet as providers (else their "
                             "visits are refused)")
    common.user_options(parser)
    common.unlock_options(parser)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from vma_desk.services.ehr_import import ImportService

    services = common.unlock_workspace(args, common.data_dir_of(args, demo=args.demo))
    try:
        importer = ImportService(services.context)
        # the file is read before anyone is signed in: a file refused changes nothing at all
        batch = importer.read(args.source, args.format, profile=args.profile, provider=args.provider)
        if not args.dry_run:  # a dry run writes nothing, a sign-in included
            who = common.who(services, args)
            with services.context.all_or_nothing():
                common.act_as(services, who, args)
        outcome, _change = importer.run(batch, dry_run=args.dry_run, add_providers=args.add_providers,
                                        source=args.source.name)
    finally:
        services.workspace.close()
    plan = outcome.plan
    print(plan.summary(), file=out)
    for where, why in plan.refusals():
        print(f"refused: {where}: {why}", file=out)
    for visit in plan.visits:
        if visit.note:
            print(f"flagged: {visit.source.ref}: {visit.note}", file=out)
    print("Dry run: nothing was changed." if args.dry_run else
          f"Imported from {args.source.name} (source {plan.system}).", file=out)
    return common.EXIT_OK
