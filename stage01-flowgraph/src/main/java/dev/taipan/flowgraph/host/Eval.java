package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.bytecode.ExceptionEntry;
import dev.taipan.flowgraph.bytecode.Opcode;
import java.util.ArrayList;

/**
 * The eval loop: one {@code switch} over the opcode of each instruction, decoded once per code
 * object ({@code PyCode.ops}, {@code PyCode.args}); pc stays a byte offset, {@code pc >> 2} is
 * the instruction's index.
 *
 * <p><b>Re-entrant for generators.</b> {@link #run} starts at {@code frame.pc} with the stack as
 * the frame left it, and YIELD_VALUE <em>returns</em> after saving pc and stack pointer. A
 * generator's next step is just another call of {@link #run} on the same frame.
 *
 * <p><b>Exceptions are found by a static search.</b> When an instruction raises (a
 * {@link PyException} reaches the catch below), the loop records a traceback entry, then asks
 * the code's exception table for the innermost row covering that instruction: if there is one,
 * the stack is cut to the row's depth, the exception pushed, and execution continues at the
 * handler; otherwise the exception leaves the frame. Nothing is pushed or popped on entering a
 * {@code try}, so the fast path of code inside a try costs nothing.
 *
 * <p><b>Fast paths</b> for int and float operands in BINARY_OP and COMPARE_OP, for list and
 * range iterators in FOR_ITER, and for instances in LOAD_ATTR/LOAD_METHOD; everything else goes
 * through the general protocols of {@link Ops} and {@link Attr}.
 */
final class Eval {
    private Eval() {}

    private static final int INPLACE = Opcode.INPLACE;
    private static final String[] NO_KW = null;

