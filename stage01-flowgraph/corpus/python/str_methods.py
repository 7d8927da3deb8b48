"""str methods beyond the RPy subset: partition, center, ljust/rjust, zfill, title,
capitalize, swapcase, splitlines, rsplit with maxsplit, count, index, expandtabs,
removeprefix/removesuffix, is* predicates, repr of quotes, non-ASCII characters."""

s = "The Quick brown fox"
print(s.lower(), s.upper(), s.title(), s.swapcase(), s.capitalize(), sep=" | ")
print("key=value=x".partition("="), "key=value=x".rpartition("="), "abc".partition("z"))
print("[" + "mid".center(9, "*") + "]", "[" + "l".ljust(4) + "]", "[" + "r".rjust(4, ".") + "]")
print("42".zfill(5), "-42".zfill(5), "a,b,,c".split(","), "a b  c".split(None, 1))
print("a,b,c,d".rsplit(",", 2), "a,b,c,d".split(",", 2), "  x  y ".split())
print("line1\nline2\r\nline3".splitlines(), "one\n".splitlines(keepends=True))
print("banana".count("a"), "banana".index("n"), "banana".rindex("n"), "banana".find("x"))
print("prefix_name".removeprefix("prefix_"), "file.py".removesuffix(".py"), "x".removesuffix("y"))
print("a\tb".expandtabs(4), repr("tab\there"), "-".join("abc"), "ab" * 0 == "")
print("abc123".isalnum(), "ABC".isupper(), "abc".islower(), "Title Case".istitle(),
      "  ".isspace(), "123".isnumeric(), "12.5".isdigit(), "_id".isidentifier())
print("hello".startswith(("he", "x")), "hello".endswith("lo", 0, 5), "hello"[::-1])
print(len("caf\u00e9"), "caf\u00e9".upper(), ord("\u00e9"), "\u00e9" > "e")
print("a-b_c d".replace("-", " ").replace("_", " ").split(" "), repr("x".join([])))
print(str.upper("up"), "Mixed".casefold(), "   strip me\t".strip(), "xxaxx".strip("x"))
print(min("hello"), max("hello"), sorted("hello"), "ell" in "hello", "L" in "hello")
print(repr("quote's"), repr('dq"s'), repr("both'\""), repr("\\n"), ascii("\u00e9"))

# expect: the quick brown fox | THE QUICK BROWN FOX | The Quick Brown Fox | tHE qUICK BROWN FOX | The quick brown fox
# expect: ('key', '=', 'value=x') ('key=value', '=', 'x') ('abc', '', '')
# expect: [***mid***] [l   ] [...r]
# expect: 00042 -0042 ['a', 'b', '', 'c'] ['a', 'b  c']
# expect: ['a,b', 'c', 'd'] ['a', 'b', 'c,d'] ['x', 'y']
# expect: ['line1', 'line2', 'line3'] ['one\n']
# expect: 3 2 4 -1
# expect: name file x
# expect: a   b 'tab\there' a-b-c True
# expect: True True True True True True False True
# expect: True True olleh
# expect: 4 CAFÉ 233 True
# expect: ['a', 'b', 'c', 'd'] ''
# expect: UP mixed strip me a
# expect: e o ['e', 'h', 'l', 'l', 'o'] True False
# expect: "quote's" 'dq"s' 'both\'"' '\\n' '\xe9'
