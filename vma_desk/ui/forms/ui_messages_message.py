# Generated from forms/messages_message.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'messages_message.ui'
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
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QTimeEdit, QVBoxLayout, QWidget)

from vma_desk.ui.shared.patient_picker import PatientPicker
from vma_desk.ui.shared.red_flags import EscalationPanel
from vma_desk.ui.shared.widgets import DateEdit

class Ui_MessagesMessage(object):
    def setupUi(self, MessagesMessage):
        if not MessagesMessage.objectName():
            MessagesMessage.setObjectName(u"MessagesMessage")
        MessagesMessage.resize(940, 540)
        self.dialog_layout = QVBoxLayout(MessagesMessage)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.source_label = QLabel(MessagesMessage)
        self.source_label.setObjectName(u"source_label")
        self.source_label.setWordWrap(True)
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.source_label)

        self.form_error_label = QLabel(MessagesMessage)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.columns = QHBoxLayout()
        self.columns.setSpacing(16)
        self.columns.setObjectName(u"columns")
        self.left_column = QVBoxLayout()
        self.left_column.setObjectName(u"left_column")
        self.left_form = QFormLayout()
        self.left_form.setObjectName(u"left_form")
        self.left_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.caller_label = QLabel(MessagesMessage)
        self.caller_label.setObjectName(u"caller_label")

        self.left_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.caller_label)

        self.caller_box = QVBoxLayout()
        self.caller_box.setSpacing(2)
        self.caller_box.setObjectName(u"caller_box")
        self.caller_edit = QLineEdit(MessagesMessage)
        self.caller_edit.setObjectName(u"caller_edit")
        self.caller_edit.setMaxLength(80)

        self.caller_box.addWidget(self.caller_edit)

        self.caller_error = QLabel(MessagesMessage)
        self.caller_error.setObjectName(u"caller_error")

        self.caller_box.addWidget(self.caller_error)


        self.left_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.caller_box)

        self.contact_label = QLabel(MessagesMessage)
        self.contact_label.setObjectName(u"contact_label")

        self.left_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.contact_label)

        self.contact_box = QVBoxLayout()
        self.contact_box.setSpacing(2)
        self.contact_box.setObjectName(u"contact_box")
        self.contact_edit = QLineEdit(MessagesMessage)
        self.contact_edit.setObjectName(u"contact_edit")

        self.contact_box.addWidget(self.contact_edit)

        self.contact_error = QLabel(MessagesMessage)
        self.contact_error.setObjectName(u"contact_error")

        self.contact_box.addWidget(self.contact_error)


        self.left_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.contact_box)

        self.patient_label = QLabel(MessagesMessage)
        self.patient_label.setObjectName(u"patient_label")

        self.left_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.patient_label)

        self.patient_box = QVBoxLayout()
        self.patient_box.setSpacing(2)
        self.patient_box.setObjectName(u"patient_box")
        self.patient_picker = PatientPicker(MessagesMessage)
        self.patient_picker.setObjectName(u"patient_picker")

        self.patient_box.addWidget(self.patient_picker)

        self.patient_error = QLabel(MessagesMessage)
        self.patient_error.setObjectName(u"patient_error")

        self.patient_box.addWidget(self.patient_error)


        self.left_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.patient_box)

        self.recipient_label = QLabel(MessagesMessage)
        self.recipient_label.setObjectName(u"recipient_label")

        self.left_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.recipient_label)

        self.recipient_box = QVBoxLayout()
        self.recipient_box.setSpacing(2)
        self.recipient_box.setObjectName(u"recipient_box")
        self.recipient_combo = QComboBox(MessagesMessage)
        self.recipient_combo.setObjectName(u"recipient_combo")

        self.recipient_box.addWidget(self.recipient_combo)

        self.recipient_error = QLabel(MessagesMessage)
        self.recipient_error.setObjectName(u"recipient_error")

        self.recipient_box.addWidget(self.recipient_error)


        self.left_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.recipient_box)

        self.urgency_label = QLabel(MessagesMessage)
        self.urgency_label.setObjectName(u"urgency_label")

        self.left_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.urgency_label)

        self.urgency_box = QVBoxLayout()
        self.urgency_box.setSpacing(2)
        self.urgency_box.setObjectName(u"urgency_box")
        self.urgency_combo = QComboBox(MessagesMessage)
        self.urgency_combo.setObjectName(u"urgency_combo")

        self.urgency_box.addWidget(self.urgency_combo)

        self.urgency_error = QLabel(MessagesMessage)
        self.urgency_error.setObjectName(u"urgency_error")

        self.urgency_box.addWidget(self.urgency_error)


        self.left_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.urgency_box)

        self.callback_label = QLabel(MessagesMessage)
        self.callback_label.setObjectName(u"callback_label")

        self.left_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.callback_label)

        self.callback_box = QVBoxLayout()
        self.callback_box.setSpacing(2)
        self.callback_box.setObjectName(u"callback_box")
        self.callback_row = QHBoxLayout()
        self.callback_row.setObjectName(u"callback_row")
        self.callback_date_edit = DateEdit(MessagesMessage)
        self.callback_date_edit.setObjectName(u"callback_date_edit")

        self.callback_row.addWidget(self.callback_date_edit)

        self.callback_time_edit = QTimeEdit(MessagesMessage)
        self.callback_time_edit.setObjectName(u"callback_time_edit")

        self.callback_row.addWidget(self.callback_time_edit)

        self.zone_label = QLabel(MessagesMessage)
        self.zone_label.setObjectName(u"zone_label")

        self.callback_row.addWidget(self.zone_label)

        self.callback_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.callback_row.addItem(self.callback_spacer)


        self.callback_box.addLayout(self.callback_row)

        self.callback_error = QLabel(MessagesMessage)
        self.callback_error.setObjectName(u"callback_error")

        self.callback_box.addWidget(self.callback_error)


        self.left_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.callback_box)


        self.left_column.addLayout(self.left_form)

        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_column.addItem(self.left_spacer)


        self.columns.addLayout(self.left_column)

        self.right_form = QFormLayout()
        self.right_form.setObjectName(u"right_form")
        self.right_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reason_label = QLabel(MessagesMessage)
        self.reason_label.setObjectName(u"reason_label")

        self.right_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_box = QVBoxLayout()
        self.reason_box.setSpacing(2)
        self.reason_box.setObjectName(u"reason_box")
        self.reason_edit = QPlainTextEdit(MessagesMessage)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setTabChangesFocus(True)

        self.reason_box.addWidget(self.reason_edit)

        self.reason_error = QLabel(MessagesMessage)
        self.reason_error.setObjectName(u"reason_error")

        self.reason_box.addWidget(self.reason_error)


        self.right_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.reason_box)

        self.questions_label = QLabel(MessagesMessage)
        self.questions_label.setObjectName(u"questions_label")

        self.right_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.questions_label)

        self.questions_box = QVBoxLayout()
        self.questions_box.setSpacing(2)
        self.questions_box.setObjectName(u"questions_box")
        self.questions_edit = QPlainTextEdit(MessagesMessage)
        self.questions_edit.setObjectName(u"questions_edit")
        self.questions_edit.setTabChangesFocus(True)

        self.questions_box.addWidget(self.questions_edit)

        self.questions_error = QLabel(MessagesMessage)
        self.questions_error.setObjectName(u"questions_error")

        self.questions_box.addWidget(self.questions_error)


        self.right_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.questions_box)


        self.columns.addLayout(self.right_form)


        self.dialog_layout.addLayout(self.columns)

        self.escalation_panel = EscalationPanel(MessagesMessage)
        self.escalation_panel.setObjectName(u"escalation_panel")

        self.dialog_layout.addWidget(self.escalation_panel)

        self.button_box = QDialogButtonBox(MessagesMessage)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.caller_label.setBuddy(self.caller_edit)
        self.contact_label.setBuddy(self.contact_edit)
        self.patient_label.setBuddy(self.patient_picker)
        self.recipient_label.setBuddy(self.recipient_combo)
        self.urgency_label.setBuddy(self.urgency_combo)
        self.callback_label.setBuddy(self.callback_date_edit)
        self.reason_label.setBuddy(self.reason_edit)
        self.questions_label.setBuddy(self.questions_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.caller_edit, self.contact_edit)
        QWidget.setTabOrder(self.contact_edit, self.patient_picker)
        QWidget.setTabOrder(self.patient_picker, self.reason_edit)
        QWidget.setTabOrder(self.reason_edit, self.questions_edit)
        QWidget.setTabOrder(self.questions_edit, self.escalation_panel)
        QWidget.setTabOrder(self.escalation_panel, self.recipient_combo)
        QWidget.setTabOrder(self.recipient_combo, self.urgency_combo)
        QWidget.setTabOrder(self.urgency_combo, self.callback_date_edit)
        QWidget.setTabOrder(self.callback_date_edit, self.callback_time_edit)

        self.retranslateUi(MessagesMessage)

        QMetaObject.connectSlotsByName(MessagesMessage)
    # setupUi

    def retranslateUi(self, MessagesMessage):
        MessagesMessage.setWindowTitle(QCoreApplication.translate("MessagesMessage", u"Take message", None))
        self.caller_label.setText(QCoreApplication.translate("MessagesMessage", u"&Caller:", None))
        self.caller_edit.setPlaceholderText(QCoreApplication.translate("MessagesMessage", u"Who called", None))
        self.contact_label.setText(QCoreApplication.translate("MessagesMessage", u"C&ontact number:", None))
        self.contact_edit.setPlaceholderText(QCoreApplication.translate("MessagesMessage", u"(312) 555-0142", None))
        self.patient_label.setText(QCoreApplication.translate("MessagesMessage", u"&Patient:", None))
        self.recipient_label.setText(QCoreApplication.translate("MessagesMessage", u"Reci&pient:", None))
