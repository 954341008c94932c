# Generated from forms/refills_route.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'refills_route.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_RefillsRoute(object):
    def setupUi(self, RefillsRoute):
        if not RefillsRoute.objectName():
            RefillsRoute.setObjectName(u"RefillsRoute")
        RefillsRoute.resize(520, 200)
        self.dialog_layout = QVBoxLayout(RefillsRoute)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.about_label = QLabel(RefillsRoute)
        self.about_label.setObjectName(u"about_label")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)

        self.dialog_layout.addWidget(self.about_label)

        self.form_error_label = QLabel(RefillsRoute)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.route_form = QFormLayout()
        self.route_form.setObjectName(u"route_form")
        self.route_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.provider_label = QLabel(RefillsRoute)
        self.provider_label.setObjectName(u"provider_label")

        self.route_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.provider_label)

        self.provider_box = QVBoxLayout()
        self.provider_box.setSpacing(2)
        self.provider_box.setObjectName(u"provider_box")
        self.provider_combo = QComboBox(RefillsRoute)
        self.provider_combo.setObjectName(u"provider_combo")

        self.provider_box.addWidget(self.provider_combo)

        self.provider_error = QLabel(RefillsRoute)
        self.provider_error.setObjectName(u"provider_error")

        self.provider_box.addWidget(self.provider_error)


        self.route_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.provider_box)


        self.dialog_layout.addLayout(self.route_form)

        self.button_box = QDialogButtonBox(RefillsRoute)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.provider_label.setBuddy(self.provider_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RefillsRoute)

        QMetaObject.connectSlotsByName(RefillsRoute)
    # setupUi

    def retranslateUi(self, RefillsRoute):
        RefillsRoute.setWindowTitle(QCoreApplication.translate("RefillsRoute", u"Route the refill request to another provider", None))
        self.provider_label.setText(QCoreApplication.translate("RefillsRoute", u"&Provider:", None))
    # retranslateUi
