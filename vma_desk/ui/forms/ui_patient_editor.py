# Generated from forms/patient_editor.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'patient_editor.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QFrame,
    QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

from vma_desk.ui.shared.widgets import DateEdit

class Ui_PatientEditor(object):
    def setupUi(self, PatientEditor):
        if not PatientEditor.objectName():
            PatientEditor.setObjectName(u"PatientEditor")
        PatientEditor.resize(860, 640)
        self.dialog_layout = QVBoxLayout(PatientEditor)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form_error_label = QLabel(PatientEditor)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.scroll_area = QScrollArea(PatientEditor)
        self.scroll_area.setObjectName(u"scroll_area")
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.form_widget = QWidget()
        self.form_widget.setObjectName(u"form_widget")
        self.form_grid = QGridLayout(self.form_widget)
        self.form_grid.setObjectName(u"form_grid")
        self.left_column = QVBoxLayout()
        self.left_column.setObjectName(u"left_column")
        self.identity_group = QGroupBox(self.form_widget)
        self.identity_group.setObjectName(u"identity_group")
        self.identity_form = QFormLayout(self.identity_group)
        self.identity_form.setObjectName(u"identity_form")
        self.first_name_label = QLabel(self.identity_group)
        self.first_name_label.setObjectName(u"first_name_label")

        self.identity_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.first_name_label)

        self.first_name_box = QVBoxLayout()
        self.first_name_box.setSpacing(2)
        self.first_name_box.setObjectName(u"first_name_box")
        self.first_name_edit = QLineEdit(self.identity_group)
        self.first_name_edit.setObjectName(u"first_name_edit")
        self.first_name_edit.setMaxLength(80)

        self.first_name_box.addWidget(self.first_name_edit)

        self.first_name_error = QLabel(self.identity_group)
        self.first_name_error.setObjectName(u"first_name_error")

        self.first_name_box.addWidget(self.first_name_error)


        self.identity_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.first_name_box)

        self.last_name_label = QLabel(self.identity_group)
        self.last_name_label.setObjectName(u"last_name_label")

        self.identity_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.last_name_label)

        self.last_name_box = QVBoxLayout()
        self.last_name_box.setSpacing(2)
        self.last_name_box.setObjectName(u"last_name_box")
        self.last_name_edit = QLineEdit(self.identity_group)
        self.last_name_edit.setObjectName(u"last_name_edit")
        self.last_name_edit.setMaxLength(80)

        self.last_name_box.addWidget(self.last_name_edit)

        self.last_name_error = QLabel(self.identity_group)
        self.last_name_error.setObjectName(u"last_name_error")

        self.last_name_box.addWidget(self.last_name_error)


        self.identity_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.last_name_box)

        self.date_of_birth_label = QLabel(self.identity_group)
        self.date_of_birth_label.setObjectName(u"date_of_birth_label")

        self.identity_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.date_of_birth_label)

        self.date_of_birth_box = QVBoxLayout()
        self.date_of_birth_box.setSpacing(2)
        self.date_of_birth_box.setObjectName(u"date_of_birth_box")
        self.date_of_birth_edit = DateEdit(self.identity_group)
        self.date_of_birth_edit.setObjectName(u"date_of_birth_edit")

        self.date_of_birth_box.addWidget(self.date_of_birth_edit)

        self.date_of_birth_error = QLabel(self.identity_group)
        self.date_of_birth_error.setObjectName(u"date_of_birth_error")

        self.date_of_birth_box.addWidget(self.date_of_birth_error)


        self.identity_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.date_of_birth_box)


        self.left_column.addWidget(self.identity_group)

        self.contact_group = QGroupBox(self.form_widget)
        self.contact_group.setObjectName(u"contact_group")
        self.contact_grid = QGridLayout(self.contact_group)
        self.contact_grid.setObjectName(u"contact_grid")
        self.phone_label_1 = QLabel(self.contact_group)
        self.phone_label_1.setObjectName(u"phone_label_1")

        self.contact_grid.addWidget(self.phone_label_1, 0, 0, 1, 1)

        self.phone_edit_1 = QLineEdit(self.contact_group)
        self.phone_edit_1.setObjectName(u"phone_edit_1")
        self.phone_edit_1.setMinimumSize(QSize(130, 0))

        self.contact_grid.addWidget(self.phone_edit_1, 0, 1, 1, 1)

        self.phone_kind_combo_1 = QComboBox(self.contact_group)
        self.phone_kind_combo_1.setObjectName(u"phone_kind_combo_1")

        self.contact_grid.addWidget(self.phone_kind_combo_1, 0, 2, 1, 1)

        self.phone_label_2 = QLabel(self.contact_group)
        self.phone_label_2.setObjectName(u"phone_label_2")

        self.contact_grid.addWidget(self.phone_label_2, 1, 0, 1, 1)

        self.phone_edit_2 = QLineEdit(self.contact_group)
        self.phone_edit_2.setObjectName(u"phone_edit_2")
        self.phone_edit_2.setMinimumSize(QSize(130, 0))

        self.contact_grid.addWidget(self.phone_edit_2, 1, 1, 1, 1)

        self.phone_kind_combo_2 = QComboBox(self.contact_group)
        self.phone_kind_combo_2.setObjectName(u"phone_kind_combo_2")

        self.contact_grid.addWidget(self.phone_kind_combo_2, 1, 2, 1, 1)

        self.phone_label_3 = QLabel(self.contact_group)
        self.phone_label_3.setObjectName(u"phone_label_3")

        self.contact_grid.addWidget(self.phone_label_3, 2, 0, 1, 1)

        self.phone_edit_3 = QLineEdit(self.contact_group)
        self.phone_edit_3.setObjectName(u"phone_edit_3")
        self.phone_edit_3.setMinimumSize(QSize(130, 0))

        self.contact_grid.addWidget(self.phone_edit_3, 2, 1, 1, 1)

        self.phone_kind_combo_3 = QComboBox(self.contact_group)
        self.phone_kind_combo_3.setObjectName(u"phone_kind_combo_3")

        self.contact_grid.addWidget(self.phone_kind_combo_3, 2, 2, 1, 1)

        self.phones_error = QLabel(self.contact_group)
        self.phones_error.setObjectName(u"phones_error")

        self.contact_grid.addWidget(self.phones_error, 3, 1, 1, 2)

        self.email_label = QLabel(self.contact_group)
        self.email_label.setObjectName(u"email_label")

        self.contact_grid.addWidget(self.email_label, 4, 0, 1, 1)

        self.email_edit = QLineEdit(self.contact_group)
        self.email_edit.setObjectName(u"email_edit")
        self.email_edit.setMaxLength(254)

        self.contact_grid.addWidget(self.email_edit, 4, 1, 1, 2)

        self.email_error = QLabel(self.contact_group)
        self.email_error.setObjectName(u"email_error")

        self.contact_grid.addWidget(self.email_error, 5, 1, 1, 2)

        self.preferred_contact_label = QLabel(self.contact_group)
        self.preferred_contact_label.setObjectName(u"preferred_contact_label")

        self.contact_grid.addWidget(self.preferred_contact_label, 6, 0, 1, 1)

        self.preferred_contact_combo = QComboBox(self.contact_group)
        self.preferred_contact_combo.setObjectName(u"preferred_contact_combo")

        self.contact_grid.addWidget(self.preferred_contact_combo, 6, 1, 1, 2)

        self.contact_grid.setColumnStretch(1, 1)

        self.left_column.addWidget(self.contact_group)

        self.notes_group = QGroupBox(self.form_widget)
        self.notes_group.setObjectName(u"notes_group")
        self.notes_layout = QVBoxLayout(self.notes_group)
        self.notes_layout.setObjectName(u"notes_layout")
        self.notes_edit = QPlainTextEdit(self.notes_group)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumSize(QSize(0, 80))

        self.notes_layout.addWidget(self.notes_edit)

        self.notes_error = QLabel(self.notes_group)
        self.notes_error.setObjectName(u"notes_error")

        self.notes_layout.addWidget(self.notes_error)


        self.left_column.addWidget(self.notes_group)

        self.left_column.setStretch(2, 1)

        self.form_grid.addLayout(self.left_column, 0, 0, 1, 1)

        self.right_column = QVBoxLayout()
        self.right_column.setObjectName(u"right_column")
        self.insurance_group = QGroupBox(self.form_widget)
        self.insurance_group.setObjectName(u"insurance_group")
        self.insurance_form = QFormLayout(self.insurance_group)
        self.insurance_form.setObjectName(u"insurance_form")
        self.plan_type_label = QLabel(self.insurance_group)
        self.plan_type_label.setObjectName(u"plan_type_label")

        self.insurance_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.plan_type_label)

        self.plan_type_combo = QComboBox(self.insurance_group)
        self.plan_type_combo.setObjectName(u"plan_type_combo")

        self.insurance_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.plan_type_combo)

        self.payer_label = QLabel(self.insurance_group)
        self.payer_label.setObjectName(u"payer_label")

        self.insurance_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.payer_label)

        self.payer_box = QVBoxLayout()
        self.payer_box.setSpacing(2)
        self.payer_box.setObjectName(u"payer_box")
        self.payer_edit = QLineEdit(self.insurance_group)
        self.payer_edit.setObjectName(u"payer_edit")
        self.payer_edit.setMaxLength(80)

        self.payer_box.addWidget(self.payer_edit)

        self.payer_error = QLabel(self.insurance_group)
        self.payer_error.setObjectName(u"payer_error")

        self.payer_box.addWidget(self.payer_error)


        self.insurance_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.payer_box)

        self.member_id_label = QLabel(self.insurance_group)
        self.member_id_label.setObjectName(u"member_id_label")

        self.insurance_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.member_id_label)

        self.member_id_box = QVBoxLayout()
        self.member_id_box.setSpacing(2)
        self.member_id_box.setObjectName(u"member_id_box")
        self.member_id_edit = QLineEdit(self.insurance_group)
        self.member_id_edit.setObjectName(u"member_id_edit")
        self.member_id_edit.setMaxLength(30)

        self.member_id_box.addWidget(self.member_id_edit)

        self.member_id_error = QLabel(self.insurance_group)
        self.member_id_error.setObjectName(u"member_id_error")

        self.member_id_box.addWidget(self.member_id_error)


        self.insurance_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.member_id_box)

        self.group_number_label = QLabel(self.insurance_group)
        self.group_number_label.setObjectName(u"group_number_label")

        self.insurance_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.group_number_label)

        self.group_number_box = QVBoxLayout()
        self.group_number_box.setSpacing(2)
        self.group_number_box.setObjectName(u"group_number_box")
        self.group_number_edit = QLineEdit(self.insurance_group)
        self.group_number_edit.setObjectName(u"group_number_edit")
        self.group_number_edit.setMaxLength(30)

        self.group_number_box.addWidget(self.group_number_edit)

        self.group_number_error = QLabel(self.insurance_group)
        self.group_number_error.setObjectName(u"group_number_error")

        self.group_number_box.addWidget(self.group_number_error)


        self.insurance_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.group_number_box)

        self.primary_subscriber_label = QLabel(self.insurance_group)
        self.primary_subscriber_label.setObjectName(u"primary_subscriber_label")

        self.insurance_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.primary_subscriber_label)

        self.primary_subscriber_box = QVBoxLayout()
        self.primary_subscriber_box.setSpacing(2)
        self.primary_subscriber_box.setObjectName(u"primary_subscriber_box")
        self.primary_subscriber_edit = QLineEdit(self.insurance_group)
        self.primary_subscriber_edit.setObjectName(u"primary_subscriber_edit")
        self.primary_subscriber_edit.setMaxLength(80)

        self.primary_subscriber_box.addWidget(self.primary_subscriber_edit)

        self.primary_subscriber_error = QLabel(self.insurance_group)
        self.primary_subscriber_error.setObjectName(u"primary_subscriber_error")

        self.primary_subscriber_box.addWidget(self.primary_subscriber_error)


        self.insurance_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.primary_subscriber_box)


        self.right_column.addWidget(self.insurance_group)

        self.secondary_insurance_group = QGroupBox(self.form_widget)
        self.secondary_insurance_group.setObjectName(u"secondary_insurance_group")
        self.secondary_insurance_form = QFormLayout(self.secondary_insurance_group)
        self.secondary_insurance_form.setObjectName(u"secondary_insurance_form")
        self.secondary_plan_type_label = QLabel(self.secondary_insurance_group)
        self.secondary_plan_type_label.setObjectName(u"secondary_plan_type_label")

        self.secondary_insurance_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.secondary_plan_type_label)

        self.secondary_plan_type_box = QVBoxLayout()
        self.secondary_plan_type_box.setSpacing(2)
        self.secondary_plan_type_box.setObjectName(u"secondary_plan_type_box")
        self.secondary_plan_type_combo = QComboBox(self.secondary_insurance_group)
        self.secondary_plan_type_combo.setObjectName(u"secondary_plan_type_combo")

        self.secondary_plan_type_box.addWidget(self.secondary_plan_type_combo)

        self.secondary_plan_type_error = QLabel(self.secondary_insurance_group)
        self.secondary_plan_type_error.setObjectName(u"secondary_plan_type_error")

        self.secondary_plan_type_box.addWidget(self.secondary_plan_type_error)


        self.secondary_insurance_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.secondary_plan_type_box)

        self.secondary_payer_label = QLabel(self.secondary_insurance_group)
        self.secondary_payer_label.setObjectName(u"secondary_payer_label")

        self.secondary_insurance_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.secondary_payer_label)

        self.secondary_payer_box = QVBoxLayout()
        self.secondary_payer_box.setSpacing(2)
        self.secondary_payer_box.setObjectName(u"secondary_payer_box")
        self.secondary_payer_edit = QLineEdit(self.secondary_insurance_group)
        self.secondary_payer_edit.setObjectName(u"secondary_payer_edit")
        self.secondary_payer_edit.setMaxLength(80)

        self.secondary_payer_box.addWidget(self.secondary_payer_edit)

        self.secondary_payer_error = QLabel(self.secondary_insurance_group)
        self.secondary_payer_error.setObjectName(u"secondary_payer_error")

        self.secondary_payer_box.addWidget(self.secondary_payer_error)


        self.secondary_insurance_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.secondary_payer_box)

        self.secondary_member_id_label = QLabel(self.secondary_insurance_group)
        self.secondary_member_id_label.setObjectName(u"secondary_member_id_label")

        self.secondary_insurance_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.secondary_member_id_label)

        self.secondary_member_id_box = QVBoxLayout()
        self.secondary_member_id_box.setSpacing(2)
        self.secondary_member_id_box.setObjectName(u"secondary_member_id_box")
        self.secondary_member_id_edit = QLineEdit(self.secondary_insurance_group)
        self.secondary_member_id_edit.setObjectName(u"secondary_member_id_edit")
        self.secondary_member_id_edit.setMaxLength(30)

        self.secondary_member_id_box.addWidget(self.secondary_member_id_edit)

        self.secondary_member_id_error = QLabel(self.secondary_insurance_group)
        self.secondary_member_id_error.setObjectName(u"secondary_member_id_error")

        self.secondary_member_id_box.addWidget(self.secondary_member_id_error)


        self.secondary_insurance_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.secondary_member_id_box)

        self.secondary_group_number_label = QLabel(self.secondary_insurance_group)
        self.secondary_group_number_label.setObjectName(u"secondary_group_number_label")

        self.secondary_insurance_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.secondary_group_number_label)

        self.secondary_group_number_box = QVBoxLayout()
        self.secondary_group_number_box.setSpacing(2)
        self.secondary_group_number_box.setObjectName(u"secondary_group_number_box")
        self.secondary_group_number_edit = QLineEdit(self.secondary_insurance_group)
        self.secondary_group_number_edit.setObjectName(u"secondary_group_number_edit")
        self.secondary_group_number_edit.setMaxLength(30)

        self.secondary_group_number_box.addWidget(self.secondary_group_number_edit)

        self.secondary_group_number_error = QLabel(self.secondary_insurance_group)
        self.secondary_group_number_error.setObjectName(u"secondary_group_number_error")

        self.secondary_group_number_box.addWidget(self.secondary_group_number_error)


        self.secondary_insurance_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.secondary_group_number_box)

        self.secondary_subscriber_label = QLabel(self.secondary_insurance_group)
        self.secondary_subscriber_label.setObjectName(u"secondary_subscriber_label")

        self.secondary_insurance_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.secondary_subscriber_label)

        self.secondary_subscriber_box = QVBoxLayout()
        self.secondary_subscriber_box.setSpacing(2)
        self.secondary_subscriber_box.setObjectName(u"secondary_subscriber_box")
        self.secondary_subscriber_edit = QLineEdit(self.secondary_insurance_group)
        self.secondary_subscriber_edit.setObjectName(u"secondary_subscriber_edit")
        self.secondary_subscriber_edit.setMaxLength(80)

        self.secondary_subscriber_box.addWidget(self.secondary_subscriber_edit)

        self.secondary_subscriber_error = QLabel(self.secondary_insurance_group)
        self.secondary_subscriber_error.setObjectName(u"secondary_subscriber_error")

        self.secondary_subscriber_box.addWidget(self.secondary_subscriber_error)


        self.secondary_insurance_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.secondary_subscriber_box)


        self.right_column.addWidget(self.secondary_insurance_group)

        self.pharmacy_group = QGroupBox(self.form_widget)
        self.pharmacy_group.setObjectName(u"pharmacy_group")
        self.pharmacy_form = QFormLayout(self.pharmacy_group)
        self.pharmacy_form.setObjectName(u"pharmacy_form")
        self.preferred_pharmacy_label = QLabel(self.pharmacy_group)
        self.preferred_pharmacy_label.setObjectName(u"preferred_pharmacy_label")

        self.pharmacy_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.preferred_pharmacy_label)

        self.preferred_pharmacy_box = QVBoxLayout()
        self.preferred_pharmacy_box.setSpacing(2)
        self.preferred_pharmacy_box.setObjectName(u"preferred_pharmacy_box")
        self.preferred_pharmacy_edit = QLineEdit(self.pharmacy_group)
        self.preferred_pharmacy_edit.setObjectName(u"preferred_pharmacy_edit")
        self.preferred_pharmacy_edit.setMaxLength(120)

        self.preferred_pharmacy_box.addWidget(self.preferred_pharmacy_edit)

        self.preferred_pharmacy_error = QLabel(self.pharmacy_group)
        self.preferred_pharmacy_error.setObjectName(u"preferred_pharmacy_error")

        self.preferred_pharmacy_box.addWidget(self.preferred_pharmacy_error)


        self.pharmacy_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.preferred_pharmacy_box)


        self.right_column.addWidget(self.pharmacy_group)

        self.care_gaps_group = QGroupBox(self.form_widget)
        self.care_gaps_group.setObjectName(u"care_gaps_group")
        self.care_gaps_layout = QVBoxLayout(self.care_gaps_group)
        self.care_gaps_layout.setObjectName(u"care_gaps_layout")
        self.care_gap_table = QTableView(self.care_gaps_group)
        self.care_gap_table.setObjectName(u"care_gap_table")
        self.care_gap_table.setTabKeyNavigation(False)
        self.care_gap_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.care_gap_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.care_gap_table.setMinimumSize(QSize(0, 110))
        self.care_gap_table.horizontalHeader().setStretchLastSection(True)
        self.care_gap_table.verticalHeader().setVisible(False)

        self.care_gaps_layout.addWidget(self.care_gap_table)

        self.care_gap_buttons = QHBoxLayout()
        self.care_gap_buttons.setObjectName(u"care_gap_buttons")
        self.add_care_gap_button = QPushButton(self.care_gaps_group)
        self.add_care_gap_button.setObjectName(u"add_care_gap_button")
        self.add_care_gap_button.setAutoDefault(False)

        self.care_gap_buttons.addWidget(self.add_care_gap_button)

        self.remove_care_gap_button = QPushButton(self.care_gaps_group)
        self.remove_care_gap_button.setObjectName(u"remove_care_gap_button")
        self.remove_care_gap_button.setAutoDefault(False)

        self.care_gap_buttons.addWidget(self.remove_care_gap_button)

        self.care_gap_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.care_gap_buttons.addItem(self.care_gap_spacer)


        self.care_gaps_layout.addLayout(self.care_gap_buttons)

        self.care_gaps_error = QLabel(self.care_gaps_group)
        self.care_gaps_error.setObjectName(u"care_gaps_error")

        self.care_gaps_layout.addWidget(self.care_gaps_error)


        self.right_column.addWidget(self.care_gaps_group)

        self.right_column.setStretch(3, 1)

        self.form_grid.addLayout(self.right_column, 0, 1, 1, 1)

        self.form_grid.setColumnStretch(0, 1)
        self.form_grid.setColumnStretch(1, 1)
        self.scroll_area.setWidget(self.form_widget)

        self.dialog_layout.addWidget(self.scroll_area)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.delete_button = QPushButton(PatientEditor)
        self.delete_button.setObjectName(u"delete_button")
        self.delete_button.setAutoDefault(False)

        self.button_row.addWidget(self.delete_button)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.button_spacer)

        self.button_box = QDialogButtonBox(PatientEditor)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.button_row.addWidget(self.button_box)


        self.dialog_layout.addLayout(self.button_row)

