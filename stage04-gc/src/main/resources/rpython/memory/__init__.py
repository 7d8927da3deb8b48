"""The garbage collectors (stage 04), PyPy's rpython/memory/."""
