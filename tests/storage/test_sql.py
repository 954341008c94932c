"""Lookups by many ids go in chunks of `sql.CHUNK`: a practice's whole panel comes back whole."""

from __future__ import annotations

from datetime import date

from vma_desk.core.records import Patient, Phone
from vma_desk.storage import sql
from vma_desk.storage.database import transaction
from vma_desk.storage.repositories import PatientRepository


def test_chunks_keep_every_id_once_in_order():
    ids = list(range(2 * sql.CHUNK + 1))
    parts = list(sql.chunks(ids))
    assert [len(p) for p in parts] == [sql.CHUNK, sql.CHUNK, 1]
    assert [i for p in parts for i in p] == ids
    assert list(sql.chunks([])) == []


def test_statement_text_from_a_column_list():
    assert sql.column_marks("a, b,c") == "?, ?, ?"
    assert sql.assignments("a, b,c") == "a = ?, b = ?, c = ?"
    assert sql.marks(1) == "?"


def test_a_panel_larger_than_a_chunk_reads_back_whole(workspace):
    repo = PatientRepository(workspace.conn)
    count = 2 * sql.CHUNK + 3
    with transaction(workspace.conn):
        ids = [repo.insert(Patient(f"First{n}", f"Last{n}", date(1970, 1, 1),
                                   phones=(Phone(f"312555{n:04d}"),)))
               for n in range(count)]
    names = repo.display_names(ids)
    assert len(names) == count and names[ids[-1]] == f"Last{count - 1}, First{count - 1}"
    patients = repo.get_many(list(reversed(ids)))
    assert sorted(patients) == sorted(ids)
    assert patients[ids[sql.CHUNK]].phones == (Phone(f"312555{sql.CHUNK:04d}"),)
