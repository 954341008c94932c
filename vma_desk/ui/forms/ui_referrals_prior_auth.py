# Generated from forms/referrals_prior_auth.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'referrals_prior_auth.ui'
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
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

from vma_desk.ui.shared.patient_picker import PatientPicker
from vma_desk.ui.shared.widgets import DateEdit

class Ui_ReferralsPriorAuth(object):
    def setupUi(self, ReferralsPriorAuth):
        if not ReferralsPriorAuth.objectName():
            ReferralsPriorAuth.setObjectName(u"ReferralsPriorAuth")
        ReferralsPriorAuth.resize(900, 480)
        self.dialog_layout = QVBoxLayout(ReferralsPriorAuth)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.source_label = QLabel(ReferralsPriorAuth)
        self.source_label.setObjectName(u"source_label")
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)
        self.source_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.source_label)

        self.form_error_label = QLabel(ReferralsPriorAuth)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.columns = QHBoxLayout()
        self.columns.setSpacing(16)
        self.columns.setObjectName(u"columns")
        self.left_column = QVBoxLayout()
        self.left_column.setObjectName(u"left_column")
        self.request_form = QFormLayout()
        self.request_form.setObjectName(u"request_form")
        self.request_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.patient_label = QLabel(ReferralsPriorAuth)
        self.patient_label.setObjectName(u"patient_label")

        self.request_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.patient_label)

        self.patient_box = QVBoxLayout()
        self.patient_box.setSpacing(2)
        self.patient_box.setObjectName(u"patient_box")
        self.patient_picker = PatientPicker(ReferralsPriorAuth)
        self.patient_picker.setObjectName(u"patient_picker")

        self.patient_box.addWidget(self.patient_picker)

        self.patient_fixed_label = QLabel(ReferralsPriorAuth)
        self.patient_fixed_label.setObjectName(u"patient_fixed_label")
        self.patient_fixed_label.setTextFormat(Qt.TextFormat.PlainText)
        self.patient_fixed_label.setWordWrap(True)

        self.patient_box.addWidget(self.patient_fixed_label)

        self.patient_error = QLabel(ReferralsPriorAuth)
        self.patient_error.setObjectName(u"patient_error")

        self.patient_box.addWidget(self.patient_error)


        self.request_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.patient_box)

        self.kind_label = QLabel(ReferralsPriorAuth)
        self.kind_label.setObjectName(u"kind_label")

        self.request_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_box = QVBoxLayout()
        self.kind_box.setSpacing(2)
        self.kind_box.setObjectName(u"kind_box")
        self.kind_combo = QComboBox(ReferralsPriorAuth)
        self.kind_combo.setObjectName(u"kind_combo")

        self.kind_box.addWidget(self.kind_combo)

        self.kind_error = QLabel(ReferralsPriorAuth)
        self.kind_error.setObjectName(u"kind_error")

        self.kind_box.addWidget(self.kind_error)


        self.request_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.kind_box)

        self.payer_label = QLabel(ReferralsPriorAuth)
        self.payer_label.setObjectName(u"payer_label")

        self.request_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.payer_label)

        self.payer_box = QVBoxLayout()
        self.payer_box.setSpacing(2)
        self.payer_box.setObjectName(u"payer_box")
        self.payer_edit = QLineEdit(ReferralsPriorAuth)
        self.payer_edit.setObjectName(u"payer_edit")
        self.payer_edit.setMaxLength(80)

        self.payer_box.addWidget(self.payer_edit)

        self.payer_error = QLabel(ReferralsPriorAuth)
        self.payer_error.setObjectName(u"payer_error")

        self.payer_box.addWidget(self.payer_error)


        self.request_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.payer_box)

        self.service_label = QLabel(ReferralsPriorAuth)
        self.service_label.setObjectName(u"service_label")

        self.request_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.service_label)

        self.service_box = QVBoxLayout()
        self.service_box.setSpacing(2)
        self.service_box.setObjectName(u"service_box")
        self.service_edit = QLineEdit(ReferralsPriorAuth)
        self.service_edit.setObjectName(u"service_edit")
        self.service_edit.setMaxLength(120)

        self.service_box.addWidget(self.service_edit)

        self.service_error = QLabel(ReferralsPriorAuth)
        self.service_error.setObjectName(u"service_error")

        self.service_box.addWidget(self.service_error)


        self.request_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.service_box)

        self.submitted_label = QLabel(ReferralsPriorAuth)
        self.submitted_label.setObjectName(u"submitted_label")

        self.request_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.submitted_label)

        self.submitted_box = QVBoxLayout()
        self.submitted_box.setSpacing(2)
        self.submitted_box.setObjectName(u"submitted_box")
        self.submitted_edit = DateEdit(ReferralsPriorAuth)
        self.submitted_edit.setObjectName(u"submitted_edit")

        self.submitted_box.addWidget(self.submitted_edit)

        self.submitted_error = QLabel(ReferralsPriorAuth)
        self.submitted_error.setObjectName(u"submitted_error")

        self.submitted_box.addWidget(self.submitted_error)


        self.request_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.submitted_box)

        self.follow_up_label = QLabel(ReferralsPriorAuth)
        self.follow_up_label.setObjectName(u"follow_up_label")

        self.request_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.follow_up_label)

        self.follow_up_box = QVBoxLayout()
        self.follow_up_box.setSpacing(2)
        self.follow_up_box.setObjectName(u"follow_up_box")
        self.follow_up_edit = DateEdit(ReferralsPriorAuth)
        self.follow_up_edit.setObjectName(u"follow_up_edit")

        self.follow_up_box.addWidget(self.follow_up_edit)

        self.follow_up_error = QLabel(ReferralsPriorAuth)
        self.follow_up_error.setObjectName(u"follow_up_error")

        self.follow_up_box.addWidget(self.follow_up_error)


        self.request_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.follow_up_box)

        self.notes_label = QLabel(ReferralsPriorAuth)
        self.notes_label.setObjectName(u"notes_label")

        self.request_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_box = QVBoxLayout()
        self.notes_box.setSpacing(2)
        self.notes_box.setObjectName(u"notes_box")
        self.notes_edit = QPlainTextEdit(ReferralsPriorAuth)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setTabChangesFocus(True)

        self.notes_box.addWidget(self.notes_edit)

        self.notes_error = QLabel(ReferralsPriorAuth)
        self.notes_error.setObjectName(u"notes_error")

        self.notes_box.addWidget(self.notes_error)


        self.request_form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.notes_box)


        self.left_column.addLayout(self.request_form)

        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_column.addItem(self.left_spacer)

        self.left_column.setStretch(1, 1)

        self.columns.addLayout(self.left_column)

        self.right_column = QVBoxLayout()
        self.right_column.setObjectName(u"right_column")
        self.answer_box = QGroupBox(ReferralsPriorAuth)
        self.answer_box.setObjectName(u"answer_box")
        self.answer_form = QFormLayout(self.answer_box)
        self.answer_form.setObjectName(u"answer_form")
        self.answer_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.status_label = QLabel(self.answer_box)
        self.status_label.setObjectName(u"status_label")

        self.answer_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status_box = QVBoxLayout()
        self.status_box.setSpacing(2)
        self.status_box.setObjectName(u"status_box")
        self.status_combo = QComboBox(self.answer_box)
        self.status_combo.setObjectName(u"status_combo")

        self.status_box.addWidget(self.status_combo)

        self.status_error = QLabel(self.answer_box)
        self.status_error.setObjectName(u"status_error")

        self.status_box.addWidget(self.status_error)


        self.answer_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.status_box)

        self.number_label = QLabel(self.answer_box)
        self.number_label.setObjectName(u"number_label")

        self.answer_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.number_label)

        self.number_box = QVBoxLayout()
        self.number_box.setSpacing(2)
        self.number_box.setObjectName(u"number_box")
        self.number_edit = QLineEdit(self.answer_box)
        self.number_edit.setObjectName(u"number_edit")
        self.number_edit.setMaxLength(40)

        self.number_box.addWidget(self.number_edit)

        self.number_error = QLabel(self.answer_box)
        self.number_error.setObjectName(u"number_error")

        self.number_box.addWidget(self.number_error)


        self.answer_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.number_box)

        self.valid_from_label = QLabel(self.answer_box)
        self.valid_from_label.setObjectName(u"valid_from_label")

        self.answer_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.valid_from_label)

        self.valid_from_box = QVBoxLayout()
        self.valid_from_box.setSpacing(2)
        self.valid_from_box.setObjectName(u"valid_from_box")
        self.valid_from_edit = DateEdit(self.answer_box)
        self.valid_from_edit.setObjectName(u"valid_from_edit")

        self.valid_from_box.addWidget(self.valid_from_edit)

        self.valid_from_error = QLabel(self.answer_box)
        self.valid_from_error.setObjectName(u"valid_from_error")

        self.valid_from_box.addWidget(self.valid_from_error)


        self.answer_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.valid_from_box)

        self.valid_until_label = QLabel(self.answer_box)
        self.valid_until_label.setObjectName(u"valid_until_label")

        self.answer_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.valid_until_label)

        self.valid_until_box = QVBoxLayout()
        self.valid_until_box.setSpacing(2)
        self.valid_until_box.setObjectName(u"valid_until_box")
        self.valid_until_edit = DateEdit(self.answer_box)
        self.valid_until_edit.setObjectName(u"valid_until_edit")

        self.valid_until_box.addWidget(self.valid_until_edit)

        self.valid_until_error = QLabel(self.answer_box)
        self.valid_until_error.setObjectName(u"valid_until_error")

        self.valid_until_box.addWidget(self.valid_until_error)


        self.answer_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.valid_until_box)

        self.units_label = QLabel(self.answer_box)
        self.units_label.setObjectName(u"units_label")

        self.answer_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.units_label)

        self.units_box = QVBoxLayout()
        self.units_box.setSpacing(2)
        self.units_box.setObjectName(u"units_box")
        self.units_row = QHBoxLayout()
        self.units_row.setObjectName(u"units_row")
        self.units_spin = QSpinBox(self.answer_box)
        self.units_spin.setObjectName(u"units_spin")
        self.units_spin.setMaximum(999)

        self.units_row.addWidget(self.units_spin)

        self.unit_combo = QComboBox(self.answer_box)
        self.unit_combo.setObjectName(u"unit_combo")
        self.unit_combo.setEditable(True)

        self.units_row.addWidget(self.unit_combo)


        self.units_box.addLayout(self.units_row)

        self.units_authorised_error = QLabel(self.answer_box)
        self.units_authorised_error.setObjectName(u"units_authorised_error")

        self.units_box.addWidget(self.units_authorised_error)


        self.answer_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.units_box)

        self.used_label = QLabel(self.answer_box)
        self.used_label.setObjectName(u"used_label")

        self.answer_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.used_label)

        self.used_box = QVBoxLayout()
        self.used_box.setSpacing(2)
        self.used_box.setObjectName(u"used_box")
        self.used_spin = QSpinBox(self.answer_box)
        self.used_spin.setObjectName(u"used_spin")
        self.used_spin.setMaximum(999)

        self.used_box.addWidget(self.used_spin)

        self.units_used_error = QLabel(self.answer_box)
        self.units_used_error.setObjectName(u"units_used_error")

        self.used_box.addWidget(self.units_used_error)


        self.answer_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.used_box)

        self.done_label = QLabel(self.answer_box)
        self.done_label.setObjectName(u"done_label")

        self.answer_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.done_label)

        self.done_box = QVBoxLayout()
        self.done_box.setSpacing(2)
        self.done_box.setObjectName(u"done_box")
        self.done_edit = DateEdit(self.answer_box)
        self.done_edit.setObjectName(u"done_edit")

        self.done_box.addWidget(self.done_edit)

        self.service_done_on_error = QLabel(self.answer_box)
        self.service_done_on_error.setObjectName(u"service_done_on_error")

        self.done_box.addWidget(self.service_done_on_error)


        self.answer_form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.done_box)

        self.denial_label = QLabel(self.answer_box)
        self.denial_label.setObjectName(u"denial_label")

        self.answer_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.denial_label)

        self.denial_box = QVBoxLayout()
        self.denial_box.setSpacing(2)
        self.denial_box.setObjectName(u"denial_box")
        self.denial_edit = QLineEdit(self.answer_box)
        self.denial_edit.setObjectName(u"denial_edit")
        self.denial_edit.setMaxLength(200)

        self.denial_box.addWidget(self.denial_edit)

        self.denial_error = QLabel(self.answer_box)
        self.denial_error.setObjectName(u"denial_error")

        self.denial_box.addWidget(self.denial_error)


        self.answer_form.setLayout(7, QFormLayout.ItemRole.FieldRole, self.denial_box)

        self.note_label = QLabel(self.answer_box)
        self.note_label.setObjectName(u"note_label")

        self.answer_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_box = QVBoxLayout()
        self.note_box.setSpacing(2)
        self.note_box.setObjectName(u"note_box")
        self.note_edit = QLineEdit(self.answer_box)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setMaxLength(200)

        self.note_box.addWidget(self.note_edit)

        self.note_error = QLabel(self.answer_box)
        self.note_error.setObjectName(u"note_error")

        self.note_box.addWidget(self.note_error)


        self.answer_form.setLayout(8, QFormLayout.ItemRole.FieldRole, self.note_box)


        self.right_column.addWidget(self.answer_box)

        self.right_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.right_column.addItem(self.right_spacer)

        self.right_column.setStretch(1, 1)

        self.columns.addLayout(self.right_column)


        self.dialog_layout.addLayout(self.columns)

        self.button_box = QDialogButtonBox(ReferralsPriorAuth)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.patient_label.setBuddy(self.patient_picker)
        self.kind_label.setBuddy(self.kind_combo)
        self.payer_label.setBuddy(self.payer_edit)
        self.service_label.setBuddy(self.service_edit)
        self.submitted_label.setBuddy(self.submitted_edit)
        self.follow_up_label.setBuddy(self.follow_up_edit)
        self.notes_label.setBuddy(self.notes_edit)
        self.status_label.setBuddy(self.status_combo)
        self.number_label.setBuddy(self.number_edit)
        self.valid_from_label.setBuddy(self.valid_from_edit)
        self.valid_until_label.setBuddy(self.valid_until_edit)
        self.units_label.setBuddy(self.units_spin)
        self.used_label.setBuddy(self.used_spin)
        self.done_label.setBuddy(self.done_edit)
        self.denial_label.setBuddy(self.denial_edit)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.patient_picker, self.kind_combo)
        QWidget.setTabOrder(self.kind_combo, self.payer_edit)
        QWidget.setTabOrder(self.payer_edit, self.service_edit)
        QWidget.setTabOrder(self.service_edit, self.submitted_edit)
        QWidget.setTabOrder(self.submitted_edit, self.follow_up_edit)
        QWidget.setTabOrder(self.follow_up_edit, self.notes_edit)
        QWidget.setTabOrder(self.notes_edit, self.status_combo)
        QWidget.setTabOrder(self.status_combo, self.number_edit)
        QWidget.setTabOrder(self.number_edit, self.valid_from_edit)
        QWidget.setTabOrder(self.valid_from_edit, self.valid_until_edit)
        QWidget.setTabOrder(self.valid_until_edit, self.units_spin)
        QWidget.setTabOrder(self.units_spin, self.unit_combo)
        QWidget.setTabOrder(self.unit_combo, self.used_spin)
        QWidget.setTabOrder(self.used_spin, self.done_edit)
        QWidget.setTabOrder(self.done_edit, self.denial_edit)
        QWidget.setTabOrder(self.denial_edit, self.note_edit)

        self.retranslateUi(ReferralsPriorAuth)

        QMetaObject.connectSlotsByName(ReferralsPriorAuth)
    # setupUi

    def retranslateUi(self, ReferralsPriorAuth):
        ReferralsPriorAuth.setWindowTitle(QCoreApplication.translate("ReferralsPriorAuth", u"Prior authorisation", None))
        self.patient_label.setText(QCoreApplication.translate("ReferralsPriorAuth", u"&Patient:", None))
        self.kind_label.setText(QCoreApplication.translate("ReferralsPriorAuth", u"&Kind:", None))
        self.payer_label.setText(QCoreApplication.translate("ReferralsPriorAuth", u"Pa&yer:", None))
        self.payer_edit.setPlaceholderText(QCoreApplication.translate("ReferralsPriorAuth", u"The insurance that must approve", None))
        self.service_label.setText(QCoreApplication.translate("ReferralsPriorAuth", u"&Service:", None))
        self.service_edit.setPlaceholderText(QCoreApplication.translate("ReferralsPriorAuth", u"The procedure or medication", None))
        self.submitted_label.setText(QCoreApplication.translate("ReferralsPriorAuth", u"Su&bmitted:", None))
