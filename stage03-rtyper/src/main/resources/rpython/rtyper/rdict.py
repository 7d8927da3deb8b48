"""Dicts at the low level: what ``d[k]``, ``d[k] = v``, ``del d[k]`` and ``k in d`` mean.

The layout is CPython's since 3.6 and PyPy's ``rordereddict.py``: the items live in dense
arrays in insertion order (``keys``, ``values``, ``hashes``, and ``valid``, false for a deleted
item), and a sparse *index table* of powers of two maps a hash to the position of its item
there, by open addressing (``FREE`` slots end a search, ``DELETED`` ones do not).  So iterating
walks the dense arrays (insertion order, no holes to skip but the deleted ones), and the index
table holds only one word per slot.  When the dense arrays are full the dict is rebuilt: the
live items are copied, in order, into arrays sized for twice their number, which drops the
deleted ones, and the index table is made again.

PyPy keeps the items in one array of structs; a struct inlined in an array needs interior
pointers, which stage 03 does not give helpers yet, so here the item is spread over four
parallel arrays.  The rtyper passes the key's hash (``DictRules``: an int is its own hash, a
char its code) and the array types to allocate (``KEYS``, ``VALUES``) as Void constants, and
the key type's two functions, also constants: ``KEYEQ``, its equality (``==`` on its low-level
type, ``rstr.ll_streq`` for strs, ``rtuple``'s item by item for tuples), and ``KEYHASH``, its
hash, which the rule computes for each lookup and ``ll_rehash`` needs for the keys of a
prebuilt dict whose hashes the image cannot hold.
"""
from rpython.rtyper.lltypesystem.lltype import Signed, Bool, GcArray, malloc
from rpython.rtyper.lltypesystem.lloperation import llop


def ll_keyeq(a, b):
    """How keys compare, but strs: by ==, a number's value or an instance's identity."""
    return a == b


def ll_strhash(s):
    """The hash of a str key, CPython 2's string hash over its chars, cached in the string's
    ``hash`` field as PyPy's ``ll_strhash`` caches it: 0 there means not computed yet, so a
    hash that comes out 0 is replaced by another constant.  Prebuilt strings are read-only:
    the image gives each its hash already (``StrHash``, the same computation in Java)."""
    x = s.hash
    if x == 0:
        x = ll_strhash_compute(s)
        s.hash = x
    return x


def ll_strhash_compute(s):
    n = len(s.chars)
    x = 0
    if n > 0:
        x = llop.cast_char_to_int(Signed, s.chars[0]) << 7
        i = 0
        while i < n:
            x = (x * 1000003) ^ llop.cast_char_to_int(Signed, s.chars[i])
            i += 1
        x = x ^ n
    if x == 0:
        x = 29872897
    return x

def ll_hash_int(x):
    return x


def ll_hash_bool(b):
    return llop.cast_bool_to_int(Signed, b)


def ll_hash_char(c):
    # ll_strhash_compute of the str of one char: a char and that str are equal, so they hash
    # alike (as items of tuples, or given to hash())
    x = llop.cast_char_to_int(Signed, c)
    return (((x << 7) * 1000003) ^ x) ^ 1


def ll_hash_float(x):
    # equal floats (0.0 and -0.0 too) truncate to the same int; NaN is never found, as in Python
    return llop.cast_float_to_int(Signed, x)


def ll_identityhash(p):
    """The hash of an instance is its identity: its address when it was first asked, turned
    right by 4 bits since the low ones are zero for every aligned object (CPython's
    ``_Py_HashPointer``).  ``gc_identityhash`` is the address while objects never move; stage
    04's moving collectors keep it with the object when they move it (PyPy's operation)."""
    return llop.gc_identityhash(Signed, p) >> 4


def ll_hash_with(KEYHASH, key):
    return KEYHASH(key)


INDEXES = GcArray(Signed)
HASHES = GcArray(Signed)
FLAGS = GcArray(Bool)

FREE = -1                  # an index slot never used: a search stops here
DELETED = -2               # an index slot whose item was deleted: a search goes on
MIN_SIZE = 8               # the smallest index table (its dense arrays hold 5 items)
PERTURB_SHIFT = 5
PERTURB_MASK = 0x07FFFFFFFFFFFFFF   # perturb >> 5 with the sign bit cleared: a logical shift


