package dev.taipan.x86.gen;

import static dev.taipan.x86.asm.Imm.imm;
import static dev.taipan.x86.asm.Reg.AL;
import static dev.taipan.x86.asm.Reg.EAX;
import static dev.taipan.x86.asm.Reg.RAX;
import static dev.taipan.x86.asm.Reg.RBP;
import static dev.taipan.x86.asm.Reg.RCX;
import static dev.taipan.x86.asm.Reg.RDI;
import static dev.taipan.x86.asm.Reg.RDX;
import static dev.taipan.x86.asm.Reg.RSI;
import static dev.taipan.x86.asm.Reg.RSP;
import static dev.taipan.x86.asm.Reg.R10;
import static dev.taipan.x86.asm.Reg.R8;
import static dev.taipan.x86.asm.Reg.R9;

import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Strings;
import dev.taipan.x86.asm.Assembler;
import dev.taipan.x86.asm.Cond;
import dev.taipan.x86.asm.Label;
import dev.taipan.x86.asm.MachineCode;
import dev.taipan.x86.asm.Mem;
import dev.taipan.x86.asm.Reg;
import dev.taipan.x86.asm.Symbol;
import dev.taipan.x86.asm.Width;
import dev.taipan.x86.link.InputSection;
import java.util.ArrayList;
import java.util.List;

/**
 * The little machine code every translated program needs besides its graphs, written with the
 * {@link Assembler}: the raw memory the collectors are written
 * over, printing, and the uncaught-exception report. No libc: each routine is a few
 * instructions around a Linux {@code syscall} (number in {@code rax}, arguments in {@code rdi},
 * {@code rsi}, {@code rdx}, {@code r10}, {@code r8}, {@code r9}; {@code rcx} and {@code r11}
 * clobbered; {@code -errno} in {@code rax} on failure). Each routine follows System V and
 * touches only caller-saved registers, so generated code calls them like any function.
 *
 * <p><b>Raw memory</b> ({@code raw_malloc}, which the llinterp implements in Java): one
 * {@code mmap} per block, a 16-byte header in front holding the mapping's length so that
 * {@code raw_free} can {@code munmap} it. The collectors ask for big blocks (none.py's 1 MiB
 * chunks, semispace's spaces, marksweep's arenas and large objects), so a system call each is
 * cheap enough, and freed memory really goes back to the kernel; the blocks under
 * {@link #POPULATE_BELOW} come with their pages already in place.
 *
 * <p><b>Standard output is buffered</b>, as C's stdio buffers it: {@code rt_write(1, ...)} copies
 * into an {@value #STDOUT_BUFFER}-byte buffer in {@code .bss} and makes a {@code write} only when
 * it is full, so that a loop of {@code print}s costs a copy each instead of a system call. The
 * buffer is flushed wherever the order of the bytes could show, so that stdout and stderr
 * interleave in program order on a terminal or a shared pipe (as the llinterp's
 * {@code SystemCalls} flushes its {@code out} before a write to fd 2):
 * <ul>
 *   <li>before anything is written to another descriptor (the traceback of an uncaught
 *       exception, a failed {@code debug_assert});
 *   <li>before an {@code os.write} or {@code os.read}, whose {@code syscall}s the selector emits
 *       in place after a call of {@code rt_flush_stdout};
 *   <li>in {@code rt_exit}, which every end passes through (see {@link Entries}).
 * </ul>
 *
 * <p>The entries ({@code _start}, and {@code rt_enter} for the in-process loader) and the exit
 * are in {@link Entries}; they record the stack limit {@code stack_check} compares with.
 */
public final class Runtime {
    public static final String REPORT_PENDING = "rt_report_pending";
    static final String WRITE = "rt_write";
    static final String SYS_WRITE_ALL = "rt_sys_write";
    static final String FLUSH_STDOUT = "rt_flush_stdout";
    static final String STDOUT = "rt_stdout";
    /** The bytes standard output keeps before it writes them: two pages, a {@code write} per 8 KiB of output. */
    static final int STDOUT_BUFFER = 8192;
    static final String WRITE_STR = "rt_write_str";
    static final String PRINT_INT = "rt_print_int";
    static final String PRINT_UINT = "rt_print_uint";
    static final String PRINT_STR = "rt_print_str";
    static final String RAW_MALLOC = "rt_raw_malloc";
    static final String RAW_FREE = "rt_raw_free";
    static final String MEMCOPY = "rt_memcopy";
    static final String MEMCLEAR = "rt_memclear";
    static final String CLOCK_GETTIME = "rt_clock_gettime";
    static final String REPORT_UNCAUGHT = "rt_report_uncaught";
    static final String STACK_LIMIT = "rt_stack_limit";
    static final String OPEN = "rt_open";
    static final String WRITE_INT = "rt_write_int";
    static final String TRACEBACK = "rt_traceback";
    static final String TB_START = "rt_tb_start";
    static final String TB_RECORD = "rt_tb_record";
    static final String TB_RERAISE = "rt_tb_reraise";
    static final String TB_APPEND = "rt_tb_append";
    /**
     * How many runs of identical entries the traceback ring holds (a deep recursion is one run,
     * counted); past it the outer frames are dropped, the innermost (where it was raised) kept.
     */
    static final int TB_CAPACITY = 512;
    private static final int TB_ENTRY = 24;   // text, its length, how many times more it repeats
    static final String UNLINK = "rt_unlink";

