"""Beside the practice's EHR (issue 17): what an import reads, whatever the file's format.

Each reader (FHIR R4 bundle, CSV under a mapping profile, iCalendar) turns a file into one
`ImportBatch`: the source system it comes from, its patients, practitioners and visits, each with
where it was in the file (`ref`: "line 12", "Appointment/abc-1", "VEVENT 3"). A file that cannot be
read as a whole (malformed, the wrong header, a date in another format, an end before its start, too
big) is refused with `ImportFileError`, naming the line or resource: nothing is imported then.
Matching the batch against the workspace and applying it is the import service's
(`services/ehr_import.py`), in one transaction.

Times are aware datetimes in UTC (a reader turns a local time into UTC with the file's or the
profile's zone); dates of birth are dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from vma_desk.core.calendar import VisitStatus
from vma_desk.core.errors import KnownError

#: the largest file an import reads: a year of a large practice is far below it
MAX_BYTES = 50 * 1024 * 1024


class ImportFileError(KnownError):
    """The file cannot be imported as a whole: the message names the line or resource and why."""

    exit_status = 2


@dataclass(frozen=True)
class SourcePatient:
    """A patient as the source has them: its own identifier ("" when it gives none), name, date of
    birth and phones as written."""

    source_id: str
    first_name: str
    last_name: str
    date_of_birth: date | None
    phones: tuple[str, ...] = ()
    ref: str = ""


@dataclass(frozen=True)
class SourcePractitioner:
    """A practitioner as the source has them: identifier ("" none) and name as written."""

    source_id: str
    name: str
    ref: str = ""


@dataclass(frozen=True)
class SourceVisit:
    """A visit as the source has it: its id in the source system, status, start and end (UTC),
    patient and practitioner (the source's), and the visit type as text."""

    source_id: str
    status: VisitStatus
    start: datetime
    end: datetime
    patient: SourcePatient
    practitioner: SourcePractitioner | None
    type_text: str = ""
    ref: str = ""

    @property
    def minutes(self) -> int:
        return max(1, round((self.end - self.start).total_seconds() / 60))


@dataclass(frozen=True)
class ImportBatch:
    """One file read: `system` names the source ("fhir:http://ehr.example/ids", "csv:generic",
    "ics:dr-lee"): visits and patients are matched by the system and their id in it."""

    system: str
    visits: tuple[SourceVisit, ...] = ()
    patients: tuple[SourcePatient, ...] = ()
    practitioners: tuple[SourcePractitioner, ...] = ()


def check_size(size: int, name: str) -> None:
    """A file over `MAX_BYTES` is refused before it is read."""
    if size > MAX_BYTES:
        raise ImportFileError(f"{name} is {size / 1024 / 1024:.0f} MB: an import reads files up to "
                              f"{MAX_BYTES // 1024 // 1024} MB. Export a shorter period from the EHR.")


def check_times(start: datetime, end: datetime, ref: str) -> None:
    """A visit ending before it starts is refused, naming where it is in the file."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ImportFileError(f"{ref}: the visit's time has no time zone (give one in the file or the "
                              "profile)")
    if end <= start:
        raise ImportFileError(f"{ref}: the visit ends before it starts")
    if end - start > timedelta(hours=12):
        raise ImportFileError(f"{ref}: the visit lasts more than 12 hours (check its start and end)")
