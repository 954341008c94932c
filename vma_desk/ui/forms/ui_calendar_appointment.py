# Generated from forms/calendar_appointment.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calendar_appointment.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTimeEdit,
    QVBoxLayout, QWidget)

from vma_desk.ui.calendar.approval import ApprovalPanel
from vma_desk.ui.shared.widgets import DateEdit

class Ui_CalendarAppointment(object):
    def setupUi(self, CalendarAppointment):
        if not CalendarAppointment.objectName():
            CalendarAppointment.setObjectName(u"CalendarAppointment")
        CalendarAppointment.resize(860, 600)
        self.dialog_layout = QVBoxLayout(CalendarAppointment)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.summary_label = QLabel(CalendarAppointment)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.summary_label)

        self.details_label = QLabel(CalendarAppointment)
        self.details_label.setObjectName(u"details_label")
        self.details_label.setWordWrap(True)
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.details_label)

        self.flags_label = QLabel(CalendarAppointment)
        self.flags_label.setObjectName(u"flags_label")
        self.flags_label.setWordWrap(True)
        self.flags_label.setTextFormat(Qt.TextFormat.PlainText)
        self.flags_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialog_layout.addWidget(self.flags_label)

        self.form_error_label = QLabel(CalendarAppointment)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.left_column = QVBoxLayout()
        self.left_column.setObjectName(u"left_column")
        self.status_group = QGroupBox(CalendarAppointment)
        self.status_group.setObjectName(u"status_group")
        self.status_form = QFormLayout(self.status_group)
        self.status_form.setObjectName(u"status_form")
        self.confirmation_label = QLabel(self.status_group)
        self.confirmation_label.setObjectName(u"confirmation_label")

        self.status_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.confirmation_label)

        self.confirmation_box = QVBoxLayout()
        self.confirmation_box.setSpacing(2)
        self.confirmation_box.setObjectName(u"confirmation_box")
        self.confirmation_combo = QComboBox(self.status_group)
        self.confirmation_combo.setObjectName(u"confirmation_combo")

        self.confirmation_box.addWidget(self.confirmation_combo)

        self.confirmation_error = QLabel(self.status_group)
        self.confirmation_error.setObjectName(u"confirmation_error")

        self.confirmation_box.addWidget(self.confirmation_error)


        self.status_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.confirmation_box)

        self.method_label = QLabel(self.status_group)
        self.method_label.setObjectName(u"method_label")

        self.status_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.method_label)

        self.method_box = QVBoxLayout()
        self.method_box.setSpacing(2)
        self.method_box.setObjectName(u"method_box")
        self.method_combo = QComboBox(self.status_group)
        self.method_combo.setObjectName(u"method_combo")

        self.method_box.addWidget(self.method_combo)

        self.method_error = QLabel(self.status_group)
        self.method_error.setObjectName(u"method_error")

        self.method_box.addWidget(self.method_error)


        self.status_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.method_box)

        self.status_label = QLabel(self.status_group)
        self.status_label.setObjectName(u"status_label")

        self.status_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status_box = QVBoxLayout()
        self.status_box.setSpacing(2)
        self.status_box.setObjectName(u"status_box")
        self.status_combo = QComboBox(self.status_group)
        self.status_combo.setObjectName(u"status_combo")

        self.status_box.addWidget(self.status_combo)

        self.status_error = QLabel(self.status_group)
        self.status_error.setObjectName(u"status_error")

        self.status_box.addWidget(self.status_error)


        self.status_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.status_box)

        self.call_after_box = QVBoxLayout()
        self.call_after_box.setSpacing(2)
        self.call_after_box.setObjectName(u"call_after_box")
        self.call_after_check = QCheckBox(self.status_group)
        self.call_after_check.setObjectName(u"call_after_check")

        self.call_after_box.addWidget(self.call_after_check)

        self.call_after_note = QLabel(self.status_group)
        self.call_after_note.setObjectName(u"call_after_note")
        self.call_after_note.setWordWrap(True)
        self.call_after_note.setTextFormat(Qt.TextFormat.PlainText)

        self.call_after_box.addWidget(self.call_after_note)

        self.call_after_error = QLabel(self.status_group)
        self.call_after_error.setObjectName(u"call_after_error")

        self.call_after_box.addWidget(self.call_after_error)


        self.status_form.setLayout(3, QFormLayout.ItemRole.SpanningRole, self.call_after_box)


        self.left_column.addWidget(self.status_group)

        self.eligibility_group = QGroupBox(CalendarAppointment)
        self.eligibility_group.setObjectName(u"eligibility_group")
        self.eligibility_form = QFormLayout(self.eligibility_group)
        self.eligibility_form.setObjectName(u"eligibility_form")
        self.eligibility_label = QLabel(self.eligibility_group)
        self.eligibility_label.setObjectName(u"eligibility_label")

        self.eligibility_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.eligibility_label)

        self.eligibility_combo = QComboBox(self.eligibility_group)
        self.eligibility_combo.setObjectName(u"eligibility_combo")

        self.eligibility_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.eligibility_combo)

        self.coverage_row = QHBoxLayout()
        self.coverage_row.setObjectName(u"coverage_row")
        self.active_check = QCheckBox(self.eligibility_group)
        self.active_check.setObjectName(u"active_check")

        self.coverage_row.addWidget(self.active_check)

        self.in_network_check = QCheckBox(self.eligibility_group)
        self.in_network_check.setObjectName(u"in_network_check")

        self.coverage_row.addWidget(self.in_network_check)


        self.eligibility_form.setLayout(1, QFormLayout.ItemRole.SpanningRole, self.coverage_row)

        self.copay_label = QLabel(self.eligibility_group)
        self.copay_label.setObjectName(u"copay_label")

        self.eligibility_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.copay_label)

        self.copay_box = QVBoxLayout()
        self.copay_box.setSpacing(2)
        self.copay_box.setObjectName(u"copay_box")
        self.copay_edit = QLineEdit(self.eligibility_group)
        self.copay_edit.setObjectName(u"copay_edit")
        self.copay_edit.setMaxLength(200)

        self.copay_box.addWidget(self.copay_edit)

        self.copay_error = QLabel(self.eligibility_group)
        self.copay_error.setObjectName(u"copay_error")

        self.copay_box.addWidget(self.copay_error)


        self.eligibility_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.copay_box)

        self.deductible_label = QLabel(self.eligibility_group)
        self.deductible_label.setObjectName(u"deductible_label")

        self.eligibility_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.deductible_label)

        self.deductible_box = QVBoxLayout()
        self.deductible_box.setSpacing(2)
        self.deductible_box.setObjectName(u"deductible_box")
        self.deductible_row = QHBoxLayout()
        self.deductible_row.setObjectName(u"deductible_row")
        self.deductible_met_combo = QComboBox(self.eligibility_group)
        self.deductible_met_combo.setObjectName(u"deductible_met_combo")

        self.deductible_row.addWidget(self.deductible_met_combo)

        self.deductible_remaining_label = QLabel(self.eligibility_group)
        self.deductible_remaining_label.setObjectName(u"deductible_remaining_label")

        self.deductible_row.addWidget(self.deductible_remaining_label)

        self.deductible_remaining_edit = QLineEdit(self.eligibility_group)
        self.deductible_remaining_edit.setObjectName(u"deductible_remaining_edit")
        self.deductible_remaining_edit.setMaxLength(20)

        self.deductible_row.addWidget(self.deductible_remaining_edit)


        self.deductible_box.addLayout(self.deductible_row)

        self.deductible_remaining_error = QLabel(self.eligibility_group)
        self.deductible_remaining_error.setObjectName(u"deductible_remaining_error")

        self.deductible_box.addWidget(self.deductible_remaining_error)


        self.eligibility_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.deductible_box)

        self.coinsurance_label = QLabel(self.eligibility_group)
        self.coinsurance_label.setObjectName(u"coinsurance_label")

        self.eligibility_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.coinsurance_label)

        self.coinsurance_box = QVBoxLayout()
        self.coinsurance_box.setSpacing(2)
        self.coinsurance_box.setObjectName(u"coinsurance_box")
        self.coinsurance_edit = QLineEdit(self.eligibility_group)
        self.coinsurance_edit.setObjectName(u"coinsurance_edit")
        self.coinsurance_edit.setMaxLength(10)

        self.coinsurance_box.addWidget(self.coinsurance_edit)

        self.coinsurance_error = QLabel(self.eligibility_group)
        self.coinsurance_error.setObjectName(u"coinsurance_error")

        self.coinsurance_box.addWidget(self.coinsurance_error)


        self.eligibility_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.coinsurance_box)

        self.oop_label = QLabel(self.eligibility_group)
        self.oop_label.setObjectName(u"oop_label")

        self.eligibility_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.oop_label)

        self.oop_box = QVBoxLayout()
        self.oop_box.setSpacing(2)
        self.oop_box.setObjectName(u"oop_box")
        self.oop_edit = QLineEdit(self.eligibility_group)
        self.oop_edit.setObjectName(u"oop_edit")
        self.oop_edit.setMaxLength(200)

        self.oop_box.addWidget(self.oop_edit)

        self.oop_error = QLabel(self.eligibility_group)
        self.oop_error.setObjectName(u"oop_error")

        self.oop_box.addWidget(self.oop_error)


        self.eligibility_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.oop_box)

        self.secondary_eligibility_label = QLabel(self.eligibility_group)
        self.secondary_eligibility_label.setObjectName(u"secondary_eligibility_label")

        self.eligibility_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.secondary_eligibility_label)

        self.secondary_eligibility_combo = QComboBox(self.eligibility_group)
        self.secondary_eligibility_combo.setObjectName(u"secondary_eligibility_combo")

        self.eligibility_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.secondary_eligibility_combo)

        self.eligibility_checked_label = QLabel(self.eligibility_group)
        self.eligibility_checked_label.setObjectName(u"eligibility_checked_label")
        self.eligibility_checked_label.setWordWrap(True)
        self.eligibility_checked_label.setTextFormat(Qt.TextFormat.PlainText)

        self.eligibility_form.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.eligibility_checked_label)


        self.left_column.addWidget(self.eligibility_group)

        self.telehealth_group = QGroupBox(CalendarAppointment)
        self.telehealth_group.setObjectName(u"telehealth_group")
        self.telehealth_form = QFormLayout(self.telehealth_group)
        self.telehealth_form.setObjectName(u"telehealth_form")
        self.link_label = QLabel(self.telehealth_group)
        self.link_label.setObjectName(u"link_label")

        self.telehealth_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.link_label)

        self.link_box = QVBoxLayout()
        self.link_box.setSpacing(2)
        self.link_box.setObjectName(u"link_box")
        self.link_edit = QLineEdit(self.telehealth_group)
        self.link_edit.setObjectName(u"link_edit")

        self.link_box.addWidget(self.link_edit)

        self.link_error = QLabel(self.telehealth_group)
        self.link_error.setObjectName(u"link_error")

        self.link_box.addWidget(self.link_error)


        self.telehealth_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.link_box)

        self.tech_check_label = QLabel(self.telehealth_group)
        self.tech_check_label.setObjectName(u"tech_check_label")

        self.telehealth_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.tech_check_label)

        self.tech_check_combo = QComboBox(self.telehealth_group)
        self.tech_check_combo.setObjectName(u"tech_check_combo")

        self.telehealth_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.tech_check_combo)


        self.left_column.addWidget(self.telehealth_group)

        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_column.addItem(self.left_spacer)


        self.columns.addLayout(self.left_column)

        self.reschedule_group = QGroupBox(CalendarAppointment)
        self.reschedule_group.setObjectName(u"reschedule_group")
        self.reschedule_layout = QVBoxLayout(self.reschedule_group)
        self.reschedule_layout.setObjectName(u"reschedule_layout")
        self.reschedule_form = QFormLayout()
        self.reschedule_form.setObjectName(u"reschedule_form")
        self.provider_label = QLabel(self.reschedule_group)
        self.provider_label.setObjectName(u"provider_label")

        self.reschedule_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.provider_label)

        self.provider_box = QVBoxLayout()
        self.provider_box.setSpacing(2)
        self.provider_box.setObjectName(u"provider_box")
        self.provider_combo = QComboBox(self.reschedule_group)
        self.provider_combo.setObjectName(u"provider_combo")

        self.provider_box.addWidget(self.provider_combo)

        self.provider_error = QLabel(self.reschedule_group)
        self.provider_error.setObjectName(u"provider_error")

        self.provider_box.addWidget(self.provider_error)


        self.reschedule_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.provider_box)

        self.start_label = QLabel(self.reschedule_group)
        self.start_label.setObjectName(u"start_label")

        self.reschedule_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.start_label)

        self.start_box = QVBoxLayout()
        self.start_box.setSpacing(2)
        self.start_box.setObjectName(u"start_box")
        self.start_row = QHBoxLayout()
        self.start_row.setObjectName(u"start_row")
        self.date_edit = DateEdit(self.reschedule_group)
        self.date_edit.setObjectName(u"date_edit")

        self.start_row.addWidget(self.date_edit)

        self.time_edit = QTimeEdit(self.reschedule_group)
        self.time_edit.setObjectName(u"time_edit")

        self.start_row.addWidget(self.time_edit)

        self.zone_label = QLabel(self.reschedule_group)
        self.zone_label.setObjectName(u"zone_label")

        self.start_row.addWidget(self.zone_label)

        self.start_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.start_row.addItem(self.start_spacer)


        self.start_box.addLayout(self.start_row)

        self.start_error = QLabel(self.reschedule_group)
        self.start_error.setObjectName(u"start_error")

        self.start_box.addWidget(self.start_error)


        self.reschedule_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.start_box)

        self.minutes_label = QLabel(self.reschedule_group)
        self.minutes_label.setObjectName(u"minutes_label")

        self.reschedule_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.minutes_label)

        self.minutes_box = QVBoxLayout()
        self.minutes_box.setSpacing(2)
        self.minutes_box.setObjectName(u"minutes_box")
        self.minutes_spin = QSpinBox(self.reschedule_group)
        self.minutes_spin.setObjectName(u"minutes_spin")
        self.minutes_spin.setMinimum(5)
        self.minutes_spin.setMaximum(480)
        self.minutes_spin.setSingleStep(5)

        self.minutes_box.addWidget(self.minutes_spin)

        self.minutes_error = QLabel(self.reschedule_group)
        self.minutes_error.setObjectName(u"minutes_error")

        self.minutes_box.addWidget(self.minutes_error)


        self.reschedule_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.minutes_box)


        self.reschedule_layout.addLayout(self.reschedule_form)

        self.reschedule_hint = QLabel(self.reschedule_group)
        self.reschedule_hint.setObjectName(u"reschedule_hint")
        self.reschedule_hint.setWordWrap(True)
        self.reschedule_hint.setTextFormat(Qt.TextFormat.PlainText)

        self.reschedule_layout.addWidget(self.reschedule_hint)

        self.approval_panel = ApprovalPanel(self.reschedule_group)
        self.approval_panel.setObjectName(u"approval_panel")

        self.reschedule_layout.addWidget(self.approval_panel)

        self.reschedule_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.reschedule_layout.addItem(self.reschedule_spacer)


        self.columns.addWidget(self.reschedule_group)

        self.columns.setStretch(0, 1)
        self.columns.setStretch(1, 1)

        self.dialog_layout.addLayout(self.columns)

        self.bottom_row = QHBoxLayout()
        self.bottom_row.setObjectName(u"bottom_row")
        self.cancel_visit_button = QPushButton(CalendarAppointment)
        self.cancel_visit_button.setObjectName(u"cancel_visit_button")
        self.cancel_visit_button.setAutoDefault(False)

        self.bottom_row.addWidget(self.cancel_visit_button)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottom_row.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(CalendarAppointment)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close|QDialogButtonBox.StandardButton.Save)

        self.bottom_row.addWidget(self.button_box)


        self.dialog_layout.addLayout(self.bottom_row)

