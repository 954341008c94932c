# Generated from forms/records_authorisation.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'records_authorisation.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from vma_desk.ui.shared.widgets import DateEdit

class Ui_RecordsAuthorisation(object):
    def setupUi(self, RecordsAuthorisation):
        if not RecordsAuthorisation.objectName():
            RecordsAuthorisation.setObjectName(u"RecordsAuthorisation")
        RecordsAuthorisation.resize(480, 240)
        self.dialog_layout = QVBoxLayout(RecordsAuthorisation)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.about_label = QLabel(RecordsAuthorisation)
        self.about_label.setObjectName(u"about_label")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.about_label)

        self.form_error_label = QLabel(RecordsAuthorisation)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.fields_form = QFormLayout()
        self.fields_form.setObjectName(u"fields_form")
        self.fields_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.signed_label = QLabel(RecordsAuthorisation)
        self.signed_label.setObjectName(u"signed_label")

        self.fields_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.signed_label)

        self.signed_box = QVBoxLayout()
        self.signed_box.setSpacing(2)
        self.signed_box.setObjectName(u"signed_box")
        self.signed_edit = DateEdit(RecordsAuthorisation)
        self.signed_edit.setObjectName(u"signed_edit")

        self.signed_box.addWidget(self.signed_edit)

        self.authorization_on_error = QLabel(RecordsAuthorisation)
        self.authorization_on_error.setObjectName(u"authorization_on_error")

        self.signed_box.addWidget(self.authorization_on_error)


        self.fields_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.signed_box)

        self.expires_label = QLabel(RecordsAuthorisation)
        self.expires_label.setObjectName(u"expires_label")

        self.fields_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.expires_label)

        self.expires_box = QVBoxLayout()
        self.expires_box.setSpacing(2)
        self.expires_box.setObjectName(u"expires_box")
        self.expires_edit = DateEdit(RecordsAuthorisation)
        self.expires_edit.setObjectName(u"expires_edit")

        self.expires_box.addWidget(self.expires_edit)

        self.authorization_expires_error = QLabel(RecordsAuthorisation)
        self.authorization_expires_error.setObjectName(u"authorization_expires_error")

        self.expires_box.addWidget(self.authorization_expires_error)


        self.fields_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.expires_box)


        self.dialog_layout.addLayout(self.fields_form)

        self.hint_label = QLabel(RecordsAuthorisation)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.hint_label)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(RecordsAuthorisation)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.signed_label.setBuddy(self.signed_edit)
        self.expires_label.setBuddy(self.expires_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.signed_edit, self.expires_edit)

        self.retranslateUi(RecordsAuthorisation)

        QMetaObject.connectSlotsByName(RecordsAuthorisation)
    # setupUi

    def retranslateUi(self, RecordsAuthorisation):
        RecordsAuthorisation.setWindowTitle(QCoreApplication.translate("RecordsAuthorisation", u"Authorisation", None))
        self.signed_label.setText(QCoreApplication.translate("RecordsAuthorisation", u"&Signed on:", None))
        self.expires_label.setText(QCoreApplication.translate("RecordsAuthorisation", u"&Expires on:", None))
        self.hint_label.setText(QCoreApplication.translate("RecordsAuthorisation", u"The dates on the patient's signed authorisation form. A new one replaces the one on file.", None))
    # retranslateUi
