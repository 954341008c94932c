# Generated from forms/refills_request.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'refills_request.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QSpinBox, QTimeEdit, QVBoxLayout, QWidget)

from vma_desk.ui.refills.labs import LabDatesEditor
from vma_desk.ui.shared.patient_picker import PatientPicker
from vma_desk.ui.shared.red_flags import EscalationPanel
from vma_desk.ui.shared.widgets import DateEdit

class Ui_RefillsRequest(object):
    def setupUi(self, RefillsRequest):
        if not RefillsRequest.objectName():
            RefillsRequest.setObjectName(u"RefillsRequest")
        RefillsRequest.resize(980, 600)
        self.dialog_layout = QVBoxLayout(RefillsRequest)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.source_note_label = QLabel(RefillsRequest)
        self.source_note_label.setObjectName(u"source_note_label")
        self.source_note_label.setWordWrap(True)
        self.source_note_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.source_note_label)

        self.form_error_label = QLabel(RefillsRequest)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.columns = QHBoxLayout()
        self.columns.setSpacing(16)
        self.columns.setObjectName(u"columns")
        self.left_column = QVBoxLayout()
        self.left_column.setObjectName(u"left_column")
        self.left_form = QFormLayout()
        self.left_form.setObjectName(u"left_form")
        self.left_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.source_label = QLabel(RefillsRequest)
        self.source_label.setObjectName(u"source_label")

        self.left_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.source_label)

        self.source_box = QVBoxLayout()
        self.source_box.setSpacing(2)
        self.source_box.setObjectName(u"source_box")
        self.source_combo = QComboBox(RefillsRequest)
        self.source_combo.setObjectName(u"source_combo")

        self.source_box.addWidget(self.source_combo)

        self.source_error = QLabel(RefillsRequest)
        self.source_error.setObjectName(u"source_error")

        self.source_box.addWidget(self.source_error)


        self.left_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.source_box)

        self.received_label = QLabel(RefillsRequest)
        self.received_label.setObjectName(u"received_label")

        self.left_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.received_label)

        self.received_box = QVBoxLayout()
        self.received_box.setSpacing(2)
        self.received_box.setObjectName(u"received_box")
        self.received_row = QHBoxLayout()
        self.received_row.setObjectName(u"received_row")
        self.received_date_edit = DateEdit(RefillsRequest)
        self.received_date_edit.setObjectName(u"received_date_edit")

        self.received_row.addWidget(self.received_date_edit)

        self.received_time_edit = QTimeEdit(RefillsRequest)
        self.received_time_edit.setObjectName(u"received_time_edit")

        self.received_row.addWidget(self.received_time_edit)

        self.zone_label = QLabel(RefillsRequest)
        self.zone_label.setObjectName(u"zone_label")

        self.received_row.addWidget(self.zone_label)

        self.received_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.received_row.addItem(self.received_row_spacer)


        self.received_box.addLayout(self.received_row)

        self.received_error = QLabel(RefillsRequest)
        self.received_error.setObjectName(u"received_error")

        self.received_box.addWidget(self.received_error)


        self.left_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.received_box)

        self.patient_label = QLabel(RefillsRequest)
        self.patient_label.setObjectName(u"patient_label")

        self.left_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.patient_label)

        self.patient_box = QVBoxLayout()
        self.patient_box.setSpacing(2)
        self.patient_box.setObjectName(u"patient_box")
        self.patient_picker = PatientPicker(RefillsRequest)
        self.patient_picker.setObjectName(u"patient_picker")

        self.patient_box.addWidget(self.patient_picker)

        self.patient_error = QLabel(RefillsRequest)
        self.patient_error.setObjectName(u"patient_error")

        self.patient_box.addWidget(self.patient_error)


        self.left_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.patient_box)

        self.requested_by_label = QLabel(RefillsRequest)
        self.requested_by_label.setObjectName(u"requested_by_label")

        self.left_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.requested_by_label)

        self.requested_by_box = QVBoxLayout()
        self.requested_by_box.setSpacing(2)
        self.requested_by_box.setObjectName(u"requested_by_box")
        self.requested_by_edit = QLineEdit(RefillsRequest)
        self.requested_by_edit.setObjectName(u"requested_by_edit")
        self.requested_by_edit.setMaxLength(80)

        self.requested_by_box.addWidget(self.requested_by_edit)

        self.requested_by_error = QLabel(RefillsRequest)
        self.requested_by_error.setObjectName(u"requested_by_error")

        self.requested_by_box.addWidget(self.requested_by_error)


        self.left_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.requested_by_box)

        self.pharmacy_label = QLabel(RefillsRequest)
        self.pharmacy_label.setObjectName(u"pharmacy_label")

        self.left_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.pharmacy_label)

        self.pharmacy_box = QVBoxLayout()
        self.pharmacy_box.setSpacing(2)
        self.pharmacy_box.setObjectName(u"pharmacy_box")
        self.pharmacy_edit = QLineEdit(RefillsRequest)
        self.pharmacy_edit.setObjectName(u"pharmacy_edit")
        self.pharmacy_edit.setMaxLength(120)

        self.pharmacy_box.addWidget(self.pharmacy_edit)

        self.pharmacy_error = QLabel(RefillsRequest)
        self.pharmacy_error.setObjectName(u"pharmacy_error")

        self.pharmacy_box.addWidget(self.pharmacy_error)


        self.left_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.pharmacy_box)

        self.prescriber_label = QLabel(RefillsRequest)
        self.prescriber_label.setObjectName(u"prescriber_label")

        self.left_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.prescriber_label)

        self.prescriber_box = QVBoxLayout()
        self.prescriber_box.setSpacing(2)
        self.prescriber_box.setObjectName(u"prescriber_box")
        self.prescriber_combo = QComboBox(RefillsRequest)
        self.prescriber_combo.setObjectName(u"prescriber_combo")

        self.prescriber_box.addWidget(self.prescriber_combo)

        self.prescriber_error = QLabel(RefillsRequest)
        self.prescriber_error.setObjectName(u"prescriber_error")

        self.prescriber_box.addWidget(self.prescriber_error)


        self.left_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.prescriber_box)

        self.urgency_label = QLabel(RefillsRequest)
        self.urgency_label.setObjectName(u"urgency_label")

        self.left_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.urgency_label)

        self.urgency_box = QVBoxLayout()
        self.urgency_box.setSpacing(2)
        self.urgency_box.setObjectName(u"urgency_box")
        self.urgency_combo = QComboBox(RefillsRequest)
        self.urgency_combo.setObjectName(u"urgency_combo")

        self.urgency_box.addWidget(self.urgency_combo)

        self.urgency_error = QLabel(RefillsRequest)
        self.urgency_error.setObjectName(u"urgency_error")

        self.urgency_box.addWidget(self.urgency_error)


        self.left_form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.urgency_box)


        self.left_column.addLayout(self.left_form)

        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_column.addItem(self.left_spacer)


        self.columns.addLayout(self.left_column)

        self.right_form = QFormLayout()
        self.right_form.setObjectName(u"right_form")
        self.right_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.medication_label = QLabel(RefillsRequest)
        self.medication_label.setObjectName(u"medication_label")

        self.right_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.medication_label)

        self.medication_box = QVBoxLayout()
        self.medication_box.setSpacing(2)
        self.medication_box.setObjectName(u"medication_box")
        self.medication_edit = QLineEdit(RefillsRequest)
        self.medication_edit.setObjectName(u"medication_edit")
        self.medication_edit.setMaxLength(120)

        self.medication_box.addWidget(self.medication_edit)

        self.medication_error = QLabel(RefillsRequest)
        self.medication_error.setObjectName(u"medication_error")

        self.medication_box.addWidget(self.medication_error)


        self.right_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.medication_box)

        self.strength_label = QLabel(RefillsRequest)
        self.strength_label.setObjectName(u"strength_label")

        self.right_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.strength_label)

        self.strength_box = QVBoxLayout()
        self.strength_box.setSpacing(2)
        self.strength_box.setObjectName(u"strength_box")
        self.dose_row = QHBoxLayout()
        self.dose_row.setObjectName(u"dose_row")
        self.strength_edit = QLineEdit(RefillsRequest)
        self.strength_edit.setObjectName(u"strength_edit")
        self.strength_edit.setMaxLength(40)

        self.dose_row.addWidget(self.strength_edit)

        self.quantity_label = QLabel(RefillsRequest)
        self.quantity_label.setObjectName(u"quantity_label")

        self.dose_row.addWidget(self.quantity_label)

        self.quantity_edit = QLineEdit(RefillsRequest)
        self.quantity_edit.setObjectName(u"quantity_edit")
        self.quantity_edit.setMaxLength(40)

        self.dose_row.addWidget(self.quantity_edit)

        self.dose_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dose_row.addItem(self.dose_row_spacer)


        self.strength_box.addLayout(self.dose_row)

        self.strength_error = QLabel(RefillsRequest)
        self.strength_error.setObjectName(u"strength_error")

        self.strength_box.addWidget(self.strength_error)


        self.right_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.strength_box)

        self.refills_label = QLabel(RefillsRequest)
        self.refills_label.setObjectName(u"refills_label")

        self.right_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.refills_label)

        self.refills_box = QVBoxLayout()
        self.refills_box.setSpacing(2)
        self.refills_box.setObjectName(u"refills_box")
        self.refills_row = QHBoxLayout()
        self.refills_row.setObjectName(u"refills_row")
        self.refills_spin = QSpinBox(RefillsRequest)
        self.refills_spin.setObjectName(u"refills_spin")

        self.refills_row.addWidget(self.refills_spin)

        self.refills_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.refills_row.addItem(self.refills_row_spacer)


        self.refills_box.addLayout(self.refills_row)

        self.refills_error = QLabel(RefillsRequest)
        self.refills_error.setObjectName(u"refills_error")

        self.refills_box.addWidget(self.refills_error)


        self.right_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.refills_box)

        self.labs_label = QLabel(RefillsRequest)
        self.labs_label.setObjectName(u"labs_label")

        self.right_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.labs_label)

        self.labs_box = QVBoxLayout()
        self.labs_box.setSpacing(2)
        self.labs_box.setObjectName(u"labs_box")
        self.labs_editor = LabDatesEditor(RefillsRequest)
        self.labs_editor.setObjectName(u"labs_editor")

        self.labs_box.addWidget(self.labs_editor)

        self.labs_error = QLabel(RefillsRequest)
        self.labs_error.setObjectName(u"labs_error")

        self.labs_box.addWidget(self.labs_error)


        self.right_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.labs_box)

        self.notes_label = QLabel(RefillsRequest)
        self.notes_label.setObjectName(u"notes_label")

        self.right_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_box = QVBoxLayout()
        self.notes_box.setSpacing(2)
        self.notes_box.setObjectName(u"notes_box")
        self.notes_edit = QPlainTextEdit(RefillsRequest)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setTabChangesFocus(True)

        self.notes_box.addWidget(self.notes_edit)

        self.notes_error = QLabel(RefillsRequest)
        self.notes_error.setObjectName(u"notes_error")

        self.notes_box.addWidget(self.notes_error)


        self.right_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.notes_box)


        self.columns.addLayout(self.right_form)


        self.dialog_layout.addLayout(self.columns)

        self.escalation_panel = EscalationPanel(RefillsRequest)
        self.escalation_panel.setObjectName(u"escalation_panel")

        self.dialog_layout.addWidget(self.escalation_panel)

        self.button_box = QDialogButtonBox(RefillsRequest)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.source_label.setBuddy(self.source_combo)
        self.received_label.setBuddy(self.received_date_edit)
        self.patient_label.setBuddy(self.patient_picker)
        self.requested_by_label.setBuddy(self.requested_by_edit)
        self.pharmacy_label.setBuddy(self.pharmacy_edit)
        self.prescriber_label.setBuddy(self.prescriber_combo)
        self.urgency_label.setBuddy(self.urgency_combo)
        self.medication_label.setBuddy(self.medication_edit)
        self.strength_label.setBuddy(self.strength_edit)
        self.quantity_label.setBuddy(self.quantity_edit)
        self.refills_label.setBuddy(self.refills_spin)
        self.labs_label.setBuddy(self.labs_editor)
        self.notes_label.setBuddy(self.notes_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.source_combo, self.received_date_edit)
        QWidget.setTabOrder(self.received_date_edit, self.received_time_edit)
        QWidget.setTabOrder(self.received_time_edit, self.patient_picker)
        QWidget.setTabOrder(self.patient_picker, self.requested_by_edit)
        QWidget.setTabOrder(self.requested_by_edit, self.pharmacy_edit)
        QWidget.setTabOrder(self.pharmacy_edit, self.prescriber_combo)
        QWidget.setTabOrder(self.prescriber_combo, self.urgency_combo)
        QWidget.setTabOrder(self.urgency_combo, self.medication_edit)
        QWidget.setTabOrder(self.medication_edit, self.strength_edit)
        QWidget.setTabOrder(self.strength_edit, self.quantity_edit)
        QWidget.setTabOrder(self.quantity_edit, self.refills_spin)
        QWidget.setTabOrder(self.refills_spin, self.labs_editor)
        QWidget.setTabOrder(self.labs_editor, self.notes_edit)
        QWidget.setTabOrder(self.notes_edit, self.escalation_panel)

        self.retranslateUi(RefillsRequest)

        QMetaObject.connectSlotsByName(RefillsRequest)
    # setupUi

    def retranslateUi(self, RefillsRequest):
        RefillsRequest.setWindowTitle(QCoreApplication.translate("RefillsRequest", u"New refill request", None))
        self.source_label.setText(QCoreApplication.translate("RefillsRequest", u"Received &from:", None))
