package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.bytecode.ExceptionEntry;
import dev.taipan.flowgraph.bytecode.Opcode;

/**
 * The eval loop: fetch the instruction at pc, dispatch on its opcode, repeat.
 *
 * <p>The loop reads like the opcode table of {@link Opcode}, family by family. It does itself
 * what is one line of stack shuffling (a load, a store, a jump) and hands everything else to
 * the family's own class, named in the comment over its cases: {@link EvalVariables},
 * {@link EvalAttributes}, {@link EvalOperators}, {@link EvalControl}, {@link EvalCalls},
 * {@link EvalContainers}, {@link EvalFStrings}, {@link EvalExceptions},
 * {@link EvalGenerators}.
 *
 * <p><b>Shaped for the JVM's JIT.</b> The frame's pc and stack pointer live in local variables,
 * where the JIT keeps them in registers; a family method that moves the stack pointer takes the
 * stack and returns the new pointer. The family methods are small, so the JIT inlines the hot
 * ones into this loop. The instructions come decoded ({@code PyCode.ops}, {@code PyCode.args}),
 * so a fetch is two array reads; pc stays a byte offset, the unit of jump targets, the
 * exception table and the line table, and {@code pc >> 2} is the instruction's index.
 *
 * <p><b>Re-entrant for generators.</b> {@link #run} starts at {@code frame.pc} with the stack as
 * the frame left it, and YIELD_VALUE <em>returns</em> after saving pc and stack pointer. A
 * generator's next step is just another call of {@link #run} on the same frame.
 *
 * <p><b>Exceptions are found by a static search.</b> When an instruction raises (a
 * {@link PyException} reaches the catch below), {@link EvalExceptions#unwind} records a
 * traceback entry and asks the code's exception table for the innermost row covering that
 * instruction: if there is one, the stack is cut to the row's depth, the exception pushed, and
 * execution continues at the handler; otherwise the exception leaves the frame. Nothing is
 * pushed or popped on entering a {@code try}, so the fast path of code inside a try costs
 * nothing.
 *
 * <p><b>Fast paths</b> for int and float operands in BINARY_OP and COMPARE_OP, lists and dicts
 * in the subscripts, list and range iterators in FOR_ITER, instances in LOAD_ATTR/LOAD_METHOD
 * and plain functions in the calls; everything else goes through the general protocols of
 * {@link Ops} and {@link Attr}.
 */
final class Eval {
    private Eval() {}

