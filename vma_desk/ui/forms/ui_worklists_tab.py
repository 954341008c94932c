# Generated from forms/worklists_tab.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'worklists_tab.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QSizePolicy,
    QSpacerItem, QTabWidget, QToolButton, QVBoxLayout,
    QWidget)

class Ui_WorklistsTab(object):
    def setupUi(self, WorklistsTab):
        if not WorklistsTab.objectName():
            WorklistsTab.setObjectName(u"WorklistsTab")
        WorklistsTab.resize(1280, 720)
        self.tab_layout = QVBoxLayout(WorklistsTab)
        self.tab_layout.setObjectName(u"tab_layout")
        self.box_row = QHBoxLayout()
        self.box_row.setObjectName(u"box_row")
        self.box_label = QLabel(WorklistsTab)
        self.box_label.setObjectName(u"box_label")
        self.box_label.setTextFormat(Qt.TextFormat.PlainText)

        self.box_row.addWidget(self.box_label)

        self.box_warning_label = QLabel(WorklistsTab)
        self.box_warning_label.setObjectName(u"box_warning_label")
        self.box_warning_label.setTextFormat(Qt.TextFormat.PlainText)

        self.box_row.addWidget(self.box_warning_label)

        self.box_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.box_row.addItem(self.box_spacer)

        self.box_checked_button = QToolButton(WorklistsTab)
        self.box_checked_button.setObjectName(u"box_checked_button")
        self.box_checked_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.box_row.addWidget(self.box_checked_button)

        self.new_voicemail_button = QToolButton(WorklistsTab)
        self.new_voicemail_button.setObjectName(u"new_voicemail_button")
        self.new_voicemail_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.box_row.addWidget(self.new_voicemail_button)


        self.tab_layout.addLayout(self.box_row)

        self.lists_tabs = QTabWidget(WorklistsTab)
        self.lists_tabs.setObjectName(u"lists_tabs")
        self.lists_tabs.setDocumentMode(True)

        self.tab_layout.addWidget(self.lists_tabs)

        self.actions_row = QHBoxLayout()
        self.actions_row.setObjectName(u"actions_row")
        self.log_button = QToolButton(WorklistsTab)
        self.log_button.setObjectName(u"log_button")
        self.log_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.actions_row.addWidget(self.log_button)

        self.book_button = QToolButton(WorklistsTab)
        self.book_button.setObjectName(u"book_button")
        self.book_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.actions_row.addWidget(self.book_button)

        self.done_button = QToolButton(WorklistsTab)
        self.done_button.setObjectName(u"done_button")
        self.done_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.actions_row.addWidget(self.done_button)

        self.close_button = QToolButton(WorklistsTab)
        self.close_button.setObjectName(u"close_button")
        self.close_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.actions_row.addWidget(self.close_button)

        self.open_button = QToolButton(WorklistsTab)
        self.open_button.setObjectName(u"open_button")
        self.open_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.actions_row.addWidget(self.open_button)

        self.step_error_label = QLabel(WorklistsTab)
        self.step_error_label.setObjectName(u"step_error_label")
        self.step_error_label.setWordWrap(True)
        self.step_error_label.setTextFormat(Qt.TextFormat.PlainText)

        self.actions_row.addWidget(self.step_error_label)

        self.actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions_row.addItem(self.actions_spacer)


        self.tab_layout.addLayout(self.actions_row)

        self.summary_label = QLabel(WorklistsTab)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)

        self.tab_layout.addWidget(self.summary_label)


        self.retranslateUi(WorklistsTab)

        QMetaObject.connectSlotsByName(WorklistsTab)
    # setupUi

    def retranslateUi(self, WorklistsTab):
        pass
    # retranslateUi
