"""List slices whose bounds are the extreme ints, or missing, with steps of either sign, some
known only at run time. A missing bound is the number CPython's PySlice_Unpack puts there
(0 or the largest int for a start, the largest or the smallest for a stop, by the step's sign);
it used to be the smallest int whatever the step, so lst[0:-2**63], which is empty, was taken
for lst[0:], the whole list (fuzz seed 713181)."""
import sys

SMALLEST = -9223372036854775807 - 1
LARGEST = 9223372036854775807


def show(label, items):
    print(label + ' ' + ' '.join([str(x) for x in items]) + ' .')


def entry_point(argv):
    xs = [10, 11, 12, 13, 14]
    low = SMALLEST + len(argv) - 1          # not a constant
    high = LARGEST - len(argv) + 1
    show('a', xs[0:low])
    show('b', xs[low:])
    show('c', xs[low:high])
    show('d', xs[:high])
    show('e', xs[high:])
    show('f', xs[::-1])
    show('g', xs[high::-1])
    show('h', xs[:low:-1])
    show('i', xs[low::-2])
    for step in [1, 2, -1, -2, 3, -3]:
        show('step %d' % step, xs[::step])
        show('from 1, step %d' % step, xs[1::step])
        show('to 3, step %d' % step, xs[:3:step])
    ys = [1, 2, 3]
    ys[low:1] = [7, 8]
    show('j', ys)
    ys[high:] = [9]
    show('k', ys)
    del ys[:low]
    show('l', ys)
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
# expect: a  .
# expect: b 10 11 12 13 14 .
# expect: c 10 11 12 13 14 .
# expect: d 10 11 12 13 14 .
# expect: e  .
# expect: f 14 13 12 11 10 .
# expect: g 14 13 12 11 10 .
# expect: h 14 13 12 11 10 .
# expect: i  .
# expect: step 1 10 11 12 13 14 .
# expect: from 1, step 1 11 12 13 14 .
# expect: to 3, step 1 10 11 12 .
# expect: step 2 10 12 14 .
# expect: from 1, step 2 11 13 .
# expect: to 3, step 2 10 12 .
# expect: step -1 14 13 12 11 10 .
# expect: from 1, step -1 11 10 .
# expect: to 3, step -1 14 .
# expect: step -2 14 12 10 .
# expect: from 1, step -2 11 .
# expect: to 3, step -2 14 .
# expect: step 3 10 13 .
# expect: from 1, step 3 11 14 .
# expect: to 3, step 3 10 .
# expect: step -3 14 11 .
# expect: from 1, step -3 11 .
# expect: to 3, step -3 14 .
# expect: j 7 8 2 3 .
# expect: k 7 8 2 3 9 .
# expect: l 7 8 2 3 9 .
