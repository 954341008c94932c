"""Tasks between staff in the window: the form that makes or edits one (`dialog.TaskDialog`, opened by
`dialog.make_task` from any record) and the words a list says about one.

(Not `vma_desk.ui.tasks`: that module runs the app's background jobs.)
"""
