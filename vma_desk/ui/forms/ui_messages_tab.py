# Generated from forms/messages_tab.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'messages_tab.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTableView,
    QToolButton, QVBoxLayout, QWidget)

class Ui_MessagesTab(object):
    def setupUi(self, MessagesTab):
        if not MessagesTab.objectName():
            MessagesTab.setObjectName(u"MessagesTab")
        MessagesTab.resize(1280, 720)
        self.tab_layout = QVBoxLayout(MessagesTab)
        self.tab_layout.setSpacing(4)
        self.tab_layout.setObjectName(u"tab_layout")
        self.tab_layout.setContentsMargins(6, 6, 6, 4)
        self.toolbar = QHBoxLayout()
        self.toolbar.setSpacing(4)
        self.toolbar.setObjectName(u"toolbar")
        self.new_message_button = QToolButton(MessagesTab)
        self.new_message_button.setObjectName(u"new_message_button")
        self.new_message_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.toolbar.addWidget(self.new_message_button)

        self.filter_label = QLabel(MessagesTab)
        self.filter_label.setObjectName(u"filter_label")

        self.toolbar.addWidget(self.filter_label)

        self.filter_combo = QComboBox(MessagesTab)
        self.filter_combo.setObjectName(u"filter_combo")
        self.filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.toolbar.addWidget(self.filter_combo)

        self.toolbar_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar.addItem(self.toolbar_spacer)


        self.tab_layout.addLayout(self.toolbar)

        self.splitter = QSplitter(MessagesTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.message_view = QTableView(self.splitter)
        self.message_view.setObjectName(u"message_view")
        self.splitter.addWidget(self.message_view)
        self.detail_panel = QWidget(self.splitter)
        self.detail_panel.setObjectName(u"detail_panel")
        self.detail_layout = QVBoxLayout(self.detail_panel)
        self.detail_layout.setObjectName(u"detail_layout")
        self.detail_layout.setContentsMargins(8, 0, 0, 0)
        self.detail_title = QLabel(self.detail_panel)
        self.detail_title.setObjectName(u"detail_title")
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)

        self.detail_layout.addWidget(self.detail_title)

        self.detail_label = QLabel(self.detail_panel)
        self.detail_label.setObjectName(u"detail_label")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detail_layout.addWidget(self.detail_label)

        self.steps_title = QLabel(self.detail_panel)
        self.steps_title.setObjectName(u"steps_title")

        self.detail_layout.addWidget(self.steps_title)

        self.timeline_label = QLabel(self.detail_panel)
        self.timeline_label.setObjectName(u"timeline_label")
        self.timeline_label.setWordWrap(True)
        self.timeline_label.setTextFormat(Qt.TextFormat.PlainText)

        self.detail_layout.addWidget(self.timeline_label)

        self.by_row = QHBoxLayout()
        self.by_row.setObjectName(u"by_row")
        self.by_label = QLabel(self.detail_panel)
        self.by_label.setObjectName(u"by_label")

        self.by_row.addWidget(self.by_label)

        self.by_edit = QLineEdit(self.detail_panel)
        self.by_edit.setObjectName(u"by_edit")

        self.by_row.addWidget(self.by_edit)


        self.detail_layout.addLayout(self.by_row)

        self.steps_grid = QGridLayout()
        self.steps_grid.setSpacing(4)
        self.steps_grid.setObjectName(u"steps_grid")
        self.deliver_button = QPushButton(self.detail_panel)
        self.deliver_button.setObjectName(u"deliver_button")

        self.steps_grid.addWidget(self.deliver_button, 0, 0, 1, 1)

        self.acknowledge_button = QPushButton(self.detail_panel)
        self.acknowledge_button.setObjectName(u"acknowledge_button")

        self.steps_grid.addWidget(self.acknowledge_button, 0, 1, 1, 1)

        self.callback_button = QPushButton(self.detail_panel)
        self.callback_button.setObjectName(u"callback_button")

        self.steps_grid.addWidget(self.callback_button, 1, 0, 1, 1)

        self.close_button = QPushButton(self.detail_panel)
        self.close_button.setObjectName(u"close_button")

        self.steps_grid.addWidget(self.close_button, 1, 1, 1, 1)

        self.log_attempt_button = QPushButton(self.detail_panel)
        self.log_attempt_button.setObjectName(u"log_attempt_button")

        self.steps_grid.addWidget(self.log_attempt_button, 2, 0, 1, 1)

        self.reopen_button = QPushButton(self.detail_panel)
        self.reopen_button.setObjectName(u"reopen_button")

        self.steps_grid.addWidget(self.reopen_button, 2, 1, 1, 1)


        self.detail_layout.addLayout(self.steps_grid)

        self.step_error_label = QLabel(self.detail_panel)
        self.step_error_label.setObjectName(u"step_error_label")
        self.step_error_label.setWordWrap(True)
        self.step_error_label.setTextFormat(Qt.TextFormat.PlainText)

        self.detail_layout.addWidget(self.step_error_label)

        self.detail_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detail_layout.addItem(self.detail_spacer)

        self.splitter.addWidget(self.detail_panel)

        self.tab_layout.addWidget(self.splitter)

        self.summary_label = QLabel(MessagesTab)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)

        self.tab_layout.addWidget(self.summary_label)

        self.tab_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.filter_label.setBuddy(self.filter_combo)
        self.by_label.setBuddy(self.by_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.message_view, self.new_message_button)
        QWidget.setTabOrder(self.new_message_button, self.filter_combo)
        QWidget.setTabOrder(self.filter_combo, self.by_edit)
        QWidget.setTabOrder(self.by_edit, self.deliver_button)
        QWidget.setTabOrder(self.deliver_button, self.acknowledge_button)
        QWidget.setTabOrder(self.acknowledge_button, self.callback_button)
        QWidget.setTabOrder(self.callback_button, self.close_button)
        QWidget.setTabOrder(self.close_button, self.log_attempt_button)
        QWidget.setTabOrder(self.log_attempt_button, self.reopen_button)

        self.retranslateUi(MessagesTab)

        QMetaObject.connectSlotsByName(MessagesTab)
    # setupUi

    def retranslateUi(self, MessagesTab):
        self.filter_label.setText(QCoreApplication.translate("MessagesTab", u"&Show:", None))
