"""The Recall list: patients with a care gap due or overdue and no visit booked that closes it, read
in a few set-based queries; what "Book" opens find-slot with; a completion date recorded; the
practice's recall settings (`recall.within_days`, `recall.types`).

Every change is one transaction with one audit entry (never a gap's words) and returns a `Change`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from vma_desk.core.chase import Channel, ChaseKind, Outcome
from vma_desk.core.errors import ValidationError
from vma_desk.core.recall import (
    DEFAULT_VISIT_TYPE,
    DEFAULT_WITHIN_DAYS,
    SLOT_HOLDING,
    RecallBooking,
    RecallFilter,
    RecallPage,
    RecallRow,
    RecallSettings,
    check_within_days,
    gap_key,
    matches,
    recall_rows,
    within_days_from,
)
from vma_desk.core.records import AuditAction, Change, RecordKind
from vma_desk.services.base import ServiceContext, changed_fields
from vma_desk.services.calendar import CalendarService
from vma_desk.services.chase import ChaseService
from vma_desk.storage.recall_repository import RecallQuery, RecallRepository
from vma_desk.storage.repositories import PatientRepository, SettingRepository, StaffRepository

DAYS_KEY = "recall.within_days"
TYPES_KEY = "recall.types"
#: the longest gap kind the type map takes
KIND_LIMIT = 100


def _types_from(raw: str | None) -> dict[str, str]:
    """The stored type map, or none when it is missing or damaged."""
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {gap_key(k): v for k, v in data.items() if isinstance(v, str) and gap_key(k)}


class RecallService:
    def __init__(self, context: ServiceContext, *, calendar: CalendarService, chase: ChaseService) -> None:
        self.ctx = context
        self.calendar = calendar
        self.chase = chase
        self.repo = RecallRepository(context.conn)

    # --- settings ---------------------------------------------------------------------------------
    def settings(self) -> RecallSettings:
        stored = SettingRepository(self.ctx.conn)
        return RecallSettings(within_days=within_days_from(stored.get(DAYS_KEY), DEFAULT_WITHIN_DAYS),
                              types=_types_from(stored.get(TYPES_KEY)))

    def save_settings(self, settings: RecallSettings) -> Change:
        """How far ahead a gap falling due counts (1 to 365 days) and which visit type closes which
        gap kind (types this practice offers), together."""
        days = check_within_days(settings.within_days)
        offered = {t.code for t in self.calendar.types()}
        types: dict[str, str] = {}
        for kind, code in settings.types.items():
            key = gap_key(kind)
            if not key:
                raise ValidationError("types", "each care gap needs its kind")
            if len(key) > KIND_LIMIT:
                raise ValidationError("types", f"a kind is too long (at most {KIND_LIMIT} characters)")
            if code not in offered:
                raise ValidationError("types", "names a visit type this practice does not offer")
            types[key] = code
        before, after = self.settings(), RecallSettings(days, types)
        changed = changed_fields(before, after)
        if not changed:
            return Change(RecordKind.SETTING, AuditAction.UPDATE)
        with self.ctx.transaction():
            stored = SettingRepository(self.ctx.conn)
            stored.set(DAYS_KEY, str(days))
            stored.set(TYPES_KEY, json.dumps(types, sort_keys=True))
            self.ctx.audit(AuditAction.UPDATE, RecordKind.SETTING, "recall", changed)
        return Change(RecordKind.SETTING, AuditAction.UPDATE)

    # --- the list ---------------------------------------------------------------------------------
    def _query(self, chosen: RecallFilter) -> RecallQuery:
        """Which patients are on recall and which of them `chosen` lets through, for SQL: each gap
        kind on file with the visit type that closes it (the practice's map, matched as `gap_key`)."""
        now, settings = self.ctx.clock.now(), self.settings()
        last_day = self.ctx.today() + timedelta(days=settings.within_days)
        spelled = self.repo.open_kinds_due_by(last_day)
        kinds: tuple[str, ...] = ()
        if chosen.gap_kind:  # the spellings of the chosen kind; none on file: the one chosen (matches none)
            kinds = tuple(k for k in spelled if gap_key(k) == gap_key(chosen.gap_kind)) or (chosen.gap_kind,)
        return RecallQuery(
            closing=tuple((kind, settings.visit_type(kind)) for kind in spelled), last_day=last_day, now=now,
            holding=tuple(s.value for s in SLOT_HOLDING), chase_kind=ChaseKind.RECALL.value,
            ending=tuple(o.value for o in Outcome if o.ends_chase), letter=Channel.LETTER.value,
            providers=self._providers(), kinds=kinds, provider_id=chosen.provider_id,
            calls=self._calls(chosen), contacted_before=chosen.contacted_before)

    def _calls(self, chosen: RecallFilter) -> tuple[frozenset[int], frozenset[int], bool] | None:
        """The attempts' part of `chosen` (None: it has none): the patients called whose recall
        chase it keeps (`core.recall.matches` on their `ChaseState`), every patient called, and
        whether it keeps those never called. Read only when the filter asks."""
        if chosen.min_attempts is None and chosen.max_attempts is None and not chosen.exhausted:
            return None
        part = RecallFilter(min_attempts=chosen.min_attempts, max_attempts=chosen.max_attempts,
                            exhausted=chosen.exhausted)
        states = self.chase.states(ChaseKind.RECALL, self.repo.called(ChaseKind.RECALL.value))
        kept = frozenset(pid for pid, state in states.items()
                         if matches(RecallRow(pid, (), DEFAULT_VISIT_TYPE, 0, state), part))
        never = matches(RecallRow(0, (), DEFAULT_VISIT_TYPE, 0), part)
        return kept, frozenset(states), never

    def _providers(self) -> tuple[int, ...]:
        """The active providers: one who left is no longer booked with (the row offers any provider)."""
        providers = StaffRepository(self.ctx.conn).providers()
        return tuple(sorted(pid for pid, p in providers.items() if p.active))

    def page(self, chosen: RecallFilter | None = None, offset: int = 0,
             limit: int | None = None) -> RecallPage:
        """A page of the Recall list narrowed by `chosen`, the gap due first first (the longest
        overdue at the top): `limit` rows from `offset` (None: all), each with its gaps on recall,
        the visit type to book, the provider seen last and its recall attempts; with the count of
        all the rows and of those due a call now. Which patients, their order and the counts are
        worked out in SQL; the rows are made for the page's patients only."""
        query = self._query(chosen or RecallFilter())
        ids, total, due_now = self.repo.recall_page(query, offset, limit)
        today, settings = self.ctx.today(), self.settings()
        rows = recall_rows(self.repo.open_gaps_of(ids, query.last_day), today, settings,
                           self.repo.types_not_over(query.now, query.holding, ids),
                           self.repo.last_seen(query.providers, ids))
        states = self.chase.states(ChaseKind.RECALL, ids)
        return RecallPage(tuple(replace(r, chase=states[r.patient_id]) for r in rows), total, due_now)

    def due(self, chosen: RecallFilter | None = None) -> list[RecallRow]:
        """The whole Recall list narrowed by `chosen` (`page` with no limit)."""
        return list(self.page(chosen).rows)

    def kinds(self) -> list[str]:
        """The kinds of the gaps due by the window (as first spelled, one per `gap_key`), for the
        filter's choices, in alphabetical order: read without working the list out (a kind whose
        every gap has its visit booked is offered too, and lists nobody)."""
        settings = self.settings()
        found: dict[str, str] = {}
        for kind in sorted(self.repo.open_kinds_due_by(self.ctx.today()
                                                       + timedelta(days=settings.within_days))):
            found.setdefault(gap_key(kind), kind)
        return sorted(found.values(), key=gap_key)

    def phones(self, patient_ids: Sequence[int]) -> dict[int, str]:
        """Each patient's first phone number (digits as stored), for a page of rows: without
        reading the whole patients."""
        return self.repo.phones(sorted(set(patient_ids)))

    def booking_for(self, row: RecallRow) -> RecallBooking:
        """What "Book" opens find-slot and the booking with: the row's visit type and its minutes,
        and the provider the patient saw last (None: any provider)."""
        offered = {t.code: t for t in self.calendar.types()}
        visit_type = offered.get(row.type_code)
        if visit_type is None:
            raise ValidationError("type_code", "the visit type that closes this gap is not offered any more:"
                                               " choose another in the recall settings")
        return RecallBooking(patient_id=row.patient_id, type_code=visit_type.code, minutes=visit_type.minutes,
                             provider_id=row.provider_id or None)

    # --- changes ----------------------------------------------------------------------------------
    def record_done(self, patient_id: int, kind: str, day: date) -> Change:
        """The patient's open gap of this kind was done on `day` (not in the future): it leaves
        the list. Audited as an update of the patient (never the gap's kind)."""
        if not PatientRepository(self.ctx.conn).exists(patient_id):
            raise ValidationError("patient_id", "is not a patient in this workspace")
        if not isinstance(day, date):
            raise ValidationError("day", "is required")
        if day > self.ctx.today():
            raise ValidationError("day", "cannot be in the future: enter when it was done")
        key = gap_key(kind or "")
        if not key:
            raise ValidationError("kind", "is required")
        positions = [pos for pos, gap in self.repo.gaps(patient_id)
                     if gap.done is None and gap_key(gap.kind) == key]
        if not positions:
            raise ValidationError("kind", "is not an open care gap of this patient")
        with self.ctx.transaction():
            self.repo.set_gaps_done(patient_id, positions, day)
            self.ctx.audit(AuditAction.UPDATE, RecordKind.PATIENT, patient_id, "care gap done")
        return Change(RecordKind.PATIENT, AuditAction.UPDATE, (patient_id,))
