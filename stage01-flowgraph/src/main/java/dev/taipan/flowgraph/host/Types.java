package dev.taipan.flowgraph.host;

/**
 * The built-in types and exception classes, shared by all interpreters (they are immutable
 * once {@link Builtins} has filled their dicts). The exception classes form CPython's
 * hierarchy.
 */
final class Types {
    private Types() {}

    static final PyType OBJECT = PyType.builtin("object");
    static final PyType TYPE = PyType.builtin("type", OBJECT);
    static final PyType NONE_TYPE = PyType.builtin("NoneType", OBJECT).notSubclassable();
    static final PyType NOT_IMPLEMENTED_TYPE = PyType.builtin("NotImplementedType", OBJECT).notSubclassable();
    static final PyType ELLIPSIS_TYPE = PyType.builtin("ellipsis", OBJECT).notSubclassable();
    static final PyType INT = PyType.builtin("int", OBJECT);
    static final PyType BOOL = PyType.builtin("bool", INT).notSubclassable();
    static final PyType FLOAT = PyType.builtin("float", OBJECT);
    static final PyType STR = PyType.builtin("str", OBJECT);
    static final PyType BYTES = PyType.builtin("bytes", OBJECT);
    static final PyType TUPLE = PyType.builtin("tuple", OBJECT);
    static final PyType LIST = PyType.builtin("list", OBJECT);
    static final PyType DICT = PyType.builtin("dict", OBJECT);
    static final PyType SET = PyType.builtin("set", OBJECT);
    static final PyType FROZENSET = PyType.builtin("frozenset", OBJECT);
    static final PyType RANGE = PyType.builtin("range", OBJECT).notSubclassable();
    static final PyType SLICE = PyType.builtin("slice", OBJECT).notSubclassable();
    static final PyType CELL = PyType.builtin("cell", OBJECT).notSubclassable();
    static final PyType CODE = PyType.builtin("code", OBJECT).notSubclassable();
    static final PyType FUNCTION = PyType.builtin("function", OBJECT).notSubclassable();
    static final PyType METHOD = PyType.builtin("method", OBJECT).notSubclassable();
    static final PyType BUILTIN_FUNCTION = PyType.builtin("builtin_function_or_method", OBJECT).notSubclassable();
    static final PyType METHOD_DESCRIPTOR = PyType.builtin("method_descriptor", OBJECT).notSubclassable();
    static final PyType MODULE = PyType.builtin("module", OBJECT);
    static final PyType PROPERTY = PyType.builtin("property", OBJECT);
    static final PyType STATICMETHOD = PyType.builtin("staticmethod", OBJECT);
    static final PyType CLASSMETHOD = PyType.builtin("classmethod", OBJECT);
    static final PyType SUPER = PyType.builtin("super", OBJECT);
    static final PyType GENERATOR = PyType.builtin("generator", OBJECT).notSubclassable();
    static final PyType FRAME = PyType.builtin("frame", OBJECT).notSubclassable();
    static final PyType FILE = PyType.builtin("_io.TextIOWrapper", OBJECT).notSubclassable();
    static final PyType DICT_KEYS = PyType.builtin("dict_keys", OBJECT).notSubclassable();
    static final PyType DICT_VALUES = PyType.builtin("dict_values", OBJECT).notSubclassable();
    static final PyType DICT_ITEMS = PyType.builtin("dict_items", OBJECT).notSubclassable();

    // iterators
    static final PyType LIST_ITERATOR = PyType.builtin("list_iterator", OBJECT).notSubclassable();
    static final PyType LIST_REVERSEITERATOR = PyType.builtin("list_reverseiterator", OBJECT).notSubclassable();
    static final PyType TUPLE_ITERATOR = PyType.builtin("tuple_iterator", OBJECT).notSubclassable();
    static final PyType STR_ITERATOR = PyType.builtin("str_ascii_iterator", OBJECT).notSubclassable();
    static final PyType BYTES_ITERATOR = PyType.builtin("bytes_iterator", OBJECT).notSubclassable();
    static final PyType RANGE_ITERATOR = PyType.builtin("range_iterator", OBJECT).notSubclassable();
    static final PyType DICT_KEYITERATOR = PyType.builtin("dict_keyiterator", OBJECT).notSubclassable();
    static final PyType DICT_VALUEITERATOR = PyType.builtin("dict_valueiterator", OBJECT).notSubclassable();
    static final PyType DICT_ITEMITERATOR = PyType.builtin("dict_itemiterator", OBJECT).notSubclassable();
    static final PyType SET_ITERATOR = PyType.builtin("set_iterator", OBJECT).notSubclassable();
    static final PyType CALLABLE_ITERATOR = PyType.builtin("callable_iterator", OBJECT).notSubclassable();
    static final PyType SEQ_ITERATOR = PyType.builtin("iterator", OBJECT).notSubclassable();
    static final PyType ENUMERATE = PyType.builtin("enumerate", OBJECT);
    static final PyType ZIP = PyType.builtin("zip", OBJECT);
    static final PyType MAP = PyType.builtin("map", OBJECT);
    static final PyType FILTER = PyType.builtin("filter", OBJECT);
    static final PyType REVERSED = PyType.builtin("reversed", OBJECT);

