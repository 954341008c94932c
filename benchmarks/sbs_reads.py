"""`side_by_side.py`'s reads: each tab's reads on the encrypted workspace against the same service
calls on a plain copy (`measure_reads`); saving a call through the service against a raw insert of
the same row (`measure_save_call`); the Find dialog's search against one SQL statement returning
the same rows (`measure_search`).

The plain copy is the workspace exported by SQLCipher itself (`ATTACH ... KEY ''` and
`sqlcipher_export`, `cache_size.export_plain`) into a temporary folder deleted at the end (the demo's
data is fictional). Both connections get the app's pragmas (`database.configure`: the page cache
sized from the file), and the services' one connection is swapped under the same `Services` for
each call (benchmark only), so the Python work is the same on both sides and a ratio is what
decryption and the pages read cost. App and floor alternate call by call, each going first every
other run; one untimed round warms both caches first, as a tab's first load warms the app's.
"""

from __future__ import annotations

import math
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sbs_core import Row, Setup  # noqa: I001 - this folder is first on sys.path

READS_GOAL = 1.1  # a read on the encrypted workspace at most 1.1 times the plain copy's
SAMPLE_MS = 30  # a read's sample: as many calls in a row as take about this long
#: "itemised" is in ~0.4 % of the demo's search index, "refill" in ~15 %
SAVE_GOAL = 10.0  # saving a call at most 10 times a raw insert + commit of its row
SEARCH_GOAL = 1.5  # a search at most 1.5 times the raw FTS5 query returning the same rows
SEARCH_WORDS = (("rare word", "itemised"), ("common word", "refill"))
BENCH_USER = "bench@desk"
T = TypeVar("T")


@contextmanager
def demo_services(data_dir: Path) -> Iterator[Any]:
    """The demo workspace unlocked with the keyring as the app unlocks it, and its `Services`."""
    from vma_desk.services import Services
    from vma_desk.storage.keys import KeyStore
    from vma_desk.storage.workspace import Workspace

    workspace = Workspace.unlock_with_keyring(data_dir, KeyStore.from_environment())
    try:
        yield Services.for_workspace(workspace, user=BENCH_USER)
    finally:
        workspace.close()


def tab_reads(services: Any) -> list[tuple[str, Callable[[], object]]]:  # noqa: ANN401
    """(name, the service calls a tab makes when it loads) for each tab, and the Find dialog's search."""
    from vma_desk.core.rules.scheduling import local_to_utc

    comms, calendar, patients = services.communications, services.calendar, services.patients
    today = services.context.today()
    zone = services.context.practice_zone()
    providers = [p.id for p in services.practice.providers()]

    def schedule(days: int) -> Callable[[], object]:
        first = today - timedelta(days=today.weekday()) if days == 7 else today  # the week from Monday
        span = [first + timedelta(days=d) for d in range(days)]
        start = local_to_utc(datetime.combine(first, datetime.min.time()), zone)
        end = local_to_utc(datetime.combine(first + timedelta(days=days), datetime.min.time()), zone)

        def read() -> object:  # what calendar/source.ScheduleSource.load reads
            services.practice.get()
            hours = [calendar.working_hours(p, day) for day in span for p in providers]
            visits = calendar.appointments(providers, start, end)
            blocks = calendar.block_occurrences(providers, start, end)
            return hours, blocks, patients.display_names({a.patient_id for a in visits})
        return read

    def calls() -> object:  # calls/source.CallDaySource.load: the day's calls and each call's links
        found = comms.calls_on(busiest_day(services, today))
        return [comms.links(c.id) for c in found], patients.display_names(
            {c.patient_id for c in found if c.patient_id is not None})

    def messages() -> object:  # messages/source.MessageRowSource.open_rows
        found = [*comms.open_messages(), *comms.messages_closed_on(today)]
        services.practice.get()
        comms.callback_policy()
        return patients.display_names({m.patient_id for m in found if m.patient_id is not None})

    def refills() -> object:  # refills/source.RefillRowSource.open_rows
        found = [row.request for row in services.refills.worklist()]
        return patients.display_names({r.patient_id for r in found})

    def referrals() -> object:  # referrals/source: the worklist and the prior authorisations
        return services.referrals.worklist(), services.referrals.prior_auths()

    reads: list[tuple[str, Callable[[], object]]] = [
        ("Today agenda (agenda.day)", lambda: services.agenda.day()),
        ("Calendar day, every provider", schedule(1)),
        ("Calendar week, every provider", schedule(7)),
        ("Calls list, the busiest of the last 7 days (calls_on + links)", calls),
        ("Messages list (open + closed today)", messages),
        ("Refills list (worklist)", refills),
        ("Referrals list (worklist + prior auths)", referrals),
    ]
    reads += [(f"search, {label} \"{word}\" (communications.search)",
               lambda word=word: comms.search(word)) for label, word in SEARCH_WORDS]
    return reads


