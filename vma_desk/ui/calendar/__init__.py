"""The Calendar tab: several providers' day and week schedules, booking, the waitlist and worklists.

Import the pieces from their modules (`vma_desk.ui.calendar.tab.CalendarTab` ...): the generated
forms import this package's promoted widgets, so this file stays free of imports.
"""
