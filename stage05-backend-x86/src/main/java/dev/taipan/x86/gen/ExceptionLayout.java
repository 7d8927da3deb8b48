package dev.taipan.x86.gen;

/**
 * Where the generated code finds the pending exception and what it needs to raise or report
 * one, as symbols of the image and byte offsets: {@code exc_data}'s two words (PyPy's
 * {@code exc_data}, filled by a raising graph), the prebuilt {@code RecursionError} that
 * {@code stack_check} raises, and how to read a class's name and an instance's message for the
 * uncaught-exception report ({@code RExceptionData.describe} reads the same words).
 *
 * @param excData        symbol of the {@code exc_data} struct
 * @param typeOffset     offset of {@code exc_type} in it
 * @param valueOffset    offset of {@code exc_value} in it
 * @param recursionError symbol of the prebuilt RecursionError instance, or null
 * @param typeptrOffset  offset of an instance's vtable pointer
 * @param nameOffset     offset of a vtable's name (a string pointer)
 * @param minOffset      offset of a vtable's subclass range minimum
 * @param maxOffset      offset of its maximum
 * @param baseException  symbol of BaseException's vtable: a class in its range has a message
 * @param messageOffset  offset of an instance's message (a string pointer, may be null)
 */
record ExceptionLayout(String excData, int typeOffset, int valueOffset, String recursionError, int typeptrOffset,
                       int nameOffset, int minOffset, int maxOffset, String baseException, int messageOffset) {
}
