"""The builtins RPy programs use: range with steps (up, down, empty), enumerate, zip, min
and max of lists and of arguments, abs of ints and floats, sum, isinstance, ord, chr,
len, and str/int/float conversions, applied to a small grade book."""


class Student(object):
    def __init__(self, name, scores):
        self.name = name
        self.scores = scores


class Auditor(Student):
    pass


def average(scores):
    if len(scores) == 0:
        return 0.0
    return float(sum(scores)) / len(scores)


def letter(avg):
    grades = "ABCDF"
    cut = [90.0, 80.0, 70.0, 60.0]
    for i, limit in enumerate(cut):
        if avg >= limit:
            return grades[i]
    return grades[-1]


def entry_point(argv):
    print("up " + str(list(range(0, 20, 5))) + " down " + str(list(range(10, 0, -3)))
          + " empty " + str(list(range(5, 0))) + " " + str(list(range(3))))
    names = ["ada", "grace", "alan", "barbara"]
    scores = [[95, 88, 92], [72, 65, 80], [85, 91, 78], []]
    people = []
    for name, s in zip(names, scores):
        if len(s) == 0:
            people.append(Auditor(name, s))
        else:
            people.append(Student(name, s))
    for i, p in enumerate(people):
        kind = "auditor" if isinstance(p, Auditor) else "student"
        avg = average(p.scores)
        if len(p.scores) > 0:
            print("%d. %-8s %-7s avg %5.1f %s best %d worst %d"
                  % (i + 1, p.name, kind, avg, letter(avg), max(p.scores), min(p.scores)))
        else:
            print("%d. %-8s %-7s no scores" % (i + 1, p.name, kind))
    everything = []
    for s in scores:
        everything.extend(s)
    print("all scores: n=%d sum=%d min=%d max=%d" % (len(everything), sum(everything), min(everything), max(everything)))
    print("max of args %d, min of args %d, max of strs %s" % (max(3, 9, -2), min(3, 9, -2), max("pear", "apple")))
    print("abs %d %d %.2f, sum of floats %.2f" % (abs(-7), abs(7), abs(-2.25), sum([0.5, 0.25, 1.0])))
    initials = [p.name[0] for p in people]
    codes = [ord(c) for c in initials]
    print("initials %s codes %s upper %s" % ("".join(initials), str(codes), "".join([chr(c - 32) for c in codes])))
    diffs = [b - a for a, b in zip(everything, everything[1:])]
    print("differences " + str(diffs))
    print("int('42') + 1 = %d, float('1.5') * 2 = %s, str(7) * 3 = %s" % (int("42") + 1, str(float("1.5") * 2), str(7) * 3))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: up [0, 5, 10, 15] down [10, 7, 4, 1] empty [] [0, 1, 2]
# expect: 1. ada      student avg  91.7 A best 95 worst 88
# expect: 2. grace    student avg  72.3 C best 80 worst 65
# expect: 3. alan     student avg  84.7 B best 91 worst 78
# expect: 4. barbara  auditor no scores
# expect: all scores: n=9 sum=746 min=65 max=95
# expect: max of args 9, min of args -2, max of strs pear
# expect: abs 7 7 2.25, sum of floats 1.75
# expect: initials agab codes [97, 103, 97, 98] upper AGAB
# expect: differences [-7, 4, -20, -7, 15, 5, 6, -13]
# expect: int('42') + 1 = 43, float('1.5') * 2 = 3.0, str(7) * 3 = 777