#if QT_CONFIG(shortcut)
        self.confirmation_label.setBuddy(self.confirmation_combo)
        self.method_label.setBuddy(self.method_combo)
        self.status_label.setBuddy(self.status_combo)
        self.eligibility_label.setBuddy(self.eligibility_combo)
        self.copay_label.setBuddy(self.copay_edit)
        self.deductible_label.setBuddy(self.deductible_met_combo)
        self.deductible_remaining_label.setBuddy(self.deductible_remaining_edit)
        self.coinsurance_label.setBuddy(self.coinsurance_edit)
        self.oop_label.setBuddy(self.oop_edit)
        self.secondary_eligibility_label.setBuddy(self.secondary_eligibility_combo)
        self.link_label.setBuddy(self.link_edit)
        self.tech_check_label.setBuddy(self.tech_check_combo)
        self.provider_label.setBuddy(self.provider_combo)
        self.start_label.setBuddy(self.date_edit)
        self.minutes_label.setBuddy(self.minutes_spin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.confirmation_combo, self.method_combo)
        QWidget.setTabOrder(self.method_combo, self.status_combo)
        QWidget.setTabOrder(self.status_combo, self.call_after_check)
        QWidget.setTabOrder(self.call_after_check, self.eligibility_combo)
        QWidget.setTabOrder(self.eligibility_combo, self.active_check)
        QWidget.setTabOrder(self.active_check, self.in_network_check)
        QWidget.setTabOrder(self.in_network_check, self.copay_edit)
        QWidget.setTabOrder(self.copay_edit, self.deductible_met_combo)
        QWidget.setTabOrder(self.deductible_met_combo, self.deductible_remaining_edit)
        QWidget.setTabOrder(self.deductible_remaining_edit, self.coinsurance_edit)
        QWidget.setTabOrder(self.coinsurance_edit, self.oop_edit)
        QWidget.setTabOrder(self.oop_edit, self.secondary_eligibility_combo)
        QWidget.setTabOrder(self.secondary_eligibility_combo, self.link_edit)
        QWidget.setTabOrder(self.link_edit, self.tech_check_combo)
        QWidget.setTabOrder(self.tech_check_combo, self.provider_combo)
        QWidget.setTabOrder(self.provider_combo, self.date_edit)
        QWidget.setTabOrder(self.date_edit, self.time_edit)
        QWidget.setTabOrder(self.time_edit, self.minutes_spin)
        QWidget.setTabOrder(self.minutes_spin, self.approval_panel)
        QWidget.setTabOrder(self.approval_panel, self.cancel_visit_button)

        self.retranslateUi(CalendarAppointment)

        QMetaObject.connectSlotsByName(CalendarAppointment)
    # setupUi

    def retranslateUi(self, CalendarAppointment):
        CalendarAppointment.setWindowTitle(QCoreApplication.translate("CalendarAppointment", u"Appointment", None))
        self.status_group.setTitle(QCoreApplication.translate("CalendarAppointment", u"Confirmation and arrival", None))
        self.confirmation_label.setText(QCoreApplication.translate("CalendarAppointment", u"C&onfirmation:", None))