#if QT_CONFIG(tooltip)
        self.filter_combo.setToolTip(QCoreApplication.translate("MessagesTab", u"Which messages the list shows", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.message_view.setAccessibleName(QCoreApplication.translate("MessagesTab", u"Messages", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.detail_label.setAccessibleName(QCoreApplication.translate("MessagesTab", u"The selected message", None))
#endif // QT_CONFIG(accessibility)
        self.steps_title.setText(QCoreApplication.translate("MessagesTab", u"Steps", None))
#if QT_CONFIG(accessibility)
        self.timeline_label.setAccessibleName(QCoreApplication.translate("MessagesTab", u"Steps done, with who and when", None))
#endif // QT_CONFIG(accessibility)
        self.by_label.setText(QCoreApplication.translate("MessagesTab", u"B&y:", None))
#if QT_CONFIG(tooltip)
        self.by_edit.setToolTip(QCoreApplication.translate("MessagesTab", u"Who did this step (recorded with its time)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.by_edit.setAccessibleName(QCoreApplication.translate("MessagesTab", u"Step done by", None))
#endif // QT_CONFIG(accessibility)
        self.deliver_button.setText(QCoreApplication.translate("MessagesTab", u"&Deliver", None))
        self.acknowledge_button.setText(QCoreApplication.translate("MessagesTab", u"&Acknowledge", None))
        self.callback_button.setText(QCoreApplication.translate("MessagesTab", u"Call&back done", None))
        self.close_button.setText(QCoreApplication.translate("MessagesTab", u"C&lose", None))
#if QT_CONFIG(tooltip)
        self.log_attempt_button.setToolTip(QCoreApplication.translate("MessagesTab", u"Log a callback attempt on the selected message: no answer, left voicemail, reached... (Ctrl+Shift+L)", None))
#endif // QT_CONFIG(tooltip)
        self.log_attempt_button.setText(QCoreApplication.translate("MessagesTab", u"Lo&g attempt\u2026", None))
#if QT_CONFIG(tooltip)
        self.reopen_button.setToolTip(QCoreApplication.translate("MessagesTab", u"Open the closed message again, with the reason (Ctrl+Shift+R)", None))
#endif // QT_CONFIG(tooltip)
        self.reopen_button.setText(QCoreApplication.translate("MessagesTab", u"&Reopen\u2026", None))
        pass
    # retranslateUi
