"""All of Qt: the main window, one package per tab, item models, dialogs and compiled forms."""
