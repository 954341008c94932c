"""The counts in the tab titles ("Messages (3 overdue)"): the words, and the count of a tab the
window has not built yet, read with the services' count calls rather than the tab's full load.

A tab that is built shows its own count, from the rows it has read (`TabPage.title`); a tab not
yet shown (they are built on first show, see `MainWindow.page`) has its title from here
(`TabEntry.badge`), so the tab bar says the same thing before and after the tab is opened. Both
go through the same `*_title` words below. This module imports none of the tabs' modules: that
is the point of it (they load on first show)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vma_desk.core.agenda import URGENT
from vma_desk.core.chase import ChaseKind, ChaseState
from vma_desk.core.rules.refills import DueState

if TYPE_CHECKING:
    from vma_desk.services import Services


def today_title(urgent: int) -> str:
    """'Today (3 urgent)' while any due row is urgent, else 'Today'."""
    return f"Today ({urgent} urgent)" if urgent else "Today"


def messages_title(overdue: int) -> str:
    """'Messages (3 overdue)' while any is, else 'Messages'."""
    return f"Messages ({overdue} overdue)" if overdue else "Messages"


def refills_title(past_due: int, near_due: int) -> str:
    """'Refills (1 past due, 2 near due)' while any is, else 'Refills'."""
    parts = [f"{n} {label}" for n, label in ((past_due, "past due"), (near_due, "near due")) if n]
    return f"Refills ({', '.join(parts)})" if parts else "Refills"


def referrals_title(flagged: int) -> str:
    """'Referrals (3 flagged)' while any is, else 'Referrals'."""
    return f"Referrals ({flagged} flagged)" if flagged else "Referrals"


# --- a tab not built yet: its count from the services ---------------------------------------------
def today_badge(services: Services) -> str:
    """Today's urgent due rows (every provider, today: what the tab opens on)."""
    if not services.practice.is_set_up():
        return today_title(0)
    return today_title(sum(1 for item in services.agenda.day().due if item.severity == URGENT))


def messages_badge(services: Services) -> str:
    if not services.practice.is_set_up():
        return messages_title(0)
    return messages_title(len(services.communications.overdue()))


def refills_badge(services: Services) -> str:
    if not services.practice.is_set_up():
        return refills_title(0, 0)
    states = [row.due_state for row in services.refills.worklist()]
    return refills_title(states.count(DueState.PAST_DUE), states.count(DueState.NEAR_DUE))


def referrals_badge(services: Services) -> str:
    if not services.practice.is_set_up():
        return referrals_title(0)
    return referrals_title(services.referrals.attention_count())


def worklists_title(due: int) -> str:
    """'Worklists (3 due)' while any worklist row is due now, else 'Worklists'."""
    return f"Worklists ({due} due)" if due else "Worklists"


def worklist_title(title: str, due: int) -> str:
    """A worklist's own title in the Worklists tab: 'Voicemail (2)' while any of its rows is due."""
    return f"{title} ({due})" if due else title


#: the worklists the tab's title counts (`worklists_badge`): those worked within the hour
BADGE_KINDS = frozenset({ChaseKind.VOICEMAIL, ChaseKind.CALLBACK, ChaseKind.CONFIRMATION})


def worklists_badge(services: Services) -> str:
    """The rows due now (not quiet) on the worklists a VMA works within the hour: voicemails not
    returned, calls waiting for a callback, visits whose confirmation call is due. Recall and To
    rebook are worked at leisure and are long (thousands of patients on a practice's 5-year
    history): they count in their own sub-list titles once the tab is shown, not in the tab bar's
    badge, which every minute would read them whole."""
    if not services.practice.is_set_up():
        return worklists_title(0)
    chase = services.chase
    now = services.context.clock.now()
    limit = chase.policy(ChaseKind.VOICEMAIL).max_attempts
    due = sum(1 for vm in chase.unreturned_voicemails() if not ChaseState(vm.attempts, limit).quiet(now))
    for kind, ids in ((ChaseKind.CALLBACK, [c.id for c in chase.open_callbacks()]),
                      (ChaseKind.CONFIRMATION, [a.id for a in services.calendar.confirmation_worklist()])):
        states = chase.states(kind, [i for i in ids if i is not None])
        due += sum(1 for state in states.values() if not state.quiet(now))
    return worklists_title(due)
