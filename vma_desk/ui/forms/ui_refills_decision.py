# Generated from forms/refills_decision.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'refills_decision.ui'
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
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QPlainTextEdit, QRadioButton, QSizePolicy, QSpacerItem,
    QTimeEdit, QVBoxLayout, QWidget)

from vma_desk.ui.shared.widgets import DateEdit

class Ui_RefillsDecision(object):
    def setupUi(self, RefillsDecision):
        if not RefillsDecision.objectName():
            RefillsDecision.setObjectName(u"RefillsDecision")
        RefillsDecision.resize(560, 380)
        self.dialog_layout = QVBoxLayout(RefillsDecision)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.about_label = QLabel(RefillsDecision)
        self.about_label.setObjectName(u"about_label")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.about_label)

        self.form_error_label = QLabel(RefillsDecision)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.decision_form = QFormLayout()
        self.decision_form.setObjectName(u"decision_form")
        self.decision_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.decision_label = QLabel(RefillsDecision)
        self.decision_label.setObjectName(u"decision_label")

        self.decision_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.decision_label)

        self.decision_box = QVBoxLayout()
        self.decision_box.setSpacing(2)
        self.decision_box.setObjectName(u"decision_box")
        self.decision_row = QHBoxLayout()
        self.decision_row.setObjectName(u"decision_row")
        self.approved_radio = QRadioButton(RefillsDecision)
        self.approved_radio.setObjectName(u"approved_radio")

        self.decision_row.addWidget(self.approved_radio)

        self.denied_radio = QRadioButton(RefillsDecision)
        self.denied_radio.setObjectName(u"denied_radio")

        self.decision_row.addWidget(self.denied_radio)

        self.needs_visit_radio = QRadioButton(RefillsDecision)
        self.needs_visit_radio.setObjectName(u"needs_visit_radio")

        self.decision_row.addWidget(self.needs_visit_radio)

        self.decision_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decision_row.addItem(self.decision_row_spacer)


        self.decision_box.addLayout(self.decision_row)

        self.decision_error = QLabel(RefillsDecision)
        self.decision_error.setObjectName(u"decision_error")

        self.decision_box.addWidget(self.decision_error)


        self.decision_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.decision_box)

        self.decided_by_label = QLabel(RefillsDecision)
        self.decided_by_label.setObjectName(u"decided_by_label")

        self.decision_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.decided_by_label)

        self.decided_by_box = QVBoxLayout()
        self.decided_by_box.setSpacing(2)
        self.decided_by_box.setObjectName(u"decided_by_box")
        self.decided_by_combo = QComboBox(RefillsDecision)
        self.decided_by_combo.setObjectName(u"decided_by_combo")

        self.decided_by_box.addWidget(self.decided_by_combo)

        self.decided_by_error = QLabel(RefillsDecision)
        self.decided_by_error.setObjectName(u"decided_by_error")

        self.decided_by_box.addWidget(self.decided_by_error)


        self.decision_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.decided_by_box)

        self.decided_at_label = QLabel(RefillsDecision)
        self.decided_at_label.setObjectName(u"decided_at_label")

        self.decision_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.decided_at_label)

        self.decided_at_box = QVBoxLayout()
        self.decided_at_box.setSpacing(2)
        self.decided_at_box.setObjectName(u"decided_at_box")
        self.decided_row = QHBoxLayout()
        self.decided_row.setObjectName(u"decided_row")
        self.decided_date_edit = DateEdit(RefillsDecision)
        self.decided_date_edit.setObjectName(u"decided_date_edit")

        self.decided_row.addWidget(self.decided_date_edit)

        self.decided_time_edit = QTimeEdit(RefillsDecision)
        self.decided_time_edit.setObjectName(u"decided_time_edit")

        self.decided_row.addWidget(self.decided_time_edit)

        self.zone_label = QLabel(RefillsDecision)
        self.zone_label.setObjectName(u"zone_label")

        self.decided_row.addWidget(self.zone_label)

        self.decided_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decided_row.addItem(self.decided_row_spacer)


        self.decided_at_box.addLayout(self.decided_row)

        self.decided_at_error = QLabel(RefillsDecision)
        self.decided_at_error.setObjectName(u"decided_at_error")

        self.decided_at_box.addWidget(self.decided_at_error)


        self.decision_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.decided_at_box)

        self.note_label = QLabel(RefillsDecision)
        self.note_label.setObjectName(u"note_label")

        self.decision_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_box = QVBoxLayout()
        self.note_box.setSpacing(2)
        self.note_box.setObjectName(u"note_box")
        self.note_edit = QPlainTextEdit(RefillsDecision)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setTabChangesFocus(True)

        self.note_box.addWidget(self.note_edit)

        self.note_error = QLabel(RefillsDecision)
        self.note_error.setObjectName(u"note_error")

        self.note_box.addWidget(self.note_error)


        self.decision_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.note_box)


        self.dialog_layout.addLayout(self.decision_form)

        self.button_box = QDialogButtonBox(RefillsDecision)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.decided_by_label.setBuddy(self.decided_by_combo)
        self.decided_at_label.setBuddy(self.decided_date_edit)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.approved_radio, self.denied_radio)
        QWidget.setTabOrder(self.denied_radio, self.needs_visit_radio)
        QWidget.setTabOrder(self.needs_visit_radio, self.decided_by_combo)
        QWidget.setTabOrder(self.decided_by_combo, self.decided_date_edit)
        QWidget.setTabOrder(self.decided_date_edit, self.decided_time_edit)
        QWidget.setTabOrder(self.decided_time_edit, self.note_edit)

        self.retranslateUi(RefillsDecision)

        QMetaObject.connectSlotsByName(RefillsDecision)
    # setupUi

    def retranslateUi(self, RefillsDecision):
        RefillsDecision.setWindowTitle(QCoreApplication.translate("RefillsDecision", u"Record the provider's decision", None))
        self.decision_label.setText(QCoreApplication.translate("RefillsDecision", u"Decision:", None))
        self.approved_radio.setText(QCoreApplication.translate("RefillsDecision", u"&Approved", None))
        self.denied_radio.setText(QCoreApplication.translate("RefillsDecision", u"De&nied", None))
        self.needs_visit_radio.setText(QCoreApplication.translate("RefillsDecision", u"Needs &visit", None))
        self.decided_by_label.setText(QCoreApplication.translate("RefillsDecision", u"Decided &by:", None))
#if QT_CONFIG(tooltip)
        self.decided_by_combo.setToolTip(QCoreApplication.translate("RefillsDecision", u"The provider who made the decision (required)", None))
#endif // QT_CONFIG(tooltip)
        self.decided_at_label.setText(QCoreApplication.translate("RefillsDecision", u"&When:", None))
#if QT_CONFIG(tooltip)
        self.decided_date_edit.setToolTip(QCoreApplication.translate("RefillsDecision", u"The day the provider decided (practice time)", None))
#endif // QT_CONFIG(tooltip)
        self.decided_time_edit.setDisplayFormat(QCoreApplication.translate("RefillsDecision", u"h:mm AP", None))
#if QT_CONFIG(tooltip)
        self.decided_time_edit.setToolTip(QCoreApplication.translate("RefillsDecision", u"The time the provider decided", None))
#endif // QT_CONFIG(tooltip)
        self.note_label.setText(QCoreApplication.translate("RefillsDecision", u"N&ote:", None))
        self.note_edit.setPlaceholderText(QCoreApplication.translate("RefillsDecision", u"The provider's words; required for a denial", None))
    # retranslateUi
