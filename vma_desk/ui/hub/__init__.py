"""The patient hub: a patient's whole picture and one key to each next step (`dialog.py`)."""
