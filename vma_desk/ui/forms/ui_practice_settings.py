# Generated from forms/practice_settings.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'practice_settings.ui'
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
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpinBox, QTabWidget, QTableView,
    QTableWidget, QTableWidgetItem, QTimeEdit, QVBoxLayout,
    QWidget)

class Ui_PracticeSettings(object):
    def setupUi(self, PracticeSettings):
        if not PracticeSettings.objectName():
            PracticeSettings.setObjectName(u"PracticeSettings")
        PracticeSettings.resize(780, 600)
        self.main_layout = QVBoxLayout(PracticeSettings)
        self.main_layout.setObjectName(u"main_layout")
        self.form_error_label = QLabel(PracticeSettings)
        self.form_error_label.setObjectName(u"form_error_label")
        self.form_error_label.setWordWrap(True)

        self.main_layout.addWidget(self.form_error_label)

        self.pages = QTabWidget(PracticeSettings)
        self.pages.setObjectName(u"pages")
        self.practice_page = QWidget()
        self.practice_page.setObjectName(u"practice_page")
        self.practice_page_layout = QVBoxLayout(self.practice_page)
        self.practice_page_layout.setObjectName(u"practice_page_layout")
        self.practice_group = QGroupBox(self.practice_page)
        self.practice_group.setObjectName(u"practice_group")
        self.practice_form = QFormLayout(self.practice_group)
        self.practice_form.setObjectName(u"practice_form")
        self.name_label = QLabel(self.practice_group)
        self.name_label.setObjectName(u"name_label")

        self.practice_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(self.practice_group)
        self.name_edit.setObjectName(u"name_edit")

        self.practice_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.name_error = QLabel(self.practice_group)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setWordWrap(True)

        self.practice_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.zone_label = QLabel(self.practice_group)
        self.zone_label.setObjectName(u"zone_label")

        self.practice_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.zone_label)

        self.zone_combo = QComboBox(self.practice_group)
        self.zone_combo.setObjectName(u"zone_combo")
        self.zone_combo.setEditable(True)

        self.practice_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.zone_combo)

        self.time_zone_error = QLabel(self.practice_group)
        self.time_zone_error.setObjectName(u"time_zone_error")
        self.time_zone_error.setWordWrap(True)

        self.practice_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.time_zone_error)

        self.days_label = QLabel(self.practice_group)
        self.days_label.setObjectName(u"days_label")

        self.practice_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.days_label)

        self.days_layout = QHBoxLayout()
        self.days_layout.setObjectName(u"days_layout")

        self.practice_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.days_layout)

        self.business_days_error = QLabel(self.practice_group)
        self.business_days_error.setObjectName(u"business_days_error")
        self.business_days_error.setWordWrap(True)

        self.practice_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.business_days_error)

        self.notice_label = QLabel(self.practice_group)
        self.notice_label.setObjectName(u"notice_label")

        self.practice_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notice_label)

        self.notice_spin = QSpinBox(self.practice_group)
        self.notice_spin.setObjectName(u"notice_spin")
        self.notice_spin.setMaximum(168)
        self.notice_spin.setValue(24)

        self.practice_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notice_spin)


        self.practice_page_layout.addWidget(self.practice_group)

        self.pages.addTab(self.practice_page, "")
        self.types_page = QWidget()
        self.types_page.setObjectName(u"types_page")
        self.types_page_layout = QVBoxLayout(self.types_page)
        self.types_page_layout.setObjectName(u"types_page_layout")
        self.types_group = QGroupBox(self.types_page)
        self.types_group.setObjectName(u"types_group")
        self.types_layout = QVBoxLayout(self.types_group)
        self.types_layout.setObjectName(u"types_layout")
        self.types_view = QTableView(self.types_group)
        self.types_view.setObjectName(u"types_view")

        self.types_layout.addWidget(self.types_view)

        self.types_error = QLabel(self.types_group)
        self.types_error.setObjectName(u"types_error")
        self.types_error.setWordWrap(True)

        self.types_layout.addWidget(self.types_error)


        self.types_page_layout.addWidget(self.types_group)

        self.pages.addTab(self.types_page, "")
        self.messages_page = QWidget()
        self.messages_page.setObjectName(u"messages_page")
        self.messages_page_layout = QVBoxLayout(self.messages_page)
        self.messages_page_layout.setObjectName(u"messages_page_layout")
        self.messages_group = QGroupBox(self.messages_page)
        self.messages_group.setObjectName(u"messages_group")
        self.messages_form = QFormLayout(self.messages_group)
        self.messages_form.setObjectName(u"messages_form")
        self.urgent_label = QLabel(self.messages_group)
        self.urgent_label.setObjectName(u"urgent_label")

        self.messages_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.urgent_label)

        self.urgent_spin = QSpinBox(self.messages_group)
        self.urgent_spin.setObjectName(u"urgent_spin")
        self.urgent_spin.setMinimum(5)
        self.urgent_spin.setMaximum(480)
        self.urgent_spin.setValue(60)

        self.messages_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.urgent_spin)

        self.emergency_label = QLabel(self.messages_group)
        self.emergency_label.setObjectName(u"emergency_label")

        self.messages_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.emergency_label)

        self.emergency_spin = QSpinBox(self.messages_group)
        self.emergency_spin.setObjectName(u"emergency_spin")
        self.emergency_spin.setMaximum(60)

        self.messages_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.emergency_spin)

        self.close_label = QLabel(self.messages_group)
        self.close_label.setObjectName(u"close_label")

        self.messages_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.close_label)

        self.close_time_edit = QTimeEdit(self.messages_group)
        self.close_time_edit.setObjectName(u"close_time_edit")

        self.messages_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.close_time_edit)

        self.step_label = QLabel(self.messages_group)
        self.step_label.setObjectName(u"step_label")

        self.messages_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.step_label)

        self.step_edit = QPlainTextEdit(self.messages_group)
        self.step_edit.setObjectName(u"step_edit")
        self.step_edit.setMaximumSize(QSize(16777215, 70))

        self.messages_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.step_edit)

        self.escalation_step_error = QLabel(self.messages_group)
        self.escalation_step_error.setObjectName(u"escalation_step_error")
        self.escalation_step_error.setWordWrap(True)

        self.messages_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.escalation_step_error)

        self.flags_label = QLabel(self.messages_group)
        self.flags_label.setObjectName(u"flags_label")

        self.messages_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.flags_label)

        self.flags_edit = QPlainTextEdit(self.messages_group)
        self.flags_edit.setObjectName(u"flags_edit")

        self.messages_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.flags_edit)

        self.red_flags_error = QLabel(self.messages_group)
        self.red_flags_error.setObjectName(u"red_flags_error")
        self.red_flags_error.setWordWrap(True)

        self.messages_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.red_flags_error)


        self.messages_page_layout.addWidget(self.messages_group)

        self.pages.addTab(self.messages_page, "")
        self.refills_page = QWidget()
        self.refills_page.setObjectName(u"refills_page")
        self.refills_page_layout = QVBoxLayout(self.refills_page)
        self.refills_page_layout.setObjectName(u"refills_page_layout")
        self.refills_group = QGroupBox(self.refills_page)
        self.refills_group.setObjectName(u"refills_group")
        self.refills_form = QFormLayout(self.refills_group)
        self.refills_form.setObjectName(u"refills_form")
        self.visit_months_label = QLabel(self.refills_group)
        self.visit_months_label.setObjectName(u"visit_months_label")

        self.refills_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.visit_months_label)

        self.visit_months_spin = QSpinBox(self.refills_group)
        self.visit_months_spin.setObjectName(u"visit_months_spin")
        self.visit_months_spin.setMinimum(1)
        self.visit_months_spin.setMaximum(60)
        self.visit_months_spin.setValue(12)

        self.refills_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.visit_months_spin)

        self.lab_rules_label = QLabel(self.refills_group)
        self.lab_rules_label.setObjectName(u"lab_rules_label")

        self.refills_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lab_rules_label)

        self.lab_rules_edit = QPlainTextEdit(self.refills_group)
        self.lab_rules_edit.setObjectName(u"lab_rules_edit")

        self.refills_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lab_rules_edit)

        self.lab_rules_error = QLabel(self.refills_group)
        self.lab_rules_error.setObjectName(u"lab_rules_error")
        self.lab_rules_error.setWordWrap(True)

        self.refills_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.lab_rules_error)


        self.refills_page_layout.addWidget(self.refills_group)

        self.aging_group = QGroupBox(self.refills_page)
        self.aging_group.setObjectName(u"aging_group")
        self.aging_form = QFormLayout(self.aging_group)
        self.aging_form.setObjectName(u"aging_form")
        self.routine_days_label = QLabel(self.aging_group)
        self.routine_days_label.setObjectName(u"routine_days_label")

        self.aging_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.routine_days_label)

        self.routine_days_spin = QSpinBox(self.aging_group)
        self.routine_days_spin.setObjectName(u"routine_days_spin")
        self.routine_days_spin.setMinimum(1)
        self.routine_days_spin.setMaximum(90)
        self.routine_days_spin.setValue(14)

        self.aging_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.routine_days_spin)

        self.urgent_days_label = QLabel(self.aging_group)
        self.urgent_days_label.setObjectName(u"urgent_days_label")

        self.aging_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.urgent_days_label)

        self.urgent_days_spin = QSpinBox(self.aging_group)
        self.urgent_days_spin.setObjectName(u"urgent_days_spin")
        self.urgent_days_spin.setMinimum(1)
        self.urgent_days_spin.setMaximum(90)
        self.urgent_days_spin.setValue(3)

        self.aging_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.urgent_days_spin)

        self.emergency_days_label = QLabel(self.aging_group)
        self.emergency_days_label.setObjectName(u"emergency_days_label")

        self.aging_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.emergency_days_label)

        self.emergency_days_spin = QSpinBox(self.aging_group)
        self.emergency_days_spin.setObjectName(u"emergency_days_spin")
        self.emergency_days_spin.setMinimum(1)
        self.emergency_days_spin.setMaximum(90)
        self.emergency_days_spin.setValue(1)

        self.aging_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.emergency_days_spin)

        self.aging_note = QLabel(self.aging_group)
        self.aging_note.setObjectName(u"aging_note")
        self.aging_note.setWordWrap(True)

        self.aging_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.aging_note)


        self.refills_page_layout.addWidget(self.aging_group)

        self.pages.addTab(self.refills_page, "")
        self.chasing_page = QWidget()
        self.chasing_page.setObjectName(u"chasing_page")
        self.chasing_layout = QVBoxLayout(self.chasing_page)
        self.chasing_layout.setObjectName(u"chasing_layout")
        self.box_group = QGroupBox(self.chasing_page)
        self.box_group.setObjectName(u"box_group")
        self.box_form = QFormLayout(self.box_group)
        self.box_form.setObjectName(u"box_form")
        self.box_hours_label = QLabel(self.box_group)
        self.box_hours_label.setObjectName(u"box_hours_label")

        self.box_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.box_hours_label)

        self.box_hours_spin = QSpinBox(self.box_group)
        self.box_hours_spin.setObjectName(u"box_hours_spin")
        self.box_hours_spin.setMinimum(1)
        self.box_hours_spin.setMaximum(24)
        self.box_hours_spin.setValue(3)

        self.box_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.box_hours_spin)


        self.chasing_layout.addWidget(self.box_group)

        self.retry_group = QGroupBox(self.chasing_page)
        self.retry_group.setObjectName(u"retry_group")
        self.retry_layout = QVBoxLayout(self.retry_group)
        self.retry_layout.setObjectName(u"retry_layout")
        self.retry_note = QLabel(self.retry_group)
        self.retry_note.setObjectName(u"retry_note")
        self.retry_note.setWordWrap(True)

        self.retry_layout.addWidget(self.retry_note)

        self.retry_table = QTableWidget(self.retry_group)
        self.retry_table.setObjectName(u"retry_table")

        self.retry_layout.addWidget(self.retry_table)

        self.retry_error = QLabel(self.retry_group)
        self.retry_error.setObjectName(u"retry_error")
        self.retry_error.setWordWrap(True)

        self.retry_layout.addWidget(self.retry_error)


        self.chasing_layout.addWidget(self.retry_group)

        self.pages.addTab(self.chasing_page, "")
        self.forms_page = QWidget()
        self.forms_page.setObjectName(u"forms_page")
        self.forms_page_layout = QVBoxLayout(self.forms_page)
        self.forms_page_layout.setObjectName(u"forms_page_layout")
        self.packet_group = QGroupBox(self.forms_page)
        self.packet_group.setObjectName(u"packet_group")
        self.packet_form = QFormLayout(self.packet_group)
        self.packet_form.setObjectName(u"packet_form")
        self.packet_type_label = QLabel(self.packet_group)
        self.packet_type_label.setObjectName(u"packet_type_label")

        self.packet_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.packet_type_label)

        self.packet_type_combo = QComboBox(self.packet_group)
        self.packet_type_combo.setObjectName(u"packet_type_combo")

        self.packet_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.packet_type_combo)

        self.packet_items_label = QLabel(self.packet_group)
        self.packet_items_label.setObjectName(u"packet_items_label")

        self.packet_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.packet_items_label)

        self.packet_edit = QPlainTextEdit(self.packet_group)
        self.packet_edit.setObjectName(u"packet_edit")
        self.packet_edit.setTabChangesFocus(True)

        self.packet_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.packet_edit)

        self.packet_error = QLabel(self.packet_group)
        self.packet_error.setObjectName(u"packet_error")
        self.packet_error.setWordWrap(True)

        self.packet_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.packet_error)


        self.forms_page_layout.addWidget(self.packet_group)

        self.records_group = QGroupBox(self.forms_page)
        self.records_group.setObjectName(u"records_group")
        self.records_form = QFormLayout(self.records_group)
        self.records_form.setObjectName(u"records_form")
        self.records_days_label = QLabel(self.records_group)
        self.records_days_label.setObjectName(u"records_days_label")

        self.records_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.records_days_label)

        self.records_days_spin = QSpinBox(self.records_group)
        self.records_days_spin.setObjectName(u"records_days_spin")
        self.records_days_spin.setMinimum(1)
        self.records_days_spin.setMaximum(30)
        self.records_days_spin.setValue(5)

        self.records_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.records_days_spin)

        self.records_days_error = QLabel(self.records_group)
        self.records_days_error.setObjectName(u"records_days_error")
        self.records_days_error.setWordWrap(True)

        self.records_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.records_days_error)


        self.forms_page_layout.addWidget(self.records_group)

        self.pages.addTab(self.forms_page, "")

        self.main_layout.addWidget(self.pages)

        self.button_box = QDialogButtonBox(PracticeSettings)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.zone_label.setBuddy(self.zone_combo)
        self.notice_label.setBuddy(self.notice_spin)
        self.urgent_label.setBuddy(self.urgent_spin)
        self.emergency_label.setBuddy(self.emergency_spin)
        self.close_label.setBuddy(self.close_time_edit)
        self.step_label.setBuddy(self.step_edit)
        self.flags_label.setBuddy(self.flags_edit)
        self.visit_months_label.setBuddy(self.visit_months_spin)
        self.lab_rules_label.setBuddy(self.lab_rules_edit)
        self.routine_days_label.setBuddy(self.routine_days_spin)
        self.urgent_days_label.setBuddy(self.urgent_days_spin)
        self.emergency_days_label.setBuddy(self.emergency_days_spin)
        self.box_hours_label.setBuddy(self.box_hours_spin)
        self.packet_type_label.setBuddy(self.packet_type_combo)
        self.packet_items_label.setBuddy(self.packet_edit)
        self.records_days_label.setBuddy(self.records_days_spin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PracticeSettings)

        QMetaObject.connectSlotsByName(PracticeSettings)
    # setupUi

    def retranslateUi(self, PracticeSettings):
        PracticeSettings.setWindowTitle(QCoreApplication.translate("PracticeSettings", u"Practice settings", None))
        self.practice_group.setTitle(QCoreApplication.translate("PracticeSettings", u"Practice", None))
        self.name_label.setText(QCoreApplication.translate("PracticeSettings", u"&Name", None))
        self.zone_label.setText(QCoreApplication.translate("PracticeSettings", u"&Time zone", None))
