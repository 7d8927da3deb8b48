package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.compiler.Compiler;
import dev.taipan.flowgraph.syntax.SyntaxError;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The import system: IMPORT_NAME, IMPORT_FROM and IMPORT_STAR. A dotted name is imported one
 * package at a time, each module entered in {@code sys.modules} before its code runs (so
 * circular imports see the partial module, as in CPython). Modules are found in this order:
 * {@code sys.modules}, the built-in modules ({@code sys}, {@code math}, {@code os},
 * {@code time}) and the extension modules a later stage added, the directories of {@code sys.path} (the program's own directory first), then
 * the support package {@code rpython} on the class path.
 */
final class Importer {
    private final Interp in;

    Importer(Interp in) {
        this.in = in;
    }

    PyObject importName(String name, PyDict globals, PyObject fromlist, int level) {
        String absolute = level > 0 ? resolveRelative(name, globals, level) : name;
        if (absolute.isEmpty()) {
            throw PyErrors.valueError("Empty module name");
        }
        PyModule leaf = importDotted(absolute);
        boolean hasFromlist = fromlist instanceof PyTuple t && t.size() > 0;
        if (hasFromlist) {
            if (leaf.dict.getStr("__path__") != null) {
                for (PyObject f : ((PyTuple) fromlist).items) {
                    String sub = Ops.str(f);
                    if (!sub.equals("*") && leaf.dict.getStr(sub) == null) {
                        try {
                            importDotted(absolute + "." + sub);
                        } catch (PyException e) {
                            if (!e.matches(Types.MODULE_NOT_FOUND_ERROR)) {
                                throw e;
                            }
                        }
                    }
                }
            }
            return leaf;
        }
        if (level > 0 && name.isEmpty()) {
            return leaf;
        }
        String top = name.contains(".") ? absolute.substring(0, absolute.length() - name.length() + name.indexOf('.'))
                : absolute;
        return (PyModule) in.modules.getStr(top);
    }

    private String resolveRelative(String name, PyDict globals, int level) {
        PyObject pkg = globals.getStr("__package__");
        String base;
        if (pkg instanceof PyStr p) {
            base = p.value;
        } else {
            String mod = Ops.str(globals.getStr("__name__"));
            base = globals.getStr("__path__") != null ? mod : (mod.contains(".") ? mod.substring(0, mod.lastIndexOf('.')) : "");
        }
        if (base.isEmpty()) {
            throw PyErrors.of(Types.IMPORT_ERROR, "attempted relative import with no known parent package");
        }
        for (int i = 1; i < level; i++) {
            int dot = base.lastIndexOf('.');
            if (dot < 0) {
                throw PyErrors.of(Types.IMPORT_ERROR, "attempted relative import beyond top-level package");
            }
            base = base.substring(0, dot);
        }
        return name.isEmpty() ? base : base + "." + name;
    }

    PyModule importDotted(String absolute) {
        String[] parts = absolute.split("\\.");
        PyModule parent = null;
        String prefix = "";
        for (String part : parts) {
            prefix = prefix.isEmpty() ? part : prefix + "." + part;
            PyObject cached = in.modules.getStr(prefix);
            PyModule m;
            if (cached instanceof PyModule cm) {
                m = cm;
            } else if (cached != null && cached != PySingleton.NONE) {
                throw PyErrors.of(Types.IMPORT_ERROR, "sys.modules entry for " + prefix + " is not a module");
            } else {
                m = load(prefix, part, parent);
                if (parent != null) {
                    parent.dict.putStr(part, m);
                }
            }
            parent = m;
        }
        return parent;
    }

    private PyModule load(String fullName, String lastPart, PyModule parent) {
        PyModule builtin = builtinModule(fullName);
        if (builtin != null) {
            in.modules.putStr(fullName, builtin);
            return builtin;
        }
        List<String> searchDirs = new ArrayList<>();
        if (parent != null) {
            PyObject path = parent.dict.getStr("__path__");
            if (path == null) {
                throw PyErrors.of(Types.MODULE_NOT_FOUND_ERROR, "No module named '" + fullName + "'; '"
                        + parent.name + "' is not a package");
            }
            for (PyObject p : Ops.toList(path)) {
                searchDirs.add(Ops.str(p));
            }
        } else {
            PyObject sysPath = in.sys.dict.getStr("path");
            for (PyObject p : Ops.toList(sysPath)) {
                searchDirs.add(Ops.str(p));
            }
        }
        for (String dir : searchDirs) {
            if (dir.startsWith(RESOURCE_PREFIX)) {
                String base = dir.substring(RESOURCE_PREFIX.length());
                String res = (base.isEmpty() ? "" : base + "/") + lastPart;
                String pkgInit = res + "/__init__.py";
                if (resource(pkgInit) != null) {
                    return execModule(fullName, readResource(pkgInit), RESOURCE_PREFIX + res);
                }
                if (resource(res + ".py") != null) {
                    return execModule(fullName, readResource(res + ".py"), null);
                }
                continue;
            }
            Path d = in.resolve(dir);
            Path pkg = d.resolve(lastPart);
            if (Files.isRegularFile(pkg.resolve("__init__.py"))) {
                return execModule(fullName, SourceFile.read(pkg.resolve("__init__.py")), pkg.toString());
            }
            Path file = d.resolve(lastPart + ".py");
            if (Files.isRegularFile(file)) {
                return execModule(fullName, SourceFile.read(file), null);
            }
        }
        throw PyErrors.of(Types.MODULE_NOT_FOUND_ERROR, "No module named '" + fullName + "'");
    }

    /** The class-path entry of {@code sys.path}: the support package's resources. */
    static final String RESOURCE_PREFIX = "<resources>";

    private static URL resource(String name) {
        return Importer.class.getClassLoader().getResource(name);
    }

    private static SourceFile readResource(String name) {
        try (InputStream s = Importer.class.getClassLoader().getResourceAsStream(name)) {
            String text = new String(s.readAllBytes(), StandardCharsets.UTF_8);
            URL url = resource(name);
            String shown = url != null && url.getProtocol().equals("file") ? Path.of(url.getPath()).toString() : name;
            return SourceFile.of(shown, text);
        } catch (IOException e) {
            throw PyErrors.of(Types.IMPORT_ERROR, "cannot read " + name);
        }
    }

    private PyModule builtinModule(String name) {
        return switch (name) {
            case "sys" -> in.sys;
            case "math" -> MathModule.create();
            case "os" -> OsModule.create(in);
            case "time" -> TimeModule.create();
            case "builtins" -> in.builtinsModule;
            default -> extensionModule(name);
        };
    }

    private PyModule extensionModule(String name) {
        var attributes = in.extensionModules.get(name);
        if (attributes == null) {
            return null;
        }
        PyDict d = new PyDict();
        attributes.get().forEach(d::putStr);
        return new PyModule(name, d);
    }

    /** Compiles and runs a module's source as {@code name}; {@code packagePath} is non-null for a package. */
    PyModule execModule(String name, SourceFile source, String packagePath) {
        PyDict d = new PyDict();
        d.putStr("__name__", PyStr.of(name));
        d.putStr("__file__", PyStr.of(source.name()));
        d.putStr("__doc__", PySingleton.NONE);
        d.putStr("__builtins__", in.builtinsModule);
        if (packagePath != null) {
            d.putStr("__path__", new PyList(List.of(PyStr.of(packagePath))));
            d.putStr("__package__", PyStr.of(name));
        } else {
            d.putStr("__package__", PyStr.of(name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : ""));
        }
        PyModule m = new PyModule(name, d);
        PyCode code = compile(source);
        in.modules.putStr(name, m);
        try {
            in.runModuleCode(code, d);
        } catch (PyException e) {
            in.modules.map.remove(name);
            throw e;
        }
        return m;
    }

    static PyCode compile(SourceFile source) {
        try {
            return new PyCode(Compiler.compile(source));
        } catch (SyntaxError e) {
            throw syntaxError(e);
        }
    }

    /** A compile-time SyntaxError as a Python exception, keeping CPython's rendering. */
    static PyException syntaxError(SyntaxError e) {
        PyType t = switch (e.kind()) {
            case IndentationError -> Types.INDENTATION_ERROR;
            case TabError -> Types.TAB_ERROR;
            default -> Types.SYNTAX_ERROR;
        };
        String text = e.source().line(e.pos().line());
        PyTuple details = new PyTuple(PyStr.of(e.source().name()), PyInt.of(e.pos().line()),
                PyInt.of(e.pos().col() + 1), PyStr.of(text));
        PyBaseException exc = new PyBaseException(t, new PyTuple(PyStr.of(e.msg()), details));
        exc.dict.putStr("msg", PyStr.of(e.msg()));
        exc.dict.putStr("filename", PyStr.of(e.source().name()));
        exc.dict.putStr("lineno", PyInt.of(e.pos().line()));
        exc.dict.putStr("offset", PyInt.of(e.pos().col() + 1));
        exc.dict.putStr("text", PyStr.of(text));
        exc.syntaxError = e;
        return new PyException(exc);
    }

    PyObject importFrom(PyObject module, String name) {
        PyObject v = Attr.getOrNull(module, name);
        if (v != null) {
            return v;
        }
        if (module instanceof PyModule m) {
            String full = m.name + "." + name;
            PyObject sub = in.modules.getStr(full);
            if (sub != null) {
                return sub;
            }
            if (m.dict.getStr("__path__") != null) {
                try {
                    return importDotted(full);
                } catch (PyException e) {
                    if (!e.matches(Types.MODULE_NOT_FOUND_ERROR)) {
                        throw e;
                    }
                }
            }
            PyObject file = m.dict.getStr("__file__");
            throw PyErrors.of(Types.IMPORT_ERROR, "cannot import name '" + name + "' from '" + m.name + "' ("
                    + (file == null ? "unknown location" : Ops.str(file)) + ")");
        }
        throw PyErrors.of(Types.IMPORT_ERROR, "cannot import name '" + name + "'");
    }

    void importStar(PyObject module, PyDict target) {
        if (!(module instanceof PyModule m)) {
            throw PyErrors.typeError("import * expects a module");
        }
        PyObject all = m.dict.getStr("__all__");
        if (all != null) {
            for (PyObject n : Ops.toList(all)) {
                String s = Ops.str(n);
                target.putStr(s, Attr.get(m, s));
            }
            return;
        }
        for (var e : m.dict.map.entrySet()) {
            if (e.getKey() instanceof String s && !s.startsWith("_")) {
                target.putStr(s, e.getValue());
            }
        }
    }
}
