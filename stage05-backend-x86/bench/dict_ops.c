/* dict_ops.py in C: the same operations on a hand-written hash table of long keys to long
 * values, open addressing with linear probing, deleted slots as tombstones, grown to keep it
 * at most 2/3 full (dicts do the same). The same output. */
#include <stdio.h>
#include <stdlib.h>

enum { EMPTY, FULL, DELETED };

typedef struct {
    long *keys, *values;
    unsigned char *state;
    size_t mask, used, filled; /* used: FULL slots; filled: FULL or DELETED */
} Dict;

static size_t hash(long key) { return (size_t)key * 0x9E3779B97F4A7C15ull >> 17; }

static void dict_init(Dict *d, size_t size) {
    d->keys = malloc(size * sizeof(long));
    d->values = malloc(size * sizeof(long));
    d->state = calloc(size, 1);
    d->mask = size - 1;
    d->used = d->filled = 0;
}

/* The slot holding key, or the first free one its probe sequence meets. */
static size_t lookup(const Dict *d, long key) {
    size_t i = hash(key) & d->mask, free_slot = (size_t)-1;
    for (;; i = (i + 1) & d->mask) {
        if (d->state[i] == EMPTY)
            return free_slot != (size_t)-1 ? free_slot : i;
        if (d->state[i] == DELETED) {
            if (free_slot == (size_t)-1)
                free_slot = i;
        } else if (d->keys[i] == key) {
            return i;
        }
    }
}

static void dict_set(Dict *d, long key, long value);

static void grow(Dict *d) {
    Dict old = *d;
    dict_init(d, (old.mask + 1) * 2);
    for (size_t i = 0; i <= old.mask; i++)
        if (old.state[i] == FULL)
            dict_set(d, old.keys[i], old.values[i]);
    free(old.keys);
    free(old.values);
    free(old.state);
}

static void dict_set(Dict *d, long key, long value) {
    size_t i = lookup(d, key);
    if (d->state[i] == FULL) {
        d->values[i] = value;
        return;
    }
    if (d->state[i] == EMPTY)
        d->filled++;
    d->state[i] = FULL;
    d->keys[i] = key;
    d->values[i] = value;
    d->used++;
    if (d->filled * 3 >= (d->mask + 1) * 2)
        grow(d);
}

static int dict_contains(const Dict *d, long key) { return d->state[lookup(d, key)] == FULL; }

static long dict_get(const Dict *d, long key) {
    size_t i = lookup(d, key);
    if (d->state[i] != FULL) {
        fprintf(stderr, "KeyError: %ld\n", key);
        exit(1);
    }
    return d->values[i];
}

static void dict_del(Dict *d, long key) {
    size_t i = lookup(d, key);
    if (d->state[i] != FULL) {
        fprintf(stderr, "KeyError: %ld\n", key);
        exit(1);
    }
    d->state[i] = DELETED;
    d->used--;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 2222222;
    Dict d;
    dict_init(&d, 8);
    for (long i = 0; i < n; i++)
        dict_set(&d, i * 7, i);
    long total = 0;
    for (long i = 0; i < n; i++)
        total += dict_get(&d, i * 7);
    long missing = 0;
    for (long i = 0; i < n; i++)
        if (!dict_contains(&d, i * 7 + 3))
            missing++;
    for (long i = 0; i < n; i += 2)
        dict_del(&d, i * 7);
    for (long i = 1; i < n; i += 2)
        total += dict_get(&d, i * 7);
    printf("dict of %ld keys: sum %ld, missing %ld, left %zu\n", n, total, missing, d.used);
    return 0;
}
