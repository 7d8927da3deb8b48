"""The RPy library: helpers that RPy programs import and that the toolchain understands.

- ``rpython.rlib.rarithmetic``: machine-word arithmetic (intmask, r_uint, ovfcheck, ...)
- ``rpython.rlib.objectmodel``: annotator hints (specialize, we_are_translated, ...)
- ``rpython.rlib.jit``: JIT hints (JitDriver, promote, elidable, ...)
- ``rpython.rlib.unroll``: unrolling_iterable, a loop the flow space unrolls
- ``rpython.rlib.rstring``: StringBuilder
"""
