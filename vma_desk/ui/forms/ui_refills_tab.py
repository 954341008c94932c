# Generated from forms/refills_tab.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'refills_tab.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QSplitter, QTableView,
    QToolButton, QVBoxLayout, QWidget)

class Ui_RefillsTab(object):
    def setupUi(self, RefillsTab):
        if not RefillsTab.objectName():
            RefillsTab.setObjectName(u"RefillsTab")
        RefillsTab.resize(1280, 720)
        self.tab_layout = QVBoxLayout(RefillsTab)
        self.tab_layout.setSpacing(4)
        self.tab_layout.setObjectName(u"tab_layout")
        self.tab_layout.setContentsMargins(6, 6, 6, 4)
        self.toolbar = QHBoxLayout()
        self.toolbar.setSpacing(4)
        self.toolbar.setObjectName(u"toolbar")
        self.new_request_button = QToolButton(RefillsTab)
        self.new_request_button.setObjectName(u"new_request_button")
        self.new_request_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.toolbar.addWidget(self.new_request_button)

        self.filter_label = QLabel(RefillsTab)
        self.filter_label.setObjectName(u"filter_label")

        self.toolbar.addWidget(self.filter_label)

        self.filter_combo = QComboBox(RefillsTab)
        self.filter_combo.setObjectName(u"filter_combo")
        self.filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.toolbar.addWidget(self.filter_combo)

        self.toolbar_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar.addItem(self.toolbar_spacer)


        self.tab_layout.addLayout(self.toolbar)

        self.splitter = QSplitter(RefillsTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.request_view = QTableView(self.splitter)
        self.request_view.setObjectName(u"request_view")
        self.splitter.addWidget(self.request_view)
        self.detail_scroll = QScrollArea(self.splitter)
        self.detail_scroll.setObjectName(u"detail_scroll")
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_scroll.setWidgetResizable(True)
        self.detail_panel = QWidget()
        self.detail_panel.setObjectName(u"detail_panel")
        self.detail_layout = QVBoxLayout(self.detail_panel)
        self.detail_layout.setSpacing(4)
        self.detail_layout.setObjectName(u"detail_layout")
        self.detail_layout.setContentsMargins(2, 6, 2, 0)
        self.title_row = QHBoxLayout()
        self.title_row.setSpacing(16)
        self.title_row.setObjectName(u"title_row")
        self.detail_title = QLabel(self.detail_panel)
        self.detail_title.setObjectName(u"detail_title")
        self.detail_title.setWordWrap(False)
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_title.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.title_row.addWidget(self.detail_title)

        self.due_label = QLabel(self.detail_panel)
        self.due_label.setObjectName(u"due_label")
        self.due_label.setWordWrap(False)
        self.due_label.setTextFormat(Qt.TextFormat.PlainText)
        self.due_label.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.title_row.addWidget(self.due_label)

        self.title_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.title_row.addItem(self.title_spacer)


        self.detail_layout.addLayout(self.title_row)

        self.steps_row = QHBoxLayout()
        self.steps_row.setSpacing(4)
        self.steps_row.setObjectName(u"steps_row")
        self.route_button = QPushButton(self.detail_panel)
        self.route_button.setObjectName(u"route_button")

        self.steps_row.addWidget(self.route_button)

        self.route_other_button = QPushButton(self.detail_panel)
        self.route_other_button.setObjectName(u"route_other_button")

        self.steps_row.addWidget(self.route_other_button)

        self.decision_button = QPushButton(self.detail_panel)
        self.decision_button.setObjectName(u"decision_button")

        self.steps_row.addWidget(self.decision_button)

        self.visit_button = QPushButton(self.detail_panel)
        self.visit_button.setObjectName(u"visit_button")

        self.steps_row.addWidget(self.visit_button)

        self.pharmacy_button = QPushButton(self.detail_panel)
        self.pharmacy_button.setObjectName(u"pharmacy_button")

        self.steps_row.addWidget(self.pharmacy_button)

        self.patient_button = QPushButton(self.detail_panel)
        self.patient_button.setObjectName(u"patient_button")

        self.steps_row.addWidget(self.patient_button)

        self.log_attempt_button = QPushButton(self.detail_panel)
        self.log_attempt_button.setObjectName(u"log_attempt_button")

        self.steps_row.addWidget(self.log_attempt_button)

        self.pickup_button = QPushButton(self.detail_panel)
        self.pickup_button.setObjectName(u"pickup_button")

        self.steps_row.addWidget(self.pickup_button)

        self.close_button = QPushButton(self.detail_panel)
        self.close_button.setObjectName(u"close_button")

        self.steps_row.addWidget(self.close_button)

        self.reopen_button = QPushButton(self.detail_panel)
        self.reopen_button.setObjectName(u"reopen_button")

        self.steps_row.addWidget(self.reopen_button)

        self.recheck_button = QPushButton(self.detail_panel)
        self.recheck_button.setObjectName(u"recheck_button")

        self.steps_row.addWidget(self.recheck_button)

        self.withdraw_button = QPushButton(self.detail_panel)
        self.withdraw_button.setObjectName(u"withdraw_button")

        self.steps_row.addWidget(self.withdraw_button)

        self.steps_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.steps_row.addItem(self.steps_spacer)


        self.detail_layout.addLayout(self.steps_row)

        self.step_error_label = QLabel(self.detail_panel)
        self.step_error_label.setObjectName(u"step_error_label")
        self.step_error_label.setWordWrap(True)
        self.step_error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.step_error_label.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.detail_layout.addWidget(self.step_error_label)

        self.detail_columns = QHBoxLayout()
        self.detail_columns.setSpacing(24)
        self.detail_columns.setObjectName(u"detail_columns")
        self.fields_column = QVBoxLayout()
        self.fields_column.setSpacing(4)
        self.fields_column.setObjectName(u"fields_column")
        self.fields_title = QLabel(self.detail_panel)
        self.fields_title.setObjectName(u"fields_title")

        self.fields_column.addWidget(self.fields_title)

        self.detail_label = QLabel(self.detail_panel)
        self.detail_label.setObjectName(u"detail_label")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.fields_column.addWidget(self.detail_label)

        self.fields_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.fields_column.addItem(self.fields_spacer)


        self.detail_columns.addLayout(self.fields_column)

        self.check_column = QVBoxLayout()
        self.check_column.setSpacing(4)
        self.check_column.setObjectName(u"check_column")
        self.check_title = QLabel(self.detail_panel)
        self.check_title.setObjectName(u"check_title")

        self.check_column.addWidget(self.check_title)

        self.check_label = QLabel(self.detail_panel)
        self.check_label.setObjectName(u"check_label")
        self.check_label.setWordWrap(True)
        self.check_label.setTextFormat(Qt.TextFormat.PlainText)
        self.check_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_label.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.check_column.addWidget(self.check_label)

        self.decision_title = QLabel(self.detail_panel)
        self.decision_title.setObjectName(u"decision_title")

        self.check_column.addWidget(self.decision_title)

        self.decision_label = QLabel(self.detail_panel)
        self.decision_label.setObjectName(u"decision_label")
        self.decision_label.setWordWrap(True)
        self.decision_label.setTextFormat(Qt.TextFormat.PlainText)
        self.decision_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.decision_label.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.check_column.addWidget(self.decision_label)

        self.notice_label = QLabel(self.detail_panel)
        self.notice_label.setObjectName(u"notice_label")
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.check_column.addWidget(self.notice_label)

        self.check_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.check_column.addItem(self.check_spacer)


        self.detail_columns.addLayout(self.check_column)

        self.steps_column = QVBoxLayout()
        self.steps_column.setSpacing(4)
        self.steps_column.setObjectName(u"steps_column")
        self.steps_title = QLabel(self.detail_panel)
        self.steps_title.setObjectName(u"steps_title")

        self.steps_column.addWidget(self.steps_title)

        self.timeline_label = QLabel(self.detail_panel)
        self.timeline_label.setObjectName(u"timeline_label")
        self.timeline_label.setWordWrap(True)
        self.timeline_label.setTextFormat(Qt.TextFormat.PlainText)
        self.timeline_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.timeline_label.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.steps_column.addWidget(self.timeline_label)

        self.steps_column_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.steps_column.addItem(self.steps_column_spacer)


        self.detail_columns.addLayout(self.steps_column)

        self.detail_columns.setStretch(0, 4)
        self.detail_columns.setStretch(1, 5)
        self.detail_columns.setStretch(2, 5)

        self.detail_layout.addLayout(self.detail_columns)

        self.detail_scroll.setWidget(self.detail_panel)
        self.splitter.addWidget(self.detail_scroll)

        self.tab_layout.addWidget(self.splitter)

        self.summary_label = QLabel(RefillsTab)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)

        self.tab_layout.addWidget(self.summary_label)

        self.tab_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.filter_label.setBuddy(self.filter_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.request_view, self.new_request_button)
        QWidget.setTabOrder(self.new_request_button, self.filter_combo)
        QWidget.setTabOrder(self.filter_combo, self.route_button)
        QWidget.setTabOrder(self.route_button, self.route_other_button)
        QWidget.setTabOrder(self.route_other_button, self.decision_button)
        QWidget.setTabOrder(self.decision_button, self.visit_button)
        QWidget.setTabOrder(self.visit_button, self.pharmacy_button)
        QWidget.setTabOrder(self.pharmacy_button, self.patient_button)
        QWidget.setTabOrder(self.patient_button, self.log_attempt_button)
        QWidget.setTabOrder(self.log_attempt_button, self.pickup_button)
        QWidget.setTabOrder(self.pickup_button, self.close_button)
        QWidget.setTabOrder(self.close_button, self.reopen_button)
        QWidget.setTabOrder(self.reopen_button, self.recheck_button)
        QWidget.setTabOrder(self.recheck_button, self.withdraw_button)

        self.retranslateUi(RefillsTab)

        QMetaObject.connectSlotsByName(RefillsTab)
    # setupUi

    def retranslateUi(self, RefillsTab):
        self.filter_label.setText(QCoreApplication.translate("RefillsTab", u"&Show:", None))
