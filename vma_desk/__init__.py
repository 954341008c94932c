"""VMA Desk: the workstation of a remote virtual medical assistant."""

__version__ = "0.1.0"
APP_NAME = "VMA Desk"
