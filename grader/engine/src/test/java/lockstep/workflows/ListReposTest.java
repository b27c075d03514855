package lockstep.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grader/github/list-repos.sh}: the students of a class as grade-class.yml's job matrix, in chunks. */
class ListReposTest {

    @TempDir
    Path dir;

    /** Two pages of {@code gh api --paginate orgs/acme/repos}, as gh prints them: one JSON array after the other. */
    private static final String TWO_PAGES = """
            [{"name": "hw1-bob", "is_template": false}, {"name": "hw1-template", "is_template": true},
             {"name": "lecture-notes", "is_template": false}]
            [{"name": "hw1-alice", "is_template": false}, {"name": "hw1-", "is_template": false},
             {"name": "hw2-alice", "is_template": false}, {"name": "hw1-carol", "is_template": false}]
            """;

    /** A stand-in for gh that records its arguments and prints {@code pages}. */
    private Path fakeGh(String pages) throws Exception {
        Path output = Files.writeString(dir.resolve("pages.json"), pages);
        Path gh = Files.writeString(dir.resolve("gh"), """
                #!/usr/bin/env bash
                printf '%%s\\n' "$*" >> "%s"
                cat "%s"
                """.formatted(dir.resolve("gh-arguments"), output));
        Files.setPosixFilePermissions(gh, PosixFilePermissions.fromString("rwxr-xr-x"));
        return gh;
    }

    private ScriptRun listRepos(Path gh, String... args) throws Exception {
        return ScriptRun.script(dir, Map.of("GH", gh.toString()), "list-repos.sh", args);
    }

    private static JsonNode json(ScriptRun run) throws Exception {
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(1, run.stdout().lines().count(), "the matrix is one line for $GITHUB_OUTPUT: " + run);
        return new ObjectMapper().readTree(run.stdout());
    }

    @Test
    void listsTheOrganizationsRepositoriesWithThePrefixSortedByStudent() throws Exception {
        ScriptRun run = listRepos(fakeGh(TWO_PAGES), "--org", "acme", "--prefix", "hw1-", "--roster", "");
        assertEquals("[{\"chunk\":1,\"students\":[{\"student\":\"alice\",\"repository\":\"acme/hw1-alice\"},"
                + "{\"student\":\"bob\",\"repository\":\"acme/hw1-bob\"},"
                + "{\"student\":\"carol\",\"repository\":\"acme/hw1-carol\"}]}]\n", run.stdout(), run.toString());
        assertEquals("api --paginate orgs/acme/repos?per_page=100&type=all\n",
                Files.readString(dir.resolve("gh-arguments")));
        assertTrue(run.stderr().contains("3 student(s) listed"), run.toString());
    }

    @Test
    void splitsTheStudentsIntoChunksOfAtMostTheChunkSize() throws Exception {
        JsonNode chunks = json(listRepos(fakeGh(TWO_PAGES), "--org", "acme", "--prefix", "hw1-", "--chunk-size", "2"));
        assertEquals(2, chunks.size());
        assertEquals(1, chunks.get(0).get("chunk").asInt());
        assertEquals(2, chunks.get(0).get("students").size());
        assertEquals(2, chunks.get(1).get("chunk").asInt());
        assertEquals("carol", chunks.get(1).get("students").get(0).get("student").asText());
    }

    @Test
    void aClassLargerThanOneMatrixGetsChunksOf256() throws Exception {
        String page = IntStream.range(0, 600).mapToObj(i -> String.format("{\"name\": \"hw1-s%03d\"}", i))
                .collect(Collectors.joining(",", "[", "]"));
        JsonNode chunks = json(listRepos(fakeGh(page), "--org", "acme", "--prefix", "hw1-"));
        assertEquals(3, chunks.size());
        assertEquals(256, chunks.get(0).get("students").size());
        assertEquals(256, chunks.get(1).get("students").size());
        assertEquals(88, chunks.get(2).get("students").size());
        assertEquals("s256", chunks.get(1).get("students").get(0).get("student").asText());
    }

    @Test
    void aRosterNamesEveryStudentWhetherOrNotTheyHaveARepository() throws Exception {
        Path roster = Files.writeString(dir.resolve("roster.txt"),
                "# hw1, section B\r\nbob\r\n\r\n  alice  \r\ncarol, hw1-carol-late\r\ndave,dave/fork\r\nbob\r\n");
        Path gh = fakeGh("not called");
        JsonNode students = json(listRepos(gh, "--org", "acme", "--roster", roster.toString(), "--prefix", "hw1-"))
                .get(0).get("students");
        assertEquals("[{\"student\":\"alice\",\"repository\":\"acme/hw1-alice\"},"
                + "{\"student\":\"bob\",\"repository\":\"acme/hw1-bob\"},"
                + "{\"student\":\"carol\",\"repository\":\"acme/hw1-carol-late\"},"
                + "{\"student\":\"dave\",\"repository\":\"dave/fork\"}]", students.toString());
        assertTrue(Files.notExists(dir.resolve("gh-arguments")), "a roster needs no GitHub API");
    }

    @Test
    void aRosterLineThatIsNotAUserNameIsAUsageErrorWithItsLineNumber() throws Exception {
        Path roster = Files.writeString(dir.resolve("roster.txt"), "alice\n../../etc\n");
        ScriptRun run = listRepos(fakeGh(""), "--org", "acme", "--roster", roster.toString(), "--prefix", "hw1-");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("roster.txt:2: '../../etc' is not a GitHub user name"), run.toString());
        assertEquals("", run.stdout());
    }

    @Test
    void aRosterStudentWithoutRepositoryNeedsAPrefix() throws Exception {
        Path roster = Files.writeString(dir.resolve("roster.txt"), "alice,hw1-alice\nbob\n");
        ScriptRun run = listRepos(fakeGh(""), "--org", "acme", "--roster", roster.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("roster.txt:2: bob has no repository; give one or --prefix"), run.toString());
    }

    @Test
    void noStudentToGradeFailsTheListing() throws Exception {
        ScriptRun run = listRepos(fakeGh(TWO_PAGES), "--org", "acme", "--prefix", "hw9-");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("no student to grade in acme (prefix 'hw9-'"), run.toString());
    }

    @Test
    void neitherAPrefixNorARosterIsAUsageError() throws Exception {
        ScriptRun run = listRepos(fakeGh(TWO_PAGES), "--org", "acme", "--prefix", "", "--roster", "");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("give --prefix or --roster"), run.toString());
    }
}
