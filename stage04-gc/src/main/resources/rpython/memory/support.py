"""Data structures the collectors share (PyPy's ``rpython/memory/support.py``).

A collector must not allocate in the heap it manages, so its own growing structures live in raw
memory.  PyPy's ``AddressStack`` is a chain of fixed-size chunks; this one is one flat array,
doubled when full (a copy, rarely: its callers reuse it collection after collection), which
keeps ``get(i)`` a single load.
"""
from rpython.rtyper.lltypesystem import llmemory
from rpython.memory.gc.base import WORD, raw_malloc


class AddressStack(object):
    """A stack of addresses in raw memory: the remembered set, the objects waiting to be traced."""

    def __init__(self):
        self.items = llmemory.NULL
        self.count = 0
        self.capacity = 0

    def setup(self, capacity):
        self.items = raw_malloc(capacity * WORD)
        self.capacity = capacity
        self.count = 0

    def append(self, adr):
        if self.count == self.capacity:
            bigger = raw_malloc(2 * self.capacity * WORD)
            llmemory.raw_memcopy(self.items, bigger, self.count * WORD)
            llmemory.raw_free(self.items)
            self.items = bigger
            self.capacity = 2 * self.capacity
        self.items.address[self.count] = adr
        self.count += 1

    def pop(self):
        self.count -= 1
        return self.items.address[self.count]

    def get(self, i):
        return self.items.address[i]

    def non_empty(self):
        return self.count > 0

    def free(self):
        llmemory.raw_free(self.items)
        self.items = llmemory.NULL
        self.capacity = 0
        self.count = 0
