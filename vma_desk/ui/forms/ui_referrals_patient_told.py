# Generated from forms/referrals_patient_told.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'referrals_patient_told.ui'
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
    QLineEdit, QSizePolicy, QSpacerItem, QTimeEdit,
    QVBoxLayout, QWidget)

from vma_desk.ui.shared.widgets import DateEdit

class Ui_ReferralsPatientTold(object):
    def setupUi(self, ReferralsPatientTold):
        if not ReferralsPatientTold.objectName():
            ReferralsPatientTold.setObjectName(u"ReferralsPatientTold")
        ReferralsPatientTold.resize(480, 240)
        self.dialog_layout = QVBoxLayout(ReferralsPatientTold)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.summary_label = QLabel(ReferralsPatientTold)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.summary_label)

        self.form_error_label = QLabel(ReferralsPatientTold)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.told_form = QFormLayout()
        self.told_form.setObjectName(u"told_form")
        self.told_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.how_label = QLabel(ReferralsPatientTold)
        self.how_label.setObjectName(u"how_label")

        self.told_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.how_label)

        self.how_box = QVBoxLayout()
        self.how_box.setSpacing(2)
        self.how_box.setObjectName(u"how_box")
        self.how_combo = QComboBox(ReferralsPatientTold)
        self.how_combo.setObjectName(u"how_combo")

        self.how_box.addWidget(self.how_combo)

        self.how_error = QLabel(ReferralsPatientTold)
        self.how_error.setObjectName(u"how_error")

        self.how_box.addWidget(self.how_error)


        self.told_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.how_box)

        self.who_label = QLabel(ReferralsPatientTold)
        self.who_label.setObjectName(u"who_label")

        self.told_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.who_label)

        self.who_box = QVBoxLayout()
        self.who_box.setSpacing(2)
        self.who_box.setObjectName(u"who_box")
        self.who_edit = QLineEdit(ReferralsPatientTold)
        self.who_edit.setObjectName(u"who_edit")
        self.who_edit.setMaxLength(100)

        self.who_box.addWidget(self.who_edit)

        self.who_error = QLabel(ReferralsPatientTold)
        self.who_error.setObjectName(u"who_error")

        self.who_box.addWidget(self.who_error)


        self.told_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.who_box)

        self.when_label = QLabel(ReferralsPatientTold)
        self.when_label.setObjectName(u"when_label")

        self.told_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.when_label)

        self.when_box = QVBoxLayout()
        self.when_box.setSpacing(2)
        self.when_box.setObjectName(u"when_box")
        self.when_row = QHBoxLayout()
        self.when_row.setSpacing(6)
        self.when_row.setObjectName(u"when_row")
        self.when_date_edit = DateEdit(ReferralsPatientTold)
        self.when_date_edit.setObjectName(u"when_date_edit")

        self.when_row.addWidget(self.when_date_edit)

        self.when_time_edit = QTimeEdit(ReferralsPatientTold)
        self.when_time_edit.setObjectName(u"when_time_edit")

        self.when_row.addWidget(self.when_time_edit)

        self.zone_label = QLabel(ReferralsPatientTold)
        self.zone_label.setObjectName(u"zone_label")
        self.zone_label.setTextFormat(Qt.TextFormat.PlainText)

        self.when_row.addWidget(self.zone_label)


        self.when_box.addLayout(self.when_row)

        self.when_error = QLabel(ReferralsPatientTold)
        self.when_error.setObjectName(u"when_error")

        self.when_box.addWidget(self.when_error)


        self.told_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.when_box)


        self.dialog_layout.addLayout(self.told_form)

        self.told_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.told_spacer)

        self.button_box = QDialogButtonBox(ReferralsPatientTold)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.how_label.setBuddy(self.how_combo)
        self.who_label.setBuddy(self.who_edit)
        self.when_label.setBuddy(self.when_date_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.how_combo, self.who_edit)
        QWidget.setTabOrder(self.who_edit, self.when_date_edit)
        QWidget.setTabOrder(self.when_date_edit, self.when_time_edit)

        self.retranslateUi(ReferralsPatientTold)

        QMetaObject.connectSlotsByName(ReferralsPatientTold)
    # setupUi

    def retranslateUi(self, ReferralsPatientTold):
        ReferralsPatientTold.setWindowTitle(QCoreApplication.translate("ReferralsPatientTold", u"Patient told", None))
        self.how_label.setText(QCoreApplication.translate("ReferralsPatientTold", u"&How:", None))
#if QT_CONFIG(tooltip)
        self.how_combo.setToolTip(QCoreApplication.translate("ReferralsPatientTold", u"How the patient was told about the referral (the specialist visit, or that it went out)", None))
#endif // QT_CONFIG(tooltip)
        self.who_label.setText(QCoreApplication.translate("ReferralsPatientTold", u"&Who told them:", None))
#if QT_CONFIG(tooltip)
        self.who_edit.setToolTip(QCoreApplication.translate("ReferralsPatientTold", u"You, unless someone else told the patient (you are kept as who recorded it)", None))
#endif // QT_CONFIG(tooltip)
        self.when_label.setText(QCoreApplication.translate("ReferralsPatientTold", u"Wh&en:", None))
#if QT_CONFIG(tooltip)
        self.when_date_edit.setToolTip(QCoreApplication.translate("ReferralsPatientTold", u"The day the patient was told", None))
#endif // QT_CONFIG(tooltip)
        self.when_time_edit.setDisplayFormat(QCoreApplication.translate("ReferralsPatientTold", u"h:mm AP", None))
    # retranslateUi
