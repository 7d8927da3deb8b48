"""The collectors: one module per --gc, each with the same entry points (see base.py)."""
