# Generated from forms/today_tab.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'today_tab.ui'
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

from vma_desk.ui.today.view import GroupTreeView

class Ui_TodayTab(object):
    def setupUi(self, TodayTab):
        if not TodayTab.objectName():
            TodayTab.setObjectName(u"TodayTab")
        TodayTab.resize(1366, 680)
        self.tab_layout = QVBoxLayout(TodayTab)
        self.tab_layout.setSpacing(4)
        self.tab_layout.setObjectName(u"tab_layout")
        self.tab_layout.setContentsMargins(6, 6, 6, 4)
        self.toolbar = QHBoxLayout()
        self.toolbar.setSpacing(4)
        self.toolbar.setObjectName(u"toolbar")
        self.previous_button = QToolButton(TodayTab)
        self.previous_button.setObjectName(u"previous_button")

        self.toolbar.addWidget(self.previous_button)

        self.today_button = QToolButton(TodayTab)
        self.today_button.setObjectName(u"today_button")

        self.toolbar.addWidget(self.today_button)

        self.next_button = QToolButton(TodayTab)
        self.next_button.setObjectName(u"next_button")

        self.toolbar.addWidget(self.next_button)

        self.date_label = QLabel(TodayTab)
        self.date_label.setObjectName(u"date_label")

        self.toolbar.addWidget(self.date_label)

        self.date_spacer = QSpacerItem(16, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.toolbar.addItem(self.date_spacer)

        self.provider_label = QLabel(TodayTab)
        self.provider_label.setObjectName(u"provider_label")

        self.toolbar.addWidget(self.provider_label)

        self.provider_combo = QComboBox(TodayTab)
        self.provider_combo.setObjectName(u"provider_combo")
        self.provider_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.toolbar.addWidget(self.provider_combo)

        self.toolbar_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar.addItem(self.toolbar_spacer)

        self.export_button = QPushButton(TodayTab)
        self.export_button.setObjectName(u"export_button")

        self.toolbar.addWidget(self.export_button)


        self.tab_layout.addLayout(self.toolbar)

        self.splitter = QSplitter(TodayTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.visits_panel = QWidget(self.splitter)
        self.visits_panel.setObjectName(u"visits_panel")
        self.visits_layout = QVBoxLayout(self.visits_panel)
        self.visits_layout.setSpacing(4)
        self.visits_layout.setObjectName(u"visits_layout")
        self.visits_layout.setContentsMargins(0, 0, 4, 0)
        self.visits_title = QLabel(self.visits_panel)
        self.visits_title.setObjectName(u"visits_title")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.visits_title.sizePolicy().hasHeightForWidth())
        self.visits_title.setSizePolicy(sizePolicy)

        self.visits_layout.addWidget(self.visits_title)

        self.visits_empty_label = QLabel(self.visits_panel)
        self.visits_empty_label.setObjectName(u"visits_empty_label")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.visits_empty_label.sizePolicy().hasHeightForWidth())
        self.visits_empty_label.setSizePolicy(sizePolicy1)
        self.visits_empty_label.setWordWrap(True)
        self.visits_empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.visits_empty_label.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.visits_layout.addWidget(self.visits_empty_label)

        self.visit_view = GroupTreeView(self.visits_panel)
        self.visit_view.setObjectName(u"visit_view")

        self.visits_layout.addWidget(self.visit_view)

        self.visits_layout.setStretch(2, 1)
        self.splitter.addWidget(self.visits_panel)
        self.due_panel = QWidget(self.splitter)
        self.due_panel.setObjectName(u"due_panel")
        self.due_layout = QVBoxLayout(self.due_panel)
        self.due_layout.setSpacing(4)
        self.due_layout.setObjectName(u"due_layout")
        self.due_layout.setContentsMargins(4, 0, 0, 0)
        self.due_title = QLabel(self.due_panel)
        self.due_title.setObjectName(u"due_title")
        sizePolicy.setHeightForWidth(self.due_title.sizePolicy().hasHeightForWidth())
        self.due_title.setSizePolicy(sizePolicy)

        self.due_layout.addWidget(self.due_title)

        self.due_empty_label = QLabel(self.due_panel)
        self.due_empty_label.setObjectName(u"due_empty_label")
        sizePolicy1.setHeightForWidth(self.due_empty_label.sizePolicy().hasHeightForWidth())
        self.due_empty_label.setSizePolicy(sizePolicy1)
        self.due_empty_label.setWordWrap(True)
        self.due_empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.due_empty_label.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.due_layout.addWidget(self.due_empty_label)

        self.due_view = GroupTreeView(self.due_panel)
        self.due_view.setObjectName(u"due_view")

        self.due_layout.addWidget(self.due_view)

        self.due_layout.setStretch(2, 1)
        self.splitter.addWidget(self.due_panel)

        self.tab_layout.addWidget(self.splitter)

        self.summary_label = QLabel(TodayTab)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)

        self.tab_layout.addWidget(self.summary_label)

        self.tab_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.provider_label.setBuddy(self.provider_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TodayTab)

        QMetaObject.connectSlotsByName(TodayTab)
    # setupUi

    def retranslateUi(self, TodayTab):
#if QT_CONFIG(accessibility)
        self.date_label.setAccessibleName(QCoreApplication.translate("TodayTab", u"Shown day", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.date_label.setToolTip(QCoreApplication.translate("TodayTab", u"The day shown, in the practice's time zone", None))
#endif // QT_CONFIG(tooltip)
        self.provider_label.setText(QCoreApplication.translate("TodayTab", u"&Provider:", None))
#if QT_CONFIG(tooltip)
        self.provider_combo.setToolTip(QCoreApplication.translate("TodayTab", u"Whose visits to show: every provider's, or one provider's", None))
#endif // QT_CONFIG(tooltip)
        self.export_button.setText(QCoreApplication.translate("TodayTab", u"&Export huddle sheet\u2026", None))
#if QT_CONFIG(tooltip)
        self.export_button.setToolTip(QCoreApplication.translate("TodayTab", u"The huddle sheet of the day shown as a PDF: one page per provider", None))
#endif // QT_CONFIG(tooltip)
        self.visits_title.setText(QCoreApplication.translate("TodayTab", u"Visits", None))
#if QT_CONFIG(accessibility)
        self.visit_view.setAccessibleName(QCoreApplication.translate("TodayTab", u"Visits of the day by provider", None))
#endif // QT_CONFIG(accessibility)
        self.due_title.setText(QCoreApplication.translate("TodayTab", u"Due today", None))
#if QT_CONFIG(accessibility)
        self.due_view.setAccessibleName(QCoreApplication.translate("TodayTab", u"Due rows by severity", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi
