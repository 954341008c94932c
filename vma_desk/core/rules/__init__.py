"""Domain rules: pure functions over records (scheduling, due times, escalation, protocols)."""
