"""Starting and framing the window: the application, the main window that composes the parts
and wires them, the menus, the interface language, one instance per user and the paths handed
to it, switching projects, and the crash log."""
