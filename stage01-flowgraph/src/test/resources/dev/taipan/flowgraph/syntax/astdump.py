"""CPython's side of Taipan's differential parser test.

Prints, for each input, one line: "OK <dump>" with the tree in the format of Taipan's AstDump
(ast.dump's format without ctx, type_comment, kind, is_async, None fields and empty lists;
optionally with node positions), or "ERR <ExceptionClass>:<line>:<col>:<message>" when
CPython's parser rejects it (col 0-based, as Taipan's Pos).

Usage:
  astdump.py [--positions] --snippets FILE   # inputs separated by lines "#===="
  astdump.py [--positions] --files LISTFILE  # one path per line
"""
import ast
import sys

SKIP = {"ctx", "type_comment", "type_ignores", "kind", "is_async"}


def dump(node, positions, source=""):
    out = []
    lines = source.encode("utf-8").split(b"\n")

    def column(lineno, col):
        # CPython counts UTF-8 bytes; Taipan counts UTF-16 chars (Java's String indices)
        line = lines[lineno - 1] if 0 < lineno <= len(lines) else b""
        if line.isascii():
            return col
        return len(line[:col].decode("utf-8", "replace").encode("utf-16-le")) // 2

    def visit(n):
        if isinstance(n, ast.AST):
            out.append(type(n).__name__)
            if positions and hasattr(n, "lineno") and n.lineno is not None:
                out.append("@%d:%d-%d:%d" % (n.lineno, column(n.lineno, n.col_offset),
                                             n.end_lineno, column(n.end_lineno, n.end_col_offset)))
            out.append("(")
            first = True
            for name in n._fields:
                if name in SKIP:
                    continue
                value = getattr(n, name, None)
                is_constant = isinstance(n, ast.Constant) and name == "value"
                if (value is None and not is_constant) or value == []:
                    continue
                if not first:
                    out.append(", ")
                first = False
                out.append(name + "=")
                if is_constant:
                    out.append(repr(value))
                else:
                    visit(value)
            out.append(")")
        elif isinstance(n, list):
            out.append("[")
            for i, x in enumerate(n):
                if i:
                    out.append(", ")
                visit(x)
            out.append("]")
        elif n is None:
            out.append("None")
        else:
            out.append(repr(n))

    visit(node)
    return "".join(out)


def report(source, positions):
    try:
        tree = ast.parse(source)
    except SyntaxError as e:
        col = (e.offset - 1) if e.offset else 0  # already in characters for SyntaxError
        msg = str(e.msg).replace("\n", " ")
        return "ERR %s:%s:%s:%s" % (type(e).__name__, e.lineno, col, msg)
    except (ValueError, MemoryError, RecursionError) as e:
        return "ERR %s:0:0:%s" % (type(e).__name__, str(e).replace("\n", " "))
    return "OK " + dump(tree, positions, source)


def main(argv):
    positions = "--positions" in argv
    args = [a for a in argv if a != "--positions"]
    out = sys.stdout
    if args[0] == "--snippets":
        with open(args[1], encoding="utf-8") as f:
            text = f.read()
        for snippet in split_snippets(text):
            out.write(report(snippet, positions) + "\n")
    elif args[0] == "--files":
        with open(args[1], encoding="utf-8") as f:
            paths = [line.rstrip("\n") for line in f if line.strip()]
        for path in paths:
            try:
                with open(path, encoding="utf-8") as f:
                    source = f.read()
            except (UnicodeDecodeError, OSError) as e:
                out.write("ERR UnicodeDecodeError:0:0:%s\n" % str(e).replace("\n", " "))
                continue
            out.write(report(source, positions) + "\n")
    else:
        raise SystemExit(__doc__)


def split_snippets(text):
    snippets, current = [], []
    for line in text.split("\n"):
        if line == "#====":
            snippets.append("\n".join(current))
            current = []
        else:
            current.append(line)
    if any(l.strip() for l in current):
        snippets.append("\n".join(current))
    return snippets


if __name__ == "__main__":
    main(sys.argv[1:])
