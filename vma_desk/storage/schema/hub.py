"""The patient hub's read of a patient's contact attempts: by patient, the newest first."""

SQL = """
CREATE INDEX contact_attempt_patient ON contact_attempt(patient_id, at_ts)
"""
