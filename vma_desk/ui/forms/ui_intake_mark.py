# Generated from forms/intake_mark.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'intake_mark.ui'
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
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_IntakeMark(object):
    def setupUi(self, IntakeMark):
        if not IntakeMark.objectName():
            IntakeMark.setObjectName(u"IntakeMark")
        IntakeMark.resize(640, 420)
        self.dialog_layout = QVBoxLayout(IntakeMark)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.about_label = QLabel(IntakeMark)
        self.about_label.setObjectName(u"about_label")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.about_label)

        self.form_error_label = QLabel(IntakeMark)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.items_label = QLabel(IntakeMark)
        self.items_label.setObjectName(u"items_label")

        self.dialog_layout.addWidget(self.items_label)

        self.items_table = QTableWidget(IntakeMark)
        self.items_table.setObjectName(u"items_table")

        self.dialog_layout.addWidget(self.items_table)

        self.item_error = QLabel(IntakeMark)
        self.item_error.setObjectName(u"item_error")

        self.dialog_layout.addWidget(self.item_error)

        self.steps_row = QHBoxLayout()
        self.steps_row.setObjectName(u"steps_row")
        self.channel_label = QLabel(IntakeMark)
        self.channel_label.setObjectName(u"channel_label")

        self.steps_row.addWidget(self.channel_label)

        self.channel_combo = QComboBox(IntakeMark)
        self.channel_combo.setObjectName(u"channel_combo")

        self.steps_row.addWidget(self.channel_combo)

        self.sent_button = QPushButton(IntakeMark)
        self.sent_button.setObjectName(u"sent_button")
        self.sent_button.setAutoDefault(False)

        self.steps_row.addWidget(self.sent_button)

        self.received_button = QPushButton(IntakeMark)
        self.received_button.setObjectName(u"received_button")
        self.received_button.setAutoDefault(False)

        self.steps_row.addWidget(self.received_button)

        self.reviewed_button = QPushButton(IntakeMark)
        self.reviewed_button.setObjectName(u"reviewed_button")
        self.reviewed_button.setAutoDefault(False)

        self.steps_row.addWidget(self.reviewed_button)

        self.steps_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.steps_row.addItem(self.steps_spacer)


        self.dialog_layout.addLayout(self.steps_row)

        self.hint_label = QLabel(IntakeMark)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.hint_label)

        self.button_box = QDialogButtonBox(IntakeMark)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.items_label.setBuddy(self.items_table)
        self.channel_label.setBuddy(self.channel_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.items_table, self.channel_combo)
        QWidget.setTabOrder(self.channel_combo, self.sent_button)
        QWidget.setTabOrder(self.sent_button, self.received_button)
        QWidget.setTabOrder(self.received_button, self.reviewed_button)

        self.retranslateUi(IntakeMark)

        QMetaObject.connectSlotsByName(IntakeMark)
    # setupUi

    def retranslateUi(self, IntakeMark):
        IntakeMark.setWindowTitle(QCoreApplication.translate("IntakeMark", u"Mark forms", None))
        self.items_label.setText(QCoreApplication.translate("IntakeMark", u"&Forms of the packet:", None))
        self.channel_label.setText(QCoreApplication.translate("IntakeMark", u"Sent &by:", None))
        self.sent_button.setText(QCoreApplication.translate("IntakeMark", u"Mark sent (Alt+S)", None))
        self.received_button.setText(QCoreApplication.translate("IntakeMark", u"Mark received (Alt+R)", None))
        self.reviewed_button.setText(QCoreApplication.translate("IntakeMark", u"Mark reviewed (Alt+V)", None))
        self.hint_label.setText(QCoreApplication.translate("IntakeMark", u"Arrows choose a form; Alt+S marks it sent (by the channel chosen, Alt+B), Alt+R received, Alt+V reviewed. Each step is saved at once; Enter or Esc closes. Only whether a form came back is kept here: its answers stay in the EHR or portal.", None))
    # retranslateUi