#if QT_CONFIG(tooltip)
        self.zone_combo.setToolTip(QCoreApplication.translate("PracticeSettings", u"The practice's own time zone: the calendar and every due time use it, whatever this laptop's zone.", None))
#endif // QT_CONFIG(tooltip)
        self.days_label.setText(QCoreApplication.translate("PracticeSettings", u"Business days", None))
        self.notice_label.setText(QCoreApplication.translate("PracticeSettings", u"&Late cancellation", None))
        self.notice_spin.setPrefix(QCoreApplication.translate("PracticeSettings", u"within ", None))
        self.notice_spin.setSuffix(QCoreApplication.translate("PracticeSettings", u" hours of the visit", None))
        self.pages.setTabText(self.pages.indexOf(self.practice_page), QCoreApplication.translate("PracticeSettings", u"Practice", None))
        self.types_group.setTitle(QCoreApplication.translate("PracticeSettings", u"Appointment types", None))
        self.pages.setTabText(self.pages.indexOf(self.types_page), QCoreApplication.translate("PracticeSettings", u"Appointment types", None))
        self.messages_group.setTitle(QCoreApplication.translate("PracticeSettings", u"Callbacks and escalation", None))
        self.urgent_label.setText(QCoreApplication.translate("PracticeSettings", u"&Urgent callback", None))
        self.urgent_spin.setPrefix(QCoreApplication.translate("PracticeSettings", u"within ", None))
        self.urgent_spin.setSuffix(QCoreApplication.translate("PracticeSettings", u" minutes", None))
        self.emergency_label.setText(QCoreApplication.translate("PracticeSettings", u"&Emergency callback", None))
        self.emergency_spin.setPrefix(QCoreApplication.translate("PracticeSettings", u"within ", None))
        self.emergency_spin.setSuffix(QCoreApplication.translate("PracticeSettings", u" minutes", None))
        self.close_label.setText(QCoreApplication.translate("PracticeSettings", u"&Routine callback by", None))
        self.close_time_edit.setDisplayFormat(QCoreApplication.translate("PracticeSettings", u"h:mm AP", None))
