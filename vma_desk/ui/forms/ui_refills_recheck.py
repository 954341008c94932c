# Generated from forms/refills_recheck.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'refills_recheck.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

from vma_desk.ui.refills.labs import LabDatesEditor

class Ui_RefillsRecheck(object):
    def setupUi(self, RefillsRecheck):
        if not RefillsRecheck.objectName():
            RefillsRecheck.setObjectName(u"RefillsRecheck")
        RefillsRecheck.resize(520, 300)
        self.dialog_layout = QVBoxLayout(RefillsRecheck)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.about_label = QLabel(RefillsRecheck)
        self.about_label.setObjectName(u"about_label")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.about_label)

        self.form_error_label = QLabel(RefillsRecheck)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.recheck_form = QFormLayout()
        self.recheck_form.setObjectName(u"recheck_form")
        self.recheck_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labs_label = QLabel(RefillsRecheck)
        self.labs_label.setObjectName(u"labs_label")

        self.recheck_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.labs_label)

        self.labs_box = QVBoxLayout()
        self.labs_box.setSpacing(2)
        self.labs_box.setObjectName(u"labs_box")
        self.labs_editor = LabDatesEditor(RefillsRecheck)
        self.labs_editor.setObjectName(u"labs_editor")

        self.labs_box.addWidget(self.labs_editor)

        self.labs_error = QLabel(RefillsRecheck)
        self.labs_error.setObjectName(u"labs_error")

        self.labs_box.addWidget(self.labs_error)


        self.recheck_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.labs_box)

        self.refills_label = QLabel(RefillsRecheck)
        self.refills_label.setObjectName(u"refills_label")

        self.recheck_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.refills_label)

        self.refills_box = QVBoxLayout()
        self.refills_box.setSpacing(2)
        self.refills_box.setObjectName(u"refills_box")
        self.refills_row = QHBoxLayout()
        self.refills_row.setObjectName(u"refills_row")
        self.refills_spin = QSpinBox(RefillsRecheck)
        self.refills_spin.setObjectName(u"refills_spin")

        self.refills_row.addWidget(self.refills_spin)

        self.refills_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.refills_row.addItem(self.refills_row_spacer)


        self.refills_box.addLayout(self.refills_row)

        self.refills_error = QLabel(RefillsRecheck)
        self.refills_error.setObjectName(u"refills_error")

        self.refills_box.addWidget(self.refills_error)


        self.recheck_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.refills_box)


        self.dialog_layout.addLayout(self.recheck_form)

        self.button_box = QDialogButtonBox(RefillsRecheck)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.labs_label.setBuddy(self.labs_editor)
        self.refills_label.setBuddy(self.refills_spin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.labs_editor, self.refills_spin)

        self.retranslateUi(RefillsRecheck)

        QMetaObject.connectSlotsByName(RefillsRecheck)
    # setupUi

    def retranslateUi(self, RefillsRecheck):
        RefillsRecheck.setWindowTitle(QCoreApplication.translate("RefillsRecheck", u"Re-check the chart", None))
        self.labs_label.setText(QCoreApplication.translate("RefillsRecheck", u"La&bs:", None))
        self.refills_label.setText(QCoreApplication.translate("RefillsRecheck", u"Refills &left:", None))
    # retranslateUi
