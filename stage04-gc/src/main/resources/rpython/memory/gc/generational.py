"""A generational copying collector (``--gc=generational``), PyPy's ``generation.py`` in spirit:
a nursery for new objects in front of the semispace collector of ``semispace.py``.

The *weak generational hypothesis* (D. Ungar, "Generation Scavenging", 1984): most objects die
young.  So new objects are allocated in a small **nursery** by bumping a pointer, and when it is
full a **minor collection** copies the few that are still reachable into the **old space** (the
semispace heap) and reuses the whole nursery: the garbage in it is never touched.  A minor
collection costs what survives, not what was allocated.

Its roots are the shadow stack, the raw static roots (``exc_data``), and the **remembered set**:
the old objects that may point into the nursery.  An old object gets a young pointer only when
the program stores one into it, and the GC transformer puts a **write barrier** before every
such store (``gctransform/WriteBarriers``): old objects carry ``TRACK_YOUNG_PTRS`` in their
header; the barrier tests it, and the first store into an old object since the last minor
collection clears it and adds the object to the remembered set (``remember``); the next
minor collection traces those objects and sets the flag again.  Prebuilt objects are old from
the start (``GcLayout`` gives their headers the flag), so a minor collection need not trace
every prebuilt object: only those the barrier remembered.

Promoted objects are copied behind the old space's ``free`` and scanned Cheney-style, as a
semispace collection scans its new space, so a minor collection is a small Cheney collection
whose from-space is the nursery.  When the old space has no room for the nursery's survivors a
**major collection** runs: a semispace collection whose from-space is the old space *and* the
nursery, after which everything is old.  Objects too large for the nursery are allocated straight
in the old space and remembered at once, since the program will initialise them with young
pointers and no barrier runs for a store into an object just allocated (see WriteBarriers).

Identity hashes: a young object whose hash is asked gets ``HASHTAKEN``, and promotion gives its
copy the hash word, exactly as a semispace collection does (``SemiSpaceGC.forward``).

After a minor collection the nursery is cleared (its used part, ``raw_memclear``) and used again:
it stays in the caches, as PyPy's nursery does.  Under ``--checked`` it is given back
(``raw_free``) and taken fresh instead, so that in the llinterp's checked heap a pointer into
the nursery that a minor collection did not update (a missing barrier, a missing root) fails at
its first use.  In ``--gc-stress`` the nursery holds
one object, so every allocation is a minor collection, and every allocation of a large object a
major one.  ``--heap-max`` bounds the old space, as it bounds the semispace collector's space.

**The nursery's size** is a parameter (``--nursery``, PyPy's ``PYPY_GC_NURSERY``), given to
``gc_setup``: the llinterp's default is small (256 KiB), so that the short programs one runs
there see their minor collections; a translated executable's is PyPy's default on a machine whose
L2 cache is at most 8 MiB, 4 MiB (``rpython/memory/gc/env.py``).  A nursery should be large
enough that most objects die before it fills: each minor collection traces the remembered
objects whole, however few of their fields are young.

**Fast paths.** The GC transformer writes the common cases inline in the program
(``FastPaths``): an allocation that fits bumps ``nursery_free`` (``ALLOC_FAST_PATH``; the
nursery is made zero, ``raw_calloc``, so its free part is always zero), and the write
barrier calls ``gc_write_barrier`` only when the object's header has ``TRACK_YOUNG_PTRS``.
Large objects always take the call.  In ``--gc-stress`` the nursery is exactly the size of the
object that made it, so the next allocation's inline test fails and it collects.
"""
from rpython.rtyper.lltypesystem import llmemory
from rpython.memory.gc.base import WORD, now, raw_calloc
from rpython.memory.gclog import debug_gc_log
from rpython.memory.gc.semispace import SemiSpaceGC
from rpython.memory.gc.base import OUT_OF_MEMORY
from rpython.memory.gc.heapcheck import check_heap
from rpython.memory.support import AddressStack

TRACK_YOUNG_PTRS = 1 << 59    # an old object that has no young pointer the remembered set does not know of
PREBUILT_FLAGS = TRACK_YOUNG_PTRS   # prebuilt objects are old (the transformer writes their headers)
LARGE_OBJECT = 64 * 1024   # larger objects skip the inline fast path: malloc() chooses young or old
REMEMBERED_INITIAL = 64
ALLOC_FAST_PATH = ('nursery_free', 'nursery_top', LARGE_OBJECT)   # the bump pointer the inline fast path uses