    static final int SYS_READ = 0, SYS_WRITE = 1, SYS_MMAP = 9, SYS_MUNMAP = 11, SYS_CLOCK_GETTIME = 228,
            SYS_EXIT_GROUP = 231, SYS_OPENAT = 257, SYS_UNLINKAT = 263;
    /** openat's and unlinkat's "relative to the working directory". */
    static final int AT_FDCWD = -100;
    /**
     * How deep the machine stack may grow below {@code _start}'s frame before {@code stack_check}
     * raises RecursionError: 7 MiB of Linux's usual 8 MiB limit ({@code ulimit -s}), the rest a
     * margin for the frames between two checks.
     */
    public static final long STACK_BUDGET = 7L << 20;

    private static final long STR_LENGTH = Layout.lengthOffset(Strings.STR);
    private static final long STR_CHARS = Layout.offsetOf(Strings.STR, Strings.CHARS)
            + Layout.itemsOffset((ArrayType) Strings.STR.field(Strings.CHARS).type());

    private final TextPool texts;
    private final ExceptionLayout exceptions;

    /** The runtime of a program whose exceptions are laid out as {@code exceptions} (null: not exception-transformed). */
    Runtime(TextPool texts, ExceptionLayout exceptions) {
        this.texts = texts;
        this.exceptions = exceptions;
    }

    /** Every routine, and the word {@code _start} leaves the stack limit in. */
    List<InputSection> sections(String main) {
        List<InputSection> out = new ArrayList<>();
        out.addAll(Entries.sections(main));
        out.add(InputSection.function(REPORT_PENDING, reportPending()));
        out.add(InputSection.function(WRITE, bufferedWrite()));
        out.add(InputSection.function(FLUSH_STDOUT, flushStdout()));
        out.add(InputSection.function(SYS_WRITE_ALL, writeAll()));
        out.add(InputSection.bss(STDOUT, 8 + STDOUT_BUFFER, 8));   // the bytes held, then the bytes
        out.add(InputSection.function(WRITE_STR, writeStr()));
        out.add(InputSection.function(PRINT_STR, printStr()));
        out.add(InputSection.function(PRINT_INT, printIntToStdout()));
        out.add(InputSection.function(WRITE_INT, printInt()));
        out.add(InputSection.function(PRINT_UINT, printUint()));
        out.add(InputSection.function(RAW_MALLOC, rawMalloc()));
        out.add(InputSection.function(RAW_FREE, rawFree()));
        out.add(InputSection.function(MEMCOPY, memcopy()));
        out.add(InputSection.function(MEMCLEAR, memclear()));
        out.add(InputSection.function(CLOCK_GETTIME, clockGettime()));
        out.add(InputSection.function(OPEN, open()));
        out.add(InputSection.function(UNLINK, unlink()));
        if (exceptions != null) {
            out.add(InputSection.function(REPORT_UNCAUGHT, reportUncaught()));
        }
        out.add(InputSection.bss(STACK_LIMIT, 8, 8));
        out.add(InputSection.function(TB_START, tracebackStart(true)));
        out.add(InputSection.function(TB_RECORD, tracebackStart(false)));
        out.add(InputSection.function(TB_RERAISE, tracebackReraise()));
        out.add(InputSection.function(TB_APPEND, tracebackAppend()));
        out.add(InputSection.bss(TRACEBACK, 16 + (long) TB_ENTRY * TB_CAPACITY, 8));
        return out;
    }