    static PyObject run(Frame f) {
        final Interp in = f.interp;
        final Code code = f.code;
        final PyCode pycode = f.pycode;
        final Opcode[] ops = pycode.ops;
        final int[] args = pycode.args;
        final PyObject[] consts = pycode.consts;
        final String[] names = pycode.names;
        final PyObject[] st = f.stack;
        final PyObject[] fast = f.fast;
        final PyCell[] cells = f.cells;
        int pc = f.pc;
        int sp = f.sp;
        int opPc = pc;
        PyException pending = f.pendingThrow;
        f.pendingThrow = null;
        while (true) {
            try {
                if (pending != null) {
                    // A generator resumed by throw(): the exception is raised at the yield it
                    // is suspended on or, in a yield from, thrown into the sub-generator first.
                    PyException p = pending;
                    pending = null;
                    if (pc < code.length() && ops[pc >> 2] == Opcode.YIELD_FROM) {
                        opPc = pc;
                        f.lastPc = pc;
                        PyObject r = EvalGenerators.throwInto(st, sp, p);
                        if (r != null) {
                            return suspend(f, pc, sp, r);
                        }
                        pc += Opcode.SIZE;
                    } else {
                        opPc = pc - Opcode.SIZE;    // the YIELD_VALUE it stopped at
                        f.lastPc = opPc;
                        throw p;
                    }
                }
                while (true) {
                    opPc = pc;
                    Opcode op = ops[pc >> 2];
                    int arg = args[pc >> 2];
                    pc += Opcode.SIZE;
                    switch (op) {
                        // ---- stack
                        case NOP -> { }
                        case POP_TOP -> st[--sp] = null;
                        case COPY -> {
                            st[sp] = st[sp - arg];
                            sp++;
                        }
                        case SWAP -> {
                            PyObject t = st[sp - 1];
                            st[sp - 1] = st[sp - arg];
                            st[sp - arg] = t;
                        }

                        // ---- constants and variables: EvalVariables
                        case LOAD_CONST -> st[sp++] = consts[arg];
                        case LOAD_FAST -> st[sp++] = EvalVariables.loadFast(fast, code, arg);
                        case STORE_FAST -> fast[arg] = st[--sp];
                        case DELETE_FAST -> EvalVariables.deleteFast(fast, code, arg);
                        case LOAD_DEREF -> st[sp++] = EvalVariables.loadDeref(cells, code, arg);
                        case STORE_DEREF -> cells[arg].contents = st[--sp];
                        case DELETE_DEREF -> EvalVariables.deleteDeref(cells, code, arg);
                        case LOAD_CLOSURE -> st[sp++] = cells[arg];
                        case MAKE_CELL -> cells[arg] = new PyCell();
                        case LOAD_CLASSDEREF -> st[sp++] = EvalVariables.loadClassDeref(f, arg);
                        case LOAD_GLOBAL -> st[sp++] = EvalVariables.loadGlobal(f, names[arg]);
                        case STORE_GLOBAL -> f.globals.putStr(names[arg], st[--sp]);
                        case DELETE_GLOBAL -> EvalVariables.deleteName(f.globals, names[arg], f);
                        case LOAD_NAME -> st[sp++] = EvalVariables.loadName(f, names[arg]);
                        case STORE_NAME -> f.locals.putStr(names[arg], st[--sp]);
                        case DELETE_NAME -> EvalVariables.deleteName(f.locals, names[arg], f);

                        // ---- attributes: EvalAttributes (the cache slot is the instruction's index)
                        case LOAD_ATTR -> st[sp - 1] = EvalAttributes.load(pycode, opPc >> 2, st[sp - 1], names[arg]);
                        case STORE_ATTR -> {
                            sp -= 2;
                            EvalAttributes.store(pycode, opPc >> 2, st[sp + 1], names[arg], st[sp]);
                        }
                        case DELETE_ATTR -> Attr.delete(st[--sp], names[arg]);
                        case LOAD_METHOD -> sp = EvalAttributes.loadMethod(pycode, opPc >> 2, st, sp, names[arg]);

                        // ---- items and operators: EvalOperators
                        case BINARY_SUBSCR -> {
                            PyObject key = st[--sp];
                            st[sp - 1] = EvalOperators.getitem(st[sp - 1], key);
                        }
                        case STORE_SUBSCR -> {
                            sp -= 3;
                            EvalOperators.setitem(st[sp + 1], st[sp + 2], st[sp]);
                        }
                        case DELETE_SUBSCR -> {
                            sp -= 2;
                            Ops.delitem(st[sp], st[sp + 1]);
                        }
                        case BUILD_SLICE -> sp = EvalContainers.buildSlice(st, sp, arg);
                        case UNARY_OP -> st[sp - 1] = Ops.unary(arg, st[sp - 1]);
                        case BINARY_OP -> {
                            PyObject b = st[--sp];
                            st[sp - 1] = EvalOperators.binary(arg, st[sp - 1], b);
                        }
                        case COMPARE_OP -> {
                            PyObject b = st[--sp];
                            PyObject a = st[sp - 1];
                            Opcode next = ops[pc >> 2];
                            if ((next == Opcode.POP_JUMP_IF_FALSE || next == Opcode.POP_JUMP_IF_TRUE)
                                    && arg < EvalOperators.ORDERING_COMPARISONS && EvalOperators.machineInts(a, b)) {
                                // compare-and-branch fusion: an int comparison feeding a branch
                                // takes the branch now, with no bool in between
                                boolean r = Arith.compareLongs(arg, ((PyInt) a).value, ((PyInt) b).value);
                                st[--sp] = null;
                                pc = r == (next == Opcode.POP_JUMP_IF_TRUE) ? args[pc >> 2] : pc + Opcode.SIZE;
                            } else {
                                st[sp - 1] = EvalOperators.compare(arg, a, b);
                            }
                        }

                        // ---- control flow: EvalControl
                        case JUMP -> {
                            if (arg < pc) {
                                EvalControl.checkInterrupt();
                            }
                            pc = arg;
                        }
                        case POP_JUMP_IF_FALSE -> {
                            if (!EvalControl.isTrue(st[--sp])) {
                                pc = arg;
                            }
                        }
                        case POP_JUMP_IF_TRUE -> {
                            if (EvalControl.isTrue(st[--sp])) {
                                pc = arg;
                            }
                        }
                        case JUMP_IF_FALSE_OR_POP -> {
                            if (!EvalControl.isTrue(st[sp - 1])) {
                                pc = arg;
                            } else {
                                sp--;
                            }
                        }
                        case JUMP_IF_TRUE_OR_POP -> {
                            if (EvalControl.isTrue(st[sp - 1])) {
                                pc = arg;
                            } else {
                                sp--;
                            }
                        }
                        case GET_ITER -> st[sp - 1] = Ops.iter(st[sp - 1]);
                        case FOR_ITER -> {
                            PyObject v = EvalControl.next(st[sp - 1]);
                            if (v != null) {
                                st[sp++] = v;
                            } else {
                                st[--sp] = null;
                                pc = arg;
                            }
                        }
                        case RETURN_VALUE -> {
                            PyObject v = st[--sp];
                            f.pc = pc;
                            f.sp = sp;
                            return v;
                        }

                        // ---- calls and definitions: EvalCalls (lastPc: the caller's line in a traceback)
                        case CALL -> {
                            f.lastPc = opPc;
                            sp = EvalCalls.call(f, st, sp, arg);
                        }
                        case CALL_KW -> {
                            f.lastPc = opPc;
                            sp = EvalCalls.callKw(st, sp, arg);
                        }
                        case CALL_METHOD -> {
                            f.lastPc = opPc;
                            sp = EvalCalls.callMethod(f, st, sp, arg);
                        }
                        case CALL_EX -> {
                            f.lastPc = opPc;
                            sp = EvalCalls.callEx(st, sp, arg);
                        }
                        case MAKE_FUNCTION -> sp = EvalCalls.makeFunction(f, st, sp, arg);
                        case LOAD_BUILD_CLASS -> st[sp++] = in.buildClass;

                        // ---- containers: EvalContainers
                        case BUILD_TUPLE -> sp = EvalContainers.buildTuple(st, sp, arg);
                        case BUILD_LIST -> sp = EvalContainers.buildList(st, sp, arg);
                        case BUILD_SET -> sp = EvalContainers.buildSet(st, sp, arg);
                        case BUILD_MAP -> sp = EvalContainers.buildMap(st, sp, arg);
                        case LIST_APPEND -> sp = EvalContainers.listAppend(st, sp, arg);
                        case SET_ADD -> sp = EvalContainers.setAdd(st, sp, arg);
                        case MAP_ADD -> sp = EvalContainers.mapAdd(st, sp, arg);
                        case LIST_EXTEND -> sp = EvalContainers.listExtend(st, sp, arg, code, pc);
                        case SET_UPDATE -> sp = EvalContainers.setUpdate(st, sp, arg);
                        case DICT_UPDATE -> sp = EvalContainers.dictUpdate(st, sp, arg);
                        case DICT_MERGE -> sp = EvalContainers.dictMerge(st, sp, arg);
                        case LIST_TO_TUPLE -> st[sp - 1] = PyTuple.of(((PyList) st[sp - 1]).items);
                        case UNPACK_SEQUENCE -> sp = EvalContainers.unpackSequence(st, sp, arg);
                        case UNPACK_EX -> sp = EvalContainers.unpackEx(st, sp, arg);

                        // ---- f-strings: EvalFStrings
                        case FORMAT_VALUE -> sp = EvalFStrings.formatValue(st, sp, arg);
                        case BUILD_STRING -> sp = EvalFStrings.buildString(st, sp, arg);

                        // ---- exceptions and with: EvalExceptions
                        case PUSH_EXC_INFO -> sp = EvalExceptions.pushExcInfo(in, st, sp);
                        case POP_EXCEPT -> sp = EvalExceptions.popExcept(in, st, sp);
                        case CHECK_EXC_MATCH -> EvalExceptions.checkExcMatch(st, sp);
                        case RERAISE -> throw new PyException((PyBaseException) st[--sp], true);
                        case RAISE_VARARGS -> throw EvalExceptions.raise(in, st, sp, arg);
                        case LOAD_ASSERTION_ERROR -> st[sp++] = Types.ASSERTION_ERROR;
                        case BEFORE_WITH -> sp = EvalExceptions.beforeWith(st, sp);
                        case WITH_EXCEPT_START -> sp = EvalExceptions.withExceptStart(st, sp);

                        // ---- generators: EvalGenerators
                        case YIELD_VALUE -> {
                            f.lastPc = opPc;
                            PyObject v = st[--sp];
                            return suspend(f, pc, sp, v);
                        }
                        case GET_YIELD_FROM_ITER -> {
                            if (!(st[sp - 1] instanceof PyGenerator)) {
                                st[sp - 1] = Ops.iter(st[sp - 1]);
                            }
                        }
                        case YIELD_FROM -> {
                            PyObject v = st[--sp];
                            PyObject r = EvalGenerators.send(st, sp, v);
                            if (r != null) {
                                return suspend(f, opPc, sp, r);     // resumes on YIELD_FROM again
                            }
                        }

                        // ---- imports: the Importer
                        case IMPORT_NAME -> {
                            PyObject fromlist = st[--sp];
                            int level = ((PyInt) st[sp - 1]).intValue();
                            st[sp - 1] = in.importer.importName(names[arg], f.globals, fromlist, level);
                        }
                        case IMPORT_FROM -> {
                            PyObject module = st[sp - 1];
                            st[sp++] = in.importer.importFrom(module, names[arg]);
                        }
                        case IMPORT_STAR -> in.importer.importStar(st[--sp], f.locals != null ? f.locals : f.globals);
                        default -> throw new IllegalStateException("the host interpreter has no case for " + op);
                    }
                }
            } catch (PyException e) {
                ExceptionEntry h = EvalExceptions.unwind(f, e, opPc);
                clear(st, h.depth(), sp - h.depth());
                sp = h.depth();
                st[sp++] = e.value();
                pc = h.handler();
            }
        }
    }

    /** A generator hands out {@code value}: the frame keeps where to go on and its stack. */
    private static PyObject suspend(Frame f, int pc, int sp, PyObject value) {
        f.pc = pc;
        f.sp = sp;
        f.yielded = true;
        return value;
    }

    /** Drops the references in {@code n} stack slots from {@code from}, so that they do not keep garbage alive. */
    static void clear(PyObject[] st, int from, int n) {
        for (int i = 0; i < n; i++) {
            st[from + i] = null;
        }
    }
}