#if QT_CONFIG(tooltip)
        self.source_combo.setToolTip(QCoreApplication.translate("RefillsRequest", u"How the request reached the practice", None))
#endif // QT_CONFIG(tooltip)
        self.received_label.setText(QCoreApplication.translate("RefillsRequest", u"Recei&ved:", None))
#if QT_CONFIG(tooltip)
        self.received_date_edit.setToolTip(QCoreApplication.translate("RefillsRequest", u"The day the request came in (practice time)", None))
#endif // QT_CONFIG(tooltip)
        self.received_time_edit.setDisplayFormat(QCoreApplication.translate("RefillsRequest", u"h:mm AP", None))
#if QT_CONFIG(tooltip)
        self.received_time_edit.setToolTip(QCoreApplication.translate("RefillsRequest", u"The time it came in: before noon it is due the same business day", None))
#endif // QT_CONFIG(tooltip)
        self.patient_label.setText(QCoreApplication.translate("RefillsRequest", u"&Patient:", None))
        self.requested_by_label.setText(QCoreApplication.translate("RefillsRequest", u"Re&quested by:", None))
        self.requested_by_edit.setPlaceholderText(QCoreApplication.translate("RefillsRequest", u"Who asked (the patient, Walgreens, the nurse...)", None))
        self.pharmacy_label.setText(QCoreApplication.translate("RefillsRequest", u"Pharm&acy:", None))
        self.pharmacy_edit.setPlaceholderText(QCoreApplication.translate("RefillsRequest", u"The pharmacy to send it to", None))
        self.prescriber_label.setText(QCoreApplication.translate("RefillsRequest", u"P&rescriber:", None))
