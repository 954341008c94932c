"""Referrals and prior authorisations with their time-stamped state changes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from vma_desk.core.communications import Urgency
from vma_desk.core.referrals import (
    PriorAuth,
    PriorAuthKind,
    PriorAuthStatus,
    Referral,
    ReferralState,
    StateEvent,
)
from vma_desk.storage.calendar_repository import from_ts, to_ts
from vma_desk.storage.database import Db, inserted_id
from vma_desk.storage.sql import assignments, chunks, column_marks, marks

_REFERRAL = ("created_ts, patient_id, referring_provider_id, specialty, specialist_office, "
             "specialist_contact, reason, urgency, auth_required, auth_number, auth_valid_until, "
             "records_sent, appointment_ts, notes, call_id, state, state_ts, patient_told_ts, "
             "patient_told_by, patient_told_how")
_AUTH = ("patient_id, kind, payer, service, submitted_on, follow_up_on, status, auth_number, valid_from, "
         "valid_until, denial_reason, referral_id, notes, units_authorised, units_used, unit_label, "
         "service_done_on, renewal_of")
_FINAL = "('closed', 'cancelled', 'declined')"


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def referral_row(r: Referral) -> tuple[object, ...]:
    return (to_ts(r.created_at), r.patient_id, r.referring_provider_id, r.specialty, r.specialist_office,
            r.specialist_contact, r.reason, r.urgency.value, int(r.auth_required), r.auth_number,
            _iso(r.auth_valid_until), "\n".join(sorted(r.records_sent)),
            None if r.appointment_at is None else to_ts(r.appointment_at), r.notes, r.call_id, r.state.value,
            to_ts(r.state_since or r.created_at),
            None if r.patient_told_at is None else to_ts(r.patient_told_at), r.patient_told_by,
            r.patient_told_how)


def auth_row(a: PriorAuth) -> tuple[object, ...]:
    return (a.patient_id, a.kind.value, a.payer, a.service, a.submitted_on.isoformat(),
            a.follow_up_on.isoformat(), a.status.value, a.auth_number, _iso(a.valid_from),
            _iso(a.valid_until),
            a.denial_reason, a.referral_id, a.notes, a.units_authorised, a.units_used, a.unit_label,
            _iso(a.service_done_on), a.renewal_of)


def _event_rows(owner_id: int | None, events: Sequence[StateEvent]) -> list[tuple[object, ...]]:
    return [(owner_id, e.state, to_ts(e.at), e.by, e.note, e.recorded_by, e.action) for e in events]


class ReferralRepository:
    def __init__(self, conn: Db) -> None:
        self.conn = conn

    # --- events ----------------------------------------------------------------------------------
    def _add_events(self, table: str, owner: str, rows: list[tuple[object, ...]]) -> None:
        self.conn.executemany(
            f"INSERT INTO {table}({owner}, state, at_ts, by_user, note, recorded_by, action)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    def _events(self, table: str, owner: str, ids: list[int]) -> dict[int, list[StateEvent]]:
        found: dict[int, list[StateEvent]] = {}
        for part in chunks(ids):
            for oid, state, at, by, note, recorded_by, action in self.conn.execute(
                    f"SELECT {owner}, state, at_ts, by_user, note, recorded_by, action FROM {table}"
                    f" WHERE {owner} IN"
                    f" ({marks(len(part))}) ORDER BY rowid", part):
                found.setdefault(oid, []).append(
                    StateEvent(state, from_ts(at), by, note, recorded_by, action))
        return found

    # --- referrals -------------------------------------------------------------------------------
    def insert_referral(self, referral: Referral) -> int:
        cur = self.conn.execute(f"INSERT INTO referral({_REFERRAL}) VALUES ({column_marks(_REFERRAL)})",
                                referral_row(referral))
        referral_id = inserted_id(cur)
        self.add_referral_events(referral_id, referral.events)
        return referral_id

    def insert_referrals(self, referrals: Sequence[Referral]) -> None:
        """Bulk insert of new referrals that carry their ids (the demo), with their events."""
        self.conn.executemany(f"INSERT INTO referral(id, {_REFERRAL}) VALUES (?, {column_marks(_REFERRAL)})",
                              [(r.id, *referral_row(r)) for r in referrals])
        self._add_events("referral_event", "referral_id",
                         [row for r in referrals for row in _event_rows(r.id, r.events)])

    def update_referral(self, referral: Referral) -> None:
        self.conn.execute(f"UPDATE referral SET {assignments(_REFERRAL)} WHERE id = ?",
                          (*referral_row(referral), referral.id))

    def add_referral_events(self, referral_id: int, events: Sequence[StateEvent]) -> None:
        self._add_events("referral_event", "referral_id", _event_rows(referral_id, events))

    def _referrals(self, where: str, params: Sequence[object]) -> list[Referral]:
        rows = self.conn.execute(f"SELECT id, {_REFERRAL} FROM referral WHERE {where}",
                                 list(params)).fetchall()
        events = self._events("referral_event", "referral_id", [r[0] for r in rows]) if rows else {}
        return [
            Referral(id=r[0], created_at=from_ts(r[1]), patient_id=r[2], referring_provider_id=r[3],
                     specialty=r[4], specialist_office=r[5], specialist_contact=r[6], reason=r[7],
                     urgency=Urgency(r[8]), auth_required=bool(r[9]), auth_number=r[10],
                     auth_valid_until=_day(r[11]),
                     records_sent=frozenset(r[12].split("\n")) if r[12] else frozenset(),
                     appointment_at=from_ts(r[13]), notes=r[14], call_id=r[15], state=ReferralState(r[16]),
                     state_since=from_ts(r[17]), patient_told_at=from_ts(r[18]), patient_told_by=r[19],
                     patient_told_how=r[20], events=tuple(events.get(r[0], ())))
            for r in rows
        ]

    def get_referral(self, referral_id: int) -> Referral | None:
        found = self._referrals("id = ?", [referral_id])
        return found[0] if found else None

    def open_referrals(self) -> list[Referral]:
        return self._referrals("state NOT IN ('closed', 'cancelled', 'declined') ORDER BY state_ts, id", [])

    def referrals_created_between(self, start: datetime, end: datetime) -> list[Referral]:
        return self._referrals("created_ts >= ? AND created_ts < ? ORDER BY created_ts",
                               [to_ts(start), to_ts(end)])

    def referrals_for_patient_before(self, patient_id: int, end: datetime) -> list[Referral]:
        return self._referrals("patient_id = ? AND created_ts < ? ORDER BY created_ts, id",
                               [patient_id, to_ts(end)])

    def open_at(self, moment: datetime) -> list[Referral]:
        """Referrals created by `moment` that had not reached a final state by then: open now, or
        finalised later (a final state is the last move, so `state_ts` is when it was reached)."""
        ts = to_ts(moment)
        return self._referrals(f"created_ts <= ? AND (state NOT IN {_FINAL} OR state_ts > ?) ORDER BY id",
                               [ts, ts])

    def reported_between(self, start: datetime, end: datetime) -> list[Referral]:
        """Referrals whose consult report was received in [start, end): their last move came at or
        after the report, so the (state, state_ts) index narrows them before the event check."""
        return self._referrals(
            "state IN ('report_received', 'closed') AND state_ts >= ? AND created_ts < ? AND EXISTS"
            " (SELECT 1 FROM referral_event e WHERE e.referral_id = referral.id"
            " AND e.state = 'report_received' AND e.at_ts >= ? AND e.at_ts < ?) ORDER BY id",
            [to_ts(start), to_ts(end), to_ts(start), to_ts(end)])

    def referrals_for_patient(self, patient_id: int) -> list[Referral]:
        return self._referrals("patient_id = ? ORDER BY created_ts DESC", [patient_id])

    # --- prior authorisations --------------------------------------------------------------------
    def insert_auth(self, auth: PriorAuth) -> int:
        cur = self.conn.execute(f"INSERT INTO prior_auth({_AUTH}) VALUES ({column_marks(_AUTH)})",
                                auth_row(auth))
        auth_id = inserted_id(cur)
        self.add_auth_events(auth_id, auth.events)
        return auth_id

    def insert_auths(self, auths: Sequence[PriorAuth]) -> None:
        self.conn.executemany(f"INSERT INTO prior_auth(id, {_AUTH}) VALUES (?, {column_marks(_AUTH)})",
                              [(a.id, *auth_row(a)) for a in auths])
        self._add_events("prior_auth_event", "prior_auth_id",
                         [row for a in auths for row in _event_rows(a.id, a.events)])

    def update_auth(self, auth: PriorAuth) -> None:
        self.conn.execute(f"UPDATE prior_auth SET {assignments(_AUTH)} WHERE id = ?",
                          (*auth_row(auth), auth.id))

    def add_auth_events(self, auth_id: int, events: Sequence[StateEvent]) -> None:
        self._add_events("prior_auth_event", "prior_auth_id", _event_rows(auth_id, events))

    def _auths(self, where: str, params: Sequence[object]) -> list[PriorAuth]:
        rows = self.conn.execute(f"SELECT id, {_AUTH} FROM prior_auth WHERE {where}", list(params)).fetchall()
        events = self._events("prior_auth_event", "prior_auth_id", [r[0] for r in rows]) if rows else {}
        return [
            PriorAuth(id=r[0], patient_id=r[1], kind=PriorAuthKind(r[2]), payer=r[3], service=r[4],
                      submitted_on=date.fromisoformat(r[5]), follow_up_on=date.fromisoformat(r[6]),
                      status=PriorAuthStatus(r[7]), auth_number=r[8], valid_from=_day(r[9]),
                      valid_until=_day(r[10]), denial_reason=r[11], referral_id=r[12], notes=r[13],
                      units_authorised=r[14], units_used=r[15], unit_label=r[16],
                      service_done_on=_day(r[17]), renewal_of=r[18], events=tuple(events.get(r[0], ())))
            for r in rows
        ]

    def get_auth(self, auth_id: int) -> PriorAuth | None:
        found = self._auths("id = ?", [auth_id])
        return found[0] if found else None

    def current_auths(self, since: date, since_at: datetime) -> list[PriorAuth]:
        """Those a VMA still works with: waiting for the payer, denied at or after `since_at` (an
        appeal may follow), or approved and valid on or after `since`."""
        return self._auths(
            "status IN ('pending', 'appeal') OR (status = 'approved' AND valid_until >= ?)"
            " OR (status = 'denied' AND EXISTS (SELECT 1 FROM prior_auth_event e WHERE"
            " e.prior_auth_id = prior_auth.id AND e.state = 'denied' AND e.at_ts >= ?))"
            " ORDER BY follow_up_on, id",
            [since.isoformat(), to_ts(since_at)])

    def renewed(self, auth_ids: Sequence[int]) -> set[int]:
        """Which of these authorisations a renewal (not withdrawn or denied) points at."""
        found: set[int] = set()
        for part in chunks(auth_ids):
            found.update(row[0] for row in self.conn.execute(
                f"SELECT renewal_of FROM prior_auth WHERE renewal_of IN ({marks(len(part))})"
                " AND status NOT IN ('withdrawn', 'denied')", part))
        return found

    def auths_for_patient(self, patient_id: int) -> list[PriorAuth]:
        return self._auths("patient_id = ? ORDER BY submitted_on DESC", [patient_id])
