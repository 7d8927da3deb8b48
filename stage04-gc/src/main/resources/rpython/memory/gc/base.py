"""What every collector shares: reading the type information, tracing an object, the roots.

A collector is RPy over raw addresses (``llmemory``): it knows no type of the program, only
what the type information table says of a type id (``dev.taipan.gc.layout.TypeInfoTable``,
laid out here word by word), and what each object's header says of the object
(``GcHeader``: the type id in the low 32 bits, the collector's flags above).

The roots are of two kinds:

- the **shadow stack**: the GC pointers the program's functions hold in variables across a
  call that can collect, pushed by the code the GC transformer wrote around each such call
  (``ShadowStackRoots``).  ``shadowstack.address[0]`` is its top; it starts at
  ``root_stack_base``;
- the **static roots**: every prebuilt object that can hold a GC pointer (a prebuilt instance,
  a prebuilt list, the pending exception of ``exc_data``): triples (address, type id, is a GC
  object) in a table the transformer puts in the image.  Prebuilt objects never move and are never freed; their
  fields are roots because the program may store a new object into one.

The entry points each collector module has (the transformer calls them by these names):
``gc_setup(type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check)``,
``gc_malloc_fixedsize(typeid, size)``, ``gc_malloc_varsize(typeid, length)``,
``gc_collect()`` and ``gc_identityhash(obj)``; a collector that needs a write barrier
(``Collector.writeBarrier``) also ``gc_write_barrier(obj)``; and, when its prebuilt objects'
headers must carry flags (marksweep's ``MARKED``, generational's ``TRACK_YOUNG_PTRS``), the
constant ``PREBUILT_FLAGS``, which the layout writes.  A collector with a bump pointer names it
in ``ALLOC_FAST_PATH = (free field, top field, largest object)`` and keeps the memory between
the two zero; the transformer then writes the common allocation inline and calls
``gc_malloc_*`` only when it does not fit.  A collector with a write barrier names the header
flag that makes the barrier call it, ``TRACK_YOUNG_PTRS``, which the transformer tests inline.
"""
from rpython.rtyper.lltypesystem import llmemory
from rpython.rtyper.lltypesystem.lltype import Signed
from rpython.rtyper.lltypesystem.lloperation import llop

CLOCK_MONOTONIC = 1

WORD = 8
TYPE_ID_MASK = 0xffffffff
PREBUILT = 1 << 56   # an object of the image: it never moves and is never freed (GcHeader.PREBUILT)

# One type_info item, word by word (TypeInfoTable.TYPE_INFO; TypeInfoTableTest checks these).
FIXEDSIZE = 0
OFSTOLENGTH = 1
OFSTOVAR = 2
VARITEMSIZE = 3
OFSTOPTRS = 4
VAROFSTOPTRS = 5
TYPE_INFO_WORDS = 6

# One static root: the object's address, its type id, 1 if it is a GC object (it has a header).
STATIC_ROOT_WORDS = 3
STATIC_ROOT_IS_GC = 2

ROOT_STACK_SIZE = 8 * 1024 * 1024

# Raised when the heap cannot grow: prebuilt, since a collector must not allocate in the heap
# it manages (the transformer checks that none of its graphs does).
OUT_OF_MEMORY = MemoryError()


def now():
    """The monotonic clock in nanoseconds: what the log's pause times are measured with."""
    return llop.syscall_clock_gettime(Signed, CLOCK_MONOTONIC)


def raw_malloc(size):
    """``llmemory.raw_malloc``, or the prebuilt ``MemoryError`` when the system has no more
    (natively, a refused ``mmap`` returns NULL, and writing through it would crash the process)."""
    adr = llmemory.raw_malloc(size)
    if adr == llmemory.NULL:
        raise OUT_OF_MEMORY
    return adr


def raw_calloc(size):
    """``llmemory.raw_calloc``, or the prebuilt ``MemoryError``."""
    adr = llmemory.raw_calloc(size)
    if adr == llmemory.NULL:
        raise OUT_OF_MEMORY
    return adr


def round_up(size):
    return (size + WORD - 1) & ~(WORD - 1)