    /**
     * {@code rt_report_pending(status)}: the status a program ends with once {@code main} has
     * returned {@code status}: 1 when an exception is pending, reported first as Python reports
     * an uncaught one (and then no longer pending), else {@code status} itself. {@code _start} calls it, and so does the
     * in-process loader, through {@code rt_enter}.
     */
    private MachineCode reportPending() {
        Assembler a = new Assembler();
        a.mov(RAX, RDI);
        if (exceptions != null) {
            a.lea(RDX, rip(exceptions.excData()));
            a.mov(RDI, Mem.at(Width.QWORD, RDX, exceptions.typeOffset()));
            a.test(RDI, RDI);
            Label none = a.newLabel("no_exception");
            a.j(Cond.E, none);
            a.mov(RSI, Mem.at(Width.QWORD, RDX, exceptions.valueOffset()));
            a.sub(RSP, imm(8));
            a.call(Symbol.symbol(REPORT_UNCAUGHT));
            a.add(RSP, imm(8));
            a.lea(RDX, rip(exceptions.excData()));   // reported, so no longer pending: an image entered again starts clean
            a.mov(Mem.at(Width.QWORD, RDX, exceptions.typeOffset()), imm(0));
            a.mov(Mem.at(Width.QWORD, RDX, exceptions.valueOffset()), imm(0));
            a.mov(EAX, imm(1));
            a.bind(none);
        }
        a.ret();
        return a.finish();
    }

    /**
     * {@code rt_write(fd, buf, len)} with standard output buffered. For fd 1 the bytes are copied
     * behind those the buffer holds ({@code rt_memcopy} finishes the routine), after a flush if
     * they do not fit; as many bytes as the buffer holds, or more, go straight to the kernel
     * after a flush, rather than through the buffer in pieces. Any other fd flushes first, so
     * that what was printed before comes before.
     */
    private MachineCode bufferedWrite() {
        Assembler a = new Assembler();
        Label unbuffered = a.newLabel("unbuffered");
        Label append = a.newLabel("append");
        Label full = a.newLabel("full");
        a.cmp(RDI, imm(1));
        a.j(Cond.NE, unbuffered);
        a.cmp(RDX, imm(STDOUT_BUFFER));
        a.j(Cond.AE, unbuffered);
        a.bind(append);
        a.lea(R8, rip(STDOUT));
        a.mov(RAX, Mem.at(Width.QWORD, R8, 0));            // the bytes already buffered
        a.lea(RCX, Mem.at(Width.QWORD, RAX, RDX, 1, 0));
        a.cmp(RCX, imm(STDOUT_BUFFER));
        a.j(Cond.A, full);
        a.mov(Mem.at(Width.QWORD, R8, 0), RCX);
        a.mov(RDI, RSI);
        a.lea(RSI, Mem.at(Width.QWORD, R8, RAX, 1, 8));
        a.jmp(Symbol.symbol(MEMCOPY));                     // rt_memcopy(buf, buffer + fill, len)
        a.bind(full);
        a.push(RSI);
        a.push(RDX);
        a.sub(RSP, imm(8));                                // rsp aligned for the call
        a.call(Symbol.symbol(FLUSH_STDOUT));
        a.add(RSP, imm(8));
        a.pop(RDX);
        a.pop(RSI);
        a.jmp(append);                                     // the buffer is empty now: it fits
        a.bind(unbuffered);
        a.push(RDI);
        a.push(RSI);
        a.push(RDX);                                       // three words: rsp aligned
        a.call(Symbol.symbol(FLUSH_STDOUT));
        a.pop(RDX);
        a.pop(RSI);
        a.pop(RDI);
        a.jmp(Symbol.symbol(SYS_WRITE_ALL));
        return a.finish();
    }

    /**
     * {@code rt_flush_stdout()}: what the buffer holds, written; the buffer is empty afterwards
     * even if the write failed (a closed pipe), as stdio drops what it could not write.
     */
    private MachineCode flushStdout() {
        Assembler a = new Assembler();
        a.lea(RSI, rip(STDOUT));
        a.mov(RDX, Mem.at(Width.QWORD, RSI, 0));
        a.mov(Mem.at(Width.QWORD, RSI, 0), imm(0));
        a.add(RSI, imm(8));
        a.mov(RDI.view(Width.DWORD), imm(1));
        a.jmp(Symbol.symbol(SYS_WRITE_ALL));
        return a.finish();
    }

    /**
     * {@code write(2)} until everything is written or it fails: {@code rt_sys_write}. The
     * program's descriptor is the kernel's one after {@link #mapDescriptor}.
     */
    private MachineCode writeAll() {
        Assembler a = new Assembler();
        Label loop = a.newLabel("loop");
        Label done = a.newLabel("done");
        mapDescriptor(a, RAX);
        a.bind(loop);
        a.test(RDX, RDX);
        a.j(Cond.E, done);
        a.mov(EAX, imm(SYS_WRITE));
        a.syscall();
        a.test(RAX, RAX);
        a.j(Cond.LE, done);
        a.add(RSI, RAX);
        a.sub(RDX, RAX);
        a.jmp(loop);
        a.bind(done);
        a.ret();
        return a.finish();
    }

    /** {@code rt_write_str(fd, s)}: the chars of an rpy_string, or {@code None} for null (as {@code print} shows it). */
    private MachineCode writeStr() {
        Assembler a = new Assembler();
        Label some = a.newLabel("some");
        a.test(RSI, RSI);
        a.j(Cond.NE, some);
        a.lea(RSI, rip(texts.symbol("None")));
        a.mov(RDX.view(Width.DWORD), imm(4));
        a.jmp(Symbol.symbol(WRITE));
        a.bind(some);
        a.mov(RDX, Mem.at(Width.QWORD, RSI, (int) STR_LENGTH));
        a.add(RSI, imm(STR_CHARS));
        a.jmp(Symbol.symbol(WRITE));
        return a.finish();
    }

    private MachineCode printStr() {
        Assembler a = new Assembler();
        a.mov(RSI, RDI);
        a.mov(RDI.view(Width.DWORD), imm(1));
        a.jmp(Symbol.symbol(WRITE_STR));
        return a.finish();
    }

    /**
     * {@code rt_write_int(fd, n)}: decimal digits written backwards into a buffer on the stack. The
     * division works on {@code -|n|}, which always exists ({@code |MIN|} does not): {@code idiv}
     * of a negative number gives a remainder of -9..0.
     */
    private MachineCode printInt() {
        Assembler a = new Assembler();
        a.push(RBP);
        a.mov(RBP, RSP);
        a.sub(RSP, imm(32));
        a.mov(R9, RDI);                                  // the fd, for writeBuffer
        a.mov(RAX, RSI);
        a.mov(R8, RSI);
        a.mov(RSI, RBP);
        Label negative = a.newLabel("negative");
        a.test(RAX, RAX);
        a.j(Cond.LE, negative);
        a.neg(RAX);
        a.bind(negative);
        a.mov(RCX, imm(10));
        Label digit = a.newLabel("digit");
        a.bind(digit);
        a.cqo();
        a.idiv(RCX);
        a.neg(RDX);
        a.add(RDX, imm('0'));
        a.sub(RSI, imm(1));
        a.mov(Mem.at(Width.BYTE, RSI, 0), RDX.view(Width.BYTE));
        a.test(RAX, RAX);
        a.j(Cond.NE, digit);
        Label unsigned = a.newLabel("positive");
        a.test(R8, R8);
        a.j(Cond.NS, unsigned);
        a.sub(RSI, imm(1));
        a.mov(Mem.at(Width.BYTE, RSI, 0), imm('-'));
        a.bind(unsigned);
        writeBuffer(a);
        return a.finish();
    }

    /** {@code rt_print_int(n)}: to stdout. */
    private MachineCode printIntToStdout() {
        Assembler a = new Assembler();
        a.mov(RSI, RDI);
        a.mov(RDI.view(Width.DWORD), imm(1));
        a.jmp(Symbol.symbol(WRITE_INT));
        return a.finish();
    }

    /** {@code rt_print_uint(n)}: the same with the unsigned {@code div}, to stdout. */
    private MachineCode printUint() {
        Assembler a = new Assembler();
        a.push(RBP);
        a.mov(RBP, RSP);
        a.sub(RSP, imm(32));
        a.mov(R9.view(Width.DWORD), imm(1));
        a.mov(RAX, RDI);
        a.mov(RSI, RBP);
        a.mov(RCX, imm(10));
        Label digit = a.newLabel("digit");
        a.bind(digit);
        a.xor(RDX.view(Width.DWORD), RDX.view(Width.DWORD));
        a.div(RCX);
        a.add(RDX, imm('0'));
        a.sub(RSI, imm(1));
        a.mov(Mem.at(Width.BYTE, RSI, 0), RDX.view(Width.BYTE));
        a.test(RAX, RAX);
        a.j(Cond.NE, digit);
        writeBuffer(a);
        return a.finish();
    }

    /** The digits from {@code rsi} up to {@code rbp}, to the fd in {@code r9}; then the frame is left. */
    private static void writeBuffer(Assembler a) {
        a.mov(RDX, RBP);
        a.sub(RDX, RSI);
        a.mov(RDI, R9);
        a.call(Symbol.symbol(WRITE));
        a.mov(RSP, RBP);
        a.pop(RBP);
        a.ret();
    }

    /**
     * Mappings smaller than this are made with {@code MAP_POPULATE}: the kernel fills in every
     * page at once instead of at each page's first touch. Below it are the blocks the collectors
     * write whole soon after they get them and give back when they die (arenas, large objects),
     * again and again; a page fault each costs far more than the page (the string benchmark made
     * 19,000, and went from 470 to 295 ms of task clock under load). From it on are the mappings
     * a program touches a little at a time and keeps: the 8 MiB shadow stack, of which it uses a
     * few KiB; a 4 MiB nursery (4 MiB and its header), which a small program never fills and a
     * large one faults in once; semispace's big spaces.
     */
    static final int POPULATE_BELOW = 4 << 20;

