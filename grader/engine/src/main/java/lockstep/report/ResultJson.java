package lockstep.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lockstep.model.GradeResult;
import lockstep.model.TestResult;

/**
 * {@code result.json}: the canonical, saved grade. Every other report is rendered from what this reads back, so
 * reports can be rebuilt without running a test again. A test without evidence has no {@code evidence} field, one
 * without a duration no {@code duration_ms}, and a result.json written before tests had either reads back with none.
 */
public final class ResultJson {

    public static final String FILE = "result.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(TestResult.class, OmitNullFields.class)
            .build();

    /** Leaves out a test's {@code evidence} and {@code duration_ms} where it has none, rather than writing null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private abstract static class OmitNullFields {
    }

    private ResultJson() {
    }

    public static String render(GradeResult grade) {
        try {
            return MAPPER.writeValueAsString(grade) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot render result.json", e);
        }
    }

    public static GradeResult parse(String json) throws IOException {
        return MAPPER.readValue(json, GradeResult.class);
    }

    public static GradeResult read(Path file) throws IOException {
        return parse(Files.readString(file));
    }
}
