"""The Worklists tab: the chase lists (voicemails, callbacks, confirmations ...) and their attempts."""
