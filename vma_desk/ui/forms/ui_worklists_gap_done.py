# Generated from forms/worklists_gap_done.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'worklists_gap_done.ui'
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

from vma_desk.ui.shared.widgets import DateEdit

class Ui_WorklistsGapDone(object):
    def setupUi(self, WorklistsGapDone):
        if not WorklistsGapDone.objectName():
            WorklistsGapDone.setObjectName(u"WorklistsGapDone")
        WorklistsGapDone.resize(480, 240)
        self.dialog_layout = QVBoxLayout(WorklistsGapDone)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.about_label = QLabel(WorklistsGapDone)
        self.about_label.setObjectName(u"about_label")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.about_label)

        self.form_error_label = QLabel(WorklistsGapDone)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.done_form = QFormLayout()
        self.done_form.setObjectName(u"done_form")
        self.done_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.gap_label = QLabel(WorklistsGapDone)
        self.gap_label.setObjectName(u"gap_label")

        self.done_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.gap_label)

        self.gap_box = QVBoxLayout()
        self.gap_box.setSpacing(2)
        self.gap_box.setObjectName(u"gap_box")
        self.gap_combo = QComboBox(WorklistsGapDone)
        self.gap_combo.setObjectName(u"gap_combo")

        self.gap_box.addWidget(self.gap_combo)

        self.gap_error = QLabel(WorklistsGapDone)
        self.gap_error.setObjectName(u"gap_error")

        self.gap_box.addWidget(self.gap_error)


        self.done_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.gap_box)

        self.day_label = QLabel(WorklistsGapDone)
        self.day_label.setObjectName(u"day_label")

        self.done_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.day_label)

        self.day_box = QVBoxLayout()
        self.day_box.setSpacing(2)
        self.day_box.setObjectName(u"day_box")
        self.day_edit = DateEdit(WorklistsGapDone)
        self.day_edit.setObjectName(u"day_edit")

        self.day_box.addWidget(self.day_edit)

        self.day_error = QLabel(WorklistsGapDone)
        self.day_error.setObjectName(u"day_error")

        self.day_box.addWidget(self.day_error)


        self.done_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.day_box)


        self.dialog_layout.addLayout(self.done_form)

        self.hint_label = QLabel(WorklistsGapDone)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.hint_label)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(WorklistsGapDone)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.gap_label.setBuddy(self.gap_combo)
        self.day_label.setBuddy(self.day_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.gap_combo, self.day_edit)

        self.retranslateUi(WorklistsGapDone)

        QMetaObject.connectSlotsByName(WorklistsGapDone)
    # setupUi

    def retranslateUi(self, WorklistsGapDone):
        WorklistsGapDone.setWindowTitle(QCoreApplication.translate("WorklistsGapDone", u"Mark done", None))
        self.gap_label.setText(QCoreApplication.translate("WorklistsGapDone", u"Care &gap:", None))
        self.day_label.setText(QCoreApplication.translate("WorklistsGapDone", u"&Done on:", None))
        self.hint_label.setText(QCoreApplication.translate("WorklistsGapDone", u"The day it was done, as the patient or the record says. The patient leaves the Recall list once no care gap is due.", None))
    # retranslateUi
