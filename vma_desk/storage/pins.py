"""PIN hashing: Argon2id (argon2-cffi) with RFC 9106's second recommended parameter set.

t=3 passes over 64 MiB with 4 lanes takes roughly 100-250 ms on a 2-core laptop
(`benchmarks/sign_in_speed.py` measures it): slow enough that guessing a 6-digit PIN offline costs
days of one core per workspace, fast enough that signing in feels immediate. The hash (with its
salt and parameters) is stored only inside the encrypted workspace, so an attacker needs the
workspace key before they can even start guessing.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher


@cache
def _hasher() -> PasswordHasher:
    """argon2-cffi, imported when a PIN is first set or checked, not at every start."""
    from argon2 import PasswordHasher
    from argon2.profiles import RFC_9106_LOW_MEMORY

    return PasswordHasher.from_parameters(RFC_9106_LOW_MEMORY)


def hash_pin(pin: str) -> str:
    return _hasher().hash(pin)


def verify_pin(pin_hash: str, pin: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(pin_hash: str) -> bool:
    """True when the hash was made with other parameters than today's (rehashed at sign-in)."""
    from argon2.exceptions import InvalidHashError

    try:
        return _hasher().check_needs_rehash(pin_hash)
    except InvalidHashError:
        return True
