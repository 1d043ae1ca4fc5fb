"""What every part of the window shares: background workers and their progress, dialogs
that fit the screen, report dialogs, the settings file, and saying when an undo failed."""
