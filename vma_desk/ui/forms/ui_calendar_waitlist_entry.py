# Generated from forms/calendar_waitlist_entry.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calendar_waitlist_entry.ui'
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
    QLineEdit, QSizePolicy, QSpacerItem, QTimeEdit,
    QVBoxLayout, QWidget)

from vma_desk.ui.shared.patient_picker import PatientPicker

class Ui_CalendarWaitlistEntry(object):
    def setupUi(self, CalendarWaitlistEntry):
        if not CalendarWaitlistEntry.objectName():
            CalendarWaitlistEntry.setObjectName(u"CalendarWaitlistEntry")
        CalendarWaitlistEntry.resize(620, 520)
        self.dialog_layout = QVBoxLayout(CalendarWaitlistEntry)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form_error_label = QLabel(CalendarWaitlistEntry)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.entry_form = QFormLayout()
        self.entry_form.setObjectName(u"entry_form")
        self.patient_label = QLabel(CalendarWaitlistEntry)
        self.patient_label.setObjectName(u"patient_label")

        self.entry_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.patient_label)

        self.patient_box = QVBoxLayout()
        self.patient_box.setSpacing(2)
        self.patient_box.setObjectName(u"patient_box")
        self.patient_picker = PatientPicker(CalendarWaitlistEntry)
        self.patient_picker.setObjectName(u"patient_picker")

        self.patient_box.addWidget(self.patient_picker)

        self.patient_error = QLabel(CalendarWaitlistEntry)
        self.patient_error.setObjectName(u"patient_error")

        self.patient_box.addWidget(self.patient_error)


        self.entry_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.patient_box)

        self.type_label = QLabel(CalendarWaitlistEntry)
        self.type_label.setObjectName(u"type_label")

        self.entry_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.type_label)

        self.type_box = QVBoxLayout()
        self.type_box.setSpacing(2)
        self.type_box.setObjectName(u"type_box")
        self.type_combo = QComboBox(CalendarWaitlistEntry)
        self.type_combo.setObjectName(u"type_combo")

        self.type_box.addWidget(self.type_combo)

        self.type_error = QLabel(CalendarWaitlistEntry)
        self.type_error.setObjectName(u"type_error")

        self.type_box.addWidget(self.type_error)


        self.entry_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.type_box)

        self.provider_label = QLabel(CalendarWaitlistEntry)
        self.provider_label.setObjectName(u"provider_label")

        self.entry_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.provider_label)

        self.provider_box = QVBoxLayout()
        self.provider_box.setSpacing(2)
        self.provider_box.setObjectName(u"provider_box")
        self.provider_combo = QComboBox(CalendarWaitlistEntry)
        self.provider_combo.setObjectName(u"provider_combo")

        self.provider_box.addWidget(self.provider_combo)

        self.provider_error = QLabel(CalendarWaitlistEntry)
        self.provider_error.setObjectName(u"provider_error")

        self.provider_box.addWidget(self.provider_error)


        self.entry_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.provider_box)

        self.days_label = QLabel(CalendarWaitlistEntry)
        self.days_label.setObjectName(u"days_label")

        self.entry_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.days_label)

        self.days_box = QVBoxLayout()
        self.days_box.setSpacing(2)
        self.days_box.setObjectName(u"days_box")
        self.days_layout = QHBoxLayout()
        self.days_layout.setObjectName(u"days_layout")

        self.days_box.addLayout(self.days_layout)

        self.days_error = QLabel(CalendarWaitlistEntry)
        self.days_error.setObjectName(u"days_error")

        self.days_box.addWidget(self.days_error)


        self.entry_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.days_box)

        self.between_label = QLabel(CalendarWaitlistEntry)
        self.between_label.setObjectName(u"between_label")

        self.entry_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.between_label)

        self.between_box = QVBoxLayout()
        self.between_box.setSpacing(2)
        self.between_box.setObjectName(u"between_box")
        self.between_row = QHBoxLayout()
        self.between_row.setObjectName(u"between_row")
        self.earliest_edit = QTimeEdit(CalendarWaitlistEntry)
        self.earliest_edit.setObjectName(u"earliest_edit")

        self.between_row.addWidget(self.earliest_edit)

        self.and_label = QLabel(CalendarWaitlistEntry)
        self.and_label.setObjectName(u"and_label")

        self.between_row.addWidget(self.and_label)

        self.latest_edit = QTimeEdit(CalendarWaitlistEntry)
        self.latest_edit.setObjectName(u"latest_edit")

        self.between_row.addWidget(self.latest_edit)

        self.between_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.between_row.addItem(self.between_spacer)


        self.between_box.addLayout(self.between_row)

        self.latest_error = QLabel(CalendarWaitlistEntry)
        self.latest_error.setObjectName(u"latest_error")

        self.between_box.addWidget(self.latest_error)


        self.entry_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.between_box)

        self.note_label = QLabel(CalendarWaitlistEntry)
        self.note_label.setObjectName(u"note_label")

        self.entry_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_box = QVBoxLayout()
        self.note_box.setSpacing(2)
        self.note_box.setObjectName(u"note_box")
        self.note_edit = QLineEdit(CalendarWaitlistEntry)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setMaxLength(200)

        self.note_box.addWidget(self.note_edit)

        self.note_error = QLabel(CalendarWaitlistEntry)
        self.note_error.setObjectName(u"note_error")

        self.note_box.addWidget(self.note_error)


        self.entry_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.note_box)


        self.dialog_layout.addLayout(self.entry_form)

        self.dialog_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.dialog_spacer)

        self.button_box = QDialogButtonBox(CalendarWaitlistEntry)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.patient_label.setBuddy(self.patient_picker)
        self.type_label.setBuddy(self.type_combo)
        self.provider_label.setBuddy(self.provider_combo)
        self.between_label.setBuddy(self.earliest_edit)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.patient_picker, self.type_combo)
        QWidget.setTabOrder(self.type_combo, self.provider_combo)
        QWidget.setTabOrder(self.provider_combo, self.earliest_edit)
        QWidget.setTabOrder(self.earliest_edit, self.latest_edit)
        QWidget.setTabOrder(self.latest_edit, self.note_edit)

        self.retranslateUi(CalendarWaitlistEntry)

        QMetaObject.connectSlotsByName(CalendarWaitlistEntry)
    # setupUi

    def retranslateUi(self, CalendarWaitlistEntry):
        CalendarWaitlistEntry.setWindowTitle(QCoreApplication.translate("CalendarWaitlistEntry", u"Add to the waitlist", None))
        self.patient_label.setText(QCoreApplication.translate("CalendarWaitlistEntry", u"&Patient:", None))
        self.type_label.setText(QCoreApplication.translate("CalendarWaitlistEntry", u"&Type:", None))
        self.provider_label.setText(QCoreApplication.translate("CalendarWaitlistEntry", u"P&rovider:", None))
        self.days_label.setText(QCoreApplication.translate("CalendarWaitlistEntry", u"Days:", None))
        self.between_label.setText(QCoreApplication.translate("CalendarWaitlistEntry", u"&Between:", None))
        self.earliest_edit.setDisplayFormat(QCoreApplication.translate("CalendarWaitlistEntry", u"h:mm AP", None))
#if QT_CONFIG(tooltip)
        self.earliest_edit.setToolTip(QCoreApplication.translate("CalendarWaitlistEntry", u"Earliest start the patient can make (practice time)", None))
#endif // QT_CONFIG(tooltip)
        self.and_label.setText(QCoreApplication.translate("CalendarWaitlistEntry", u"and", None))
        self.latest_edit.setDisplayFormat(QCoreApplication.translate("CalendarWaitlistEntry", u"h:mm AP", None))
#if QT_CONFIG(tooltip)
        self.latest_edit.setToolTip(QCoreApplication.translate("CalendarWaitlistEntry", u"Latest start the patient can make (practice time)", None))
#endif // QT_CONFIG(tooltip)
        self.note_label.setText(QCoreApplication.translate("CalendarWaitlistEntry", u"N&ote:", None))
    # retranslateUi
