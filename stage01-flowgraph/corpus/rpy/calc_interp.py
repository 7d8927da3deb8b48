"""A calculator: tokenizer plus recursive-descent parser that evaluates as it parses,
with precedence, parentheses, unary minus, and errors reported by an exception."""


class ParseError(Exception):
    def __init__(self, msg, pos):
        self.msg = msg
        self.pos = pos


class Parser(object):
    def __init__(self, text):
        self.tokens = tokenize(text)
        self.pos = 0

    def peek(self):
        if self.pos < len(self.tokens):
            return self.tokens[self.pos]
        return ""

    def next(self):
        tok = self.peek()
        self.pos += 1
        return tok

    def expr(self):
        value = self.term()
        while self.peek() == "+" or self.peek() == "-":
            if self.next() == "+":
                value += self.term()
            else:
                value -= self.term()
        return value

    def term(self):
        value = self.factor()
        while self.peek() == "*" or self.peek() == "/" or self.peek() == "%":
            op = self.next()
            rhs = self.factor()
            if op == "*":
                value *= rhs
            elif rhs == 0:
                raise ParseError("division by zero", self.pos)
            elif op == "/":
                value //= rhs
            else:
                value %= rhs
        return value

    def factor(self):
        tok = self.next()
        if tok == "-":
            return -self.factor()
        if tok == "(":
            value = self.expr()
            if self.next() != ")":
                raise ParseError("expected )", self.pos)
            return value
        if tok.isdigit():
            return int(tok)
        raise ParseError("unexpected '%s'" % tok, self.pos)


def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        c = text[i]
        if c.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            tokens.append(text[i:j])
            i = j
            continue
        if c != " ":
            tokens.append(c)
        i += 1
    return tokens


def calc(text):
    try:
        p = Parser(text)
        value = p.expr()
        if p.peek() != "":
            raise ParseError("trailing input", p.pos)
        return "%s = %d" % (text, value)
    except ParseError as e:
        return "%s: error at token %d: %s" % (text, e.pos, e.msg)


def entry_point(argv):
    for line in ["1 + 2 * 3", "(1 + 2) * 3", "-7 / 2", "2 * (3 + 4) % 5", "100 / (5 - 5)",
                 "(1 + 2", "3 + * 4", "12 34"]:
        print(calc(line))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 1 + 2 * 3 = 7
# expect: (1 + 2) * 3 = 9
# expect: -7 / 2 = -4
# expect: 2 * (3 + 4) % 5 = 4
# expect: 100 / (5 - 5): error at token 7: division by zero
# expect: (1 + 2: error at token 5: expected )
# expect: 3 + * 4: error at token 3: unexpected '*'
# expect: 12 34: error at token 1: trailing input
