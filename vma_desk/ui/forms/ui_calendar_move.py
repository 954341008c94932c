# Generated from forms/calendar_move.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calendar_move.ui'
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
    QLabel, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from vma_desk.ui.calendar.approval import ApprovalPanel

class Ui_CalendarMove(object):
    def setupUi(self, CalendarMove):
        if not CalendarMove.objectName():
            CalendarMove.setObjectName(u"CalendarMove")
        CalendarMove.resize(560, 260)
        self.dialog_layout = QVBoxLayout(CalendarMove)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.summary_label = QLabel(CalendarMove)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.summary_label)

        self.form_error_label = QLabel(CalendarMove)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.approval_panel = ApprovalPanel(CalendarMove)
        self.approval_panel.setObjectName(u"approval_panel")

        self.dialog_layout.addWidget(self.approval_panel)

        self.dialog_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.dialog_spacer)

        self.button_box = QDialogButtonBox(CalendarMove)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)


        self.retranslateUi(CalendarMove)

        QMetaObject.connectSlotsByName(CalendarMove)
    # setupUi

    def retranslateUi(self, CalendarMove):
        CalendarMove.setWindowTitle(QCoreApplication.translate("CalendarMove", u"Move appointment", None))
    # retranslateUi
