"""Coding as a team in the window: preparing coder projects, merging them back, and the
agreement report."""
