"""The pure domain core: records, rules and validation. No I/O, no Qt."""