def ll_capacity(size):
    # a dense array is two thirds of the index table: at most 2/3 of the slots are ever used,
    # so a search always meets a FREE slot, and meets it soon
    return size * 2 // 3


def ll_newdict(DICT, KEYS, VALUES):
    d = malloc(DICT)
    ll_alloc(d, KEYS, VALUES, MIN_SIZE)
    return d


def ll_alloc(d, KEYS, VALUES, size):
    n = ll_capacity(size)
    d.keys = malloc(KEYS, n)
    d.values = malloc(VALUES, n)
    d.hashes = malloc(HASHES, n)
    d.valid = malloc(FLAGS, n)
    indexes = malloc(INDEXES, size)
    i = 0
    while i < size:
        indexes[i] = FREE
        i += 1
    d.indexes = indexes
    d.num_live = 0
    d.num_ever_used = 0


def ll_lookup(KEYEQ, KEYHASH, d, key, hash):
    # The position of key's item in the dense arrays, or -1.  The probe sequence is CPython's:
    # i = 5*i + 1 + perturb, with perturb the hash shifted right 5 bits at every step, so that
    # all the bits of the hash take part before the sequence walks every slot.
    indexes = d.indexes
    if not indexes:
        indexes = ll_build_indexes(KEYHASH, d)     # a prebuilt dict, used for the first time
    mask = len(indexes) - 1
    i = hash & mask
    perturb = hash & PERTURB_MASK
    while True:
        index = indexes[i]
        if index == FREE:
            return -1
        if index >= 0 and d.hashes[index] == hash and KEYEQ(d.keys[index], key):
            return index
        perturb = perturb >> PERTURB_SHIFT
        i = (i * 5 + perturb + 1) & mask


def ll_build_indexes(KEYHASH, d):
    # A dict of the image comes with its dense arrays full and no index table (see
    # DictRules.constant): the table is built here, at the first lookup, from the hashes.
    # Every operation that needs the table starts with ll_lookup.  Keys whose hashes the image
    # cannot hold (an instance's is its address) come without hashes too: they are computed
    # first, by the dict type's own hash function.
    if not d.hashes:
        ll_rehash(KEYHASH, d)
    n = len(d.keys)
    size = MIN_SIZE
    while ll_capacity(size) < n:
        size = size * 2
    indexes = malloc(INDEXES, size)
    i = 0
    while i < size:
        indexes[i] = FREE
        i += 1
    i = 0
    while i < d.num_ever_used:
        if d.valid[i]:
            indexes[ll_free_slot(indexes, d.hashes[i])] = i
        i += 1
    d.indexes = indexes
    return indexes


def ll_rehash(KEYHASH, d):
    n = len(d.keys)
    hashes = malloc(HASHES, n)
    i = 0
    while i < d.num_ever_used:
        hashes[i] = KEYHASH(d.keys[i])
        i += 1
    d.hashes = hashes


def ll_lookup_slot(KEYEQ, d, key, hash):
    # The slot of the index table that holds key's item (which must be there).
    indexes = d.indexes
    mask = len(indexes) - 1
    i = hash & mask
    perturb = hash & PERTURB_MASK
    while True:
        index = indexes[i]
        if index >= 0 and d.hashes[index] == hash and KEYEQ(d.keys[index], key):
            return i
        perturb = perturb >> PERTURB_SHIFT
        i = (i * 5 + perturb + 1) & mask


def ll_free_slot(indexes, hash):
    mask = len(indexes) - 1
    i = hash & mask
    perturb = hash & PERTURB_MASK
    while indexes[i] != FREE:
        perturb = perturb >> PERTURB_SHIFT
        i = (i * 5 + perturb + 1) & mask
    return i


def ll_dict_setitem(KEYEQ, KEYHASH, KEYS, VALUES, d, key, hash, value):
    index = ll_lookup(KEYEQ, KEYHASH, d, key, hash)
    if index >= 0:
        d.values[index] = value
    else:
        ll_insert_new(KEYS, VALUES, d, key, hash, value)


