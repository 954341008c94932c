# Generated from forms/preferences.ui by scripts/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'preferences.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTabWidget, QVBoxLayout, QWidget)

class Ui_Preferences(object):
    def setupUi(self, Preferences):
        if not Preferences.objectName():
            Preferences.setObjectName(u"Preferences")
        Preferences.resize(560, 460)
        self.main_layout = QVBoxLayout(Preferences)
        self.main_layout.setObjectName(u"main_layout")
        self.pages = QTabWidget(Preferences)
        self.pages.setObjectName(u"pages")
        self.general_page = QWidget()
        self.general_page.setObjectName(u"general_page")
        self.general_layout = QVBoxLayout(self.general_page)
        self.general_layout.setObjectName(u"general_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.autolock_label = QLabel(self.general_page)
        self.autolock_label.setObjectName(u"autolock_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.autolock_label)

        self.autolock_spin = QSpinBox(self.general_page)
        self.autolock_spin.setObjectName(u"autolock_spin")
        self.autolock_spin.setMinimum(1)
        self.autolock_spin.setMaximum(120)
        self.autolock_spin.setValue(10)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.autolock_spin)


        self.general_layout.addLayout(self.form_layout)

        self.silent_start_check = QCheckBox(self.general_page)
        self.silent_start_check.setObjectName(u"silent_start_check")

        self.general_layout.addWidget(self.silent_start_check)

        self.note_label = QLabel(self.general_page)
        self.note_label.setObjectName(u"note_label")
        self.note_label.setWordWrap(True)

        self.general_layout.addWidget(self.note_label)

        self.general_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.general_layout.addItem(self.general_spacer)

        self.pages.addTab(self.general_page, "")
        self.backups_page = QWidget()
        self.backups_page.setObjectName(u"backups_page")
        self.backups_layout = QVBoxLayout(self.backups_page)
        self.backups_layout.setObjectName(u"backups_layout")
        self.backup_intro_label = QLabel(self.backups_page)
        self.backup_intro_label.setObjectName(u"backup_intro_label")
        self.backup_intro_label.setWordWrap(True)

        self.backups_layout.addWidget(self.backup_intro_label)

        self.backup_form = QFormLayout()
        self.backup_form.setObjectName(u"backup_form")
        self.backup_folder_label = QLabel(self.backups_page)
        self.backup_folder_label.setObjectName(u"backup_folder_label")

        self.backup_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.backup_folder_label)

        self.backup_folder_row = QHBoxLayout()
        self.backup_folder_row.setObjectName(u"backup_folder_row")
        self.backup_folder_edit = QLineEdit(self.backups_page)
        self.backup_folder_edit.setObjectName(u"backup_folder_edit")
        self.backup_folder_edit.setClearButtonEnabled(True)

        self.backup_folder_row.addWidget(self.backup_folder_edit)

        self.backup_choose_button = QPushButton(self.backups_page)
        self.backup_choose_button.setObjectName(u"backup_choose_button")
        self.backup_choose_button.setAutoDefault(False)

        self.backup_folder_row.addWidget(self.backup_choose_button)


        self.backup_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.backup_folder_row)

        self.backup_folder_error = QLabel(self.backups_page)
        self.backup_folder_error.setObjectName(u"backup_folder_error")
        self.backup_folder_error.setWordWrap(True)

        self.backup_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.backup_folder_error)

        self.backup_folder_note = QLabel(self.backups_page)
        self.backup_folder_note.setObjectName(u"backup_folder_note")
        self.backup_folder_note.setWordWrap(True)

        self.backup_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.backup_folder_note)

        self.backup_when_label = QLabel(self.backups_page)
        self.backup_when_label.setObjectName(u"backup_when_label")

        self.backup_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.backup_when_label)

        self.backup_when_column = QVBoxLayout()
        self.backup_when_column.setObjectName(u"backup_when_column")
        self.backup_sign_in_check = QCheckBox(self.backups_page)
        self.backup_sign_in_check.setObjectName(u"backup_sign_in_check")
        self.backup_sign_in_check.setChecked(True)

        self.backup_when_column.addWidget(self.backup_sign_in_check)

        self.backup_close_check = QCheckBox(self.backups_page)
        self.backup_close_check.setObjectName(u"backup_close_check")
        self.backup_close_check.setChecked(True)

        self.backup_when_column.addWidget(self.backup_close_check)


        self.backup_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.backup_when_column)

        self.keep_label = QLabel(self.backups_page)
        self.keep_label.setObjectName(u"keep_label")

        self.backup_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.keep_label)

        self.keep_row = QHBoxLayout()
        self.keep_row.setObjectName(u"keep_row")
        self.keep_daily_spin = QSpinBox(self.backups_page)
        self.keep_daily_spin.setObjectName(u"keep_daily_spin")
        self.keep_daily_spin.setMaximum(1000)
        self.keep_daily_spin.setValue(7)

        self.keep_row.addWidget(self.keep_daily_spin)

        self.keep_weekly_spin = QSpinBox(self.backups_page)
        self.keep_weekly_spin.setObjectName(u"keep_weekly_spin")
        self.keep_weekly_spin.setMaximum(1000)
        self.keep_weekly_spin.setValue(4)

        self.keep_row.addWidget(self.keep_weekly_spin)

        self.keep_monthly_spin = QSpinBox(self.backups_page)
        self.keep_monthly_spin.setObjectName(u"keep_monthly_spin")
        self.keep_monthly_spin.setMaximum(1000)
        self.keep_monthly_spin.setValue(12)

        self.keep_row.addWidget(self.keep_monthly_spin)

        self.keep_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.keep_row.addItem(self.keep_spacer)


        self.backup_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.keep_row)

        self.keep_note = QLabel(self.backups_page)
        self.keep_note.setObjectName(u"keep_note")
        self.keep_note.setWordWrap(True)

        self.backup_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.keep_note)

        self.stale_label = QLabel(self.backups_page)
        self.stale_label.setObjectName(u"stale_label")

        self.backup_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.stale_label)

        self.stale_spin = QSpinBox(self.backups_page)
        self.stale_spin.setObjectName(u"stale_spin")
        self.stale_spin.setMinimum(1)
        self.stale_spin.setMaximum(90)
        self.stale_spin.setValue(2)

        self.backup_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.stale_spin)

        self.stale_error = QLabel(self.backups_page)
        self.stale_error.setObjectName(u"stale_error")
        self.stale_error.setWordWrap(True)

        self.backup_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.stale_error)


        self.backups_layout.addLayout(self.backup_form)

        self.last_backup_label = QLabel(self.backups_page)
        self.last_backup_label.setObjectName(u"last_backup_label")
        self.last_backup_label.setWordWrap(True)
        self.last_backup_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backups_layout.addWidget(self.last_backup_label)

        self.backups_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.backups_layout.addItem(self.backups_spacer)

        self.pages.addTab(self.backups_page, "")

        self.main_layout.addWidget(self.pages)

        self.button_box = QDialogButtonBox(Preferences)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.autolock_label.setBuddy(self.autolock_spin)
        self.backup_folder_label.setBuddy(self.backup_folder_edit)
        self.keep_label.setBuddy(self.keep_daily_spin)
        self.stale_label.setBuddy(self.stale_spin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(Preferences)

        self.pages.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(Preferences)
    # setupUi

    def retranslateUi(self, Preferences):
        Preferences.setWindowTitle(QCoreApplication.translate("Preferences", u"Preferences", None))
        self.autolock_label.setText(QCoreApplication.translate("Preferences", u"Lock &after", None))
        self.autolock_spin.setSuffix(QCoreApplication.translate("Preferences", u" minutes without activity", None))
        self.silent_start_check.setText(QCoreApplication.translate("Preferences", u"&Start without asking the PIN when the workspace has only one user", None))
#if QT_CONFIG(tooltip)
        self.silent_start_check.setToolTip(QCoreApplication.translate("Preferences", u"Every unlock after a lock still asks for the PIN.", None))
#endif // QT_CONFIG(tooltip)
        self.note_label.setText(QCoreApplication.translate("Preferences", u"While locked, VMA Desk closes the workspace and holds no patient detail; a user's PIN opens it again.", None))
        self.pages.setTabText(self.pages.indexOf(self.general_page), QCoreApplication.translate("Preferences", u"&Lock", None))
        self.backup_intro_label.setText(QCoreApplication.translate("Preferences", u"VMA Desk backs this workspace up, encrypted, into a folder on another drive: a USB drive, a second disk, or a network share used only for backups. Each backup is checked after it is made, and opens with the workspace's recovery key (or its passphrase).", None))
        self.backup_folder_label.setText(QCoreApplication.translate("Preferences", u"&Folder", None))
        self.backup_folder_edit.setPlaceholderText(QCoreApplication.translate("Preferences", u"No folder chosen: no automatic backups", None))
#if QT_CONFIG(accessibility)
        self.backup_folder_edit.setAccessibleName(QCoreApplication.translate("Preferences", u"Backup folder", None))
#endif // QT_CONFIG(accessibility)
        self.backup_choose_button.setText(QCoreApplication.translate("Preferences", u"C&hoose\u2026", None))
        self.backup_when_label.setText(QCoreApplication.translate("Preferences", u"Back up", None))
        self.backup_sign_in_check.setText(QCoreApplication.translate("Preferences", u"At the first sign-in of each &day", None))
#if QT_CONFIG(tooltip)
        self.backup_sign_in_check.setToolTip(QCoreApplication.translate("Preferences", u"In the background while you work; it also checks the workspace file itself for damage.", None))
#endif // QT_CONFIG(tooltip)
        self.backup_close_check.setText(QCoreApplication.translate("Preferences", u"When VMA Desk &closes", None))
#if QT_CONFIG(tooltip)
        self.backup_close_check.setToolTip(QCoreApplication.translate("Preferences", u"Closing waits for it (with a progress window you can skip).", None))
#endif // QT_CONFIG(tooltip)
        self.keep_label.setText(QCoreApplication.translate("Preferences", u"&Keep", None))
        self.keep_daily_spin.setSuffix(QCoreApplication.translate("Preferences", u" daily", None))
#if QT_CONFIG(accessibility)
        self.keep_daily_spin.setAccessibleName(QCoreApplication.translate("Preferences", u"Daily backups kept", None))
#endif // QT_CONFIG(accessibility)
        self.keep_weekly_spin.setSuffix(QCoreApplication.translate("Preferences", u" weekly", None))
#if QT_CONFIG(accessibility)
        self.keep_weekly_spin.setAccessibleName(QCoreApplication.translate("Preferences", u"Weekly backups kept", None))
#endif // QT_CONFIG(accessibility)
        self.keep_monthly_spin.setSuffix(QCoreApplication.translate("Preferences", u" monthly", None))
#if QT_CONFIG(accessibility)
        self.keep_monthly_spin.setAccessibleName(QCoreApplication.translate("Preferences", u"Monthly backups kept", None))
#endif // QT_CONFIG(accessibility)
        self.keep_note.setText(QCoreApplication.translate("Preferences", u"Older backups are removed only after a new one has been checked; the newest is always kept.", None))
        self.keep_note.setProperty(u"role", QCoreApplication.translate("Preferences", u"hint", None))
        self.stale_label.setText(QCoreApplication.translate("Preferences", u"&Warn after", None))
        self.stale_spin.setSuffix(QCoreApplication.translate("Preferences", u" days without a good backup", None))
#if QT_CONFIG(tooltip)
        self.stale_spin.setToolTip(QCoreApplication.translate("Preferences", u"The practice's limit, for everyone who uses this workspace: Today shows a warning when the last checked backup is older.", None))
#endif // QT_CONFIG(tooltip)
        self.pages.setTabText(self.pages.indexOf(self.backups_page), QCoreApplication.translate("Preferences", u"&Backups", None))
    # retranslateUi