    /** {@code rt_raw_malloc(size)}: an anonymous private mapping, its length in a 16-byte header; NULL when the kernel refuses. */
    private MachineCode rawMalloc() {
        Assembler a = new Assembler();
        a.lea(RSI, Mem.at(Width.QWORD, RDI, 16 + 4095));
        a.and(RSI, imm(-4096));
        a.xor(RDI.view(Width.DWORD), RDI.view(Width.DWORD));
        a.mov(RDX.view(Width.DWORD), imm(3));            // PROT_READ | PROT_WRITE
        a.mov(R10.view(Width.DWORD), imm(0x22));         // MAP_PRIVATE | MAP_ANONYMOUS
        Label lazy = a.newLabel("lazy");
        a.cmp(RSI, imm(POPULATE_BELOW));
        a.j(Cond.AE, lazy);
        a.or(R10.view(Width.DWORD), imm(0x8000));        // | MAP_POPULATE
        a.bind(lazy);
        a.mov(R8, imm(-1));
        a.xor(R9.view(Width.DWORD), R9.view(Width.DWORD));
        a.mov(EAX, imm(SYS_MMAP));
        a.syscall();
        Label failed = a.newLabel("failed");
        a.cmp(RAX, imm(-4096));
        a.j(Cond.A, failed);                             // -4095..-1 are -errno
        a.mov(Mem.at(Width.QWORD, RAX, 0), RSI);
        a.add(RAX, imm(16));
        a.ret();
        a.bind(failed);
        a.xor(EAX, EAX);
        a.ret();
        return a.finish();
    }

    private MachineCode rawFree() {
        Assembler a = new Assembler();
        Label done = a.newLabel("done");
        a.test(RDI, RDI);
        a.j(Cond.E, done);
        a.sub(RDI, imm(16));
        a.mov(RSI, Mem.at(Width.QWORD, RDI, 0));
        a.mov(EAX, imm(SYS_MUNMAP));
        a.syscall();
        a.bind(done);
        a.ret();
        return a.finish();
    }

    /**
     * From this many bytes on, {@code rt_memcopy} and {@code rt_memclear} use {@code rep movsb}
     * and {@code rep stosb}: the collectors copy mostly small objects (a loop of a few words is
     * faster than the string instruction's start-up), but also whole dict and list tables, and
     * clear the used part of a space or nursery, megabytes at a time.
     */
    private static final int LARGE_BLOCK = 256;

    /** {@code rt_memcopy(src, dst, n)}: a loop for small blocks, {@code rep movsb} from {@link #LARGE_BLOCK} bytes on. */
    private MachineCode memcopy() {
        Assembler a = new Assembler();
        Label words = a.newLabel("words");
        Label bytes = a.newLabel("bytes");
        Label done = a.newLabel("done");
        Label large = a.newLabel("large");
        a.cmp(RDX, imm(LARGE_BLOCK));
        a.j(Cond.AE, large);
        a.bind(words);
        a.cmp(RDX, imm(8));
        a.j(Cond.B, bytes);
        a.mov(RAX, Mem.at(Width.QWORD, RDI, 0));
        a.mov(Mem.at(Width.QWORD, RSI, 0), RAX);
        a.add(RDI, imm(8));
        a.add(RSI, imm(8));
        a.sub(RDX, imm(8));
        a.jmp(words);
        a.bind(bytes);
        a.test(RDX, RDX);
        a.j(Cond.E, done);
        a.mov(AL, Mem.at(Width.BYTE, RDI, 0));
        a.mov(Mem.at(Width.BYTE, RSI, 0), AL);
        a.add(RDI, imm(1));
        a.add(RSI, imm(1));
        a.sub(RDX, imm(1));
        a.jmp(bytes);
        a.bind(done);
        a.ret();
        a.bind(large);   // rep movsb copies rcx bytes from rsi to rdi: our source and destination trade registers
        a.mov(RCX, RDX);
        a.mov(RAX, RDI);
        a.mov(RDI, RSI);
        a.mov(RSI, RAX);
        a.repMovsb();
        a.ret();
        return a.finish();
    }

    /** {@code rt_memclear(adr, n)}: a loop for small blocks, {@code rep stosb} from {@link #LARGE_BLOCK} bytes on. */
    private MachineCode memclear() {
        Assembler a = new Assembler();
        Label words = a.newLabel("words");
        Label bytes = a.newLabel("bytes");
        Label done = a.newLabel("done");
        Label large = a.newLabel("large");
        a.xor(EAX, EAX);
        a.cmp(RSI, imm(LARGE_BLOCK));
        a.j(Cond.AE, large);
        a.bind(words);
        a.cmp(RSI, imm(8));
        a.j(Cond.B, bytes);
        a.mov(Mem.at(Width.QWORD, RDI, 0), RAX);
        a.add(RDI, imm(8));
        a.sub(RSI, imm(8));
        a.jmp(words);
        a.bind(bytes);
        a.test(RSI, RSI);
        a.j(Cond.E, done);
        a.mov(Mem.at(Width.BYTE, RDI, 0), AL);
        a.add(RDI, imm(1));
        a.sub(RSI, imm(1));
        a.jmp(bytes);
        a.bind(done);
        a.ret();
        a.bind(large);
        a.mov(RCX, RSI);
        a.repStosb();
        a.ret();
        return a.finish();
    }

    /** {@code rt_clock_gettime(clock)}: the timespec on the stack as one number of nanoseconds, or -errno. */
    private MachineCode clockGettime() {
        Assembler a = new Assembler();
        Label out = a.newLabel("out");
        a.sub(RSP, imm(24));
        a.mov(RSI, RSP);
        a.mov(EAX, imm(SYS_CLOCK_GETTIME));
        a.syscall();
        a.test(RAX, RAX);
        a.j(Cond.S, out);
        a.imul(RAX, Mem.at(Width.QWORD, RSP, 0), imm(1_000_000_000));
        a.add(RAX, Mem.at(Width.QWORD, RSP, 8));
        a.bind(out);
        a.add(RSP, imm(24));
        a.ret();
        return a.finish();
    }

    /** {@code rt_open(path, flags, mode)}: openat(AT_FDCWD, path, flags, mode), the fd or -errno. */
    private MachineCode open() {
        Assembler a = new Assembler();
        a.mov(R10, RDX);                                 // mode, openat's fourth argument
        a.mov(RDX, RSI);                                 // flags
        pathOnStack(a);
        a.mov(RDI, imm(AT_FDCWD));
        a.mov(EAX, imm(SYS_OPENAT));
        a.syscall();
        a.mov(RSP, RBP);
        a.pop(RBP);
        a.ret();
        return a.finish();
    }

    /** {@code rt_unlink(path)}: unlinkat(AT_FDCWD, path, 0), 0 or -errno. */
    private MachineCode unlink() {
        Assembler a = new Assembler();
        pathOnStack(a);
        a.mov(RDI, imm(AT_FDCWD));
        a.xor(RDX.view(Width.DWORD), RDX.view(Width.DWORD));
        a.mov(EAX, imm(SYS_UNLINKAT));
        a.syscall();
        a.mov(RSP, RBP);
        a.pop(RBP);
        a.ret();
        return a.finish();
    }

    /**
     * The kernel wants a path ending in a zero byte, and an rpy_string has a length instead: its
     * chars are copied into a frame of their own below {@code rbp}, a zero after them; {@code rsi}
     * is left pointing at the copy (the string in {@code rdi}; {@code rdx} and {@code r10} kept).
     */
    private static void pathOnStack(Assembler a) {
        a.push(RBP);
        a.mov(RBP, RSP);
        a.mov(RCX, Mem.at(Width.QWORD, RDI, (int) STR_LENGTH));
        a.lea(RAX, Mem.at(Width.QWORD, RCX, 16));
        a.and(RAX, imm(-16));
        a.sub(RSP, RAX);
        a.lea(R8, Mem.at(Width.QWORD, RDI, (int) STR_CHARS));
        a.mov(R9, RSP);
        Label copy = a.newLabel("copy");
        Label done = a.newLabel("copied");
        a.bind(copy);
        a.test(RCX, RCX);
        a.j(Cond.E, done);
        a.mov(AL, Mem.at(Width.BYTE, R8, 0));
        a.mov(Mem.at(Width.BYTE, R9, 0), AL);
        a.add(R8, imm(1));
        a.add(R9, imm(1));
        a.sub(RCX, imm(1));
        a.jmp(copy);
        a.bind(done);
        a.mov(Mem.at(Width.BYTE, R9, 0), imm(0));
        a.mov(RSI, RSP);
    }

