/* strings.py in C: the same records, text, fields and hash. The strings the RPy program keeps
 * are allocated here too (each record, the joined text, each field of the split, each key and
 * value cut from a field) and freed when the RPy program drops them; the intermediate strings
 * of the RPy program's "k" + s + "=" + ... are not, since C writes a record in one go. The same
 * output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *chars;
    size_t length;
} Str;

static Str str_copy(const char *chars, size_t length) {
    Str s = {malloc(length + 1), length};
    memcpy(s.chars, chars, length);
    return s;
}

/* The records "k<i*salt>=<its digits reversed>" joined by ";". */
static Str build(long n, long salt) {
    Str *parts = malloc(n * sizeof(Str));
    size_t total = 0;
    for (long i = 0; i < n; i++) {
        char digits[24];
        int len = snprintf(digits, sizeof digits, "%ld", i * salt);
        Str record = {malloc(2 * len + 2), 2 * len + 2};
        record.chars[0] = 'k';
        memcpy(record.chars + 1, digits, len);
        record.chars[len + 1] = '=';
        for (int j = 0; j < len; j++)
            record.chars[len + 2 + j] = digits[len - 1 - j];
        parts[i] = record;
        total += record.length;
    }
    total += n > 0 ? n - 1 : 0;
    Str text = {malloc(total + 1), total};
    size_t at = 0;
    for (long i = 0; i < n; i++) {
        if (i > 0)
            text.chars[at++] = ';';
        memcpy(text.chars + at, parts[i].chars, parts[i].length);
        at += parts[i].length;
        free(parts[i].chars);
    }
    free(parts);
    return text;
}

static long find(Str s, char c) {
    const char *p = memchr(s.chars, c, s.length);
    return p == NULL ? -1 : p - s.chars;
}

static void scan(Str text, long *palindromes, long *hash) {
    long count = 0, h = 0;
    /* text.split(";"): every field copied out first, as the list the RPy program iterates */
    size_t nfields = 1;
    for (size_t i = 0; i < text.length; i++)
        nfields += text.chars[i] == ';';
    Str *fields = malloc(nfields * sizeof(Str));
    size_t start = 0, k = 0;
    for (size_t i = 0; i <= text.length; i++) {
        if (i == text.length || text.chars[i] == ';') {
            fields[k++] = str_copy(text.chars + start, i - start);
            start = i + 1;
        }
    }
    for (size_t f = 0; f < nfields; f++) {
        Str field = fields[f];
        long eq = find(field, '=');
        /* field[1:eq] and field[eq + 1:], with Python's clamping of a -1 */
        size_t key_end = eq < 0 ? field.length - 1 : (size_t)eq;
        size_t value_start = (size_t)(eq + 1);
        Str key = str_copy(field.chars + 1, key_end > 1 ? key_end - 1 : 0);
        Str value = str_copy(field.chars + value_start, field.length - value_start);
        if (key.length == value.length && memcmp(key.chars, value.chars, key.length) == 0)
            count++;
        for (size_t i = 0; i < field.length; i++)
            h = (h * 31 + (unsigned char)field.chars[i]) & 0xFFFFFFF;
        free(key.chars);
        free(value.chars);
        free(field.chars);
    }
    free(fields);
    *palindromes = count;
    *hash = h;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 100000;
    long rounds = argc > 2 ? atol(argv[2]) : 5;
    long total_length = 0, total_palindromes = 0, h = 0;
    for (long r = 0; r < rounds; r++) {
        Str text = build(n, r + 1);
        long palindromes, hr;
        scan(text, &palindromes, &hr);
        total_length += text.length;
        total_palindromes += palindromes;
        h ^= hr;
        free(text.chars);
    }
    printf("%ld rounds of %ld records: %ld chars, %ld palindromes, hash %ld\n", rounds, n,
           total_length, total_palindromes, h);
    return 0;
}
