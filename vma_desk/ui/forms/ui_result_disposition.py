# Generated from forms/result_disposition.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'result_disposition.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ResultDisposition(object):
    def setupUi(self, ResultDisposition):
        if not ResultDisposition.objectName():
            ResultDisposition.setObjectName(u"ResultDisposition")
        ResultDisposition.resize(560, 300)
        self.dialog_layout = QVBoxLayout(ResultDisposition)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.about_label = QLabel(ResultDisposition)
        self.about_label.setObjectName(u"about_label")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.about_label)

        self.form_error_label = QLabel(ResultDisposition)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.disposition_form = QFormLayout()
        self.disposition_form.setObjectName(u"disposition_form")
        self.disposition_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.disposition_label = QLabel(ResultDisposition)
        self.disposition_label.setObjectName(u"disposition_label")

        self.disposition_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.disposition_label)

        self.disposition_box = QVBoxLayout()
        self.disposition_box.setSpacing(2)
        self.disposition_box.setObjectName(u"disposition_box")
        self.disposition_combo = QComboBox(ResultDisposition)
        self.disposition_combo.setObjectName(u"disposition_combo")

        self.disposition_box.addWidget(self.disposition_combo)

        self.disposition_error = QLabel(ResultDisposition)
        self.disposition_error.setObjectName(u"disposition_error")

        self.disposition_box.addWidget(self.disposition_error)


        self.disposition_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.disposition_box)

        self.provider_label = QLabel(ResultDisposition)
        self.provider_label.setObjectName(u"provider_label")

        self.disposition_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.provider_label)

        self.provider_box = QVBoxLayout()
        self.provider_box.setSpacing(2)
        self.provider_box.setObjectName(u"provider_box")
        self.provider_combo = QComboBox(ResultDisposition)
        self.provider_combo.setObjectName(u"provider_combo")

        self.provider_box.addWidget(self.provider_combo)

        self.provider_error = QLabel(ResultDisposition)
        self.provider_error.setObjectName(u"provider_error")

        self.provider_box.addWidget(self.provider_error)


        self.disposition_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.provider_box)

        self.note_label = QLabel(ResultDisposition)
        self.note_label.setObjectName(u"note_label")

        self.disposition_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_box = QVBoxLayout()
        self.note_box.setSpacing(2)
        self.note_box.setObjectName(u"note_box")
        self.note_edit = QLineEdit(ResultDisposition)
        self.note_edit.setObjectName(u"note_edit")

        self.note_box.addWidget(self.note_edit)

        self.note_error = QLabel(ResultDisposition)
        self.note_error.setObjectName(u"note_error")

        self.note_box.addWidget(self.note_error)


        self.disposition_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.note_box)

        self.urgent_label = QLabel(ResultDisposition)
        self.urgent_label.setObjectName(u"urgent_label")

        self.disposition_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.urgent_label)

        self.urgent_box = QVBoxLayout()
        self.urgent_box.setSpacing(2)
        self.urgent_box.setObjectName(u"urgent_box")
        self.urgent_check = QCheckBox(ResultDisposition)
        self.urgent_check.setObjectName(u"urgent_check")

        self.urgent_box.addWidget(self.urgent_check)

        self.urgent_error = QLabel(ResultDisposition)
        self.urgent_error.setObjectName(u"urgent_error")

        self.urgent_box.addWidget(self.urgent_error)


        self.disposition_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.urgent_box)


        self.dialog_layout.addLayout(self.disposition_form)

        self.hint_label = QLabel(ResultDisposition)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.hint_label)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(ResultDisposition)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.disposition_label.setBuddy(self.disposition_combo)
        self.provider_label.setBuddy(self.provider_combo)
        self.note_label.setBuddy(self.note_edit)
        self.urgent_label.setBuddy(self.urgent_check)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.disposition_combo, self.provider_combo)
        QWidget.setTabOrder(self.provider_combo, self.note_edit)
        QWidget.setTabOrder(self.note_edit, self.urgent_check)

        self.retranslateUi(ResultDisposition)

        QMetaObject.connectSlotsByName(ResultDisposition)
    # setupUi

    def retranslateUi(self, ResultDisposition):
        ResultDisposition.setWindowTitle(QCoreApplication.translate("ResultDisposition", u"Record disposition", None))
        self.disposition_label.setText(QCoreApplication.translate("ResultDisposition", u"&Disposition:", None))
        self.provider_label.setText(QCoreApplication.translate("ResultDisposition", u"&Provider:", None))
        self.note_label.setText(QCoreApplication.translate("ResultDisposition", u"&Note:", None))
        self.note_edit.setPlaceholderText(QCoreApplication.translate("ResultDisposition", u"The provider's instruction, as given (required for \"other\")", None))
        self.urgent_label.setText("")
        self.urgent_check.setText(QCoreApplication.translate("ResultDisposition", u"The provider marked it &urgent (to be acted on within the hour)", None))
        self.hint_label.setText(QCoreApplication.translate("ResultDisposition", u"Record what the provider said to do, with their name. VMA Desk records the provider's disposition; it never reads or explains the result.", None))
    # retranslateUi
