# Generated from forms/search_dialog.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'search_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QLabel, QLineEdit,
    QListView, QSizePolicy, QVBoxLayout, QWidget)

class Ui_SearchDialog(object):
    def setupUi(self, SearchDialog):
        if not SearchDialog.objectName():
            SearchDialog.setObjectName(u"SearchDialog")
        SearchDialog.resize(720, 480)
        self.dialog_layout = QVBoxLayout(SearchDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.search_edit = QLineEdit(SearchDialog)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.dialog_layout.addWidget(self.search_edit)

        self.result_list = QListView(SearchDialog)
        self.result_list.setObjectName(u"result_list")
        self.result_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.dialog_layout.addWidget(self.result_list)

        self.status_label = QLabel(SearchDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.status_label)


        self.retranslateUi(SearchDialog)

        QMetaObject.connectSlotsByName(SearchDialog)
    # setupUi

    def retranslateUi(self, SearchDialog):
        SearchDialog.setWindowTitle(QCoreApplication.translate("SearchDialog", u"Search calls and messages", None))
#if QT_CONFIG(accessibility)
        self.search_edit.setAccessibleName(QCoreApplication.translate("SearchDialog", u"Search calls and messages", None))
#endif // QT_CONFIG(accessibility)
        self.search_edit.setPlaceholderText(QCoreApplication.translate("SearchDialog", u"A name, a phone number or words from the notes", None))
#if QT_CONFIG(accessibility)
        self.result_list.setAccessibleName(QCoreApplication.translate("SearchDialog", u"Matching calls and messages", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
