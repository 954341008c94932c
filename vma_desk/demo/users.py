"""The demo practice's users: the people who sign in to its VMA Desk, all with the published demo PIN.

A practice manager, three VMAs, the front desk (the roster's front-desk staff member, so the same
person appears in both places) and a trainer, who makes the demo and runs commands on it. The names
come from the seed, with surnames no one on the staff roster has. Every user's PIN is `DEMO_PIN`,
shown on a demo's sign-in screen: the data is fictional, so the PIN protects nothing and is meant not
to. One Argon2id hash serves them all (hashing costs about 0.2 s; a published PIN needs no salt of
its own per user).
"""

from __future__ import annotations

from datetime import datetime

from vma_desk.core.records import Role
from vma_desk.core.users import User, UserRole, validate_user_name
from vma_desk.demo import names, practice
from vma_desk.demo.randomness import stream
from vma_desk.services.users import DEMO_PIN
from vma_desk.storage import pins
from vma_desk.storage.users_repository import UserRepository

#: who signs in to the demo, in the order they are added
USER_SLOTS = (UserRole.MANAGER, UserRole.VMA, UserRole.VMA, UserRole.VMA, UserRole.FRONT_DESK,
              UserRole.TRAINER)


def demo_users(seed: int) -> list[User]:
    """The demo's users for `seed` (without ids), drawn from the seed only."""
    roster = practice.roster_names(seed)
    slots = practice.PROVIDER_SLOTS + practice.STAFF_SLOTS
    front_desk = next(name for name, slot in zip(roster, slots, strict=True) if slot.role is Role.FRONT_DESK)
    taken = {name.split()[-1] for name in roster}
    rng = stream(seed, "practice-users")
    chosen: list[User] = []
    for role in USER_SLOTS:
        if role is UserRole.FRONT_DESK:
            chosen.append(User(front_desk, role))
            continue
        while True:
            sex = rng.choice("FM")
            surname = names.surname(rng)
            name = f"{names.first_name(rng, sex, rng.randint(1965, 1998))} {surname}"
            if surname not in taken:
                taken.add(surname)
                chosen.append(User(validate_user_name(name), role))
                break
    return chosen


def write(repo: UserRepository, seed: int, now: datetime) -> list[User]:
    """Add the demo's users (call inside the generator's transaction); returns them with their ids."""
    pin_hash = pins.hash_pin(DEMO_PIN)
    return [User(u.name, u.role, id=repo.insert(u, pin_hash, now)) for u in demo_users(seed)]


def trainer(users: list[User]) -> User | None:
    """The demo's trainer: the user the demo is made by, and whom commands run as on a demo."""
    return next((u for u in users if u.role is UserRole.TRAINER and u.active), None)
