"""Commands: (to be written)."""
