# Generated from forms/refills_withdraw.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'refills_withdraw.ui'
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
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_RefillsWithdraw(object):
    def setupUi(self, RefillsWithdraw):
        if not RefillsWithdraw.objectName():
            RefillsWithdraw.setObjectName(u"RefillsWithdraw")
        RefillsWithdraw.resize(520, 200)
        self.dialog_layout = QVBoxLayout(RefillsWithdraw)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.about_label = QLabel(RefillsWithdraw)
        self.about_label.setObjectName(u"about_label")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.about_label)

        self.form_error_label = QLabel(RefillsWithdraw)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.withdraw_form = QFormLayout()
        self.withdraw_form.setObjectName(u"withdraw_form")
        self.withdraw_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reason_label = QLabel(RefillsWithdraw)
        self.reason_label.setObjectName(u"reason_label")

        self.withdraw_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_box = QVBoxLayout()
        self.reason_box.setSpacing(2)
        self.reason_box.setObjectName(u"reason_box")
        self.reason_edit = QLineEdit(RefillsWithdraw)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setMaxLength(500)

        self.reason_box.addWidget(self.reason_edit)

        self.reason_error = QLabel(RefillsWithdraw)
        self.reason_error.setObjectName(u"reason_error")

        self.reason_box.addWidget(self.reason_error)


        self.withdraw_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.reason_box)


        self.dialog_layout.addLayout(self.withdraw_form)

        self.button_box = QDialogButtonBox(RefillsWithdraw)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.reason_label.setBuddy(self.reason_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RefillsWithdraw)

        QMetaObject.connectSlotsByName(RefillsWithdraw)
    # setupUi

    def retranslateUi(self, RefillsWithdraw):
        RefillsWithdraw.setWindowTitle(QCoreApplication.translate("RefillsWithdraw", u"Withdraw the refill request", None))
        self.reason_label.setText(QCoreApplication.translate("RefillsWithdraw", u"&Reason:", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("RefillsWithdraw", u"e.g. Duplicate of this morning's fax", None))
    # retranslateUi
