# The example of the README's section "Addresses", with a list and a tuple of addresses.
from rpython.rtyper.lltypesystem.lltype import Signed, Struct, Ptr
from rpython.rtyper.lltypesystem.llmemory import Address, NULL, raw_malloc, raw_free, cast_adr_to_ptr, sizeof, offsetof

NODE = Struct('NODE', ('value', Signed), ('next', Address))   # a field may hold an address
NODEP = Ptr(NODE)
NODE_SIZE = sizeof(NODE)                   # 16: stage 03's Layout, computed at import time
NEXT = offsetof(NODE, 'next')              # 8


def build(n):
    arena = raw_malloc(n * NODE_SIZE)      # raw memory: owned by no GC, contents undefined
    top = arena
    head = NULL
    for i in range(n):
        node = cast_adr_to_ptr(top, NODEP) # the same word, seen as a typed pointer
        node.value = i                     # getfield/setfield work on it as on any struct
        node.next = head
        head = top
        top = top + NODE_SIZE              # addresses move by bytes
    return arena, head


def total(head):
    s = 0
    while head:                            # an address is true when it is not NULL
        s += head.signed[0]                # the Signed word at head: raw_load(head, 0)
        head = (head + NEXT).address[0]    # the Address word 8 bytes further
    return s


def entry_point(argv):
    arena, head = build(10)
    print(NODE_SIZE, NEXT, total(head))
    stack = [head, arena]
    stack.append(head + 16)
    print(len(stack), stack[-1] - stack[0], stack[1] == arena)
    raw_free(arena)
    return 0
