"""File → Export: reports as PDF, previewed before they are printed or saved."""