#if QT_CONFIG(shortcut)
        self.first_name_label.setBuddy(self.first_name_edit)
        self.last_name_label.setBuddy(self.last_name_edit)
        self.date_of_birth_label.setBuddy(self.date_of_birth_edit)
        self.phone_label_1.setBuddy(self.phone_edit_1)
        self.phone_label_2.setBuddy(self.phone_edit_2)
        self.phone_label_3.setBuddy(self.phone_edit_3)
        self.email_label.setBuddy(self.email_edit)
        self.preferred_contact_label.setBuddy(self.preferred_contact_combo)
        self.plan_type_label.setBuddy(self.plan_type_combo)
        self.payer_label.setBuddy(self.payer_edit)
        self.member_id_label.setBuddy(self.member_id_edit)
        self.group_number_label.setBuddy(self.group_number_edit)
        self.primary_subscriber_label.setBuddy(self.primary_subscriber_edit)
        self.secondary_plan_type_label.setBuddy(self.secondary_plan_type_combo)
        self.secondary_payer_label.setBuddy(self.secondary_payer_edit)
        self.secondary_member_id_label.setBuddy(self.secondary_member_id_edit)
        self.secondary_group_number_label.setBuddy(self.secondary_group_number_edit)
        self.secondary_subscriber_label.setBuddy(self.secondary_subscriber_edit)
        self.preferred_pharmacy_label.setBuddy(self.preferred_pharmacy_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PatientEditor)

        QMetaObject.connectSlotsByName(PatientEditor)
    # setupUi

    def retranslateUi(self, PatientEditor):
        PatientEditor.setWindowTitle(QCoreApplication.translate("PatientEditor", u"Patient", None))
        self.identity_group.setTitle(QCoreApplication.translate("PatientEditor", u"Patient", None))
        self.first_name_label.setText(QCoreApplication.translate("PatientEditor", u"&First name *", None))
        self.last_name_label.setText(QCoreApplication.translate("PatientEditor", u"&Last name *", None))
        self.date_of_birth_label.setText(QCoreApplication.translate("PatientEditor", u"Date of &birth *", None))
