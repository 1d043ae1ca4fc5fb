"""Window tests. A package, so its conftest is imported as ui.conftest and never shadows the
conftest module the export tests import helpers from (`from conftest import exported`)."""
