"""Taipan's RPy support package, named after PyPy's ``rpython`` so that published RPython
examples port with only Python 3 syntax changes.

Everything here is plain Python: it runs unchanged on CPython and on Taipan's host
interpreter.  Untranslated, the helpers are no-ops or small reference implementations; the
translation stages recognise them by name (and by the marker attributes they set) and give
them their real meaning: ``intmask`` becomes a machine-word cast, ``jit_merge_point`` marks the
interpreter loop for the JIT, and so on.
"""
