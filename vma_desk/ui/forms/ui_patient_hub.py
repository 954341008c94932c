# Generated from forms/patient_hub.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'patient_hub.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_PatientHub(object):
    def setupUi(self, PatientHub):
        if not PatientHub.objectName():
            PatientHub.setObjectName(u"PatientHub")
        PatientHub.resize(1100, 620)
        self.hub_layout = QVBoxLayout(PatientHub)
        self.hub_layout.setObjectName(u"hub_layout")
        self.name_label = QLabel(PatientHub)
        self.name_label.setObjectName(u"name_label")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.hub_layout.addWidget(self.name_label)

        self.contact_label = QLabel(PatientHub)
        self.contact_label.setObjectName(u"contact_label")
        self.contact_label.setTextFormat(Qt.TextFormat.PlainText)
        self.contact_label.setWordWrap(True)
        self.contact_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.hub_layout.addWidget(self.contact_label)

        self.insurance_label = QLabel(PatientHub)
        self.insurance_label.setObjectName(u"insurance_label")
        self.insurance_label.setTextFormat(Qt.TextFormat.PlainText)
        self.insurance_label.setWordWrap(True)
        self.insurance_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.hub_layout.addWidget(self.insurance_label)

        self.gaps_label = QLabel(PatientHub)
        self.gaps_label.setObjectName(u"gaps_label")
        self.gaps_label.setTextFormat(Qt.TextFormat.PlainText)
        self.gaps_label.setWordWrap(True)
        self.gaps_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.hub_layout.addWidget(self.gaps_label)

        self.columns_layout = QHBoxLayout()
        self.columns_layout.setObjectName(u"columns_layout")
        self.visits_box = QVBoxLayout()
        self.visits_box.setObjectName(u"visits_box")
        self.visits_label = QLabel(PatientHub)
        self.visits_label.setObjectName(u"visits_label")

        self.visits_box.addWidget(self.visits_label)

        self.visits_list = QListWidget(PatientHub)
        self.visits_list.setObjectName(u"visits_list")
        self.visits_list.setWordWrap(True)
        self.visits_list.setUniformItemSizes(False)

        self.visits_box.addWidget(self.visits_list)


        self.columns_layout.addLayout(self.visits_box)

        self.loops_box = QVBoxLayout()
        self.loops_box.setObjectName(u"loops_box")
        self.loops_label = QLabel(PatientHub)
        self.loops_label.setObjectName(u"loops_label")

        self.loops_box.addWidget(self.loops_label)

        self.loops_list = QListWidget(PatientHub)
        self.loops_list.setObjectName(u"loops_list")
        self.loops_list.setWordWrap(True)
        self.loops_list.setUniformItemSizes(False)

        self.loops_box.addWidget(self.loops_list)


        self.columns_layout.addLayout(self.loops_box)

        self.contacts_box = QVBoxLayout()
        self.contacts_box.setObjectName(u"contacts_box")
        self.contacts_label = QLabel(PatientHub)
        self.contacts_label.setObjectName(u"contacts_label")

        self.contacts_box.addWidget(self.contacts_label)

        self.contacts_list = QListWidget(PatientHub)
        self.contacts_list.setObjectName(u"contacts_list")
        self.contacts_list.setWordWrap(True)
        self.contacts_list.setUniformItemSizes(False)

        self.contacts_box.addWidget(self.contacts_list)


        self.columns_layout.addLayout(self.contacts_box)


        self.hub_layout.addLayout(self.columns_layout)

        self.hint_label = QLabel(PatientHub)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.hub_layout.addWidget(self.hint_label)

        self.actions_layout = QHBoxLayout()
        self.actions_layout.setObjectName(u"actions_layout")
        self.book_button = QPushButton(PatientHub)
        self.book_button.setObjectName(u"book_button")
        self.book_button.setAutoDefault(False)

        self.actions_layout.addWidget(self.book_button)

        self.call_button = QPushButton(PatientHub)
        self.call_button.setObjectName(u"call_button")
        self.call_button.setAutoDefault(False)

        self.actions_layout.addWidget(self.call_button)

        self.message_button = QPushButton(PatientHub)
        self.message_button.setObjectName(u"message_button")
        self.message_button.setAutoDefault(False)

        self.actions_layout.addWidget(self.message_button)

        self.refill_button = QPushButton(PatientHub)
        self.refill_button.setObjectName(u"refill_button")
        self.refill_button.setAutoDefault(False)

        self.actions_layout.addWidget(self.refill_button)

        self.referral_button = QPushButton(PatientHub)
        self.referral_button.setObjectName(u"referral_button")
        self.referral_button.setAutoDefault(False)

        self.actions_layout.addWidget(self.referral_button)

        self.task_button = QPushButton(PatientHub)
        self.task_button.setObjectName(u"task_button")
        self.task_button.setAutoDefault(False)

        self.actions_layout.addWidget(self.task_button)

        self.edit_button = QPushButton(PatientHub)
        self.edit_button.setObjectName(u"edit_button")
        self.edit_button.setAutoDefault(False)

        self.actions_layout.addWidget(self.edit_button)

        self.actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions_layout.addItem(self.actions_spacer)

        self.close_button = QPushButton(PatientHub)
        self.close_button.setObjectName(u"close_button")
        self.close_button.setAutoDefault(False)

        self.actions_layout.addWidget(self.close_button)


        self.hub_layout.addLayout(self.actions_layout)

#if QT_CONFIG(shortcut)
        self.visits_label.setBuddy(self.visits_list)
        self.loops_label.setBuddy(self.loops_list)
        self.contacts_label.setBuddy(self.contacts_list)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PatientHub)

        QMetaObject.connectSlotsByName(PatientHub)
    # setupUi

    def retranslateUi(self, PatientHub):
        PatientHub.setWindowTitle(QCoreApplication.translate("PatientHub", u"Patient", None))
        self.visits_label.setText(QCoreApplication.translate("PatientHub", u"&Visits", None))
        self.loops_label.setText(QCoreApplication.translate("PatientHub", u"&Open loops", None))
        self.contacts_label.setText(QCoreApplication.translate("PatientHub", u"Last con&tacts", None))
        self.book_button.setText(QCoreApplication.translate("PatientHub", u"&Book\u2026", None))
        self.call_button.setText(QCoreApplication.translate("PatientHub", u"Log a &call\u2026", None))
        self.message_button.setText(QCoreApplication.translate("PatientHub", u"Take a &message\u2026", None))
        self.refill_button.setText(QCoreApplication.translate("PatientHub", u"Re&fill request\u2026", None))
        self.referral_button.setText(QCoreApplication.translate("PatientHub", u"Refe&rral\u2026", None))
        self.task_button.setText(QCoreApplication.translate("PatientHub", u"Add a ta&sk\u2026", None))
        self.edit_button.setText(QCoreApplication.translate("PatientHub", u"&Edit demographics\u2026", None))
        self.close_button.setText(QCoreApplication.translate("PatientHub", u"Close", None))
    # retranslateUi
