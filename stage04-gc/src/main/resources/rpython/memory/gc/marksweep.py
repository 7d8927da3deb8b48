"""Mark and sweep (J. McCarthy, "Recursive functions of symbolic expressions and their
computation by machine", CACM 1960), with an allocator of its own in the style of PyPy's
``minimarkpage.py`` (size classes over pages) and the marking of PyPy's ``marksweep.py`` and
``incminimark.py`` (a flag in the header, an explicit stack).

Nothing ever moves.  So the collector cannot tidy the heap by copying; it must know, for every
piece of memory, whether it is free, and find free memory of the right size quickly.  That is
the allocator's job:

- **Small objects** (up to ``SMALL_MAX`` bytes) are rounded up to a multiple of 8, their *size
  class*, and served from **arenas**: blocks of ``ARENA_SIZE`` bytes taken with ``raw_malloc``,
  each cut into cells of one class.  Each class has a **free list** threaded through its free
  cells (a free cell's header word is ``FREE``, a flag with no type id, its next word the next
  free cell), so an allocation is a pop: no search, no fragmentation inside an arena.
- **Large objects** get a ``raw_malloc`` block of their own, with two words in front (the next
  large block, the block's size) that chain them into a list the sweep walks.

A collection has two phases:

1. **Mark**: from the roots (``visit_roots``), every object reached gets ``MARKED`` in its
   header and is pushed on the **mark stack**; objects are popped and traced until the stack is
   empty.  The stack is raw memory, doubled (``raw_malloc``, copy, ``raw_free``) when full: a
   recursive mark would need as many machine frames as the longest chain of pointers (a
   100,000-node list), an explicit stack needs one word per object waiting.
2. **Sweep**: every cell of every arena is looked at: a marked one is live (its mark is
   cleared for the next collection), anything else goes back on its class's free list.  An
   arena with no live cell left leaves its class for a list of spare arenas, which any class
   takes before new memory (arenas come from the system sixteen at a time: one ``mmap`` for
   sixteen, and no page faults for a reused one); every unmarked large object is given back
   (``raw_free``).  Under ``--checked`` an emptied arena is given back too: in the llinterp's
   checked heap, a pointer the program still holds to freed memory fails at its first use.

Prebuilt objects live in the image, in no arena: their headers carry ``MARKED`` from the start
(``PREBUILT_FLAGS``, which the GC transformer's layout writes), so the mark phase stops at them
(their fields are static roots anyway) and no sweep ever clears it.

**When to collect**: when the bytes allocated since the last collection pass a threshold that
grows with what survived it (twice the live bytes, at least ``MIN_THRESHOLD``), so that the
work of a collection, proportional to the heap, is paid for by as many bytes of allocation;
before the heap (arenas and large blocks) would grow past ``--heap-max``; and, under
``--gc-stress``, at every allocation, when freed cells are also filled with a poison pattern,
so that a stale pointer into one reads nonsense instead of a plausible object.

The **identity hash** of an object is its address: it never changes.
"""
from rpython.rtyper.lltypesystem import llmemory
from rpython.memory.gc.base import GCBase, OUT_OF_MEMORY, WORD, round_up, now, raw_malloc, raw_calloc
from rpython.memory.gclog import debug_gc_log
from rpython.memory.gc.heapcheck import check_heap
from rpython.memory.support import AddressStack

MARKED = 1 << 62
FREE = 1 << 61                       # a free cell's whole header: no type id, and says so
WORD_SHIFT = 3                       # size >> WORD_SHIFT: its size class (no division: it could raise)
PREBUILT_FLAGS = MARKED

SMALL_MAX = 256                      # the largest small object; its class is SMALL_MAX >> WORD_SHIFT
MIN_CELL = 2 * WORD                  # a free cell holds its header (FREE) and the next free cell
NUM_CLASSES = (SMALL_MAX >> WORD_SHIFT) + 1  # free_lists.address[size >> WORD_SHIFT]; classes 0 and 1 unused
ARENA_SIZE = 16 * 1024
ARENAS_PER_CHUNK = 16                # taken from the system together: one mapping, not sixteen
ARENA_HEADER = 3 * WORD              # the next arena, the size of its cells, the end of the last
LARGE_HEADER = 2 * WORD              # the next large block, the block's size
MARK_STACK_INITIAL = 1024            # entries
MIN_THRESHOLD = 1024 * 1024
POISON = -0x2424242424242425         # the word 0xDBDBDBDBDBDBDBDB, the checked heap's poison


