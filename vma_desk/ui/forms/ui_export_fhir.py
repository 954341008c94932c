# Generated from forms/export_fhir.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_fhir.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from vma_desk.ui.shared.widgets import DateEdit

class Ui_ExportFhir(object):
    def setupUi(self, ExportFhir):
        if not ExportFhir.objectName():
            ExportFhir.setObjectName(u"ExportFhir")
        ExportFhir.resize(600, 440)
        self.dialog_layout = QVBoxLayout(ExportFhir)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.about_label = QLabel(ExportFhir)
        self.about_label.setObjectName(u"about_label")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.about_label)

        self.safety_label = QLabel(ExportFhir)
        self.safety_label.setObjectName(u"safety_label")
        self.safety_label.setWordWrap(True)
        self.safety_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.safety_label)

        self.form_error_label = QLabel(ExportFhir)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.export_form = QFormLayout()
        self.export_form.setObjectName(u"export_form")
        self.export_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.from_label = QLabel(ExportFhir)
        self.from_label.setObjectName(u"from_label")

        self.export_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.from_label)

        self.from_box = QVBoxLayout()
        self.from_box.setSpacing(2)
        self.from_box.setObjectName(u"from_box")
        self.from_edit = DateEdit(ExportFhir)
        self.from_edit.setObjectName(u"from_edit")

        self.from_box.addWidget(self.from_edit)

        self.from_error = QLabel(ExportFhir)
        self.from_error.setObjectName(u"from_error")

        self.from_box.addWidget(self.from_error)


        self.export_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.from_box)

        self.to_label = QLabel(ExportFhir)
        self.to_label.setObjectName(u"to_label")

        self.export_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.to_label)

        self.to_box = QVBoxLayout()
        self.to_box.setSpacing(2)
        self.to_box.setObjectName(u"to_box")
        self.to_edit = DateEdit(ExportFhir)
        self.to_edit.setObjectName(u"to_edit")

        self.to_box.addWidget(self.to_edit)

        self.to_error = QLabel(ExportFhir)
        self.to_error.setObjectName(u"to_error")

        self.to_box.addWidget(self.to_error)


        self.export_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.to_box)

        self.file_label = QLabel(ExportFhir)
        self.file_label.setObjectName(u"file_label")

        self.export_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.file_label)

        self.file_box = QVBoxLayout()
        self.file_box.setSpacing(2)
        self.file_box.setObjectName(u"file_box")
        self.file_row = QHBoxLayout()
        self.file_row.setObjectName(u"file_row")
        self.file_edit = QLineEdit(ExportFhir)
        self.file_edit.setObjectName(u"file_edit")

        self.file_row.addWidget(self.file_edit)

        self.browse_button = QPushButton(ExportFhir)
        self.browse_button.setObjectName(u"browse_button")
        self.browse_button.setAutoDefault(False)

        self.file_row.addWidget(self.browse_button)


        self.file_box.addLayout(self.file_row)

        self.file_error = QLabel(ExportFhir)
        self.file_error.setObjectName(u"file_error")

        self.file_box.addWidget(self.file_error)


        self.export_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.file_box)

        self.protect_check = QCheckBox(ExportFhir)
        self.protect_check.setObjectName(u"protect_check")

        self.export_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.protect_check)

        self.password_label = QLabel(ExportFhir)
        self.password_label.setObjectName(u"password_label")

        self.export_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_box = QVBoxLayout()
        self.password_box.setSpacing(2)
        self.password_box.setObjectName(u"password_box")
        self.password_edit = QLineEdit(ExportFhir)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.password_box.addWidget(self.password_edit)

        self.password_error = QLabel(ExportFhir)
        self.password_error.setObjectName(u"password_error")

        self.password_box.addWidget(self.password_error)


        self.export_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.password_box)

        self.confirm_label = QLabel(ExportFhir)
        self.confirm_label.setObjectName(u"confirm_label")

        self.export_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.confirm_label)

        self.confirm_box = QVBoxLayout()
        self.confirm_box.setSpacing(2)
        self.confirm_box.setObjectName(u"confirm_box")
        self.confirm_edit = QLineEdit(ExportFhir)
        self.confirm_edit.setObjectName(u"confirm_edit")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.confirm_box.addWidget(self.confirm_edit)

        self.confirm_error = QLabel(ExportFhir)
        self.confirm_error.setObjectName(u"confirm_error")

        self.confirm_box.addWidget(self.confirm_error)


        self.export_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.confirm_box)


        self.dialog_layout.addLayout(self.export_form)

        self.bottom_spacer = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_spacer)

        self.hint_label = QLabel(ExportFhir)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.hint_label)

        self.button_box = QDialogButtonBox(ExportFhir)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.from_label.setBuddy(self.from_edit)
        self.to_label.setBuddy(self.to_edit)
        self.file_label.setBuddy(self.file_edit)
        self.password_label.setBuddy(self.password_edit)
        self.confirm_label.setBuddy(self.confirm_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.from_edit, self.to_edit)
        QWidget.setTabOrder(self.to_edit, self.file_edit)
        QWidget.setTabOrder(self.file_edit, self.browse_button)
        QWidget.setTabOrder(self.browse_button, self.protect_check)
        QWidget.setTabOrder(self.protect_check, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.confirm_edit)

        self.retranslateUi(ExportFhir)

        QMetaObject.connectSlotsByName(ExportFhir)
    # setupUi

    def retranslateUi(self, ExportFhir):
        ExportFhir.setWindowTitle(QCoreApplication.translate("ExportFhir", u"Export a FHIR bundle (.json)", None))
        self.about_label.setText(QCoreApplication.translate("ExportFhir", u"Writes the period's work as a FHIR R4 bundle for the practice's EHR: the patients with a visit, call, message, refill request or referral in the period, the providers, the visits, calls and messages as Communication (their category only, never notes or the message's words) and refill requests and referrals as Task.", None))
        self.safety_label.setText(QCoreApplication.translate("ExportFhir", u"The file holds patient data (names, dates of birth, phone numbers): keep it safe and delete it once the EHR has it. With a password it is an encrypted zip (AES-256) that 7-Zip opens.", None))
        self.from_label.setText(QCoreApplication.translate("ExportFhir", u"&From:", None))
