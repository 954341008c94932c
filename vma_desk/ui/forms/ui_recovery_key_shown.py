# Generated from forms/recovery_key_shown.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recovery_key_shown.ui'
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
    QDialogButtonBox, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_RecoveryKeyShown(object):
    def setupUi(self, RecoveryKeyShown):
        if not RecoveryKeyShown.objectName():
            RecoveryKeyShown.setObjectName(u"RecoveryKeyShown")
        RecoveryKeyShown.resize(600, 380)
        self.main_layout = QVBoxLayout(RecoveryKeyShown)
        self.main_layout.setObjectName(u"main_layout")
        self.heading_label = QLabel(RecoveryKeyShown)
        self.heading_label.setObjectName(u"heading_label")

        self.main_layout.addWidget(self.heading_label)

        self.explanation_label = QLabel(RecoveryKeyShown)
        self.explanation_label.setObjectName(u"explanation_label")
        self.explanation_label.setWordWrap(True)

        self.main_layout.addWidget(self.explanation_label)

        self.key_label = QLabel(RecoveryKeyShown)
        self.key_label.setObjectName(u"key_label")
        self.key_label.setText(u"XXXXX-XXXXX")
        self.key_label.setAlignment(Qt.AlignCenter)
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)

        self.main_layout.addWidget(self.key_label)

        self.actions_layout = QHBoxLayout()
        self.actions_layout.setObjectName(u"actions_layout")
        self.copy_button = QPushButton(RecoveryKeyShown)
        self.copy_button.setObjectName(u"copy_button")

        self.actions_layout.addWidget(self.copy_button)

        self.save_button = QPushButton(RecoveryKeyShown)
        self.save_button.setObjectName(u"save_button")

        self.actions_layout.addWidget(self.save_button)

        self.print_button = QPushButton(RecoveryKeyShown)
        self.print_button.setObjectName(u"print_button")

        self.actions_layout.addWidget(self.print_button)

        self.actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions_layout.addItem(self.actions_spacer)


        self.main_layout.addLayout(self.actions_layout)

        self.saved_check = QCheckBox(RecoveryKeyShown)
        self.saved_check.setObjectName(u"saved_check")

        self.main_layout.addWidget(self.saved_check)

        self.button_box = QDialogButtonBox(RecoveryKeyShown)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Ok)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(RecoveryKeyShown)

        QMetaObject.connectSlotsByName(RecoveryKeyShown)
    # setupUi

    def retranslateUi(self, RecoveryKeyShown):
        RecoveryKeyShown.setWindowTitle(QCoreApplication.translate("RecoveryKeyShown", u"Your recovery key", None))
        self.heading_label.setText(QCoreApplication.translate("RecoveryKeyShown", u"Save your recovery key now", None))
        self.explanation_label.setText(QCoreApplication.translate("RecoveryKeyShown", u"VMA Desk keeps this workspace's key in your computer's keyring, so it opens by itself. If the keyring is ever reset, or you move the workspace to another computer, this recovery key is the only way to open it. It is shown once: save it or print it and keep it somewhere safe, away from this laptop.", None))
        self.copy_button.setText(QCoreApplication.translate("RecoveryKeyShown", u"&Copy", None))
        self.save_button.setText(QCoreApplication.translate("RecoveryKeyShown", u"&Save to a file\u2026", None))
        self.print_button.setText(QCoreApplication.translate("RecoveryKeyShown", u"&Print\u2026", None))
        self.saved_check.setText(QCoreApplication.translate("RecoveryKeyShown", u"I have &saved or printed my recovery key", None))
    # retranslateUi
