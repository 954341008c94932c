"""PDF reports (reportlab): the daily huddle sheet, a patient's communication summary and the
practice's activity summary. Each renders to bytes in memory from a service's data; nothing is
written to disk until `services.exports` writes the file the user chose (encrypted first when a
password is given)."""