def in_turn(run: int, app: T, floor: T) -> tuple[T, T]:
    """App then floor on even runs, floor then app on odd ones: neither always goes first."""
    return (app, floor) if run % 2 == 0 else (floor, app)


def busiest_day(services: Any, today: date) -> date:  # noqa: ANN401
    """The day of the last week with the most calls (the anchor day's may not have begun)."""
    days = [today - timedelta(days=d) for d in range(7)]
    return max(days, key=lambda day: len(services.communications.calls_on(day)))


def plain_connection(path: Path) -> Any:  # noqa: ANN401
    """The plain copy opened with no key and the app's pragmas (its cache sized from its file)."""
    import sqlcipher3

    from vma_desk.storage import database

    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    database.configure(conn)
    return conn


def measure_reads(setup: Setup) -> list[Row]:
    from cache_size import export_plain

    rows: list[Row] = []
    with demo_services(setup.data_dir) as services, \
            tempfile.TemporaryDirectory(prefix="vma-desk-plain-") as tmp:
        plain_path = Path(tmp) / "plain.db"
        export_plain(services, plain_path)
        plain = plain_connection(plain_path)
        live = services.workspace.conn
        encrypted = live._conn  # noqa: SLF001 - the services' connection, swapped (benchmark only)
        try:
            for name, read in tab_reads(services):
                app: list[float] = []
                floor: list[float] = []
                repeat = 1
                for run in range(-1, 3 * setup.runs):  # run -1 warms both caches, untimed; short: more runs
                    for conn, times in in_turn(run, (encrypted, app), (plain, floor)):
                        live._conn = conn  # noqa: SLF001
                        start = time.perf_counter()
                        for _ in range(repeat):
                            read()
                        ms = 1000 * (time.perf_counter() - start) / repeat
                        if run >= 0:
                            times.append(ms)
                        else:  # a sample of about SAMPLE_MS: a moment of another process's work is spread
                            repeat = max(repeat, math.ceil(SAMPLE_MS / max(ms, 0.01)))
                rows.append(Row(f"reads: {name}, encrypted vs a plain copy", app, floor, "ms", READS_GOAL))
        finally:
            live._conn = encrypted  # noqa: SLF001 - the workspace's own, closed with it
            plain.close()
    setup.notes.append(
        "reads: the same Services on the encrypted workspace and on a plain copy (sqlcipher_export "
        "to an unkeyed database in a temporary folder, deleted), both with the app's pragmas and page "
        "cache; the calls alternate, after one untimed round that warms both caches; 3 x --runs samples "
        f"each, a sample the mean of as many calls in a row as make about {SAMPLE_MS} ms.")
    return rows


def measure_save_call(setup: Setup) -> list[Row]:
    """`log_call` (validated, routed to a staff member, indexed for search, audited in the audit
    chain, committed with the app's `synchronous = FULL`) against the floor: the same call's row
    inserted into its table and committed on the same connection. On a copy of the demo workspace
    (the same key, in a temporary folder), so the calls saved here reach no other measure."""
    from dataclasses import replace

    from vma_desk.core.communications import Call, CallOutcome, CallReason, Direction
    from vma_desk.storage.communications_repository import CALL_COLUMNS, call_row
    from vma_desk.storage.sql import column_marks

    app: list[float] = []
    floor: list[float] = []
    with tempfile.TemporaryDirectory(prefix="vma-desk-save-") as tmp:
        copy = Path(tmp) / "demo"
        shutil.copytree(setup.data_dir, copy)
        with demo_services(copy) as services:
            comms, conn = services.communications, services.context.conn
            sync = conn.execute("PRAGMA synchronous").fetchone()[0]
            patient = conn.execute("SELECT id FROM patient WHERE deleted_at IS NULL ORDER BY id DESC"
                                   " LIMIT 1").fetchone()[0]
            staff = comms.route_for(CallReason.GENERAL)
            call = Call(started_at=services.context.clock.now(), direction=Direction.INBOUND,
                        caller_name="Bench Caller", reason=CallReason.GENERAL, number="+13125550142",
                        patient_id=patient, duration_seconds=180, outcome=CallOutcome.RESOLVED,
                        routed_to=staff.id if staff else None,
                        notes="Asked when the office opens on Saturday; told 9 AM, no visit needed.")
            saved, _change = comms.log_call(call)  # the row as the service stores it, for the floor
            row = call_row(replace(saved, id=None))
            insert = f"INSERT INTO call({CALL_COLUMNS}) VALUES ({column_marks(CALL_COLUMNS)})"

            def raw() -> None:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(insert, row)
                conn.execute("COMMIT")

            for run in range(-1, setup.runs * 4):  # run -1 warms up, untimed; a save is short: more runs
                for work, times in in_turn(run, (lambda: comms.log_call(call), app), (raw, floor)):
                    start = time.perf_counter()
                    work()
                    if run >= 0:
                        times.append(1000 * (time.perf_counter() - start))
    setup.notes.append(
        f"saving a call: CommunicationsService.log_call against INSERT INTO call + COMMIT of the same "
        f"row on the same connection (PRAGMA synchronous = {sync}: {SYNC_NAMES.get(sync, sync)}, "
        "as the app sets it), alternating, on a copy of the demo workspace deleted afterwards.")
    return [Row("saving a call (validated, audited, committed) vs a raw insert + commit", app, floor,
                "ms", SAVE_GOAL)]