#if QT_CONFIG(tooltip)
        self.submitted_edit.setToolTip(QCoreApplication.translate("ReferralsPriorAuth", u"The day the request went to the payer", None))
#endif // QT_CONFIG(tooltip)
        self.follow_up_label.setText(QCoreApplication.translate("ReferralsPriorAuth", u"&Follow up on:", None))
#if QT_CONFIG(tooltip)
        self.follow_up_edit.setToolTip(QCoreApplication.translate("ReferralsPriorAuth", u"When to ask the payer again if no answer came", None))
#endif // QT_CONFIG(tooltip)
        self.notes_label.setText(QCoreApplication.translate("ReferralsPriorAuth", u"No&tes:", None))
        self.notes_edit.setPlaceholderText(QCoreApplication.translate("ReferralsPriorAuth", u"Anything else (Ctrl+Enter saves)", None))
        self.answer_box.setTitle(QCoreApplication.translate("ReferralsPriorAuth", u"The payer's answer", None))
        self.status_label.setText(QCoreApplication.translate("ReferralsPriorAuth", u"S&tatus:", None))
        self.number_label.setText(QCoreApplication.translate("ReferralsPriorAuth", u"Authorisation &number:", None))
        self.number_edit.setPlaceholderText(QCoreApplication.translate("ReferralsPriorAuth", u"Given with the approval", None))
        self.valid_from_label.setText(QCoreApplication.translate("ReferralsPriorAuth", u"Valid fro&m:", None))
        self.valid_until_label.setText(QCoreApplication.translate("ReferralsPriorAuth", u"Valid &until:", None))
        self.units_label.setText(QCoreApplication.translate("ReferralsPriorAuth", u"&Authorised:", None))
