"""Shared fixtures. Qt runs offscreen; settings and app data go to a temporary folder.

The keyring is real: the test command (scripts/dev.sh test) runs pytest beside a gnome-keyring-daemon
in a private D-Bus session. Tests refuse to run against a user's own session keyring.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SETTINGS_HOME = tempfile.mkdtemp(prefix="vma-desk-settings-")
os.environ["XDG_CONFIG_HOME"] = _SETTINGS_HOME  # QSettings' location, scanned by the privacy test
if "VMA_DESK_KEEP_XDG_DATA" not in os.environ:
    # the app's log folder: never the developer's own ~/.local/share (the keyring daemon already
    # runs, with its own folder, when the tests start)
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="vma-desk-data-")
os.environ.pop("PYTHON_KEYRING_BACKEND", None)

import pytest  # noqa: E402

from vma_desk.core.clock import FixedClock  # noqa: E402
from vma_desk.core.records import Practice  # noqa: E402
from vma_desk.services import Services  # noqa: E402
from vma_desk.storage.keys import KeyStore  # noqa: E402
from vma_desk.storage.workspace import Workspace  # noqa: E402

#: the PIN of the user `signed_in` makes
TEST_PIN = "135790"


def signed_in(services: Services, name: str = "Test VMA") -> Services:
    """The services with the workspace's first user (a practice manager) created and signed in,
    as the main window needs before it shows anything."""
    services.users.create_first(name, TEST_PIN)
    return services


def unlock(window, pin: str = TEST_PIN) -> None:  # noqa: ANN001 - a MainWindow
    """Sign in on a locked main window's sign-in page as a user would: type the PIN, press Sign in."""
    window.sign_in_page.pin.setText(pin)
    window.sign_in_page.button.click()
    assert not window.locked, window.sign_in_page.error.text()


@contextlib.contextmanager
def umask(mask: int) -> Iterator[None]:
    """Run with another process umask (files' modes must not depend on it)."""
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file in `folder` with its SHA-256: "byte-for-byte as it was" is equality of two."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir()) if p.is_file()
    }


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui" in str(item.path).replace(os.sep, "/"):
            item.add_marker("gui")


@pytest.fixture(scope="session")
def settings_home() -> Path:
    return Path(_SETTINGS_HOME)


@pytest.fixture
def keystore() -> KeyStore:
    store = KeyStore.from_environment()
    if not store.available:
        pytest.fail(
            "no Secret Service: run the suite with scripts/dev.sh test, which starts one "
            f"({store.reason})"
        )
    return store


@pytest.fixture
def clock() -> FixedClock:
    # Monday 2026-03-02 09:30 in Chicago
    return FixedClock(datetime(2026, 3, 2, 15, 30, tzinfo=UTC))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "workspace"


@pytest.fixture
def workspace(data_dir: Path, keystore: KeyStore) -> Iterator[Workspace]:
    ws, _ = Workspace.create(data_dir, keystore)
    yield ws
    ws.close()
    keystore.delete(ws.workspace_id)


@pytest.fixture
def services(workspace: Workspace, clock: FixedClock) -> Services:
    svc = Services.for_workspace(workspace, clock=clock, user="tester@desk")
    svc.practice.save(Practice(name="Lakeside Family Medicine", time_zone="America/Chicago"))
    return svc
