"""The Refills tab: refill requests from receipt to close, with the chart check, the provider's
decision (recorded, never made, by the VMA) and the business-day clock."""