#if QT_CONFIG(tooltip)
        self.confirmation_combo.setToolTip(QCoreApplication.translate("CalendarAppointment", u"Where the confirmation calls stand; kept when the patient arrives", None))
#endif // QT_CONFIG(tooltip)
        self.method_label.setText(QCoreApplication.translate("CalendarAppointment", u"&Method:", None))
#if QT_CONFIG(tooltip)
        self.method_combo.setToolTip(QCoreApplication.translate("CalendarAppointment", u"How the patient was reached", None))
#endif // QT_CONFIG(tooltip)
        self.status_label.setText(QCoreApplication.translate("CalendarAppointment", u"Arrival &status:", None))
#if QT_CONFIG(tooltip)
        self.status_combo.setToolTip(QCoreApplication.translate("CalendarAppointment", u"Arrived or no-show on the day (cancel with its reason: Cancel visit\u2026)", None))
#endif // QT_CONFIG(tooltip)
        self.call_after_check.setText(QCoreApplication.translate("CalendarAppointment", u"&Follow-up call after the visit", None))
        self.eligibility_group.setTitle(QCoreApplication.translate("CalendarAppointment", u"Insurance eligibility", None))
        self.eligibility_label.setText(QCoreApplication.translate("CalendarAppointment", u"R&esult:", None))
        self.active_check.setText(QCoreApplication.translate("CalendarAppointment", u"Coverage &active on the visit date", None))
        self.in_network_check.setText(QCoreApplication.translate("CalendarAppointment", u"Member covered, &in network", None))
        self.copay_label.setText(QCoreApplication.translate("CalendarAppointment", u"Co&pay:", None))
        self.copay_edit.setPlaceholderText(QCoreApplication.translate("CalendarAppointment", u"e.g. $25 per visit", None))
        self.deductible_label.setText(QCoreApplication.translate("CalendarAppointment", u"Deductible:", None))
