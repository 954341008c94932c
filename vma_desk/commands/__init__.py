"""Headless subcommands that live in modules of their own (backup, restore, rekey, audit ...).

Each module listed in `MODULES` has `NAMES` (the command names it answers), `add_parsers(commands)`
(adds its subparsers to `vma-desk`'s) and `run(args, out, err) -> int` (its exit status; known
errors may be raised: `cli.run` turns them into messages and exit codes). They share the command
line's helpers (unlocking, choosing the user, reading secrets, the progress bar) with `vma_desk.cli`
through `vma_desk.commands.common`, imported at the top; no command module imports `vma_desk.cli`
(an import-linter contract in pyproject.toml).
"""

from __future__ import annotations

import importlib
from types import ModuleType

#: one line per module; keep it sorted
MODULES: tuple[str, ...] = (
    "vma_desk.commands.audit",
    "vma_desk.commands.backup",
    "vma_desk.commands.ehr",
    "vma_desk.commands.keys",
)


def modules() -> list[ModuleType]:
    return [importlib.import_module(name) for name in MODULES]
