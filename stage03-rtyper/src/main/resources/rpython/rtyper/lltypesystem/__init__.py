"""The low-level type system as RPy helpers import it (PyPy's names).

``lltype`` and ``lloperation`` are not Python files: the rtyper (stage 03) makes them
importable, as extension modules of the host interpreter, so that a helper's types are the
Java types the rtyper lays out.
"""
