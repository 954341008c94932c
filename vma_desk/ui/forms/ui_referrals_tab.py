# Generated from forms/referrals_tab.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'referrals_tab.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSplitter,
    QTabWidget, QTableView, QToolButton, QVBoxLayout,
    QWidget)

class Ui_ReferralsTab(object):
    def setupUi(self, ReferralsTab):
        if not ReferralsTab.objectName():
            ReferralsTab.setObjectName(u"ReferralsTab")
        ReferralsTab.resize(1280, 720)
        self.tab_layout = QVBoxLayout(ReferralsTab)
        self.tab_layout.setSpacing(4)
        self.tab_layout.setObjectName(u"tab_layout")
        self.tab_layout.setContentsMargins(6, 6, 6, 4)
        self.lists_tabs = QTabWidget(ReferralsTab)
        self.lists_tabs.setObjectName(u"lists_tabs")
        self.referrals_page = QWidget()
        self.referrals_page.setObjectName(u"referrals_page")
        self.referral_page_layout = QVBoxLayout(self.referrals_page)
        self.referral_page_layout.setSpacing(4)
        self.referral_page_layout.setObjectName(u"referral_page_layout")
        self.referral_page_layout.setContentsMargins(4, 6, 4, 0)
        self.referral_toolbar = QHBoxLayout()
        self.referral_toolbar.setSpacing(4)
        self.referral_toolbar.setObjectName(u"referral_toolbar")
        self.new_referral_button = QToolButton(self.referrals_page)
        self.new_referral_button.setObjectName(u"new_referral_button")
        self.new_referral_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.referral_toolbar.addWidget(self.new_referral_button)

        self.edit_referral_button = QToolButton(self.referrals_page)
        self.edit_referral_button.setObjectName(u"edit_referral_button")
        self.edit_referral_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.referral_toolbar.addWidget(self.edit_referral_button)

        self.told_button = QToolButton(self.referrals_page)
        self.told_button.setObjectName(u"told_button")
        self.told_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.referral_toolbar.addWidget(self.told_button)

        self.referral_filter_label = QLabel(self.referrals_page)
        self.referral_filter_label.setObjectName(u"referral_filter_label")

        self.referral_toolbar.addWidget(self.referral_filter_label)

        self.referral_filter_combo = QComboBox(self.referrals_page)
        self.referral_filter_combo.setObjectName(u"referral_filter_combo")
        self.referral_filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.referral_toolbar.addWidget(self.referral_filter_combo)

        self.referral_toolbar_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.referral_toolbar.addItem(self.referral_toolbar_spacer)


        self.referral_page_layout.addLayout(self.referral_toolbar)

        self.referral_splitter = QSplitter(self.referrals_page)
        self.referral_splitter.setObjectName(u"referral_splitter")
        self.referral_splitter.setOrientation(Qt.Orientation.Horizontal)
        self.referral_splitter.setChildrenCollapsible(False)
        self.referral_view = QTableView(self.referral_splitter)
        self.referral_view.setObjectName(u"referral_view")
        self.referral_splitter.addWidget(self.referral_view)
        self.referral_detail_scroll = QScrollArea(self.referral_splitter)
        self.referral_detail_scroll.setObjectName(u"referral_detail_scroll")
        self.referral_detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.referral_detail_scroll.setWidgetResizable(True)
        self.referral_detail_panel = QWidget()
        self.referral_detail_panel.setObjectName(u"referral_detail_panel")
        self.referral_detail_layout = QVBoxLayout(self.referral_detail_panel)
        self.referral_detail_layout.setObjectName(u"referral_detail_layout")
        self.referral_detail_layout.setContentsMargins(8, 0, 4, 0)
        self.referral_title = QLabel(self.referral_detail_panel)
        self.referral_title.setObjectName(u"referral_title")
        self.referral_title.setWordWrap(True)
        self.referral_title.setTextFormat(Qt.TextFormat.PlainText)

        self.referral_detail_layout.addWidget(self.referral_title)

        self.referral_flags_label = QLabel(self.referral_detail_panel)
        self.referral_flags_label.setObjectName(u"referral_flags_label")
        self.referral_flags_label.setWordWrap(True)
        self.referral_flags_label.setTextFormat(Qt.TextFormat.PlainText)

        self.referral_detail_layout.addWidget(self.referral_flags_label)

        self.referral_detail_label = QLabel(self.referral_detail_panel)
        self.referral_detail_label.setObjectName(u"referral_detail_label")
        self.referral_detail_label.setWordWrap(True)
        self.referral_detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.referral_detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.referral_detail_layout.addWidget(self.referral_detail_label)

        self.records_title = QLabel(self.referral_detail_panel)
        self.records_title.setObjectName(u"records_title")

        self.referral_detail_layout.addWidget(self.records_title)

        self.records_label = QLabel(self.referral_detail_panel)
        self.records_label.setObjectName(u"records_label")
        self.records_label.setWordWrap(True)
        self.records_label.setTextFormat(Qt.TextFormat.PlainText)

        self.referral_detail_layout.addWidget(self.records_label)

        self.history_title = QLabel(self.referral_detail_panel)
        self.history_title.setObjectName(u"history_title")

        self.referral_detail_layout.addWidget(self.history_title)

        self.history_label = QLabel(self.referral_detail_panel)
        self.history_label.setObjectName(u"history_label")
        self.history_label.setWordWrap(True)
        self.history_label.setTextFormat(Qt.TextFormat.PlainText)
        self.history_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.referral_detail_layout.addWidget(self.history_label)

        self.moves_grid = QGridLayout()
        self.moves_grid.setSpacing(4)
        self.moves_grid.setObjectName(u"moves_grid")
        self.send_button = QPushButton(self.referral_detail_panel)
        self.send_button.setObjectName(u"send_button")

        self.moves_grid.addWidget(self.send_button, 0, 0, 1, 1)

        self.schedule_button = QPushButton(self.referral_detail_panel)
        self.schedule_button.setObjectName(u"schedule_button")

        self.moves_grid.addWidget(self.schedule_button, 0, 1, 1, 1)

        self.seen_button = QPushButton(self.referral_detail_panel)
        self.seen_button.setObjectName(u"seen_button")

        self.moves_grid.addWidget(self.seen_button, 1, 0, 1, 1)

        self.report_button = QPushButton(self.referral_detail_panel)
        self.report_button.setObjectName(u"report_button")

        self.moves_grid.addWidget(self.report_button, 1, 1, 1, 1)

        self.close_button = QPushButton(self.referral_detail_panel)
        self.close_button.setObjectName(u"close_button")

        self.moves_grid.addWidget(self.close_button, 2, 0, 1, 1)

        self.unschedule_button = QPushButton(self.referral_detail_panel)
        self.unschedule_button.setObjectName(u"unschedule_button")

        self.moves_grid.addWidget(self.unschedule_button, 2, 1, 1, 1)

        self.cancel_button = QPushButton(self.referral_detail_panel)
        self.cancel_button.setObjectName(u"cancel_button")

        self.moves_grid.addWidget(self.cancel_button, 3, 0, 1, 1)

        self.decline_button = QPushButton(self.referral_detail_panel)
        self.decline_button.setObjectName(u"decline_button")

        self.moves_grid.addWidget(self.decline_button, 3, 1, 1, 1)

        self.override_close_button = QPushButton(self.referral_detail_panel)
        self.override_close_button.setObjectName(u"override_close_button")

        self.moves_grid.addWidget(self.override_close_button, 4, 0, 1, 1)

        self.reopen_button = QPushButton(self.referral_detail_panel)
        self.reopen_button.setObjectName(u"reopen_button")

        self.moves_grid.addWidget(self.reopen_button, 5, 0, 1, 1)


        self.referral_detail_layout.addLayout(self.moves_grid)

        self.move_error_label = QLabel(self.referral_detail_panel)
        self.move_error_label.setObjectName(u"move_error_label")
        self.move_error_label.setWordWrap(True)
        self.move_error_label.setTextFormat(Qt.TextFormat.PlainText)

        self.referral_detail_layout.addWidget(self.move_error_label)

        self.referral_detail_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.referral_detail_layout.addItem(self.referral_detail_spacer)

        self.referral_detail_scroll.setWidget(self.referral_detail_panel)
        self.referral_splitter.addWidget(self.referral_detail_scroll)

        self.referral_page_layout.addWidget(self.referral_splitter)

        self.referral_page_layout.setStretch(1, 1)
        self.lists_tabs.addTab(self.referrals_page, "")
        self.auths_page = QWidget()
        self.auths_page.setObjectName(u"auths_page")
        self.auth_page_layout = QVBoxLayout(self.auths_page)
        self.auth_page_layout.setSpacing(4)
        self.auth_page_layout.setObjectName(u"auth_page_layout")
        self.auth_page_layout.setContentsMargins(4, 6, 4, 0)
        self.auth_toolbar = QHBoxLayout()
        self.auth_toolbar.setSpacing(4)
        self.auth_toolbar.setObjectName(u"auth_toolbar")
        self.new_auth_button = QToolButton(self.auths_page)
        self.new_auth_button.setObjectName(u"new_auth_button")
        self.new_auth_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.auth_toolbar.addWidget(self.new_auth_button)

        self.update_auth_button = QToolButton(self.auths_page)
        self.update_auth_button.setObjectName(u"update_auth_button")
        self.update_auth_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.auth_toolbar.addWidget(self.update_auth_button)

        self.renew_auth_button = QToolButton(self.auths_page)
        self.renew_auth_button.setObjectName(u"renew_auth_button")
        self.renew_auth_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.auth_toolbar.addWidget(self.renew_auth_button)

        self.auth_filter_label = QLabel(self.auths_page)
        self.auth_filter_label.setObjectName(u"auth_filter_label")

        self.auth_toolbar.addWidget(self.auth_filter_label)

        self.auth_filter_combo = QComboBox(self.auths_page)
        self.auth_filter_combo.setObjectName(u"auth_filter_combo")
        self.auth_filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.auth_toolbar.addWidget(self.auth_filter_combo)

        self.auth_toolbar_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.auth_toolbar.addItem(self.auth_toolbar_spacer)


        self.auth_page_layout.addLayout(self.auth_toolbar)

        self.auth_splitter = QSplitter(self.auths_page)
        self.auth_splitter.setObjectName(u"auth_splitter")
        self.auth_splitter.setOrientation(Qt.Orientation.Horizontal)
        self.auth_splitter.setChildrenCollapsible(False)
        self.auth_view = QTableView(self.auth_splitter)
        self.auth_view.setObjectName(u"auth_view")
        self.auth_splitter.addWidget(self.auth_view)
        self.auth_detail_scroll = QScrollArea(self.auth_splitter)
        self.auth_detail_scroll.setObjectName(u"auth_detail_scroll")
        self.auth_detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.auth_detail_scroll.setWidgetResizable(True)
        self.auth_detail_panel = QWidget()
        self.auth_detail_panel.setObjectName(u"auth_detail_panel")
        self.auth_detail_layout = QVBoxLayout(self.auth_detail_panel)
        self.auth_detail_layout.setObjectName(u"auth_detail_layout")
        self.auth_detail_layout.setContentsMargins(8, 0, 4, 0)
        self.auth_title = QLabel(self.auth_detail_panel)
        self.auth_title.setObjectName(u"auth_title")
        self.auth_title.setWordWrap(True)
        self.auth_title.setTextFormat(Qt.TextFormat.PlainText)

        self.auth_detail_layout.addWidget(self.auth_title)

        self.auth_flags_label = QLabel(self.auth_detail_panel)
        self.auth_flags_label.setObjectName(u"auth_flags_label")
        self.auth_flags_label.setWordWrap(True)
        self.auth_flags_label.setTextFormat(Qt.TextFormat.PlainText)

        self.auth_detail_layout.addWidget(self.auth_flags_label)

        self.auth_detail_label = QLabel(self.auth_detail_panel)
        self.auth_detail_label.setObjectName(u"auth_detail_label")
        self.auth_detail_label.setWordWrap(True)
        self.auth_detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.auth_detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.auth_detail_layout.addWidget(self.auth_detail_label)

        self.auth_history_title = QLabel(self.auth_detail_panel)
        self.auth_history_title.setObjectName(u"auth_history_title")

        self.auth_detail_layout.addWidget(self.auth_history_title)

        self.auth_history_label = QLabel(self.auth_detail_panel)
        self.auth_history_label.setObjectName(u"auth_history_label")
        self.auth_history_label.setWordWrap(True)
        self.auth_history_label.setTextFormat(Qt.TextFormat.PlainText)
        self.auth_history_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.auth_detail_layout.addWidget(self.auth_history_label)

        self.auth_error_label = QLabel(self.auth_detail_panel)
        self.auth_error_label.setObjectName(u"auth_error_label")
        self.auth_error_label.setWordWrap(True)
        self.auth_error_label.setTextFormat(Qt.TextFormat.PlainText)

        self.auth_detail_layout.addWidget(self.auth_error_label)

        self.auth_detail_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.auth_detail_layout.addItem(self.auth_detail_spacer)

        self.auth_detail_scroll.setWidget(self.auth_detail_panel)
        self.auth_splitter.addWidget(self.auth_detail_scroll)

        self.auth_page_layout.addWidget(self.auth_splitter)

        self.auth_page_layout.setStretch(1, 1)
        self.lists_tabs.addTab(self.auths_page, "")

        self.tab_layout.addWidget(self.lists_tabs)

        self.summary_label = QLabel(ReferralsTab)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)

        self.tab_layout.addWidget(self.summary_label)

        self.tab_layout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.referral_filter_label.setBuddy(self.referral_filter_combo)
        self.auth_filter_label.setBuddy(self.auth_filter_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.lists_tabs, self.referral_view)
        QWidget.setTabOrder(self.referral_view, self.new_referral_button)
        QWidget.setTabOrder(self.new_referral_button, self.edit_referral_button)
        QWidget.setTabOrder(self.edit_referral_button, self.told_button)
        QWidget.setTabOrder(self.told_button, self.referral_filter_combo)
        QWidget.setTabOrder(self.referral_filter_combo, self.send_button)
        QWidget.setTabOrder(self.send_button, self.schedule_button)
        QWidget.setTabOrder(self.schedule_button, self.seen_button)
        QWidget.setTabOrder(self.seen_button, self.report_button)
        QWidget.setTabOrder(self.report_button, self.close_button)
        QWidget.setTabOrder(self.close_button, self.unschedule_button)
        QWidget.setTabOrder(self.unschedule_button, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.decline_button)
        QWidget.setTabOrder(self.decline_button, self.override_close_button)
        QWidget.setTabOrder(self.override_close_button, self.reopen_button)
        QWidget.setTabOrder(self.reopen_button, self.auth_view)
        QWidget.setTabOrder(self.auth_view, self.new_auth_button)
        QWidget.setTabOrder(self.new_auth_button, self.update_auth_button)
        QWidget.setTabOrder(self.update_auth_button, self.renew_auth_button)
        QWidget.setTabOrder(self.renew_auth_button, self.auth_filter_combo)

        self.retranslateUi(ReferralsTab)

        self.lists_tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ReferralsTab)
    # setupUi

    def retranslateUi(self, ReferralsTab):
        self.referral_filter_label.setText(QCoreApplication.translate("ReferralsTab", u"&Show:", None))
