package dev.taipan.flowgraph.host.lib;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The methods of Python's {@code str}, on Java strings, with CPython 3.11's results and errors.
 *
 * <p><b>Characters.</b> One UTF-16 code unit is one Python character for lengths, indices and
 * slicing (as on a narrow build); the case mappings and the Unicode predicates look at whole
 * code points.
 *
 * <p><b>Slice arguments.</b> {@code start}/{@code end} follow Python's slice rules: negative
 * values count from the end, out-of-range values are clamped, and a start beyond the end finds
 * nothing. An absent start is {@code 0} (or {@link Integer#MIN_VALUE}), an absent end
 * {@link Integer#MAX_VALUE}; the interpreter clamps larger Python ints to the int range, which
 * does not change the result. Overloads without them search the whole string.
 *
 * <p><b>Unicode.</b> Java's {@link Character} tables (Unicode 16 in JDK 25) stand in for
 * CPython 3.11's (Unicode 14); characters assigned since then differ. Known deviations besides:
 * {@code isdigit}/{@code isnumeric} derive Python's Numeric_Type from the general category and
 * numeric value Java knows (CJK ideographs with a Unihan numeric value are listed by hand);
 * {@code casefold} is "lowercase of uppercase" per character, which is Unicode full case folding
 * (Cherokee, dotless i and capital sharp s are special-cased); titlecasing a character whose
 * full titlecase mapping has several characters is derived from its full uppercase mapping.
 * Checked over every code point below U+30000 that Unicode 14 assigns: the only differences left
 * are five characters whose properties changed after Unicode 14 (U+019B and U+0264 gained
 * uppercase forms; U+10FC, U+A7F2..A7F4, U+AB69 became Other_Lowercase).
 */
public final class StrMethods {

    private StrMethods() {}

    // ------------------------------------------------------------------ character classes

    /** Python's whitespace ({@code str.isspace}): Unicode bidirectional class WS, B or S, or
     *  general category Zs. The set is small and stable, so it is spelled out. */
    public static boolean isSpace(int cp) {
        return switch (cp) {
            case '\t', '\n', 0x0b, 0x0c, '\r', 0x1c, 0x1d, 0x1e, 0x1f, ' ', 0x85, 0xa0, 0x1680,
                 0x2028, 0x2029, 0x202f, 0x205f, 0x3000 -> true;
            default -> cp >= 0x2000 && cp <= 0x200a;
        };
    }

    /** The line boundaries of {@code splitlines}. */
    static boolean isLineBreak(int c) {
        return switch (c) {
            case '\n', '\r', 0x0b, 0x0c, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029 -> true;
            default -> false;
        };
    }

    // ------------------------------------------------------------------ slice arguments

    private static int adjustStart(int start, int len) {
        if (start < 0) {
            start += len;
            if (start < 0) {
                start = 0;
            }
        }
        return start;
    }

    private static int adjustEnd(int end, int len) {
        if (end > len) {
            return len;
        }
        if (end < 0) {
            end += len;
            if (end < 0) {
                end = 0;
            }
        }
        return end;
    }

    // ------------------------------------------------------------------ searching

    /** {@code s.find(sub, start, end)}: the lowest index of {@code sub} inside the slice, or -1. */
    public static int find(String s, String sub, int start, int end) {
        start = adjustStart(start, s.length());
        end = adjustEnd(end, s.length());
        if (end - start < sub.length()) {
            return -1;
        }
        if (sub.isEmpty()) {
            return start;
        }
        int i = s.indexOf(sub, start);
        return i >= 0 && i + sub.length() <= end ? i : -1;
    }

    public static int find(String s, String sub) {
        return s.indexOf(sub);
    }

    /** {@code s.rfind(sub, start, end)}: the highest index of {@code sub} inside the slice, or -1. */
    public static int rfind(String s, String sub, int start, int end) {
        start = adjustStart(start, s.length());
        end = adjustEnd(end, s.length());
        if (end - start < sub.length()) {
            return -1;
        }
        int i = s.lastIndexOf(sub, end - sub.length());
        return i >= start ? i : -1;
    }

    public static int rfind(String s, String sub) {
        return s.lastIndexOf(sub);
    }

    /** {@code s.index(sub, start, end)}: like {@link #find} but ValueError when absent. */
    public static int index(String s, String sub, int start, int end) {
        int i = find(s, sub, start, end);
        if (i < 0) {
            throw PyLibError.valueError("substring not found");
        }
        return i;
    }

    public static int index(String s, String sub) {
        return index(s, sub, 0, Integer.MAX_VALUE);
    }

    public static int rindex(String s, String sub, int start, int end) {
        int i = rfind(s, sub, start, end);
        if (i < 0) {
            throw PyLibError.valueError("substring not found");
        }
        return i;
    }

    public static int rindex(String s, String sub) {
        return rindex(s, sub, 0, Integer.MAX_VALUE);
    }

    /** {@code s.count(sub, start, end)}: non-overlapping occurrences; the empty string occurs
     *  once between each pair of characters and at both ends of the slice. */
    public static int count(String s, String sub, int start, int end) {
        start = adjustStart(start, s.length());
        end = adjustEnd(end, s.length());
        if (end - start < sub.length()) {
            return 0;
        }
        if (sub.isEmpty()) {
            return end - start + 1;
        }
        int n = 0;
        for (int i = s.indexOf(sub, start); i >= 0 && i + sub.length() <= end; i = s.indexOf(sub, i + sub.length())) {
            n++;
        }
        return n;
    }

    public static int count(String s, String sub) {
        return count(s, sub, 0, Integer.MAX_VALUE);
    }

    /** {@code s.startswith(prefix, start, end)}: the prefix must fit inside the slice, so an empty
     *  prefix matches unless the start lies beyond the end. */
    public static boolean startswith(String s, String prefix, int start, int end) {
        start = adjustStart(start, s.length());
        end = adjustEnd(end, s.length());
        if (end - start < prefix.length()) {
            return false;
        }
        return s.startsWith(prefix, start);
    }

    public static boolean startswith(String s, String prefix) {
        return s.startsWith(prefix);
    }

    public static boolean endswith(String s, String suffix, int start, int end) {
        start = adjustStart(start, s.length());
        end = adjustEnd(end, s.length());
        if (end - start < suffix.length()) {
            return false;
        }
        return s.startsWith(suffix, end - suffix.length());
    }

    public static boolean endswith(String s, String suffix) {
        return s.endsWith(suffix);
    }

    /** {@code sub in s}. */
    public static boolean contains(String s, String sub) {
        return s.contains(sub);
    }

    /** {@code s[index]}, with negative indices; IndexError {@code string index out of range}. */
    public static String getitem(String s, long index) {
        long i = index < 0 ? index + s.length() : index;
        if (i < 0 || i >= s.length()) {
            throw new PyLibError("IndexError", "string index out of range");
        }
        return String.valueOf(s.charAt((int) i));
    }

    // ------------------------------------------------------------------ splitting

    /** {@code s.split(sep, maxsplit)}; {@code sep == null} splits on runs of whitespace and drops
     *  empty strings, {@code maxsplit < 0} means no limit. ValueError {@code empty separator}. */
    public static List<String> split(String s, String sep, int maxsplit) {
        if (maxsplit < 0) {
            maxsplit = Integer.MAX_VALUE;
        }
        return sep == null ? splitWhitespace(s, maxsplit) : splitOn(s, checkSep(sep), maxsplit);
    }

    public static List<String> split(String s) {
        return split(s, null, -1);
    }

    private static String checkSep(String sep) {
        if (sep.isEmpty()) {
            throw PyLibError.valueError("empty separator");
        }
        return sep;
    }

    private static List<String> splitWhitespace(String s, int maxsplit) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (maxsplit-- > 0) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            if (i == n) {
                return out;
            }
            int j = i;
            while (i < n && !isSpace(s.charAt(i))) {
                i++;
            }
            out.add(s.substring(j, i));
        }
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        if (i < n) {
            out.add(s.substring(i));   // the rest keeps its trailing whitespace
        }
        return out;
    }

    private static List<String> splitOn(String s, String sep, int maxsplit) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int j;
        while (maxsplit-- > 0 && (j = s.indexOf(sep, i)) >= 0) {
            out.add(s.substring(i, j));
            i = j + sep.length();
        }
        out.add(s.substring(i));
        return out;
    }

    /** {@code s.rsplit(sep, maxsplit)}: like {@link #split} but the splits are made from the right. */
    public static List<String> rsplit(String s, String sep, int maxsplit) {
        if (maxsplit < 0) {
            maxsplit = Integer.MAX_VALUE;
        }
        return sep == null ? rsplitWhitespace(s, maxsplit) : rsplitOn(s, checkSep(sep), maxsplit);
    }

    public static List<String> rsplit(String s) {
        return rsplit(s, null, -1);
    }

    private static List<String> rsplitWhitespace(String s, int maxsplit) {
        List<String> out = new ArrayList<>();
        int i = s.length();   // exclusive end of the unexamined part
        while (maxsplit-- > 0) {
            while (i > 0 && isSpace(s.charAt(i - 1))) {
                i--;
            }
            if (i == 0) {
                break;
            }
            int j = i;
            while (i > 0 && !isSpace(s.charAt(i - 1))) {
                i--;
            }
            out.add(s.substring(i, j));
        }
        if (i > 0) {
            while (i > 0 && isSpace(s.charAt(i - 1))) {
                i--;
            }
            if (i > 0) {
                out.add(s.substring(0, i));
            }
        }
        Collections.reverse(out);
        return out;
    }

    private static List<String> rsplitOn(String s, String sep, int maxsplit) {
        List<String> out = new ArrayList<>();
        int end = s.length();
        int j;
        while (maxsplit-- > 0 && end >= sep.length() && (j = s.lastIndexOf(sep, end - sep.length())) >= 0) {
            out.add(s.substring(j + sep.length(), end));
            end = j;
        }
        out.add(s.substring(0, end));
        Collections.reverse(out);
        return out;
    }

    /** {@code s.splitlines(keepends)}: splits at {@code \n}, {@code \r}, {@code \r\n} and the other
     *  Unicode line boundaries ({@code \v \f \x1c \x1d \x1e \x85 \u2028 \u2029}). */
    public static List<String> splitlines(String s, boolean keepends) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            int j = i;
            while (i < n && !isLineBreak(s.charAt(i))) {
                i++;
            }
            int eol = i;
            if (i < n) {
                i += s.charAt(i) == '\r' && i + 1 < n && s.charAt(i + 1) == '\n' ? 2 : 1;
                if (keepends) {
                    eol = i;
                }
            }
            out.add(s.substring(j, eol));
        }
        return out;
    }

    public static List<String> splitlines(String s) {
        return splitlines(s, false);
    }

    /** {@code s.partition(sep)}: {@code [head, sep, tail]}, or {@code [s, "", ""]} when absent. */
    public static String[] partition(String s, String sep) {
        int i = s.indexOf(checkSep(sep));
        return i < 0 ? new String[] {s, "", ""}
                : new String[] {s.substring(0, i), sep, s.substring(i + sep.length())};
    }

    /** {@code s.rpartition(sep)}: splits at the last occurrence; {@code ["", "", s]} when absent. */
    public static String[] rpartition(String s, String sep) {
        int i = s.lastIndexOf(checkSep(sep));
        return i < 0 ? new String[] {"", "", s}
                : new String[] {s.substring(0, i), sep, s.substring(i + sep.length())};
    }

    /** {@code sep.join(items)}. */
    public static String join(String sep, List<String> items) {
        return String.join(sep, items);
    }

    // ------------------------------------------------------------------ stripping

    /** {@code s.strip(chars)}; {@code chars == null} strips Python whitespace. */
    public static String strip(String s, String chars) {
        return rstrip(lstrip(s, chars), chars);
    }

    public static String strip(String s) {
        return strip(s, null);
    }

    public static String lstrip(String s, String chars) {
        int i = 0;
        while (i < s.length() && stripped(s.charAt(i), chars)) {
            i++;
        }
        return s.substring(i);
    }

    public static String lstrip(String s) {
        return lstrip(s, null);
    }

    public static String rstrip(String s, String chars) {
        int i = s.length();
        while (i > 0 && stripped(s.charAt(i - 1), chars)) {
            i--;
        }
        return s.substring(0, i);
    }

    public static String rstrip(String s) {
        return rstrip(s, null);
    }

    private static boolean stripped(char c, String chars) {
        return chars == null ? isSpace(c) : chars.indexOf(c) >= 0;
    }

    /** {@code s.removeprefix(prefix)}. */
    public static String removeprefix(String s, String prefix) {
        return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }

    /** {@code s.removesuffix(suffix)}. */
    public static String removesuffix(String s, String suffix) {
        return !suffix.isEmpty() && s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    // ------------------------------------------------------------------ building

    /** {@code s.replace(old, new, count)}; {@code count < 0} replaces all. An empty {@code old}
     *  matches before every character and at the end ({@code 'ab'.replace('', '-') == '-a-b-'}). */
    public static String replace(String s, String old, String replacement, int count) {
        if (count < 0) {
            count = Integer.MAX_VALUE;
        }
        if (count == 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        if (old.isEmpty()) {
            int i = 0;
            for (; i <= s.length() && count > 0; i++, count--) {
                sb.append(replacement);
                if (i < s.length()) {
                    sb.append(s.charAt(i));
                }
            }
            return i < s.length() ? sb.append(s, i, s.length()).toString() : sb.toString();
        }
        int i = 0;
        int j;
        while (count-- > 0 && (j = s.indexOf(old, i)) >= 0) {
            sb.append(s, i, j).append(replacement);
            i = j + old.length();
        }
        return sb.append(s, i, s.length()).toString();
    }

    public static String replace(String s, String old, String replacement) {
        return replace(s, old, replacement, -1);
    }

    /** {@code s * n}: empty for {@code n <= 0}. OverflowError {@code repeated string is too long}
     *  when the length would not fit a Py_ssize_t, MemoryError when it would not fit a Java string. */
    public static String repeat(String s, long n) {
        if (n <= 0 || s.isEmpty()) {
            return "";
        }
        if (n > Long.MAX_VALUE / s.length()) {
            throw PyLibError.overflowError("repeated string is too long");
        }
        if (n * s.length() > Integer.MAX_VALUE - 16) {
            throw new PyLibError("MemoryError", "");
        }
        return s.repeat((int) n);
    }

    /** The one-character fill of {@code center}/{@code ljust}/{@code rjust} given as a Python str;
     *  TypeError {@code The fill character must be exactly one character long} otherwise. */
    private static String fillChar(String fill) {
        if (fill.isEmpty() || fill.codePointCount(0, fill.length()) != 1) {
            throw PyLibError.typeError("The fill character must be exactly one character long");
        }
        return fill;
    }

    /** {@code s.center(width, fill)}: when the padding is odd, CPython puts the extra character on
     *  the left exactly when the width is odd. */
    public static String center(String s, int width, String fill) {
        fillChar(fill);
        int marg = width - s.length();
        if (marg <= 0) {
            return s;
        }
        int left = marg / 2 + (marg & width & 1);
        return fill.repeat(left) + s + fill.repeat(marg - left);
    }

    public static String center(String s, int width, char fill) {
        return center(s, width, String.valueOf(fill));
    }

    public static String center(String s, int width) {
        return center(s, width, " ");
    }

    public static String ljust(String s, int width, String fill) {
        fillChar(fill);
        return s.length() >= width ? s : s + fill.repeat(width - s.length());
    }

    public static String ljust(String s, int width, char fill) {
        return ljust(s, width, String.valueOf(fill));
    }

    public static String ljust(String s, int width) {
        return ljust(s, width, " ");
    }

    public static String rjust(String s, int width, String fill) {
        fillChar(fill);
        return s.length() >= width ? s : fill.repeat(width - s.length()) + s;
    }

    public static String rjust(String s, int width, char fill) {
        return rjust(s, width, String.valueOf(fill));
    }

    public static String rjust(String s, int width) {
        return rjust(s, width, " ");
    }

    /** {@code s.zfill(width)}: zeros on the left, after a leading sign. */
    public static String zfill(String s, int width) {
        if (s.length() >= width) {
            return s;
        }
        String zeros = "0".repeat(width - s.length());
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            return s.charAt(0) + zeros + s.substring(1);
        }
        return zeros + s;
    }

    /** {@code s.expandtabs(tabsize)}: each tab becomes spaces up to the next multiple of
     *  {@code tabsize}; the column restarts after {@code \n} and {@code \r}; a tabsize of 0 or less
     *  removes tabs. */
    public static String expandtabs(String s, int tabsize) {
        StringBuilder sb = new StringBuilder(s.length());
        long column = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                if (tabsize > 0) {
                    int pad = (int) (tabsize - column % tabsize);
                    if (sb.length() + (long) pad > Integer.MAX_VALUE - 16) {
                        throw PyLibError.overflowError("new string is too long");
                    }
                    sb.repeat(' ', pad);
                    column += pad;
                }
            } else {
                sb.append(c);
                column = c == '\n' || c == '\r' ? 0 : column + 1;
            }
        }
        return sb.toString();
    }

    public static String expandtabs(String s) {
        return expandtabs(s, 8);
    }

    // ------------------------------------------------------------------ case mapping

    /** {@code s.upper()}: full Unicode uppercase mapping ({@code 'ß'} becomes {@code 'SS'}). */
    public static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** {@code s.lower()}: full lowercase mapping, with the final-sigma rule, as CPython. */
    public static String lower(String s) {
        if (s.indexOf('\u03a3') < 0) {
            return s.toLowerCase(Locale.ROOT);
        }
        // Java's final-sigma context differs from CPython's ('bΣ1' ends a word for CPython)
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            sb.append(lowerAt(s, i, cp));
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** {@code s.casefold()}: per character, the lowercase of the full uppercase mapping. */
    public static String casefold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                sb.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
            } else if (cp == 0x131) {
                sb.append((char) cp);   // dotless i folds to itself
            } else if (cp == 0x1e9e) {
                sb.append("ss");   // capital sharp s
            } else if (cp >= 0x13a0 && cp <= 0x13fd || cp >= 0xab70 && cp <= 0xabbf) {
                sb.appendCodePoint(Character.toUpperCase(cp));   // Cherokee folds to uppercase
            } else {
                sb.append(Character.toString(cp).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
            }
        }
        return sb.toString();
    }

    /** {@code s.capitalize()} (3.8+): the first character titlecased, the rest lowercased. */
    public static String capitalize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            sb.append(i == 0 ? titleOf(cp) : lowerAt(s, i, cp));
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** {@code s.title()}: a character after a cased one is lowercased, any other titlecased. */
    public static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            sb.append(previousCased ? lowerAt(s, i, cp) : titleOf(cp));
            previousCased = isCased(cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** {@code s.swapcase()}: uppercase characters lowercased and lowercase ones uppercased. */
    public static String swapcase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isUpperCase(cp)) {
                sb.append(lowerAt(s, i, cp));
            } else if (Character.isLowerCase(cp)) {
                sb.append(Character.toString(cp).toUpperCase(Locale.ROOT));
            } else {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** Unicode's "Cased" property: uppercase, lowercase or titlecase. */
    static boolean isCased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    /** The full lowercase of the character at {@code i}; a capital sigma becomes final sigma when
     *  it ends a word (preceded by a cased letter and not followed by one, case-ignorable
     *  characters skipped), as CPython's lower() does. */
    private static String lowerAt(String s, int i, int cp) {
        if (cp < 0x80) {
            return String.valueOf((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        }
        if (cp == 0x3a3) {
            return finalSigma(s, i) ? "\u03c2" : "\u03c3";
        }
        return Character.toString(cp).toLowerCase(Locale.ROOT);
    }

    private static boolean finalSigma(String s, int i) {
        int j = i;
        int cp = 0;
        while (j > 0) {
            cp = s.codePointBefore(j);
            j -= Character.charCount(cp);
            if (!isCaseIgnorable(cp)) {
                break;
            }
        }
        if (j == i || isCaseIgnorable(cp) || !isCased(cp)) {
            return false;
        }
        j = i + 1;
        while (j < s.length()) {
            cp = s.codePointAt(j);
            j += Character.charCount(cp);
            if (!isCaseIgnorable(cp)) {
                return !isCased(cp);
            }
        }
        return true;
    }

    /** Unicode's Case_Ignorable, approximated: marks, format characters, modifier letters and
     *  symbols, and the word-internal punctuation of Word_Break MidLetter/MidNumLet. */
    private static boolean isCaseIgnorable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT,
                 Character.MODIFIER_LETTER, Character.MODIFIER_SYMBOL -> true;
            default -> switch (cp) {
                case '\'', '.', ':', 0xb7, 0x387, 0x55f, 0x5f4, 0x2018, 0x2019, 0x2024, 0x2027,
                     0xfe13, 0xfe52, 0xfe55, 0xff07, 0xff0e, 0xff1a -> true;
                default -> false;
            };
        };
    }

    /** The full titlecase mapping of one character. Java knows only the simple one; where the
     *  full mapping has several characters ({@code 'ß'} to {@code "Ss"}) it is the first
     *  character of the full uppercase mapping followed by the lowercase of the rest. */
    private static String titleOf(int cp) {
        if (cp < 0x80) {
            return String.valueOf((char) (cp >= 'a' && cp <= 'z' ? cp - 32 : cp));
        }
        int simple = Character.toTitleCase(cp);
        if (simple != cp || Character.isTitleCase(cp)) {
            return Character.toString(simple);
        }
        if (cp == 0x149) {
            return "\u02bcN";
        }
        String up = Character.toString(cp).toUpperCase(Locale.ROOT);
        if (up.codePointCount(0, up.length()) <= 1) {
            return Character.toString(cp);
        }
        if (cp >= 0x1f80 && cp <= 0x1fff && up.endsWith("\u0399")) {
            // Greek with ypogegrammeni: the titlecase keeps the subscript iota as U+0345
            return up.substring(0, up.length() - 1) + "\u0345";
        }
        int first = up.codePointAt(0);
        return Character.toString(first) + up.substring(Character.charCount(first)).toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ predicates

    /** {@code s.isspace()}: not empty and all whitespace. */
    public static boolean isspace(String s) {
        return all(s, StrMethods::isSpace);
    }

    /** {@code s.isdecimal()}: general category Nd. */
    public static boolean isdecimal(String s) {
        return all(s, StrMethods::isDecimalChar);
    }

    /** {@code s.isdigit()}: Numeric_Type Decimal or Digit. */
    public static boolean isdigit(String s) {
        return all(s, StrMethods::isDigitChar);
    }

    /** {@code s.isnumeric()}: any Numeric_Type (digits, fractions, Roman numerals, CJK numerals). */
    public static boolean isnumeric(String s) {
        return all(s, StrMethods::isNumericChar);
    }

    /** {@code s.isalpha()}: general categories Lu, Ll, Lt, Lm, Lo. */
    public static boolean isalpha(String s) {
        return all(s, Character::isLetter);
    }

    /** {@code s.isalnum()}: each character isalpha, isdecimal, isdigit or isnumeric. */
    public static boolean isalnum(String s) {
        return all(s, cp -> Character.isLetter(cp) || isNumericChar(cp));
    }

    /** {@code s.isascii()}: true for the empty string. */
    public static boolean isascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** {@code s.isprintable()}: true for the empty string; false if any character is in the
     *  categories Cc, Cf, Cs, Co, Cn, Zl, Zp or Zs (the space excepted). */
    public static boolean isprintable(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!isPrintableChar(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    static boolean isPrintableChar(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> cp == ' ';
            default -> true;
        };
    }

    /** {@code s.isupper()}: at least one cased character and none lowercase or titlecase. */
    public static boolean isupper(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
                return false;
            }
            cased |= Character.isUpperCase(cp);
            i += Character.charCount(cp);
        }
        return cased;
    }

    /** {@code s.islower()}: at least one cased character and none uppercase or titlecase. */
    public static boolean islower(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                return false;
            }
            cased |= Character.isLowerCase(cp);
            i += Character.charCount(cp);
        }
        return cased;
    }

    /** {@code s.istitle()}: uppercase/titlecase characters only after uncased ones, lowercase only
     *  after cased ones, and at least one cased character. */
    public static boolean istitle(String s) {
        boolean cased = false;
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                if (previousCased) {
                    return false;
                }
                previousCased = cased = true;
            } else if (Character.isLowerCase(cp)) {
                if (!previousCased) {
                    return false;
                }
                previousCased = cased = true;
            } else {
                previousCased = false;
            }
            i += Character.charCount(cp);
        }
        return cased;
    }

    /** {@code s.isidentifier()}: XID_Start or underscore, then XID_Continue (no keyword check, no
     *  NFKC, as in CPython). Java's identifier predicates are ID_Start/ID_Continue; the handful of
     *  characters where XID and ID differ, Java's extra VERTICAL TILDE and the katakana middle
     *  dots (ID_Continue only since Unicode 15.1) are excluded by hand. */
    public static boolean isidentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean ok = i == 0
                    ? cp == '_' || Character.isUnicodeIdentifierStart(cp) && !notXidStart(cp)
                    : Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp) && !notXidContinue(cp);
            if (!ok) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** ID_Start characters that are not XID_Start (their NFKC form is not an identifier start). */
    private static boolean notXidStart(int cp) {
        return cp == 0x2e2f || cp == 0x37a || cp == 0xe33 || cp == 0xeb3 || cp == 0x309b || cp == 0x309c
                || cp >= 0xfc5e && cp <= 0xfc63 || cp == 0xfdfa || cp == 0xfdfb
                || cp == 0xfe70 || cp == 0xfe72 || cp == 0xfe74 || cp == 0xfe76 || cp == 0xfe78
                || cp == 0xfe7a || cp == 0xfe7c || cp == 0xfe7e || cp == 0xff9e || cp == 0xff9f;
    }

    /** ID_Continue characters that are not XID_Continue. */
    private static boolean notXidContinue(int cp) {
        return cp == 0x2e2f || cp == 0x30fb || cp == 0xff65 || cp == 0x37a || cp == 0x309b || cp == 0x309c || cp >= 0xfc5e && cp <= 0xfc63
                || cp == 0xfdfa || cp == 0xfdfb || cp == 0xfe70 || cp == 0xfe72 || cp == 0xfe74
                || cp == 0xfe76 || cp == 0xfe78 || cp == 0xfe7a || cp == 0xfe7c || cp == 0xfe7e;
    }

    static boolean isDecimalChar(int cp) {
        return Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
    }

    /** Numeric_Type Digit or Decimal: Nd, plus the digits that are not decimal (superscripts,
     *  circled digits, ...), listed from Unicode 14's table because Java does not carry
     *  Numeric_Type. */
    static boolean isDigitChar(int cp) {
        if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
            return true;
        }
        for (int i = 0; i < NON_DECIMAL_DIGITS.length; i += 2) {
            if (cp >= NON_DECIMAL_DIGITS[i] && cp <= NON_DECIMAL_DIGITS[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** Ranges (first, last) of Numeric_Type=Digit. */
    private static final int[] NON_DECIMAL_DIGITS = {
            0xb2, 0xb3, 0xb9, 0xb9, 0x1369, 0x1371, 0x19da, 0x19da, 0x2070, 0x2070, 0x2074, 0x2079,
            0x2080, 0x2089, 0x2460, 0x2468, 0x2474, 0x247c, 0x2488, 0x2490, 0x24ea, 0x24ea,
            0x24f5, 0x24fd, 0x24ff, 0x24ff, 0x2776, 0x277e, 0x2780, 0x2788, 0x278a, 0x2792,
            0x10a40, 0x10a43, 0x10e60, 0x10e68, 0x11052, 0x1105a, 0x1f100, 0x1f10a,
    };

    /** Any Numeric_Type: categories Nd, Nl, No, plus the CJK ideographs that Unihan gives a
     *  numeric value (Java's tables do not carry those). */
    static boolean isNumericChar(int cp) {
        return switch (Character.getType(cp)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            case Character.OTHER_LETTER -> java.util.Arrays.binarySearch(CJK_NUMERALS, cp) >= 0;
            default -> false;
        };
    }

    private static final int[] CJK_NUMERALS = {
            0x3405, 0x3483, 0x382a, 0x3b4d, 0x4e00, 0x4e03, 0x4e07, 0x4e09, 0x4e5d, 0x4e8c,
            0x4e94, 0x4e96, 0x4ebf, 0x4ec0, 0x4edf, 0x4ee8, 0x4f0d, 0x4f70, 0x5104, 0x5146,
            0x5169, 0x516b, 0x516d, 0x5341, 0x5343, 0x5344, 0x5345, 0x534c, 0x53c1, 0x53c2,
            0x53c3, 0x53c4, 0x56db, 0x58f1, 0x58f9, 0x5e7a, 0x5efe, 0x5eff, 0x5f0c, 0x5f0d,
            0x5f0e, 0x5f10, 0x62fe, 0x634c, 0x67d2, 0x6f06, 0x7396, 0x767e, 0x8086, 0x842c,
            0x8cae, 0x8cb3, 0x8d30, 0x9621, 0x9646, 0x964c, 0x9678, 0x96f6, 0xf96b, 0xf973,
            0xf978, 0xf9b2, 0xf9d1, 0xf9d3, 0xf9fd, 0x20001, 0x20064, 0x200e2, 0x20121, 0x2092a,
            0x20983, 0x2098c, 0x2099c, 0x20aea, 0x20afd, 0x20b19, 0x22390, 0x22998, 0x23b1b, 0x2626d,
            0x2f890,
    };

    private static boolean all(String s, java.util.function.IntPredicate p) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!p.test(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
