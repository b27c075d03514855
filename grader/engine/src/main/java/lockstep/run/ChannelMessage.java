package lockstep.run;

import java.util.List;

/**
 * One message from the test JVM to the grader: a type and its fields.
 *
 * <p>Types: {@code task id} and {@code task-done id} around each task's tests, {@code started key},
 * {@code finished key status message evidence} (the evidence as {@link EvidenceCodec} writes it, empty for none),
 * {@code dump summary}, {@code failed reason}, {@code limit reason}, {@code threads-left names}, {@code done}.
 *
 * <p>A field holds at most {@value #MAX_FIELD_CHARS} characters; a longer one is cut with a note. Messages carry text
 * the code under test chose (an exception's message, the lines it logged, its threads' names), and a submission must
 * not be able to fill the grader's memory or the student's report with it.
 */
record ChannelMessage(String type, List<String> fields) {

    /** The most characters a field keeps. */
    static final int MAX_FIELD_CHARS = 16 * 1024;

    ChannelMessage {
        fields = fields.stream().map(ChannelMessage::bounded).toList();
    }

    private static String bounded(String field) {
        if (field.length() <= MAX_FIELD_CHARS) {
            return field;
        }
        return field.substring(0, MAX_FIELD_CHARS) + "... [message truncated: " + (field.length() - MAX_FIELD_CHARS)
                + " more characters]";
    }

    static ChannelMessage of(String type, String... fields) {
        return new ChannelMessage(type, List.of(fields));
    }

    String field(int index) {
        return index < fields.size() ? fields.get(index) : "";
    }
}
