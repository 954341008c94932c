"""Referrals and authorisations that fall behind stand out as time passes: a referral that has not
moved for longer than its urgency allows, an authorisation about to expire, a prior authorisation
whose follow-up is overdue. The tab's title counts them; "Flagged" shows only them."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from tests.ui.referrals.support import (  # noqa: F401 - fixtures
    office_fixture,
    refer,
    referrals_tab_fixture,
    submit_auth,
)
from vma_desk.core.communications import Urgency
from vma_desk.core.referrals import ReferralState
from vma_desk.ui.referrals.model import (
    AUTH_FLAGS,
    COL_DAYS,
    COL_FLAGS,
    COL_PATIENT,
    ENTRY_ROLE,
    SEVERE_FILL,
    WARNING_FILL,
)


def flags_by_patient(tab) -> dict[str, str]:
    proxy = tab.referral_proxy
    return {proxy.index(r, COL_PATIENT).data(): proxy.index(r, COL_FLAGS).data()
            for r in range(proxy.rowCount())}


def test_stuck_and_expiring_referrals_stand_out_and_the_title_counts_them(qtbot, clock, referrals_tab,
                                                                          office):
    refer(office, office.bob)  # routine: 14 days
    urgent = refer(office, office.ann, urgency=Urgency.URGENT, auth_number="AUTH-77",
                   auth_valid_until=date(2026, 3, 31))
    tab = referrals_tab
    tab.load()
    assert flags_by_patient(tab) == {"Birch, Bob": "", "Ames, Ann": ""}
    assert tab.title() == "Referrals" and tab.attention_count() == 0

    clock.advance(timedelta(days=3, hours=1))  # urgent: 3 days without movement
    with qtbot.waitSignal(tab.sig_badge_changed) as changed:
        tab.refresh()  # as the timer does
    assert changed.args == [1]
    assert tab.title() == "Referrals (1 flagged)"
    assert flags_by_patient(tab) == {"Ames, Ann": "Stuck", "Birch, Bob": ""}  # flagged first
    index = tab.referral_proxy.index(0, COL_FLAGS)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == SEVERE_FILL
    font = index.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert tab.referral_proxy.index(0, COL_DAYS).data() == "3 days"
    assert tab.referral_proxy.index(1, COL_FLAGS).data(Qt.ItemDataRole.BackgroundRole) is None

    clock.advance(timedelta(days=14))  # 03/19: the authorisation ends within 14 days
    tab.refresh()
    assert flags_by_patient(tab) == {"Ames, Ann": "Stuck · Authorisation expiring", "Birch, Bob": "Stuck"}
    assert tab.title() == "Referrals (2 flagged)"
    tab.select_referral(urgent.id)
    assert tab.ui.referral_flags_label.isVisible()
    assert tab.ui.referral_flags_label.text() == (
        "Stuck: no movement for 17 days · Authorisation expiring 03/31/2026")
    assert tab.ui.lists_tabs.tabText(0) == "Referrals (2, 2 flagged)"

    tab.ui.referral_filter_combo.setCurrentIndex(tab.ui.referral_filter_combo.findText("Sent"))
    assert tab.referral_proxy.rowCount() == 0
    tab.context.services.referrals.move(urgent.id, ReferralState.SENT)  # movement clears "stuck"
    tab.refresh()
    assert tab.referral_proxy.rowCount() == 1
    assert tab.referral_proxy.index(0, COL_FLAGS).data() == "Authorisation expiring"
    assert tab.referral_proxy.index(0, COL_FLAGS).data(Qt.ItemDataRole.BackgroundRole).color() == WARNING_FILL
    tab.ui.referral_filter_combo.setCurrentIndex(tab.ui.referral_filter_combo.findText("Flagged"))
    assert tab.referral_proxy.rowCount() == 2
    tab.pause()
    assert not tab.refresh_timer.isActive()
    tab.resume()
    assert tab.refresh_timer.isActive()


def test_overdue_follow_ups_and_expiring_approvals_are_counted_too(qtbot, services, clock, referrals_tab,
                                                                    office):
    auth = submit_auth(office, office.ann, follow_up_on=date(2026, 3, 6))
    tab = referrals_tab
    tab.load()
    assert tab.title() == "Referrals"
    clock.advance(timedelta(days=5))  # Saturday 03/07: the payer was to be asked on Friday
    tab.refresh()
    assert tab.title() == "Referrals (1 flagged)"
    assert tab.ui.lists_tabs.tabText(1) == "Prior authorisations (1, 1 flagged)"
    assert tab.auth_proxy.index(0, AUTH_FLAGS).data() == "Follow-up overdue"
    tab.select_auth(auth.id)
    assert tab.ui.auth_flags_label.text() == "Follow-up overdue: due 03/06/2026, ask the payer"
    assert tab.auth_proxy.index(0, 0).data(ENTRY_ROLE).auth.id == auth.id


def test_the_referral_models_pass_the_model_tester(qtmodeltester, clock, referrals_tab, office):
    refer(office, office.bob)
    refer(office, office.ann, urgency=Urgency.EMERGENCY)
    submit_auth(office, office.ann)
    clock.advance(timedelta(days=20))
    referrals_tab.refresh()
    for model in (referrals_tab.referral_model, referrals_tab.referral_proxy, referrals_tab.auth_model,
                  referrals_tab.auth_proxy):
        qtmodeltester.check(model, force_py=True)
