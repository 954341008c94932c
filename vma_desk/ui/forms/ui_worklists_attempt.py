# Generated from forms/worklists_attempt.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'worklists_attempt.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from vma_desk.ui.shared.when_edit import WhenEdit

class Ui_WorklistsAttempt(object):
    def setupUi(self, WorklistsAttempt):
        if not WorklistsAttempt.objectName():
            WorklistsAttempt.setObjectName(u"WorklistsAttempt")
        WorklistsAttempt.resize(560, 420)
        self.dialog_layout = QVBoxLayout(WorklistsAttempt)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.about_label = QLabel(WorklistsAttempt)
        self.about_label.setObjectName(u"about_label")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.about_label)

        self.history_label = QLabel(WorklistsAttempt)
        self.history_label.setObjectName(u"history_label")
        self.history_label.setWordWrap(True)
        self.history_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.history_label)

        self.form_error_label = QLabel(WorklistsAttempt)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.attempt_form = QFormLayout()
        self.attempt_form.setObjectName(u"attempt_form")
        self.attempt_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.outcome_label = QLabel(WorklistsAttempt)
        self.outcome_label.setObjectName(u"outcome_label")

        self.attempt_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.outcome_label)

        self.outcome_box = QVBoxLayout()
        self.outcome_box.setSpacing(2)
        self.outcome_box.setObjectName(u"outcome_box")
        self.outcome_combo = QComboBox(WorklistsAttempt)
        self.outcome_combo.setObjectName(u"outcome_combo")

        self.outcome_box.addWidget(self.outcome_combo)

        self.outcome_error = QLabel(WorklistsAttempt)
        self.outcome_error.setObjectName(u"outcome_error")

        self.outcome_box.addWidget(self.outcome_error)


        self.attempt_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.outcome_box)

        self.channel_label = QLabel(WorklistsAttempt)
        self.channel_label.setObjectName(u"channel_label")

        self.attempt_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.channel_label)

        self.channel_box = QVBoxLayout()
        self.channel_box.setSpacing(2)
        self.channel_box.setObjectName(u"channel_box")
        self.channel_combo = QComboBox(WorklistsAttempt)
        self.channel_combo.setObjectName(u"channel_combo")

        self.channel_box.addWidget(self.channel_combo)

        self.channel_error = QLabel(WorklistsAttempt)
        self.channel_error.setObjectName(u"channel_error")

        self.channel_box.addWidget(self.channel_error)


        self.attempt_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.channel_box)

        self.at_label = QLabel(WorklistsAttempt)
        self.at_label.setObjectName(u"at_label")

        self.attempt_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.at_label)

        self.at_box = QVBoxLayout()
        self.at_box.setSpacing(2)
        self.at_box.setObjectName(u"at_box")
        self.at_edit = WhenEdit(WorklistsAttempt)
        self.at_edit.setObjectName(u"at_edit")

        self.at_box.addWidget(self.at_edit)

        self.at_error = QLabel(WorklistsAttempt)
        self.at_error.setObjectName(u"at_error")

        self.at_box.addWidget(self.at_error)


        self.attempt_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.at_box)

        self.note_label = QLabel(WorklistsAttempt)
        self.note_label.setObjectName(u"note_label")

        self.attempt_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_box = QVBoxLayout()
        self.note_box.setSpacing(2)
        self.note_box.setObjectName(u"note_box")
        self.note_edit = QLineEdit(WorklistsAttempt)
        self.note_edit.setObjectName(u"note_edit")

        self.note_box.addWidget(self.note_edit)

        self.note_error = QLabel(WorklistsAttempt)
        self.note_error.setObjectName(u"note_error")

        self.note_box.addWidget(self.note_error)


        self.attempt_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.note_box)

        self.next_label = QLabel(WorklistsAttempt)
        self.next_label.setObjectName(u"next_label")

        self.attempt_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.next_label)

        self.next_box = QVBoxLayout()
        self.next_box.setSpacing(2)
        self.next_box.setObjectName(u"next_box")
        self.suggestion_label = QLabel(WorklistsAttempt)
        self.suggestion_label.setObjectName(u"suggestion_label")
        self.suggestion_label.setWordWrap(True)
        self.suggestion_label.setTextFormat(Qt.TextFormat.PlainText)

        self.next_box.addWidget(self.suggestion_label)

        self.next_row = QHBoxLayout()
        self.next_row.setObjectName(u"next_row")
        self.next_check = QCheckBox(WorklistsAttempt)
        self.next_check.setObjectName(u"next_check")

        self.next_row.addWidget(self.next_check)

        self.next_edit = WhenEdit(WorklistsAttempt)
        self.next_edit.setObjectName(u"next_edit")

        self.next_row.addWidget(self.next_edit)


        self.next_box.addLayout(self.next_row)

        self.next_at_error = QLabel(WorklistsAttempt)
        self.next_at_error.setObjectName(u"next_at_error")

        self.next_box.addWidget(self.next_at_error)


        self.attempt_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.next_box)


        self.dialog_layout.addLayout(self.attempt_form)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(WorklistsAttempt)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.outcome_label.setBuddy(self.outcome_combo)
        self.channel_label.setBuddy(self.channel_combo)
        self.at_label.setBuddy(self.at_edit)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.outcome_combo, self.channel_combo)
        QWidget.setTabOrder(self.channel_combo, self.at_edit)
        QWidget.setTabOrder(self.at_edit, self.note_edit)
        QWidget.setTabOrder(self.note_edit, self.next_check)
        QWidget.setTabOrder(self.next_check, self.next_edit)

        self.retranslateUi(WorklistsAttempt)

        QMetaObject.connectSlotsByName(WorklistsAttempt)
    # setupUi

    def retranslateUi(self, WorklistsAttempt):
        WorklistsAttempt.setWindowTitle(QCoreApplication.translate("WorklistsAttempt", u"Log attempt", None))
        self.outcome_label.setText(QCoreApplication.translate("WorklistsAttempt", u"&Outcome:", None))
        self.channel_label.setText(QCoreApplication.translate("WorklistsAttempt", u"C&hannel:", None))
        self.at_label.setText(QCoreApplication.translate("WorklistsAttempt", u"&When:", None))
        self.note_label.setText(QCoreApplication.translate("WorklistsAttempt", u"&Note:", None))
        self.note_edit.setPlaceholderText(QCoreApplication.translate("WorklistsAttempt", u"e.g. Asked for a call after 3 PM", None))
        self.next_label.setText(QCoreApplication.translate("WorklistsAttempt", u"Next attempt:", None))
        self.next_check.setText(QCoreApplication.translate("WorklistsAttempt", u"Set it m&yself:", None))
    # retranslateUi
