package lockstep.run;

import java.util.List;

/**
 * One message from the test JVM to the grader: a type and its fields.
 *
 * <p>Types: {@code started key}, {@code finished key status message}, {@code dump summary}, {@code done}.
 */
record ChannelMessage(String type, List<String> fields) {

    ChannelMessage {
        fields = List.copyOf(fields);
    }

    static ChannelMessage of(String type, String... fields) {
        return new ChannelMessage(type, List.of(fields));
    }

    String field(int index) {
        return index < fields.size() ? fields.get(index) : "";
    }
}
