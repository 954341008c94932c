"""The people who sign in to VMA Desk: users, their roles, and the rules for PINs and wrong PINs.

A user is a staff member of the front office who works in VMA Desk (a VMA, the front desk, the
practice manager, a trainer). Each has a PIN, kept only as an Argon2id hash inside the encrypted
workspace (see `storage/pins.py`). These rules are pure: no hashing, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from vma_desk.core.errors import ValidationError

MIN_PIN_DIGITS = 6
#: a PIN that is not all digits is a password, and must be longer than the shortest PIN
MIN_PASSWORD = 8
MAX_PIN = 128
#: wrong PINs in a row after which the user needs a manager or the recovery key
MAX_FAILURES = 10
MAX_NAME = 60
#: the delay after a wrong PIN never grows past this
MAX_DELAY = timedelta(seconds=30)


class UserRole(StrEnum):
    VMA = "vma"
    FRONT_DESK = "front_desk"
    MANAGER = "manager"
    TRAINER = "trainer"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    UserRole.VMA: "Virtual medical assistant",
    UserRole.FRONT_DESK: "Front desk",
    UserRole.MANAGER: "Practice manager",
    UserRole.TRAINER: "Trainer",
}


@dataclass(frozen=True)
class User:
    name: str
    role: UserRole
    id: int | None = None
    active: bool = True
    failed_attempts: int = 0
    locked_out: bool = False
    #: the earliest time the next PIN may be tried (after a wrong one)
    retry_after: datetime | None = None
    last_sign_in: datetime | None = None
    last_sign_out: datetime | None = None

    @property
    def is_manager(self) -> bool:
        return self.role is UserRole.MANAGER

    def can_sign_in(self) -> bool:
        return self.active and not self.locked_out


def validate_user_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise ValidationError("name", "is required")
    if len(clean) > MAX_NAME:
        raise ValidationError("name", f"must be at most {MAX_NAME} characters")
    return clean


def validate_pin(pin: str, confirmation: str | None = None) -> str:
    """At least 6 digits, or a password of at least 8 characters. The PIN is never echoed."""
    if not pin:
        raise ValidationError("pin", "is required")
    if pin != pin.strip():
        raise ValidationError("pin", "must not start or end with a space")
    if pin.isdigit():
        if len(pin) < MIN_PIN_DIGITS:
            raise ValidationError("pin", f"must be at least {MIN_PIN_DIGITS} digits")
    elif len(pin) < MIN_PASSWORD:
        raise ValidationError(
            "pin", f"must be at least {MIN_PIN_DIGITS} digits, or a password of at least "
                   f"{MIN_PASSWORD} characters")
    if len(pin) > MAX_PIN:
        raise ValidationError("pin", f"must be at most {MAX_PIN} characters")
    if confirmation is not None and confirmation != pin:
        raise ValidationError("confirmation", "does not match the PIN")
    return pin


def retry_delay(failures: int) -> timedelta:
    """How long to wait after the `failures`-th wrong PIN in a row: 1, 2, 4, 8, 16, 30, 30… seconds."""
    if failures <= 0:
        return timedelta(0)
    return min(MAX_DELAY, timedelta(seconds=2 ** (failures - 1)))


def wait_words(seconds: float) -> str:
    whole = max(1, round(seconds))
    return f"{whole} second{'s' if whole != 1 else ''}"
