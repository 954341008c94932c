"""Edit → Workspace security…: how the workspace is protected, and a manager's key changes."""

from vma_desk.ui.security.dialog import WorkspaceSecurityDialog

__all__ = ["WorkspaceSecurityDialog"]
