"""The practice and its staff: settings that drive every time rule and routing choice."""

from __future__ import annotations

from dataclasses import replace

from vma_desk.core.errors import NotFoundError, ValidationError
from vma_desk.core.records import AuditAction, Change, Practice, RecordKind, Role, StaffMember
from vma_desk.core.validation import validate_practice, validate_staff
from vma_desk.services.base import ServiceContext, changed_fields
from vma_desk.storage.repositories import PracticeRepository, StaffRepository


class PracticeService:
    def __init__(self, context: ServiceContext) -> None:
        self.ctx = context
        self.practices = PracticeRepository(context.conn)
        self.staff_repo = StaffRepository(context.conn)

    def get(self) -> Practice:
        practice = self.practices.get()
        if practice is None:
            raise NotFoundError("The workspace has no practice set up yet.")
        return practice

    def is_set_up(self) -> bool:
        return self.practices.get() is not None

    def save(self, practice: Practice) -> Change:
        clean = validate_practice(practice)
        with self.ctx.transaction():
            before = self.practices.get()
            action = AuditAction.UPDATE if before else AuditAction.CREATE
            self.practices.save(clean)
            self.ctx.audit(action, "practice", 1, changed_fields(before, clean) if before else "")
        return Change(RecordKind.PRACTICE, action, (1,))

    def staff(self, *, role: Role | None = None, active_only: bool = True) -> list[StaffMember]:
        return [
            s for s in self.staff_repo.all()
            if (role is None or s.role is role) and (s.active or not active_only)
        ]

    def providers(self) -> list[StaffMember]:
        return self.staff(role=Role.PROVIDER)

    def add_staff(self, member: StaffMember) -> tuple[StaffMember, Change]:
        clean = validate_staff(replace(member, id=None))
        self._check_supports(clean)
        with self.ctx.transaction():
            staff_id = self.staff_repo.insert(clean)
            self.ctx.audit(AuditAction.CREATE, "staff", staff_id)
        return replace(clean, id=staff_id), Change(RecordKind.STAFF, AuditAction.CREATE, (staff_id,))

    def update_staff(self, member: StaffMember) -> tuple[StaffMember, Change]:
        if member.id is None:
            raise ValidationError("id", "an unsaved staff member cannot be updated")
        clean = validate_staff(member)
        self._check_supports(clean)
        with self.ctx.transaction():
            self.staff_repo.update(clean)
            self.ctx.audit(AuditAction.UPDATE, "staff", member.id)
        return clean, Change(RecordKind.STAFF, AuditAction.UPDATE, (member.id,))

    def _check_supports(self, member: StaffMember) -> None:
        providers = {p.id for p in self.staff(role=Role.PROVIDER, active_only=False)}
        if not member.supports <= providers:
            raise ValidationError("supports", "names someone who is not a provider")
