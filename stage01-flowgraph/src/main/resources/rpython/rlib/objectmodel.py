"""Hints for the annotator and helpers for import-time metaprogramming.

Untranslated these are plain Python.  The decorators return the function they decorate and
only record a marker attribute, which the annotator (stage02) reads:

=====================================  ================================================
decorator                              marker set on the function
=====================================  ================================================
``@specialize.memo()``                 ``_annspecialcase_ = "specialize:memo"``
``@specialize.arg(0, 2)``              ``_annspecialcase_ = "specialize:arg(0,2)"``
``@specialize.argtype(0)``             ``_annspecialcase_ = "specialize:argtype(0)"``
``@specialize.arg_or_var(1)``          ``_annspecialcase_ = "specialize:arg_or_var(1)"``
``@specialize.arglistitemtype(0)``     ``_annspecialcase_ = "specialize:arglistitemtype(0)"``
``@specialize.call_location()``        ``_annspecialcase_ = "specialize:call_location"``
``@specialize.ll()``                   ``_annspecialcase_ = "specialize:ll"``
``@specialize.ll_and_arg(1)``          ``_annspecialcase_ = "specialize:ll_and_arg(1)"``
``@always_inline``                     ``_always_inline_ = True``
``@dont_inline``                       ``_dont_inline_ = True``
``@not_rpython``                       ``_not_rpython_ = True`` (never translated)
``@enforceargs(int, str)``             ``_annenforceargs_ = (int, str)``
=====================================  ================================================

Public names follow PyPy's ``rpython.rlib.objectmodel``.
"""
import sys

from rpython.rlib.rarithmetic import intmask


def we_are_translated():
    """False when running untranslated; the flow space folds it to the constant True."""
    return False


class _Specialize(object):
    """The ``specialize`` namespace: each method builds a decorator that records a tag."""

    def _marker(self, tag, args):
        if args:
            tag = tag + "(" + ",".join([repr(a) for a in args]) + ")"

        def mark(func):
            func._annspecialcase_ = "specialize:" + tag
            return func
        return mark

    def memo(self):
        """One specialisation per tuple of constant arguments; the call is folded at
        translation time (the arguments must be prebuilt constants)."""
        return self._marker("memo", ())

    def arg(self, *argnums):
        """One specialisation per constant value of the given arguments."""
        return self._marker("arg", argnums)

    def argtype(self, *argnums):
        """One specialisation per annotation (type) of the given arguments."""
        return self._marker("argtype", argnums)

    def arg_or_var(self, *argnums):
        """Like ``arg`` for constants, one shared version for non-constant arguments."""
        return self._marker("arg_or_var", argnums)

    def arglistitemtype(self, *argnums):
        """One specialisation per item type of the given list arguments."""
        return self._marker("arglistitemtype", argnums)

    def call_location(self):
        """One specialisation per call site."""
        return self._marker("call_location", ())

    def ll(self):
        """Low-level helper: one specialisation per low-level argument types."""
        return self._marker("ll", ())

    def ll_and_arg(self, *argnums):
        """Like ``ll`` and ``arg`` together."""
        return self._marker("ll_and_arg", argnums)


specialize = _Specialize()


def always_inline(func):
    func._always_inline_ = True
    return func


def dont_inline(func):
    func._dont_inline_ = True
    return func


def not_rpython(func):
    """The function is for import time or tests only; translating a call to it is an error."""
    func._not_rpython_ = True
    return func


def enforceargs(*types, **options):
    """Declare the argument types instead of letting the annotator infer them from calls.
    ``None`` in ``types`` leaves that argument free.  Untranslated nothing is checked."""
    def mark(func):
        func._annenforceargs_ = types
        return func
    return mark


def keepalive_until_here(*values):
    """Keeps ``values`` alive (not collected) up to this point; nothing to do untranslated."""
    pass


def instantiate(cls, nonmovable=False):
    """A new instance of ``cls`` whose ``__init__`` has not been called."""
    return cls.__new__(cls)


def newlist_hint(sizehint=0):
    """An empty list; translated, it is preallocated for ``sizehint`` items."""
    return []


def resizelist_hint(lst, sizehint):
    pass


def _string_hash(s):
    # A deterministic string hash (the multiplicative scheme of old CPython 2), so that
    # compute_hash gives the same answer untranslated, translated and on every run.
    if not s:
        return 0
    x = ord(s[0]) << 7
    for c in s:
        x = intmask((1000003 * x) ^ ord(c))
    x = intmask(x ^ len(s))
    if x == -1:
        x = -2
    return x


