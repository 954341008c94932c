"""Reading an EHR's appointment report (a CSV file) under a mapping profile (issue 17).

Every EHR writes its own columns, date formats and status words, so a `Profile` (a TOML file; the
built-in "generic" one is `profiles/generic.toml` and documents every key) says which column holds
what, how dates and times are written, the time zone of times that carry none, how statuses are
spelled and the separator. `read_csv` turns the file into one `core.ehr.ImportBatch` or refuses it
whole with `core.ehr.ImportFileError`, naming the line: a header without the profile's columns, a
date in another format, a status word the profile does not know, an end before its start.

A UTF-8 byte order mark, quoted fields with separators or line breaks inside, blank lines and
spaces around a cell are all fine. Line numbers are the file's own (a record spanning lines is
named by its first).
"""

from __future__ import annotations

import csv
import io
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta, tzinfo
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from vma_desk.core.calendar import VisitStatus
from vma_desk.core.ehr import (
    ImportBatch,
    ImportFileError,
    SourcePatient,
    SourcePractitioner,
    SourceVisit,
    check_size,
    check_times,
)

#: the built-in profile's name
GENERIC = "generic"
#: what a profile's status words may mean, as the profile writes it
STATUS_MEANINGS: Mapping[str, VisitStatus] = {
    "scheduled": VisitStatus.UNCONFIRMED,
    "left message": VisitStatus.LEFT_MESSAGE,
    "confirmed": VisitStatus.CONFIRMED,
    "arrived": VisitStatus.ARRIVED,
    "cancelled": VisitStatus.CANCELLED,
    "no-show": VisitStatus.NO_SHOW,
}
SEPARATORS = (",", ";", "\t", "|")


@dataclass(frozen=True)
class Columns:
    """The header of the column that holds each item ("" when the file has no such column)."""

    visit_id: str
    last_name: str
    first_name: str
    patient_id: str = ""
    date_of_birth: str = ""
    phone: str = ""
    provider_id: str = ""
    provider_name: str = ""
    visit_type: str = ""
    status: str = ""
    #: the start as one date-time column, or as a date column and a time column
    start: str = ""
    start_date: str = ""
    start_time: str = ""
    #: the end as a time (on the start's day), or the visit's length in minutes
    end_time: str = ""
    minutes: str = ""

    def named(self) -> list[tuple[str, str]]:
        """(item, header) of every column the profile names, in the profile's order."""
        return [(f.name, getattr(self, f.name)) for f in fields(self) if getattr(self, f.name)]


@dataclass(frozen=True)
class Profile:
    """How one EHR's CSV report is read: see `profiles/generic.toml` for every key."""

    name: str
    system: str
    columns: Columns
    #: the EHR's words (matched whatever their case) and what they mean
    statuses: tuple[tuple[str, VisitStatus], ...]
    separator: str = "auto"
    date_format: str = "%Y-%m-%d"
    time_format: str = "%H:%M"
    date_of_birth_format: str = "%Y-%m-%d"
    datetime_format: str = "%Y-%m-%d %H:%M"
    #: the zone of times that carry none; "" is the practice's
    time_zone: str = ""

    @property
    def source_system(self) -> str:
        """The batch's system: "csv:" and the profile's system name."""
        return f"csv:{self.system}"

    def status(self, word: str) -> VisitStatus | None:
        """What the EHR's `word` means (an empty cell is scheduled); None for a word not listed."""
        folded = " ".join(word.split()).casefold()
        if not folded:
            return VisitStatus.UNCONFIRMED
        return next((status for known, status in self.statuses if known.casefold() == folded), None)

    def word_for(self, status: VisitStatus) -> str:
        """The first word the profile lists for `status`, as the profile spells it;
        a status the profile has no word for is written as scheduled's."""
        for wanted in (status, VisitStatus.UNCONFIRMED):
            for known, meaning in self.statuses:
                if meaning is wanted:
                    return known
        return ""


# --- loading a profile ----------------------------------------------------------------------------

_TEXT_KEYS = ("system", "separator", "date_format", "time_format", "date_of_birth_format",
              "datetime_format", "time_zone")
_TOP_KEYS = frozenset({*_TEXT_KEYS, "columns", "statuses"})
_Refuse = Callable[[str, str], ImportFileError]


def load_profile(name_or_path: str) -> Profile:
    """The built-in profile ("generic") or the TOML file at `name_or_path`. A profile that cannot
    be used is refused with `ImportFileError` naming the key and why."""
    if name_or_path.strip().casefold() == GENERIC:
        text = resources.files("vma_desk.services.ehr.profiles").joinpath("generic.toml").read_text("utf-8")
        return parse_profile(text, GENERIC)
    path = Path(name_or_path).expanduser()
    try:
        text = path.read_text("utf-8-sig")
    except FileNotFoundError:
        raise ImportFileError(f'no profile "{name_or_path}": give "{GENERIC}" or the path of a '
                              "profile's TOML file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError(f"profile {path.name} cannot be read: {exc}") from None
    return parse_profile(text, path.name)


def parse_profile(text: str, name: str) -> Profile:
    """A profile from its TOML text; `name` says which profile in the messages."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ImportFileError(f"profile {name} is not valid TOML: {exc}") from None

    def refuse(key: str, why: str) -> ImportFileError:
        return ImportFileError(f"profile {name}: {key} {why}")

    unknown = sorted(set(raw) - _TOP_KEYS)
    if unknown:
        raise refuse(unknown[0], f"is not a profile key (the keys are: {', '.join(sorted(_TOP_KEYS))})")
    text_values: dict[str, str] = {}
    for key in _TEXT_KEYS:
        if key in raw:
            text_values[key] = _text(raw[key], key, refuse)
    columns = _columns(_table(raw.get("columns"), "columns", refuse), refuse)
    statuses = _statuses(_table(raw.get("statuses"), "statuses", refuse), refuse)
    system = " ".join(text_values.pop("system", "").split())
    if not system:
        raise refuse("system", "is needed: the source system's name (visits are matched by it)")
    profile = Profile(name=name, system=system, columns=columns, statuses=statuses, **text_values)
    if profile.separator != "auto" and profile.separator not in SEPARATORS:
        raise refuse("separator", f'is "{profile.separator}": give "auto", ",", ";", "\\t" or "|"')
    for key in ("date_format", "time_format", "date_of_birth_format", "datetime_format"):
        if "%" not in getattr(profile, key):
            raise refuse(key, f'"{getattr(profile, key)}" is not a strptime format (like "%m/%d/%Y")')
    if profile.time_zone:
        try:
            ZoneInfo(profile.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise refuse("time_zone", f'"{profile.time_zone}" is not a time zone (like '
                                      '"America/Chicago")') from None
    return profile


def _text(value: object, key: str, refuse: _Refuse) -> str:
    if not isinstance(value, str):
        raise refuse(key, "must be text in quotes")
    return value


def _table(value: object, key: str, refuse: _Refuse) -> Mapping[str, object]:
    if value is None:
        raise refuse(f"[{key}]", "is needed")
    if not isinstance(value, dict):
        raise refuse(key, "must be a table ([" + key + "])")
    return value


def _columns(raw: Mapping[str, object], refuse: _Refuse) -> Columns:
    known = {f.name for f in fields(Columns)}
    values: dict[str, str] = {}
    for key, value in raw.items():
        if key not in known:
            raise refuse(f"columns.{key}", f"is not a column the profile can name (they are: "
                                           f"{', '.join(f.name for f in fields(Columns))})")
        values[key] = _text(value, f"columns.{key}", refuse).strip()
    for key, what in (("visit_id", "the visit's id"), ("last_name", "the patient's last name"),
                      ("first_name", "the patient's first name")):
        if not values.get(key):
            raise refuse(f"columns.{key}", f"is needed: the column that holds {what}")
    if values.get("start") and (values.get("start_date") or values.get("start_time")):
        raise refuse("columns.start", "names one start date-time column: leave start_date and "
                                      "start_time out with it")
    if not values.get("start") and not (values.get("start_date") and values.get("start_time")):
        raise refuse("columns.start_date", "and columns.start_time are needed (or one columns.start)")
    if bool(values.get("end_time")) == bool(values.get("minutes")):
        raise refuse("columns.end_time", "or columns.minutes is needed (one of them)")
    return Columns(**values)


def _statuses(raw: Mapping[str, object], refuse: _Refuse) -> tuple[tuple[str, VisitStatus], ...]:
    found: list[tuple[str, VisitStatus]] = []
    for word, meaning in raw.items():
        key = f'statuses."{word}"'
        text = " ".join(_text(meaning, key, refuse).replace("_", " ").split()).casefold()
        text = {"no show": "no-show", "canceled": "cancelled"}.get(text, text)
        if text not in STATUS_MEANINGS:
            raise refuse(key, f'is "{meaning}": give one of {", ".join(STATUS_MEANINGS)}')
        spelled = " ".join(word.split())
        if spelled:
            found.append((spelled, STATUS_MEANINGS[text]))
    return tuple(found)


# --- reading a file --------------------------------------------------------------------------------

def read_csv(data: bytes, profile: Profile, *, zone: ZoneInfo, name: str = "the file") -> ImportBatch:
    """The visits, patients and practitioners of an EHR's CSV report as `profile` reads it; times
    without a zone are in the profile's zone, or `zone` (the practice's) when it names none."""
    check_size(len(data), name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ImportFileError(f"line {line}: {name} is not UTF-8 text (save the report from the EHR "
                              "as CSV UTF-8)") from None
    separator = profile.separator if profile.separator != "auto" else sniff_separator(text)
    if profile.time_zone:
        zone = ZoneInfo(profile.time_zone)
    rows = _records(text, separator)
    header = next(rows, None)
    if header is None:
        raise ImportFileError(f"{name} is empty: it has no header line")
    places = _header_places(header[1], profile.columns)
    reader = _LineReader(profile, places, zone)
    for number, cells in rows:
        reader.add(number, cells)
    return ImportBatch(system=profile.source_system, visits=tuple(reader.visits),
                       patients=tuple(reader.patients.values()),
                       practitioners=tuple(reader.practitioners.values()))


def sniff_separator(text: str) -> str:
    """The separator of the first non-blank line: whichever of ";", "," or tab it has most of
    outside quotes (a comma when it has none)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = dict.fromkeys(SEPARATORS[:3], 0)
    quoted = False
    for char in first:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _records(text: str, separator: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells stripped) of every record that is not blank."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    last = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFileError(f"line {last + 1}: the CSV cannot be read ({exc}; a quote left "
                                  "open?)") from None
        first, last = last + 1, reader.line_num
        cells = [cell.strip() for cell in row]
        if any(cells):
            yield first, cells