#if QT_CONFIG(tooltip)
        self.recipient_combo.setToolTip(QCoreApplication.translate("MessagesMessage", u"Who must call back", None))
#endif // QT_CONFIG(tooltip)
        self.urgency_label.setText(QCoreApplication.translate("MessagesMessage", u"&Urgency:", None))
        self.callback_label.setText(QCoreApplication.translate("MessagesMessage", u"&Best time to call back:", None))
#if QT_CONFIG(tooltip)
        self.callback_date_edit.setToolTip(QCoreApplication.translate("MessagesMessage", u"The day the caller prefers, in the practice's time zone (leave blank when they gave none)", None))
#endif // QT_CONFIG(tooltip)
        self.callback_time_edit.setDisplayFormat(QCoreApplication.translate("MessagesMessage", u"h:mm AP", None))
#if QT_CONFIG(tooltip)
        self.callback_time_edit.setToolTip(QCoreApplication.translate("MessagesMessage", u"The time the caller prefers, in the practice's time zone", None))
#endif // QT_CONFIG(tooltip)
        self.reason_label.setText(QCoreApplication.translate("MessagesMessage", u"&Reason:", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("MessagesMessage", u"What the caller needs, in their words", None))
        self.questions_label.setText(QCoreApplication.translate("MessagesMessage", u"&Questions:", None))
        self.questions_edit.setPlaceholderText(QCoreApplication.translate("MessagesMessage", u"Specific questions for the recipient (Ctrl+Enter saves)", None))
    # retranslateUi
