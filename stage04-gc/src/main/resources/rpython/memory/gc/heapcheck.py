"""The heap check of ``--checked`` runs (PyPy's ``debug_check_consistency``): after every
collection, and for the generational collector also before every minor one, every object the
program can still reach is visited from the roots, and every pointer is checked:

- it points to an object of the image (``PREBUILT``) or to where the collector keeps live
  objects now (``check_object``: the current space, the nursery, a used cell of an arena);
  a pointer into memory a collection gave back, into a free cell or into the middle of
  nothing fails here, at the collection that left it, instead of much later;
- the object's header names a type (an id of the type information table);
- the collector's own invariant holds (``check_pointer``): for the generational collector, an
  old object that points into the nursery is in the remembered set, which is what its write
  barrier is for.

With a listener (the notebook's heap pictures), the walk also draws the heap as it goes, through
``debug_gc_heap``: a ``begin`` (0 before a collection, 1 after), one ``object`` per object
(address, type id, where it lives: ``SPACE_*``, plus ``REMEMBERED``), one ``root`` or ``pointer``
per pointer (holder, target), and an ``end``.  Without one, the events cost a call each.

The check is a breadth-first walk that must not allocate in the heap it checks: the objects
it reached are marked ``CHECKED`` in their headers and listed in a raw array, which is also
its queue (Cheney's trick once more); at the end the marks are taken off again.
"""
from rpython.rtyper.lltypesystem import llmemory
from rpython.rlib.debug import ll_assert
from rpython.memory.gclog import debug_gc_heap
from rpython.memory.support import AddressStack
from rpython.memory.gc.base import GCBase, PREBUILT, TYPE_ID_MASK

CHECKED = 1 << 57   # reached by the current check (no collector uses this bit)

# Where an object lives, for the pictures (dev.taipan.gc.heapview.HeapSnapshot reads these).
SPACE_PREBUILT = 0
SPACE_YOUNG = 1
SPACE_OLD = 2
REMEMBERED = 4   # an old object in the generational collector's remembered set
SEEN_INITIAL = 1024


class HeapChecker(GCBase):
    """A visitor over the same type information and roots as the collector it checks."""

    def __init__(self):
        GCBase.__init__(self)
        self.seen = AddressStack()   # the objects reached, in the order reached: also the queue
        self.holder = llmemory.NULL   # the object whose fields are being visited; NULL for the roots
        self.gc = None                # the collector checked

    def walk(self, gc, after):
        self.gc = gc
        debug_gc_heap('begin', after, 0, 0)
        self.type_info = gc.type_info
        self.type_count = gc.type_count
        self.static_roots = gc.static_roots
        self.static_count = gc.static_count
        self.shadowstack = gc.shadowstack
        self.root_stack_base = gc.root_stack_base
        self.seen.setup(SEEN_INITIAL)
        self.holder = llmemory.NULL
        self.visit_roots()
        i = 0
        while i < self.seen.count:
            obj = self.seen.get(i)
            self.holder = obj
            self.trace(obj, self.typeid_of(obj))
            i += 1
        i = 0
        while i < self.seen.count:
            obj = self.seen.get(i)
            obj.signed[0] = obj.signed[0] & ~CHECKED
            i += 1
        self.seen.free()
        self.gc = None
        debug_gc_heap('end', 0, 0, 0)

    def trace_static_root(self, obj, typeid, is_gc):
        if is_gc:
            self.holder = obj   # a prebuilt object: old, for the generational collector's invariant
            self.draw_object(obj, typeid, self.gc.describe_prebuilt(obj))
        self.trace(obj, typeid)   # exc_data's fields are roots (holder NULL)
        self.holder = llmemory.NULL

    def visit(self, field):
        obj = field.address[0]
        if obj == llmemory.NULL:
            return
        gc = self.gc
        hdr = obj.signed[0]
        if not (hdr & PREBUILT):
            ll_assert(gc.check_object(obj),
                      "heap check: a pointer to where no live object is (freed memory, a free cell, the middle of nothing)")
        typeid = hdr & TYPE_ID_MASK
        ll_assert(typeid > 0 and typeid < self.type_count,
                  "heap check: an object whose header names no type")
        ll_assert(gc.check_pointer(self.holder, obj),
                  "heap check: an old object points to a young one and is not in the remembered set (a missing write barrier)")
        target = llmemory.cast_adr_to_int(obj)
        if self.holder == llmemory.NULL:
            debug_gc_heap('root', 0, target, 0)
        else:
            debug_gc_heap('pointer', llmemory.cast_adr_to_int(self.holder), target, 0)
        if hdr & PREBUILT:
            self.draw_object(obj, typeid, gc.describe_prebuilt(obj))
            return   # its GC pointers are static roots (the rest of the image is read-only)
        if hdr & CHECKED:
            return   # reached already
        self.draw_object(obj, typeid, gc.describe(obj))
        obj.signed[0] = hdr | CHECKED
        self.seen.append(obj)

    def draw_object(self, obj, typeid, space):
        debug_gc_heap('object', llmemory.cast_adr_to_int(obj), typeid, space)


CHECKER = HeapChecker()


def check_heap(gc, after):
    """Checks the heap of gc, before (after=0) or after (1) a collection, if the run asked for it (``--checked``)."""
    if gc.check:
        CHECKER.walk(gc, after)