#if QT_CONFIG(tooltip)
        self.filter_combo.setToolTip(QCoreApplication.translate("RefillsTab", u"Which refill requests the list shows", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.request_view.setAccessibleName(QCoreApplication.translate("RefillsTab", u"Refill requests", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.due_label.setAccessibleName(QCoreApplication.translate("RefillsTab", u"When the request is due", None))
#endif // QT_CONFIG(accessibility)
        self.route_button.setText(QCoreApplication.translate("RefillsTab", u"&Route to prescriber", None))
        self.route_other_button.setText(QCoreApplication.translate("RefillsTab", u"Route to &another\u2026", None))
#if QT_CONFIG(tooltip)
        self.route_other_button.setToolTip(QCoreApplication.translate("RefillsTab", u"Route to a covering provider when the prescriber is away", None))
#endif // QT_CONFIG(tooltip)
        self.decision_button.setText(QCoreApplication.translate("RefillsTab", u"Record provider's &decision\u2026", None))
        self.visit_button.setText(QCoreApplication.translate("RefillsTab", u"&Book visit\u2026", None))
        self.pharmacy_button.setText(QCoreApplication.translate("RefillsTab", u"&Pharmacy notified", None))
        self.patient_button.setText(QCoreApplication.translate("RefillsTab", u"Pa&tient notified", None))
#if QT_CONFIG(tooltip)
        self.log_attempt_button.setToolTip(QCoreApplication.translate("RefillsTab", u"Log an attempt to tell the patient the decision: no answer, left voicemail, reached... (Ctrl+Shift+L)", None))
#endif // QT_CONFIG(tooltip)
        self.log_attempt_button.setText(QCoreApplication.translate("RefillsTab", u"Lo&g attempt\u2026", None))
        self.pickup_button.setText(QCoreApplication.translate("RefillsTab", u"Pic&kup confirmed", None))
        self.close_button.setText(QCoreApplication.translate("RefillsTab", u"C&lose", None))
#if QT_CONFIG(tooltip)
        self.reopen_button.setToolTip(QCoreApplication.translate("RefillsTab", u"Open the closed request again, with the reason (Ctrl+Shift+R)", None))
#endif // QT_CONFIG(tooltip)
        self.reopen_button.setText(QCoreApplication.translate("RefillsTab", u"Reo&pen\u2026", None))
        self.recheck_button.setText(QCoreApplication.translate("RefillsTab", u"Re-&check chart\u2026", None))
        self.withdraw_button.setText(QCoreApplication.translate("RefillsTab", u"&Withdraw\u2026", None))
        self.fields_title.setText(QCoreApplication.translate("RefillsTab", u"Request", None))
#if QT_CONFIG(accessibility)
        self.detail_label.setAccessibleName(QCoreApplication.translate("RefillsTab", u"The selected refill request", None))
#endif // QT_CONFIG(accessibility)
        self.check_title.setText(QCoreApplication.translate("RefillsTab", u"Chart check", None))
#if QT_CONFIG(accessibility)
        self.check_label.setAccessibleName(QCoreApplication.translate("RefillsTab", u"Chart check result and labs", None))
#endif // QT_CONFIG(accessibility)
        self.decision_title.setText(QCoreApplication.translate("RefillsTab", u"Provider's decision", None))
#if QT_CONFIG(accessibility)
        self.decision_label.setAccessibleName(QCoreApplication.translate("RefillsTab", u"The provider's decision", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.notice_label.setAccessibleName(QCoreApplication.translate("RefillsTab", u"Attempts to tell the patient the decision", None))
#endif // QT_CONFIG(accessibility)
        self.steps_title.setText(QCoreApplication.translate("RefillsTab", u"Steps", None))
#if QT_CONFIG(accessibility)
        self.timeline_label.setAccessibleName(QCoreApplication.translate("RefillsTab", u"Steps done, with who and when", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi
