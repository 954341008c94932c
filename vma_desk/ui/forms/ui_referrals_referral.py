# Generated from forms/referrals_referral.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'referrals_referral.ui'
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
    QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from vma_desk.ui.shared.patient_picker import PatientPicker
from vma_desk.ui.shared.widgets import DateEdit

class Ui_ReferralsReferral(object):
    def setupUi(self, ReferralsReferral):
        if not ReferralsReferral.objectName():
            ReferralsReferral.setObjectName(u"ReferralsReferral")
        ReferralsReferral.resize(980, 560)
        self.dialog_layout = QVBoxLayout(ReferralsReferral)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.source_label = QLabel(ReferralsReferral)
        self.source_label.setObjectName(u"source_label")
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)
        self.source_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.source_label)

        self.form_error_label = QLabel(ReferralsReferral)
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
        self.patient_label = QLabel(ReferralsReferral)
        self.patient_label.setObjectName(u"patient_label")

        self.left_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.patient_label)

        self.patient_box = QVBoxLayout()
        self.patient_box.setSpacing(2)
        self.patient_box.setObjectName(u"patient_box")
        self.patient_picker = PatientPicker(ReferralsReferral)
        self.patient_picker.setObjectName(u"patient_picker")

        self.patient_box.addWidget(self.patient_picker)

        self.patient_fixed_label = QLabel(ReferralsReferral)
        self.patient_fixed_label.setObjectName(u"patient_fixed_label")
        self.patient_fixed_label.setTextFormat(Qt.TextFormat.PlainText)
        self.patient_fixed_label.setWordWrap(True)

        self.patient_box.addWidget(self.patient_fixed_label)

        self.insurance_label = QLabel(ReferralsReferral)
        self.insurance_label.setObjectName(u"insurance_label")
        self.insurance_label.setTextFormat(Qt.TextFormat.PlainText)
        self.insurance_label.setWordWrap(True)

        self.patient_box.addWidget(self.insurance_label)

        self.patient_error = QLabel(ReferralsReferral)
        self.patient_error.setObjectName(u"patient_error")

        self.patient_box.addWidget(self.patient_error)


        self.left_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.patient_box)

        self.provider_label = QLabel(ReferralsReferral)
        self.provider_label.setObjectName(u"provider_label")

        self.left_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.provider_label)

        self.provider_box = QVBoxLayout()
        self.provider_box.setSpacing(2)
        self.provider_box.setObjectName(u"provider_box")
        self.provider_combo = QComboBox(ReferralsReferral)
        self.provider_combo.setObjectName(u"provider_combo")

        self.provider_box.addWidget(self.provider_combo)

        self.provider_error = QLabel(ReferralsReferral)
        self.provider_error.setObjectName(u"provider_error")

        self.provider_box.addWidget(self.provider_error)


        self.left_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.provider_box)

        self.specialty_label = QLabel(ReferralsReferral)
        self.specialty_label.setObjectName(u"specialty_label")

        self.left_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.specialty_label)

        self.specialty_box = QVBoxLayout()
        self.specialty_box.setSpacing(2)
        self.specialty_box.setObjectName(u"specialty_box")
        self.specialty_combo = QComboBox(ReferralsReferral)
        self.specialty_combo.setObjectName(u"specialty_combo")
        self.specialty_combo.setEditable(True)

        self.specialty_box.addWidget(self.specialty_combo)

        self.specialty_error = QLabel(ReferralsReferral)
        self.specialty_error.setObjectName(u"specialty_error")

        self.specialty_box.addWidget(self.specialty_error)


        self.left_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.specialty_box)

        self.office_label = QLabel(ReferralsReferral)
        self.office_label.setObjectName(u"office_label")

        self.left_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.office_label)

        self.office_box = QVBoxLayout()
        self.office_box.setSpacing(2)
        self.office_box.setObjectName(u"office_box")
        self.office_edit = QLineEdit(ReferralsReferral)
        self.office_edit.setObjectName(u"office_edit")
        self.office_edit.setMaxLength(120)

        self.office_box.addWidget(self.office_edit)

        self.office_error = QLabel(ReferralsReferral)
        self.office_error.setObjectName(u"office_error")

        self.office_box.addWidget(self.office_error)


        self.left_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.office_box)

        self.contact_label = QLabel(ReferralsReferral)
        self.contact_label.setObjectName(u"contact_label")

        self.left_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.contact_label)

        self.contact_box = QVBoxLayout()
        self.contact_box.setSpacing(2)
        self.contact_box.setObjectName(u"contact_box")
        self.contact_edit = QLineEdit(ReferralsReferral)
        self.contact_edit.setObjectName(u"contact_edit")

        self.contact_box.addWidget(self.contact_edit)

        self.contact_error = QLabel(ReferralsReferral)
        self.contact_error.setObjectName(u"contact_error")

        self.contact_box.addWidget(self.contact_error)


        self.left_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.contact_box)

        self.urgency_label = QLabel(ReferralsReferral)
        self.urgency_label.setObjectName(u"urgency_label")

        self.left_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.urgency_label)

        self.urgency_box = QVBoxLayout()
        self.urgency_box.setSpacing(2)
        self.urgency_box.setObjectName(u"urgency_box")
        self.urgency_combo = QComboBox(ReferralsReferral)
        self.urgency_combo.setObjectName(u"urgency_combo")

        self.urgency_box.addWidget(self.urgency_combo)

        self.urgency_error = QLabel(ReferralsReferral)
        self.urgency_error.setObjectName(u"urgency_error")

        self.urgency_box.addWidget(self.urgency_error)


        self.left_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.urgency_box)


        self.left_column.addLayout(self.left_form)

        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_column.addItem(self.left_spacer)

        self.left_column.setStretch(1, 1)

        self.columns.addLayout(self.left_column)

        self.right_column = QVBoxLayout()
        self.right_column.setObjectName(u"right_column")
        self.right_form = QFormLayout()
        self.right_form.setObjectName(u"right_form")
        self.right_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reason_label = QLabel(ReferralsReferral)
        self.reason_label.setObjectName(u"reason_label")

        self.right_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_box = QVBoxLayout()
        self.reason_box.setSpacing(2)
        self.reason_box.setObjectName(u"reason_box")
        self.reason_edit = QPlainTextEdit(ReferralsReferral)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setTabChangesFocus(True)

        self.reason_box.addWidget(self.reason_edit)

        self.reason_error = QLabel(ReferralsReferral)
        self.reason_error.setObjectName(u"reason_error")

        self.reason_box.addWidget(self.reason_error)


        self.right_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.reason_box)

        self.auth_number_label = QLabel(ReferralsReferral)
        self.auth_number_label.setObjectName(u"auth_number_label")

        self.right_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.auth_number_label)

        self.auth_number_box = QVBoxLayout()
        self.auth_number_box.setSpacing(2)
        self.auth_number_box.setObjectName(u"auth_number_box")
        self.auth_number_edit = QLineEdit(ReferralsReferral)
        self.auth_number_edit.setObjectName(u"auth_number_edit")
        self.auth_number_edit.setMaxLength(40)

        self.auth_number_box.addWidget(self.auth_number_edit)

        self.auth_number_error = QLabel(ReferralsReferral)
        self.auth_number_error.setObjectName(u"auth_number_error")

        self.auth_number_box.addWidget(self.auth_number_error)


        self.right_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.auth_number_box)

        self.auth_until_label = QLabel(ReferralsReferral)
        self.auth_until_label.setObjectName(u"auth_until_label")

        self.right_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.auth_until_label)

        self.auth_until_box = QVBoxLayout()
        self.auth_until_box.setSpacing(2)
        self.auth_until_box.setObjectName(u"auth_until_box")
        self.auth_until_edit = DateEdit(ReferralsReferral)
        self.auth_until_edit.setObjectName(u"auth_until_edit")

        self.auth_until_box.addWidget(self.auth_until_edit)

        self.auth_until_error = QLabel(ReferralsReferral)
        self.auth_until_error.setObjectName(u"auth_until_error")

        self.auth_until_box.addWidget(self.auth_until_error)


        self.right_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.auth_until_box)

        self.records_box = QVBoxLayout()
        self.records_box.setSpacing(2)
        self.records_box.setObjectName(u"records_box")
        self.records_box1 = QGroupBox(ReferralsReferral)
        self.records_box1.setObjectName(u"records_box1")
        self.records_layout = QGridLayout(self.records_box1)
        self.records_layout.setObjectName(u"records_layout")

        self.records_box.addWidget(self.records_box1)

        self.records_error = QLabel(ReferralsReferral)
        self.records_error.setObjectName(u"records_error")

        self.records_box.addWidget(self.records_error)


        self.right_form.setLayout(3, QFormLayout.ItemRole.SpanningRole, self.records_box)

        self.notes_label = QLabel(ReferralsReferral)
        self.notes_label.setObjectName(u"notes_label")

        self.right_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_box = QVBoxLayout()
        self.notes_box.setSpacing(2)
        self.notes_box.setObjectName(u"notes_box")
        self.notes_edit = QPlainTextEdit(ReferralsReferral)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setTabChangesFocus(True)

        self.notes_box.addWidget(self.notes_edit)

        self.notes_error = QLabel(ReferralsReferral)
        self.notes_error.setObjectName(u"notes_error")

        self.notes_box.addWidget(self.notes_error)


        self.right_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.notes_box)


        self.right_column.addLayout(self.right_form)


        self.columns.addLayout(self.right_column)


        self.dialog_layout.addLayout(self.columns)

        self.button_box = QDialogButtonBox(ReferralsReferral)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.patient_label.setBuddy(self.patient_picker)
        self.provider_label.setBuddy(self.provider_combo)
        self.specialty_label.setBuddy(self.specialty_combo)
        self.office_label.setBuddy(self.office_edit)
        self.contact_label.setBuddy(self.contact_edit)
        self.urgency_label.setBuddy(self.urgency_combo)
        self.reason_label.setBuddy(self.reason_edit)
        self.auth_number_label.setBuddy(self.auth_number_edit)
        self.auth_until_label.setBuddy(self.auth_until_edit)
        self.notes_label.setBuddy(self.notes_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.patient_picker, self.provider_combo)
        QWidget.setTabOrder(self.provider_combo, self.specialty_combo)
        QWidget.setTabOrder(self.specialty_combo, self.office_edit)
        QWidget.setTabOrder(self.office_edit, self.contact_edit)
        QWidget.setTabOrder(self.contact_edit, self.urgency_combo)
        QWidget.setTabOrder(self.urgency_combo, self.reason_edit)
        QWidget.setTabOrder(self.reason_edit, self.auth_number_edit)
        QWidget.setTabOrder(self.auth_number_edit, self.auth_until_edit)
        QWidget.setTabOrder(self.auth_until_edit, self.records_box1)
        QWidget.setTabOrder(self.records_box1, self.notes_edit)

        self.retranslateUi(ReferralsReferral)

        QMetaObject.connectSlotsByName(ReferralsReferral)
    # setupUi

    def retranslateUi(self, ReferralsReferral):
        ReferralsReferral.setWindowTitle(QCoreApplication.translate("ReferralsReferral", u"Referral", None))
        self.patient_label.setText(QCoreApplication.translate("ReferralsReferral", u"&Patient:", None))
        self.provider_label.setText(QCoreApplication.translate("ReferralsReferral", u"&Referring provider:", None))
