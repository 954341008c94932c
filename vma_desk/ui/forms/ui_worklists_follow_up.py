# Generated from forms/worklists_follow_up.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'worklists_follow_up.ui'
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
    QDialogButtonBox, QGridLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

from vma_desk.ui.shared.red_flags import EscalationPanel

class Ui_WorklistsFollowUp(object):
    def setupUi(self, WorklistsFollowUp):
        if not WorklistsFollowUp.objectName():
            WorklistsFollowUp.setObjectName(u"WorklistsFollowUp")
        WorklistsFollowUp.resize(640, 540)
        self.dialog_layout = QVBoxLayout(WorklistsFollowUp)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.about_label = QLabel(WorklistsFollowUp)
        self.about_label.setObjectName(u"about_label")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.about_label)

        self.script_label = QLabel(WorklistsFollowUp)
        self.script_label.setObjectName(u"script_label")
        self.script_label.setWordWrap(True)
        self.script_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.script_label)

        self.form_error_label = QLabel(WorklistsFollowUp)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.script_grid = QGridLayout()
        self.script_grid.setObjectName(u"script_grid")
        self.understood_label = QLabel(WorklistsFollowUp)
        self.understood_label.setObjectName(u"understood_label")
        self.understood_label.setWordWrap(True)

        self.script_grid.addWidget(self.understood_label, 0, 0, 1, 1)

        self.understood_box = QVBoxLayout()
        self.understood_box.setSpacing(2)
        self.understood_box.setObjectName(u"understood_box")
        self.understood_combo = QComboBox(WorklistsFollowUp)
        self.understood_combo.setObjectName(u"understood_combo")

        self.understood_box.addWidget(self.understood_combo)

        self.understood_error = QLabel(WorklistsFollowUp)
        self.understood_error.setObjectName(u"understood_error")

        self.understood_box.addWidget(self.understood_error)


        self.script_grid.addLayout(self.understood_box, 0, 1, 1, 1)

        self.follow_up_booked_label = QLabel(WorklistsFollowUp)
        self.follow_up_booked_label.setObjectName(u"follow_up_booked_label")
        self.follow_up_booked_label.setWordWrap(True)

        self.script_grid.addWidget(self.follow_up_booked_label, 1, 0, 1, 1)

        self.follow_up_booked_box = QVBoxLayout()
        self.follow_up_booked_box.setSpacing(2)
        self.follow_up_booked_box.setObjectName(u"follow_up_booked_box")
        self.follow_up_booked_combo = QComboBox(WorklistsFollowUp)
        self.follow_up_booked_combo.setObjectName(u"follow_up_booked_combo")

        self.follow_up_booked_box.addWidget(self.follow_up_booked_combo)

        self.follow_up_booked_error = QLabel(WorklistsFollowUp)
        self.follow_up_booked_error.setObjectName(u"follow_up_booked_error")

        self.follow_up_booked_box.addWidget(self.follow_up_booked_error)


        self.script_grid.addLayout(self.follow_up_booked_box, 1, 1, 1, 1)

        self.prescription_picked_up_label = QLabel(WorklistsFollowUp)
        self.prescription_picked_up_label.setObjectName(u"prescription_picked_up_label")
        self.prescription_picked_up_label.setWordWrap(True)

        self.script_grid.addWidget(self.prescription_picked_up_label, 2, 0, 1, 1)

        self.prescription_picked_up_box = QVBoxLayout()
        self.prescription_picked_up_box.setSpacing(2)
        self.prescription_picked_up_box.setObjectName(u"prescription_picked_up_box")
        self.prescription_picked_up_combo = QComboBox(WorklistsFollowUp)
        self.prescription_picked_up_combo.setObjectName(u"prescription_picked_up_combo")

        self.prescription_picked_up_box.addWidget(self.prescription_picked_up_combo)

        self.prescription_picked_up_error = QLabel(WorklistsFollowUp)
        self.prescription_picked_up_error.setObjectName(u"prescription_picked_up_error")

        self.prescription_picked_up_box.addWidget(self.prescription_picked_up_error)


        self.script_grid.addLayout(self.prescription_picked_up_box, 2, 1, 1, 1)

        self.has_question_label = QLabel(WorklistsFollowUp)
        self.has_question_label.setObjectName(u"has_question_label")
        self.has_question_label.setWordWrap(True)

        self.script_grid.addWidget(self.has_question_label, 3, 0, 1, 1)

        self.has_question_box = QVBoxLayout()
        self.has_question_box.setSpacing(2)
        self.has_question_box.setObjectName(u"has_question_box")
        self.has_question_combo = QComboBox(WorklistsFollowUp)
        self.has_question_combo.setObjectName(u"has_question_combo")

        self.has_question_box.addWidget(self.has_question_combo)

        self.has_question_error = QLabel(WorklistsFollowUp)
        self.has_question_error.setObjectName(u"has_question_error")

        self.has_question_box.addWidget(self.has_question_error)


        self.script_grid.addLayout(self.has_question_box, 3, 1, 1, 1)


        self.dialog_layout.addLayout(self.script_grid)

        self.question_label = QLabel(WorklistsFollowUp)
        self.question_label.setObjectName(u"question_label")

        self.dialog_layout.addWidget(self.question_label)

        self.question_edit = QPlainTextEdit(WorklistsFollowUp)
        self.question_edit.setObjectName(u"question_edit")
        self.question_edit.setTabChangesFocus(True)

        self.dialog_layout.addWidget(self.question_edit)

        self.question_error = QLabel(WorklistsFollowUp)
        self.question_error.setObjectName(u"question_error")

        self.dialog_layout.addWidget(self.question_error)

        self.escalation_panel = EscalationPanel(WorklistsFollowUp)
        self.escalation_panel.setObjectName(u"escalation_panel")

        self.dialog_layout.addWidget(self.escalation_panel)

        self.button_box = QDialogButtonBox(WorklistsFollowUp)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.understood_label.setBuddy(self.understood_combo)
        self.follow_up_booked_label.setBuddy(self.follow_up_booked_combo)
        self.prescription_picked_up_label.setBuddy(self.prescription_picked_up_combo)
        self.has_question_label.setBuddy(self.has_question_combo)
        self.question_label.setBuddy(self.question_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.understood_combo, self.follow_up_booked_combo)
        QWidget.setTabOrder(self.follow_up_booked_combo, self.prescription_picked_up_combo)
        QWidget.setTabOrder(self.prescription_picked_up_combo, self.has_question_combo)
        QWidget.setTabOrder(self.has_question_combo, self.question_edit)
        QWidget.setTabOrder(self.question_edit, self.escalation_panel)

        self.retranslateUi(WorklistsFollowUp)

        QMetaObject.connectSlotsByName(WorklistsFollowUp)
    # setupUi

    def retranslateUi(self, WorklistsFollowUp):
        WorklistsFollowUp.setWindowTitle(QCoreApplication.translate("WorklistsFollowUp", u"Record answers", None))
        self.script_label.setText(QCoreApplication.translate("WorklistsFollowUp", u"Read each question as written and choose what the patient said (Y yes, N no). A question for the care team is passed on, never answered on the call.", None))
        self.question_label.setText(QCoreApplication.translate("WorklistsFollowUp", u"The patient's &question, in their words:", None))
        self.question_edit.setPlaceholderText(QCoreApplication.translate("WorklistsFollowUp", u"Required when the patient has a question: it goes to the clinical staff as a message", None))
    # retranslateUi