    /**
     * {@code rt_tb_start(e)} (always a new traceback) and {@code rt_tb_record(e)} (a new one only
     * if the ring holds another instance's): the llinterp keeps a traceback per instance, the
     * native ring only the last instance's, which is the one that can escape. Both return 1:
     * append this place.
     */
    private MachineCode tracebackStart(boolean always) {
        Assembler a = new Assembler();
        Label same = a.newLabel("same");
        a.lea(RDX, rip(TRACEBACK));
        if (!always) {
            a.cmp(Mem.at(Width.QWORD, RDX, 0), RDI);
            a.j(Cond.E, same);
        }
        a.mov(Mem.at(Width.QWORD, RDX, 0), RDI);
        a.mov(Mem.at(Width.QWORD, RDX, 8), imm(0));
        a.bind(same);
        a.mov(EAX, imm(1));
        a.ret();
        return a.finish();
    }

    /** {@code rt_tb_reraise(e)}: a re-raise keeps the frames it has; only a forgotten instance starts anew (returns 1). */
    private MachineCode tracebackReraise() {
        Assembler a = new Assembler();
        Label same = a.newLabel("same");
        a.lea(RDX, rip(TRACEBACK));
        a.cmp(Mem.at(Width.QWORD, RDX, 0), RDI);
        a.j(Cond.E, same);
        a.mov(Mem.at(Width.QWORD, RDX, 0), RDI);
        a.mov(Mem.at(Width.QWORD, RDX, 8), imm(0));
        a.mov(EAX, imm(1));
        a.ret();
        a.bind(same);
        a.xor(EAX, EAX);
        a.ret();
        return a.finish();
    }

    /**
     * {@code rt_tb_append(text, length)}: the same text as the last entry counts as a repeat (a
     * recursion costs one entry however deep), another one takes the next entry while there is
     * room.
     */
    private MachineCode tracebackAppend() {
        Assembler a = new Assembler();
        Label fresh = a.newLabel("fresh");
        Label full = a.newLabel("full");
        a.lea(RDX, rip(TRACEBACK));
        a.mov(RCX, Mem.at(Width.QWORD, RDX, 8));
        a.test(RCX, RCX);
        a.j(Cond.E, fresh);
        a.imul(RAX, RCX, imm(TB_ENTRY));
        a.lea(RAX, Mem.at(Width.QWORD, RDX, RAX, 1, 16 - TB_ENTRY));
        a.cmp(Mem.at(Width.QWORD, RAX, 0), RDI);
        a.j(Cond.NE, fresh);
        a.add(Mem.at(Width.QWORD, RAX, 16), imm(1));
        a.ret();
        a.bind(fresh);
        a.cmp(RCX, imm(TB_CAPACITY));
        a.j(Cond.AE, full);
        a.imul(RAX, RCX, imm(TB_ENTRY));
        a.lea(RAX, Mem.at(Width.QWORD, RDX, RAX, 1, 16));
        a.mov(Mem.at(Width.QWORD, RAX, 0), RDI);
        a.mov(Mem.at(Width.QWORD, RAX, 8), RSI);
        a.mov(Mem.at(Width.QWORD, RAX, 16), imm(0));
        a.add(RCX, imm(1));
        a.mov(Mem.at(Width.QWORD, RDX, 8), RCX);
        a.bind(full);
        a.ret();
        return a.finish();
    }

    /**
     * The traceback of the uncaught instance, outermost first, as the llinterp's
     * {@code Traceback.format} prints it: a run of one entry repeated k times shows up to three
     * copies and, past that, {@code [Previous line repeated k-3 more times]}. Uses the report's
     * frame: {@code [rbp-16]} the instance, {@code [rbp-24]} the entry being printed.
     */
    private void printTraceback(Assembler a) {
        Label none = a.newLabel("no_traceback");
        Label next = a.newLabel("next_entry");
        Label done = a.newLabel("traceback_done");
        a.lea(RDX, rip(TRACEBACK));
        a.mov(RAX, Mem.at(Width.QWORD, RBP, -16));
        a.cmp(Mem.at(Width.QWORD, RDX, 0), RAX);
        a.j(Cond.NE, none);
        a.mov(RCX, Mem.at(Width.QWORD, RDX, 8));
        a.test(RCX, RCX);
        a.j(Cond.E, none);
        a.mov(Mem.at(Width.QWORD, RBP, -24), RCX);
        writeText(a, "Traceback (most recent call last):\n");
        a.bind(next);
        a.sub(Mem.at(Width.QWORD, RBP, -24), imm(1));
        a.j(Cond.S, done);
        for (int copy = 0; copy < 3; copy++) {
            Label skip = a.newLabel();
            entry(a);
            if (copy > 0) {
                a.cmp(Mem.at(Width.QWORD, RAX, 16), imm(copy));
                a.j(Cond.L, skip);
            }
            a.mov(RSI, Mem.at(Width.QWORD, RAX, 0));
            a.mov(RDX, Mem.at(Width.QWORD, RAX, 8));
            a.mov(RDI.view(Width.DWORD), imm(2));
            a.call(Symbol.symbol(WRITE));
            a.bind(skip);
        }
        entry(a);
        a.mov(RSI, Mem.at(Width.QWORD, RAX, 16));
        a.sub(RSI, imm(2));
        a.cmp(RSI, imm(1));
        a.j(Cond.L, next);
        writeText(a, "  [Previous line repeated ");
        entry(a);
        a.mov(RSI, Mem.at(Width.QWORD, RAX, 16));
        a.sub(RSI, imm(2));
        a.mov(RDI.view(Width.DWORD), imm(2));
        a.call(Symbol.symbol(WRITE_INT));
        Label plural = a.newLabel();
        entry(a);
        a.cmp(Mem.at(Width.QWORD, RAX, 16), imm(3));
        a.j(Cond.NE, plural);
        writeText(a, " more time]\n");
        a.jmp(next);
        a.bind(plural);
        writeText(a, " more times]\n");
        a.jmp(next);
        a.bind(done);
        a.bind(none);
    }

