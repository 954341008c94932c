"""The composition root: parses the arguments and hands over to the headless subcommands
(`vma_desk.cli`, no Qt loaded) or to the window's start-up (`vma_desk.ui.application.run_gui`:
QApplication, logging, unlock, services, main window). Names and paths live in the leaf
`vma_desk.paths`, so nothing imports this module back.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from vma_desk import cli

    args = cli.parse_args(sys.argv[1:] if argv is None else argv)
    if args.command:
        return cli.run(args)
    from vma_desk.ui.application import run_gui

    return run_gui(args)
