"""The Today tab: the day's visits per provider with the flags a physician acts on, and
everything due across the app, as `services.agenda.day()` gathers them (the huddle sheet prints
the same `DayAgenda`).

Import the pieces from their modules (`vma_desk.ui.today.tab.TodayTab` ...).
"""
