"""A stack bytecode VM with a JitDriver: greens are the pc and the code, reds the stack.
The program computes the sum 1..n and n! with a loop and a backward jump."""
from rpython.rlib.jit import JitDriver, dont_look_inside

PUSH, LOAD, STORE, ADD, SUB, MUL, JUMP_IF_ZERO, JUMP, PRINT, HALT = range(10)
NAMES = ["PUSH", "LOAD", "STORE", "ADD", "SUB", "MUL", "JUMP_IF_ZERO", "JUMP", "PRINT", "HALT"]


def printable(pc, code):
    return "%d %s" % (pc, NAMES[code[pc]])


driver = JitDriver(greens=['pc', 'code'], reds=['frame'], get_printable_location=printable)


class Frame(object):
    def __init__(self, nvars):
        self.stack = [0] * 16
        self.sp = 0
        self.vars = [0] * nvars

    def push(self, v):
        self.stack[self.sp] = v
        self.sp += 1

    def pop(self):
        self.sp -= 1
        return self.stack[self.sp]


@dont_look_inside
def output(label, value):
    print("%s %d" % (label, value))


def run(code, nvars):
    frame = Frame(nvars)
    pc = 0
    while True:
        driver.jit_merge_point(pc=pc, code=code, frame=frame)
        op = code[pc]
        arg = code[pc + 1]
        pc += 2
        if op == PUSH:
            frame.push(arg)
        elif op == LOAD:
            frame.push(frame.vars[arg])
        elif op == STORE:
            frame.vars[arg] = frame.pop()
        elif op == ADD:
            b = frame.pop()
            frame.push(frame.pop() + b)
        elif op == SUB:
            b = frame.pop()
            frame.push(frame.pop() - b)
        elif op == MUL:
            b = frame.pop()
            frame.push(frame.pop() * b)
        elif op == JUMP_IF_ZERO:
            if frame.pop() == 0:
                pc = arg
        elif op == JUMP:
            if arg < pc:
                driver.can_enter_jit(pc=arg, code=code, frame=frame)
            pc = arg
        elif op == PRINT:
            output("var%d =" % arg, frame.vars[arg])
        else:
            return frame.vars[0]


def program(n):
    # vars: 0 = sum, 1 = product, 2 = counter
    return [PUSH, 0, STORE, 0, PUSH, 1, STORE, 1, PUSH, n, STORE, 2,
            LOAD, 2, JUMP_IF_ZERO, 42,                                          # pc 12
            LOAD, 0, LOAD, 2, ADD, 0, STORE, 0,
            LOAD, 1, LOAD, 2, MUL, 0, STORE, 1,
            LOAD, 2, PUSH, 1, SUB, 0, STORE, 2, JUMP, 12,
            PRINT, 0, PRINT, 1, HALT, 0]                                        # pc 42


def entry_point(argv):
    for n in [5, 10, 20]:
        print("sum = %d" % run(program(n), 3))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: var0 = 15
# expect: var1 = 120
# expect: sum = 15
# expect: var0 = 55
# expect: var1 = 3628800
# expect: sum = 55
# expect: var0 = 210
# expect: var1 = 2432902008176640000
# expect: sum = 210