#if QT_CONFIG(tooltip)
        self.referral_filter_combo.setToolTip(QCoreApplication.translate("ReferralsTab", u"Which referrals the list shows", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.referral_view.setAccessibleName(QCoreApplication.translate("ReferralsTab", u"Referrals", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.referral_flags_label.setAccessibleName(QCoreApplication.translate("ReferralsTab", u"Why this referral stands out", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.referral_detail_label.setAccessibleName(QCoreApplication.translate("ReferralsTab", u"The selected referral", None))
#endif // QT_CONFIG(accessibility)
        self.records_title.setText(QCoreApplication.translate("ReferralsTab", u"Records sent", None))
#if QT_CONFIG(accessibility)
        self.records_label.setAccessibleName(QCoreApplication.translate("ReferralsTab", u"Records sent with the referral", None))
#endif // QT_CONFIG(accessibility)
        self.history_title.setText(QCoreApplication.translate("ReferralsTab", u"History", None))
#if QT_CONFIG(accessibility)
        self.history_label.setAccessibleName(QCoreApplication.translate("ReferralsTab", u"Each state change, with who and when", None))
#endif // QT_CONFIG(accessibility)
        self.send_button.setText(QCoreApplication.translate("ReferralsTab", u"&Send", None))
        self.schedule_button.setText(QCoreApplication.translate("ReferralsTab", u"Appointment s&cheduled\u2026", None))
        self.seen_button.setText(QCoreApplication.translate("ReferralsTab", u"S&een", None))
        self.report_button.setText(QCoreApplication.translate("ReferralsTab", u"&Report received", None))
        self.close_button.setText(QCoreApplication.translate("ReferralsTab", u"C&lose", None))
        self.unschedule_button.setText(QCoreApplication.translate("ReferralsTab", u"&Back to sent\u2026", None))
        self.cancel_button.setText(QCoreApplication.translate("ReferralsTab", u"Ca&ncel\u2026", None))
        self.decline_button.setText(QCoreApplication.translate("ReferralsTab", u"&Declined\u2026", None))
        self.override_close_button.setText(QCoreApplication.translate("ReferralsTab", u"Close &without report\u2026", None))
#if QT_CONFIG(tooltip)
        self.reopen_button.setToolTip(QCoreApplication.translate("ReferralsTab", u"Open the closed, cancelled or declined referral again, with the reason (Ctrl+Shift+R)", None))
#endif // QT_CONFIG(tooltip)
        self.reopen_button.setText(QCoreApplication.translate("ReferralsTab", u"Reo&pen\u2026", None))
        self.lists_tabs.setTabText(self.lists_tabs.indexOf(self.referrals_page), QCoreApplication.translate("ReferralsTab", u"Referrals", None))
        self.auth_filter_label.setText(QCoreApplication.translate("ReferralsTab", u"&Show:", None))
#if QT_CONFIG(tooltip)
        self.auth_filter_combo.setToolTip(QCoreApplication.translate("ReferralsTab", u"Which prior authorisations the list shows", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.auth_view.setAccessibleName(QCoreApplication.translate("ReferralsTab", u"Prior authorisations", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.auth_flags_label.setAccessibleName(QCoreApplication.translate("ReferralsTab", u"Why this authorisation stands out", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.auth_detail_label.setAccessibleName(QCoreApplication.translate("ReferralsTab", u"The selected prior authorisation", None))
#endif // QT_CONFIG(accessibility)
        self.auth_history_title.setText(QCoreApplication.translate("ReferralsTab", u"History", None))
#if QT_CONFIG(accessibility)
        self.auth_history_label.setAccessibleName(QCoreApplication.translate("ReferralsTab", u"Each status change, with who and when", None))
#endif // QT_CONFIG(accessibility)
        self.lists_tabs.setTabText(self.lists_tabs.indexOf(self.auths_page), QCoreApplication.translate("ReferralsTab", u"Prior authorisations", None))
        pass
    # retranslateUi
