"""Practice settings: name, time zone, business days, late-cancellation window, appointment types."""
