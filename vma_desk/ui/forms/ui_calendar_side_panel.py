# Generated from forms/calendar_side_panel.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calendar_side_panel.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QLabel,
    QListView, QPushButton, QSizePolicy, QStackedWidget,
    QToolButton, QVBoxLayout, QWidget)

class Ui_SidePanel(object):
    def setupUi(self, SidePanel):
        if not SidePanel.objectName():
            SidePanel.setObjectName(u"SidePanel")
        SidePanel.resize(360, 600)
        self.side_layout = QVBoxLayout(SidePanel)
        self.side_layout.setObjectName(u"side_layout")
        self.side_layout.setContentsMargins(4, 0, 0, 0)
        self.panel_title_label = QLabel(SidePanel)
        self.panel_title_label.setObjectName(u"panel_title_label")

        self.side_layout.addWidget(self.panel_title_label)

        self.panel_stack = QStackedWidget(SidePanel)
        self.panel_stack.setObjectName(u"panel_stack")
        self.confirmations_page = QWidget()
        self.confirmations_page.setObjectName(u"confirmations_page")
        self.confirmations_page_layout = QVBoxLayout(self.confirmations_page)
        self.confirmations_page_layout.setObjectName(u"confirmations_page_layout")
        self.confirmations_page_layout.setContentsMargins(0, 0, 0, 0)
        self.confirmations_page_hint = QLabel(self.confirmations_page)
        self.confirmations_page_hint.setObjectName(u"confirmations_page_hint")
        self.confirmations_page_hint.setWordWrap(True)

        self.confirmations_page_layout.addWidget(self.confirmations_page_hint)

        self.confirmations_list = QListView(self.confirmations_page)
        self.confirmations_list.setObjectName(u"confirmations_list")
        self.confirmations_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.confirmations_list.setAlternatingRowColors(True)
        self.confirmations_list.setWordWrap(True)
        self.confirmations_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        self.confirmations_page_layout.addWidget(self.confirmations_list)

        self.panel_stack.addWidget(self.confirmations_page)
        self.eligibility_page = QWidget()
        self.eligibility_page.setObjectName(u"eligibility_page")
        self.eligibility_page_layout = QVBoxLayout(self.eligibility_page)
        self.eligibility_page_layout.setObjectName(u"eligibility_page_layout")
        self.eligibility_page_layout.setContentsMargins(0, 0, 0, 0)
        self.eligibility_page_hint = QLabel(self.eligibility_page)
        self.eligibility_page_hint.setObjectName(u"eligibility_page_hint")
        self.eligibility_page_hint.setWordWrap(True)

        self.eligibility_page_layout.addWidget(self.eligibility_page_hint)

        self.eligibility_list = QListView(self.eligibility_page)
        self.eligibility_list.setObjectName(u"eligibility_list")
        self.eligibility_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.eligibility_list.setAlternatingRowColors(True)
        self.eligibility_list.setWordWrap(True)
        self.eligibility_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        self.eligibility_page_layout.addWidget(self.eligibility_list)

        self.panel_stack.addWidget(self.eligibility_page)
        self.waitlist_page = QWidget()
        self.waitlist_page.setObjectName(u"waitlist_page")
        self.waitlist_page_layout = QVBoxLayout(self.waitlist_page)
        self.waitlist_page_layout.setObjectName(u"waitlist_page_layout")
        self.waitlist_page_layout.setContentsMargins(0, 0, 0, 0)
        self.waitlist_page_hint = QLabel(self.waitlist_page)
        self.waitlist_page_hint.setObjectName(u"waitlist_page_hint")
        self.waitlist_page_hint.setWordWrap(True)

        self.waitlist_page_layout.addWidget(self.waitlist_page_hint)

        self.waitlist_list = QListView(self.waitlist_page)
        self.waitlist_list.setObjectName(u"waitlist_list")
        self.waitlist_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.waitlist_list.setAlternatingRowColors(True)
        self.waitlist_list.setWordWrap(True)
        self.waitlist_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        self.waitlist_page_layout.addWidget(self.waitlist_list)

        self.waitlist_page_buttons = QHBoxLayout()
        self.waitlist_page_buttons.setObjectName(u"waitlist_page_buttons")
        self.add_waitlist_button = QPushButton(self.waitlist_page)
        self.add_waitlist_button.setObjectName(u"add_waitlist_button")
        self.add_waitlist_button.setAutoDefault(False)

        self.waitlist_page_buttons.addWidget(self.add_waitlist_button)

        self.book_waitlist_button = QPushButton(self.waitlist_page)
        self.book_waitlist_button.setObjectName(u"book_waitlist_button")
        self.book_waitlist_button.setAutoDefault(False)

        self.waitlist_page_buttons.addWidget(self.book_waitlist_button)

        self.remove_waitlist_button = QPushButton(self.waitlist_page)
        self.remove_waitlist_button.setObjectName(u"remove_waitlist_button")
        self.remove_waitlist_button.setAutoDefault(False)

        self.waitlist_page_buttons.addWidget(self.remove_waitlist_button)


        self.waitlist_page_layout.addLayout(self.waitlist_page_buttons)

        self.panel_stack.addWidget(self.waitlist_page)

        self.side_layout.addWidget(self.panel_stack)

        self.log_attempt_button = QToolButton(SidePanel)
        self.log_attempt_button.setObjectName(u"log_attempt_button")
        self.log_attempt_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.side_layout.addWidget(self.log_attempt_button)


        self.retranslateUi(SidePanel)

        QMetaObject.connectSlotsByName(SidePanel)
    # setupUi

    def retranslateUi(self, SidePanel):
        self.panel_title_label.setText(QCoreApplication.translate("SidePanel", u"Confirmations due", None))
        self.confirmations_page_hint.setText(QCoreApplication.translate("SidePanel", u"Visits 24-72 hours ahead not confirmed yet, with the prep to read out and the calls tried. Enter opens one to record the call; Ctrl+Shift+L logs an attempt.", None))
#if QT_CONFIG(accessibility)
        self.confirmations_list.setAccessibleName(QCoreApplication.translate("SidePanel", u"Confirmations due", None))
#endif // QT_CONFIG(accessibility)
        self.eligibility_page_hint.setText(QCoreApplication.translate("SidePanel", u"Visits 24-48 hours ahead whose insurance is not verified yet, with the calls tried. Enter opens one to record the result; Ctrl+Shift+L logs an attempt.", None))
#if QT_CONFIG(accessibility)
        self.eligibility_list.setAccessibleName(QCoreApplication.translate("SidePanel", u"Eligibility checks due", None))
#endif // QT_CONFIG(accessibility)
        self.waitlist_page_hint.setText(QCoreApplication.translate("SidePanel", u"Patients who want an earlier slot, longest waiting first. A freed slot is offered to them.", None))
#if QT_CONFIG(accessibility)
        self.waitlist_list.setAccessibleName(QCoreApplication.translate("SidePanel", u"Waitlist", None))
#endif // QT_CONFIG(accessibility)
        self.add_waitlist_button.setText(QCoreApplication.translate("SidePanel", u"&Add\u2026", None))
        self.book_waitlist_button.setText(QCoreApplication.translate("SidePanel", u"Find a slot\u2026", None))
        self.remove_waitlist_button.setText(QCoreApplication.translate("SidePanel", u"Remove", None))
        pass
    # retranslateUi
