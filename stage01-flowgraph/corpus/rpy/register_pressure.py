"""More values alive at once than a machine has registers, across calls, in every class: what a
register allocator must get right (stage 05's linear scan spills some to the frame, keeps the
ones live across a call in callee-saved registers, and passes arguments past the sixth integer and
the eighth float on the stack). Also a print of many values, which calls between its operands."""


def mix(a, b, c, d, e, f, g, h, i, j):
    # ten integer arguments: four of them arrive on the stack
    return a - b + c * d - e + f * g - h + i * j


def fmix(a, b, c, d, e, f, g, h, i, j, k):
    # eleven floats: three on the stack
    return a + b * c - d + e * f - g + h * i - j + k


def both(n, x, m, y, s, c):
    # ints, floats, a string and a char interleaved: each class counts its own registers
    return n * 2 + m + len(s) + ord(c) + int(x * 10.0 + y)


def step(k):
    return k * 3 + 1


def many_live(n):
    # twenty values alive over a loop that calls: at most five live across a call in registers
    v0, v1, v2, v3, v4, v5, v6, v7, v8, v9 = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    w0, w1, w2, w3, w4, w5, w6, w7, w8, w9 = 11, 12, 13, 14, 15, 16, 17, 18, 19, 20
    for k in range(n):
        t = step(k)
        v0 += t
        v1 -= t
        v2 ^= t
        v3 += v0 & 7
        v4 += v1 | 1
        v5 = (v5 * 3) % 1000003
        v6 += v2 >> 2
        v7 -= v3 << 1
        v8 += k
        v9 = v9 + v8 - v7
        w0 += v9 % 13
        w1 += w0 // 7
        w2 -= w1 % 5
        w3 += w2 * 2
        w4 ^= w3
        w5 += w4 & 255
        w6 -= w5 % 11
        w7 += w6 // 3
        w8 += w7 % 17
        w9 = w9 * 7 % 999983 + w8
    total = v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7 + v8 + v9
    total += w0 + w1 + w2 + w3 + w4 + w5 + w6 + w7 + w8 + w9
    print(v0, v1, v2, v3, v4, v5, v6, v7, v8, v9)
    print(w0, w1, w2, w3, w4, w5, w6, w7, w8, w9)
    return total


def floats_across_calls(n):
    # doubles are never kept in a register across a call (System V saves none): they go to memory
    x, y, z = 0.5, 1.25, -2.0
    acc = 0.0
    for k in range(n):
        s = float(step(k))
        acc += x * s - y + z / (s + 1.0)
        x, y, z = y, z * 0.5, x + 0.125
    return acc


def swaps(n):
    # block arguments that rotate: parallel moves with cycles
    a, b, c, d = 1, 2, 3, 4
    for k in range(n):
        a, b, c, d = b, c, d, a + k
    return a * 1000 + b * 100 + c * 10 + d


def chars(word):
    # chars in registers, printed one by one and compared
    out = []
    for ch in word:
        if ch >= 'a' and ch <= 'z':
            print(ch, end="")
            out.append(ch)
    print("")
    return len(out)


def entry_point(argv):
    print(mix(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
    print(mix(-10, 20, -30, 40, -50, 60, -70, 80, -90, 100))
    print(fmix(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0))
    print(both(3, 1.5, 4, 0.25, "abc", "A"))
    print(many_live(1000))
    print(floats_across_calls(50))
    print(swaps(10), swaps(11))
    print(chars("Hello, World and x86!"))
    q, r, s, t, u, v, w = 1, 22, 333, 4444, 55555, 666666, 7777777
    print(q, r, s, t, u, v, w, "x", 2.5, True, None, q + w)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 130
# expect: -14460
# expect: 99.0
# expect: 93
# expect: 1499501 -1499498 2131 3516 -500497495 439296 230877 -3524476 499509 1347340334
# expect: 5552 396027 -1941 -1960648 -18257 126298 -5009 -831716 8023 633663
# expect: 842845687
# expect: 459.2026776790045
# expect: 12547 15491
# expect: elloorldandx
# expect: 12
# expect: 1 22 333 4444 55555 666666 7777777 x 2.5 True None 7777778
