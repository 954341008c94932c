"""CSV appointment reports read under a mapping profile: the built-in one and a practice's own
TOML file; what a user sees when the file or the profile does not fit."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from vma_desk.core.calendar import VisitStatus
from vma_desk.core.ehr import MAX_BYTES, ImportFileError
from vma_desk.services.ehr.csv_io import Profile, load_profile, read_csv

CHICAGO = ZoneInfo("America/Chicago")

ATHENA_LIKE = """\
system = "athena-lakeside"
date_format = "%m/%d/%Y"
time_format = "%I:%M %p"
date_of_birth_format = "%m/%d/%Y"
time_zone = "America/New_York"

[columns]
visit_id = "Appt ID"
patient_id = "MRN"
last_name = "Pt Last"
first_name = "Pt First"
date_of_birth = "DOB"
phone = "Home Phone"
provider_name = "Provider"
visit_type = "Appt Type"
status = "Appt Status"
start_date = "Appt Date"
start_time = "Appt Time"
minutes = "Duration"

[statuses]
"f - Filled" = "scheduled"
"x - Cancelled" = "cancelled"
"2 - Checked In" = "arrived"
"N - No Show" = "no-show"
"c - Confirmed" = "confirmed"
"""

GENERIC_HEADER = (b"Visit ID,Patient ID,Last Name,First Name,Date of Birth,Phone,Provider ID,Provider,"
                  b"Visit Type,Status,Date,Start,End\n")
HEADER = ("Appt ID;MRN;Pt Last;Pt First;DOB;Home Phone;Provider;Appt Type;Appt Status;Appt Date;Appt Time;"
          "Duration")


def athena(tmp_path: Path, text: str = ATHENA_LIKE) -> Profile:
    path = tmp_path / "athena.toml"
    path.write_text(text, encoding="utf-8")
    return load_profile(str(path))


def report(*lines: str, header: str = HEADER) -> bytes:
    return "\r\n".join([header, *lines]).encode("utf-8")


def test_a_bom_and_semicolons_under_a_practice_profile_read_right(tmp_path: Path):
    data = b"\xef\xbb\xbf" + report(
        "A-100;M1;Alvarez;Maria;07/14/1961;(312) 555-0142;Dana Lee MD;Follow-up;c - Confirmed;"
        "03/04/2026;09:30 AM;20",
        "A-101;M2;Brooks ;Tom  ;01/02/1990;;Dana Lee MD;New patient;X - CANCELLED;03/04/2026;"
        "02:00 PM;40  ")
    batch = read_csv(data, athena(tmp_path), zone=CHICAGO, name="appts.csv")

    assert batch.system == "csv:athena-lakeside"
    first, second = batch.visits
    assert first.source_id == "A-100" and first.status is VisitStatus.CONFIRMED
    # 9:30 in New York (the profile's zone, not the practice's) is 14:30 UTC
    assert (first.start, first.end) == (datetime(2026, 3, 4, 14, 30, tzinfo=UTC),
                                        datetime(2026, 3, 4, 14, 50, tzinfo=UTC))
    assert first.patient.source_id == "M1" and first.patient.date_of_birth == date(1961, 7, 14)
    assert first.patient.phones == ("(312) 555-0142",)
    assert first.practitioner is not None and first.practitioner.name == "Dana Lee MD"
    assert first.type_text == "Follow-up" and first.ref == "line 2"
    # trailing spaces gone, status words matched whatever their case
    assert (second.patient.last_name, second.patient.first_name) == ("Brooks", "Tom")
    assert second.status is VisitStatus.CANCELLED and second.minutes == 40
    assert [p.source_id for p in batch.patients] == ["M1", "M2"]
    assert len(batch.practitioners) == 1


def test_quoted_fields_with_separators_and_line_breaks_and_blank_lines(tmp_path: Path):
    data = report(
        "",
        'A-1;M1;"O\'Neil; Jr";Sean;;;"Lee; Dana";"Visit;\nwith a note";f - Filled;03/04/2026;10:00 AM;15',
        "   ",
        ";;;;;;;;;;;",
        "A-2;M2;Chu;Amy;;;Dana Lee;Physical;f - Filled;03/04/2026;11:00 AM;30",
        "")
    batch = read_csv(data, athena(tmp_path), zone=CHICAGO)

    assert [v.source_id for v in batch.visits] == ["A-1", "A-2"]
    assert batch.visits[0].patient.last_name == "O'Neil; Jr"
    assert batch.visits[0].type_text == "Visit;\nwith a note"
    # the record spanning two lines is named by its first; the next keeps the file's numbering
    assert [v.ref for v in batch.visits] == ["line 3", "line 7"]


def test_the_generic_profile_reads_commas_with_an_end_time():
    data = GENERIC_HEADER + b"9,,Nguyen,Lan,,,,,,Checked In,2026-07-01,08:00,08:45\n"
    batch = read_csv(data, load_profile("generic"), zone=CHICAGO)
    (visit,) = batch.visits
    assert batch.system == "csv:generic"
    assert visit.start == datetime(2026, 7, 1, 13, 0, tzinfo=UTC)  # CDT: the practice's zone
    assert visit.minutes == 45 and visit.status is VisitStatus.ARRIVED
    assert visit.practitioner is None and visit.patient.date_of_birth is None


def test_a_header_without_the_profiles_columns_names_them(tmp_path: Path):
    data = report("A-1;M1;Chu;Amy", header="Appt ID;MRN;Pt Last;Pt First;DOB;Home Phone;Appt Type;"
                                           "Appt Status;Appt Time;Duration")
    with pytest.raises(ImportFileError) as caught:
        read_csv(data, athena(tmp_path), zone=CHICAGO)
    assert "the header lacks the columns the profile names: Provider, Appt Date" in caught.value.message


def test_a_date_in_another_format_names_its_line(tmp_path: Path):
    data = report("A-1;M1;Chu;Amy;;;Lee;Physical;f - Filled;03/04/2026;11:00 AM;30",
                  "A-2;M2;Chu;Bo;;;Lee;Physical;f - Filled;2026-03-04;11:30 AM;30")
    with pytest.raises(ImportFileError) as caught:
        read_csv(data, athena(tmp_path), zone=CHICAGO)
    assert caught.value.message == ("line 3: '2026-03-04' is not a date as the profile reads them "
                                    "(%m/%d/%Y)")


def test_an_end_before_its_start_names_its_line():
    data = (GENERIC_HEADER + b"1,,Chu,Amy,,,,,,,2026-03-04,10:00,10:30\n"
            b"2,,Chu,Bo,,,,,,,2026-03-04,11:00,10:30\n")
    with pytest.raises(ImportFileError) as caught:
        read_csv(data, load_profile("generic"), zone=CHICAGO)
    assert caught.value.message == "line 3: the visit ends before it starts"


def test_an_unknown_status_word_names_its_line_and_the_known_words(tmp_path: Path):
    data = report("A-1;M1;Chu;Amy;;;Lee;Physical;Bumped;03/04/2026;11:00 AM;30")
    with pytest.raises(ImportFileError) as caught:
        read_csv(data, athena(tmp_path), zone=CHICAGO)
    assert caught.value.message.startswith("line 2: the status 'Bumped' is not one the profile knows")
    assert "f - Filled" in caught.value.message


def test_a_file_over_the_limit_is_refused_before_it_is_read():
    with pytest.raises(ImportFileError) as caught:
        read_csv(b"x" * (MAX_BYTES + 1), load_profile("generic"), zone=CHICAGO, name="year.csv")
    assert caught.value.message.startswith("year.csv is 50 MB")


def test_a_quote_left_open_and_an_empty_file_are_refused():
    generic = load_profile("generic")
    with pytest.raises(ImportFileError, match="line 2: the CSV cannot be read"):
        read_csv(GENERIC_HEADER + b'1,,"Chu,Amy,,,,,,,2026-03-04,10:00,10:30\n', generic, zone=CHICAGO)
    with pytest.raises(ImportFileError, match="it has no header line"):
        read_csv(b"\n\n", generic, zone=CHICAGO)


@pytest.mark.parametrize(("change", "names"), [
    (("[columns]\nvisit_id", "[columns]\nvisit_key"), "columns.visit_key"),
    (('"c - Confirmed" = "confirmed"', '"c - Confirmed" = "sure"'), 'statuses."c - Confirmed"'),
    (('time_zone = "America/New_York"', 'time_zone = "Mars/Olympus"'), "time_zone"),
    (('minutes = "Duration"', ""), "columns.end_time"),
    (('system = "athena-lakeside"', 'system = 3'), "system"),
    (('system = "athena-lakeside"', 'sistem = "x"'), "sistem"),
])
def test_a_bad_profile_is_refused_naming_the_key(tmp_path: Path, change: tuple[str, str], names: str):
    with pytest.raises(ImportFileError) as caught:
        athena(tmp_path, ATHENA_LIKE.replace(*change))
    assert caught.value.message.startswith(f"profile athena.toml: {names} ")


def test_a_missing_profile_and_broken_toml_are_refused(tmp_path: Path):
    with pytest.raises(ImportFileError, match='no profile "nowhere.toml"'):
        load_profile("nowhere.toml")
    with pytest.raises(ImportFileError, match="profile athena.toml is not valid TOML"):
        athena(tmp_path, "system = ")
