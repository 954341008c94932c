# Generated from forms/task_dialog.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'task_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from vma_desk.ui.shared.when_edit import WhenEdit

class Ui_TaskDialog(object):
    def setupUi(self, TaskDialog):
        if not TaskDialog.objectName():
            TaskDialog.setObjectName(u"TaskDialog")
        TaskDialog.resize(560, 380)
        self.dialog_layout = QVBoxLayout(TaskDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form_error_label = QLabel(TaskDialog)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.task_form = QFormLayout()
        self.task_form.setObjectName(u"task_form")
        self.task_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.about_label = QLabel(TaskDialog)
        self.about_label.setObjectName(u"about_label")

        self.task_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.about_label)

        self.about_box = QVBoxLayout()
        self.about_box.setSpacing(2)
        self.about_box.setObjectName(u"about_box")
        self.about_text = QLabel(TaskDialog)
        self.about_text.setObjectName(u"about_text")
        self.about_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.about_box.addWidget(self.about_text)

        self.link_error = QLabel(TaskDialog)
        self.link_error.setObjectName(u"link_error")

        self.about_box.addWidget(self.link_error)


        self.task_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.about_box)

        self.title_label = QLabel(TaskDialog)
        self.title_label.setObjectName(u"title_label")

        self.task_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_box = QVBoxLayout()
        self.title_box.setSpacing(2)
        self.title_box.setObjectName(u"title_box")
        self.title_edit = QLineEdit(TaskDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.title_box.addWidget(self.title_edit)

        self.title_error = QLabel(TaskDialog)
        self.title_error.setObjectName(u"title_error")

        self.title_box.addWidget(self.title_error)


        self.task_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.title_box)

        self.assignee_label = QLabel(TaskDialog)
        self.assignee_label.setObjectName(u"assignee_label")

        self.task_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.assignee_label)

        self.assignee_box = QVBoxLayout()
        self.assignee_box.setSpacing(2)
        self.assignee_box.setObjectName(u"assignee_box")
        self.assignee_combo = QComboBox(TaskDialog)
        self.assignee_combo.setObjectName(u"assignee_combo")

        self.assignee_box.addWidget(self.assignee_combo)

        self.assignee_error = QLabel(TaskDialog)
        self.assignee_error.setObjectName(u"assignee_error")

        self.assignee_box.addWidget(self.assignee_error)


        self.task_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.assignee_box)

        self.due_label = QLabel(TaskDialog)
        self.due_label.setObjectName(u"due_label")

        self.task_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.due_label)

        self.due_box = QVBoxLayout()
        self.due_box.setSpacing(2)
        self.due_box.setObjectName(u"due_box")
        self.due_edit = WhenEdit(TaskDialog)
        self.due_edit.setObjectName(u"due_edit")

        self.due_box.addWidget(self.due_edit)

        self.due_warning = QLabel(TaskDialog)
        self.due_warning.setObjectName(u"due_warning")

        self.due_box.addWidget(self.due_warning)

        self.due_at_error = QLabel(TaskDialog)
        self.due_at_error.setObjectName(u"due_at_error")

        self.due_box.addWidget(self.due_at_error)


        self.task_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.due_box)

        self.repeat_label = QLabel(TaskDialog)
        self.repeat_label.setObjectName(u"repeat_label")

        self.task_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.repeat_label)

        self.repeat_box = QVBoxLayout()
        self.repeat_box.setSpacing(2)
        self.repeat_box.setObjectName(u"repeat_box")
        self.repeat_combo = QComboBox(TaskDialog)
        self.repeat_combo.setObjectName(u"repeat_combo")

        self.repeat_box.addWidget(self.repeat_combo)


        self.task_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.repeat_box)

        self.rule_label = QLabel(TaskDialog)
        self.rule_label.setObjectName(u"rule_label")

        self.task_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.rule_label)

        self.rule_box = QVBoxLayout()
        self.rule_box.setSpacing(2)
        self.rule_box.setObjectName(u"rule_box")
        self.rule_edit = QLineEdit(TaskDialog)
        self.rule_edit.setObjectName(u"rule_edit")

        self.rule_box.addWidget(self.rule_edit)

        self.rrule_error = QLabel(TaskDialog)
        self.rrule_error.setObjectName(u"rrule_error")

        self.rule_box.addWidget(self.rrule_error)


        self.task_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.rule_box)

        self.note_label = QLabel(TaskDialog)
        self.note_label.setObjectName(u"note_label")

        self.task_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_box = QVBoxLayout()
        self.note_box.setSpacing(2)
        self.note_box.setObjectName(u"note_box")
        self.note_edit = QLineEdit(TaskDialog)
        self.note_edit.setObjectName(u"note_edit")

        self.note_box.addWidget(self.note_edit)

        self.note_error = QLabel(TaskDialog)
        self.note_error.setObjectName(u"note_error")

        self.note_box.addWidget(self.note_error)


        self.task_form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.note_box)


        self.dialog_layout.addLayout(self.task_form)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(TaskDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title_edit)
        self.assignee_label.setBuddy(self.assignee_combo)
        self.due_label.setBuddy(self.due_edit)
        self.repeat_label.setBuddy(self.repeat_combo)
        self.rule_label.setBuddy(self.rule_edit)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title_edit, self.assignee_combo)
        QWidget.setTabOrder(self.assignee_combo, self.due_edit)
        QWidget.setTabOrder(self.due_edit, self.repeat_combo)
        QWidget.setTabOrder(self.repeat_combo, self.rule_edit)
        QWidget.setTabOrder(self.rule_edit, self.note_edit)

        self.retranslateUi(TaskDialog)

        QMetaObject.connectSlotsByName(TaskDialog)
    # setupUi

    def retranslateUi(self, TaskDialog):
        TaskDialog.setWindowTitle(QCoreApplication.translate("TaskDialog", u"New task", None))
        self.about_label.setText(QCoreApplication.translate("TaskDialog", u"About:", None))
        self.title_label.setText(QCoreApplication.translate("TaskDialog", u"&Title:", None))
        self.title_edit.setPlaceholderText(QCoreApplication.translate("TaskDialog", u"What is to be done, in a line", None))
        self.assignee_label.setText(QCoreApplication.translate("TaskDialog", u"&For:", None))
#if QT_CONFIG(tooltip)
        self.assignee_combo.setToolTip(QCoreApplication.translate("TaskDialog", u"Who is to do it: you, a user, a staff member, or anyone of a role (type the first letters)", None))
#endif // QT_CONFIG(tooltip)
        self.due_label.setText(QCoreApplication.translate("TaskDialog", u"D&ue:", None))
#if QT_CONFIG(tooltip)
        self.due_edit.setToolTip(QCoreApplication.translate("TaskDialog", u"The day and time it is due (practice time)", None))
#endif // QT_CONFIG(tooltip)
        self.repeat_label.setText(QCoreApplication.translate("TaskDialog", u"&Repeats:", None))
        self.rule_label.setText(QCoreApplication.translate("TaskDialog", u"Ru&le:", None))
        self.rule_edit.setPlaceholderText(QCoreApplication.translate("TaskDialog", u"An RRULE, e.g. FREQ=WEEKLY;BYDAY=MO", None))
        self.note_label.setText(QCoreApplication.translate("TaskDialog", u"&Note:", None))
        self.note_edit.setPlaceholderText(QCoreApplication.translate("TaskDialog", u"Details, if any", None))
    # retranslateUi