    /** {@code rax} := the address of entry {@code [rbp-24]} of the ring. */
    private static void entry(Assembler a) {
        a.lea(RDX, rip(TRACEBACK));
        a.imul(RAX, Mem.at(Width.QWORD, RBP, -24), imm(TB_ENTRY));
        a.lea(RAX, Mem.at(Width.QWORD, RDX, RAX, 1, 16));
    }

    /**
     * {@code rt_report_uncaught(vtable, instance)}: {@code Name: message} on stderr, as
     * {@code RExceptionData.describe} reads it (the message only for a BaseException subclass
     * whose instance has one), after the traceback the ring holds for this instance.
     */
    private MachineCode reportUncaught() {
        Assembler a = new Assembler();
        ExceptionLayout e = exceptions;
        a.push(RBP);
        a.mov(RBP, RSP);
        a.sub(RSP, imm(32));
        a.mov(Mem.at(Width.QWORD, RBP, -8), RDI);
        a.mov(Mem.at(Width.QWORD, RBP, -16), RSI);
        printTraceback(a);
        a.mov(RDI, Mem.at(Width.QWORD, RBP, -8));
        a.mov(RSI, Mem.at(Width.QWORD, RDI, e.nameOffset()));
        a.mov(RDI.view(Width.DWORD), imm(2));
        a.call(Symbol.symbol(WRITE_STR));
        Label end = a.newLabel("end");
        if (e.baseException() != null) {
            a.mov(RAX, Mem.at(Width.QWORD, RBP, -8));
            a.mov(RAX, Mem.at(Width.QWORD, RAX, e.minOffset()));
            a.lea(RCX, rip(e.baseException()));
            a.cmp(RAX, Mem.at(Width.QWORD, RCX, e.minOffset()));
            a.j(Cond.L, end);
            a.cmp(RAX, Mem.at(Width.QWORD, RCX, e.maxOffset()));
            a.j(Cond.GE, end);
            a.mov(RAX, Mem.at(Width.QWORD, RBP, -16));
            a.mov(RAX, Mem.at(Width.QWORD, RAX, e.messageOffset()));
            a.test(RAX, RAX);
            a.j(Cond.E, end);
            writeText(a, ": ");
            a.mov(RAX, Mem.at(Width.QWORD, RBP, -16));
            a.mov(RSI, Mem.at(Width.QWORD, RAX, e.messageOffset()));
            a.mov(RDI.view(Width.DWORD), imm(2));
            a.call(Symbol.symbol(WRITE_STR));
        }
        a.bind(end);
        writeText(a, "\n");
        a.mov(RSP, RBP);
        a.pop(RBP);
        a.ret();
        return a.finish();
    }

    private void writeText(Assembler a, String text) {
        a.mov(RDI.view(Width.DWORD), imm(2));
        a.lea(RSI, rip(texts.symbol(text)));
        a.mov(RDX.view(Width.DWORD), imm(TextPool.length(text)));
        a.call(Symbol.symbol(WRITE));
    }

    /**
     * The descriptor in {@code rdi} as the kernel knows it: 0, 1 and 2 are looked up in
     * {@code rt_fds} (see {@link Entries}), every other one is the kernel's already. Uses
     * {@code scratch}.
     */
    static void mapDescriptor(Assembler a, Reg scratch) {
        Label kernel = a.newLabel("kernel_fd");
        a.cmp(RDI, imm(2));
        a.j(Cond.A, kernel);
        a.lea(scratch, rip(Entries.FDS));
        a.mov(RDI, Mem.at(Width.QWORD, scratch, RDI, 8, 0));
        a.bind(kernel);
    }

    private static Mem rip(String symbol) {
        return new Mem.Rip(Width.QWORD, Symbol.symbol(symbol));
    }
}
