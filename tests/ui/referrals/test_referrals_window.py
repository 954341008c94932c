"""The Referrals tab inside the main window: in its place among the tabs, its title counting the
flagged referrals and authorisations (after a change and when the clock moves on), and its changes
reaching the rest of the window."""

from __future__ import annotations

from datetime import timedelta

from tests.ui.calls.test_calls_window import tab_of
from tests.ui.comms_support import window_fixture  # noqa: F401 - fixture
from vma_desk.core.communications import Urgency
from vma_desk.core.referrals import Referral, ReferralState
from vma_desk.ui.referrals.tab import ReferralsTab


def test_the_referrals_tab_title_counts_the_flagged(qtbot, window, clock):
    tab = tab_of(window, ReferralsTab)
    index = window.tabs.indexOf(tab)
    assert window.tabs.tabText(index) == "Referrals"
    services = window.services
    lee = next(s for s in services.practice.providers() if s.name == "Dana Lee")
    ann = services.patients.search("ames")[0]
    referral, _ = services.referrals.create(Referral(
        patient_id=ann.id, referring_provider_id=lee.id, specialty="Cardiology",
        specialist_office="Heart Partners", reason="chest pain on exertion", created_at=clock.now(),
        urgency=Urgency.URGENT, records_sent=frozenset({"Referral letter"})))
    tab.load()
    clock.advance(timedelta(days=4))
    with qtbot.waitSignal(tab.sig_badge_changed):
        tab.refresh()  # as the timer does
    assert window.tabs.tabText(index) == "Referrals (1 flagged)"
    assert tab.select_referral(referral.id)
    with qtbot.waitSignal(window.sig_changed) as changed:
        tab.ui.send_button.click()  # movement: no longer stuck
    assert changed.args[0].kind == "referral"
    assert services.referrals.get(referral.id).state is ReferralState.SENT
    assert window.tabs.tabText(index) == "Referrals"
