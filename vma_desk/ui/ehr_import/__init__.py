"""File → Import…: the EHR's schedule and patients, previewed before anything changes (`dialog.py`)."""