class GenerationGC(SemiSpaceGC):

    def __init__(self):
        SemiSpaceGC.__init__(self)
        self.nursery = llmemory.NULL
        self.nursery_free = llmemory.NULL
        self.nursery_top = llmemory.NULL
        self.remembered = AddressStack()   # old objects that may point into the nursery
        self.major = False                # during a collection: whether the old space moves too
        self.young_max = 0                # the largest object allocated young (setup_young)
        self.minor_collections = 0

    def setup(self, type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check):
        SemiSpaceGC.setup(self, type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check)
        setup_young(self, stress)

    def in_nursery(self, obj):
        return self.nursery <= obj and obj < self.nursery_free

    def can_move(self, obj):
        return self.in_nursery(obj) or SemiSpaceGC.can_move(self, obj)

    def malloc(self, typeid, length, size):
        if size > self.young_max:
            obj = SemiSpaceGC.malloc_in_space(self, typeid, length, size)
            self.remembered.append(obj)   # old, without the flag: it may get young pointers unbarriered
            return obj
        if self.nursery_top - self.nursery_free < size:
            self.minor_collect(size)
        obj = self.nursery_free
        self.nursery_free = obj + size
        self.init_object(obj, typeid, length)
        return obj

    def minor_collect(self, request):
        """Promotes the nursery's survivors into the old space, then takes a nursery with room for request."""
        used = self.nursery_free - self.nursery
        if self.top - self.free < used + self.hash_words:
            self.collect(0)   # no room to promote into: a major collection, which empties the nursery too
        else:
            check_heap(self, 0)   # before: every old object pointing into the nursery is remembered
            self.minor_collections += 1
            start = now()
            self.moved = 0
            scan = self.free
            promoted_from = scan
            self.visit_stack_roots()
            self.visit_static_roots(False)   # prebuilt GC objects: only those the barrier remembered
            trace_remembered(self)
            while scan != self.free:   # Cheney's scan over what this collection promoted
                self.trace(scan, self.typeid_of(scan))
                scan = scan + self.stored_size(scan)
            debug_gc_log('minor', used, self.free - promoted_from, self.moved, now() - start)
        renew_nursery(self, request)
        check_heap(self, 1)

    def collect(self, request):
        """A major collection: the old space and the nursery copied into a new old space."""
        check_heap(self, 0)
        while self.remembered.non_empty():   # after it nothing is young: every old object is tracked again
            obj = self.remembered.pop()
            obj.signed[0] = obj.signed[0] | TRACK_YOUNG_PTRS
        self.major = True
        self.evacuate(request, self.nursery_free - self.nursery)
        self.major = False
        renew_nursery(self, WORD)   # all promoted: what was in it is garbage
        if self.top - self.free < request:
            self.major = True
            self.evacuate(request, 0)   # what lives and the request fill the space: again, into one twice their size
            self.major = False
        check_heap(self, 1)
        if self.top - self.free < request:
            raise OUT_OF_MEMORY

    def log_collection(self, before, after, moved, nanos):
        debug_gc_log('major', before, after, moved, nanos)

    def describe(self, obj):
        return young_or_old(self, obj)

    def describe_prebuilt(self, obj):
        return remembered_flag(obj)   # SPACE_PREBUILT: old too, and remembered when the barrier saw it

    def check_pointer(self, holder, obj):
        return young_pointer_remembered(self, holder, obj)

    def visit(self, field):
        obj = field.address[0]
        if obj == llmemory.NULL:
            return
        if self.in_nursery(obj) or (self.major and self.old_space <= obj and obj < self.old_end):
            copy = self.forward(obj)
            copy.signed[0] = copy.signed[0] | TRACK_YOUNG_PTRS   # in the old space now
            field.address[0] = copy

    def remember(self, obj):
        remember(self, obj)


# The young generation, which minimark.py's collector has too.  RPy has no mixins, so both
# collectors' methods call these functions with themselves; a program is translated with one
# collector, so each function is annotated with that collector's class alone.

def setup_young(gc, stress):
    # Larger objects are allocated old: copying them would cost more than it saves, and a
    # few of them would fill the nursery.  (A shift: a division could raise, a collector must not.)
    gc.young_max = gc.nursery_size >> 2
    if stress:
        new_nursery(gc, WORD)   # too small for any object: the first allocation collects
    else:
        new_nursery(gc, gc.nursery_size)
    gc.remembered.setup(REMEMBERED_INITIAL)


def new_nursery(gc, size):
    gc.nursery = raw_calloc(size)   # zero, whole: allocation writes only headers
    gc.nursery_free = gc.nursery
    gc.nursery_top = gc.nursery + size


def renew_nursery(gc, request):
    """The nursery after a minor collection: emptied and kept (given back and taken anew under
    --checked, and under --gc-stress with room for request alone)."""
    if not gc.check and not gc.stress:
        llmemory.raw_memclear(gc.nursery, gc.nursery_free - gc.nursery)
        gc.nursery_free = gc.nursery
        return
    llmemory.raw_free(gc.nursery)
    if gc.stress:
        new_nursery(gc, request)
    else:
        new_nursery(gc, gc.nursery_size)


def trace_remembered(gc):
    """A minor collection's roots in the old generation: the remembered objects' fields.  They
    are tracked again, and the remembered set emptied."""
    while gc.remembered.non_empty():
        obj = gc.remembered.pop()
        obj.signed[0] = obj.signed[0] | TRACK_YOUNG_PTRS
        gc.trace(obj, gc.typeid_of(obj))


def remember(gc, obj):
    """The write barrier's slow path: obj, old, is about to get a pointer that may be young."""
    hdr = obj.signed[0]
    if hdr & TRACK_YOUNG_PTRS:
        obj.signed[0] = hdr & ~TRACK_YOUNG_PTRS   # remembered once until the next minor collection
        gc.remembered.append(obj)


def young_or_old(gc, obj):
    if gc.in_nursery(obj):
        return 1                     # SPACE_YOUNG
    return 2 + remembered_flag(obj)  # SPACE_OLD


def remembered_flag(obj):
    if obj.signed[0] & TRACK_YOUNG_PTRS:
        return 0
    return 4                         # REMEMBERED: the barrier cleared the flag, or it was allocated old


def young_pointer_remembered(gc, holder, obj):
    """The heap check's invariant: an old object (prebuilt ones included) that points into the
    nursery is remembered."""
    if holder == llmemory.NULL or gc.in_nursery(holder) or not gc.in_nursery(obj):
        return True
    return not (holder.signed[0] & TRACK_YOUNG_PTRS)


GC = GenerationGC()


def gc_setup(type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check):
    GC.setup(type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check)


def gc_malloc_fixedsize(typeid, size):
    return GC.malloc(typeid, 0, size)


def gc_malloc_varsize(typeid, length):
    return GC.malloc(typeid, length, GC.size_for(typeid, length))


def gc_collect():
    GC.collect(0)


def gc_identityhash(obj):
    return GC.identityhash(obj)


def gc_write_barrier(obj):
    GC.remember(obj)
