# A bump allocator over raw memory, the way stage 04's collectors allocate: one raw_malloc'ed
# arena, objects carved out of it with cast_adr_to_ptr, linked by addresses, walked both with
# typed field reads and with raw word reads, copied with raw_memcopy, cleared with
# raw_memclear, and the arena freed at the end.
from rpython.rtyper.lltypesystem.lltype import Signed, Float, Char, Struct, GcStruct, Ptr, malloc
from rpython.rtyper.lltypesystem.llmemory import Address, NULL, raw_malloc, raw_free, raw_memcopy, raw_memclear
from rpython.rtyper.lltypesystem.llmemory import cast_ptr_to_adr, cast_adr_to_ptr, cast_adr_to_int, cast_int_to_adr
from rpython.rtyper.lltypesystem.llmemory import sizeof, offsetof

NODE = Struct('NODE', ('value', Signed), ('weight', Float), ('tag', Char), ('next', Address))
NODEP = Ptr(NODE)
NODE_SIZE = sizeof(NODE)
VALUE = offsetof(NODE, 'value')
WEIGHT = offsetof(NODE, 'weight')
TAG = offsetof(NODE, 'tag')
NEXT = offsetof(NODE, 'next')
BOX = GcStruct('BOX', ('x', Signed), ('y', Signed))


class Arena(object):
    def __init__(self, size):
        self.start = raw_malloc(size)
        self.top = self.start
        self.end = self.start + size

    def alloc(self, size):
        if self.top + size > self.end:
            return NULL
        result = self.top
        self.top = self.top + size
        return result

    def used(self):
        return self.top - self.start


def build(arena, n):
    head = NULL
    i = 0
    while i < n:
        adr = arena.alloc(NODE_SIZE)
        if not adr:
            break
        node = cast_adr_to_ptr(adr, NODEP)
        node.value = i * i
        node.weight = i * 0.5
        node.tag = chr(ord('a') + i)
        node.next = head
        head = adr
        i += 1
    return head


def sum_typed(head):
    total = 0
    adr = head
    while adr:
        node = cast_adr_to_ptr(adr, NODEP)
        total += node.value
        adr = node.next
    return total


def walk_raw(head):
    total = 0
    weights = 0.0
    tags = ''
    adr = head
    while adr:
        total += adr.signed[VALUE // 8]
        weights += (adr + WEIGHT).float[0]
        tags += adr.char[TAG]
        adr = (adr + NEXT).address[0]
    print('raw walk:', total, weights, tags)
    return total


def entry_point(argv):
    print('sizes:', NODE_SIZE, VALUE, WEIGHT, TAG, NEXT)
    arena = Arena(10 * NODE_SIZE)
    head = build(arena, 100)
    print('used:', arena.used(), 'of', arena.end - arena.start)
    print('typed sum:', sum_typed(head))
    walk_raw(head)

    # a copy of the first node, made with raw_memcopy, then cleared with raw_memclear
    spare = raw_malloc(NODE_SIZE)
    raw_memcopy(head, spare, NODE_SIZE)
    copy = cast_adr_to_ptr(spare, NODEP)
    print('copy:', copy.value, copy.weight, copy.tag, copy.next == cast_adr_to_ptr(head, NODEP).next)
    raw_memclear(spare, NODE_SIZE)
    print('cleared:', copy.value, copy.weight, bool(copy.next), copy.next == NULL)
    raw_free(spare)

    # writing through the raw view is seen by the typed one
    (head + VALUE).signed[0] = -7
    print('after a raw store:', cast_adr_to_ptr(head, NODEP).value)

    # address arithmetic and comparisons
    second = cast_adr_to_ptr(head, NODEP).next
    print('order:', second < head, head - second, second + NODE_SIZE == head, head >= arena.start)
    word = cast_adr_to_int(head)
    print('int round trip:', cast_int_to_adr(word + 8) == head + 8, (head - 8) + 8 == head)

    # a GC object read as words: its header, then its fields
    box = malloc(BOX)
    box.x = 40
    a = cast_ptr_to_adr(box)
    a.signed[2] = 2
    print('box:', a.signed[0], a.signed[1], box.y, box.x + box.y)

    raw_free(arena.start)
    return 0


if __name__ == '__main__':
    import sys
    entry_point(sys.argv)