#if QT_CONFIG(tooltip)
        self.close_time_edit.setToolTip(QCoreApplication.translate("PracticeSettings", u"End of the business day: a routine message taken later is due by this time on the next business day.", None))
#endif // QT_CONFIG(tooltip)
        self.step_label.setText(QCoreApplication.translate("PracticeSettings", u"E&scalation step", None))
        self.flags_label.setText(QCoreApplication.translate("PracticeSettings", u"&Red flags", None))
#if QT_CONFIG(tooltip)
        self.flags_edit.setToolTip(QCoreApplication.translate("PracticeSettings", u"One phrase per line, optionally \"category: phrase\". Case, punctuation and simple word forms do not matter; \"...\" allows a few words in between.", None))
#endif // QT_CONFIG(tooltip)
        self.pages.setTabText(self.pages.indexOf(self.messages_page), QCoreApplication.translate("PracticeSettings", u"Messages", None))
        self.refills_group.setTitle(QCoreApplication.translate("PracticeSettings", u"Refill protocol (the chart check before routing)", None))
        self.visit_months_label.setText(QCoreApplication.translate("PracticeSettings", u"&Visit with the prescriber", None))
        self.visit_months_spin.setPrefix(QCoreApplication.translate("PracticeSettings", u"within the last ", None))
        self.visit_months_spin.setSuffix(QCoreApplication.translate("PracticeSettings", u" months", None))
        self.lab_rules_label.setText(QCoreApplication.translate("PracticeSettings", u"&Labs required", None))