    // exceptions
    static final PyType BASE_EXCEPTION = PyType.builtin("BaseException", OBJECT);
    static final PyType SYSTEM_EXIT = exc("SystemExit", BASE_EXCEPTION);
    static final PyType KEYBOARD_INTERRUPT = exc("KeyboardInterrupt", BASE_EXCEPTION);
    static final PyType GENERATOR_EXIT = exc("GeneratorExit", BASE_EXCEPTION);
    static final PyType EXCEPTION = exc("Exception", BASE_EXCEPTION);
    static final PyType STOP_ITERATION = exc("StopIteration", EXCEPTION);
    static final PyType ARITHMETIC_ERROR = exc("ArithmeticError", EXCEPTION);
    static final PyType FLOATING_POINT_ERROR = exc("FloatingPointError", ARITHMETIC_ERROR);
    static final PyType OVERFLOW_ERROR = exc("OverflowError", ARITHMETIC_ERROR);
    static final PyType ZERO_DIVISION_ERROR = exc("ZeroDivisionError", ARITHMETIC_ERROR);
    static final PyType ASSERTION_ERROR = exc("AssertionError", EXCEPTION);
    static final PyType ATTRIBUTE_ERROR = exc("AttributeError", EXCEPTION);
    static final PyType BUFFER_ERROR = exc("BufferError", EXCEPTION);
    static final PyType EOF_ERROR = exc("EOFError", EXCEPTION);
    static final PyType IMPORT_ERROR = exc("ImportError", EXCEPTION);
    static final PyType MODULE_NOT_FOUND_ERROR = exc("ModuleNotFoundError", IMPORT_ERROR);
    static final PyType LOOKUP_ERROR = exc("LookupError", EXCEPTION);
    static final PyType INDEX_ERROR = exc("IndexError", LOOKUP_ERROR);
    static final PyType KEY_ERROR = exc("KeyError", LOOKUP_ERROR);
    static final PyType MEMORY_ERROR = exc("MemoryError", EXCEPTION);
    static final PyType NAME_ERROR = exc("NameError", EXCEPTION);
    static final PyType UNBOUND_LOCAL_ERROR = exc("UnboundLocalError", NAME_ERROR);
    static final PyType OS_ERROR = exc("OSError", EXCEPTION);
    static final PyType FILE_NOT_FOUND_ERROR = exc("FileNotFoundError", OS_ERROR);
    static final PyType FILE_EXISTS_ERROR = exc("FileExistsError", OS_ERROR);
    static final PyType PERMISSION_ERROR = exc("PermissionError", OS_ERROR);
    static final PyType IS_A_DIRECTORY_ERROR = exc("IsADirectoryError", OS_ERROR);
    static final PyType NOT_A_DIRECTORY_ERROR = exc("NotADirectoryError", OS_ERROR);
    static final PyType REFERENCE_ERROR = exc("ReferenceError", EXCEPTION);
    static final PyType RUNTIME_ERROR = exc("RuntimeError", EXCEPTION);
    static final PyType NOT_IMPLEMENTED_ERROR = exc("NotImplementedError", RUNTIME_ERROR);
    static final PyType RECURSION_ERROR = exc("RecursionError", RUNTIME_ERROR);
    static final PyType SYNTAX_ERROR = exc("SyntaxError", EXCEPTION);
    static final PyType INDENTATION_ERROR = exc("IndentationError", SYNTAX_ERROR);
    static final PyType TAB_ERROR = exc("TabError", INDENTATION_ERROR);
    static final PyType SYSTEM_ERROR = exc("SystemError", EXCEPTION);
    static final PyType TYPE_ERROR = exc("TypeError", EXCEPTION);
    static final PyType VALUE_ERROR = exc("ValueError", EXCEPTION);
    static final PyType UNICODE_ERROR = exc("UnicodeError", VALUE_ERROR);
    static final PyType UNICODE_DECODE_ERROR = exc("UnicodeDecodeError", UNICODE_ERROR);
    static final PyType UNICODE_ENCODE_ERROR = exc("UnicodeEncodeError", UNICODE_ERROR);
    static final PyType WARNING = exc("Warning", EXCEPTION);
    static final PyType USER_WARNING = exc("UserWarning", WARNING);
    static final PyType DEPRECATION_WARNING = exc("DeprecationWarning", WARNING);
    static final PyType RUNTIME_WARNING = exc("RuntimeWarning", WARNING);

    static final PyType[] EXCEPTIONS = {
        BASE_EXCEPTION, SYSTEM_EXIT, KEYBOARD_INTERRUPT, GENERATOR_EXIT, EXCEPTION, STOP_ITERATION,
        ARITHMETIC_ERROR, FLOATING_POINT_ERROR, OVERFLOW_ERROR, ZERO_DIVISION_ERROR, ASSERTION_ERROR,
        ATTRIBUTE_ERROR, BUFFER_ERROR, EOF_ERROR, IMPORT_ERROR, MODULE_NOT_FOUND_ERROR, LOOKUP_ERROR,
        INDEX_ERROR, KEY_ERROR, MEMORY_ERROR, NAME_ERROR, UNBOUND_LOCAL_ERROR, OS_ERROR,
        FILE_NOT_FOUND_ERROR, FILE_EXISTS_ERROR, PERMISSION_ERROR, IS_A_DIRECTORY_ERROR,
        NOT_A_DIRECTORY_ERROR, REFERENCE_ERROR, RUNTIME_ERROR, NOT_IMPLEMENTED_ERROR, RECURSION_ERROR,
        SYNTAX_ERROR, INDENTATION_ERROR, TAB_ERROR, SYSTEM_ERROR, TYPE_ERROR, VALUE_ERROR,
        UNICODE_ERROR, UNICODE_DECODE_ERROR, UNICODE_ENCODE_ERROR, WARNING, USER_WARNING,
        DEPRECATION_WARNING, RUNTIME_WARNING,
    };

    private static PyType exc(String name, PyType base) {
        return PyType.builtinSharingLayout(name, base);
    }
}
