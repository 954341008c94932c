# Generated from forms/preferences.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'preferences.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_Preferences(object):
    def setupUi(self, Preferences):
        if not Preferences.objectName():
            Preferences.setObjectName(u"Preferences")
        Preferences.resize(420, 190)
        self.main_layout = QVBoxLayout(Preferences)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.autolock_label = QLabel(Preferences)
        self.autolock_label.setObjectName(u"autolock_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.autolock_label)

        self.autolock_spin = QSpinBox(Preferences)
        self.autolock_spin.setObjectName(u"autolock_spin")
        self.autolock_spin.setMinimum(1)
        self.autolock_spin.setMaximum(120)
        self.autolock_spin.setValue(10)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.autolock_spin)


        self.main_layout.addLayout(self.form_layout)

        self.silent_start_check = QCheckBox(Preferences)
        self.silent_start_check.setObjectName(u"silent_start_check")

        self.main_layout.addWidget(self.silent_start_check)

        self.note_label = QLabel(Preferences)
        self.note_label.setObjectName(u"note_label")
        self.note_label.setWordWrap(True)

        self.main_layout.addWidget(self.note_label)

        self.button_box = QDialogButtonBox(Preferences)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.autolock_label.setBuddy(self.autolock_spin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(Preferences)

        QMetaObject.connectSlotsByName(Preferences)
    # setupUi

    def retranslateUi(self, Preferences):
        Preferences.setWindowTitle(QCoreApplication.translate("Preferences", u"Preferences", None))
        self.autolock_label.setText(QCoreApplication.translate("Preferences", u"&Lock after", None))
        self.autolock_spin.setSuffix(QCoreApplication.translate("Preferences", u" minutes without activity", None))
        self.silent_start_check.setText(QCoreApplication.translate("Preferences", u"&Start without asking the PIN when the workspace has only one user", None))
#if QT_CONFIG(tooltip)
        self.silent_start_check.setToolTip(QCoreApplication.translate("Preferences", u"Every unlock after a lock still asks for the PIN.", None))
#endif // QT_CONFIG(tooltip)
        self.note_label.setText(QCoreApplication.translate("Preferences", u"While locked, VMA Desk closes the workspace and holds no patient detail; a user's PIN opens it again.", None))
    # retranslateUi