def ll_insert_new(KEYS, VALUES, d, key, hash, value):
    if d.num_ever_used == len(d.keys):
        ll_resize(KEYS, VALUES, d)
    index = d.num_ever_used
    d.keys[index] = key
    d.values[index] = value
    d.hashes[index] = hash
    d.valid[index] = True
    d.num_ever_used = index + 1
    d.num_live += 1
    indexes = d.indexes
    indexes[ll_free_slot(indexes, hash)] = index


def ll_resize(KEYS, VALUES, d):
    # Room for twice the live items (at least MIN_SIZE slots): a dict that grows doubles, one
    # whose items were mostly deleted shrinks.  The live items are copied in their order.
    size = MIN_SIZE
    while ll_capacity(size) <= d.num_live * 2:
        size = size * 2
    keys = d.keys
    values = d.values
    hashes = d.hashes
    valid = d.valid
    n = d.num_ever_used
    ll_alloc(d, KEYS, VALUES, size)
    i = 0
    while i < n:
        if valid[i]:
            ll_append(d, keys[i], hashes[i], values[i])
        i += 1


def ll_append(d, key, hash, value):
    # an item known to be new, into arrays known to have room
    index = d.num_ever_used
    d.keys[index] = key
    d.values[index] = value
    d.hashes[index] = hash
    d.valid[index] = True
    d.num_ever_used = index + 1
    d.num_live += 1
    indexes = d.indexes
    indexes[ll_free_slot(indexes, hash)] = index


def ll_dict_delete_at(KEYEQ, d, key, hash):
    # key is in d (the rule looked it up): its index slot becomes DELETED, its item invalid.
    # The dense arrays keep the hole until the next resize drops it.
    slot = ll_lookup_slot(KEYEQ, d, key, hash)
    index = d.indexes[slot]
    d.indexes[slot] = DELETED
    d.valid[index] = False
    d.num_live -= 1


def ll_dict_clear(KEYS, VALUES, d):
    ll_alloc(d, KEYS, VALUES, MIN_SIZE)


def ll_dict_copy(KEYEQ, KEYHASH, DICT, KEYS, VALUES, d):
    new = ll_newdict(DICT, KEYS, VALUES)
    ll_dict_update(KEYEQ, KEYHASH, KEYS, VALUES, new, d)
    return new


def ll_dict_update(KEYEQ, KEYHASH, KEYS, VALUES, d, other):
    if not other.indexes:
        ll_build_indexes(KEYHASH, other)   # a prebuilt dict whose hashes may not be known yet
    n = other.num_ever_used
    i = 0
    while i < n:
        if other.valid[i]:
            ll_dict_setitem(KEYEQ, KEYHASH, KEYS, VALUES, d, other.keys[i], other.hashes[i], other.values[i])
        i += 1


def ll_dictiter_next(d, index):
    # the position of the first live item at or after index, or -1 at the end
    n = d.num_ever_used
    while index < n:
        if d.valid[index]:
            return index
        index += 1
    return -1


def ll_dict_keys(KEYS, d):
    result = malloc(KEYS, d.num_live)
    j = 0
    i = 0
    while i < d.num_ever_used:
        if d.valid[i]:
            result[j] = d.keys[i]
            j += 1
        i += 1
    return result


def ll_dict_values(VALUES, d):
    result = malloc(VALUES, d.num_live)
    j = 0
    i = 0
    while i < d.num_ever_used:
        if d.valid[i]:
            result[j] = d.values[i]
            j += 1
        i += 1
    return result


def ll_dict_items(ITEMS, TUPLE, d):
    result = malloc(ITEMS, d.num_live)
    j = 0
    i = 0
    while i < d.num_ever_used:
        if d.valid[i]:
            t = malloc(TUPLE)
            t.item0 = d.keys[i]
            t.item1 = d.values[i]
            result[j] = t
            j += 1
        i += 1
    return result


def ll_dict_setdefault(KEYEQ, KEYHASH, KEYS, VALUES, d, key, hash, default):
    index = ll_lookup(KEYEQ, KEYHASH, d, key, hash)
    if index >= 0:
        return d.values[index]
    ll_insert_new(KEYS, VALUES, d, key, hash, default)
    return default
