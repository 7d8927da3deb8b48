"""A tiny regex matcher (literal chars, '.', '*', '^', '$'), Kernighan and Pike style,
written as an interpreter over the pattern with a JitDriver on its main loop."""
from rpython.rlib.jit import JitDriver

driver = JitDriver(greens=['pattern', 'pi'], reds=['text', 'ti'], is_recursive=True)


def match_here(pattern, pi, text, ti):
    while True:
        driver.jit_merge_point(pattern=pattern, pi=pi, text=text, ti=ti)
        if pi == len(pattern):
            return True
        if pi + 1 < len(pattern) and pattern[pi + 1] == '*':
            return match_star(pattern[pi], pattern, pi + 2, text, ti)
        if pattern[pi] == '$' and pi + 1 == len(pattern):
            return ti == len(text)
        if ti < len(text) and (pattern[pi] == '.' or pattern[pi] == text[ti]):
            pi += 1
            ti += 1
            continue
        return False


def match_star(c, pattern, pi, text, ti):
    while True:
        if match_here(pattern, pi, text, ti):
            return True
        if ti < len(text) and (c == '.' or text[ti] == c):
            ti += 1
        else:
            return False


def match(pattern, text):
    if pattern and pattern[0] == '^':
        return match_here(pattern, 1, text, 0)
    for start in range(len(text) + 1):
        if match_here(pattern, 0, text, start):
            return True
    return False


def entry_point(argv):
    cases = [("abc", "xxabcxx"), ("^abc", "xxabc"), ("a.c", "abc"), ("ab*c", "ac"),
             ("ab*c", "abbbbc"), ("^a.*z$", "abcz"), ("^a.*z$", "abczq"), ("x*", ""),
             ("colou*r", "color"), ("^$", "nonempty")]
    for pattern, text in cases:
        print("%-8s %-10s %s" % (pattern, "'" + text + "'", str(match(pattern, text))))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: abc      'xxabcxx'  True
# expect: ^abc     'xxabc'    False
# expect: a.c      'abc'      True
# expect: ab*c     'ac'       True
# expect: ab*c     'abbbbc'   True
# expect: ^a.*z$   'abcz'     True
# expect: ^a.*z$   'abczq'    False
# expect: x*       ''         True
# expect: colou*r  'color'    True
# expect: ^$       'nonempty' False
