# Generated from forms/ehr_import.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'ehr_import.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDialog, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_EhrImport(object):
    def setupUi(self, EhrImport):
        if not EhrImport.objectName():
            EhrImport.setObjectName(u"EhrImport")
        EhrImport.resize(900, 600)
        self.import_layout = QVBoxLayout(EhrImport)
        self.import_layout.setObjectName(u"import_layout")
        self.about_label = QLabel(EhrImport)
        self.about_label.setObjectName(u"about_label")
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)
        self.about_label.setWordWrap(True)

        self.import_layout.addWidget(self.about_label)

        self.file_form = QFormLayout()
        self.file_form.setObjectName(u"file_form")
        self.file_label = QLabel(EhrImport)
        self.file_label.setObjectName(u"file_label")

        self.file_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.file_label)

        self.file_box = QHBoxLayout()
        self.file_box.setObjectName(u"file_box")
        self.file_edit = QLineEdit(EhrImport)
        self.file_edit.setObjectName(u"file_edit")

        self.file_box.addWidget(self.file_edit)

        self.browse_button = QPushButton(EhrImport)
        self.browse_button.setObjectName(u"browse_button")
        self.browse_button.setAutoDefault(False)

        self.file_box.addWidget(self.browse_button)


        self.file_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.file_box)

        self.format_label = QLabel(EhrImport)
        self.format_label.setObjectName(u"format_label")

        self.file_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.format_label)

        self.format_combo = QComboBox(EhrImport)
        self.format_combo.setObjectName(u"format_combo")

        self.file_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.format_combo)

        self.profile_label = QLabel(EhrImport)
        self.profile_label.setObjectName(u"profile_label")

        self.file_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.profile_label)

        self.profile_edit = QLineEdit(EhrImport)
        self.profile_edit.setObjectName(u"profile_edit")

        self.file_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.profile_edit)

        self.provider_label = QLabel(EhrImport)
        self.provider_label.setObjectName(u"provider_label")

        self.file_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.provider_label)

        self.provider_combo = QComboBox(EhrImport)
        self.provider_combo.setObjectName(u"provider_combo")

        self.file_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.provider_combo)

        self.add_providers_check = QCheckBox(EhrImport)
        self.add_providers_check.setObjectName(u"add_providers_check")

        self.file_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.add_providers_check)


        self.import_layout.addLayout(self.file_form)

        self.error_label = QLabel(EhrImport)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)

        self.import_layout.addWidget(self.error_label)

        self.summary_label = QLabel(EhrImport)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)

        self.import_layout.addWidget(self.summary_label)

        self.plan_table = QTableWidget(EhrImport)
        self.plan_table.setObjectName(u"plan_table")
        self.plan_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.plan_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.import_layout.addWidget(self.plan_table)

        self.hint_label = QLabel(EhrImport)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint_label.setWordWrap(True)

        self.import_layout.addWidget(self.hint_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.preview_button = QPushButton(EhrImport)
        self.preview_button.setObjectName(u"preview_button")
        self.preview_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.preview_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.import_button = QPushButton(EhrImport)
        self.import_button.setObjectName(u"import_button")
        self.import_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.import_button)

        self.close_button = QPushButton(EhrImport)
        self.close_button.setObjectName(u"close_button")
        self.close_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.close_button)


        self.import_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.file_label.setBuddy(self.file_edit)
        self.format_label.setBuddy(self.format_combo)
        self.profile_label.setBuddy(self.profile_edit)
        self.provider_label.setBuddy(self.provider_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EhrImport)

        QMetaObject.connectSlotsByName(EhrImport)
    # setupUi

    def retranslateUi(self, EhrImport):
        EhrImport.setWindowTitle(QCoreApplication.translate("EhrImport", u"Import from the EHR", None))
        self.about_label.setText(QCoreApplication.translate("EhrImport", u"Import the visits and patients the practice's EHR exported: FHIR R4 (.json), a CSV appointment report (under a mapping profile) or one provider's iCalendar feed (.ics). Preview first: nothing changes until Import.", None))
        self.file_label.setText(QCoreApplication.translate("EhrImport", u"&File:", None))
        self.browse_button.setText(QCoreApplication.translate("EhrImport", u"&Browse\u2026", None))
        self.format_label.setText(QCoreApplication.translate("EhrImport", u"F&ormat:", None))
        self.profile_label.setText(QCoreApplication.translate("EhrImport", u"CSV &profile:", None))
        self.profile_edit.setText(QCoreApplication.translate("EhrImport", u"generic", None))
        self.provider_label.setText(QCoreApplication.translate("EhrImport", u"Calendar of p&rovider:", None))
        self.add_providers_check.setText(QCoreApplication.translate("EhrImport", u"&Add practitioners the practice does not have as providers", None))
        self.hint_label.setText(QCoreApplication.translate("EhrImport", u"F5 preview \u00b7 Enter on an ambiguous patient chooses who it is \u00b7 Ctrl+Enter imports \u00b7 Esc closes", None))
        self.preview_button.setText(QCoreApplication.translate("EhrImport", u"Pre&view (F5)", None))
        self.import_button.setText(QCoreApplication.translate("EhrImport", u"&Import (Ctrl+Enter)", None))
        self.close_button.setText(QCoreApplication.translate("EhrImport", u"Close", None))
    # retranslateUi
