"""`vma-desk export fhir` (the command module, run on a parser of its own until `vma_desk.cli`
registers it under `export`): writes the bundle readable by its owner only, as an AES-256 zip with a
password file, audits the export and the sign-in, and prints one line naming the file."""

from __future__ import annotations

import argparse
import io
import json
import stat
from pathlib import Path

import pytest
import pyzipper
from fhir.resources.R4B.bundle import Bundle

from tests.cli.test_export_ics import audit_of, folder  # noqa: F401 - the fixture
from vma_desk.commands import fhir_export
from vma_desk.core.records import AuditAction
from vma_desk.storage.keys import KeyStore


def run(*argv: object) -> tuple[int, str]:
    parser = argparse.ArgumentParser()
    fhir_export.add_parser(parser.add_subparsers(dest="export_command"))
    args = parser.parse_args([str(a) for a in argv])
    args.demo, args.command = False, "export"
    out = io.StringIO()
    return fhir_export.run(args, out), out.getvalue()


def test_writes_the_bundle_and_audits_it(folder: Path, tmp_path: Path, keystore: KeyStore):  # noqa: F811
    out = tmp_path / "week.json"
    status, printed = run("fhir", "--data-dir", folder, "--from", "2026-03-02", "--to", "2026-03-13",
                          "--out", out)
    assert status == 0
    assert printed == f"Wrote the FHIR bundle of 2026-03-02 to 2026-03-13 to {out}; not encrypted.\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    bundle = Bundle.model_validate_json(out.read_bytes())
    assert len([e for e in bundle.entry or [] if e.resource.get_resource_type() == "Appointment"]) == 3
    exports = [e for e in audit_of(folder, keystore) if e.action is AuditAction.EXPORT]
    assert [e.detail for e in exports] == [
        f"fhir bundle: {len(bundle.entry or [])} resources, 2026-03-02..2026-03-13; not encrypted"]
    assert "Ames" not in json.dumps([e.detail for e in audit_of(folder, keystore)])


def test_with_a_password_file_writes_a_zip_that_opens_with_it(folder: Path, tmp_path: Path):  # noqa: F811
    secret = tmp_path / "password.txt"
    secret.write_text("correct horse\n")
    out = tmp_path / "week.zip"
    status, printed = run("fhir", "--data-dir", folder, "--from", "2026-03-02", "--to", "2026-03-13",
                          "--out", out, "--password-file", secret)
    assert status == 0 and printed.endswith("an AES-256 zip.\n")
    with pyzipper.AESZipFile(out) as archive:
        archive.setpassword(b"correct horse")
        assert json.loads(archive.read("bundle.json"))["resourceType"] == "Bundle"


def test_a_period_ending_before_it_starts_writes_nothing(folder: Path, tmp_path: Path):  # noqa: F811
    from vma_desk.core.errors import ValidationError

    out = tmp_path / "week.json"
    with pytest.raises(ValidationError, match="on or after the first day"):
        run("fhir", "--data-dir", folder, "--from", "2026-03-13", "--to", "2026-03-02", "--out", out)
    assert not out.exists()