def _folded(header: str) -> str:
    return " ".join(header.split()).casefold()


def _header_places(header: list[str], columns: Columns) -> dict[str, int]:
    where: dict[str, int] = {}
    for index, cell in enumerate(header):
        where.setdefault(_folded(cell), index)
    places: dict[str, int] = {}
    missing: list[str] = []
    for item, column in columns.named():
        if _folded(column) in where:
            places[item] = where[_folded(column)]
        else:
            missing.append(column)
    if missing:
        raise ImportFileError(f"the header lacks the columns the profile names: {', '.join(missing)} "
                              f"(the header has: {', '.join(c for c in header if c)})")
    return places


class _LineReader:
    """Turns one record after another into visits, gathering each patient and practitioner once."""

    def __init__(self, profile: Profile, places: dict[str, int], zone: ZoneInfo) -> None:
        self.profile = profile
        self.places = places
        self.zone = zone
        self.visits: list[SourceVisit] = []
        self.patients: dict[tuple[str, ...], SourcePatient] = {}
        self.practitioners: dict[tuple[str, str], SourcePractitioner] = {}
        self.visit_lines: dict[str, int] = {}

    def cell(self, cells: list[str], item: str) -> str:
        index = self.places.get(item)
        return cells[index] if index is not None and index < len(cells) else ""

    def add(self, number: int, cells: list[str]) -> None:
        ref = f"line {number}"
        visit_id = self.cell(cells, "visit_id")
        if not visit_id:
            raise ImportFileError(f"{ref}: the visit has no id ({self.profile.columns.visit_id} is empty)")
        if visit_id in self.visit_lines:
            earlier = self.visit_lines[visit_id]
            raise ImportFileError(f"{ref}: visit id '{visit_id}' is also on line {earlier}")
        self.visit_lines[visit_id] = number
        word = self.cell(cells, "status")
        status = self.profile.status(word)
        if status is None:
            known = ", ".join(w for w, _ in self.profile.statuses)
            raise ImportFileError(f"{ref}: the status '{word}' is not one the profile knows ({known})")
        start, end = self.times(cells, ref)
        check_times(start, end, ref)
        self.visits.append(SourceVisit(
            source_id=visit_id, status=status, start=start, end=end, patient=self.patient(cells, ref),
            practitioner=self.practitioner(cells, ref), type_text=self.cell(cells, "visit_type"), ref=ref))

    def patient(self, cells: list[str], ref: str) -> SourcePatient:
        last, first = self.cell(cells, "last_name"), self.cell(cells, "first_name")
        if not last or not first:
            raise ImportFileError(f"{ref}: the patient's first and last names are both needed")
        born_text = self.cell(cells, "date_of_birth")
        born = _parse(born_text, self.profile.date_of_birth_format, ref, "date of birth").date() \
            if born_text else None
        source_id = self.cell(cells, "patient_id")
        key = ("id", source_id) if source_id else \
            ("name", _folded(last), _folded(first), born.isoformat() if born else "")
        if key not in self.patients:
            phone = self.cell(cells, "phone")
            self.patients[key] = SourcePatient(source_id=source_id, first_name=first, last_name=last,
                                               date_of_birth=born, phones=(phone,) if phone else (),
                                               ref=ref)
        return self.patients[key]

    def practitioner(self, cells: list[str], ref: str) -> SourcePractitioner | None:
        source_id, name = self.cell(cells, "provider_id"), self.cell(cells, "provider_name")
        if not source_id and not name:
            return None
        key = ("id", source_id) if source_id else ("name", _folded(name))
        if key not in self.practitioners:
            self.practitioners[key] = SourcePractitioner(source_id=source_id, name=name, ref=ref)
        return self.practitioners[key]

    def times(self, cells: list[str], ref: str) -> tuple[datetime, datetime]:
        p = self.profile
        if p.columns.start:
            start_local = _parse(self.cell(cells, "start"), p.datetime_format, ref, "date and time")
        else:
            day = _parse(self.cell(cells, "start_date"), p.date_format, ref, "date").date()
            at = _parse(self.cell(cells, "start_time"), p.time_format, ref, "time")
            start_local = datetime.combine(day, at.time(), at.tzinfo)
        zone: tzinfo = start_local.tzinfo or self.zone
        start_local = start_local.replace(tzinfo=zone)
        if p.columns.end_time:
            at = _parse(self.cell(cells, "end_time"), p.time_format, ref, "time")
            end_local = datetime.combine(start_local.date(), at.time(), at.tzinfo or zone)
        else:
            text = self.cell(cells, "minutes")
            try:
                minutes = int(text)
            except ValueError:
                raise ImportFileError(f"{ref}: '{text}' is not a number of minutes") from None
            end_local = start_local + timedelta(minutes=minutes)
        return start_local.astimezone(UTC), end_local.astimezone(UTC)


def _parse(text: str, fmt: str, ref: str, what: str) -> datetime:
    if not text:
        raise ImportFileError(f"{ref}: the {what} is empty")
    try:
        return datetime.strptime(text, fmt)
    except ValueError:
        raise ImportFileError(f"{ref}: '{text}' is not a {what} as the profile reads them ({fmt})") from None
