package dev.taipan.x86.view;

/**
 * One stage's graphs of the function, or why that stage has none: a program without
 * {@code entry_point} is never annotated, a function never called is never reached, and a
 * stage's refusal (an annotation error, an operation the backend does not select) is shown on
 * the page where that stage's picture would be, the earlier stages' pictures still there.
 */
record StagePanel(String id, String title, String caption, Picture picture, String problem) {

    static StagePanel drawn(String id, String title, String caption, Picture picture) {
        return new StagePanel(id, title, caption, picture, null);
    }

    static StagePanel missing(String id, String title, String problem) {
        return new StagePanel(id, title, "", null, problem);
    }
}
