"""Users who sign in: the first user, adding, deactivating and resetting users (a manager's work),
signing in with a PIN (growing delay and lock-out after wrong PINs), locking and signing out.

The signed-in user is kept on the `ServiceContext`, so every "by" field and audit entry written
afterwards carries their name. Nothing here ever stores or logs a PIN: only its Argon2id hash.
"""

from __future__ import annotations

from dataclasses import replace

from vma_desk.core.errors import KnownError, NotFoundError, SignInError, ValidationError
from vma_desk.core.records import AuditAction, Change, RecordKind
from vma_desk.core.users import (
    MAX_FAILURES,
    User,
    UserRole,
    retry_delay,
    validate_pin,
    validate_user_name,
    wait_words,
)
from vma_desk.services.base import ServiceContext
from vma_desk.storage import pins
from vma_desk.storage.keys import parse_recovery_key
from vma_desk.storage.users_repository import UserRepository

#: the demo workspaces' published PIN (their data is fictional; shown on a demo's sign-in screen)
DEMO_PIN = "246810"


class NotAllowedError(KnownError):
    code = "not-allowed"


def manager_signed_in(ctx: ServiceContext) -> bool:
    """Whether the signed-in user is an active practice manager: who may manage users and change
    how the workspace is protected."""
    me = UserRepository(ctx.conn).get(ctx.user_id) if ctx.user_id is not None else None
    return me is not None and me.is_manager and me.active


def require_manager(ctx: ServiceContext, what: str) -> None:
    if not manager_signed_in(ctx):
        raise NotAllowedError(f"Only a practice manager can {what}.")


