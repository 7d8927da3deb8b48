"""Cheney's copying collector (C. J. Cheney, "A nonrecursive list compacting algorithm", CACM
1970), PyPy's ``semispace.py`` in spirit.

The heap is one space at a time.  Allocation bumps a pointer (``free``) through the current
space; when the space is full, the collector copies every object still reachable into a new
space, and the old one is given back whole.  Copying is the whole algorithm:

1. each root is *forwarded*: its object is copied to the new space (once: the old copy's header
   is overwritten with ``FORWARDED`` and the new address, so a second pointer to it finds the
   copy), and the root is updated to point to the copy;
2. the new space is then scanned from its start: each copied object's GC pointers are
   forwarded in turn, which copies more objects behind ``free``; when ``scan`` catches up with
   ``free``, everything reachable is copied (the new space is its own work queue: no stack, no
   recursion, which is why Cheney's algorithm suits a collector that must not allocate).

**Identity hashes** (an instance as a dict key) must not change when the object moves.  The
first time the program asks, the object gets ``HASHTAKEN`` and its hash is its address; when a
collection copies such an object, the copy gets one more word at its end holding that number,
and ``HASHFIELD`` says so (PyPy's semispace does the same).  Objects whose hash nobody asked
cost nothing.

Garbage costs nothing: it is never touched.  What survives is compacted, in breadth-first order.
Prebuilt objects live in the image, outside the space, and never move; their fields are roots.

After a collection the old space is kept as the *spare*, the next collection's to-space when it
is big enough: its pages stay mapped and warm in the caches, and only its used part is cleared
(``raw_memclear``).  Taking a fresh space from the kernel each time cost a page fault per 4 KiB
page allocated, a quarter of a string-heavy native program's time.  Under ``--checked`` and
``--gc-stress`` the old space is freed (``raw_free``) instead, so that in the llinterp's checked
heap a pointer the program still holds into it (a root the transformer missed) fails at its
first use instead of reading stale data.  The new space has the old one's
size, or three times what the last collection kept (and its request) when that is more, so
collections get rarer as the program's live data grows; a space too small for what lives and
the request is evacuated once more, into one twice their size.  (In ``--gc-stress`` each space
is twice what may live and the request: no more.)  ``--heap-max`` bounds one space; when what lives does not fit in it, the program
gets ``MemoryError``.

**The allocation fast path.** ``ALLOC_FAST_PATH`` names the bump pointer, so that the GC
transformer writes the common case of ``malloc`` inline in the program (``FastPaths``): load
``free`` and ``top``, and if the object fits, bump ``free`` and write the header; only
otherwise call ``gc_malloc_*``.  For that the memory between ``free`` and ``top`` is always
zero: each space is made zero (``raw_calloc``), and the copies fill it from its start, so
the inline path has nothing to clear.
In ``--gc-stress`` every allocation ends the space at ``free`` (``top = free``): the inline
test always fails and every allocation calls, and collects.
"""
from rpython.rtyper.lltypesystem import llmemory
from rpython.memory.gc.base import GCBase, OUT_OF_MEMORY, WORD, now, raw_calloc
from rpython.memory.gclog import debug_gc_log
from rpython.memory.gc.heapcheck import check_heap

FORWARDED = 1 << 62
HASHTAKEN = 1 << 61   # its identity hash was asked: the address it had then
HASHFIELD = 1 << 60   # it moved since: the hash is the word after the object
INITIAL_SPACE = 1024 * 1024
# The bump pointer the inline fast path uses: (free field, top field, largest object carved
# inline).  The limit only keeps the inline size computation far from overflow; a larger
# object (rare) takes the call.
ALLOC_FAST_PATH = ('free', 'top', INITIAL_SPACE)


