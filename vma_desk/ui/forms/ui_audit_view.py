# Generated from forms/audit_view.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'audit_view.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QTableView,
    QToolButton, QVBoxLayout, QWidget)

class Ui_AuditView(object):
    def setupUi(self, AuditView):
        if not AuditView.objectName():
            AuditView.setObjectName(u"AuditView")
        AuditView.resize(860, 480)
        self.view_layout = QVBoxLayout(AuditView)
        self.view_layout.setObjectName(u"view_layout")
        self.view_layout.setContentsMargins(0, 0, 0, 0)
        self.chain_label = QLabel(AuditView)
        self.chain_label.setObjectName(u"chain_label")
        self.chain_label.setWordWrap(True)
        self.chain_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.view_layout.addWidget(self.chain_label)

        self.top_row = QHBoxLayout()
        self.top_row.setObjectName(u"top_row")
        self.summary_label = QLabel(AuditView)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.top_row.addWidget(self.summary_label)

        self.export_button = QPushButton(AuditView)
        self.export_button.setObjectName(u"export_button")

        self.top_row.addWidget(self.export_button)

        self.refresh_button = QToolButton(AuditView)
        self.refresh_button.setObjectName(u"refresh_button")
        self.refresh_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.top_row.addWidget(self.refresh_button)

        self.top_row.setStretch(0, 1)

        self.view_layout.addLayout(self.top_row)

        self.table_view = QTableView(AuditView)
        self.table_view.setObjectName(u"table_view")
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.setAlternatingRowColors(True)
        self.table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setWordWrap(False)
        self.table_view.horizontalHeader().setStretchLastSection(True)
        self.table_view.verticalHeader().setVisible(False)

        self.view_layout.addWidget(self.table_view)


        self.retranslateUi(AuditView)

        QMetaObject.connectSlotsByName(AuditView)
    # setupUi

    def retranslateUi(self, AuditView):
        AuditView.setWindowTitle(QCoreApplication.translate("AuditView", u"Audit trail", None))
#if QT_CONFIG(accessibility)
        self.chain_label.setAccessibleName(QCoreApplication.translate("AuditView", u"Audit trail verification", None))
#endif // QT_CONFIG(accessibility)
        self.export_button.setText(QCoreApplication.translate("AuditView", u"Export CSV\u2026", None))
#if QT_CONFIG(tooltip)
        self.export_button.setToolTip(QCoreApplication.translate("AuditView", u"Write the entries of a period to a CSV file (readable by you only); the export is recorded in the audit trail", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.table_view.setAccessibleName(QCoreApplication.translate("AuditView", u"Audit trail", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
