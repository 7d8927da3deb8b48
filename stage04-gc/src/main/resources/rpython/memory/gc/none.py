"""The collector that never collects (``--gc=none``): stage 03's behaviour, through the GC's
entry points.  Objects are carved out of chunks taken with ``raw_malloc`` and never freed, so a
program that allocates without end runs out of memory; ``--heap-max`` bounds the total, and
past it the program gets ``MemoryError``.  It is the baseline the other collectors are measured
against, and the simplest reading of what the GC transformer asks of a collector.
"""
from rpython.rtyper.lltypesystem import llmemory
from rpython.memory.gc.base import GCBase, OUT_OF_MEMORY, raw_malloc

CHUNK = 1024 * 1024


class NoneGC(GCBase):

    def __init__(self):
        GCBase.__init__(self)
        self.free = llmemory.NULL
        self.top = llmemory.NULL
        self.allocated = 0

    def setup(self, type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check):
        self.setup_base(type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check)

    def malloc(self, typeid, length, size):
        if self.top - self.free < size:
            chunk = CHUNK
            if size > chunk:
                chunk = size
            if self.heap_max > 0 and self.allocated + chunk > self.heap_max:
                raise OUT_OF_MEMORY
            self.free = raw_malloc(chunk)
            self.top = self.free + chunk
            self.allocated += chunk
        obj = self.free
        self.free = obj + size
        llmemory.raw_memclear(obj, size)
        self.init_object(obj, typeid, length)
        return obj

    def visit(self, field):
        pass


GC = NoneGC()


def gc_setup(type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check):
    GC.setup(type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check)


def gc_malloc_fixedsize(typeid, size):
    return GC.malloc(typeid, 0, size)


def gc_malloc_varsize(typeid, length):
    return GC.malloc(typeid, length, GC.size_for(typeid, length))


def gc_collect():
    pass


def gc_identityhash(obj):
    return llmemory.cast_adr_to_int(obj)   # objects never move: the address is the identity
