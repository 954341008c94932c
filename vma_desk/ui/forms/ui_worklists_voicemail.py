# Generated from forms/worklists_voicemail.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'worklists_voicemail.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from vma_desk.ui.shared.patient_picker import PatientPicker
from vma_desk.ui.shared.when_edit import WhenEdit

class Ui_WorklistsVoicemail(object):
    def setupUi(self, WorklistsVoicemail):
        if not WorklistsVoicemail.objectName():
            WorklistsVoicemail.setObjectName(u"WorklistsVoicemail")
        WorklistsVoicemail.resize(560, 520)
        self.dialog_layout = QVBoxLayout(WorklistsVoicemail)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form_error_label = QLabel(WorklistsVoicemail)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.voicemail_form = QFormLayout()
        self.voicemail_form.setObjectName(u"voicemail_form")
        self.voicemail_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.left_at_label = QLabel(WorklistsVoicemail)
        self.left_at_label.setObjectName(u"left_at_label")

        self.voicemail_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.left_at_label)

        self.left_at_box = QVBoxLayout()
        self.left_at_box.setSpacing(2)
        self.left_at_box.setObjectName(u"left_at_box")
        self.left_at_edit = WhenEdit(WorklistsVoicemail)
        self.left_at_edit.setObjectName(u"left_at_edit")

        self.left_at_box.addWidget(self.left_at_edit)

        self.left_at_error = QLabel(WorklistsVoicemail)
        self.left_at_error.setObjectName(u"left_at_error")

        self.left_at_box.addWidget(self.left_at_error)


        self.voicemail_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.left_at_box)

        self.urgency_label = QLabel(WorklistsVoicemail)
        self.urgency_label.setObjectName(u"urgency_label")

        self.voicemail_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.urgency_label)

        self.urgency_box = QVBoxLayout()
        self.urgency_box.setSpacing(2)
        self.urgency_box.setObjectName(u"urgency_box")
        self.urgency_combo = QComboBox(WorklistsVoicemail)
        self.urgency_combo.setObjectName(u"urgency_combo")

        self.urgency_box.addWidget(self.urgency_combo)

        self.urgency_error = QLabel(WorklistsVoicemail)
        self.urgency_error.setObjectName(u"urgency_error")

        self.urgency_box.addWidget(self.urgency_error)


        self.voicemail_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.urgency_box)

        self.patient_label = QLabel(WorklistsVoicemail)
        self.patient_label.setObjectName(u"patient_label")

        self.voicemail_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.patient_label)

        self.patient_box = QVBoxLayout()
        self.patient_box.setSpacing(2)
        self.patient_box.setObjectName(u"patient_box")
        self.patient_picker = PatientPicker(WorklistsVoicemail)
        self.patient_picker.setObjectName(u"patient_picker")

        self.patient_box.addWidget(self.patient_picker)

        self.patient_error = QLabel(WorklistsVoicemail)
        self.patient_error.setObjectName(u"patient_error")

        self.patient_box.addWidget(self.patient_error)


        self.voicemail_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.patient_box)

        self.caller_label = QLabel(WorklistsVoicemail)
        self.caller_label.setObjectName(u"caller_label")

        self.voicemail_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.caller_label)

        self.caller_box = QVBoxLayout()
        self.caller_box.setSpacing(2)
        self.caller_box.setObjectName(u"caller_box")
        self.caller_edit = QLineEdit(WorklistsVoicemail)
        self.caller_edit.setObjectName(u"caller_edit")

        self.caller_box.addWidget(self.caller_edit)

        self.caller_name_error = QLabel(WorklistsVoicemail)
        self.caller_name_error.setObjectName(u"caller_name_error")

        self.caller_box.addWidget(self.caller_name_error)


        self.voicemail_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.caller_box)

        self.number_label = QLabel(WorklistsVoicemail)
        self.number_label.setObjectName(u"number_label")

        self.voicemail_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.number_label)

        self.number_box = QVBoxLayout()
        self.number_box.setSpacing(2)
        self.number_box.setObjectName(u"number_box")
        self.number_edit = QLineEdit(WorklistsVoicemail)
        self.number_edit.setObjectName(u"number_edit")

        self.number_box.addWidget(self.number_edit)

        self.number_error = QLabel(WorklistsVoicemail)
        self.number_error.setObjectName(u"number_error")

        self.number_box.addWidget(self.number_error)


        self.voicemail_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.number_box)

        self.summary_label = QLabel(WorklistsVoicemail)
        self.summary_label.setObjectName(u"summary_label")

        self.voicemail_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.summary_label)

        self.summary_box = QVBoxLayout()
        self.summary_box.setSpacing(2)
        self.summary_box.setObjectName(u"summary_box")
        self.summary_edit = QLineEdit(WorklistsVoicemail)
        self.summary_edit.setObjectName(u"summary_edit")

        self.summary_box.addWidget(self.summary_edit)

        self.summary_error = QLabel(WorklistsVoicemail)
        self.summary_error.setObjectName(u"summary_error")

        self.summary_box.addWidget(self.summary_error)


        self.voicemail_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.summary_box)


        self.dialog_layout.addLayout(self.voicemail_form)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(WorklistsVoicemail)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.left_at_label.setBuddy(self.left_at_edit)
        self.urgency_label.setBuddy(self.urgency_combo)
        self.patient_label.setBuddy(self.patient_picker)
        self.caller_label.setBuddy(self.caller_edit)
        self.number_label.setBuddy(self.number_edit)
        self.summary_label.setBuddy(self.summary_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.left_at_edit, self.urgency_combo)
        QWidget.setTabOrder(self.urgency_combo, self.patient_picker)
        QWidget.setTabOrder(self.patient_picker, self.caller_edit)
        QWidget.setTabOrder(self.caller_edit, self.number_edit)
        QWidget.setTabOrder(self.number_edit, self.summary_edit)

        self.retranslateUi(WorklistsVoicemail)

        QMetaObject.connectSlotsByName(WorklistsVoicemail)
    # setupUi

    def retranslateUi(self, WorklistsVoicemail):
        WorklistsVoicemail.setWindowTitle(QCoreApplication.translate("WorklistsVoicemail", u"New voicemail", None))
        self.left_at_label.setText(QCoreApplication.translate("WorklistsVoicemail", u"&Left at:", None))
        self.urgency_label.setText(QCoreApplication.translate("WorklistsVoicemail", u"&Urgency:", None))
        self.patient_label.setText(QCoreApplication.translate("WorklistsVoicemail", u"&Patient:", None))
        self.caller_label.setText(QCoreApplication.translate("WorklistsVoicemail", u"&Caller:", None))
        self.caller_edit.setPlaceholderText(QCoreApplication.translate("WorklistsVoicemail", u"Who left it, as they said (needed when no patient is chosen)", None))
        self.number_label.setText(QCoreApplication.translate("WorklistsVoicemail", u"N&umber:", None))
        self.number_edit.setPlaceholderText(QCoreApplication.translate("WorklistsVoicemail", u"The number to call back", None))
        self.summary_label.setText(QCoreApplication.translate("WorklistsVoicemail", u"&Summary:", None))
        self.summary_edit.setPlaceholderText(QCoreApplication.translate("WorklistsVoicemail", u"What they asked for, in a line", None))
    # retranslateUi
