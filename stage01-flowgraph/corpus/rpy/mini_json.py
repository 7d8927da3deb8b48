"""A recursive-descent parser for a JSON subset into a tree of node classes, each with
its own dump(); errors carry their position in a ParseError."""


class JValue(object):
    def dump(self):
        raise NotImplementedError

    def count(self):
        return 1


class JNumber(JValue):
    def __init__(self, value):
        self.value = value

    def dump(self):
        return str(self.value)


class JString(JValue):
    def __init__(self, text):
        self.text = text

    def dump(self):
        return '"' + self.text + '"'


class JBool(JValue):
    def __init__(self, flag):
        self.flag = flag

    def dump(self):
        return "true" if self.flag else "false"


class JNull(JValue):
    def dump(self):
        return "null"


class JArray(JValue):
    def __init__(self, items):
        self.items = items

    def dump(self):
        return "[" + ", ".join([item.dump() for item in self.items]) + "]"

    def count(self):
        n = 1
        for item in self.items:
            n += item.count()
        return n


class JObject(JValue):
    def __init__(self):
        self.keys = []
        self.values = {}

    def add(self, key, value):
        if key not in self.values:
            self.keys.append(key)
        self.values[key] = value

    def dump(self):
        return "{" + ", ".join(['"%s": %s' % (k, self.values[k].dump()) for k in self.keys]) + "}"

    def count(self):
        n = 1
        for k in self.keys:
            n += self.values[k].count()
        return n


class ParseError(Exception):
    def __init__(self, pos, message):
        self.pos = pos
        self.message = message


NULL = JNull()


class Parser(object):
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def skip(self):
        while self.pos < len(self.text) and self.text[self.pos] in " \n\t":
            self.pos += 1

    def peek(self):
        self.skip()
        if self.pos >= len(self.text):
            raise ParseError(self.pos, "unexpected end")
        return self.text[self.pos]

    def expect(self, c):
        if self.peek() != c:
            raise ParseError(self.pos, "expected %r" % c)
        self.pos += 1

    def parse_value(self):
        c = self.peek()
        if c == "{":
            return self.parse_object()
        if c == "[":
            return self.parse_array()
        if c == '"':
            return JString(self.parse_string())
        if c == "-" or c.isdigit():
            return self.parse_number()
        for word in ["true", "false", "null"]:
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                if word == "null":
                    return NULL
                return JBool(word == "true")
        raise ParseError(self.pos, "unexpected %r" % c)

    def parse_string(self):
        self.expect('"')
        end = self.text.find('"', self.pos)
        if end < 0:
            raise ParseError(self.pos, "unterminated string")
        s = self.text[self.pos:end]
        self.pos = end + 1
        return s

    def parse_number(self):
        start = self.pos
        if self.text[self.pos] == "-":
            self.pos += 1
        while self.pos < len(self.text) and self.text[self.pos].isdigit():
            self.pos += 1
        return JNumber(int(self.text[start:self.pos]))

    def parse_array(self):
        self.expect("[")
        items = []
        if self.peek() == "]":
            self.pos += 1
            return JArray(items)
        while True:
            items.append(self.parse_value())
            if self.peek() == ",":
                self.pos += 1
            else:
                self.expect("]")
                return JArray(items)

    def parse_object(self):
        self.expect("{")
        obj = JObject()
        if self.peek() == "}":
            self.pos += 1
            return obj
        while True:
            key = self.parse_string()
            self.expect(":")
            obj.add(key, self.parse_value())
            if self.peek() == ",":
                self.pos += 1
            else:
                self.expect("}")
                return obj


def parse(text):
    p = Parser(text)
    value = p.parse_value()
    p.skip()
    if p.pos != len(text):
        raise ParseError(p.pos, "trailing characters")
    return value


def entry_point(argv):
    docs = ['{"name": "taipan", "stage": 2, "tags": ["rpy", "jit"], "done": false}',
            '[1, -20, [], [3, [4, null]], {}]',
            '  {"nested": {"deep": {"deeper": true}}}  ',
            '[1, 2,',
            '{"a" 1}',
            '[1] x',
            '"abc']
    for doc in docs:
        try:
            v = parse(doc)
            print("%2d nodes: %s" % (v.count(), v.dump()))
        except ParseError as e:
            print("error at %d: %s" % (e.pos, e.message))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect:  7 nodes: {"name": "taipan", "stage": 2, "tags": ["rpy", "jit"], "done": false}
# expect: 10 nodes: [1, -20, [], [3, [4, null]], {}]
# expect:  4 nodes: {"nested": {"deep": {"deeper": true}}}
# expect: error at 6: unexpected end
# expect: error at 5: expected ':'
# expect: error at 4: trailing characters
# expect: error at 1: unterminated string
