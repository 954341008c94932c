"""Exports the user asked for: a report's bytes written to the file the user chose, encrypted
with AES-256 first when a password is given, owner-only, never over an existing file unless asked,
and recorded in the audit trail (what kind, which day or patient id, whether encrypted; never a
name or the path's folder)."""

from __future__ import annotations

from pathlib import Path

from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.core.records import AuditAction
from vma_desk.reports.pdf import MIN_PASSWORD, protect
from vma_desk.services.base import ServiceContext
from vma_desk.storage.files import write_private


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
        user chose, then audit it; a failed audit removes the file again."""
        data = self.finish(pdf, password=password)
        if out.exists() and not replace:
            raise ValidationError("out", "a file of that name exists already: choose another name")
        try:
            write_private(out, data, replace=replace)
        except FileExistsError as error:
            raise ValidationError("out", "a file of that name exists already: choose another name") from error
        except OSError as error:
            raise KnownError(f"The file could not be written ({error.strerror or 'error'}).") from error
        try:
            with self.ctx.transaction():
                self.ctx.audit(AuditAction.EXPORT, "pdf", kind,
                               f"{detail}; {'encrypted AES-256' if password else 'not encrypted'}")
        except BaseException:
            out.unlink(missing_ok=True)
            raise
        return out
