# Generated from forms/calendar_tab.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calendar_tab.ui'
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
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QToolButton, QVBoxLayout, QWidget)

from vma_desk.ui.calendar.panels import SidePanel
from vma_desk.ui.calendar.view import ScheduleView

class Ui_CalendarTab(object):
    def setupUi(self, CalendarTab):
        if not CalendarTab.objectName():
            CalendarTab.setObjectName(u"CalendarTab")
        CalendarTab.resize(1280, 720)
        self.tab_layout = QVBoxLayout(CalendarTab)
        self.tab_layout.setSpacing(4)
        self.tab_layout.setObjectName(u"tab_layout")
        self.tab_layout.setContentsMargins(6, 6, 6, 4)
        self.toolbar = QHBoxLayout()
        self.toolbar.setSpacing(4)
        self.toolbar.setObjectName(u"toolbar")
        self.day_button = QToolButton(CalendarTab)
        self.day_button.setObjectName(u"day_button")
        self.day_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.day_button.setCheckable(True)
        self.day_button.setAutoExclusive(True)

        self.toolbar.addWidget(self.day_button)

        self.week_button = QToolButton(CalendarTab)
        self.week_button.setObjectName(u"week_button")
        self.week_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.week_button.setCheckable(True)
        self.week_button.setAutoExclusive(True)

        self.toolbar.addWidget(self.week_button)

        self.providers_button = QToolButton(CalendarTab)
        self.providers_button.setObjectName(u"providers_button")
        self.providers_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.providers_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.toolbar.addWidget(self.providers_button)

        self.previous_button = QToolButton(CalendarTab)
        self.previous_button.setObjectName(u"previous_button")

        self.toolbar.addWidget(self.previous_button)

        self.today_button = QToolButton(CalendarTab)
        self.today_button.setObjectName(u"today_button")

        self.toolbar.addWidget(self.today_button)

        self.next_button = QToolButton(CalendarTab)
        self.next_button.setObjectName(u"next_button")

        self.toolbar.addWidget(self.next_button)

        self.date_label = QLabel(CalendarTab)
        self.date_label.setObjectName(u"date_label")

        self.toolbar.addWidget(self.date_label)

        self.toolbar_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar.addItem(self.toolbar_spacer)

        self.find_slot_button = QPushButton(CalendarTab)
        self.find_slot_button.setObjectName(u"find_slot_button")

        self.toolbar.addWidget(self.find_slot_button)

        self.waitlist_button = QToolButton(CalendarTab)
        self.waitlist_button.setObjectName(u"waitlist_button")
        self.waitlist_button.setCheckable(True)
        self.waitlist_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.toolbar.addWidget(self.waitlist_button)

        self.worklist_combo = QComboBox(CalendarTab)
        self.worklist_combo.setObjectName(u"worklist_combo")
        self.worklist_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.toolbar.addWidget(self.worklist_combo)


        self.tab_layout.addLayout(self.toolbar)

        self.splitter = QSplitter(CalendarTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.schedule_view = ScheduleView(self.splitter)
        self.schedule_view.setObjectName(u"schedule_view")
        self.splitter.addWidget(self.schedule_view)
        self.side_panel = SidePanel(self.splitter)
        self.side_panel.setObjectName(u"side_panel")
        self.splitter.addWidget(self.side_panel)

        self.tab_layout.addWidget(self.splitter)

        self.summary_label = QLabel(CalendarTab)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.tab_layout.addWidget(self.summary_label)

        self.tab_layout.setStretch(1, 1)
        QWidget.setTabOrder(self.schedule_view, self.day_button)
        QWidget.setTabOrder(self.day_button, self.week_button)
        QWidget.setTabOrder(self.week_button, self.providers_button)
        QWidget.setTabOrder(self.providers_button, self.previous_button)
        QWidget.setTabOrder(self.previous_button, self.today_button)
        QWidget.setTabOrder(self.today_button, self.next_button)
        QWidget.setTabOrder(self.next_button, self.find_slot_button)
        QWidget.setTabOrder(self.find_slot_button, self.waitlist_button)
        QWidget.setTabOrder(self.waitlist_button, self.worklist_combo)
        QWidget.setTabOrder(self.worklist_combo, self.side_panel)

        self.retranslateUi(CalendarTab)

        QMetaObject.connectSlotsByName(CalendarTab)
    # setupUi

    def retranslateUi(self, CalendarTab):
        self.day_button.setText(QCoreApplication.translate("CalendarTab", u"&Day", None))
#if QT_CONFIG(tooltip)
        self.day_button.setToolTip(QCoreApplication.translate("CalendarTab", u"One day, the chosen providers side by side", None))
#endif // QT_CONFIG(tooltip)
        self.week_button.setText(QCoreApplication.translate("CalendarTab", u"&Week", None))
#if QT_CONFIG(tooltip)
        self.week_button.setToolTip(QCoreApplication.translate("CalendarTab", u"The practice's business days of the week", None))
#endif // QT_CONFIG(tooltip)
        self.providers_button.setText(QCoreApplication.translate("CalendarTab", u"Providers", None))
#if QT_CONFIG(tooltip)
        self.providers_button.setToolTip(QCoreApplication.translate("CalendarTab", u"Whose schedules to show", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.date_label.setAccessibleName(QCoreApplication.translate("CalendarTab", u"Shown dates", None))
#endif // QT_CONFIG(accessibility)
        self.find_slot_button.setText(QCoreApplication.translate("CalendarTab", u"&Find slot\u2026", None))
#if QT_CONFIG(tooltip)
        self.find_slot_button.setToolTip(QCoreApplication.translate("CalendarTab", u"Find the next open slot and book it", None))
#endif // QT_CONFIG(tooltip)
        self.waitlist_button.setText(QCoreApplication.translate("CalendarTab", u"Wait&list", None))
#if QT_CONFIG(tooltip)
        self.waitlist_button.setToolTip(QCoreApplication.translate("CalendarTab", u"Show the waitlist (ASAP list) beside the schedule", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.worklist_combo.setAccessibleName(QCoreApplication.translate("CalendarTab", u"Worklist", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.worklist_combo.setToolTip(QCoreApplication.translate("CalendarTab", u"Which worklist the side panel shows", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi
