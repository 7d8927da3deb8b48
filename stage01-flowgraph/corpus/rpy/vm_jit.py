"""A register-machine interpreter with JIT hints: the program is assembled from text,
the dispatch loop carries a JitDriver (greens: the position in the program; reds: the
machine state), backward jumps call can_enter_jit, and an @elidable lookup of the label
table is promoted. Untranslated, every hint is a no-op."""
from rpython.rlib.jit import JitDriver, elidable, promote, we_are_jitted, unroll_safe
from rpython.rlib.rarithmetic import ovfcheck

driver = JitDriver(greens=['pc', 'program'], reds=['machine'])

SOURCE = """
    # r0 = n, r1 = accumulator, r2 = counter
    load r1 1
    load r2 1
loop:
    mul r1 r2
    addi r2 1
    jle r2 r0 loop
    print r1
    halt
"""


class AsmError(Exception):
    def __init__(self, message):
        self.message = message


class Instr(object):
    def __init__(self, op, a, b, c):
        self.op = op
        self.a = a
        self.b = b
        self.c = c


class Program(object):
    def __init__(self, instrs, labels):
        self.instrs = instrs
        self.labels = labels

    @elidable
    def target(self, label):
        return self.labels[label]


class Machine(object):
    def __init__(self, n):
        self.regs = [0] * 4
        self.regs[0] = n
        self.output = []
        self.overflowed = False


def register(text):
    if not text.startswith("r"):
        raise AsmError("not a register: " + text)
    return int(text[1:])


def assemble(source):
    instrs = []
    labels = {}
    for raw in source.split("\n"):
        line = raw.strip()
        if line == "" or line.startswith("#"):
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(instrs)
            continue
        parts = line.split()
        op = parts[0]
        a = register(parts[1]) if len(parts) > 1 else 0
        b = 0
        c = ""
        if op == "jle":
            b = register(parts[2])
            c = parts[3]
        elif op == "load" or op == "addi":
            b = int(parts[2])
        elif len(parts) > 2:
            b = register(parts[2])
        instrs.append(Instr(op, a, b, c))
    return Program(instrs, labels)


@unroll_safe
def clear(machine):
    for i in range(1, len(machine.regs)):
        machine.regs[i] = 0


def run(program, machine):
    pc = 0
    while True:
        driver.jit_merge_point(pc=pc, program=program, machine=machine)
        instr = program.instrs[pc]
        op = instr.op
        pc += 1
        if op == "load":
            machine.regs[instr.a] = instr.b
        elif op == "addi":
            machine.regs[instr.a] += instr.b
        elif op == "mul":
            try:
                machine.regs[instr.a] = ovfcheck(machine.regs[instr.a] * machine.regs[instr.b])
            except OverflowError:
                machine.overflowed = True
                return
        elif op == "jle":
            if machine.regs[instr.a] <= machine.regs[instr.b]:
                pc = promote(program.target(instr.c))
                driver.can_enter_jit(pc=pc, program=program, machine=machine)
        elif op == "print":
            machine.output.append(machine.regs[instr.a])
        elif op == "halt":
            return
        else:
            raise ValueError("unknown instruction " + op)


def entry_point(argv):
    program = assemble(SOURCE)
    print("%d instructions, loop at %d" % (len(program.instrs), program.target("loop")))
    for n in [1, 5, 10, 20, 25]:
        machine = Machine(n)
        run(program, machine)
        if machine.overflowed:
            print("%d! overflows a machine word" % n)
        else:
            print("%d! = %d" % (n, machine.output[0]))
        clear(machine)
    print("jitted: " + str(we_are_jitted()))
    try:
        assemble("load x 1")
    except AsmError as e:
        print("assembler: " + e.message)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 7 instructions, loop at 2
# expect: 1! = 1
# expect: 5! = 120
# expect: 10! = 3628800
# expect: 20! = 2432902008176640000
# expect: 25! overflows a machine word
# expect: jitted: False
# expect: assembler: not a register: x
