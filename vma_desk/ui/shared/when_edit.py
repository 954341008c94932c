"""`WhenEdit`: a date and time field (an attempt's time, a voicemail's) that Tab leaves, as every
other field of a form; Left and Right move between its parts (day, month, hour ...), Up and Down
change the part the cursor is in. `QDateTimeEdit` alone walks Tab through its parts, so the next
field's typing would land in the time.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDateTimeEdit, QWidget

#: how a time is shown and typed: '03/02/2026 9:30 AM' (month first, as the date fields: a weekday
#: first would be a part that Up and Down step only within its week)
WHEN_FORMAT = "MM/dd/yyyy h:mm AP"


class WhenEdit(QDateTimeEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(WHEN_FORMAT)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        return QWidget.focusNextPrevChild(self, next)
