"""A generational collector whose old generation never moves (``--gc=minimark``): the design of
PyPy's ``minimark.py``, from which its default collector, ``incminimark.py``, grew (that one
also marks incrementally; this one stops the program for a whole major collection).

``generational.py`` puts a nursery in front of a *copying* old space: every major collection
copies every live old object, and each new old space is fresh memory.  For programs that keep a
large structure alive (the binary trees' long-lived tree, a big dict) that copy is most of the
time.  Here the old generation is ``marksweep.py``'s heap: cells of size classes in arenas,
large blocks of their own.  Old objects stay where they are:

- a **minor collection** copies each surviving young object into a cell of its size
  (``take_cell``: a free-list pop, no search) and leaves a forwarding address in the young
  object's header; the copies wait on the mark stack to have their own fields visited (the cells
  are not contiguous, so Cheney's scan pointer cannot find them);
- a **major collection** first empties the nursery with a minor one, then marks from the roots
  and sweeps the arenas, as ``marksweep.py`` does.  It runs when the old generation has grown
  by twice what the last one found alive (``threshold``), counting the bytes promoted and the
  large objects allocated since, so its cost, proportional to the heap, is paid for by as many
  bytes of old objects.

The nursery, its inline bump-pointer fast path, the remembered set and the write barrier are
the generational collector's (``TRACK_YOUNG_PTRS``; see ``generational.py``).  Objects larger
than a quarter of the nursery (``young_max``) are allocated old, in large blocks, and remembered
at once.

Identity hashes: an old object's hash is its address, which never changes.  A young object
whose hash is asked gets ``HASHTAKEN``; when it is promoted its cell is one word larger and
that word keeps the young address (``HASHFIELD``), as a semispace copy does.

Flags in the header: ``MARKED`` and ``FREE`` (marksweep's, old objects and free cells),
``HASHFIELD`` (semispace's), ``TRACK_YOUNG_PTRS`` (generational's), and two of its own for young
objects, ``FORWARDED`` and ``HASHTAKEN``.  Prebuilt objects carry ``MARKED`` (the mark stops at
them) and ``TRACK_YOUNG_PTRS`` (they are old).

In ``--gc-stress`` the nursery holds one object, so every allocation is a minor collection, and
every ``STRESS_MAJOR_EVERY``-th one is a major collection too, whose sweep poisons the cells it
frees.  Under ``--checked`` each minor collection gives the nursery back and takes a new one, as
the generational collector does, so that a pointer into the nursery a collection missed fails
at its first use.  ``--heap-max`` bounds the old generation (arenas and large blocks).
"""
from rpython.rtyper.lltypesystem import llmemory
from rpython.memory.gc.base import WORD, OUT_OF_MEMORY, now
from rpython.memory.gclog import debug_gc_log
from rpython.memory.gc.heapcheck import check_heap
from rpython.memory.gc.marksweep import MarkSweepGC, MARKED, SMALL_MAX, MIN_CELL
from rpython.memory.gc.semispace import HASHFIELD
from rpython.memory.gc.generational import TRACK_YOUNG_PTRS, LARGE_OBJECT
from rpython.memory.gc.generational import setup_young, renew_nursery, trace_remembered, remember
from rpython.memory.gc.generational import young_or_old, remembered_flag, young_pointer_remembered
from rpython.memory.support import AddressStack

FORWARDED = 1 << 55   # a young object that was promoted: the rest of its header is the copy's address
HASHTAKEN = 1 << 54   # a young object whose identity hash was asked: the address it has now
PREBUILT_FLAGS = MARKED | TRACK_YOUNG_PTRS
STRESS_MAJOR_EVERY = 8   # a power of two: the test is a mask (a modulo could raise, and a collector must not)
ALLOC_FAST_PATH = ('nursery_free', 'nursery_top', LARGE_OBJECT)


