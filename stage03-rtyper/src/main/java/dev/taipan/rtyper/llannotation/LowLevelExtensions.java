package dev.taipan.rtyper.llannotation;

import java.util.List;
import java.util.ServiceLoader;

/** The {@link LowLevelExtension}s on the class path, loaded when first asked: the class path does not change. */
final class LowLevelExtensions {
    private LowLevelExtensions() { }

    static final List<LowLevelExtension> ALL = ServiceLoader.load(LowLevelExtension.class,
            LowLevelExtension.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();
}
