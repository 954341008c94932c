"""Demo workspaces for the demo tests: one-year demos made through `generate` on a fixed clock,
closed and taken out of the keyring afterwards. A test module's shared demo comes from
`module_demos`; a test that makes its own (same seed again, another seed) uses `demos`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from vma_desk.core.clock import FixedClock
from vma_desk.demo import generate
from vma_desk.services import Services
from vma_desk.storage.keys import KeyStore
from vma_desk.storage.workspace import Workspace

ANCHOR = date(2026, 3, 2)  # a Monday


class Demos:
    def __init__(self, keystore: KeyStore) -> None:
        if not keystore.available:
            pytest.fail(f"no Secret Service: run the suite with scripts/dev.sh test ({keystore.reason})")
        self.keystore = keystore
        self.made: list[Workspace] = []

    def make(self, folder: Path, *, now: datetime, seed: int = 1, anchor: date = ANCHOR) -> Services:
        ws, _ = Workspace.create(folder, self.keystore)
        self.made.append(ws)
        services = Services.for_workspace(ws, clock=FixedClock(now), user="trainer@desk")
        generate(services, seed=seed, years=1, anchor=anchor)
        return services

    def close(self) -> None:
        for ws in self.made:
            ws.close()
            self.keystore.delete(ws.workspace_id)


@pytest.fixture(scope="module")
def module_demos() -> Iterator[Demos]:
    demos = Demos(KeyStore.from_environment())
    yield demos
    demos.close()


@pytest.fixture
def demos(keystore: KeyStore) -> Iterator[Demos]:
    made = Demos(keystore)
    yield made
    made.close()