SYNC_NAMES = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}


#: the floor of a search: one statement returning the service's hits (their rowids and order given,
#: as JSON), each with what its line shows (kind, id, time, caller, number or urgency) and an FTS5
#: snippet(), from the same MATCH read once (rowids from the oldest hit's on; `+` keeps FTS5 from
#: re-running the MATCH once per hit)
FLOOR_SEARCH = """
WITH shown(rowid, rank) AS MATERIALIZED (SELECT value, key FROM json_each(?1))
SELECT s.kind, s.record_id, coalesce(c.started_ts, m.created_ts), coalesce(c.caller_name, m.caller_name),
       coalesce(c.number, m.urgency), snippet(comm_search, 0, '[', ']', '…', 12)
FROM comm_search AS s CROSS JOIN shown ON shown.rowid = +s.rowid
LEFT JOIN call AS c ON s.kind = 'call' AND c.id = s.record_id
LEFT JOIN message AS m ON s.kind = 'message' AND m.id = s.record_id
WHERE comm_search MATCH ?2 AND s.rowid >= ?3
ORDER BY shown.rank"""


def measure_search(setup: Setup) -> list[Row]:
    """`CommunicationsService.search` (what the Find dialog calls: the FTS5 reads, the ranking by what
    the notes say, the titles and snippets) for a rare and a common word against `FLOOR_SEARCH`, the
    raw FTS5 query returning the same rows in the same order, on the same connection."""
    import json

    from vma_desk.services.communications import fts_query
    from vma_desk.storage.communications_repository import index_rowid

    rows: list[Row] = []
    with demo_services(setup.data_dir) as services:
        comms, conn = services.communications, services.context.conn
        for label, word in SEARCH_WORDS:
            hits = comms.search(word)
            shown = json.dumps([index_rowid(h.kind, h.record_id) for h in hits])
            oldest = min((index_rowid(h.kind, h.record_id) for h in hits), default=0)
            match = fts_query(word)

            def floor(shown: str = shown, match: str = match, oldest: int = oldest) -> list[Any]:
                return conn.execute(FLOOR_SEARCH, (shown, match, oldest)).fetchall()

            same = [(kind, record_id) for kind, record_id, *_ in floor()]
            assert same == [(h.kind, h.record_id) for h in hits], "the floor must return the hits, in order"
            app: list[float] = []
            floors: list[float] = []
            for run in range(-1, 3 * setup.runs):  # run -1 warms up, untimed
                for work, times in in_turn(run, (lambda word=word: comms.search(word), app), (floor, floors)):
                    start = time.perf_counter()
                    work()
                    if run >= 0:
                        times.append(1000 * (time.perf_counter() - start))
            rows.append(Row(f"search, {label} \"{word}\" ({len(hits)} hits) vs the raw FTS5 query "
                            "returning the same rows", app, floors, "ms", SEARCH_GOAL))
    setup.notes.append(
        "search: communications.search (FTS5 reads, the ranking by what the notes say: phrase, words, "
        "negated, read by the red-flag rules; titles; snippets) against one SQL statement that returns "
        "the same hits in the same order (given their rowids) with their titles and FTS5 snippet()s, "
        "the MATCH read once; alternating, 3 x --runs each. Where a search's time goes (cProfile, "
        "\"itemised\", 50 hits): the ranking by what each note says (where the words are, whether a "
        "negation can deny them) about 55 %, the snippets cut where the words are about 30 %, SQL "
        "about 10 %, a Python pass or two over each note that the floor's one C statement does not "
        "make (docs/architecture.md, Search).")
    return rows
