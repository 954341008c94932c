# Generated from forms/calls_call.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calls_call.ui'
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
    QVBoxLayout, QWidget)

from vma_desk.ui.calls.call_timer import CallTimer
from vma_desk.ui.shared.patient_picker import PatientPicker
from vma_desk.ui.shared.red_flags import EscalationPanel

class Ui_CallsCall(object):
    def setupUi(self, CallsCall):
        if not CallsCall.objectName():
            CallsCall.setObjectName(u"CallsCall")
        CallsCall.resize(920, 520)
        self.dialog_layout = QVBoxLayout(CallsCall)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.header_row = QHBoxLayout()
        self.header_row.setObjectName(u"header_row")
        self.direction_label = QLabel(CallsCall)
        self.direction_label.setObjectName(u"direction_label")

        self.header_row.addWidget(self.direction_label)

        self.direction_combo = QComboBox(CallsCall)
        self.direction_combo.setObjectName(u"direction_combo")

        self.header_row.addWidget(self.direction_combo)

        self.started_label = QLabel(CallsCall)
        self.started_label.setObjectName(u"started_label")
        self.started_label.setTextFormat(Qt.TextFormat.PlainText)

        self.header_row.addWidget(self.started_label)

        self.header_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_row.addItem(self.header_spacer)

        self.call_timer = CallTimer(CallsCall)
        self.call_timer.setObjectName(u"call_timer")

        self.header_row.addWidget(self.call_timer)


        self.dialog_layout.addLayout(self.header_row)

        self.form_error_label = QLabel(CallsCall)
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
        self.patient_label = QLabel(CallsCall)
        self.patient_label.setObjectName(u"patient_label")

        self.left_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.patient_label)

        self.patient_box = QVBoxLayout()
        self.patient_box.setSpacing(2)
        self.patient_box.setObjectName(u"patient_box")
        self.patient_picker = PatientPicker(CallsCall)
        self.patient_picker.setObjectName(u"patient_picker")

        self.patient_box.addWidget(self.patient_picker)

        self.patient_error = QLabel(CallsCall)
        self.patient_error.setObjectName(u"patient_error")

        self.patient_box.addWidget(self.patient_error)


        self.left_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.patient_box)

        self.caller_label = QLabel(CallsCall)
        self.caller_label.setObjectName(u"caller_label")

        self.left_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.caller_label)

        self.caller_box = QVBoxLayout()
        self.caller_box.setSpacing(2)
        self.caller_box.setObjectName(u"caller_box")
        self.caller_edit = QLineEdit(CallsCall)
        self.caller_edit.setObjectName(u"caller_edit")
        self.caller_edit.setMaxLength(80)

        self.caller_box.addWidget(self.caller_edit)

        self.caller_error = QLabel(CallsCall)
        self.caller_error.setObjectName(u"caller_error")

        self.caller_box.addWidget(self.caller_error)


        self.left_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.caller_box)

        self.number_label = QLabel(CallsCall)
        self.number_label.setObjectName(u"number_label")

        self.left_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.number_label)

        self.number_box = QVBoxLayout()
        self.number_box.setSpacing(2)
        self.number_box.setObjectName(u"number_box")
        self.number_edit = QLineEdit(CallsCall)
        self.number_edit.setObjectName(u"number_edit")

        self.number_box.addWidget(self.number_edit)

        self.number_error = QLabel(CallsCall)
        self.number_error.setObjectName(u"number_error")

        self.number_box.addWidget(self.number_error)


        self.left_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.number_box)


        self.left_column.addLayout(self.left_form)

        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_column.addItem(self.left_spacer)


        self.columns.addLayout(self.left_column)

        self.right_form = QFormLayout()
        self.right_form.setObjectName(u"right_form")
        self.right_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reason_label = QLabel(CallsCall)
        self.reason_label.setObjectName(u"reason_label")

        self.right_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_box = QVBoxLayout()
        self.reason_box.setSpacing(2)
        self.reason_box.setObjectName(u"reason_box")
        self.reason_combo = QComboBox(CallsCall)
        self.reason_combo.setObjectName(u"reason_combo")

        self.reason_box.addWidget(self.reason_combo)

        self.reason_error = QLabel(CallsCall)
        self.reason_error.setObjectName(u"reason_error")

        self.reason_box.addWidget(self.reason_error)


        self.right_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.reason_box)

        self.routed_label = QLabel(CallsCall)
        self.routed_label.setObjectName(u"routed_label")

        self.right_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.routed_label)

        self.routed_box = QVBoxLayout()
        self.routed_box.setSpacing(2)
        self.routed_box.setObjectName(u"routed_box")
        self.routed_combo = QComboBox(CallsCall)
        self.routed_combo.setObjectName(u"routed_combo")

        self.routed_box.addWidget(self.routed_combo)

        self.routed_error = QLabel(CallsCall)
        self.routed_error.setObjectName(u"routed_error")

        self.routed_box.addWidget(self.routed_error)


        self.right_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.routed_box)

        self.outcome_label = QLabel(CallsCall)
        self.outcome_label.setObjectName(u"outcome_label")

        self.right_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.outcome_label)

        self.outcome_box = QVBoxLayout()
        self.outcome_box.setSpacing(2)
        self.outcome_box.setObjectName(u"outcome_box")
        self.outcome_combo = QComboBox(CallsCall)
        self.outcome_combo.setObjectName(u"outcome_combo")

        self.outcome_box.addWidget(self.outcome_combo)

        self.outcome_error = QLabel(CallsCall)
        self.outcome_error.setObjectName(u"outcome_error")

        self.outcome_box.addWidget(self.outcome_error)


        self.right_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.outcome_box)

        self.notes_label = QLabel(CallsCall)
        self.notes_label.setObjectName(u"notes_label")

        self.right_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_box = QVBoxLayout()
        self.notes_box.setSpacing(2)
        self.notes_box.setObjectName(u"notes_box")
        self.notes_edit = QPlainTextEdit(CallsCall)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setTabChangesFocus(True)

        self.notes_box.addWidget(self.notes_edit)

        self.notes_error = QLabel(CallsCall)
        self.notes_error.setObjectName(u"notes_error")

        self.notes_box.addWidget(self.notes_error)


        self.right_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.notes_box)


        self.columns.addLayout(self.right_form)


        self.dialog_layout.addLayout(self.columns)

        self.escalation_panel = EscalationPanel(CallsCall)
        self.escalation_panel.setObjectName(u"escalation_panel")

        self.dialog_layout.addWidget(self.escalation_panel)

        self.button_box = QDialogButtonBox(CallsCall)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.direction_label.setBuddy(self.direction_combo)
        self.patient_label.setBuddy(self.patient_picker)
        self.caller_label.setBuddy(self.caller_edit)
        self.number_label.setBuddy(self.number_edit)
        self.reason_label.setBuddy(self.reason_combo)
        self.routed_label.setBuddy(self.routed_combo)
        self.outcome_label.setBuddy(self.outcome_combo)
        self.notes_label.setBuddy(self.notes_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.patient_picker, self.caller_edit)
        QWidget.setTabOrder(self.caller_edit, self.number_edit)
        QWidget.setTabOrder(self.number_edit, self.reason_combo)
        QWidget.setTabOrder(self.reason_combo, self.routed_combo)
        QWidget.setTabOrder(self.routed_combo, self.outcome_combo)
        QWidget.setTabOrder(self.outcome_combo, self.notes_edit)
        QWidget.setTabOrder(self.notes_edit, self.escalation_panel)
        QWidget.setTabOrder(self.escalation_panel, self.direction_combo)
        QWidget.setTabOrder(self.direction_combo, self.call_timer)

        self.retranslateUi(CallsCall)

        QMetaObject.connectSlotsByName(CallsCall)
    # setupUi

    def retranslateUi(self, CallsCall):
        CallsCall.setWindowTitle(QCoreApplication.translate("CallsCall", u"Log call", None))
        self.direction_label.setText(QCoreApplication.translate("CallsCall", u"&Direction:", None))
        self.patient_label.setText(QCoreApplication.translate("CallsCall", u"&Patient:", None))
        self.caller_label.setText(QCoreApplication.translate("CallsCall", u"&Caller:", None))
        self.caller_edit.setPlaceholderText(QCoreApplication.translate("CallsCall", u"Who is calling", None))
        self.number_label.setText(QCoreApplication.translate("CallsCall", u"&Number:", None))
        self.number_edit.setPlaceholderText(QCoreApplication.translate("CallsCall", u"(312) 555-0142, blank when withheld", None))
        self.reason_label.setText(QCoreApplication.translate("CallsCall", u"&Reason:", None))
        self.routed_label.setText(QCoreApplication.translate("CallsCall", u"R&outed to:", None))
#if QT_CONFIG(tooltip)
        self.routed_combo.setToolTip(QCoreApplication.translate("CallsCall", u"Who the call goes to: set by the practice's routing rules from the reason (change it when needed)", None))
#endif // QT_CONFIG(tooltip)
        self.outcome_label.setText(QCoreApplication.translate("CallsCall", u"O&utcome:", None))
        self.notes_label.setText(QCoreApplication.translate("CallsCall", u"No&tes:", None))
        self.notes_edit.setPlaceholderText(QCoreApplication.translate("CallsCall", u"What the caller needs, in their words (Ctrl+Enter saves)", None))
    # retranslateUi
