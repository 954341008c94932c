# Generated from forms/secret_entry.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'secret_entry.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SecretEntry(object):
    def setupUi(self, SecretEntry):
        if not SecretEntry.objectName():
            SecretEntry.setObjectName(u"SecretEntry")
        SecretEntry.resize(520, 300)
        self.main_layout = QVBoxLayout(SecretEntry)
        self.main_layout.setObjectName(u"main_layout")
        self.heading_label = QLabel(SecretEntry)
        self.heading_label.setObjectName(u"heading_label")

        self.main_layout.addWidget(self.heading_label)

        self.explanation_label = QLabel(SecretEntry)
        self.explanation_label.setObjectName(u"explanation_label")
        self.explanation_label.setWordWrap(True)
        self.explanation_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.main_layout.addWidget(self.explanation_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.secret_label = QLabel(SecretEntry)
        self.secret_label.setObjectName(u"secret_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.secret_label)

        self.secret_edit = QLineEdit(SecretEntry)
        self.secret_edit.setObjectName(u"secret_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.secret_edit)

        self.secret_error = QLabel(SecretEntry)
        self.secret_error.setObjectName(u"secret_error")
        self.secret_error.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.secret_error)

        self.confirm_label = QLabel(SecretEntry)
        self.confirm_label.setObjectName(u"confirm_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.confirm_label)

        self.confirm_edit = QLineEdit(SecretEntry)
        self.confirm_edit.setObjectName(u"confirm_edit")
        self.confirm_edit.setEchoMode(QLineEdit.Password)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.confirm_edit)

        self.confirm_error = QLabel(SecretEntry)
        self.confirm_error.setObjectName(u"confirm_error")
        self.confirm_error.setWordWrap(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.confirm_error)

        self.show_secret_check = QCheckBox(SecretEntry)
        self.show_secret_check.setObjectName(u"show_secret_check")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.show_secret_check)


        self.main_layout.addLayout(self.form_layout)

        self.bottom_spacer = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(SecretEntry)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.secret_label.setBuddy(self.secret_edit)
        self.confirm_label.setBuddy(self.confirm_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SecretEntry)

        QMetaObject.connectSlotsByName(SecretEntry)
    # setupUi

    def retranslateUi(self, SecretEntry):
        SecretEntry.setWindowTitle(QCoreApplication.translate("SecretEntry", u"Unlock workspace", None))
        self.heading_label.setText(QCoreApplication.translate("SecretEntry", u"Unlock", None))
        self.explanation_label.setText("")
        self.secret_label.setText(QCoreApplication.translate("SecretEntry", u"&Secret", None))
        self.confirm_label.setText(QCoreApplication.translate("SecretEntry", u"&Repeat", None))
        self.show_secret_check.setText(QCoreApplication.translate("SecretEntry", u"Sh&ow what I type", None))
    # retranslateUi
