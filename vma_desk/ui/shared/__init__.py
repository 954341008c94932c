"""The UI kernel every tab builds on: what a tab offers the main window (`tab`), the lookups the
tabs share (`context`), the form dialogs' common start and their one way of running a service call
(`form`), and the widgets several Designer forms promote. It imports no tab."""
