/* stage04-gc/examples/binary_trees.py in C: the same trees of 16-byte nodes, each short-lived
 * tree freed after its check (what the collector does for the RPy program), the long-lived one
 * kept to the end. The same output. */
#include <stdio.h>
#include <stdlib.h>

typedef struct Node {
    struct Node *left, *right;
} Node;

static Node *make(long depth) {
    Node *node = malloc(sizeof(Node));
    if (depth == 0) {
        node->left = node->right = NULL;
    } else {
        node->left = make(depth - 1);
        node->right = make(depth - 1);
    }
    return node;
}

static long check(const Node *node) {
    if (node->left == NULL)
        return 1;
    return 1 + check(node->left) + check(node->right);
}

static void release(Node *node) {
    if (node->left != NULL) {
        release(node->left);
        release(node->right);
    }
    free(node);
}

int main(int argc, char **argv) {
    long trees = argc > 1 ? atol(argv[1]) : 20;
    long depth = argc > 2 ? atol(argv[2]) : 16;
    Node *long_lived = make(depth);
    long total = 0;
    for (long i = 0; i < trees; i++) {
        Node *tree = make(depth);
        total += check(tree);
        release(tree);
    }
    printf("%ld trees of depth %ld: %ld nodes checked; long-lived tree: %ld nodes\n",
           trees, depth, total, check(long_lived));
    return 0;
}