def compute_hash(x):
    """The hash RPy gives ``x``: deterministic for str, int, float and tuples of those;
    identity-based for instances."""
    if isinstance(x, str):
        return _string_hash(x)
    if isinstance(x, bool) or isinstance(x, int):
        return intmask(x)
    if isinstance(x, float):
        return intmask(hash(x))
    if isinstance(x, tuple):
        h = 0x345678
        mult = 1000003
        n = len(x)
        for item in x:
            n -= 1
            h = intmask((h ^ compute_hash(item)) * mult)
            mult = intmask(mult + 82520 + n + n)
        return intmask(h + 97531)
    return compute_identity_hash(x)


def compute_identity_hash(x):
    """A hash that depends only on the identity of ``x`` (stable for its lifetime)."""
    return intmask(id(x))


def compute_unique_id(x):
    """A number unique to ``x`` among the live objects."""
    return id(x)


def current_object_addr_as_int(x):
    return intmask(id(x))


# --- import-time metaprogramming ----------------------------------------------------------

def _copy_function(func, name):
    # A fresh function object sharing code, globals, defaults and closure: the annotator
    # sees it as a different function, so each copy gets its own annotations.
    function_type = type(func)
    return function_type(func.__code__, func.__globals__, name, func.__defaults__,
                         func.__closure__)


@not_rpython
def func_with_new_name(func, newname):
    """A copy of ``func`` named ``newname`` (for functions generated in a loop)."""
    new = _copy_function(func, newname)
    new.__dict__.update(func.__dict__)
    return new


@not_rpython
def import_from_mixin(M, special_methods=('__init__', '__del__')):
    """Copy the methods and attributes of class ``M`` (and of its bases) into the class body
    being executed, as if they had been written there.

    Call it in a class body: ``class A(Base): import_from_mixin(M)``.  Unlike inheriting from
    ``M``, each class gets its own copy of every function, so the annotator types ``self`` in
    each copy separately.  Dunder names are skipped except those in ``special_methods``.
    Needs ``sys._getframe(1).f_locals`` to reach the namespace of the class being defined.
    """
    target = sys._getframe(1).f_locals
    bases = [M]
    i = 0
    while i < len(bases):           # M and its bases, most derived first (single chains)
        for b in bases[i].__bases__:
            if b is not object and b not in bases:
                bases.append(b)
        i += 1
    seen = {}
    for cls in bases:
        for key, value in cls.__dict__.items():
            if key in seen:
                continue
            seen[key] = True
            if key.startswith('__') and key.endswith('__') and key not in special_methods:
                continue
            if isinstance(value, type(_copy_function)):
                value = _copy_function(value, value.__name__)
            target[key] = value


class r_dict(object):
    """A dict whose keys are compared with ``key_eq(a, b)`` and hashed with ``key_hash(a)``
    (both RPy functions), for keys that need a custom notion of equality."""

    def __init__(self, key_eq, key_hash, force_non_null=False):
        self.key_eq = key_eq
        self.key_hash = key_hash
        self._dict = {}

    def _wrap(self, key):
        return _RDictKey(self, key)

    def __getitem__(self, key):
        return self._dict[self._wrap(key)]

    def __setitem__(self, key, value):
        self._dict[self._wrap(key)] = value

    def __delitem__(self, key):
        del self._dict[self._wrap(key)]

    def __contains__(self, key):
        return self._wrap(key) in self._dict

    def __len__(self):
        return len(self._dict)

    def __iter__(self):
        return iter(self.keys())

    def get(self, key, default=None):
        return self._dict.get(self._wrap(key), default)

    def setdefault(self, key, default):
        return self._dict.setdefault(self._wrap(key), default)

    def pop(self, key, *default):
        return self._dict.pop(self._wrap(key), *default)

    def keys(self):
        return [k.key for k in self._dict.keys()]

    def values(self):
        return list(self._dict.values())

    def items(self):
        return [(k.key, v) for k, v in self._dict.items()]

    def clear(self):
        self._dict.clear()


class _RDictKey(object):
    def __init__(self, rdict, key):
        self.rdict = rdict
        self.key = key

    def __hash__(self):
        return self.rdict.key_hash(self.key)

    def __eq__(self, other):
        return self.rdict.key_eq(self.key, other.key)