#if QT_CONFIG(accessibility)
        self.deductible_met_combo.setAccessibleName(QCoreApplication.translate("CalendarAppointment", u"Deductible met", None))
#endif // QT_CONFIG(accessibility)
        self.deductible_remaining_label.setText(QCoreApplication.translate("CalendarAppointment", u"remainin&g:", None))
        self.deductible_remaining_edit.setPlaceholderText(QCoreApplication.translate("CalendarAppointment", u"e.g. $350", None))
#if QT_CONFIG(accessibility)
        self.deductible_remaining_edit.setAccessibleName(QCoreApplication.translate("CalendarAppointment", u"Deductible remaining", None))
#endif // QT_CONFIG(accessibility)
        self.coinsurance_label.setText(QCoreApplication.translate("CalendarAppointment", u"Coi&nsurance:", None))
        self.coinsurance_edit.setPlaceholderText(QCoreApplication.translate("CalendarAppointment", u"patient's share, e.g. 20%", None))
        self.oop_label.setText(QCoreApplication.translate("CalendarAppointment", u"Ou&t-of-pocket:", None))
        self.oop_edit.setPlaceholderText(QCoreApplication.translate("CalendarAppointment", u"e.g. max $6,000, $1,100 met", None))
        self.secondary_eligibility_label.setText(QCoreApplication.translate("CalendarAppointment", u"Secondar&y:", None))
