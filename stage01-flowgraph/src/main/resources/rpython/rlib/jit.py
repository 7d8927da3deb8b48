"""Hints for the meta-tracing JIT (stage06).

An interpreter written in RPy tells the JIT generator where its dispatch loop is with a
``JitDriver``: the *green* variables identify a position in the user program (e.g. the
program counter and the bytecode string), the *red* ones are the rest of the interpreter's
live state.  ``jit_merge_point`` sits at the top of the dispatch loop, ``can_enter_jit`` at
backward jumps of the user program.  Untranslated, and in every stage before the JIT, all
hints are no-ops, except that the driver checks that each hint names exactly its greens and
reds, as PyPy does.

Function decorators return the function itself and record a marker attribute that the
codewriter reads:

=======================================  ==============================================
decorator                                marker set on the function
=======================================  ==============================================
``@elidable``                            ``_elidable_function_ = True``
``@elidable_promote(promote_args)``      ``_elidable_function_ = True`` and
                                         ``_jit_promote_args_ = "all"`` or ``"0,2"``
``@unroll_safe``                         ``_jit_unroll_safe_ = True``
``@dont_look_inside``                    ``_jit_look_inside_ = False``
``@look_inside``                         ``_jit_look_inside_ = True``
``@loop_invariant``                      ``_jit_loop_invariant_ = True``
``@oopspec("list.len(l)")``              ``oopspec = "list.len(l)"``
=======================================  ==============================================

Public names follow PyPy's ``rpython.rlib.jit``.
"""


class JitHintError(Exception):
    """A JIT hint used inconsistently (wrong variable names, unknown parameter, ...)."""


# --- values -----------------------------------------------------------------------------

def promote(x):
    """Make ``x`` a constant in the trace: the JIT emits a guard on its current value."""
    return x


def promote_string(s):
    """``promote`` for strings, guarding on the string's contents rather than its identity."""
    return s


def promote_unicode(s):
    return s


def hint(x, **kwds):
    """The general form of the value hints (``promote=True``, ``access_directly=True``...)."""
    return x


def we_are_jitted():
    """False untranslated and in the interpreter; folded to True in code the JIT compiles."""
    return False


def isconstant(x):
    """Whether ``x`` is a constant in the current trace (never, untranslated)."""
    return False


def isvirtual(x):
    """Whether ``x`` is a virtual (not allocated) object in the current trace."""
    return False


def assert_green(x):
    """Fail the translation if ``x`` is not a green (constant) value in the trace."""
    pass


def jit_debug(string, arg1=-1, arg2=-1, arg3=-1, arg4=-1):
    """Record a debug marker operation in the trace."""
    pass


def current_trace_length():
    """Length of the trace being recorded; -1 when not tracing."""
    return -1


def conditional_call(condition, function, *args):
    """``if condition: function(*args)``, compiled as one operation with a cold call."""
    if condition:
        function(*args)


# --- function decorators ------------------------------------------------------------------

def elidable(func):
    """The function is pure: same arguments, same result, no visible side effect (it may
    raise, or cache).  With constant arguments the JIT calls it once, at trace time."""
    func._elidable_function_ = True
    return func


def elidable_promote(promote_args='all'):
    """``elidable``, and promote the arguments (``"all"`` or a comma-separated list of
    argument indices) before the call so that it can be constant-folded."""
    def mark(func):
        func._elidable_function_ = True
        func._jit_promote_args_ = promote_args
        return func
    return mark


def unroll_safe(func):
    """The function's loops may be unrolled in traces (they run a bounded number of times)."""
    func._jit_unroll_safe_ = True
    return func


def dont_look_inside(func):
    """The JIT calls this function instead of tracing through it."""
    func._jit_look_inside_ = False
    return func


def look_inside(func):
    """Trace through this function even if it would not be by default."""
    func._jit_look_inside_ = True
    return func


def loop_invariant(func):
    """The result does not change during one loop: called once per loop iteration entry."""
    func._jit_loop_invariant_ = True
    return func


def oopspec(spec):
    """Attach an 'object-oriented specification' that the JIT optimiser understands."""
    def mark(func):
        func.oopspec = spec
        return func
    return mark


# --- parameters ---------------------------------------------------------------------------