#if QT_CONFIG(tooltip)
        self.provider_combo.setToolTip(QCoreApplication.translate("ReferralsReferral", u"The provider who asks for the referral", None))
#endif // QT_CONFIG(tooltip)
        self.specialty_label.setText(QCoreApplication.translate("ReferralsReferral", u"Specialt&y:", None))
#if QT_CONFIG(tooltip)
        self.specialty_combo.setToolTip(QCoreApplication.translate("ReferralsReferral", u"Pick one or type another", None))
#endif // QT_CONFIG(tooltip)
        self.office_label.setText(QCoreApplication.translate("ReferralsReferral", u"Specialist &office:", None))
        self.office_edit.setPlaceholderText(QCoreApplication.translate("ReferralsReferral", u"Practice or specialist's name", None))
        self.contact_label.setText(QCoreApplication.translate("ReferralsReferral", u"Co&ntact number:", None))
        self.contact_edit.setPlaceholderText(QCoreApplication.translate("ReferralsReferral", u"(312) 555-0199", None))
#if QT_CONFIG(tooltip)
        self.contact_edit.setToolTip(QCoreApplication.translate("ReferralsReferral", u"The office's phone or fax", None))
#endif // QT_CONFIG(tooltip)
        self.urgency_label.setText(QCoreApplication.translate("ReferralsReferral", u"&Urgency:", None))