#if QT_CONFIG(tooltip)
        self.from_edit.setToolTip(QCoreApplication.translate("ExportFhir", u"The first day of the period (MM/DD/YYYY)", None))
#endif // QT_CONFIG(tooltip)
        self.to_label.setText(QCoreApplication.translate("ExportFhir", u"&To:", None))
#if QT_CONFIG(tooltip)
        self.to_edit.setToolTip(QCoreApplication.translate("ExportFhir", u"The last day of the period, included (MM/DD/YYYY)", None))
#endif // QT_CONFIG(tooltip)
        self.file_label.setText(QCoreApplication.translate("ExportFhir", u"F&ile:", None))
#if QT_CONFIG(tooltip)
        self.file_edit.setToolTip(QCoreApplication.translate("ExportFhir", u"Where to write the bundle: .json is added when the name has no ending, .zip when it is protected with a password", None))
#endif // QT_CONFIG(tooltip)
        self.browse_button.setText(QCoreApplication.translate("ExportFhir", u"&Browse\u2026", None))
        self.protect_check.setText(QCoreApplication.translate("ExportFhir", u"&Protect the file with a password (an encrypted zip)", None))
        self.password_label.setText(QCoreApplication.translate("ExportFhir", u"Pass&word:", None))
        self.password_edit.setPlaceholderText(QCoreApplication.translate("ExportFhir", u"at least 8 characters", None))
        self.confirm_label.setText(QCoreApplication.translate("ExportFhir", u"&Repeat:", None))
        self.confirm_edit.setPlaceholderText(QCoreApplication.translate("ExportFhir", u"the same again", None))
        self.hint_label.setText(QCoreApplication.translate("ExportFhir", u"Enter exports \u00b7 Esc cancels", None))
    # retranslateUi
