"""The demo's users: a manager, three VMAs, the front desk and a trainer, all with the published
demo PIN, the same for the same seed; the demo is made by its trainer."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.demo.conftest import Demos
from vma_desk.core.records import Role
from vma_desk.core.users import UserRole
from vma_desk.demo import users as demo_users
from vma_desk.services import Services
from vma_desk.services.users import DEMO_PIN

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo(module_demos: Demos, tmp_path_factory: pytest.TempPathFactory) -> Services:
    return module_demos.make(tmp_path_factory.mktemp("users") / "demo", now=NOW)


def test_the_demo_has_its_users_with_the_demo_pin(demo: Services):
    users = demo.users.all()
    assert sorted(u.role for u in users) == sorted(demo_users.USER_SLOTS)
    assert {u.role for u in users} == set(UserRole)
    assert all(u.active and not u.locked_out for u in users)
    assert {u.name for u in users} == {u.name for u in demo_users.demo_users(1)}
    for user in users:
        assert demo.users.check_pin(user.id, DEMO_PIN) == user


def test_each_signs_in_with_the_demo_pin_and_the_trainer_made_the_demo(demo: Services):
    trainer = demo_users.trainer(demo.users.all())
    assert trainer is not None and trainer.role is UserRole.TRAINER
    made = next(e for e in demo.audit.page() if e.record_type == "demo")
    assert (made.user, made.user_id) == (trainer.name, trainer.id)
    manager = next(u for u in demo.users.all() if u.is_manager)
    signed_in, new_session = demo.users.sign_in(manager.id, DEMO_PIN)
    assert new_session and demo.context.user == manager.name
    demo.users.sign_out()


def test_names_come_from_the_seed_and_the_front_desk_is_on_the_roster(demo: Services):
    assert demo_users.demo_users(1) == demo_users.demo_users(1)
    assert [u.name for u in demo_users.demo_users(1)] != [u.name for u in demo_users.demo_users(2)]
    desk = next(u for u in demo.users.all() if u.role is UserRole.FRONT_DESK)
    staff = {s.name: s.role for s in demo.practice.staff(active_only=False)}
    assert staff[desk.name] is Role.FRONT_DESK
    others = [u for u in demo.users.all() if u.role is not UserRole.FRONT_DESK]
    surnames = {name.split()[-1] for name in staff}
    assert all(u.name.split()[-1] not in surnames for u in others)
    assert len({u.name.split()[-1] for u in others}) == len(others)