#if QT_CONFIG(tooltip)
        self.date_of_birth_edit.setToolTip(QCoreApplication.translate("PatientEditor", u"Type month, day and year, e.g. 04/02/1961, or pick from the calendar", None))
#endif // QT_CONFIG(tooltip)
        self.contact_group.setTitle(QCoreApplication.translate("PatientEditor", u"Contact", None))
        self.phone_label_1.setText(QCoreApplication.translate("PatientEditor", u"Phone &1", None))
#if QT_CONFIG(accessibility)
        self.phone_kind_combo_1.setAccessibleName(QCoreApplication.translate("PatientEditor", u"Phone 1 kind", None))
#endif // QT_CONFIG(accessibility)
        self.phone_label_2.setText(QCoreApplication.translate("PatientEditor", u"Phone &2", None))
#if QT_CONFIG(accessibility)
        self.phone_kind_combo_2.setAccessibleName(QCoreApplication.translate("PatientEditor", u"Phone 2 kind", None))
#endif // QT_CONFIG(accessibility)
        self.phone_label_3.setText(QCoreApplication.translate("PatientEditor", u"Phone &3", None))
#if QT_CONFIG(accessibility)
        self.phone_kind_combo_3.setAccessibleName(QCoreApplication.translate("PatientEditor", u"Phone 3 kind", None))
