# Generated from forms/quick_open.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'quick_open.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QLabel, QLineEdit, QListView, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_QuickOpen(object):
    def setupUi(self, QuickOpen):
        if not QuickOpen.objectName():
            QuickOpen.setObjectName(u"QuickOpen")
        QuickOpen.resize(560, 420)
        self.dialog_layout = QVBoxLayout(QuickOpen)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.search_edit = QLineEdit(QuickOpen)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.dialog_layout.addWidget(self.search_edit)

        self.result_list = QListView(QuickOpen)
        self.result_list.setObjectName(u"result_list")
        self.result_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.result_list.setAlternatingRowColors(True)
        self.result_list.setUniformItemSizes(True)

        self.dialog_layout.addWidget(self.result_list)

        self.status_label = QLabel(QuickOpen)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.status_label)

        self.bottom_row = QHBoxLayout()
        self.bottom_row.setObjectName(u"bottom_row")
        self.new_patient_button = QPushButton(QuickOpen)
        self.new_patient_button.setObjectName(u"new_patient_button")
        self.new_patient_button.setAutoDefault(False)

        self.bottom_row.addWidget(self.new_patient_button)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottom_row.addItem(self.bottom_spacer)

        self.keys_label = QLabel(QuickOpen)
        self.keys_label.setObjectName(u"keys_label")

        self.bottom_row.addWidget(self.keys_label)


        self.dialog_layout.addLayout(self.bottom_row)


        self.retranslateUi(QuickOpen)

        QMetaObject.connectSlotsByName(QuickOpen)
    # setupUi

    def retranslateUi(self, QuickOpen):
        QuickOpen.setWindowTitle(QCoreApplication.translate("QuickOpen", u"Open patient", None))
        self.search_edit.setPlaceholderText(QCoreApplication.translate("QuickOpen", u"Last name, date of birth (MM/DD/YYYY) or phone number", None))
#if QT_CONFIG(accessibility)
        self.search_edit.setAccessibleName(QCoreApplication.translate("QuickOpen", u"Find patient", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.result_list.setAccessibleName(QCoreApplication.translate("QuickOpen", u"Matching patients", None))
#endif // QT_CONFIG(accessibility)
        self.new_patient_button.setText(QCoreApplication.translate("QuickOpen", u"&New patient\u2026", None))
        self.keys_label.setText(QCoreApplication.translate("QuickOpen", u"\u2191 \u2193 choose \u00b7 Enter opens \u00b7 Esc closes", None))
    # retranslateUi