    static PyObject run(Frame f) {
        final Interp in = f.interp;
        final Code code = f.code;
        final byte[] bc = code.code();
        final Opcode[] ops = f.pycode.ops;
        final int[] opargs = f.pycode.args;
        final PyObject[] consts = f.pycode.consts;
        final String[] names = f.pycode.names;
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
                    PyException p = pending;
                    pending = null;
                    if (pc < bc.length && ops[pc >> 2] == Opcode.YIELD_FROM) {
                        // delegate the throw to the sub-iterator, as YIELD_FROM would a send
                        opPc = pc;
                        f.lastPc = pc;
                        PyObject sub = st[sp - 1];
                        PyObject r = throwIntoSubiterator(sub, p);
                        if (r != null) {
                            f.pc = pc;
                            f.sp = sp;
                            f.yielded = true;
                            return r;
                        }
                        st[sp - 1] = ((PyGenerator) sub).returnValue();
                        pc += 4;
                    } else {
                        opPc = pc - 4;
                        f.lastPc = opPc;
                        throw p;
                    }
                }
                while (true) {
                    opPc = pc;
                    Opcode op = ops[pc >> 2];
                    int arg = opargs[pc >> 2];
                    pc += 4;
                    switch (op) {
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
                        case LOAD_CONST -> st[sp++] = consts[arg];
                        case LOAD_FAST -> {
                            PyObject v = fast[arg];
                            if (v == null) {
                                throw PyErrors.unboundLocal(code.varnames().get(arg));
                            }
                            st[sp++] = v;
                        }
                        case STORE_FAST -> fast[arg] = st[--sp];
                        case DELETE_FAST -> {
                            if (fast[arg] == null) {
                                throw PyErrors.unboundLocal(code.varnames().get(arg));
                            }
                            fast[arg] = null;
                        }
                        case LOAD_DEREF -> {
                            PyObject v = cells[arg].contents;
                            if (v == null) {
                                throw unboundCell(code, arg);
                            }
                            st[sp++] = v;
                        }
                        case STORE_DEREF -> cells[arg].contents = st[--sp];
                        case DELETE_DEREF -> {
                            if (cells[arg].contents == null) {
                                throw unboundCell(code, arg);
                            }
                            cells[arg].contents = null;
                        }
                        case LOAD_CLOSURE -> st[sp++] = cells[arg];
                        case MAKE_CELL -> cells[arg] = new PyCell();
                        case LOAD_CLASSDEREF -> {
                            PyObject v = f.locals.getStr(code.cellName(arg));
                            if (v == null) {
                                v = cells[arg].contents;
                                if (v == null) {
                                    throw unboundCell(code, arg);
                                }
                            }
                            st[sp++] = v;
                        }
                        case LOAD_GLOBAL -> {
                            String name = names[arg];
                            PyObject v = f.globals.getStr(name);
                            if (v == null) {
                                v = f.builtins.getStr(name);
                                if (v == null) {
                                    throw PyErrors.nameError(name, f);
                                }
                            }
                            st[sp++] = v;
                        }
                        case STORE_GLOBAL -> f.globals.putStr(names[arg], st[--sp]);
                        case DELETE_GLOBAL -> {
                            if (f.globals.map.remove(names[arg]) == null) {
                                throw PyErrors.nameError(names[arg], f);
                            }
                        }
                        case LOAD_NAME -> {
                            String name = names[arg];
                            PyObject v = f.locals.getStr(name);
                            if (v == null) {
                                v = f.globals.getStr(name);
                                if (v == null) {
                                    v = f.builtins.getStr(name);
                                    if (v == null) {
                                        throw PyErrors.nameError(name, f);
                                    }
                                }
                            }
                            st[sp++] = v;
                        }
                        case STORE_NAME -> f.locals.putStr(names[arg], st[--sp]);
                        case DELETE_NAME -> {
                            if (f.locals.map.remove(names[arg]) == null) {
                                throw PyErrors.nameError(names[arg], f);
                            }
                        }
                        case LOAD_ATTR -> {
                            PyObject obj = st[sp - 1];
                            if (obj.getClass() == PyInstance.class) {
                                PyInstance inst = (PyInstance) obj;
                                PyObject d = cachedLookup(f.pycode, opPc >> 2, inst.type(), names[arg]);
                                if (d == null || d instanceof PyFunction) {
                                    PyObject v = inst.dict.getStr(names[arg]);
                                    if (v != null) {
                                        st[sp - 1] = v;
                                        continue;
                                    }
                                    if (d != null) {
                                        st[sp - 1] = new PyMethod(d, obj);
                                        continue;
                                    }
                                }
                            }
                            st[sp - 1] = Attr.get(obj, names[arg]);
                        }
                        case STORE_ATTR -> {
                            PyObject obj = st[--sp];
                            PyObject v = st[--sp];
                            if (obj.getClass() == PyInstance.class) {
                                PyInstance inst = (PyInstance) obj;
                                // the cache holds TRUE when a plain dict store is right for this type
                                if (cachedPlainStore(f.pycode, opPc >> 2, inst.type(), names[arg])) {
                                    inst.dict.putStr(names[arg], v);
                                    continue;
                                }
                            }
                            Attr.set(obj, names[arg], v);
                        }
                        case DELETE_ATTR -> Attr.delete(st[--sp], names[arg]);
                        case LOAD_METHOD -> {
                            PyObject obj = st[sp - 1];
                            if (obj.getClass() == PyInstance.class) {
                                PyInstance inst = (PyInstance) obj;
                                PyObject d = cachedLookup(f.pycode, opPc >> 2, inst.type(), names[arg]);
                                if (d instanceof PyFunction && inst.dict.getStr(names[arg]) == null) {
                                    st[sp - 1] = d;
                                    st[sp++] = obj;
                                    continue;
                                }
                            }
                            if (obj instanceof PySuper s) {
                                PyObject m = s.methodOrNull(names[arg]);
                                if (m != null) {
                                    st[sp - 1] = m;
                                    st[sp++] = s.obj;
                                    continue;
                                }
                            }
                            PyObject m = Attr.lookupMethod(obj, names[arg]);
                            if (m != null) {
                                st[sp - 1] = m;
                                st[sp++] = obj;
                            } else {
                                st[sp - 1] = Attr.get(obj, names[arg]);
                                st[sp++] = null;
                            }
                        }
                        case BINARY_SUBSCR -> {
                            PyObject key = st[--sp];
                            PyObject obj = st[sp - 1];
                            if (obj.getClass() == PyList.class && key.getClass() == PyInt.class) {
                                ArrayList<PyObject> items = ((PyList) obj).items;
                                long i = ((PyInt) key).value;
                                if (((PyInt) key).big == null && i >= 0 && i < items.size()) {
                                    st[sp - 1] = items.get((int) i);
                                    continue;
                                }
                            }
                            st[sp - 1] = Ops.getitem(obj, key);
                        }
                        case STORE_SUBSCR -> {
                            PyObject key = st[--sp];
                            PyObject obj = st[--sp];
                            PyObject v = st[--sp];
                            if (obj.getClass() == PyList.class && key.getClass() == PyInt.class) {
                                ArrayList<PyObject> items = ((PyList) obj).items;
                                long i = ((PyInt) key).value;
                                if (((PyInt) key).big == null && i >= 0 && i < items.size()) {
                                    items.set((int) i, v);
                                    continue;
                                }
                            } else if (obj.getClass() == PyDict.class) {
                                ((PyDict) obj).put(key, v);
                                continue;
                            }
                            Ops.setitem(obj, key, v);
                        }
                        case DELETE_SUBSCR -> {
                            PyObject key = st[--sp];
                            PyObject obj = st[--sp];
                            Ops.delitem(obj, key);
                        }
                        case BUILD_SLICE -> {
                            PyObject step = arg == 3 ? st[--sp] : PySingleton.NONE;
                            PyObject stop = st[--sp];
                            PyObject start = st[sp - 1];
                            st[sp - 1] = new PySlice(start, stop, step);
                        }
                        case UNARY_OP -> st[sp - 1] = Ops.unary(arg, st[sp - 1]);
                        case BINARY_OP -> {
                            PyObject b = st[--sp];
                            PyObject a = st[sp - 1];
                            PyObject r = null;
                            if (a.getClass() == PyInt.class && b.getClass() == PyInt.class) {
                                PyInt x = (PyInt) a;
                                PyInt y = (PyInt) b;
                                if (x.big == null && y.big == null) {
                                    r = Arith.longOp(arg & ~INPLACE, x.value, y.value);
                                }
                            } else if (a instanceof PyFloat x && b instanceof PyFloat y) {
                                r = Arith.floatOp(arg & ~INPLACE, x.value, y.value);
                            }
                            if (r == null) {
                                r = (arg & INPLACE) != 0 ? Ops.inplace(arg & ~INPLACE, a, b) : Ops.binary(arg, a, b);
                            }
                            st[sp - 1] = r;
                        }
                        case COMPARE_OP -> {
                            PyObject b = st[--sp];
                            PyObject a = st[sp - 1];
                            if (a.getClass() == PyInt.class && b.getClass() == PyInt.class
                                    && ((PyInt) a).big == null && ((PyInt) b).big == null && arg < 6) {
                                boolean r = Arith.compareLongs(arg, ((PyInt) a).value, ((PyInt) b).value);
                                Opcode next = ops[pc >> 2];
                                if (next == Opcode.POP_JUMP_IF_FALSE || next == Opcode.POP_JUMP_IF_TRUE) {
                                    // a comparison feeding a branch: take the branch now, no bool in between
                                    st[--sp] = null;
                                    int target = opargs[pc >> 2];
                                    pc = r == (next == Opcode.POP_JUMP_IF_TRUE) ? target : pc + 4;
                                    continue;
                                }
                                st[sp - 1] = PyBool.of(r);
                            } else {
                                st[sp - 1] = Ops.compare(arg, a, b);
                            }
                        }
                        case JUMP -> {
                            // Every loop closes with a backward JUMP: the one place where a
                            // runaway program can be stopped (a notebook's interrupt, a test's
                            // timeout) by interrupting its thread, as Ctrl-C stops CPython.
                            if (arg < pc && Thread.currentThread().isInterrupted()) {
                                Thread.interrupted();
                                throw PyErrors.of(Types.KEYBOARD_INTERRUPT);
                            }
                            pc = arg;
                        }
                        case POP_JUMP_IF_FALSE -> {
                            PyObject v = st[--sp];
                            if (v == PyBool.FALSE || v != PyBool.TRUE && !Ops.truthy(v)) {
                                pc = arg;
                            }
                        }
                        case POP_JUMP_IF_TRUE -> {
                            PyObject v = st[--sp];
                            if (v == PyBool.TRUE || v != PyBool.FALSE && Ops.truthy(v)) {
                                pc = arg;
                            }
                        }
                        case JUMP_IF_FALSE_OR_POP -> {
                            if (!Ops.truthy(st[sp - 1])) {
                                pc = arg;
                            } else {
                                sp--;
                            }
                        }
                        case JUMP_IF_TRUE_OR_POP -> {
                            if (Ops.truthy(st[sp - 1])) {
                                pc = arg;
                            } else {
                                sp--;
                            }
                        }
                        case GET_ITER -> st[sp - 1] = Ops.iter(st[sp - 1]);
                        case FOR_ITER -> {
                            PyObject it = st[sp - 1];
                            PyObject v;
                            if (it instanceof PyIterator pi) {
                                // the two commonest loops, stepped inline (no megamorphic call)
                                PyIterator.Source s = pi.source;
                                if (s instanceof PyIterator.RangeSource r) {
                                    if (r.remaining > 0) {
                                        r.remaining--;
                                        v = PyInt.of(r.next);
                                        r.next += r.step;
                                    } else {
                                        v = null;
                                    }
                                } else if (s instanceof PyIterator.ListSource ls) {
                                    v = ls.index < ls.items.size() ? ls.items.get(ls.index++) : null;
                                } else {
                                    v = pi.next();
                                }
                                if (v == null) {
                                    pi.source = null;   // an exhausted iterator stays exhausted
                                }
                            } else {
                                v = Ops.next(it);
                            }
                            if (v == null) {
                                st[--sp] = null;
                                pc = arg;
                            } else {
                                st[sp++] = v;
                            }
                        }
                        case RETURN_VALUE -> {
                            PyObject v = st[--sp];
                            f.pc = pc;
                            f.sp = sp;
                            return v;
                        }
                        case CALL -> {
                            f.lastPc = opPc;
                            sp -= arg;
                            if (st[sp - 1] instanceof PyFunction pf && pf.takesExactly(arg)) {
                                // the common case: a plain function called with all its arguments
                                Frame callee = new Frame(in, pf.pycode, pf.globals, null, pf.closure);
                                callee.function = pf;
                                System.arraycopy(st, sp, callee.fast, 0, arg);
                                clear(st, sp, arg);
                                st[sp - 1] = in.execute(callee);
                                continue;
                            }
                            if (arg == 0 && st[sp - 1] == Types.SUPER) {
                                st[sp - 1] = Builtins.zeroArgSuper(in);
                                continue;
                            }
                            PyObject[] args = new PyObject[arg];
                            System.arraycopy(st, sp, args, 0, arg);
                            PyObject fn = st[sp - 1];
                            st[sp - 1] = fn.call(args, NO_KW);
                            clear(st, sp, arg);
                        }
                        case CALL_KW -> {
                            f.lastPc = opPc;
                            PyTuple kw = (PyTuple) st[--sp];
                            PyObject[] args = new PyObject[arg];
                            sp -= arg;
                            System.arraycopy(st, sp, args, 0, arg);
                            PyObject fn = st[sp - 1];
                            st[sp - 1] = fn.call(args, kw.asNames());
                            clear(st, sp, arg + 1);
                        }
                        case CALL_METHOD -> {
                            f.lastPc = opPc;
                            sp -= arg;
                            PyObject self = st[sp - 1];
                            PyObject fn = st[sp - 2];
                            if (arg == 1 && fn == TypeMethods.listAppend && self.getClass() == PyList.class) {
                                // CPython 3.11's CALL_NO_KW_LIST_APPEND
                                ((PyList) self).items.add(st[sp]);
                                st[sp] = null;
                                st[sp - 1] = null;
                                sp--;
                                st[sp - 1] = PySingleton.NONE;
                                continue;
                            }
                            PyObject r;
                            if (self != null && fn instanceof PyFunction pf && pf.takesExactly(arg + 1)) {
                                // a method call: self and the arguments go straight into the new frame
                                Frame callee = new Frame(in, pf.pycode, pf.globals, null, pf.closure);
                                callee.function = pf;
                                callee.fast[0] = self;
                                System.arraycopy(st, sp, callee.fast, 1, arg);
                                r = in.execute(callee);
                            } else if (self != null) {
                                PyObject[] args = new PyObject[arg + 1];
                                args[0] = self;
                                System.arraycopy(st, sp, args, 1, arg);
                                r = fn.call(args, NO_KW);
                            } else {
                                PyObject[] args = new PyObject[arg];
                                System.arraycopy(st, sp, args, 0, arg);
                                r = fn.call(args, NO_KW);
                            }
                            sp--;
                            st[sp - 1] = r;
                            clear(st, sp, arg + 1);
                        }
                        case CALL_EX -> {
                            f.lastPc = opPc;
                            if ((arg & 2) != 0) {
                                int n = arg >> 2;
                                PyObject rest = st[--sp];
                                PyObject[] all = starArguments(st, sp - n, n, rest);
                                sp -= n;
                                clear(st, sp, n);
                                st[sp - 1] = st[sp - 1].call(all, NO_KW);
                            } else {
                                PyObject kwargs = (arg & 1) != 0 ? st[--sp] : null;
                                PyObject args = st[--sp];
                                PyObject fn = st[sp - 1];
                                st[sp - 1] = callEx(fn, args, kwargs);
                            }
                        }
                        case MAKE_FUNCTION -> {
                            PyCode c = (PyCode) st[--sp];
                            PyCell[] closure = null;
                            if ((arg & 8) != 0) {
                                PyTuple t = (PyTuple) st[--sp];
                                closure = new PyCell[t.items.length];
                                for (int i = 0; i < closure.length; i++) {
                                    closure[i] = (PyCell) t.items[i];
                                }
                            }
                            PyDict kwdefaults = (arg & 2) != 0 ? (PyDict) st[--sp] : null;
                            PyTuple defaults = (arg & 1) != 0 ? (PyTuple) st[--sp] : null;
                            st[sp++] = new PyFunction(in, c, f.globals, defaults, kwdefaults, closure);
                        }
                        case LOAD_BUILD_CLASS -> st[sp++] = in.buildClass;
                        case BUILD_TUPLE -> {
                            if (arg == 0) {
                                st[sp++] = PyTuple.EMPTY;
                            } else {
                                PyObject[] items = new PyObject[arg];
                                sp -= arg;
                                System.arraycopy(st, sp, items, 0, arg);
                                clear(st, sp + 1, arg - 1);
                                st[sp++] = new PyTuple(items);
                            }
                        }
                        case BUILD_LIST -> {
                            ArrayList<PyObject> items = new ArrayList<>(Math.max(arg, 4));
                            sp -= arg;
                            for (int i = 0; i < arg; i++) {
                                items.add(st[sp + i]);
                            }
                            clear(st, sp + 1, arg - 1);
                            st[sp++] = new PyList(items, true);
                        }
                        case BUILD_SET -> {
                            PySet s = new PySet(false);
                            sp -= arg;
                            for (int i = 0; i < arg; i++) {
                                s.add(st[sp + i]);
                            }
                            st[sp++] = s;
                        }
                        case BUILD_MAP -> {
                            PyDict d = new PyDict();
                            sp -= 2 * arg;
                            for (int i = 0; i < arg; i++) {
                                d.put(st[sp + 2 * i], st[sp + 2 * i + 1]);
                            }
                            st[sp++] = d;
                        }
                        case LIST_APPEND -> {
                            PyObject v = st[--sp];
                            ((PyList) st[sp - arg]).items.add(v);
                        }
                        case SET_ADD -> {
                            PyObject v = st[--sp];
                            ((PySet) st[sp - arg]).add(v);
                        }
                        case MAP_ADD -> {
                            PyObject v = st[--sp];
                            PyObject k = st[--sp];
                            ((PyDict) st[sp - arg]).put(k, v);
                        }
                        case LIST_EXTEND -> {
                            PyObject it = st[--sp];
                            if (!Ops.isIterable(it)) {
                                throw starNotIterable(bc, pc, st, sp, arg, it);
                            }
                            ((PyList) st[sp - arg]).items.addAll(Ops.toList(it));
                        }
                        case SET_UPDATE -> {
                            PyObject it = st[--sp];
                            PySet s = (PySet) st[sp - arg];
                            for (PyObject o : Ops.toList(it)) {
                                s.add(o);
                            }
                        }
                        case DICT_UPDATE -> {
                            PyObject m = st[--sp];
                            if (!(m instanceof PyDict) && Attr.getOrNull(m, "keys") == null) {
                                throw PyErrors.typeError("'" + Ops.typeName(m) + "' object is not a mapping");
                            }
                            Ops.dictUpdate((PyDict) st[sp - arg], m, null);
                        }
                        case DICT_MERGE -> {
                            PyObject m = st[--sp];
                            PyObject callee = st[sp - arg - 2];
                            Ops.dictUpdate((PyDict) st[sp - arg], m, callee);
                        }
                        case LIST_TO_TUPLE -> st[sp - 1] = PyTuple.of(((PyList) st[sp - 1]).items);
                        case UNPACK_SEQUENCE -> {
                            PyObject seq = st[--sp];
                            PyObject[] items = Ops.unpack(seq, arg);
                            for (int i = arg - 1; i >= 0; i--) {
                                st[sp++] = items[i];
                            }
                        }
                        case UNPACK_EX -> {
                            int before = arg & 0xff;
                            int after = arg >> 8;
                            java.util.List<PyObject> items = Ops.toList(st[--sp]);
                            if (items.size() < before + after) {
                                throw PyErrors.valueError("not enough values to unpack (expected at least "
                                        + (before + after) + ", got " + items.size() + ")");
                            }
                            for (int i = items.size() - 1; i >= items.size() - after; i--) {
                                st[sp++] = items.get(i);
                            }
                            st[sp++] = new PyList(items.subList(before, items.size() - after));
                            for (int i = before - 1; i >= 0; i--) {
                                st[sp++] = items.get(i);
                            }
                        }
                        case FORMAT_VALUE -> {
                            PyObject spec = (arg & 4) != 0 ? st[--sp] : null;
                            PyObject v = st[sp - 1];
                            v = switch (arg & 3) {
                                case 1 -> PyStr.of(Ops.str(v));
                                case 2 -> PyStr.of(Ops.repr(v));
                                case 3 -> PyStr.of(Ops.ascii(v));
                                default -> v;
                            };
                            st[sp - 1] = spec == null && v instanceof PyStr ? v
                                    : PyStr.of(Ops.format(v, spec == null ? "" : ((PyStr) spec).value));
                        }
                        case BUILD_STRING -> {
                            StringBuilder sb = new StringBuilder();
                            sp -= arg;
                            for (int i = 0; i < arg; i++) {
                                sb.append(((PyStr) st[sp + i]).value);
                            }
                            st[sp++] = PyStr.of(sb.toString());
                        }
                        case PUSH_EXC_INFO -> {
                            PyObject exc = st[sp - 1];
                            st[sp - 1] = in.handled == null ? PySingleton.NONE : in.handled;
                            st[sp++] = exc;
                            in.handled = (PyBaseException) exc;
                        }
                        case POP_EXCEPT -> {
                            PyObject prev = st[--sp];
                            in.handled = prev instanceof PyBaseException e ? e : null;
                        }
                        case CHECK_EXC_MATCH -> {
                            PyObject t = st[sp - 1];
                            st[sp - 1] = PyBool.of(Ops.exceptionMatches(st[sp - 2], t));
                        }
                        case RERAISE -> throw new PyException((PyBaseException) st[--sp], true);
                        case RAISE_VARARGS -> throw raise(in, st, sp, arg);
                        case LOAD_ASSERTION_ERROR -> st[sp++] = Types.ASSERTION_ERROR;
                        case BEFORE_WITH -> {
                            PyObject mgr = st[sp - 1];
                            PyObject enter = Attr.lookupSpecial(mgr, "__enter__");
                            PyObject exit = Attr.lookupSpecial(mgr, "__exit__");
                            if (enter == null || exit == null) {
                                throw PyErrors.typeError("'" + mgr.type().name()
                                        + "' object does not support the context manager protocol");
                            }
                            st[sp - 1] = exit;
                            st[sp++] = enter.call(new PyObject[0], NO_KW);
                        }
                        case WITH_EXCEPT_START -> {
                            PyObject exc = st[sp - 1];
                            PyObject exit = st[sp - 3];
                            st[sp++] = exit.call(new PyObject[] {exc.type(), exc, PySingleton.NONE}, NO_KW);
                        }
                        case YIELD_VALUE -> {
                            f.lastPc = opPc;
                            PyObject v = st[--sp];
                            f.pc = pc;
                            f.sp = sp;
                            f.yielded = true;
                            return v;
                        }
                        case GET_YIELD_FROM_ITER -> {
                            PyObject o = st[sp - 1];
                            if (!(o instanceof PyGenerator)) {
                                st[sp - 1] = Ops.iter(o);
                            }
                        }
                        case YIELD_FROM -> {
                            PyObject v = st[--sp];
                            PyObject sub = st[sp - 1];
                            PyObject r;
                            PyObject result = null;
                            if (sub instanceof PyGenerator g) {
                                r = g.resume(v, null);
                                if (r == null) {
                                    result = g.returnValue();
                                }
                            } else if (v == PySingleton.NONE) {
                                r = Ops.next(sub);
                                if (r == null) {
                                    result = PySingleton.NONE;
                                }
                            } else {
                                r = Attr.callMethod(sub, "send", v);
                            }
                            if (result != null) {
                                st[sp - 1] = result;
                            } else {
                                f.pc = opPc;
                                f.sp = sp;
                                f.yielded = true;
                                return r;
                            }
                        }
                        case IMPORT_NAME -> {
                            PyObject fromlist = st[--sp];
                            PyObject level = st[sp - 1];
                            st[sp - 1] = in.importer.importName(names[arg], f.globals, fromlist,
                                    ((PyInt) level).intValue());
                        }
                        case IMPORT_FROM -> {
                            PyObject m = st[sp - 1];
                            st[sp++] = in.importer.importFrom(m, names[arg]);
                        }
                        case IMPORT_STAR -> in.importer.importStar(st[--sp], f.locals != null ? f.locals : f.globals);
                        default -> throw new IllegalStateException("the host interpreter has no case for " + op);
                    }
                }
            } catch (PyException e) {
                f.lastPc = opPc;
                PyBaseException exc = e.value();
                if (!e.reraise) {
                    exc.traceback.add(new PyBaseException.TracebackEntry(code, code.lineAt(opPc)));
                    PyBaseException handled = in.handled;
                    if (handled != null && handled != exc && exc.context == PySingleton.NONE) {
                        exc.context = handled;
                    }
                }
                e.reraise = false;
                ExceptionEntry h = code.handlerFor(opPc);
                if (h == null) {
                    f.pc = bc.length;
                    f.sp = 0;
                    throw e;
                }
                clear(st, h.depth(), sp - h.depth());
                sp = h.depth();
                st[sp++] = exc;
                pc = h.handler();
            }
        }
    }

    /** {@code t.lookup(name)} through the instruction's inline cache. */
    private static PyObject cachedLookup(PyCode c, int slot, PyType t, String name) {
        if (c.cacheType[slot] == t && c.cacheVersion[slot] == t.version) {
            return c.cacheValue[slot];
        }
        PyObject d = t.lookup(name);
        c.cacheType[slot] = t;
        c.cacheVersion[slot] = t.version;
        c.cacheValue[slot] = d;
        return d;
    }

    /** Whether {@code obj.name = v} is a plain dict store for instances of {@code t}, cached. */
    private static boolean cachedPlainStore(PyCode c, int slot, PyType t, String name) {
        if (c.cacheType[slot] != t || c.cacheVersion[slot] != t.version) {
            PyObject d = t.lookup(name);
            boolean plain = t.lookup("__setattr__") instanceof PyBuiltinFunction && (d == null || !Attr.isDataDescriptor(d))
                    && !Attr.isSpecialInstanceAttribute(name);
            c.cacheType[slot] = t;
            c.cacheVersion[slot] = t.version;
            c.cacheValue[slot] = PyBool.of(plain);
        }
        return c.cacheValue[slot] == PyBool.TRUE;
    }

    private static void clear(PyObject[] st, int from, int n) {
        for (int i = 0; i < n; i++) {
            st[from + i] = null;
        }
    }

    /**
     * {@code *x} of a non-iterable: CPython names the function when {@code x} is a call's only
     * positional argument (the list is still empty and goes straight to CALL_EX).
     */
    private static PyException starNotIterable(byte[] bc, int pc, PyObject[] st, int sp, int arg, PyObject it) {
        boolean soleCallArgument = ((PyList) st[sp - arg]).items.isEmpty() && pc + 4 < bc.length
                && Opcode.of(bc[pc] & 0xff) == Opcode.LIST_TO_TUPLE
                && (Opcode.of(bc[pc + 4] & 0xff) == Opcode.CALL_EX || Opcode.of(bc[pc + 4] & 0xff) == Opcode.BUILD_MAP);
        if (soleCallArgument && sp - arg - 1 >= 0 && st[sp - arg - 1] != null) {
            return PyErrors.typeError(Ops.functionStr(st[sp - arg - 1]) + " argument after * must be an iterable, not "
                    + Ops.typeName(it));
        }
        return PyErrors.typeError("Value after * must be an iterable, not " + Ops.typeName(it));
    }

    private static PyException unboundCell(Code code, int i) {
        String name = code.cellName(i);
        if (i < code.cellvars().size()) {
            return PyErrors.unboundLocal(name);
        }
        return PyErrors.of(Types.NAME_ERROR, "cannot access free variable '" + name
                + "' where it is not associated with a value in enclosing scope");
    }

    private static PyObject throwIntoSubiterator(PyObject sub, PyException p) {
        if (sub instanceof PyGenerator g) {
            if (p.matches(Types.GENERATOR_EXIT)) {
                g.close();
                throw p;
            }
            return g.resume(PySingleton.NONE, p);
        }
        throw p;
    }

    private static PyException raise(Interp in, PyObject[] st, int sp, int arg) {
        if (arg == 0) {
            if (in.handled == null) {
                return PyErrors.runtimeError("No active exception to reraise");
            }
            return new PyException(in.handled, true);
        }
        PyObject cause = arg == 2 ? st[sp - 1] : null;
        PyObject v = st[sp - arg];
        PyBaseException exc = Ops.makeException(v);
        if (cause != null) {
            if (cause == PySingleton.NONE) {
                exc.cause = PySingleton.NONE;
            } else {
                exc.cause = Ops.makeException(cause);
            }
            exc.suppressContext = true;
        }
        return new PyException(exc);
    }

    /**
     * The arguments of {@code f(a1, .., an, *rest)}: the n on the stack from {@code from}, then
     * rest's items. CPython names f in the error only when {@code *rest} is the sole argument.
     */
    private static PyObject[] starArguments(PyObject[] st, int from, int n, PyObject rest) {
        if (!Ops.isIterable(rest)) {
            throw PyErrors.typeError((n == 0 ? Ops.functionStr(st[from - 1]) + " argument after *" : "Value after *")
                    + " must be an iterable, not " + Ops.typeName(rest));
        }
        java.util.List<PyObject> items = rest instanceof PyTuple t ? java.util.List.of(t.items) : Ops.toList(rest);
        PyObject[] all = new PyObject[n + items.size()];
        System.arraycopy(st, from, all, 0, n);
        for (int i = 0; i < items.size(); i++) {
            all[n + i] = items.get(i);
        }
        return all;
    }

    static PyObject callEx(PyObject fn, PyObject args, PyObject kwargs) {
        java.util.List<PyObject> pos = args instanceof PyTuple t ? java.util.List.of(t.items) : Ops.toList(args);
        if (kwargs == null || kwargs instanceof PyDict d && d.size() == 0) {
            return fn.call(pos.toArray(new PyObject[0]), NO_KW);
        }
        PyDict kw = (PyDict) kwargs;
        PyObject[] all = new PyObject[pos.size() + kw.size()];
        String[] kwnames = new String[kw.size()];
        int i = 0;
        for (PyObject p : pos) {
            all[i++] = p;
        }
        int k = 0;
        for (var e : kw.map.entrySet()) {
            if (!(e.getKey() instanceof String s)) {
                throw PyErrors.typeError("keywords must be strings");
            }
            kwnames[k++] = s;
            all[i++] = e.getValue();
        }
        return fn.call(all, kwnames);
    }
}
