# Generated from forms/calendar_cancel.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calendar_cancel.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from vma_desk.ui.calendar.approval import ApprovalPanel

class Ui_CalendarCancel(object):
    def setupUi(self, CalendarCancel):
        if not CalendarCancel.objectName():
            CalendarCancel.setObjectName(u"CalendarCancel")
        CalendarCancel.resize(560, 320)
        self.dialog_layout = QVBoxLayout(CalendarCancel)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.summary_label = QLabel(CalendarCancel)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.summary_label)

        self.late_label = QLabel(CalendarCancel)
        self.late_label.setObjectName(u"late_label")
        self.late_label.setWordWrap(True)
        self.late_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.late_label)

        self.form_error_label = QLabel(CalendarCancel)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.cancel_form = QFormLayout()
        self.cancel_form.setObjectName(u"cancel_form")
        self.reason_label = QLabel(CalendarCancel)
        self.reason_label.setObjectName(u"reason_label")

        self.cancel_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_box = QVBoxLayout()
        self.reason_box.setSpacing(2)
        self.reason_box.setObjectName(u"reason_box")
        self.reason_combo = QComboBox(CalendarCancel)
        self.reason_combo.setObjectName(u"reason_combo")
        self.reason_combo.setEditable(True)
        self.reason_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.reason_box.addWidget(self.reason_combo)

        self.reason_error = QLabel(CalendarCancel)
        self.reason_error.setObjectName(u"reason_error")

        self.reason_box.addWidget(self.reason_error)


        self.cancel_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.reason_box)


        self.dialog_layout.addLayout(self.cancel_form)

        self.approval_panel = ApprovalPanel(CalendarCancel)
        self.approval_panel.setObjectName(u"approval_panel")

        self.dialog_layout.addWidget(self.approval_panel)

        self.dialog_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.dialog_spacer)

        self.button_box = QDialogButtonBox(CalendarCancel)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.reason_label.setBuddy(self.reason_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.reason_combo, self.approval_panel)

        self.retranslateUi(CalendarCancel)

        QMetaObject.connectSlotsByName(CalendarCancel)
    # setupUi

    def retranslateUi(self, CalendarCancel):
        CalendarCancel.setWindowTitle(QCoreApplication.translate("CalendarCancel", u"Cancel appointment", None))
        self.reason_label.setText(QCoreApplication.translate("CalendarCancel", u"&Reason:", None))
    # retranslateUi