#if QT_CONFIG(tooltip)
        self.urgency_combo.setToolTip(QCoreApplication.translate("ReferralsReferral", u"How soon the patient must be seen", None))
#endif // QT_CONFIG(tooltip)
        self.reason_label.setText(QCoreApplication.translate("ReferralsReferral", u"Rea&son:", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("ReferralsReferral", u"Why the patient is referred (Ctrl+Enter saves)", None))
        self.auth_number_label.setText(QCoreApplication.translate("ReferralsReferral", u"&Authorisation number:", None))
        self.auth_number_edit.setPlaceholderText(QCoreApplication.translate("ReferralsReferral", u"From the patient's plan", None))
        self.auth_until_label.setText(QCoreApplication.translate("ReferralsReferral", u"&Valid until:", None))
#if QT_CONFIG(tooltip)
        self.auth_until_edit.setToolTip(QCoreApplication.translate("ReferralsReferral", u"The last day the authorisation covers", None))
#endif // QT_CONFIG(tooltip)
        self.records_box1.setTitle(QCoreApplication.translate("ReferralsReferral", u"Records sent with the referral", None))
        self.notes_label.setText(QCoreApplication.translate("ReferralsReferral", u"No&tes:", None))
        self.notes_edit.setPlaceholderText(QCoreApplication.translate("ReferralsReferral", u"Anything else (Ctrl+Enter saves)", None))
    # retranslateUi
