"""Stage 03's part of the support package: the rtyper's helpers written in RPy.

Operations that are more than one machine instruction are RPy functions over low-level values
and pointers (``rint.py``: what ``a // b`` means), annotated and translated with the program
that uses them, as in PyPy's ``rpython/rtyper``.  ``lltypesystem.lltype`` and
``lltypesystem.lloperation`` are modules written in Java that the rtyper adds to the host
interpreter before it imports a helper file.
"""
