"""The Messages tab: open "while you were out" messages with their age and callback due time,
their steps (deliver, acknowledge, callback done, close) and the message form.

Import the pieces from their modules (`vma_desk.ui.messages.tab.MessagesTab` ...).
"""