class MarkSweepGC(GCBase):

    def __init__(self):
        GCBase.__init__(self)
        self.free_lists = llmemory.NULL   # NUM_CLASSES addresses: the first free cell of each class
        self.arenas = llmemory.NULL       # every arena, chained through its first word
        self.spare_arenas = llmemory.NULL # empty arenas, chained the same way
        self.large = llmemory.NULL        # every large block, chained through its first word
        self.mark_stack = AddressStack()  # marked objects whose fields wait to be visited
        self.heap_size = 0                # bytes of arenas and large blocks: what --heap-max bounds
        self.allocated = 0                # bytes allocated since the last collection
        self.threshold = MIN_THRESHOLD
        self.live = 0                     # bytes found live by the last sweep

    def setup(self, type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check):
        self.setup_base(type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check)
        self.free_lists = raw_malloc(NUM_CLASSES * WORD)
        llmemory.raw_memclear(self.free_lists, NUM_CLASSES * WORD)
        self.mark_stack.setup(MARK_STACK_INITIAL)

    # -- allocation --

    def malloc(self, typeid, length, size):
        size = round_up(size)
        if self.stress or self.allocated + size > self.threshold:
            self.collect()
        if size <= SMALL_MAX:
            obj = self.malloc_small(size)
        else:
            obj = self.malloc_large(size)
        self.allocated += size
        self.init_object(obj, typeid, length)
        return obj

    def malloc_small(self, size):
        if size < MIN_CELL:
            size = MIN_CELL
        c = size >> WORD_SHIFT
        if self.free_lists.address[c] == llmemory.NULL and self.would_pass_limit(ARENA_SIZE):
            self.collect()   # the sweep may give back cells of this class, or whole arenas
            if self.free_lists.address[c] == llmemory.NULL and self.would_pass_limit(ARENA_SIZE):
                raise OUT_OF_MEMORY
        cell = self.take_cell(size)
        llmemory.raw_memclear(cell, size)   # FREE, the link and any poison go: a new object is zeros
        return cell

    def take_cell(self, size):
        """A cell of size bytes (a multiple of 8, at least MIN_CELL), holding what it held: it
        never collects (minimark promotes into cells during a collection)."""
        c = size >> WORD_SHIFT
        cell = self.free_lists.address[c]
        if cell == llmemory.NULL:
            cell = self.new_arena(size)
        self.free_lists.address[c] = cell.address[1]
        return cell

    def new_arena(self, size):
        """A new arena of cells of size bytes, all on their free list; returns the first."""
        arena = self.take_arena()
        self.heap_size += ARENA_SIZE
        arena.address[0] = self.arenas
        arena.signed[1] = size
        self.arenas = arena
        first = arena + ARENA_HEADER
        end = first
        while end + size <= arena + ARENA_SIZE:
            end = end + size
        arena.address[2] = end
        cell = first
        while cell != end:
            nxt = cell + size
            cell.signed[0] = FREE
            if nxt == end:
                cell.address[1] = self.free_lists.address[size >> WORD_SHIFT]
            else:
                cell.address[1] = nxt
            cell = nxt
        self.free_lists.address[size >> WORD_SHIFT] = first
        return first

    def take_arena(self):
        """ARENA_SIZE bytes: a spare arena, or one of a new chunk of them."""
        if self.check:
            return raw_malloc(ARENA_SIZE)   # its own mapping, unmapped when it empties
        if self.spare_arenas == llmemory.NULL:
            chunk = raw_malloc(ARENAS_PER_CHUNK * ARENA_SIZE)
            i = 0
            while i < ARENAS_PER_CHUNK:
                self.give_back_arena(chunk + i * ARENA_SIZE)
                i += 1
        arena = self.spare_arenas
        self.spare_arenas = arena.address[0]
        return arena

    def give_back_arena(self, arena):
        """An arena left empty: kept for reuse, or unmapped under --checked, so that a pointer
        still into it fails at its first use."""
        if self.check:
            llmemory.raw_free(arena)
            return
        arena.address[0] = self.spare_arenas
        self.spare_arenas = arena

    def malloc_large(self, size):
        total = LARGE_HEADER + size
        if self.would_pass_limit(total):
            self.collect()
            if self.would_pass_limit(total):
                raise OUT_OF_MEMORY
        return self.take_large(size)

    def take_large(self, size):
        """A large block for an object of size bytes, zero; it never collects.  raw_calloc:
        natively a fresh mapping, zero already, whose pages the kernel gives only as they are
        touched; clearing it here was 40% of the dict workload's time."""
        total = LARGE_HEADER + size
        block = raw_calloc(total)
        self.heap_size += total
        block.address[0] = self.large
        block.signed[1] = total
        self.large = block
        return block + LARGE_HEADER

    def would_pass_limit(self, more):
        return self.heap_max > 0 and self.heap_size + more > self.heap_max

    # -- collection --

    def collect(self):
        check_heap(self, 0)
        self.collections += 1
        start = now()
        before = self.heap_size
        self.mark()
        self.live = 0
        self.sweep_arenas()
        self.sweep_large()
        debug_gc_log('marksweep', before, self.heap_size, 0, now() - start)   # nothing moves
        self.allocated = 0
        self.threshold = 2 * self.live
        if self.threshold < MIN_THRESHOLD:
            self.threshold = MIN_THRESHOLD
        check_heap(self, 1)

    def check_object(self, obj):
        return not (obj.signed[0] & FREE)   # a swept cell's header is FREE, its words poisoned

    def mark(self):
        self.visit_roots()
        self.trace_pushed()
        if self.mark_stack.capacity > MARK_STACK_INITIAL:
            # A deep structure grew the stack; the next collection may not need it.
            self.mark_stack.free()
            self.mark_stack.setup(MARK_STACK_INITIAL)

    def trace_pushed(self):
        """Visits the fields of the objects on the mark stack, and of those they push, until none is left."""
        while self.mark_stack.non_empty():
            obj = self.mark_stack.pop()
            self.trace(obj, self.typeid_of(obj))

    def visit(self, field):
        """Marks the object field points to, and pushes it to have its own fields visited."""
        obj = field.address[0]
        if obj == llmemory.NULL:
            return
        hdr = obj.signed[0]
        if hdr & MARKED:
            return   # already reached, or prebuilt
        # A FREE cell reached here is a pointer nobody told the collector about; it has no type
        # id, and tracing it stops the checked run at the empty type_info row of id 0.
        obj.signed[0] = hdr | MARKED
        self.mark_stack.append(obj)

    def sweep_arenas(self):
        """Rebuilds every free list from the arenas' unmarked cells; frees the arenas left empty."""
        llmemory.raw_memclear(self.free_lists, NUM_CLASSES * WORD)
        prev = llmemory.NULL
        arena = self.arenas
        while arena != llmemory.NULL:
            nxt = arena.address[0]
            if self.sweep_arena(arena):
                prev = arena
            else:
                if prev == llmemory.NULL:
                    self.arenas = nxt
                else:
                    prev.address[0] = nxt
                self.give_back_arena(arena)
                self.heap_size -= ARENA_SIZE
            arena = nxt

    def sweep_arena(self, arena):
        """Clears the marks of the arena's live cells and chains the others; False when none lives."""
        size = arena.signed[1]
        end = arena.address[2]
        head = llmemory.NULL   # the arena's free cells, in address order
        tail = llmemory.NULL
        live = 0
        cell = arena + ARENA_HEADER
        while cell != end:
            hdr = cell.signed[0]
            if hdr & MARKED:
                cell.signed[0] = hdr & ~MARKED
                live += 1
            else:
                if hdr != FREE and self.stress:
                    self.poison(cell, size)
                cell.signed[0] = FREE
                if tail == llmemory.NULL:
                    head = cell
                else:
                    tail.address[1] = cell
                tail = cell
            cell = cell + size
        if live == 0:
            return False
        if tail != llmemory.NULL:
            c = size >> WORD_SHIFT
            tail.address[1] = self.free_lists.address[c]
            self.free_lists.address[c] = head
        self.live += live * size
        return True

    def poison(self, cell, size):
        i = 2
        while i < size >> WORD_SHIFT:
            cell.signed[i] = POISON
            i += 1

    def sweep_large(self):
        """Frees every unmarked large object; clears the marks of the others."""
        prev = llmemory.NULL
        block = self.large
        while block != llmemory.NULL:
            nxt = block.address[0]
            obj = block + LARGE_HEADER
            hdr = obj.signed[0]
            if hdr & MARKED:
                obj.signed[0] = hdr & ~MARKED
                self.live += block.signed[1]
                prev = block
            else:
                if prev == llmemory.NULL:
                    self.large = nxt
                else:
                    prev.address[0] = nxt
                self.heap_size -= block.signed[1]
                llmemory.raw_free(block)
            block = nxt


GC = MarkSweepGC()


def gc_setup(type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check):
    GC.setup(type_info, type_count, static_roots, static_count, shadowstack, heap_max, nursery_size, stress, check)


def gc_malloc_fixedsize(typeid, size):
    return GC.malloc(typeid, 0, size)


def gc_malloc_varsize(typeid, length):
    return GC.malloc(typeid, length, GC.size_for(typeid, length))


def gc_collect():
    GC.collect()


def gc_identityhash(obj):
    return llmemory.cast_adr_to_int(obj)   # objects never move: the address is the identity
