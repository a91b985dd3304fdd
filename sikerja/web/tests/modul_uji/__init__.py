"""A test-only module: proves a new module needs only its folder and its INSTALLED_APPS line."""
