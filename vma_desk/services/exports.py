"""Exports the user asked for: a report's bytes written to the file the user chose, encrypted
with AES-256 first when a password is given, owner-only, never over an existing file unless asked
(and then only once the new file is complete: a failed write leaves the earlier one as it was),
and recorded in the audit trail (what kind, which day or patient id, whether encrypted; never a
name or the path's folder)."""

from __future__ import annotations

import io
import secrets
from collections.abc import Callable
from pathlib import Path

from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.core.records import AuditAction, AuditEntry
from vma_desk.services.base import ServiceContext
from vma_desk.storage.audit import AuditRepository
from vma_desk.storage.files import check_target, fill, private_temp, publish

MIN_PASSWORD = 8


def protect(pdf: bytes, password: str) -> bytes:
    """The same PDF encrypted with AES-256 (revision 6, through `cryptography`), in memory: opening
    needs `password`; a random owner password nobody knows keeps the permissions as they are.
    (reportlab's own encryption defaults to RC4, and its AES-256 output does not open in poppler
    or pypdf: reports render unencrypted to memory and are encrypted here before any write.)"""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=password, owner_password=secrets.token_urlsafe(24), algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class ExportService:
    def __init__(self, context: ServiceContext) -> None:
        self.ctx = context

    @staticmethod
    def check_password(password: str | None) -> None:
        if password is not None and len(password) < MIN_PASSWORD:
            raise ValidationError("password", f"use at least {MIN_PASSWORD} characters")

    def finish(self, pdf: bytes, *, password: str | None) -> bytes:
        """The bytes to write: encrypted when a password is given."""
        self.check_password(password)
        return protect(pdf, password) if password else pdf

    def write_pdf(self, pdf: bytes, out: Path, *, kind: str, detail: str, password: str | None = None,
                  replace: bool = False, protected: bool = False) -> Path:
        """Write the report (`kind` e.g. "huddle"; `detail` e.g. "2026-03-02, provider 3") where the
        user chose, with its audit entry (see `deliver`). `protected`: `pdf` is `finish`'s output
        already (the window encrypts on a worker thread), encrypted with `password`."""
        if protected and not password:
            raise ValueError("a protected PDF names the password it was encrypted with")
        data = pdf if protected else self.finish(pdf, password=password)

        def audited() -> bytes:
            self.ctx.audit(AuditAction.EXPORT, "pdf", kind,
                           f"{detail}; {'encrypted AES-256' if password else 'not encrypted'}")
            return data

        deliver(self.ctx, out, audited, replace=replace)
        return out

    def write_file(self, out: Path, make: Callable[[], bytes], *, replace: bool = False) -> bytes:
        """Any export (`make` makes the bytes and records its audit entry): see `deliver`."""
        return deliver(self.ctx, out, make, replace=replace)

    def record_print(self, *, kind: str, detail: str, pages: int) -> None:
        """A report sent to a printer is an export too."""
        with self.ctx.transaction():
            self.ctx.audit(AuditAction.EXPORT, "print", kind, f"{detail}; {pages} page(s)")


def deliver(ctx: ServiceContext, out: Path, make: Callable[[], bytes], *, replace: bool = False) -> bytes:
    """Write the bytes `make()` returns to `out` (owner-only; an existing file only with `replace`)
    with the export's audit entry, which `make` records. Returns the bytes.

    The order is what keeps both promises, "a failed write never destroys what was there" and "no
    audit entry for a file that was not written":

    1. the bytes are made, audited and written whole to a temporary file beside `out`, all inside
       one transaction: a full disk or a read-only folder rolls the entry back, and `out` was not
       touched;
    2. the transaction commits: when it cannot (a full database, a read-only workspace), the
       temporary file goes and `out`, whatever it held, was still not touched;
    3. only then is the temporary file renamed over `out`, in one step. A rename that fails after
       the commit (rare: the temporary file is already complete in the same folder) leaves the
       earlier file as it was, and the trail is told in a second entry that the export left no
       file; if even that entry cannot be saved, the error says so.

    A power cut between 2 and 3 leaves an entry and no file: never a file nobody audited.
    `make` runs inside the transaction (a refusal there writes nothing), so the caller must not hold
    one of its own (`all_or_nothing`): its commit would come after the rename."""
    out = Path(out)
    if getattr(ctx, "_depth", 0):
        raise RuntimeError("an export commits its own transaction: call it outside all_or_nothing()")
    try:
        check_target(out, replace=replace)
        with private_temp(out) as temp:
            with ctx.transaction():
                data = make()
                fill(temp, data)  # a full disk fails here: the entry is rolled back
                entry = AuditRepository(ctx.conn).page(0, 1)[0]  # the export's own entry
            try:
                publish(temp, out, replace=replace)
            except OSError as error:
                raise _not_delivered(ctx, entry, error) from error
    except FileExistsError as error:
        raise _exists() from error
    except OSError as error:
        raise KnownError(f"The file could not be written ({error.strerror or 'error'}).") from error
    return data


def _exists() -> ValidationError:
    return ValidationError("out", "a file of that name exists already: choose another name")


def _not_delivered(ctx: ServiceContext, entry: AuditEntry, error: OSError) -> Exception:
    """The export's entry is saved but its file could not be put in place: a second entry says so
    (the trail is append-only), and the error to show."""
    if isinstance(error, FileExistsError):
        reason = "a file of that name appeared meanwhile"
    else:
        reason = error.strerror or "error"
    try:
        with ctx.transaction():
            ctx.audit(AuditAction.EXPORT, entry.record_type, entry.record_id,
                      f"not written: entry {entry.id}'s file could not be put in place ({reason})")
    except Exception:  # noqa: BLE001 - the database refuses now too (full, read-only): say so
        return KnownError(f"The file could not be written ({reason}); an earlier file of that name was "
                          "left as it was. The audit trail records the export, and could not be told "
                          "that it left no file.")
    if isinstance(error, FileExistsError):
        return _exists()
    return KnownError(f"The file could not be written ({reason}); an earlier file of that name was left "
                      "as it was.")
