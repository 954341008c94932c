# Generated from forms/records_sent.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'records_sent.ui'
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

class Ui_RecordsSent(object):
    def setupUi(self, RecordsSent):
        if not RecordsSent.objectName():
            RecordsSent.setObjectName(u"RecordsSent")
        RecordsSent.resize(520, 260)
        self.dialog_layout = QVBoxLayout(RecordsSent)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.about_label = QLabel(RecordsSent)
        self.about_label.setObjectName(u"about_label")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.about_label)

        self.form_error_label = QLabel(RecordsSent)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.fields_form = QFormLayout()
        self.fields_form.setObjectName(u"fields_form")
        self.fields_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.authorisation_label = QLabel(RecordsSent)
        self.authorisation_label.setObjectName(u"authorisation_label")

        self.fields_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.authorisation_label)

        self.authorisation_box = QVBoxLayout()
        self.authorisation_box.setSpacing(2)
        self.authorisation_box.setObjectName(u"authorisation_box")
        self.authorisation_value = QLabel(RecordsSent)
        self.authorisation_value.setObjectName(u"authorisation_value")
        self.authorisation_value.setTextFormat(Qt.TextFormat.PlainText)

        self.authorisation_box.addWidget(self.authorisation_value)

        self.authorisation_error = QLabel(RecordsSent)
        self.authorisation_error.setObjectName(u"authorisation_error")

        self.authorisation_box.addWidget(self.authorisation_error)


        self.fields_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.authorisation_box)

        self.channel_label = QLabel(RecordsSent)
        self.channel_label.setObjectName(u"channel_label")

        self.fields_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.channel_label)

        self.channel_box = QVBoxLayout()
        self.channel_box.setSpacing(2)
        self.channel_box.setObjectName(u"channel_box")
        self.channel_combo = QComboBox(RecordsSent)
        self.channel_combo.setObjectName(u"channel_combo")

        self.channel_box.addWidget(self.channel_combo)

        self.channel_error = QLabel(RecordsSent)
        self.channel_error.setObjectName(u"channel_error")

        self.channel_box.addWidget(self.channel_error)


        self.fields_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.channel_box)


        self.dialog_layout.addLayout(self.fields_form)

        self.hint_label = QLabel(RecordsSent)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.hint_label)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(RecordsSent)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.authorisation_label.setBuddy(self.authorisation_value)
        self.channel_label.setBuddy(self.channel_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RecordsSent)

        QMetaObject.connectSlotsByName(RecordsSent)
    # setupUi

    def retranslateUi(self, RecordsSent):
        RecordsSent.setWindowTitle(QCoreApplication.translate("RecordsSent", u"Mark sent", None))
        self.authorisation_label.setText(QCoreApplication.translate("RecordsSent", u"Authorisation:", None))
        self.channel_label.setText(QCoreApplication.translate("RecordsSent", u"Sent &by:", None))
        self.hint_label.setText(QCoreApplication.translate("RecordsSent", u"Sent now, by the secure way chosen: the release goes on the patient's accounting of disclosures for good.", None))
    # retranslateUi
