"""No plaintext patient data on disk: not the database, its WAL, settings, or logs."""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path

from tests.conftest import signed_in, unlock
from vma_desk.core.records import CareGap, Insurance, Patient, Phone, PlanType, Practice
from vma_desk.services import Services
from vma_desk.storage.workspace import Workspace

UNIQUE_FIRST = "Quilliam"
UNIQUE_LAST = "Thistlewood-Varga"
MEMBER_ID = "ZQX-7781-PRIV"


def needles() -> list[bytes]:
    out = []
    for text in (UNIQUE_FIRST, UNIQUE_LAST, MEMBER_ID, "5550163"):
        out += [text.encode("utf-8"), text.encode("utf-16-le"), text.lower().encode()]
    return out


def scan(folder: Path) -> list[str]:
    hits = []
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            data = path.read_bytes()
            hits += [f"{path}: {n!r}" for n in needles() if n in data]
    return hits


def test_a_patient_never_reaches_disk_in_plaintext(qtbot, data_dir, keystore, settings_home, tmp_path):
    from PySide6.QtCore import QSettings

    from vma_desk.ui.main_window import MainWindow
    from vma_desk.ui.settings import Preferences

    workspace, _ = Workspace.create(data_dir, keystore)
    services = Services.for_workspace(workspace)
    services.practice.save(Practice("Privacy Clinic", "America/Chicago"))
    saved, _ = services.patients.create(Patient(
        UNIQUE_FIRST, UNIQUE_LAST, date(1977, 7, 7), phones=(Phone("(312) 555-0163"),),
        insurance=Insurance("Prairie Health", MEMBER_ID, PlanType.HMO),
        care_gaps=(CareGap("A1c", date(2026, 1, 1)),), notes=f"Prefers {UNIQUE_LAST} spelled out",
    ))
    from vma_desk.ui import crash

    log_path = crash.setup_logging()  # the app's real log file, scanned below
    logging.getLogger("vma_desk").warning("a log line while the patient is open")
    settings = QSettings(str(settings_home / "privacy.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, keystore, preferences=Preferences(settings),
                        services=signed_in(services))
    qtbot.addWidget(window)
    window.show()
    window.open_patient_editor(saved.id)
    qtbot.wait(50)
    window.lock()
    unlock(window)
    window.close()  # saves geometry to settings, closes the workspace and checkpoints the WAL

    assert (data_dir / "workspace.vmadesk").exists()
    places = [data_dir, settings_home, tmp_path]
    xdg_data = os.environ.get("XDG_DATA_HOME")
    if xdg_data:
        places.append(Path(xdg_data))  # the app's log folder lives there under the test keyring
    places.append(log_path.parent)
    assert log_path.read_text(encoding="utf-8")  # the log was written, and is scanned
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "baseFilename", None) == str(log_path):
            logging.getLogger().removeHandler(handler)
            handler.close()
    hits = [h for place in places for h in scan(place)]
    assert hits == []
    keystore.delete(workspace.workspace_id)
