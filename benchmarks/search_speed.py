"""Search speed ("Find in calls and messages") on a multi-year demo workspace: the service call
against the raw FTS5 query that returns the same rowids, on the same connection, in the same run.

Builds the demo workspace once (seed 1, anchor Monday 2026-03-02, --years 5 by default) in a
temporary folder, protected by the OS keyring when there is one, then for a rare and a common word
times:
- `communications.search(word)`: the FTS5 reads, the ranking, the snippets and each hit's title;
- the index reads alone (the newest matches the ranking reads, as the service reads them);
- the hits' titles alone: one look-up per hit (get_call / get_message), and in one batch when the
  repository has it (`hit_titles`);
- the floor: the raw FTS5 query `SELECT rowid FROM comm_search WHERE comm_search MATCH ? AND
  rowid >= <the oldest hit's rowid>` (FTS5 takes a rowid range; an `IN (...)` list of rowids it
  does not, and reads every match), kept to the hits' rowids in Python and checked to be exactly
  them.
Each row's ratio is its median over the floor's median.

Run beside a keyring, as the tests do:
    dbus-run-session -- scripts/with-keyring.sh .venv/bin/python benchmarks/search_speed.py --years 5
"""

from __future__ import annotations

import heapq
import itertools
import statistics
import sys
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bench_support import arguments, demo_services, machine, timed  # noqa: I001 - this folder is first on sys.path

ANCHOR = date(2026, 3, 2)  # a Monday
NOW = datetime(2026, 3, 2, 16, 30, tzinfo=ZoneInfo("America/Chicago")).astimezone(UTC)
#: "itemised" is in ~0.4 % of the index, "refill" in ~15 %; a phone number (typed as a VMA would)
#: is added as the rarest search, a handful of hits
WORDS = (("rare word", "itemised"), ("common word", "refill"))


def main(argv: list[str] | None = None) -> int:
    from vma_desk.core.validation import format_phone

    args = arguments(__doc__, argv)
    with demo_services(args.years, ANCHOR, NOW) as (services, build_s, protection):
        conn = services.context.conn
        rows = int(conn.execute("SELECT count(*) FROM comm_search").fetchone()[0])
        number = next(c.number for c in services.communications.calls_on(ANCHOR - timedelta(days=3))
                      if c.number)
        words = (*WORDS, ("phone number", format_phone(number)))
        tables = [measure(services, label, word, args.runs) for label, word in words]
    print(f"\nVMA Desk search, {args.years}-year demo workspace: {rows:,} search rows; protected by "
          f"{protection}; {machine(args.runs)}\n")
    print("| operation | median ms | min ms | max ms | × floor |")
    print("|---|---:|---:|---:|---:|")
    for table in tables:
        floor = statistics.median(table[-1][1])
        for name, values in table:
            median = statistics.median(values)
            print(f"| {name} | {median:.2f} | {min(values):.2f} | {max(values):.2f} | {median / floor:.1f} |")
    print(f"\ndemo generation ({args.years} years, one run, everything): {build_s:.1f} s")
    return 0


def measure(services, label: str, word: str, runs: int) -> list[tuple[str, list[float]]]:  # type: ignore[no-untyped-def]
    from vma_desk.services.communications import SEARCH_READS, fts_query
    from vma_desk.storage.communications_repository import index_rowid

    comms = services.communications
    repo = comms.repo
    conn = services.context.conn
    match = fts_query(word)
    hits = comms.search(word)
    rowids = [index_rowid(h.kind, h.record_id) for h in hits]
    wanted = set(rowids)
    oldest = min(rowids, default=0)

    def floor(_run: int) -> list[int]:
        return [r for (r,) in conn.execute(
            "SELECT rowid FROM comm_search WHERE comm_search MATCH ? AND rowid >= ?", (match, oldest))
            if r in wanted]

    assert sorted(floor(0)) == sorted(rowids), "the floor query must return the hits' rowids"

    def reads(_run: int) -> int:
        newest = heapq.merge(repo.search(match, "call"), repo.search(match, "message"),
                             key=lambda f: f[2], reverse=True)
        return sum(1 for _ in itertools.islice(newest, SEARCH_READS))

    def one_by_one(_run: int) -> None:
        for h in hits:
            repo.get_call(h.record_id) if h.kind == "call" else repo.get_message(h.record_id)

    n = len(hits)
    out = [(f"{label} \"{word}\": search() ({n} hits)", timed(runs, lambda _run: comms.search(word))),
           (f"{label} \"{word}\": index reads the ranking reads ({reads(0)} rows)", timed(runs, reads)),
           (f"{label} \"{word}\": {n} titles, one look-up per hit", timed(runs, one_by_one))]
    if hasattr(repo, "hit_titles"):
        def batched(_run: int) -> None:
            for kind in ("call", "message"):
                repo.hit_titles(kind, [h.record_id for h in hits if h.kind == kind])

        out.append((f"{label} \"{word}\": {n} titles, one batch per kind (hit_titles)",
                    timed(runs, batched)))
    out.append((f"{label} \"{word}\": floor, raw FTS5 MATCH returning the same {n} rowids",
                timed(runs, floor)))
    return out


if __name__ == "__main__":
    sys.exit(main())
