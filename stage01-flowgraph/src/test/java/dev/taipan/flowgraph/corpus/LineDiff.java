package dev.taipan.flowgraph.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified-style diff of two texts, line by line, for failure messages: the lines both have
 * are shown with two spaces, missing ones with {@code -}, unexpected ones with {@code +}, and
 * long runs of agreement are cut to a little context. A longest-common-subsequence table is
 * plenty for program outputs of a few hundred lines; beyond {@link #MAX_CELLS} it falls back
 * to showing both texts from the first difference on.
 */
final class LineDiff {
    private static final int CONTEXT = 3;
    private static final long MAX_CELLS = 4_000_000;

    private LineDiff() {}

    static String diff(List<String> expected, List<String> actual) {
        if ((long) expected.size() * actual.size() > MAX_CELLS) {
            return fromFirstDifference(expected, actual);
        }
        List<String> rows = rows(expected, actual);
        return elide(rows);
    }

    /** Every line of both texts, marked " ", "-" or "+", in order (the LCS walk). */
    private static List<String> rows(List<String> a, List<String> b) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                rows.add("  " + a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                rows.add("- " + a.get(i++));    // deletions before insertions, as diff -u
            } else {
                rows.add("+ " + b.get(j++));
            }
        }
        return rows;
    }

    /** Keeps the changed rows and {@link #CONTEXT} rows around each; "..." for the rest. */
    private static String elide(List<String> rows) {
        boolean[] keep = new boolean[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            if (!rows.get(r).startsWith(" ")) {
                for (int k = Math.max(0, r - CONTEXT); k <= Math.min(rows.size() - 1, r + CONTEXT); k++) {
                    keep[k] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        boolean skipped = false;
        for (int r = 0; r < rows.size(); r++) {
            if (keep[r]) {
                out.append(rows.get(r)).append('\n');
                skipped = false;
            } else if (!skipped) {
                out.append("  ...\n");
                skipped = true;
            }
        }
        return out.toString();
    }

    private static String fromFirstDifference(List<String> expected, List<String> actual) {
        int first = 0;
        while (first < expected.size() && first < actual.size() && expected.get(first).equals(actual.get(first))) {
            first++;
        }
        StringBuilder out = new StringBuilder("(too long to align; from line " + (first + 1) + " on)\n");
        expected.subList(first, Math.min(expected.size(), first + 10)).forEach(l -> out.append("- ").append(l).append('\n'));
        actual.subList(first, Math.min(actual.size(), first + 10)).forEach(l -> out.append("+ ").append(l).append('\n'));
        return out.toString();
    }
}
