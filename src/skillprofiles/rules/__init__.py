"""Rules: every diagnostic code, registered with its name, default severity and documentation."""
