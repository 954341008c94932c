# Generated from forms/calendar_proposals.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calendar_proposals.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QLabel, QListView, QSizePolicy,
    QVBoxLayout, QWidget)

from vma_desk.ui.calendar.approval import ApprovalPanel

class Ui_CalendarProposals(object):
    def setupUi(self, CalendarProposals):
        if not CalendarProposals.objectName():
            CalendarProposals.setObjectName(u"CalendarProposals")
        CalendarProposals.resize(620, 440)
        self.dialog_layout = QVBoxLayout(CalendarProposals)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.slot_label = QLabel(CalendarProposals)
        self.slot_label.setObjectName(u"slot_label")
        self.slot_label.setWordWrap(True)
        self.slot_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.slot_label)

        self.hint_label = QLabel(CalendarProposals)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.hint_label)

        self.proposal_list = QListView(CalendarProposals)
        self.proposal_list.setObjectName(u"proposal_list")
        self.proposal_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.proposal_list.setAlternatingRowColors(True)
        self.proposal_list.setWordWrap(True)

        self.dialog_layout.addWidget(self.proposal_list)

        self.form_error_label = QLabel(CalendarProposals)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.approval_panel = ApprovalPanel(CalendarProposals)
        self.approval_panel.setObjectName(u"approval_panel")

        self.dialog_layout.addWidget(self.approval_panel)

        self.button_box = QDialogButtonBox(CalendarProposals)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

        QWidget.setTabOrder(self.proposal_list, self.approval_panel)

        self.retranslateUi(CalendarProposals)

        QMetaObject.connectSlotsByName(CalendarProposals)
    # setupUi

    def retranslateUi(self, CalendarProposals):
        CalendarProposals.setWindowTitle(QCoreApplication.translate("CalendarProposals", u"Offer the freed slot", None))
        self.hint_label.setText(QCoreApplication.translate("CalendarProposals", u"Waitlisted patients this slot suits, longest waiting first. Call the patient, then book them here.", None))
#if QT_CONFIG(accessibility)
        self.proposal_list.setAccessibleName(QCoreApplication.translate("CalendarProposals", u"Waitlisted patients", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
