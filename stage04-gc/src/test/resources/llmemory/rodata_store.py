# A prebuilt string is read-only: storing into it through its address is refused.
from rpython.rtyper.lltypesystem.llmemory import cast_ptr_to_adr
from rpython.rtyper.annlowlevel import llstr


def entry_point(argv):
    adr = cast_ptr_to_adr(llstr('hello'))
    print('hash word:', adr.signed[1])
    adr.signed[1] = 5
    return 0
