"""The labs a refill's protocol requires, each with the date the chart shows it was last done.

`LabDatesEditor` shows one blank-able date field per lab (`set_labs`), keeps the dates already
typed when the list changes (the medication was retyped) and reads them back as `LabCheck`s. A
date typed only in part is refused on reading, never guessed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from vma_desk.core.errors import ValidationError
from vma_desk.core.refills import LabCheck
from vma_desk.ui.shared.widgets import DateEdit

EMPTY_TEXT = "Type the medication: the labs the protocol requires for it appear here."
NONE_TEXT = "None: the protocol requires no labs for this medication."


class LabDatesEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labs: tuple[LabCheck, ...] = ()
        self._edits: dict[str, DateEdit] = {}
        self._row_widgets: list[QWidget] = []
        self._between: tuple[QWidget, QWidget] | None = None
        self._today = date.today()
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setHorizontalSpacing(8)
        self._layout.setVerticalSpacing(2)
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setObjectName("labs_empty_label")
        self.empty_label.setWordWrap(True)
        self._layout.addWidget(self.empty_label, 0, 0, 1, 2)
        self.setAccessibleName("Labs required, with the date each was last done")

    def set_today(self, today: date) -> None:
        """The month a blank date's calendar opens on (the practice's today)."""
        self._today = today
        for edit in self._edits.values():
            edit.blank_calendar_page = QDate(today.year, today.month, today.day)

    def set_labs(self, labs: tuple[LabCheck, ...], *, medication_known: bool = True) -> None:
        """Show these labs; a lab already shown keeps the date typed for it."""
        self.empty_label.setText(NONE_TEXT if medication_known else EMPTY_TEXT)
        self.empty_label.setVisible(not labs)
        if [(lab.name, lab.every_months) for lab in labs] == \
                [(lab.name, lab.every_months) for lab in self._labs]:
            return
        typed = {name: edit.value() for name, edit in self._edits.items()}
        for widget in self._row_widgets:
            self._layout.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._row_widgets = []
        self._labs = labs
        self._edits = {}
        for row, lab in enumerate(labs, start=1):
            name = QLabel(f"{lab.name} (every {lab.every_months} months), last done:")
            name.setObjectName("lab_name_label")
            edit = DateEdit()
            edit.setObjectName("lab_date_edit")
            edit.setAccessibleName(f"{lab.name} last done")
            edit.setToolTip(f"When the chart shows {lab.name} was last done (blank: no result on record)")
            edit.blank_calendar_page = QDate(self._today.year, self._today.month, self._today.day)
            edit.set_value(typed.get(lab.name) or lab.last_done)
            name.setBuddy(edit)
            self._layout.addWidget(name, row, 0)
            self._layout.addWidget(edit, row, 1, Qt.AlignmentFlag.AlignLeft)
            self._edits[lab.name] = edit
            self._row_widgets += [name, edit]
            if self.isVisible():  # at once: a layout shows a new child only on the next event loop pass
                name.show()
                edit.show()
        edits = list(self._edits.values())
        # PySide6's stub leaves out None, which Qt takes (setFocusProxy(nullptr): no proxy)
        self.setFocusProxy(edits[0] if edits else None)  # type: ignore[arg-type]
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if edits else Qt.FocusPolicy.NoFocus)
        self._chain()

    def place_in_tab_order(self, before: QWidget, after: QWidget) -> None:
        """Tab walks from `before` through the date fields to `after`, however many there are
        (fields made after the form's tab order was set would otherwise come last)."""
        self._between = (before, after)
        self._chain()

    def _chain(self) -> None:
        if self._between is not None:
            chain = [self._between[0], *self._edits.values(), self._between[1]]
            for first, second in zip(chain, chain[1:], strict=False):
                QWidget.setTabOrder(first, second)

    def names(self) -> list[str]:
        return [lab.name for lab in self._labs]

    def date_edit(self, name: str) -> DateEdit:
        return self._edits[name]

    def edits(self) -> list[DateEdit]:
        return list(self._edits.values())

    def problem_edit(self) -> QWidget:
        """Where an error about the labs points: the first date typed in part, else the first."""
        edits = self.edits()
        partial = [e for e in edits if e.value() is None and not e.is_blank()]
        if partial:
            return partial[0]
        return edits[0] if edits else self

    def labs(self) -> tuple[LabCheck, ...]:
        """The labs with their dates; a `ValidationError` on "labs" for a date typed in part."""
        found = []
        for lab in self._labs:
            edit = self._edits[lab.name]
            if edit.value() is None and not edit.is_blank():
                raise ValidationError("labs", f"{lab.name}: type the whole date (MM/DD/YYYY) or none")
            found.append(LabCheck(lab.name, lab.every_months, edit.value()))
        return tuple(found)
