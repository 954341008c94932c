# Generated from forms/calls_tab.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calls_tab.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QHeaderView,
    QLabel, QSizePolicy, QSpacerItem, QSplitter,
    QTableView, QToolButton, QVBoxLayout, QWidget)

class Ui_CallsTab(object):
    def setupUi(self, CallsTab):
        if not CallsTab.objectName():
            CallsTab.setObjectName(u"CallsTab")
        CallsTab.resize(1280, 720)
        self.tab_layout = QVBoxLayout(CallsTab)
        self.tab_layout.setSpacing(4)
        self.tab_layout.setObjectName(u"tab_layout")
        self.tab_layout.setContentsMargins(6, 6, 6, 4)
        self.toolbar = QHBoxLayout()
        self.toolbar.setSpacing(4)
        self.toolbar.setObjectName(u"toolbar")
        self.log_call_button = QToolButton(CallsTab)
        self.log_call_button.setObjectName(u"log_call_button")
        self.log_call_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.toolbar.addWidget(self.log_call_button)

        self.message_button = QToolButton(CallsTab)
        self.message_button.setObjectName(u"message_button")
        self.message_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.toolbar.addWidget(self.message_button)

        self.book_button = QToolButton(CallsTab)
        self.book_button.setObjectName(u"book_button")
        self.book_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.toolbar.addWidget(self.book_button)

        self.refill_button = QToolButton(CallsTab)
        self.refill_button.setObjectName(u"refill_button")
        self.refill_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.toolbar.addWidget(self.refill_button)

        self.referral_button = QToolButton(CallsTab)
        self.referral_button.setObjectName(u"referral_button")
        self.referral_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.toolbar.addWidget(self.referral_button)

        self.actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar.addItem(self.actions_spacer)


        self.tab_layout.addLayout(self.toolbar)

        self.day_bar = QHBoxLayout()
        self.day_bar.setSpacing(4)
        self.day_bar.setObjectName(u"day_bar")
        self.previous_button = QToolButton(CallsTab)
        self.previous_button.setObjectName(u"previous_button")

        self.day_bar.addWidget(self.previous_button)

        self.today_button = QToolButton(CallsTab)
        self.today_button.setObjectName(u"today_button")

        self.day_bar.addWidget(self.today_button)

        self.next_button = QToolButton(CallsTab)
        self.next_button.setObjectName(u"next_button")

        self.day_bar.addWidget(self.next_button)

        self.date_label = QLabel(CallsTab)
        self.date_label.setObjectName(u"date_label")

        self.day_bar.addWidget(self.date_label)

        self.toolbar_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.day_bar.addItem(self.toolbar_spacer)

        self.reason_filter_label = QLabel(CallsTab)
        self.reason_filter_label.setObjectName(u"reason_filter_label")

        self.day_bar.addWidget(self.reason_filter_label)

        self.reason_filter_combo = QComboBox(CallsTab)
        self.reason_filter_combo.setObjectName(u"reason_filter_combo")
        self.reason_filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.day_bar.addWidget(self.reason_filter_combo)

        self.routed_filter_label = QLabel(CallsTab)
        self.routed_filter_label.setObjectName(u"routed_filter_label")

        self.day_bar.addWidget(self.routed_filter_label)

        self.routed_filter_combo = QComboBox(CallsTab)
        self.routed_filter_combo.setObjectName(u"routed_filter_combo")
        self.routed_filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.day_bar.addWidget(self.routed_filter_combo)


        self.tab_layout.addLayout(self.day_bar)

        self.splitter = QSplitter(CallsTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.call_view = QTableView(self.splitter)
        self.call_view.setObjectName(u"call_view")
        self.splitter.addWidget(self.call_view)
        self.detail_label = QLabel(self.splitter)
        self.detail_label.setObjectName(u"detail_label")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.splitter.addWidget(self.detail_label)

        self.tab_layout.addWidget(self.splitter)

        self.summary_label = QLabel(CallsTab)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)

        self.tab_layout.addWidget(self.summary_label)

        self.tab_layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.reason_filter_label.setBuddy(self.reason_filter_combo)
        self.routed_filter_label.setBuddy(self.routed_filter_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.call_view, self.log_call_button)
        QWidget.setTabOrder(self.log_call_button, self.message_button)
        QWidget.setTabOrder(self.message_button, self.book_button)
        QWidget.setTabOrder(self.book_button, self.refill_button)
        QWidget.setTabOrder(self.refill_button, self.referral_button)
        QWidget.setTabOrder(self.referral_button, self.previous_button)
        QWidget.setTabOrder(self.previous_button, self.today_button)
        QWidget.setTabOrder(self.today_button, self.next_button)
        QWidget.setTabOrder(self.next_button, self.reason_filter_combo)
        QWidget.setTabOrder(self.reason_filter_combo, self.routed_filter_combo)

        self.retranslateUi(CallsTab)

        QMetaObject.connectSlotsByName(CallsTab)
    # setupUi

    def retranslateUi(self, CallsTab):
#if QT_CONFIG(accessibility)
        self.date_label.setAccessibleName(QCoreApplication.translate("CallsTab", u"Shown day", None))
#endif // QT_CONFIG(accessibility)
        self.reason_filter_label.setText(QCoreApplication.translate("CallsTab", u"&Reason:", None))
#if QT_CONFIG(tooltip)
        self.reason_filter_combo.setToolTip(QCoreApplication.translate("CallsTab", u"Show only calls about this", None))
#endif // QT_CONFIG(tooltip)
        self.routed_filter_label.setText(QCoreApplication.translate("CallsTab", u"R&outed to:", None))
#if QT_CONFIG(tooltip)
        self.routed_filter_combo.setToolTip(QCoreApplication.translate("CallsTab", u"Show only calls routed to this person", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.call_view.setAccessibleName(QCoreApplication.translate("CallsTab", u"Calls of the day", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.detail_label.setAccessibleName(QCoreApplication.translate("CallsTab", u"The selected call", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi
