# Generated from forms/worklists_slots.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'worklists_slots.ui'
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
    QLabel, QListWidget, QListWidgetItem, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_WorklistsSlots(object):
    def setupUi(self, WorklistsSlots):
        if not WorklistsSlots.objectName():
            WorklistsSlots.setObjectName(u"WorklistsSlots")
        WorklistsSlots.resize(560, 420)
        self.dialog_layout = QVBoxLayout(WorklistsSlots)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.about_label = QLabel(WorklistsSlots)
        self.about_label.setObjectName(u"about_label")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.about_label)

        self.form_error_label = QLabel(WorklistsSlots)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.slots_label = QLabel(WorklistsSlots)
        self.slots_label.setObjectName(u"slots_label")

        self.dialog_layout.addWidget(self.slots_label)

        self.slot_list = QListWidget(WorklistsSlots)
        self.slot_list.setObjectName(u"slot_list")
        self.slot_list.setAlternatingRowColors(True)

        self.dialog_layout.addWidget(self.slot_list)

        self.slot_error = QLabel(WorklistsSlots)
        self.slot_error.setObjectName(u"slot_error")

        self.dialog_layout.addWidget(self.slot_error)

        self.status_label = QLabel(WorklistsSlots)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.status_label)

        self.button_box = QDialogButtonBox(WorklistsSlots)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.slots_label.setBuddy(self.slot_list)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WorklistsSlots)

        QMetaObject.connectSlotsByName(WorklistsSlots)
    # setupUi

    def retranslateUi(self, WorklistsSlots):
        WorklistsSlots.setWindowTitle(QCoreApplication.translate("WorklistsSlots", u"Rebook", None))
        self.slots_label.setText(QCoreApplication.translate("WorklistsSlots", u"&Open slots:", None))
    # retranslateUi
