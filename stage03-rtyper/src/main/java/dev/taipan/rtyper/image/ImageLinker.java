package dev.taipan.rtyper.image;

import java.util.List;

/**
 * The last step of the static-data database: from the converted objects to one {@link Image},
 * placing every object in its section and turning each pointer into a {@link Relocation} (the
 * reference is {@link SectionLinker}). A {@link Database} chooses the current one
 * ({@link dev.taipan.rtyper.Exercised#IMAGE_LINKER}) when it is made, so once per rtyper. An
 * interface so that a student's linker can take the reference's place.
 */
@FunctionalInterface
public interface ImageLinker {
    /**
     * The image of {@code converted} (every object the database converted, in conversion order,
     * each complete) and of every object reachable from them through pointers.
     */
    Image link(List<Prebuilt> converted);
}
