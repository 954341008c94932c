"""Exports the user asked for: a report's bytes written to the file the user chose, encrypted
with AES-256 first when a password is given, owner-only, never over an existing file unless asked
(and then only once the new file is complete: a failed write leaves the earlier one as it was),
and recorded in the audit trail (what kind, which day or patient id, whether encrypted; never a
name or the path's folder)."""

from __future__ import annotations

import io
import secrets
from pathlib import Path

from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.core.records import AuditAction
from vma_desk.services.base import ServiceContext
from vma_desk.storage.files import publish, staged_private

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
                  replace: bool = False) -> Path:
        """Write the report (`kind` e.g. "huddle"; `detail` e.g. "2026-03-02, provider 3") where the
        user chose, with its audit entry: both or neither."""
        data = self.finish(pdf, password=password)
        if out.exists() and not replace:
            raise ValidationError("out", "a file of that name exists already: choose another name")
        written = False
        try:
            # the file is written whole to a temporary file first (a full disk fails here, and an
            # earlier file of that name stays as it was), then audited and renamed into place
            # together: a file that cannot be renamed leaves no entry (the transaction rolls back);
            # an entry that cannot be committed leaves no file
            with staged_private(out, data, replace=replace) as temp, self.ctx.transaction():
                self.ctx.audit(AuditAction.EXPORT, "pdf", kind,
                               f"{detail}; {'encrypted AES-256' if password else 'not encrypted'}")
                publish(temp, out, replace=replace)
                written = True
        except FileExistsError as error:
            raise ValidationError("out", "a file of that name exists already: choose another name") from error
        except OSError as error:
            raise KnownError(f"The file could not be written ({error.strerror or 'error'}).") from error
        except BaseException:
            if written:  # the commit failed after the write
                out.unlink(missing_ok=True)
            raise
        return out

    def record_print(self, *, kind: str, detail: str, pages: int) -> None:
        """A report sent to a printer is an export too."""
        with self.ctx.transaction():
            self.ctx.audit(AuditAction.EXPORT, "print", kind, f"{detail}; {pages} page(s)")