class SemiSpaceGC(GCBase):

    def __init__(self):
        GCBase.__init__(self)
        self.space = llmemory.NULL
        self.space_size = 0
        self.spare = llmemory.NULL       # the last evacuated space, cleared, when kept for reuse
        self.spare_size = 0
        self.next_size = 0               # the least size of the next space: three times what the last collection kept
        self.free = llmemory.NULL
        self.top = llmemory.NULL
        self.old_space = llmemory.NULL   # during a collection: the space being evacuated
        self.old_end = llmemory.NULL
        self.hash_words = 0              # the words the objects with HASHTAKEN get when they move
        self.moved = 0                   # objects copied by the current collection, for the log

    def setup(self, type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check):
        self.setup_base(type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check)
        if stress:
            self.new_space(WORD)   # every allocation collects: the space only ever holds what lives
        else:
            self.new_space(INITIAL_SPACE)

    def new_space(self, size):
        # zero, so what free..top hands out is zero: raw_calloc, not raw_malloc and raw_memclear,
        # since fresh pages from the kernel are zero already (a native program would otherwise
        # touch every page of every new space, the most of a collection's time)
        if self.spare != llmemory.NULL and self.spare_size >= size:
            self.space = self.spare      # cleared when it was retired
            size = self.spare_size
            self.spare = llmemory.NULL
        else:
            self.space = raw_calloc(size)
        self.space_size = size
        self.free = self.space
        self.top = self.space + size

    def malloc(self, typeid, length, size):
        """The slow path of allocation: what the inline fast path does, after a collection when the space is full."""
        obj = self.malloc_in_space(typeid, length, size)
        if self.stress:
            self.top = self.free   # the inline fast path finds no room: the next allocation calls, and collects
        return obj

    def malloc_in_space(self, typeid, length, size):
        if self.stress or self.top - self.free < size:
            self.collect(size)
        obj = self.free
        self.free = obj + size
        self.init_object(obj, typeid, length)   # the rest is zero: free..top always is
        return obj

    def collect(self, request):
        """Copies the live objects into a new space with room for request more bytes."""
        check_heap(self, 0)
        self.evacuate(request, 0)
        if self.top - self.free < request:
            self.evacuate(request, 0)   # what lives and the request fill the space: again, into one twice their size
        check_heap(self, 1)
        if self.top - self.free < request:
            raise OUT_OF_MEMORY   # only now is it known whether what lives leaves room

    def evacuate(self, request, incoming):
        """Copies what lives into a new space.  The copy may take everything the old space used
        and ``incoming`` bytes more (a nursery's objects), so the new space has room for all of
        it: the same size as the old one unless that is too small, or the last collection found
        what lives (with its request) more than a third of it.  Keeping the size makes the spare
        space fit (see the module's notes)."""
        self.collections += 1
        start = now()
        self.moved = 0
        old = self.space
        old_size = self.space_size
        old_end = self.free
        worst = (old_end - old) + self.hash_words + incoming   # every object lives and gets its hash word
        if self.stress:
            size = 2 * (worst + request)
        else:
            size = old_size
            if size < worst:
                size = worst
            if size < self.next_size:
                size = self.next_size
        if self.heap_max > 0 and size > self.heap_max:
            # What lives fits: it came from a space no bigger (plus the hash words it gains).
            size = self.heap_max
            if worst > size:
                size = worst
        self.old_space = old
        self.old_end = old_end
        self.new_space(size)
        self.visit_roots()
        scan = self.space
        while scan != self.free:
            self.trace(scan, self.typeid_of(scan))
            scan = scan + self.stored_size(scan)
        # Three times what lives: a collection's copying then costs at most half a byte per byte
        # allocated since the last.  A space that grows at least doubles, so that a program whose
        # live data grows slowly soon has a space it keeps (and a spare that fits).
        self.next_size = 3 * ((self.free - self.space) + request)
        if self.next_size > size and self.next_size < 2 * size:
            self.next_size = 2 * size
        self.retire_space(old, old_end - old, old_size)
        self.hash_words = 0
        self.log_collection(old_end - old, self.free - self.space, self.moved, now() - start)

    def retire_space(self, old, used, size):
        """The evacuated space: kept as the spare, its used part cleared, or freed (see the module's notes)."""
        if self.check or self.stress or size < self.space_size or size < self.next_size:
            llmemory.raw_free(old)   # checked, or too small to be the next space
            return
        if self.spare != llmemory.NULL:
            llmemory.raw_free(self.spare)
        llmemory.raw_memclear(old, used)
        self.spare = old
        self.spare_size = size

    def log_collection(self, before, after, moved, nanos):
        debug_gc_log('semispace', before, after, moved, nanos)

    def stored_size(self, obj):
        """The bytes the object takes in the space: its own, and its hash word when it has one."""
        if obj.signed[0] & HASHFIELD:
            return self.size_of(obj) + WORD
        return self.size_of(obj)

    def identityhash(self, obj):
        hdr = obj.signed[0]
        if hdr & HASHFIELD:
            return (obj + self.size_of(obj)).signed[0]
        if not (hdr & HASHTAKEN) and self.can_move(obj):
            obj.signed[0] = hdr | HASHTAKEN   # prebuilt objects never move: they need no mark
            self.hash_words += WORD
        return llmemory.cast_adr_to_int(obj)

    def can_move(self, obj):
        """Whether a collection may move obj: it is in the space (not prebuilt)."""
        return self.space <= obj and obj < self.free

    def check_object(self, obj):
        return self.can_move(obj)   # live objects are in the current space (or the nursery)

    def visit(self, field):
        """Forwards the object field points to, if it is in the old space; updates field."""
        obj = field.address[0]
        if obj == llmemory.NULL or obj < self.old_space or obj >= self.old_end:
            return   # null, or prebuilt: it does not move
        field.address[0] = self.forward(obj)

    def forward(self, obj):
        """The copy of obj at free (made now, unless an earlier pointer to obj made it)."""
        hdr = obj.signed[0]
        if hdr & FORWARDED:
            return llmemory.cast_int_to_adr(hdr & ~FORWARDED)
        size = self.size_of(obj)
        copy = self.free
        llmemory.raw_memcopy(obj, copy, size)
        if hdr & HASHFIELD:
            (copy + size).signed[0] = (obj + size).signed[0]
            size += WORD
        elif hdr & HASHTAKEN:
            (copy + size).signed[0] = llmemory.cast_adr_to_int(obj)
            copy.signed[0] = (hdr & ~HASHTAKEN) | HASHFIELD
            size += WORD
        self.free = copy + size
        self.moved += 1
        obj.signed[0] = llmemory.cast_adr_to_int(copy) | FORWARDED
        return copy

GC = SemiSpaceGC()


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
