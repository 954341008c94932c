"""The audit trail, read-only: who did what to which record, and when (in the practice's time).

`AuditView` is the widget (for a tab or a dialog); `AuditDialog` wraps it for a menu entry. The
trail holds record ids and field names, never patient values, so nothing here needs masking.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QVBoxLayout, QWidget

from vma_desk.services import Services
from vma_desk.ui.audit.model import (
    COL_ACTION,
    COL_RECORD,
    COL_USER,
    COL_WHEN,
    AuditTableModel,
)
from vma_desk.ui.forms.ui_audit_view import Ui_AuditView


class AuditView(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AuditView()
        self.ui.setupUi(self)
        self._services = services
        self.model = AuditTableModel(services.audit, services.context.practice_zone(), self)
        table = self.ui.table_view
        table.setModel(self.model)
        header = table.horizontalHeader()
        for column in (COL_WHEN, COL_USER, COL_ACTION, COL_RECORD):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # one line a row, as in a log: the default row height fits an editor nobody can open here
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)

        self.refresh_action = QAction("&Refresh", self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_action.setToolTip("Show the newest entries (F5)")
        self.refresh_action.triggered.connect(self._on_refresh_action_triggered)
        self.addAction(self.refresh_action)
        self.ui.refresh_button.setDefaultAction(self.refresh_action)
        self.model.rowsInserted.connect(self._on_model_rows_inserted)
        self.ui.export_button.clicked.connect(self._on_export_button_clicked)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        self.model.refresh(self._services.context.practice_zone())
        self._update_summary()
        self._update_chain()

    def _update_chain(self) -> None:
        """The chain verified (and compared with its anchor file): "verified", or what broke, red."""
        report = self._services.audit.verify()
        label = self.ui.chain_label
        if report.ok:
            label.setText(f"Audit trail verified: {report.count:,} entries, chain intact.")
            label.setProperty("role", "")
            label.setStyleSheet("")
        else:
            label.setText(f"{report.summary()}. Compare it with a backup, and ask who had this "
                          "workspace's key.")
            label.setProperty("role", "field-error")
            label.setStyleSheet("color: #b00020; font-weight: bold;")

    @Slot()
    def _on_export_button_clicked(self) -> None:
        from vma_desk.ui.audit.export import AuditExportDialog

        dialog = AuditExportDialog(self._services, self)
        self.export_dialog = dialog  # for tests: the one open now
        if dialog.exec() == AuditExportDialog.DialogCode.Accepted:
            self.refresh()  # the export's own entry

    @Slot()
    def _on_refresh_action_triggered(self) -> None:
        self.refresh()

    @Slot(QModelIndex, int, int)
    def _on_model_rows_inserted(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        self._update_summary()

    def _update_summary(self) -> None:
        total = self._services.audit.count()
        shown = self.model.rowCount()
        more = f", {shown:,} loaded (scroll for more)" if shown < total else ""
        self.ui.summary_label.setText(
            f"{total:,} entries, newest first{more}. Times are the practice's ({self.model.zone.key})."
        )


class AuditDialog(QDialog):
    """The audit view with a Close button (built in code: it is one widget and a button box)."""

    #: a lock closes this window (it shows patient data and holds no form being filled in)
    closes_on_lock = True

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Audit trail")
        self.resize(900, 520)
        self.view = AuditView(services, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
