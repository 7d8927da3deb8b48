package dev.taipan.flowgraph.host;

/**
 * {@code str.format}: replacement fields {@code {}}, {@code {0}}, {@code {name}}, with
 * {@code .attr} and {@code [key]} accessors, a {@code !r}/{@code !s}/{@code !a} conversion and
 * a format spec (which may itself contain fields), each formatted by {@link Ops#format}.
 */
final class StrFormat {
    private StrFormat() {}

    static String format(String fmt, PyObject[] args, String[] kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.length;
        int npos = args.length - nkw;
        PyDict kw = new PyDict();
        for (int i = 0; i < nkw; i++) {
            kw.putStr(kwnames[i], args[npos + i]);
        }
        return new StrFormat.Run(fmt, java.util.Arrays.copyOf(args, npos), kw).run(fmt, 2);
    }

    static String formatMap(String fmt, PyObject mapping) {
        return new StrFormat.Run(fmt, new PyObject[0], mapping).run(fmt, 2);
    }

    private static final class Run {
        final PyObject[] args;
        final PyObject kw;
        int auto;
        boolean usedAuto;
        boolean usedManual;

        Run(String fmt, PyObject[] args, PyObject kw) {
            this.args = args;
            this.kw = kw;
        }

        String run(String fmt, int depth) {
            if (depth < 0) {
                throw PyErrors.valueError("Max string recursion exceeded");
            }
            StringBuilder sb = new StringBuilder();
            int i = 0;
            int n = fmt.length();
            while (i < n) {
                char c = fmt.charAt(i);
                if (c == '{') {
                    if (i + 1 < n && fmt.charAt(i + 1) == '{') {
                        sb.append('{');
                        i += 2;
                        continue;
                    }
                    int level = 1;
                    int j = i + 1;
                    while (j < n && level > 0) {
                        if (fmt.charAt(j) == '{') {
                            level++;
                        } else if (fmt.charAt(j) == '}') {
                            level--;
                        }
                        j++;
                    }
                    if (level > 0) {
                        throw PyErrors.valueError("expected '}' before end of string");
                    }
                    sb.append(field(fmt.substring(i + 1, j - 1), depth));
                    i = j;
                } else if (c == '}') {
                    if (i + 1 < n && fmt.charAt(i + 1) == '}') {
                        sb.append('}');
                        i += 2;
                        continue;
                    }
                    throw PyErrors.valueError("Single '}' encountered in format string");
                } else {
                    sb.append(c);
                    i++;
                }
            }
            return sb.toString();
        }

        private String field(String f, int depth) {
            String spec = "";
            char conv = 0;
            int colon = -1;
            int bracket = 0;
            for (int i = 0; i < f.length(); i++) {
                char c = f.charAt(i);
                if (c == '[') {
                    bracket++;
                } else if (c == ']') {
                    bracket--;
                } else if (c == ':' && bracket == 0) {
                    colon = i;
                    break;
                }
            }
            String head = colon >= 0 ? f.substring(0, colon) : f;
            if (colon >= 0) {
                spec = run(f.substring(colon + 1), depth - 1);
            }
            int bang = head.indexOf('!');
            if (bang >= 0) {
                if (bang + 2 != head.length()) {
                    throw PyErrors.valueError("expected ':' after conversion specifier");
                }
                conv = head.charAt(bang + 1);
                head = head.substring(0, bang);
            }
            PyObject v = resolve(head);
            v = switch (conv) {
                case 0 -> v;
                case 'r' -> PyStr.of(Ops.repr(v));
                case 's' -> PyStr.of(Ops.str(v));
                case 'a' -> PyStr.of(Ops.ascii(v));
                default -> throw PyErrors.valueError("Unknown conversion specifier " + conv);
            };
            return Ops.format(v, spec);
        }

        private PyObject resolve(String head) {
            int i = 0;
            while (i < head.length() && head.charAt(i) != '.' && head.charAt(i) != '[') {
                i++;
            }
            String first = head.substring(0, i);
            PyObject v;
            if (first.isEmpty()) {
                if (usedManual) {
                    throw PyErrors.valueError("cannot switch from manual field specification to automatic field numbering");
                }
                usedAuto = true;
                if (auto >= args.length) {
                    throw PyErrors.indexError("Replacement index " + auto + " out of range for positional args tuple");
                }
                v = args[auto++];
            } else if (first.chars().allMatch(Character::isDigit)) {
                if (usedAuto) {
                    throw PyErrors.valueError("cannot switch from automatic field numbering to manual field specification");
                }
                usedManual = true;
                int idx = Integer.parseInt(first);
                if (idx >= args.length) {
                    throw PyErrors.indexError("Replacement index " + idx + " out of range for positional args tuple");
                }
                v = args[idx];
            } else {
                v = Ops.getitem(kw, PyStr.of(first));
            }
            while (i < head.length()) {
                if (head.charAt(i) == '.') {
                    int j = i + 1;
                    while (j < head.length() && head.charAt(j) != '.' && head.charAt(j) != '[') {
                        j++;
                    }
                    v = Attr.get(v, head.substring(i + 1, j));
                    i = j;
                } else {
                    int close = head.indexOf(']', i);
                    String key = head.substring(i + 1, close);
                    PyObject k = key.chars().allMatch(Character::isDigit) && !key.isEmpty()
                            ? PyInt.of(Long.parseLong(key)) : PyStr.of(key);
                    v = Ops.getitem(v, k);
                    i = close + 1;
                }
            }
            return v;
        }
    }
}