#if QT_CONFIG(tooltip)
        self.units_spin.setToolTip(QCoreApplication.translate("ReferralsPriorAuth", u"How many units or visits the payer approved; \"Not limited\" when the approval has no count", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.units_spin.setAccessibleName(QCoreApplication.translate("ReferralsPriorAuth", u"Units or visits authorised", None))
#endif // QT_CONFIG(accessibility)
        self.units_spin.setSpecialValueText(QCoreApplication.translate("ReferralsPriorAuth", u"Not limited", None))
#if QT_CONFIG(accessibility)
        self.unit_combo.setAccessibleName(QCoreApplication.translate("ReferralsPriorAuth", u"What is counted", None))
#endif // QT_CONFIG(accessibility)
        self.used_label.setText(QCoreApplication.translate("ReferralsPriorAuth", u"Us&ed so far:", None))
#if QT_CONFIG(tooltip)
        self.used_spin.setToolTip(QCoreApplication.translate("ReferralsPriorAuth", u"Units or visits used under this approval so far (kept in the history with when and who)", None))
#endif // QT_CONFIG(tooltip)
        self.done_label.setText(QCoreApplication.translate("ReferralsPriorAuth", u"Serv&ice done on:", None))
#if QT_CONFIG(tooltip)
        self.done_edit.setToolTip(QCoreApplication.translate("ReferralsPriorAuth", u"The day the authorised procedure or imaging was done: the approval is then no longer watched", None))
#endif // QT_CONFIG(tooltip)
        self.denial_label.setText(QCoreApplication.translate("ReferralsPriorAuth", u"&Denial reason:", None))
        self.denial_edit.setPlaceholderText(QCoreApplication.translate("ReferralsPriorAuth", u"As the payer gave it", None))
        self.note_label.setText(QCoreApplication.translate("ReferralsPriorAuth", u"N&ote:", None))
        self.note_edit.setPlaceholderText(QCoreApplication.translate("ReferralsPriorAuth", u"Kept with the status change", None))
    # retranslateUi