class UserService:
    def __init__(self, context: ServiceContext) -> None:
        self.ctx = context
        self.repo = UserRepository(context.conn)

    # --- reading ---------------------------------------------------------------------------------
    def all(self) -> list[User]:
        return self.repo.all()

    def active(self) -> list[User]:
        return [u for u in self.repo.all() if u.active]

    def get(self, user_id: int) -> User:
        user = self.repo.get(user_id)
        if user is None:
            raise NotFoundError(f"User {user_id} does not exist.")
        return user

    def by_name(self, name: str) -> User | None:
        return self.repo.by_name(" ".join(name.split()))

    def current(self) -> User | None:
        return self.repo.get(self.ctx.user_id) if self.ctx.user_id is not None else None

    @property
    def signed_in(self) -> bool:
        return self.ctx.user_id is not None

    def needs_first_user(self) -> bool:
        return self.repo.count() == 0

    # --- adding and changing users ----------------------------------------------------------------
    def create_first(self, name: str, pin: str, confirmation: str | None = None) -> tuple[User, Change]:
        """The workspace's first user, a practice manager, signed in at once."""
        if not self.needs_first_user():
            raise NotAllowedError("This workspace already has users: a practice manager adds more "
                                  "(Edit → Users…).")
        user, change = self._insert(name, UserRole.MANAGER, pin, confirmation, "first user")
        self._become(user)
        with self.ctx.transaction():
            self.repo.record_sign_in(user.id or 0, self.ctx.clock.now())
            self.ctx.audit(AuditAction.SIGN_IN, "user", user.id, "first user")
        return self.get(user.id or 0), change

    def add(self, name: str, role: UserRole, pin: str,
            confirmation: str | None = None) -> tuple[User, Change]:
        require_manager(self.ctx, "add users")
        return self._insert(name, role, pin, confirmation, f"role: {role.value}")

    def _insert(self, name: str, role: UserRole, pin: str, confirmation: str | None,
                detail: str) -> tuple[User, Change]:
        clean = validate_user_name(name)
        validate_pin(pin, confirmation)
        if self.repo.by_name(clean) is not None:
            raise ValidationError("name", "is already a user of this workspace")
        pin_hash = pins.hash_pin(pin)
        with self.ctx.transaction():
            user_id = self.repo.insert(User(clean, role), pin_hash, self.ctx.clock.now())
            self.ctx.audit(AuditAction.CREATE, "user", user_id, detail)
        return self.get(user_id), Change(RecordKind.USER, AuditAction.CREATE, (user_id,))

    def update(self, user_id: int, *, name: str | None = None, role: UserRole | None = None,
               active: bool | None = None) -> tuple[User, Change]:
        """Rename, change the role of, deactivate or reactivate a user (a manager's work). The last
        active practice manager can be neither deactivated nor given another role."""
        require_manager(self.ctx, "change users")
        before = self.get(user_id)
        after = replace(before, name=validate_user_name(name) if name is not None else before.name,
                        role=role or before.role, active=before.active if active is None else active)
        if after.name.casefold() != before.name.casefold():
            other = self.repo.by_name(after.name)
            if other is not None and other.id != user_id:
                raise ValidationError("name", "is already a user of this workspace")
        if before.is_manager and before.active and not (after.is_manager and after.active):
            if not [u for u in self.active() if u.is_manager and u.id != user_id]:
                raise ValidationError(
                    "active" if not after.active else "role",
                    "cannot change: this is the last active practice manager (add or reactivate "
                    "another manager first)")
        fields = [f for f in ("name", "role", "active") if getattr(before, f) != getattr(after, f)]
        if not fields:
            return before, Change(RecordKind.USER, AuditAction.UPDATE, (user_id,))
        with self.ctx.transaction():
            self.repo.update(after)
            self.ctx.audit(AuditAction.UPDATE, "user", user_id, "fields: " + ", ".join(fields))
        if user_id == self.ctx.user_id:
            self.ctx.user = after.name
        return self.get(user_id), Change(RecordKind.USER, AuditAction.UPDATE, (user_id,))

    def reset_pin(self, user_id: int, pin: str, confirmation: str | None = None) -> Change:
        """A manager sets a user's new PIN (and so ends a lock-out); anyone may change their own."""
        if user_id != self.ctx.user_id:
            require_manager(self.ctx, "reset another user's PIN")
        return self._set_pin(user_id, pin, confirmation, AuditAction.UPDATE, "PIN reset")

    def reset_pin_with_recovery_key(self, user_id: int, recovery_key: str, pin: str,
                                    confirmation: str | None = None) -> Change:
        """A locked-out user (or a forgotten PIN) with no manager at hand: the workspace's recovery
        key proves the right to set a new PIN."""
        try:
            key = parse_recovery_key(recovery_key)
        except ValidationError as exc:
            raise ValidationError("recovery_key", exc.message) from None
        if not self.ctx.workspace.matches_key(key):
            raise ValidationError("recovery_key", "is not this workspace's recovery key")
        return self._set_pin(user_id, pin, confirmation, AuditAction.RECOVER,
                             "PIN reset with the recovery key")

    def _set_pin(self, user_id: int, pin: str, confirmation: str | None, action: AuditAction,
                 detail: str) -> Change:
        """A new PIN (validated, hashed) for an existing user; it also ends a lock-out."""
        self.get(user_id)
        validate_pin(pin, confirmation)
        pin_hash = pins.hash_pin(pin)
        with self.ctx.transaction():
            self.repo.set_pin_hash(user_id, pin_hash)
            self.ctx.audit(action, "user", user_id, detail)
        return Change(RecordKind.USER, AuditAction.UPDATE, (user_id,))

    # --- signing in and out -----------------------------------------------------------------------
    def check_pin(self, user_id: int, pin: str) -> User:
        """Verify a user's PIN under the wrong-PIN rules, without signing them in. Each wrong PIN is
        audited (never what was typed) and makes the next try wait longer; the tenth in a row locks
        the user out until a manager or the recovery key sets a new PIN."""
        user = self.repo.get(user_id)
        if user is None:
            raise SignInError("Choose your name from the list.", field="user")
        now = self.ctx.clock.now()
        if not user.active:
            raise SignInError(f"{user.name} is deactivated. A practice manager can reactivate the "
                              "user (Edit → Users…).", field="user")
        if user.locked_out:
            raise SignInError(
                f"{user.name} is locked out after {MAX_FAILURES} wrong PINs in a row. A practice "
                "manager can set a new PIN (Edit → Users…), or use “Forgot PIN?” with the "
                "workspace's recovery key.")
        if user.retry_after is not None and now < user.retry_after:
            wait = (user.retry_after - now).total_seconds()
            raise SignInError(f"Wait {wait_words(wait)} before trying again.", wait_seconds=wait)
        if not pins.verify_pin(self.repo.pin_hash(user_id), pin):
            failures = user.failed_attempts + 1
            locked = failures >= MAX_FAILURES
            delay = retry_delay(failures)
            with self.ctx.transaction():
                self.repo.record_failure(user_id, failures, locked, now + delay)
                self.ctx.audit(AuditAction.SIGN_IN_FAILED, "user", user_id,
                               f"wrong PIN ({failures} in a row)" + ("; locked out" if locked else ""))
            if locked:
                raise SignInError(
                    f"That PIN is not right. After {MAX_FAILURES} wrong PINs in a row {user.name} is "
                    "locked out: a practice manager can set a new PIN, or use “Forgot PIN?” with "
                    "the recovery key.")
            left = MAX_FAILURES - failures
            raise SignInError(
                f"That PIN is not right. Try again in {wait_words(delay.total_seconds())}"
                + (f" ({left} tries left before a manager must reset it)." if left <= 5 else "."),
                wait_seconds=delay.total_seconds())
        return user

    def sign_in(self, user_id: int, pin: str) -> tuple[User, bool]:
        """Sign a user in with their PIN. Returns the user and whether this is a new sign-in (True)
        rather than the same user unlocking again after a lock (False): a new sign-in is when
        "Since your last shift" is shown. Signing in as someone else signs the previous user out."""
        user = self.check_pin(user_id, pin)
        if pins.needs_rehash(self.repo.pin_hash(user_id)):  # hashed with older parameters
            with self.ctx.transaction():
                self.repo.set_pin_hash(user_id, pins.hash_pin(pin))
        return user, self._start(user, detail="")

    def act_as(self, user: User, *, detail: str = "command line") -> None:
        """For the headless commands: act as a user whose right to do so was checked by the caller
        (a PIN from --pin-file, the only user, or a demo's trainer). Audited as a sign-in."""
        self._start(user, detail=detail)

    def _start(self, user: User, *, detail: str) -> bool:
        assert user.id is not None
        now = self.ctx.clock.now()
        resumed = self.ctx.user_id == user.id
        previous = self.ctx.user_id
        before = (self.ctx.user, self.ctx.user_id)
        try:
            with self.ctx.transaction():
                if previous is not None and not resumed:
                    self.repo.record_sign_out(previous, now)
                    self.ctx.audit(AuditAction.SIGN_OUT, "user", previous, "switch user")
                self.repo.record_sign_in(user.id, now)
                self._become(user)  # the sign-in entry is the new user's own
                self.ctx.audit(AuditAction.UNLOCK if resumed else AuditAction.SIGN_IN, "user", user.id,
                               detail)
        except BaseException:
            self.ctx.user, self.ctx.user_id = before  # not signed in after all
            raise
        return not resumed

    def _become(self, user: User) -> None:
        self.ctx.user = user.name
        self.ctx.user_id = user.id

    def record_lock(self, why: str) -> None:
        """Audit a lock (by the user who was signed in); the workspace is closed after this."""
        if self.ctx.workspace.is_locked:
            return
        with self.ctx.transaction():
            self.ctx.audit(AuditAction.LOCK, "workspace", self.ctx.workspace.workspace_id, why)

    def sign_out(self, detail: str = "") -> None:
        """End the signed-in user's session (end of shift, quitting, switching practice)."""
        if self.ctx.user_id is None:
            return
        with self.ctx.transaction():
            self.repo.record_sign_out(self.ctx.user_id, self.ctx.clock.now())
            self.ctx.audit(AuditAction.SIGN_OUT, "user", self.ctx.user_id, detail)
        self.ctx.user = self.ctx.workstation
        self.ctx.user_id = None
