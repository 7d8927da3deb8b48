/**
 * The host interpreter: a concrete interpreter of Taipan's bytecode with Python 3.11
 * semantics. It plays CPython's role in PyPy's toolchain: it runs import-time code, runs RPy
 * programs untranslated, and is the reference every later stage is compared against. The flow
 * space, and after it the annotator, start from the live objects it leaves behind
 * ({@link dev.taipan.flowgraph.host.PyModule}, {@link dev.taipan.flowgraph.host.PyFunction},
 * {@link dev.taipan.flowgraph.host.PyType}, prebuilt instances).
 *
 * <p>Reading order:
 * <ol>
 *   <li>{@code HostInterpreter}: the public entry points ({@code runProgram}, {@code importFile},
 *       {@code call}), each on a thread with a large Java stack.</li>
 *   <li>{@code PyObject}, {@code PyType} (with {@code Mro}), {@code Types}: the object model.
 *       Every behaviour is found through an object's type; built-in types are shared, user
 *       classes carry a version that invalidates caches when a class attribute changes.</li>
 *   <li>The values: {@code PyInt} (a {@code long} fast path, {@code BigInteger} beyond),
 *       {@code PyBool}, {@code PyFloat}, {@code PyStr}, {@code PyBytes}, {@code PyTuple},
 *       {@code PyList}, {@code PyDict} (keys in "key form": a str key is its Java String),
 *       {@code PySet}, {@code PyRange}, {@code PySlice}, {@code PySingleton}.</li>
 *   <li>Code and calls: {@code PyCode}, {@code PyFunction}, {@code ArgBinder} (all argument
 *       binding, CPython's messages), {@code PyMethod}, {@code PyBuiltinFunction},
 *       {@code PyCell}.</li>
 *   <li>{@code Frame} and {@code Eval}: the eval loop, re-entrant so that a {@code PyGenerator}
 *       is just a suspended frame; exceptions found in the code's static exception table.
 *       The loop is one switch that reads like the opcode table; the work of each opcode
 *       family, with its fast paths, is in a small class of its own: {@code EvalVariables},
 *       {@code EvalAttributes} (inline caches), {@code EvalOperators}, {@code EvalControl},
 *       {@code EvalCalls}, {@code EvalContainers}, {@code EvalFStrings},
 *       {@code EvalExceptions}, {@code EvalGenerators}.</li>
 *   <li>The protocols: {@code Ops} (truth, repr/str, hash, comparison, operators, items,
 *       iteration), {@code Arith} (number semantics), {@code Attr} (attribute lookup and
 *       descriptors), {@code Sequences}, {@code Iterators}.</li>
 *   <li>Exceptions: {@code PyBaseException} (the Python object), {@code PyException} (its
 *       Java carrier), {@code PyErrors} (CPython's wording), {@code Traceback}.</li>
 *   <li>The library: {@code Builtins}, {@code TypeMethods}, {@code StrTypeMethods},
 *       {@code DictMethods}, {@code SetMethods}, {@code Formatting}/{@code StrFormat} (over
 *       {@code host.lib}), {@code SysModule}, {@code MathModule}, {@code OsModule},
 *       {@code TimeModule}, and {@code Importer}.</li>
 * </ol>
 */
package dev.taipan.flowgraph.host;
