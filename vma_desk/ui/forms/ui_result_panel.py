# Generated from forms/result_panel.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'result_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_ResultPanel(object):
    def setupUi(self, ResultPanel):
        if not ResultPanel.objectName():
            ResultPanel.setObjectName(u"ResultPanel")
        ResultPanel.resize(1200, 500)
        self.panel_layout = QVBoxLayout(ResultPanel)
        self.panel_layout.setObjectName(u"panel_layout")
        self.panel_layout.setContentsMargins(0, 4, 0, 0)
        self.buttons_row = QHBoxLayout()
        self.buttons_row.setObjectName(u"buttons_row")
        self.new_button = QPushButton(ResultPanel)
        self.new_button.setObjectName(u"new_button")
        self.new_button.setAutoDefault(False)

        self.buttons_row.addWidget(self.new_button)

        self.flagged_label = QLabel(ResultPanel)
        self.flagged_label.setObjectName(u"flagged_label")
        self.flagged_label.setTextFormat(Qt.TextFormat.PlainText)

        self.buttons_row.addWidget(self.flagged_label)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_row.addItem(self.buttons_spacer)


        self.panel_layout.addLayout(self.buttons_row)

        self.table_layout = QVBoxLayout()
        self.table_layout.setObjectName(u"table_layout")

        self.panel_layout.addLayout(self.table_layout)


        self.retranslateUi(ResultPanel)

        QMetaObject.connectSlotsByName(ResultPanel)
    # setupUi

    def retranslateUi(self, ResultPanel):
        self.new_button.setText(QCoreApplication.translate("ResultPanel", u"&New expected result\u2026", None))
#if QT_CONFIG(tooltip)
        self.new_button.setToolTip(QCoreApplication.translate("ResultPanel", u"Record a test a provider ordered, to track until the patient is told (Alt+N)", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi
