"""Reading and writing the formats the practice's EHR speaks (issue 17): FHIR R4 bundles
(`fhir_io.py`), CSV appointment reports under a mapping profile (`csv_io.py`, `profiles/`), and
iCalendar feeds (`ics_io.py`). Each reader gives a `core.ehr.ImportBatch` or refuses the file with
`core.ehr.ImportFileError`; matching and applying is `services/ehr_import.py`'s."""