#if QT_CONFIG(tooltip)
        self.lab_rules_edit.setToolTip(QCoreApplication.translate("PracticeSettings", u"One rule per line: \"medication: lab, months\", e.g. \"metformin: A1c, 6\". A request for a medication whose name contains the word needs that lab within that many months.", None))
#endif // QT_CONFIG(tooltip)
        self.lab_rules_edit.setPlaceholderText(QCoreApplication.translate("PracticeSettings", u"metformin: A1c, 6", None))
        self.aging_group.setTitle(QCoreApplication.translate("PracticeSettings", u"Referrals: flag as stuck after this long without movement", None))
        self.routine_days_label.setText(QCoreApplication.translate("PracticeSettings", u"R&outine", None))
        self.routine_days_spin.setSuffix(QCoreApplication.translate("PracticeSettings", u" days", None))
        self.urgent_days_label.setText(QCoreApplication.translate("PracticeSettings", u"Ur&gent", None))
        self.urgent_days_spin.setSuffix(QCoreApplication.translate("PracticeSettings", u" days", None))
        self.emergency_days_label.setText(QCoreApplication.translate("PracticeSettings", u"E&mergency / stat", None))
        self.emergency_days_spin.setSuffix(QCoreApplication.translate("PracticeSettings", u" days", None))
        self.aging_note.setText(QCoreApplication.translate("PracticeSettings", u"Authorisations ending within 14 days are flagged as expiring.", None))
        self.pages.setTabText(self.pages.indexOf(self.refills_page), QCoreApplication.translate("PracticeSettings", u"Refills and referrals", None))
        self.box_group.setTitle(QCoreApplication.translate("PracticeSettings", u"Voicemail box", None))
        self.box_hours_label.setText(QCoreApplication.translate("PracticeSettings", u"Chec&k the box", None))
        self.box_hours_spin.setPrefix(QCoreApplication.translate("PracticeSettings", u"every ", None))
        self.box_hours_spin.setSuffix(QCoreApplication.translate("PracticeSettings", u" business hours", None))
