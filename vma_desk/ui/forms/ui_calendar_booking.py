# Generated from forms/calendar_booking.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calendar_booking.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListView, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QTimeEdit, QVBoxLayout,
    QWidget)

from vma_desk.ui.calendar.approval import ApprovalPanel
from vma_desk.ui.shared.patient_picker import PatientPicker
from vma_desk.ui.shared.widgets import DateEdit

class Ui_CalendarBooking(object):
    def setupUi(self, CalendarBooking):
        if not CalendarBooking.objectName():
            CalendarBooking.setObjectName(u"CalendarBooking")
        CalendarBooking.resize(940, 640)
        self.dialog_layout = QVBoxLayout(CalendarBooking)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form_error_label = QLabel(CalendarBooking)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.visit_group = QGroupBox(CalendarBooking)
        self.visit_group.setObjectName(u"visit_group")
        self.visit_layout = QVBoxLayout(self.visit_group)
        self.visit_layout.setObjectName(u"visit_layout")
        self.visit_form = QFormLayout()
        self.visit_form.setObjectName(u"visit_form")
        self.patient_label = QLabel(self.visit_group)
        self.patient_label.setObjectName(u"patient_label")

        self.visit_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.patient_label)

        self.patient_box = QVBoxLayout()
        self.patient_box.setSpacing(2)
        self.patient_box.setObjectName(u"patient_box")
        self.patient_picker = PatientPicker(self.visit_group)
        self.patient_picker.setObjectName(u"patient_picker")

        self.patient_box.addWidget(self.patient_picker)

        self.patient_error = QLabel(self.visit_group)
        self.patient_error.setObjectName(u"patient_error")

        self.patient_box.addWidget(self.patient_error)


        self.visit_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.patient_box)

        self.type_label = QLabel(self.visit_group)
        self.type_label.setObjectName(u"type_label")

        self.visit_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.type_label)

        self.type_box = QVBoxLayout()
        self.type_box.setSpacing(2)
        self.type_box.setObjectName(u"type_box")
        self.type_combo = QComboBox(self.visit_group)
        self.type_combo.setObjectName(u"type_combo")

        self.type_box.addWidget(self.type_combo)

        self.type_error = QLabel(self.visit_group)
        self.type_error.setObjectName(u"type_error")

        self.type_box.addWidget(self.type_error)


        self.visit_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.type_box)

        self.provider_label = QLabel(self.visit_group)
        self.provider_label.setObjectName(u"provider_label")

        self.visit_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.provider_label)

        self.provider_box = QVBoxLayout()
        self.provider_box.setSpacing(2)
        self.provider_box.setObjectName(u"provider_box")
        self.provider_combo = QComboBox(self.visit_group)
        self.provider_combo.setObjectName(u"provider_combo")

        self.provider_box.addWidget(self.provider_combo)

        self.provider_error = QLabel(self.visit_group)
        self.provider_error.setObjectName(u"provider_error")

        self.provider_box.addWidget(self.provider_error)


        self.visit_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.provider_box)

        self.start_label = QLabel(self.visit_group)
        self.start_label.setObjectName(u"start_label")

        self.visit_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.start_label)

        self.start_box = QVBoxLayout()
        self.start_box.setSpacing(2)
        self.start_box.setObjectName(u"start_box")
        self.start_row = QHBoxLayout()
        self.start_row.setObjectName(u"start_row")
        self.date_edit = DateEdit(self.visit_group)
        self.date_edit.setObjectName(u"date_edit")

        self.start_row.addWidget(self.date_edit)

        self.time_edit = QTimeEdit(self.visit_group)
        self.time_edit.setObjectName(u"time_edit")

        self.start_row.addWidget(self.time_edit)

        self.zone_label = QLabel(self.visit_group)
        self.zone_label.setObjectName(u"zone_label")

        self.start_row.addWidget(self.zone_label)

        self.start_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.start_row.addItem(self.start_spacer)


        self.start_box.addLayout(self.start_row)

        self.start_error = QLabel(self.visit_group)
        self.start_error.setObjectName(u"start_error")

        self.start_box.addWidget(self.start_error)


        self.visit_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.start_box)

        self.minutes_label = QLabel(self.visit_group)
        self.minutes_label.setObjectName(u"minutes_label")

        self.visit_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.minutes_label)

        self.minutes_box = QVBoxLayout()
        self.minutes_box.setSpacing(2)
        self.minutes_box.setObjectName(u"minutes_box")
        self.minutes_spin = QSpinBox(self.visit_group)
        self.minutes_spin.setObjectName(u"minutes_spin")
        self.minutes_spin.setMinimum(5)
        self.minutes_spin.setMaximum(480)
        self.minutes_spin.setSingleStep(5)
        self.minutes_spin.setValue(20)

        self.minutes_box.addWidget(self.minutes_spin)

        self.minutes_error = QLabel(self.visit_group)
        self.minutes_error.setObjectName(u"minutes_error")

        self.minutes_box.addWidget(self.minutes_error)


        self.visit_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.minutes_box)

        self.reason_label = QLabel(self.visit_group)
        self.reason_label.setObjectName(u"reason_label")

        self.visit_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_box = QVBoxLayout()
        self.reason_box.setSpacing(2)
        self.reason_box.setObjectName(u"reason_box")
        self.reason_edit = QLineEdit(self.visit_group)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setMaxLength(200)

        self.reason_box.addWidget(self.reason_edit)

        self.reason_error = QLabel(self.visit_group)
        self.reason_error.setObjectName(u"reason_error")

        self.reason_box.addWidget(self.reason_error)


        self.visit_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.reason_box)

        self.notes_label = QLabel(self.visit_group)
        self.notes_label.setObjectName(u"notes_label")

        self.visit_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_box = QVBoxLayout()
        self.notes_box.setSpacing(2)
        self.notes_box.setObjectName(u"notes_box")
        self.notes_edit = QPlainTextEdit(self.visit_group)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumSize(QSize(16777215, 64))

        self.notes_box.addWidget(self.notes_edit)

        self.notes_error = QLabel(self.visit_group)
        self.notes_error.setObjectName(u"notes_error")

        self.notes_box.addWidget(self.notes_error)


        self.visit_form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.notes_box)


        self.visit_layout.addLayout(self.visit_form)

        self.visit_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.visit_layout.addItem(self.visit_spacer)


        self.columns.addWidget(self.visit_group)

        self.find_group = QGroupBox(CalendarBooking)
        self.find_group.setObjectName(u"find_group")
        self.find_layout = QVBoxLayout(self.find_group)
        self.find_layout.setObjectName(u"find_layout")
        self.find_hint = QLabel(self.find_group)
        self.find_hint.setObjectName(u"find_hint")
        self.find_hint.setWordWrap(True)

        self.find_layout.addWidget(self.find_hint)

        self.find_form = QFormLayout()
        self.find_form.setObjectName(u"find_form")
        self.days_label = QLabel(self.find_group)
        self.days_label.setObjectName(u"days_label")

        self.find_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.days_label)

        self.days_box = QWidget(self.find_group)
        self.days_box.setObjectName(u"days_box")
        self.days_layout = QHBoxLayout(self.days_box)
        self.days_layout.setObjectName(u"days_layout")
        self.days_layout.setContentsMargins(0, 0, 0, 0)

        self.find_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.days_box)

        self.between_label = QLabel(self.find_group)
        self.between_label.setObjectName(u"between_label")

        self.find_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.between_label)

        self.between_row = QHBoxLayout()
        self.between_row.setObjectName(u"between_row")
        self.earliest_edit = QTimeEdit(self.find_group)
        self.earliest_edit.setObjectName(u"earliest_edit")

        self.between_row.addWidget(self.earliest_edit)

        self.and_label = QLabel(self.find_group)
        self.and_label.setObjectName(u"and_label")

        self.between_row.addWidget(self.and_label)

        self.latest_edit = QTimeEdit(self.find_group)
        self.latest_edit.setObjectName(u"latest_edit")

        self.between_row.addWidget(self.latest_edit)

        self.between_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.between_row.addItem(self.between_spacer)


        self.find_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.between_row)

        self.any_provider_check = QCheckBox(self.find_group)
        self.any_provider_check.setObjectName(u"any_provider_check")

        self.find_form.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.any_provider_check)


        self.find_layout.addLayout(self.find_form)

        self.find_button = QPushButton(self.find_group)
        self.find_button.setObjectName(u"find_button")
        self.find_button.setAutoDefault(False)

        self.find_layout.addWidget(self.find_button)

        self.slot_list = QListView(self.find_group)
        self.slot_list.setObjectName(u"slot_list")
        self.slot_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.slot_list.setAlternatingRowColors(True)

        self.find_layout.addWidget(self.slot_list)

        self.find_status_label = QLabel(self.find_group)
        self.find_status_label.setObjectName(u"find_status_label")
        self.find_status_label.setWordWrap(True)

        self.find_layout.addWidget(self.find_status_label)


        self.columns.addWidget(self.find_group)

        self.columns.setStretch(0, 3)
        self.columns.setStretch(1, 2)

        self.dialog_layout.addLayout(self.columns)

        self.approval_panel = ApprovalPanel(CalendarBooking)
        self.approval_panel.setObjectName(u"approval_panel")

        self.dialog_layout.addWidget(self.approval_panel)

        self.button_box = QDialogButtonBox(CalendarBooking)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.patient_label.setBuddy(self.patient_picker)
        self.type_label.setBuddy(self.type_combo)
        self.provider_label.setBuddy(self.provider_combo)
        self.start_label.setBuddy(self.date_edit)
        self.minutes_label.setBuddy(self.minutes_spin)
        self.reason_label.setBuddy(self.reason_edit)
        self.notes_label.setBuddy(self.notes_edit)
        self.between_label.setBuddy(self.earliest_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.patient_picker, self.type_combo)
        QWidget.setTabOrder(self.type_combo, self.provider_combo)
        QWidget.setTabOrder(self.provider_combo, self.date_edit)
        QWidget.setTabOrder(self.date_edit, self.time_edit)
        QWidget.setTabOrder(self.time_edit, self.minutes_spin)
        QWidget.setTabOrder(self.minutes_spin, self.reason_edit)
        QWidget.setTabOrder(self.reason_edit, self.notes_edit)
        QWidget.setTabOrder(self.notes_edit, self.approval_panel)
        QWidget.setTabOrder(self.approval_panel, self.earliest_edit)
        QWidget.setTabOrder(self.earliest_edit, self.latest_edit)
        QWidget.setTabOrder(self.latest_edit, self.any_provider_check)
        QWidget.setTabOrder(self.any_provider_check, self.find_button)
        QWidget.setTabOrder(self.find_button, self.slot_list)

        self.retranslateUi(CalendarBooking)

        QMetaObject.connectSlotsByName(CalendarBooking)
    # setupUi

    def retranslateUi(self, CalendarBooking):
        CalendarBooking.setWindowTitle(QCoreApplication.translate("CalendarBooking", u"Book appointment", None))
        self.visit_group.setTitle(QCoreApplication.translate("CalendarBooking", u"Visit", None))
        self.patient_label.setText(QCoreApplication.translate("CalendarBooking", u"&Patient:", None))
        self.type_label.setText(QCoreApplication.translate("CalendarBooking", u"&Type:", None))
#if QT_CONFIG(tooltip)
        self.type_combo.setToolTip(QCoreApplication.translate("CalendarBooking", u"The type sets the usual length", None))
#endif // QT_CONFIG(tooltip)
        self.provider_label.setText(QCoreApplication.translate("CalendarBooking", u"P&rovider:", None))
        self.start_label.setText(QCoreApplication.translate("CalendarBooking", u"&Date and time:", None))
#if QT_CONFIG(tooltip)
        self.date_edit.setToolTip(QCoreApplication.translate("CalendarBooking", u"The day, in the practice's time zone", None))
#endif // QT_CONFIG(tooltip)
        self.time_edit.setDisplayFormat(QCoreApplication.translate("CalendarBooking", u"h:mm AP", None))
#if QT_CONFIG(tooltip)
        self.time_edit.setToolTip(QCoreApplication.translate("CalendarBooking", u"The start, in the practice's time zone", None))
#endif // QT_CONFIG(tooltip)
        self.minutes_label.setText(QCoreApplication.translate("CalendarBooking", u"D&uration:", None))
        self.minutes_spin.setSuffix(QCoreApplication.translate("CalendarBooking", u" min", None))
        self.reason_label.setText(QCoreApplication.translate("CalendarBooking", u"Rea&son:", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("CalendarBooking", u"What the visit is for, in the patient's words", None))
        self.notes_label.setText(QCoreApplication.translate("CalendarBooking", u"&Notes:", None))
        self.find_group.setTitle(QCoreApplication.translate("CalendarBooking", u"Find the next open slot", None))
        self.find_hint.setText(QCoreApplication.translate("CalendarBooking", u"For the type's length, from now on, with the patient's preferences.", None))
        self.days_label.setText(QCoreApplication.translate("CalendarBooking", u"Days:", None))
        self.between_label.setText(QCoreApplication.translate("CalendarBooking", u"&Between:", None))
        self.earliest_edit.setDisplayFormat(QCoreApplication.translate("CalendarBooking", u"h:mm AP", None))
#if QT_CONFIG(tooltip)
        self.earliest_edit.setToolTip(QCoreApplication.translate("CalendarBooking", u"Earliest start the patient can make (practice time)", None))
#endif // QT_CONFIG(tooltip)
        self.and_label.setText(QCoreApplication.translate("CalendarBooking", u"and", None))
        self.latest_edit.setDisplayFormat(QCoreApplication.translate("CalendarBooking", u"h:mm AP", None))
#if QT_CONFIG(tooltip)
        self.latest_edit.setToolTip(QCoreApplication.translate("CalendarBooking", u"Latest start the patient can make (practice time)", None))
#endif // QT_CONFIG(tooltip)
        self.any_provider_check.setText(QCoreApplication.translate("CalendarBooking", u"An&y provider (not only the one chosen)", None))
        self.find_button.setText(QCoreApplication.translate("CalendarBooking", u"&Find next slot", None))
#if QT_CONFIG(accessibility)
        self.slot_list.setAccessibleName(QCoreApplication.translate("CalendarBooking", u"Open slots", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
