package dev.taipan.annotator;

/**
 * A host object a later stage defines (stage 01's {@code PyExtensionObject}) that says itself
 * what it is as a constant of the program: PyPy's {@code extregistry}. Stage 03's
 * {@code lltype.malloc} and {@code llop.int_add} are annotated so, and their annotation rules
 * their calls ({@link SomeValue.Contributed#consider} on {@code simple_call}), since the
 * annotator asks the annotation of an operation's first argument, and a call's first argument
 * is what it calls.
 */
public interface ContributedObject {

    /** The annotation of this object wherever the program holds it as a constant. */
    SomeValue.Contributed annotation();
}
