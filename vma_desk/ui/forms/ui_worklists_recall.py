# Generated from forms/worklists_recall.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'worklists_recall.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_WorklistsRecall(object):
    def setupUi(self, WorklistsRecall):
        if not WorklistsRecall.objectName():
            WorklistsRecall.setObjectName(u"WorklistsRecall")
        WorklistsRecall.resize(1200, 500)
        self.recall_layout = QVBoxLayout(WorklistsRecall)
        self.recall_layout.setObjectName(u"recall_layout")
        self.recall_layout.setContentsMargins(0, 4, 0, 0)
        self.filters_row = QHBoxLayout()
        self.filters_row.setObjectName(u"filters_row")
        self.gap_label = QLabel(WorklistsRecall)
        self.gap_label.setObjectName(u"gap_label")

        self.filters_row.addWidget(self.gap_label)

        self.gap_combo = QComboBox(WorklistsRecall)
        self.gap_combo.setObjectName(u"gap_combo")
        self.gap_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filters_row.addWidget(self.gap_combo)

        self.provider_label = QLabel(WorklistsRecall)
        self.provider_label.setObjectName(u"provider_label")

        self.filters_row.addWidget(self.provider_label)

        self.provider_combo = QComboBox(WorklistsRecall)
        self.provider_combo.setObjectName(u"provider_combo")
        self.provider_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filters_row.addWidget(self.provider_combo)

        self.attempts_label = QLabel(WorklistsRecall)
        self.attempts_label.setObjectName(u"attempts_label")

        self.filters_row.addWidget(self.attempts_label)

        self.attempts_combo = QComboBox(WorklistsRecall)
        self.attempts_combo.setObjectName(u"attempts_combo")
        self.attempts_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filters_row.addWidget(self.attempts_combo)

        self.contact_label = QLabel(WorklistsRecall)
        self.contact_label.setObjectName(u"contact_label")

        self.filters_row.addWidget(self.contact_label)

        self.contact_combo = QComboBox(WorklistsRecall)
        self.contact_combo.setObjectName(u"contact_combo")
        self.contact_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filters_row.addWidget(self.contact_combo)

        self.filters_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filters_row.addItem(self.filters_spacer)


        self.recall_layout.addLayout(self.filters_row)

        self.table_layout = QVBoxLayout()
        self.table_layout.setObjectName(u"table_layout")

        self.recall_layout.addLayout(self.table_layout)

        self.page_row = QHBoxLayout()
        self.page_row.setObjectName(u"page_row")
        self.shown_label = QLabel(WorklistsRecall)
        self.shown_label.setObjectName(u"shown_label")
        self.shown_label.setTextFormat(Qt.TextFormat.PlainText)

        self.page_row.addWidget(self.shown_label)

        self.more_button = QPushButton(WorklistsRecall)
        self.more_button.setObjectName(u"more_button")
        self.more_button.setAutoDefault(False)

        self.page_row.addWidget(self.more_button)

        self.page_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.page_row.addItem(self.page_spacer)


        self.recall_layout.addLayout(self.page_row)

#if QT_CONFIG(shortcut)
        self.gap_label.setBuddy(self.gap_combo)
        self.provider_label.setBuddy(self.provider_combo)
        self.attempts_label.setBuddy(self.attempts_combo)
        self.contact_label.setBuddy(self.contact_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.gap_combo, self.provider_combo)
        QWidget.setTabOrder(self.provider_combo, self.attempts_combo)
        QWidget.setTabOrder(self.attempts_combo, self.contact_combo)
        QWidget.setTabOrder(self.contact_combo, self.more_button)

        self.retranslateUi(WorklistsRecall)

        QMetaObject.connectSlotsByName(WorklistsRecall)
    # setupUi

    def retranslateUi(self, WorklistsRecall):
        self.gap_label.setText(QCoreApplication.translate("WorklistsRecall", u"&Gap:", None))
#if QT_CONFIG(tooltip)
        self.gap_combo.setToolTip(QCoreApplication.translate("WorklistsRecall", u"Only the patients due for this care gap", None))
#endif // QT_CONFIG(tooltip)
        self.provider_label.setText(QCoreApplication.translate("WorklistsRecall", u"&Seen last by:", None))
#if QT_CONFIG(tooltip)
        self.provider_combo.setToolTip(QCoreApplication.translate("WorklistsRecall", u"Only the patients whose last visit was with this provider", None))
#endif // QT_CONFIG(tooltip)
        self.attempts_label.setText(QCoreApplication.translate("WorklistsRecall", u"A&ttempts:", None))
#if QT_CONFIG(tooltip)
        self.attempts_combo.setToolTip(QCoreApplication.translate("WorklistsRecall", u"Only the patients with these recall calls", None))
#endif // QT_CONFIG(tooltip)
        self.contact_label.setText(QCoreApplication.translate("WorklistsRecall", u"Last &contact:", None))
#if QT_CONFIG(tooltip)
        self.contact_combo.setToolTip(QCoreApplication.translate("WorklistsRecall", u"Only the patients not contacted about their recall since then", None))
#endif // QT_CONFIG(tooltip)
        self.more_button.setText(QCoreApplication.translate("WorklistsRecall", u"Show 200 more (Alt+R)", None))
#if QT_CONFIG(tooltip)
        self.more_button.setToolTip(QCoreApplication.translate("WorklistsRecall", u"Add the next 200 patients to the list (Alt+R)", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi
