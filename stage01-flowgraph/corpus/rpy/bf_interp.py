"""A Brainfuck interpreter with JitDriver hints: the classic first PyPy JIT example."""
from rpython.rlib.jit import JitDriver, elidable


def get_location(pc, program, bracket_map):
    return "%d: %s" % (pc, program[pc])


jitdriver = JitDriver(greens=['pc', 'program', 'bracket_map'], reds=['tape', 'ptr', 'out'],
                      get_printable_location=get_location)


class BracketMap(object):
    def __init__(self, program):
        self.targets = {}
        stack = []
        for pc in range(len(program)):
            if program[pc] == '[':
                stack.append(pc)
            elif program[pc] == ']':
                start = stack.pop()
                self.targets[start] = pc
                self.targets[pc] = start

    @elidable
    def target(self, pc):
        return self.targets[pc]


def run(program, bracket_map):
    tape = [0] * 300
    ptr = 0
    out = []
    pc = 0
    while pc < len(program):
        jitdriver.jit_merge_point(pc=pc, program=program, bracket_map=bracket_map,
                                  tape=tape, ptr=ptr, out=out)
        code = program[pc]
        if code == '>':
            ptr += 1
        elif code == '<':
            ptr -= 1
        elif code == '+':
            tape[ptr] = (tape[ptr] + 1) & 255
        elif code == '-':
            tape[ptr] = (tape[ptr] - 1) & 255
        elif code == '.':
            out.append(chr(tape[ptr]))
        elif code == '[' and tape[ptr] == 0:
            pc = bracket_map.target(pc)
        elif code == ']' and tape[ptr] != 0:
            pc = bracket_map.target(pc)
        pc += 1
    return "".join(out)


HELLO = ("++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<."
         "+++.------.--------.>>+.")
# Prints the digits 0 to 9: cell 0 counts down from 10 while cell 1 walks from '0'.
DIGITS = "++++++++++>>++++++[<++++++++>-]<<[>.+<-]>>++++++++++."


def entry_point(argv):
    print(run(HELLO, BracketMap(HELLO)).strip())
    print(run(DIGITS, BracketMap(DIGITS)).strip())
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: Hello World!
# expect: 0123456789