#if QT_CONFIG(tooltip)
        self.box_hours_spin.setToolTip(QCoreApplication.translate("PracticeSettings", u"Today says so when the last \"Box checked\" is older than this, counting business hours only.", None))
#endif // QT_CONFIG(tooltip)
        self.retry_group.setTitle(QCoreApplication.translate("PracticeSettings", u"Attempts: when to try again, and when to stop", None))
        self.retry_note.setText(QCoreApplication.translate("PracticeSettings", u"Hours until the next attempt after each outcome, and how many attempts that reach nobody before the row asks for a letter or closing as unreachable.", None))
#if QT_CONFIG(tooltip)
        self.retry_table.setToolTip(QCoreApplication.translate("PracticeSettings", u"Type a whole number in a cell; every kind of chase has its own row.", None))
#endif // QT_CONFIG(tooltip)
        self.pages.setTabText(self.pages.indexOf(self.chasing_page), QCoreApplication.translate("PracticeSettings", u"Chasing", None))
        self.packet_group.setTitle(QCoreApplication.translate("PracticeSettings", u"Intake packet per appointment type", None))
        self.packet_type_label.setText(QCoreApplication.translate("PracticeSettings", u"Appointment t&ype", None))
#if QT_CONFIG(tooltip)
        self.packet_type_combo.setToolTip(QCoreApplication.translate("PracticeSettings", u"Each type has its own packet: choose a type, then list its items below.", None))
