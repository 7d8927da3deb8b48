package dev.taipan.annotator;

/**
 * What {@code isinstance(x, C)} proves about {@code x}, with {@code C} a user class and
 * {@code x} an instance ({@link SomeValue.SomeInstance}, maybe None) or, so far, only None
 * ({@link SomeValue.SomeNone}) (see {@link Narrowing#narrowIsinstance}, the reference). The
 * annotator puts the answer in the bool's knowntypedata, and the exits of the block that tests
 * the bool pass {@code x} narrowed. An interface so that a student's narrowing can take the
 * reference's place (see {@link Exercised}).
 */
@FunctionalInterface
public interface IsinstanceNarrowing {
    /** The annotations of {@code x} on the branch taken when the test is True, and when it is False. */
    Narrowed narrow(SomeValue x, ClassDef c);

    /**
     * The two branches; {@link SomeValue#IMPOSSIBLE} on one of them means no value of {@code x}
     * can take it, and the annotator does not flow it.
     */
    record Narrowed(SomeValue ifTrue, SomeValue ifFalse) { }
}
