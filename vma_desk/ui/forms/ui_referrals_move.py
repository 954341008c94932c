# Generated from forms/referrals_move.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'referrals_move.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QTimeEdit, QVBoxLayout,
    QWidget)

from vma_desk.ui.shared.widgets import DateEdit

class Ui_ReferralsMove(object):
    def setupUi(self, ReferralsMove):
        if not ReferralsMove.objectName():
            ReferralsMove.setObjectName(u"ReferralsMove")
        ReferralsMove.resize(520, 300)
        self.dialog_layout = QVBoxLayout(ReferralsMove)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.summary_label = QLabel(ReferralsMove)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.summary_label)

        self.explain_label = QLabel(ReferralsMove)
        self.explain_label.setObjectName(u"explain_label")
        self.explain_label.setTextFormat(Qt.TextFormat.PlainText)
        self.explain_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.explain_label)

        self.form_error_label = QLabel(ReferralsMove)
        self.form_error_label.setObjectName(u"form_error_label")

        self.dialog_layout.addWidget(self.form_error_label)

        self.move_form = QFormLayout()
        self.move_form.setObjectName(u"move_form")
        self.move_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.appointment_label = QLabel(ReferralsMove)
        self.appointment_label.setObjectName(u"appointment_label")

        self.move_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.appointment_label)

        self.appointment_box = QVBoxLayout()
        self.appointment_box.setSpacing(2)
        self.appointment_box.setObjectName(u"appointment_box")
        self.appointment_row = QHBoxLayout()
        self.appointment_row.setSpacing(6)
        self.appointment_row.setObjectName(u"appointment_row")
        self.appointment_date_edit = DateEdit(ReferralsMove)
        self.appointment_date_edit.setObjectName(u"appointment_date_edit")

        self.appointment_row.addWidget(self.appointment_date_edit)

        self.appointment_time_edit = QTimeEdit(ReferralsMove)
        self.appointment_time_edit.setObjectName(u"appointment_time_edit")

        self.appointment_row.addWidget(self.appointment_time_edit)

        self.zone_label = QLabel(ReferralsMove)
        self.zone_label.setObjectName(u"zone_label")
        self.zone_label.setTextFormat(Qt.TextFormat.PlainText)

        self.appointment_row.addWidget(self.zone_label)


        self.appointment_box.addLayout(self.appointment_row)

        self.appointment_error = QLabel(ReferralsMove)
        self.appointment_error.setObjectName(u"appointment_error")

        self.appointment_box.addWidget(self.appointment_error)


        self.move_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.appointment_box)

        self.note_label = QLabel(ReferralsMove)
        self.note_label.setObjectName(u"note_label")

        self.move_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_box = QVBoxLayout()
        self.note_box.setSpacing(2)
        self.note_box.setObjectName(u"note_box")
        self.note_edit = QPlainTextEdit(ReferralsMove)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setTabChangesFocus(True)

        self.note_box.addWidget(self.note_edit)

        self.note_error = QLabel(ReferralsMove)
        self.note_error.setObjectName(u"note_error")

        self.note_box.addWidget(self.note_error)


        self.move_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.note_box)


        self.dialog_layout.addLayout(self.move_form)

        self.move_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.move_spacer)

        self.button_box = QDialogButtonBox(ReferralsMove)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.appointment_label.setBuddy(self.appointment_date_edit)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.appointment_date_edit, self.appointment_time_edit)
        QWidget.setTabOrder(self.appointment_time_edit, self.note_edit)

        self.retranslateUi(ReferralsMove)

        QMetaObject.connectSlotsByName(ReferralsMove)
    # setupUi

    def retranslateUi(self, ReferralsMove):
        ReferralsMove.setWindowTitle(QCoreApplication.translate("ReferralsMove", u"Move referral", None))
        self.appointment_label.setText(QCoreApplication.translate("ReferralsMove", u"Specialist &visit:", None))
#if QT_CONFIG(tooltip)
        self.appointment_date_edit.setToolTip(QCoreApplication.translate("ReferralsMove", u"The specialist visit's day", None))
#endif // QT_CONFIG(tooltip)
        self.appointment_time_edit.setDisplayFormat(QCoreApplication.translate("ReferralsMove", u"h:mm AP", None))
        self.note_label.setText(QCoreApplication.translate("ReferralsMove", u"&Note:", None))
    # retranslateUi