#endif // QT_CONFIG(tooltip)
        self.packet_items_label.setText(QCoreApplication.translate("PracticeSettings", u"&Items", None))
        self.packet_edit.setPlaceholderText(QCoreApplication.translate("PracticeSettings", u"One form a line, e.g. Registration form, HIPAA acknowledgement, Health history. Empty: this type has no packet.", None))
#if QT_CONFIG(tooltip)
        self.packet_edit.setToolTip(QCoreApplication.translate("PracticeSettings", u"One form a line, in the order they go out (at most 20). Visits with a form already sent keep their own items.", None))
#endif // QT_CONFIG(tooltip)
        self.records_group.setTitle(QCoreApplication.translate("PracticeSettings", u"Records requests", None))
        self.records_days_label.setText(QCoreApplication.translate("PracticeSettings", u"&Due within", None))
        self.records_days_spin.setSuffix(QCoreApplication.translate("PracticeSettings", u" business days of the day asked", None))
#if QT_CONFIG(tooltip)
        self.records_days_spin.setToolTip(QCoreApplication.translate("PracticeSettings", u"A release or records asked for is late after this many business days (weekends and the practice's holidays skipped).", None))
#endif // QT_CONFIG(tooltip)
        self.pages.setTabText(self.pages.indexOf(self.forms_page), QCoreApplication.translate("PracticeSettings", u"Forms and records", None))
    # retranslateUi
