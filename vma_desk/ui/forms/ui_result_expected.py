# Generated from forms/result_expected.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'result_expected.ui'
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

from vma_desk.ui.shared.patient_picker import PatientPicker
from vma_desk.ui.shared.widgets import DateEdit

class Ui_ResultExpected(object):
    def setupUi(self, ResultExpected):
        if not ResultExpected.objectName():
            ResultExpected.setObjectName(u"ResultExpected")
        ResultExpected.resize(600, 520)
        self.dialog_layout = QVBoxLayout(ResultExpected)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form_error_label = QLabel(ResultExpected)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.expected_form = QFormLayout()
        self.expected_form.setObjectName(u"expected_form")
        self.expected_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.patient_label = QLabel(ResultExpected)
        self.patient_label.setObjectName(u"patient_label")

        self.expected_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.patient_label)

        self.patient_box = QVBoxLayout()
        self.patient_box.setSpacing(2)
        self.patient_box.setObjectName(u"patient_box")
        self.patient_picker = PatientPicker(ResultExpected)
        self.patient_picker.setObjectName(u"patient_picker")

        self.patient_box.addWidget(self.patient_picker)

        self.patient_error = QLabel(ResultExpected)
        self.patient_error.setObjectName(u"patient_error")

        self.patient_box.addWidget(self.patient_error)


        self.expected_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.patient_box)

        self.test_label = QLabel(ResultExpected)
        self.test_label.setObjectName(u"test_label")

        self.expected_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.test_label)

        self.test_box = QVBoxLayout()
        self.test_box.setSpacing(2)
        self.test_box.setObjectName(u"test_box")
        self.test_edit = QLineEdit(ResultExpected)
        self.test_edit.setObjectName(u"test_edit")

        self.test_box.addWidget(self.test_edit)

        self.test_error = QLabel(ResultExpected)
        self.test_error.setObjectName(u"test_error")

        self.test_box.addWidget(self.test_error)


        self.expected_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.test_box)

        self.ordered_by_label = QLabel(ResultExpected)
        self.ordered_by_label.setObjectName(u"ordered_by_label")

        self.expected_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ordered_by_label)

        self.ordered_by_box = QVBoxLayout()
        self.ordered_by_box.setSpacing(2)
        self.ordered_by_box.setObjectName(u"ordered_by_box")
        self.ordered_by_combo = QComboBox(ResultExpected)
        self.ordered_by_combo.setObjectName(u"ordered_by_combo")

        self.ordered_by_box.addWidget(self.ordered_by_combo)

        self.ordered_by_error = QLabel(ResultExpected)
        self.ordered_by_error.setObjectName(u"ordered_by_error")

        self.ordered_by_box.addWidget(self.ordered_by_error)


        self.expected_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.ordered_by_box)

        self.ordered_on_label = QLabel(ResultExpected)
        self.ordered_on_label.setObjectName(u"ordered_on_label")

        self.expected_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ordered_on_label)

        self.ordered_on_box = QVBoxLayout()
        self.ordered_on_box.setSpacing(2)
        self.ordered_on_box.setObjectName(u"ordered_on_box")
        self.ordered_on_edit = DateEdit(ResultExpected)
        self.ordered_on_edit.setObjectName(u"ordered_on_edit")

        self.ordered_on_box.addWidget(self.ordered_on_edit)

        self.ordered_on_error = QLabel(ResultExpected)
        self.ordered_on_error.setObjectName(u"ordered_on_error")

        self.ordered_on_box.addWidget(self.ordered_on_error)


        self.expected_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.ordered_on_box)

        self.expected_by_label = QLabel(ResultExpected)
        self.expected_by_label.setObjectName(u"expected_by_label")

        self.expected_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.expected_by_label)

        self.expected_by_box = QVBoxLayout()
        self.expected_by_box.setSpacing(2)
        self.expected_by_box.setObjectName(u"expected_by_box")
        self.expected_by_edit = DateEdit(ResultExpected)
        self.expected_by_edit.setObjectName(u"expected_by_edit")

        self.expected_by_box.addWidget(self.expected_by_edit)

        self.expected_by_error = QLabel(ResultExpected)
        self.expected_by_error.setObjectName(u"expected_by_error")

        self.expected_by_box.addWidget(self.expected_by_error)


        self.expected_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.expected_by_box)

        self.visit_label = QLabel(ResultExpected)
        self.visit_label.setObjectName(u"visit_label")

        self.expected_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.visit_label)

        self.visit_box = QVBoxLayout()
        self.visit_box.setSpacing(2)
        self.visit_box.setObjectName(u"visit_box")
        self.visit_combo = QComboBox(ResultExpected)
        self.visit_combo.setObjectName(u"visit_combo")

        self.visit_box.addWidget(self.visit_combo)

        self.visit_error = QLabel(ResultExpected)
        self.visit_error.setObjectName(u"visit_error")

        self.visit_box.addWidget(self.visit_error)


        self.expected_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.visit_box)


        self.dialog_layout.addLayout(self.expected_form)

        self.hint_label = QLabel(ResultExpected)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.hint_label)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(ResultExpected)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.patient_label.setBuddy(self.patient_picker)
        self.test_label.setBuddy(self.test_edit)
        self.ordered_by_label.setBuddy(self.ordered_by_combo)
        self.ordered_on_label.setBuddy(self.ordered_on_edit)
        self.expected_by_label.setBuddy(self.expected_by_edit)
        self.visit_label.setBuddy(self.visit_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.patient_picker, self.test_edit)
        QWidget.setTabOrder(self.test_edit, self.ordered_by_combo)
        QWidget.setTabOrder(self.ordered_by_combo, self.ordered_on_edit)
        QWidget.setTabOrder(self.ordered_on_edit, self.expected_by_edit)
        QWidget.setTabOrder(self.expected_by_edit, self.visit_combo)

        self.retranslateUi(ResultExpected)

        QMetaObject.connectSlotsByName(ResultExpected)
    # setupUi

    def retranslateUi(self, ResultExpected):
        ResultExpected.setWindowTitle(QCoreApplication.translate("ResultExpected", u"New expected result", None))
        self.patient_label.setText(QCoreApplication.translate("ResultExpected", u"&Patient:", None))
        self.test_label.setText(QCoreApplication.translate("ResultExpected", u"&Test:", None))
        self.test_edit.setPlaceholderText(QCoreApplication.translate("ResultExpected", u"As ordered (CBC, lipid panel, chest X-ray report)", None))
        self.ordered_by_label.setText(QCoreApplication.translate("ResultExpected", u"Ordered &by:", None))
        self.ordered_on_label.setText(QCoreApplication.translate("ResultExpected", u"Ordered &on:", None))
        self.expected_by_label.setText(QCoreApplication.translate("ResultExpected", u"E&xpected by:", None))
        self.visit_label.setText(QCoreApplication.translate("ResultExpected", u"For the &visit:", None))
        self.hint_label.setText(QCoreApplication.translate("ResultExpected", u"Expected by: 3 business days after the order unless the lab says otherwise. Past that day, the result shows \"Labs not back\" here, on Today and on the visit's huddle sheet.", None))
    # retranslateUi