#endif // QT_CONFIG(accessibility)
        self.email_label.setText(QCoreApplication.translate("PatientEditor", u"&E-mail", None))
        self.preferred_contact_label.setText(QCoreApplication.translate("PatientEditor", u"Preferred &contact", None))
        self.notes_group.setTitle(QCoreApplication.translate("PatientEditor", u"&Notes", None))
#if QT_CONFIG(accessibility)
        self.notes_edit.setAccessibleName(QCoreApplication.translate("PatientEditor", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.insurance_group.setTitle(QCoreApplication.translate("PatientEditor", u"Primary insurance", None))
        self.plan_type_label.setText(QCoreApplication.translate("PatientEditor", u"Plan &type", None))
        self.payer_label.setText(QCoreApplication.translate("PatientEditor", u"Pa&yer", None))
        self.member_id_label.setText(QCoreApplication.translate("PatientEditor", u"&Member ID", None))
        self.member_id_edit.setPlaceholderText(QCoreApplication.translate("PatientEditor", u"as on the card", None))
        self.group_number_label.setText(QCoreApplication.translate("PatientEditor", u"&Group number", None))
        self.primary_subscriber_label.setText(QCoreApplication.translate("PatientEditor", u"P&olicy holder", None))
        self.primary_subscriber_edit.setPlaceholderText(QCoreApplication.translate("PatientEditor", u"if not the patient", None))
        self.secondary_insurance_group.setTitle(QCoreApplication.translate("PatientEditor", u"Secondary &insurance", None))
#if QT_CONFIG(tooltip)
        self.secondary_insurance_group.setToolTip(QCoreApplication.translate("PatientEditor", u"The plan that pays after the primary (coordination of benefits). Leave blank when there is none.", None))
#endif // QT_CONFIG(tooltip)
        self.secondary_plan_type_label.setText(QCoreApplication.translate("PatientEditor", u"Plan type", None))
#if QT_CONFIG(accessibility)
        self.secondary_plan_type_combo.setAccessibleName(QCoreApplication.translate("PatientEditor", u"Secondary plan type", None))
#endif // QT_CONFIG(accessibility)
        self.secondary_payer_label.setText(QCoreApplication.translate("PatientEditor", u"Payer", None))
#if QT_CONFIG(accessibility)
        self.secondary_payer_edit.setAccessibleName(QCoreApplication.translate("PatientEditor", u"Secondary payer", None))
#endif // QT_CONFIG(accessibility)
        self.secondary_member_id_label.setText(QCoreApplication.translate("PatientEditor", u"Member ID", None))
#if QT_CONFIG(accessibility)
        self.secondary_member_id_edit.setAccessibleName(QCoreApplication.translate("PatientEditor", u"Secondary member ID", None))
#endif // QT_CONFIG(accessibility)
        self.secondary_member_id_edit.setPlaceholderText(QCoreApplication.translate("PatientEditor", u"as on the card", None))
        self.secondary_group_number_label.setText(QCoreApplication.translate("PatientEditor", u"Group number", None))
#if QT_CONFIG(accessibility)
        self.secondary_group_number_edit.setAccessibleName(QCoreApplication.translate("PatientEditor", u"Secondary group number", None))
#endif // QT_CONFIG(accessibility)
        self.secondary_subscriber_label.setText(QCoreApplication.translate("PatientEditor", u"Policy holder", None))
#if QT_CONFIG(accessibility)
        self.secondary_subscriber_edit.setAccessibleName(QCoreApplication.translate("PatientEditor", u"Secondary policy holder", None))
#endif // QT_CONFIG(accessibility)
        self.secondary_subscriber_edit.setPlaceholderText(QCoreApplication.translate("PatientEditor", u"if not the patient", None))
        self.pharmacy_group.setTitle(QCoreApplication.translate("PatientEditor", u"Pharmacy", None))
        self.preferred_pharmacy_label.setText(QCoreApplication.translate("PatientEditor", u"Preferred p&harmacy", None))
        self.preferred_pharmacy_edit.setPlaceholderText(QCoreApplication.translate("PatientEditor", u"name and location", None))
        self.care_gaps_group.setTitle(QCoreApplication.translate("PatientEditor", u"Care ga&ps", None))
#if QT_CONFIG(accessibility)
        self.care_gap_table.setAccessibleName(QCoreApplication.translate("PatientEditor", u"Care gaps", None))
#endif // QT_CONFIG(accessibility)
        self.add_care_gap_button.setText(QCoreApplication.translate("PatientEditor", u"&Add care gap", None))
        self.remove_care_gap_button.setText(QCoreApplication.translate("PatientEditor", u"&Remove care gap", None))
        self.delete_button.setText(QCoreApplication.translate("PatientEditor", u"&Delete patient\u2026", None))
    # retranslateUi
