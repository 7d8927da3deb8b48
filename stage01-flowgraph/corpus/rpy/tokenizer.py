"""A tokenizer for a small expression language: characters classified with isdigit and
`in`, tokens as instances, positions in errors, and the token stream printed with repr()."""


class Token(object):
    def __init__(self, kind, text, pos):
        self.kind = kind
        self.text = text
        self.pos = pos


class LexError(Exception):
    def __init__(self, pos, char):
        self.pos = pos
        self.char = char


OPERATORS = "+-*/%()=<>"
KEYWORDS = ["let", "if", "then", "else"]


def is_name_char(c):
    return c == "_" or "a" <= c <= "z" or "A" <= c <= "Z" or c.isdigit()


def tokenize(source):
    tokens = []
    i = 0
    n = len(source)
    while i < n:
        c = source[i]
        if c == " " or c == "\t":
            i += 1
        elif c.isdigit():
            start = i
            while i < n and (source[i].isdigit() or source[i] == "."):
                i += 1
            text = source[start:i]
            kind = "float" if "." in text else "int"
            tokens.append(Token(kind, text, start))
        elif is_name_char(c):
            start = i
            while i < n and is_name_char(source[i]):
                i += 1
            word = source[start:i]
            tokens.append(Token("keyword" if word in KEYWORDS else "name", word, start))
        elif c in OPERATORS:
            if c in "<>=" and i + 1 < n and source[i + 1] == "=":
                tokens.append(Token("op", source[i:i + 2], i))
                i += 2
            else:
                tokens.append(Token("op", c, i))
                i += 1
        elif c == '"':
            end = source.find('"', i + 1)
            if end < 0:
                raise LexError(i, c)
            tokens.append(Token("string", source[i + 1:end], i))
            i = end + 1
        else:
            raise LexError(i, c)
    return tokens


def value_of(tok):
    if tok.kind == "int":
        return float(int(tok.text))
    return float(tok.text)


def show(source):
    try:
        tokens = tokenize(source)
    except LexError as e:
        print("error at %d: unexpected %r" % (e.pos, e.char))
        return
    pairs = [(t.kind, t.text) for t in tokens]
    print(str(pairs))
    numbers = [value_of(t) for t in tokens if t.kind == "int" or t.kind == "float"]
    if len(numbers) > 0:
        print("numbers %s, total %s" % (str(numbers), str(sum(numbers))))


def entry_point(argv):
    show("let x = 42")
    show("if a1 >= 3.5 then b_2 else (c + 10) % 7")
    show('name = "Ada Lovelace"')
    show("price * 1.25 # comment")
    show('"unterminated')
    tokens = tokenize("a+b")
    print(repr(tokens[1].text) + " at " + str(tokens[1].pos))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: [('keyword', 'let'), ('name', 'x'), ('op', '='), ('int', '42')]
# expect: numbers [42.0], total 42.0
# expect: [('keyword', 'if'), ('name', 'a1'), ('op', '>='), ('float', '3.5'), ('keyword', 'then'), ('name', 'b_2'), ('keyword', 'else'), ('op', '('), ('name', 'c'), ('op', '+'), ('int', '10'), ('op', ')'), ('op', '%'), ('int', '7')]
# expect: numbers [3.5, 10.0, 7.0], total 20.5
# expect: [('name', 'name'), ('op', '='), ('string', 'Ada Lovelace')]
# expect: error at 13: unexpected '#'
# expect: error at 0: unexpected '"'
# expect: '+' at 1
