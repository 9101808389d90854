"""Bundled code tables. Private: use the public names in :mod:`newsevents`."""
