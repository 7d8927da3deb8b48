package dev.taipan.x86.gen;

import dev.taipan.flowgraph.TaipanError;

/**
 * The honest edge of the backend's subset: an operation (or a form of one) that instruction
 * selection has no rule for yet. Translation stops with the operation and the function named,
 * never with a Java stack trace and never with code that would compute something else; the
 * corpus test counts these refusals, so the subset that runs is visible.
 */
public final class NotSelectedError extends TaipanError {

    public NotSelectedError(String what, String function) {
        super("x86 backend: " + what + " in function " + function + " is not selected yet");
    }
}
