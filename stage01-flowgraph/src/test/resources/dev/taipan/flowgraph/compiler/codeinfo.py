"""Prints, for every code object CPython compiles from the files named on stdin, where its
names live: one line per code object, `path TAB qualname@firstlineno TAB fields`, the fields
separated by '|': argcount, posonlyargcount, kwonlyargcount, flags (varargs, varkeywords,
generator), parameters, other locals (sorted), cellvars (sorted), freevars (sorted).

CPython 3.11 compiles list/set/dict comprehensions as nested functions; Taipan inlines them
(PEP 709). So comprehension code objects are skipped with everything inside them, and for a
code object that directly contains one, locals and cellvars are printed as '-' (not compared).
"""
import sys

COMPREHENSIONS = ('<listcomp>', '<setcomp>', '<dictcomp>')
CODE = type(compile('', '', 'exec'))


def walk(path, code):
    if code.co_name in COMPREHENSIONS:
        return
    inlines = any(isinstance(c, CODE) and c.co_name in COMPREHENSIONS for c in code.co_consts)
    flags = code.co_flags
    nargs = code.co_argcount + code.co_kwonlyargcount + bool(flags & 0x04) + bool(flags & 0x08)
    fields = [
        code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount, flags & 0x2c,
        ','.join(code.co_varnames[:nargs]),
        '-' if inlines else ','.join(sorted(set(code.co_varnames[nargs:]))),
        '-' if inlines else ','.join(sorted(code.co_cellvars)),
        ','.join(sorted(code.co_freevars)),
    ]
    print(f"{path}\t{code.co_qualname}@{code.co_firstlineno}\t" + '|'.join(map(str, fields)))
    for c in code.co_consts:
        if isinstance(c, CODE):
            walk(path, c)


for line in sys.stdin:
    path = line.rstrip('\n')
    try:
        with open(path, encoding='utf-8') as f:
            code = compile(f.read(), path, 'exec', dont_inherit=True)
    except Exception:
        print(f"{path}\tERROR\t")
        continue
    walk(path, code)