#if QT_CONFIG(accessibility)
        self.secondary_eligibility_combo.setAccessibleName(QCoreApplication.translate("CalendarAppointment", u"Secondary insurance verification", None))
#endif // QT_CONFIG(accessibility)
        self.telehealth_group.setTitle(QCoreApplication.translate("CalendarAppointment", u"Telehealth", None))
        self.link_label.setText(QCoreApplication.translate("CalendarAppointment", u"&Link:", None))
        self.link_edit.setPlaceholderText(QCoreApplication.translate("CalendarAppointment", u"https://\u2026", None))
        self.tech_check_label.setText(QCoreApplication.translate("CalendarAppointment", u"Tech chec&k:", None))
        self.reschedule_group.setTitle(QCoreApplication.translate("CalendarAppointment", u"Reschedule", None))
        self.provider_label.setText(QCoreApplication.translate("CalendarAppointment", u"P&rovider:", None))
        self.start_label.setText(QCoreApplication.translate("CalendarAppointment", u"&Date and time:", None))
#if QT_CONFIG(tooltip)
        self.date_edit.setToolTip(QCoreApplication.translate("CalendarAppointment", u"The day, in the practice's time zone", None))
#endif // QT_CONFIG(tooltip)
        self.time_edit.setDisplayFormat(QCoreApplication.translate("CalendarAppointment", u"h:mm AP", None))
#if QT_CONFIG(tooltip)
        self.time_edit.setToolTip(QCoreApplication.translate("CalendarAppointment", u"The start, in the practice's time zone", None))
#endif // QT_CONFIG(tooltip)
        self.minutes_label.setText(QCoreApplication.translate("CalendarAppointment", u"D&uration:", None))
        self.minutes_spin.setSuffix(QCoreApplication.translate("CalendarAppointment", u" min", None))
        self.reschedule_hint.setText(QCoreApplication.translate("CalendarAppointment", u"Changing these moves the visit; the freed slot is offered to the waitlist.", None))
        self.cancel_visit_button.setText(QCoreApplication.translate("CalendarAppointment", u"Cancel &visit\u2026", None))
    # retranslateUi
