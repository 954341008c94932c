# Generated from forms/records_request.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'records_request.ui'
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
from vma_desk.ui.shared.widgets import DateEdit

class Ui_RecordsRequest(object):
    def setupUi(self, RecordsRequest):
        if not RecordsRequest.objectName():
            RecordsRequest.setObjectName(u"RecordsRequest")
        RecordsRequest.resize(560, 480)
        self.dialog_layout = QVBoxLayout(RecordsRequest)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.about_label = QLabel(RecordsRequest)
        self.about_label.setObjectName(u"about_label")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.about_label)

        self.form_error_label = QLabel(RecordsRequest)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.fields_form = QFormLayout()
        self.fields_form.setObjectName(u"fields_form")
        self.fields_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.direction_label = QLabel(RecordsRequest)
        self.direction_label.setObjectName(u"direction_label")

        self.fields_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.direction_label)

        self.direction_box = QVBoxLayout()
        self.direction_box.setSpacing(2)
        self.direction_box.setObjectName(u"direction_box")
        self.direction_combo = QComboBox(RecordsRequest)
        self.direction_combo.setObjectName(u"direction_combo")

        self.direction_box.addWidget(self.direction_combo)

        self.direction_error = QLabel(RecordsRequest)
        self.direction_error.setObjectName(u"direction_error")

        self.direction_box.addWidget(self.direction_error)


        self.fields_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.direction_box)

        self.patient_label = QLabel(RecordsRequest)
        self.patient_label.setObjectName(u"patient_label")

        self.fields_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.patient_label)

        self.patient_box = QVBoxLayout()
        self.patient_box.setSpacing(2)
        self.patient_box.setObjectName(u"patient_box")
        self.patient_picker = PatientPicker(RecordsRequest)
        self.patient_picker.setObjectName(u"patient_picker")

        self.patient_box.addWidget(self.patient_picker)

        self.patient_error = QLabel(RecordsRequest)
        self.patient_error.setObjectName(u"patient_error")

        self.patient_box.addWidget(self.patient_error)


        self.fields_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.patient_box)

        self.party_label = QLabel(RecordsRequest)
        self.party_label.setObjectName(u"party_label")

        self.fields_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.party_label)

        self.party_box = QVBoxLayout()
        self.party_box.setSpacing(2)
        self.party_box.setObjectName(u"party_box")
        self.party_edit = QLineEdit(RecordsRequest)
        self.party_edit.setObjectName(u"party_edit")

        self.party_box.addWidget(self.party_edit)

        self.party_error = QLabel(RecordsRequest)
        self.party_error.setObjectName(u"party_error")

        self.party_box.addWidget(self.party_error)


        self.fields_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.party_box)

        self.asked_on_label = QLabel(RecordsRequest)
        self.asked_on_label.setObjectName(u"asked_on_label")

        self.fields_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.asked_on_label)

        self.asked_on_box = QVBoxLayout()
        self.asked_on_box.setSpacing(2)
        self.asked_on_box.setObjectName(u"asked_on_box")
        self.asked_on_edit = DateEdit(RecordsRequest)
        self.asked_on_edit.setObjectName(u"asked_on_edit")

        self.asked_on_box.addWidget(self.asked_on_edit)

        self.asked_on_error = QLabel(RecordsRequest)
        self.asked_on_error.setObjectName(u"asked_on_error")

        self.asked_on_box.addWidget(self.asked_on_error)


        self.fields_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.asked_on_box)

        self.items_label = QLabel(RecordsRequest)
        self.items_label.setObjectName(u"items_label")

        self.fields_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.items_label)

        self.items_box = QVBoxLayout()
        self.items_box.setSpacing(2)
        self.items_box.setObjectName(u"items_box")
        self.items_edit = QLineEdit(RecordsRequest)
        self.items_edit.setObjectName(u"items_edit")

        self.items_box.addWidget(self.items_edit)

        self.items_error = QLabel(RecordsRequest)
        self.items_error.setObjectName(u"items_error")

        self.items_box.addWidget(self.items_error)


        self.fields_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.items_box)

        self.purpose_label = QLabel(RecordsRequest)
        self.purpose_label.setObjectName(u"purpose_label")

        self.fields_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.purpose_label)

        self.purpose_box = QVBoxLayout()
        self.purpose_box.setSpacing(2)
        self.purpose_box.setObjectName(u"purpose_box")
        self.purpose_edit = QLineEdit(RecordsRequest)
        self.purpose_edit.setObjectName(u"purpose_edit")

        self.purpose_box.addWidget(self.purpose_edit)

        self.purpose_error = QLabel(RecordsRequest)
        self.purpose_error.setObjectName(u"purpose_error")

        self.purpose_box.addWidget(self.purpose_error)


        self.fields_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.purpose_box)

        self.signed_label = QLabel(RecordsRequest)
        self.signed_label.setObjectName(u"signed_label")

        self.fields_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.signed_label)

        self.signed_box = QVBoxLayout()
        self.signed_box.setSpacing(2)
        self.signed_box.setObjectName(u"signed_box")
        self.signed_edit = DateEdit(RecordsRequest)
        self.signed_edit.setObjectName(u"signed_edit")

        self.signed_box.addWidget(self.signed_edit)

        self.authorization_on_error = QLabel(RecordsRequest)
        self.authorization_on_error.setObjectName(u"authorization_on_error")

        self.signed_box.addWidget(self.authorization_on_error)


        self.fields_form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.signed_box)

        self.expires_label = QLabel(RecordsRequest)
        self.expires_label.setObjectName(u"expires_label")

        self.fields_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.expires_label)

        self.expires_box = QVBoxLayout()
        self.expires_box.setSpacing(2)
        self.expires_box.setObjectName(u"expires_box")
        self.expires_edit = DateEdit(RecordsRequest)
        self.expires_edit.setObjectName(u"expires_edit")

        self.expires_box.addWidget(self.expires_edit)

        self.authorization_expires_error = QLabel(RecordsRequest)
        self.authorization_expires_error.setObjectName(u"authorization_expires_error")

        self.expires_box.addWidget(self.authorization_expires_error)


        self.fields_form.setLayout(7, QFormLayout.ItemRole.FieldRole, self.expires_box)


        self.dialog_layout.addLayout(self.fields_form)

        self.hint_label = QLabel(RecordsRequest)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.hint_label)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(RecordsRequest)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.direction_label.setBuddy(self.direction_combo)
        self.patient_label.setBuddy(self.patient_picker)
        self.party_label.setBuddy(self.party_edit)
        self.asked_on_label.setBuddy(self.asked_on_edit)
        self.items_label.setBuddy(self.items_edit)
        self.purpose_label.setBuddy(self.purpose_edit)
        self.signed_label.setBuddy(self.signed_edit)
        self.expires_label.setBuddy(self.expires_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.direction_combo, self.patient_picker)
        QWidget.setTabOrder(self.patient_picker, self.party_edit)
        QWidget.setTabOrder(self.party_edit, self.asked_on_edit)
        QWidget.setTabOrder(self.asked_on_edit, self.items_edit)
        QWidget.setTabOrder(self.items_edit, self.purpose_edit)
        QWidget.setTabOrder(self.purpose_edit, self.signed_edit)
        QWidget.setTabOrder(self.signed_edit, self.expires_edit)

        self.retranslateUi(RecordsRequest)

        QMetaObject.connectSlotsByName(RecordsRequest)
    # setupUi

    def retranslateUi(self, RecordsRequest):
        RecordsRequest.setWindowTitle(QCoreApplication.translate("RecordsRequest", u"New records request", None))
        self.direction_label.setText(QCoreApplication.translate("RecordsRequest", u"&Direction:", None))
        self.patient_label.setText(QCoreApplication.translate("RecordsRequest", u"&Patient:", None))
        self.party_label.setText(QCoreApplication.translate("RecordsRequest", u"Pa&rty:", None))
        self.asked_on_label.setText(QCoreApplication.translate("RecordsRequest", u"&Asked on:", None))
        self.items_label.setText(QCoreApplication.translate("RecordsRequest", u"&Items:", None))
        self.purpose_label.setText(QCoreApplication.translate("RecordsRequest", u"P&urpose:", None))
        self.signed_label.setText(QCoreApplication.translate("RecordsRequest", u"Authorisation &signed:", None))
        self.expires_label.setText(QCoreApplication.translate("RecordsRequest", u"Authorisation e&xpires:", None))
        self.hint_label.setText(QCoreApplication.translate("RecordsRequest", u"The request is due a number of business days after the day it was asked (Practice settings). A release goes out only with the patient's signed authorisation, not expired on the day it is sent.", None))
    # retranslateUi
