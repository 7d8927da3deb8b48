/* prints.py in C: the same lines through stdio, which buffers stdout when it is not a terminal
 * (a pipe, as the benchmark runs it). The same output. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    long total = 0;
    for (long i = 0; i < n; i++) {
        total += i % 7;
        printf("%ld sq %ld %s\n", i, i * i % 1000003, i % 3 == 0 ? "True" : "False");
    }
    printf("total %ld\n", total);
    return 0;
}
