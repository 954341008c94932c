# Generated from forms/practice_settings.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'practice_settings.ui'
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
    QHeaderView, QLabel, QLineEdit, QSizePolicy,
    QSpinBox, QTableView, QVBoxLayout, QWidget)

class Ui_PracticeSettings(object):
    def setupUi(self, PracticeSettings):
        if not PracticeSettings.objectName():
            PracticeSettings.setObjectName(u"PracticeSettings")
        PracticeSettings.resize(760, 560)
        self.main_layout = QVBoxLayout(PracticeSettings)
        self.main_layout.setObjectName(u"main_layout")
        self.general_error = QLabel(PracticeSettings)
        self.general_error.setObjectName(u"general_error")
        self.general_error.setWordWrap(True)

        self.main_layout.addWidget(self.general_error)

        self.practice_group = QGroupBox(PracticeSettings)
        self.practice_group.setObjectName(u"practice_group")
        self.practice_form = QFormLayout(self.practice_group)
        self.practice_form.setObjectName(u"practice_form")
        self.name_label = QLabel(self.practice_group)
        self.name_label.setObjectName(u"name_label")

        self.practice_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(self.practice_group)
        self.name_edit.setObjectName(u"name_edit")

        self.practice_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.name_error = QLabel(self.practice_group)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setWordWrap(True)

        self.practice_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.zone_label = QLabel(self.practice_group)
        self.zone_label.setObjectName(u"zone_label")

        self.practice_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.zone_label)

        self.zone_combo = QComboBox(self.practice_group)
        self.zone_combo.setObjectName(u"zone_combo")
        self.zone_combo.setEditable(True)

        self.practice_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.zone_combo)

        self.time_zone_error = QLabel(self.practice_group)
        self.time_zone_error.setObjectName(u"time_zone_error")
        self.time_zone_error.setWordWrap(True)

        self.practice_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.time_zone_error)

        self.days_label = QLabel(self.practice_group)
        self.days_label.setObjectName(u"days_label")

        self.practice_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.days_label)

        self.days_layout = QHBoxLayout()
        self.days_layout.setObjectName(u"days_layout")

        self.practice_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.days_layout)

        self.business_days_error = QLabel(self.practice_group)
        self.business_days_error.setObjectName(u"business_days_error")
        self.business_days_error.setWordWrap(True)

        self.practice_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.business_days_error)

        self.notice_label = QLabel(self.practice_group)
        self.notice_label.setObjectName(u"notice_label")

        self.practice_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notice_label)

        self.notice_spin = QSpinBox(self.practice_group)
        self.notice_spin.setObjectName(u"notice_spin")
        self.notice_spin.setMaximum(168)
        self.notice_spin.setValue(24)

        self.practice_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notice_spin)


        self.main_layout.addWidget(self.practice_group)

        self.types_group = QGroupBox(PracticeSettings)
        self.types_group.setObjectName(u"types_group")
        self.types_layout = QVBoxLayout(self.types_group)
        self.types_layout.setObjectName(u"types_layout")
        self.types_view = QTableView(self.types_group)
        self.types_view.setObjectName(u"types_view")

        self.types_layout.addWidget(self.types_view)

        self.types_error = QLabel(self.types_group)
        self.types_error.setObjectName(u"types_error")
        self.types_error.setWordWrap(True)

        self.types_layout.addWidget(self.types_error)


        self.main_layout.addWidget(self.types_group)

        self.button_box = QDialogButtonBox(PracticeSettings)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.zone_label.setBuddy(self.zone_combo)
        self.notice_label.setBuddy(self.notice_spin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PracticeSettings)

        QMetaObject.connectSlotsByName(PracticeSettings)
    # setupUi

    def retranslateUi(self, PracticeSettings):
        PracticeSettings.setWindowTitle(QCoreApplication.translate("PracticeSettings", u"Practice settings", None))
        self.practice_group.setTitle(QCoreApplication.translate("PracticeSettings", u"Practice", None))
        self.name_label.setText(QCoreApplication.translate("PracticeSettings", u"&Name", None))
        self.zone_label.setText(QCoreApplication.translate("PracticeSettings", u"&Time zone", None))
#if QT_CONFIG(tooltip)
        self.zone_combo.setToolTip(QCoreApplication.translate("PracticeSettings", u"The practice's own time zone: the calendar and every due time use it, whatever this laptop's zone.", None))
#endif // QT_CONFIG(tooltip)
        self.days_label.setText(QCoreApplication.translate("PracticeSettings", u"Business days", None))
        self.notice_label.setText(QCoreApplication.translate("PracticeSettings", u"&Late cancellation", None))
        self.notice_spin.setPrefix(QCoreApplication.translate("PracticeSettings", u"within ", None))
        self.notice_spin.setSuffix(QCoreApplication.translate("PracticeSettings", u" hours of the visit", None))
        self.types_group.setTitle(QCoreApplication.translate("PracticeSettings", u"Appointment types", None))
    # retranslateUi
