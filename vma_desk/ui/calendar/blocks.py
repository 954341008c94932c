"""Schedule blocks (Edit → Schedule blocks…): lunch, meetings, vacation and admin time, for one
provider or everyone, one-off or repeating. The calendar refuses bookings over them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from vma_desk.core import wording
from vma_desk.core.calendar import Block, BlockKind
from vma_desk.core.errors import KnownError, ValidationError
from vma_desk.core.records import AuditAction, Change, RecordKind
from vma_desk.core.rules.scheduling import repeat_rule
from vma_desk.services import Services
from vma_desk.ui.shared.widgets import ErrorLine, confirm, date_field, to_date, to_time

REPEAT_LABELS = {"none": "Does not repeat", "daily": "Every day", "weekdays": "Every weekday",
                 "weekly": "Every week on that day", "biweekly": "Every other week on that day"}
BLOCK_ROLE = Qt.ItemDataRole.UserRole + 1


class BlocksDialog(QDialog):
    sig_changed = Signal(object)  # a core Change

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Schedule blocks")
        self.services = services
        providers = services.practice.providers()
        self._names = {p.id: p.display_name for p in providers}
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Time that cannot be booked. Times are the practice's "
                                f"({services.context.practice_zone().key})."))
        self.model = QStandardItemModel(self)
        self.list_view = QListView()
        self.list_view.setModel(self.model)
        self.list_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.list_view, 1)
        self.remove_button = QPushButton("&Remove block…")
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)

        form = QFormLayout()
        self.provider_combo = QComboBox()
        self.provider_combo.addItem("Everyone", None)
        for provider in providers:
            self.provider_combo.addItem(provider.display_name, provider.id)
        self.kind_combo = QComboBox()
        for kind in BlockKind:
            self.kind_combo.addItem(kind.value.capitalize(), kind.value)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("e.g. Lunch, Staff meeting, CME conference")
        today = services.context.today()
        self.date_edit = date_field(today)
        times = QHBoxLayout()
        self.start_edit = QTimeEdit(QTime(12, 0))
        self.end_edit = QTimeEdit(QTime(13, 0))
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("h:mm AP")
        times.addWidget(self.start_edit)
        times.addWidget(QLabel("to"))
        times.addWidget(self.end_edit)
        times.addStretch(1)
        self.repeat_combo = QComboBox()
        for key, label in REPEAT_LABELS.items():
            self.repeat_combo.addItem(label, key)
        until = QHBoxLayout()
        self.until_check = QCheckBox("until")
        self.until_edit = date_field(date(today.year, 12, 31))
        self.until_edit.setEnabled(False)
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        until.addWidget(self.until_check)
        until.addWidget(self.until_edit)
        until.addStretch(1)
        form.addRow("&Provider", self.provider_combo)
        form.addRow("&Kind", self.kind_combo)
        form.addRow("&Title", self.title_edit)
        form.addRow("&Date", self.date_edit)
        form.addRow("T&ime", times)
        form.addRow("&Repeats", self.repeat_combo)
        form.addRow("", until)
        layout.addLayout(form)
        self.error_label = ErrorLine()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.add_button = buttons.addButton("&Add block", QDialogButtonBox.ButtonRole.ActionRole)
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumSize(560, 520)
        self.resize(820, 600)
        self._load()

    def _describe(self, block: Block) -> str:
        who = self._names.get(block.provider_id, "Everyone") if block.provider_id else "Everyone"
        end = block.start + timedelta(minutes=block.minutes)
        base, _, until = block.rrule.partition(";UNTIL=")
        repeat = "one-off" if not base else "repeats"
        for key, label in REPEAT_LABELS.items():
            if base and repeat_rule(key, block.start) == base:
                repeat = label.lower()
        if until:
            repeat += f" until {until[4:6]}/{until[6:8]}/{until[:4]}"
        # a block of whole days (vacation) ends at midnight: say which day is the last
        ends = (f"{wording.weekday_date((end - timedelta(minutes=1)).date())} (whole days)"
                if block.minutes >= 24 * 60 else wording.clock(end))
        start = f"{wording.weekday_date(block.start.date())} {wording.clock(block.start)}"
        return f"{block.title or block.kind.value.capitalize()} · {who} · {start} to {ends} · {repeat}"

    def _load(self) -> None:
        self.model.clear()
        for block in self.services.calendar.blocks():
            item = QStandardItem(self._describe(block))
            item.setData(block, BLOCK_ROLE)
            self.model.appendRow(item)
        self.remove_button.setEnabled(self.model.rowCount() > 0)

    def _on_add_button_clicked(self) -> None:
        self.error_label.hide()
        day = to_date(self.date_edit.date())
        start, end = to_time(self.start_edit.time()), to_time(self.end_edit.time())
        if end <= start:
            self.error_label.say("The block must end after it starts.")
            self.end_edit.setFocus()
            return
        first = datetime.combine(day, start)
        minutes = (datetime.combine(day, end) - first).seconds // 60
        until = to_date(self.until_edit.date()) if self.until_check.isChecked() else None
        if until is not None and until < day:
            self.error_label.say("The last day must be on or after the first day.")
            return
        block = Block(kind=BlockKind(self.kind_combo.currentData()), start=first, minutes=minutes,
                      provider_id=self.provider_combo.currentData(),
                      title=" ".join(self.title_edit.text().split()),
                      rrule=repeat_rule(self.repeat_combo.currentData(), first, until))
        try:
            _saved, change = self.services.calendar.add_block(block)
        except (ValidationError, KnownError) as exc:
            self.error_label.say(str(exc) if isinstance(exc, ValidationError) else exc.message)
            return
        self._load()
        self.sig_changed.emit(change)

    def _on_remove_button_clicked(self) -> None:
        index = self.list_view.currentIndex()
        block = index.data(BLOCK_ROLE) if index.isValid() else None
        if not isinstance(block, Block) or block.id is None:
            self.error_label.say("Choose the block to remove in the list.")
            return
        if not confirm(self, "Remove block", f"Remove “{index.data()}”? Its time can be booked "
                       "again.", "Remove block", "Keep it"):
            return
        change = self.services.calendar.remove_block(block.id)
        self._load()
        self.sig_changed.emit(Change(RecordKind.SCHEDULE_BLOCK, AuditAction.DELETE, change.ids))