#if QT_CONFIG(tooltip)
        self.prescriber_combo.setToolTip(QCoreApplication.translate("RefillsRequest", u"The provider who prescribes it and decides the refill", None))
#endif // QT_CONFIG(tooltip)
        self.urgency_label.setText(QCoreApplication.translate("RefillsRequest", u"&Urgency:", None))
#if QT_CONFIG(tooltip)
        self.urgency_combo.setToolTip(QCoreApplication.translate("RefillsRequest", u"Routine: due the same business day when received by noon. Urgent: the same business day.", None))
#endif // QT_CONFIG(tooltip)
        self.medication_label.setText(QCoreApplication.translate("RefillsRequest", u"&Medication:", None))
        self.medication_edit.setPlaceholderText(QCoreApplication.translate("RefillsRequest", u"e.g. Lisinopril", None))
        self.strength_label.setText(QCoreApplication.translate("RefillsRequest", u"S&trength:", None))
        self.strength_edit.setPlaceholderText(QCoreApplication.translate("RefillsRequest", u"e.g. 10 mg", None))
        self.quantity_label.setText(QCoreApplication.translate("RefillsRequest", u"Qua&ntity:", None))
        self.quantity_edit.setPlaceholderText(QCoreApplication.translate("RefillsRequest", u"e.g. 90", None))
        self.refills_label.setText(QCoreApplication.translate("RefillsRequest", u"Refills &left:", None))
#if QT_CONFIG(tooltip)
        self.refills_spin.setToolTip(QCoreApplication.translate("RefillsRequest", u"Refills left at the pharmacy, as the request or the chart says", None))
#endif // QT_CONFIG(tooltip)
        self.labs_label.setText(QCoreApplication.translate("RefillsRequest", u"La&bs:", None))
        self.notes_label.setText(QCoreApplication.translate("RefillsRequest", u"N&otes:", None))
        self.notes_edit.setPlaceholderText(QCoreApplication.translate("RefillsRequest", u"What the caller or the pharmacy said (Ctrl+Enter saves)", None))
    # retranslateUi