PARAMETERS = {
    'threshold': 1039,            # loop iterations before tracing starts
    'function_threshold': 1619,   # calls before a function is traced from its start
    'trace_eagerness': 200,       # guard failures before a bridge is traced
    'decay': 40,
    'trace_limit': 6000,          # longest trace, in operations
    'inlining': 1,
    'loop_longevity': 1000,
    'retrace_limit': 0,
    'max_retrace_guards': 15,
    'max_unroll_loops': 0,
    'disable_unrolling': 200,
    'enable_opts': 'all',
}


def set_param(driver, name, value):
    """Set a JIT parameter for ``driver`` (or for all drivers if ``driver`` is None)."""
    if name not in PARAMETERS:
        raise JitHintError("set_param: unknown JIT parameter %r" % (name,))


def set_user_param(driver, text):
    """Set parameters from a string such as ``"threshold=200,trace_limit=3000"``."""
    for part in text.split(','):
        if not part:
            continue
        name, sep, value = part.partition('=')
        if not sep:
            raise JitHintError("set_user_param: expected name=value, got %r" % (part,))
        set_param(driver, name.strip(), value.strip())


# --- the driver -------------------------------------------------------------------------

def _check_names(kind, names):
    if not isinstance(names, list):
        raise JitHintError("JitDriver: %s must be a list of variable names" % kind)
    for name in names:
        if not isinstance(name, str):
            raise JitHintError("JitDriver: %s must be variable names, got %r" % (kind, name))
        if names.count(name) > 1:
            raise JitHintError("JitDriver: %s name %r is repeated" % (kind, name))


class JitDriver(object):
    """Describes one interpreter loop to the JIT.

    ``greens``: names of the variables that identify a position in the user program; they
    are constants in a trace.  ``reds``: names of all other live variables of the loop, or
    ``'auto'`` to let the translator find them.  ``get_printable_location(*greens)``
    returns a str describing a position, for JIT logs.
    """

    def __init__(self, greens=None, reds=None, virtualizables=None,
                 get_printable_location=None, get_location=None,
                 get_unique_id=None, confirm_enter_jit=None,
                 can_never_inline=None, should_unroll_one_iteration=None,
                 name='jitdriver', check_untranslated=True, is_recursive=False,
                 vectorize=False):
        if greens is None:
            greens = []
        if reds is None:
            raise JitHintError("JitDriver: reds must be given (a list of names, or 'auto')")
        _check_names('greens', greens)
        if reds != 'auto':
            _check_names('reds', reds)
            for var in reds:
                if var in greens:
                    raise JitHintError("JitDriver: %r is both green and red" % (var,))
        self.greens = greens
        self.reds = reds
        self.autoreds = reds == 'auto'
        self.virtualizables = virtualizables or []
        for var in self.virtualizables:
            if self.autoreds or var not in reds:
                raise JitHintError("JitDriver: virtualizable %r must be a red" % (var,))
        self.get_printable_location = get_printable_location
        self.get_location = get_location
        self.get_unique_id = get_unique_id
        self.confirm_enter_jit = confirm_enter_jit
        self.can_never_inline = can_never_inline
        self.should_unroll_one_iteration = should_unroll_one_iteration
        self.name = name
        self.check_untranslated = check_untranslated
        self.is_recursive = is_recursive
        self.vectorize = vectorize

    def _check_arguments(self, hint, livevars):
        if not self.check_untranslated:
            return
        if self.autoreds:
            expected = self.greens
        else:
            expected = self.greens + self.reds
        missing = [name for name in expected if name not in livevars]
        unexpected = [name for name in sorted(livevars.keys()) if name not in expected]
        if missing or unexpected:
            problems = []
            if missing:
                problems.append("missing %s" % ", ".join(missing))
            if unexpected:
                problems.append("unexpected %s" % ", ".join(unexpected))
            raise JitHintError("%s() of JitDriver %r: %s (greens: [%s], reds: %s)" % (
                hint, self.name, "; ".join(problems), ", ".join(self.greens),
                "auto" if self.autoreds else "[" + ", ".join(self.reds) + "]"))

    def jit_merge_point(self, **livevars):
        """Top of the interpreter's dispatch loop: pass every green and red by name."""
        self._check_arguments('jit_merge_point', livevars)

    def can_enter_jit(self, **livevars):
        """A backward jump in the user program (the end of a user-level loop)."""
        if self.autoreds:
            raise JitHintError("can_enter_jit() of JitDriver %r: not allowed with "
                               "reds='auto'" % (self.name,))
        self._check_arguments('can_enter_jit', livevars)

    def loop_header(self):
        """With reds='auto': marks the head of a loop that the JIT may enter."""
        pass