class MiniMarkGC(MarkSweepGC):

    def __init__(self):
        MarkSweepGC.__init__(self)
        self.nursery = llmemory.NULL
        self.nursery_free = llmemory.NULL
        self.nursery_top = llmemory.NULL
        self.remembered = AddressStack()   # old objects that may point into the nursery
        self.minor = False                 # during a minor collection: visit() promotes
        self.minor_collections = 0
        self.promoted = 0                  # objects the current minor collection promoted, for the log
        self.young_max = 0                 # the largest object allocated young (setup_young)

    def setup(self, type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check):
        MarkSweepGC.setup(self, type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check)
        setup_young(self, stress)

    def in_nursery(self, obj):
        return self.nursery <= obj and obj < self.nursery_free

    # -- allocation --

    def malloc(self, typeid, length, size):
        """The slow path: an object too large for the nursery, or a full nursery."""
        if size > self.young_max:
            if self.allocated + size > self.threshold:
                self.collect()
            obj = self.malloc_large(size)   # collects first if it would pass --heap-max
            self.allocated += size
            self.init_object(obj, typeid, length)
            self.remembered.append(obj)   # old, without the flag: it may get young pointers unbarriered
            return obj
        if self.nursery_top - self.nursery_free < size:
            self.minor_collect(size)
            if self.stress and self.minor_collections & (STRESS_MAJOR_EVERY - 1) == 0:
                self.major_collect()
            elif self.allocated > self.threshold or self.would_pass_limit(0):
                self.major_collect()
                if self.would_pass_limit(0):
                    raise OUT_OF_MEMORY
        obj = self.nursery_free
        self.nursery_free = obj + size
        self.init_object(obj, typeid, length)
        return obj

    # -- collection --

    def collect(self):
        """A full collection: the nursery emptied, then the old generation marked and swept."""
        self.minor_collect(WORD)   # under --gc-stress, a nursery too small for any object again
        self.major_collect()

    def major_collect(self):
        MarkSweepGC.collect(self)   # the nursery is empty: every object is old or prebuilt

    def minor_collect(self, request):
        """Promotes the nursery's survivors into the old generation; then the nursery has room for request."""
        check_heap(self, 0)   # before: every old object pointing into the nursery is remembered
        self.minor_collections += 1
        start = now()
        used = self.nursery_free - self.nursery
        promoted_before = self.allocated
        self.promoted = 0
        self.minor = True
        self.visit_stack_roots()
        self.visit_static_roots(False)   # prebuilt GC objects: only those the barrier remembered
        trace_remembered(self)
        self.trace_pushed()   # the copies, whose fields may still point into the nursery
        self.minor = False
        debug_gc_log('minor', used, self.allocated - promoted_before, self.promoted, now() - start)
        renew_nursery(self, request)
        check_heap(self, 1)

    def visit(self, field):
        if self.minor:
            self.promote(field)
        else:
            MarkSweepGC.visit(self, field)   # marking: nothing is young

    def promote(self, field):
        """Points field at the old copy of the young object it points to, made now unless an
        earlier pointer made it; old and prebuilt objects stay where they are."""
        obj = field.address[0]
        if obj == llmemory.NULL or not self.in_nursery(obj):
            return
        hdr = obj.signed[0]
        if hdr & FORWARDED:
            field.address[0] = llmemory.cast_int_to_adr(hdr & ~FORWARDED)
            return
        size = self.size_of(obj)
        stored = size
        if hdr & HASHTAKEN:
            stored += WORD
        if stored > SMALL_MAX:
            copy = self.take_large(stored)
        else:
            if stored < MIN_CELL:
                stored = MIN_CELL
            copy = self.take_cell(stored)
        self.allocated += stored
        self.promoted += 1
        llmemory.raw_memcopy(obj, copy, size)
        if hdr & HASHTAKEN:
            (copy + size).signed[0] = llmemory.cast_adr_to_int(obj)
            hdr = (hdr & ~HASHTAKEN) | HASHFIELD
        copy.signed[0] = hdr | TRACK_YOUNG_PTRS
        obj.signed[0] = llmemory.cast_adr_to_int(copy) | FORWARDED
        field.address[0] = copy
        self.mark_stack.append(copy)

    def identityhash(self, obj):
        hdr = obj.signed[0]
        if hdr & HASHFIELD:
            return (obj + self.size_of(obj)).signed[0]
        if self.in_nursery(obj):
            obj.signed[0] = hdr | HASHTAKEN
        return llmemory.cast_adr_to_int(obj)   # old and prebuilt objects never move

    def remember(self, obj):
        remember(self, obj)

    # -- what the heap check asks --

    def check_object(self, obj):
        return self.in_nursery(obj) or MarkSweepGC.check_object(self, obj)

    def describe(self, obj):
        return young_or_old(self, obj)

    def describe_prebuilt(self, obj):
        return remembered_flag(obj)

    def check_pointer(self, holder, obj):
        return young_pointer_remembered(self, holder, obj)


GC = MiniMarkGC()


def gc_setup(type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check):
    GC.setup(type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check)


def gc_malloc_fixedsize(typeid, size):
    return GC.malloc(typeid, 0, size)


def gc_malloc_varsize(typeid, length):
    return GC.malloc(typeid, length, GC.size_for(typeid, length))


def gc_collect():
    GC.collect()


def gc_identityhash(obj):
    return GC.identityhash(obj)


def gc_write_barrier(obj):
    GC.remember(obj)