class GCBase(object):
    """The state and the reading of type information every collector needs."""

    def __init__(self):
        self.type_info = llmemory.NULL
        self.type_count = 0
        self.static_roots = llmemory.NULL
        self.static_count = 0
        self.shadowstack = llmemory.NULL
        self.root_stack_base = llmemory.NULL
        self.heap_max = 0
        self.nursery_size = 0   # the young generation's, for the collectors that have one
        self.stress = False
        self.check = False
        self.collections = 0

    def setup_base(self, type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check):
        self.type_info = type_info
        self.type_count = type_count
        self.static_roots = static_roots
        self.static_count = static_count
        self.shadowstack = shadowstack
        self.heap_max = heap_max
        self.nursery_size = nursery_size
        self.stress = stress
        self.check = check
        self.root_stack_base = raw_malloc(ROOT_STACK_SIZE)
        shadowstack.address[0] = self.root_stack_base

    def info(self, typeid):
        return self.type_info + typeid * (TYPE_INFO_WORDS * WORD)

    def typeid_of(self, obj):
        return obj.signed[0] & TYPE_ID_MASK

    def size_of(self, obj):
        """The bytes the object covers, word-aligned: its fixed part and its items."""
        info = self.info(self.typeid_of(obj))
        size = info.signed[FIXEDSIZE]
        ofstolength = info.signed[OFSTOLENGTH]
        if ofstolength >= 0:
            size += (obj + ofstolength).signed[0] * info.signed[VARITEMSIZE]
        return round_up(size)

    def size_for(self, typeid, length):
        info = self.info(typeid)
        return round_up(info.signed[FIXEDSIZE] + length * info.signed[VARITEMSIZE])

    def init_object(self, obj, typeid, length):
        """Writes a new object's header (and its length word when var-sized); the rest is zero."""
        obj.signed[0] = typeid
        ofstolength = self.info(typeid).signed[OFSTOLENGTH]
        if ofstolength >= 0:
            (obj + ofstolength).signed[0] = length

    def trace(self, obj, typeid):
        """Calls self.visit(field) for the address of every GC pointer field of obj."""
        info = self.info(typeid)
        offsets = info.address[OFSTOPTRS]
        n = offsets.signed[0]
        i = 0
        while i < n:
            self.visit(obj + offsets.signed[1 + i])
            i += 1
        ofstolength = info.signed[OFSTOLENGTH]
        if ofstolength < 0:
            return
        itemoffsets = info.address[VAROFSTOPTRS]
        m = itemoffsets.signed[0]
        if m == 0:
            return
        length = (obj + ofstolength).signed[0]
        item = obj + info.signed[OFSTOVAR]
        itemsize = info.signed[VARITEMSIZE]
        j = 0
        while j < length:
            k = 0
            while k < m:
                self.visit(item + itemoffsets.signed[1 + k])
                k += 1
            item = item + itemsize
            j += 1

    def visit_roots(self):
        """Calls self.visit(slot) for every root: the shadow stack's slots, then the static roots' fields."""
        self.visit_stack_roots()
        self.visit_static_roots(True)

    def visit_stack_roots(self):
        slot = self.root_stack_base
        top = self.shadowstack.address[0]
        while slot != top:
            self.visit(slot)
            slot = slot + WORD

    def visit_static_roots(self, gc_objects_too):
        """The fields of the prebuilt objects; of the raw ones only (exc_data), unless gc_objects_too."""
        i = 0
        entry = self.static_roots
        while i < self.static_count:
            if gc_objects_too or entry.signed[STATIC_ROOT_IS_GC] == 0:
                self.trace_static_root(entry.address[0], entry.signed[1], entry.signed[STATIC_ROOT_IS_GC])
            entry = entry + STATIC_ROOT_WORDS * WORD
            i += 1

    def trace_static_root(self, obj, typeid, is_gc):
        self.trace(obj, typeid)

    def visit(self, field):
        raise NotImplementedError

    def check_object(self, obj):
        """For the heap check: whether obj, not prebuilt, lies where this collector keeps live objects now."""
        raise NotImplementedError

    def describe(self, obj):
        """For the heap pictures: where obj, not prebuilt, lives (heapcheck's SPACE_* and REMEMBERED)."""
        return 2   # SPACE_OLD: a collector with one generation has only old objects

    def describe_prebuilt(self, obj):
        return 0   # SPACE_PREBUILT

    def check_pointer(self, holder, obj):
        """For the heap check: whether the pointer from holder (NULL for a root) to obj keeps this collector's invariants."""
        return True
