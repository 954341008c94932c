"""`vma-desk export fhir`: a period of the workspace as a FHIR R4 bundle for the practice's EHR
(services/ehr/fhir_io.py does the work).

It is a kind of `export`, whose parser `vma_desk.cli` builds: `cli._export_parser` calls
`add_parser(kinds)`, and `cli.run` calls `run(args, out)` for `args.export_command == "fhir"`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from vma_desk.commands import common

# vma_desk.services is imported inside `run`, on purpose: building the parser then loads neither the
# services nor fhir.resources

KIND = "fhir"

_HELP = (
    "Write the visits of --from to --to (practice dates, both included) as a FHIR R4 Bundle (JSON) "
    "for the practice's EHR: the patients concerned (name, date of birth, phones), the providers, "
    "the visits with their status and times, and the VMA's calls and messages (their category only, "
    "never their notes or words) and refill requests and referrals (the medication or specialty). "
    "Written readable by you only; with --password-file as an AES-256 zip holding bundle.json. "
    "Recorded in the audit trail. " + common.USER_HELP)


def add_parser(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fhir = kinds.add_parser(KIND, help="a period's visits and work as a FHIR R4 bundle for the EHR",
                            description=_HELP, epilog=common.EXIT_HELP)
    common.data_dir_option(fhir, argparse.SUPPRESS)
    fhir.add_argument("--from", dest="start", type=common.day, required=True, metavar="YYYY-MM-DD",
                      help="the first day (practice date)")
    fhir.add_argument("--to", dest="end", type=common.day, required=True, metavar="YYYY-MM-DD",
                      help="the last day (included)")
    fhir.add_argument("--out", type=Path, required=True, metavar="FILE",
                      help="the file to write (.json; .zip with --password-file)")
    fhir.add_argument("--password-file", type=Path, metavar="FILE",
                      help="write an AES-256 zip protected by the password on the first line of FILE "
                           "(at least 8 characters)")
    fhir.add_argument("--force", action="store_true", help="replace FILE if it exists")
    common.user_options(fhir)
    common.unlock_options(fhir)


def run(args: argparse.Namespace, out: TextIO) -> int:
    from vma_desk.services.ehr.fhir_io import write_export
    from vma_desk.services.exports import ExportService

    target = common.target(args)
    password = common.read_secret(args.password_file, "password") if args.password_file else None
    ExportService.check_password(password)
    services = common.unlock_workspace(args, common.data_dir_of(args, demo=args.demo))
    try:
        who = common.who(services, args)
        with common.options(out="--out"):
            write_export(services, args.start, args.end, target, password, replace=args.force,
                         first=lambda: common.act_as(services, who, args))
    finally:
        services.workspace.close()
    print(f"Wrote the FHIR bundle of {args.start.isoformat()} to {args.end.isoformat()} to {target}; "
          f"{'an AES-256 zip' if password else 'not encrypted'}.", file=out)
    return common.EXIT_OK
