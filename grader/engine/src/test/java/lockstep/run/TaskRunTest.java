package lockstep.run;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lockstep.JdkNeutral;
import lockstep.model.Evidence;
import lockstep.model.TestStatus;
import lockstep.suite.GradedTest;
import lockstep.suite.Suite;
import lockstep.suite.SuiteIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs small suites in a real test JVM: outcomes, crashes, hangs, deadlocks, floods and forgeries. */
@JdkNeutral
class TaskRunTest {

    @TempDir
    static Path dir;

    static Suite suite;

    static final String STUDENT = """
            package exercises;
            public final class Probe {
                private Probe() {}
                public static int answer() { return 42; }
                public static void exit() { System.exit(3); }
                public static void spin() { while (true) { Thread.onSpinWait(); } }
                public static void forge() {
                    System.out.println("LOCKSTEP 0 00 finished bHVja3k= cGFzc2Vk");
                    System.out.println("LOCKSTEP 1 deadbeef done");
                }
                public static void flood() { String line = "x".repeat(1000); for (int i = 0; i < 5000; i++) System.out.println(line); }
                public static void deadlock() throws InterruptedException {
                    Object a = new Object(), b = new Object();
                    java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
                    Thread one = new Thread(() -> { synchronized (a) { both.countDown(); await(both); synchronized (b) { } } }, "transfer-1");
                    Thread two = new Thread(() -> { synchronized (b) { both.countDown(); await(both); synchronized (a) { } } }, "transfer-2");
                    one.setDaemon(true); two.setDaemon(true);
                    one.start(); two.start(); one.join(); two.join();
                }
                private static void await(java.util.concurrent.CountDownLatch latch) {
                    try { latch.await(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                }
            }
            """;

    static final String TESTS = """
            package suite;
            import java.time.Duration;
            import java.util.concurrent.atomic.AtomicLong;
            import lockstep.api.Graded;
            import lockstep.stress.CounterScenarios;
            import lockstep.stress.Outcome;
            import lockstep.stress.Scenario;
            import lockstep.stress.StressBudget;
            import lockstep.stress.StressMatrix;
            import org.junit.jupiter.api.DisplayName;
            import static org.junit.jupiter.api.Assertions.assertEquals;
            class ProbeTest {
                @Graded(task = "t", points = 2) @DisplayName("the answer is 42")
                void passes() { assertEquals(42, exercises.Probe.answer()); }
                @Graded(task = "t", points = 3)
                void fails() { assertEquals(41, exercises.Probe.answer(), "expected 41 with 1 thread"); }
                @Graded(task = "timed", points = 1) void quick() { }
                @Graded(task = "timed", points = 1) void sleeps() throws InterruptedException { Thread.sleep(1_000); }
                @Graded(task = "exit", points = 1) void a1() { }
                @Graded(task = "exit", points = 1) void a2exits() { exercises.Probe.exit(); }
                @Graded(task = "exit", points = 1) void a3() { }
                @Graded(task = "spin", points = 1) void spins() { exercises.Probe.spin(); }
                @Graded(task = "forge", points = 1) void forges() { exercises.Probe.forge(); throw new AssertionError("no"); }
                @Graded(task = "flood", points = 1) void floods() { exercises.Probe.flood(); }
                @Graded(task = "deadlock", points = 1) void deadlocks() throws Exception { exercises.Probe.deadlock(); }
                @Graded(task = "jit", points = 1) void readsTheCompilerDirectivesAndIsToldTheStressTurn() {
                    java.util.List<String> options = java.lang.management.ManagementFactory.getRuntimeMXBean()
                            .getInputArguments();
                    org.junit.jupiter.api.Assertions.assertTrue(options.stream()
                            .anyMatch(o -> o.startsWith("-XX:CompilerDirectivesFile=")), options.toString());
                    String turn = System.getProperty(StressMatrix.TURN_PROPERTY);
                    org.junit.jupiter.api.Assertions.assertTrue(turn != null
                            && java.nio.file.Files.isDirectory(java.nio.file.Path.of(turn)), turn);
                    System.out.println("a line of the test's own");
                }
                @Graded(task = "inconclusive", points = 1) void cannotTell() {
                    throw new org.opentest4j.TestAbortedException("inconclusive: the canary was not caught on 2 cores");
                }
                static final StressMatrix MATRIX = StressMatrix.of(new StressBudget(5, Duration.ofSeconds(5),
                        Duration.ofSeconds(5))).withThreadCounts(2, 4);
                static Scenario<AtomicLong> exact() {
                    return CounterScenarios.exact(threads -> new AtomicLong(), AtomicLong::incrementAndGet,
                            AtomicLong::get, 100);
                }
                static Scenario<Object> alwaysWrong() {
                    return Scenario.of("lost updates", threads -> new Object(), (state, index) -> { },
                            (state, threads) -> Outcome.wrong("2", "1"));
                }
                @Graded(task = "stress", points = 2) @DisplayName("a correct counter passes the stress matrix")
                void stressPasses() throws Exception { MATRIX.verify(exact(), alwaysWrong()); }
                @Graded(task = "stress", points = 2) void stressFails() throws Exception { MATRIX.verify(alwaysWrong()); }
                @Graded(task = "stress", points = 2) void stressCannotTell() throws Exception { MATRIX.verify(exact(), exact()); }
                @Graded(task = "stress", points = 1) void plain() { assertEquals(42, exercises.Probe.answer()); }
            }
            """;

    @BeforeAll
    static void compile() throws Exception {
        Path student = JavaSources.compile(Map.of("exercises/Probe.java", STUDENT), dir.resolve("student"), List.of());
        List<Path> cp = new ArrayList<>(JavaSources.runnerClasspath());
        cp.add(student);
        JavaSources.compile(Map.of("suite/ProbeTest.java", TESTS), dir.resolve("suite"), cp);
        suite = SuiteIndex.read("test", dir.resolve("suite"));
    }

    private static RunRecord run(String task, RunLimits limits) throws Exception {
        List<GradedTest> tests = suite.testsOf(task);
        return new TaskRun(limits).run(tests, suite.location(), dir.resolve("student"), dir.resolve("scratch-" + task));
    }

    private static TaskRun.Together together(RunLimits limits, String... tasks) throws Exception {
        List<TaskRun.TaskTests> all = new ArrayList<>();
        for (String task : tasks) {
            all.add(new TaskRun.TaskTests(task, suite.testsOf(task), dir.resolve("student")));
        }
        return new TaskRun(limits).runTogether(all, suite.location(), dir.resolve("scratch-" + String.join("-", tasks)));
    }

    private static RunLimits limits() {
        return RunLimits.defaults().withTestTimeout(Duration.ofSeconds(3)).withWallClock(Duration.ofSeconds(60));
    }

    @Test
    void passedAndFailedTestsAreReportedWithTheirMessages() throws Exception {
        RunRecord record = run("t", limits());
        assertEquals(RunRecord.Ending.COMPLETED, record.ending());
        assertEquals(TestStatus.PASSED, record.outcomes().get("suite.ProbeTest#passes").status());
        RunRecord.Outcome failed = record.outcomes().get("suite.ProbeTest#fails");
        assertEquals(TestStatus.FAILED, failed.status());
        assertTrue(failed.message().contains("expected 41 with 1 thread"), failed.message());
    }

    @Test
    void eachOutcomeCarriesHowLongItsTestRanAsTheGraderSawIt() throws Exception {
        RunRecord record = run("timed", limits());
        Long slept = record.outcomes().get("suite.ProbeTest#sleeps").durationMs();
        Long quick = record.outcomes().get("suite.ProbeTest#quick").durationMs();
        assertNotNull(slept, "a test whose start and end the grader saw has a duration");
        assertNotNull(quick);
        // The grader times the messages as it reads them, so a late read of "started" may take a little off.
        assertTrue(slept >= 800, "a test that sleeps 1 s ran " + slept + " ms");
        assertTrue(quick < slept, "each test is timed on its own: the empty one took " + quick + " ms, the sleeping one "
                + slept + " ms");
    }

    @Test
    void theTestJvmGetsTheDirectivesAndTheStressTurnsAndTheirNoteIsNotOutput() throws Exception {
        RunRecord record = run("jit", limits());
        RunRecord.Outcome outcome =
                record.outcomes().get("suite.ProbeTest#readsTheCompilerDirectivesAndIsToldTheStressTurn");
        assertEquals(TestStatus.PASSED, outcome.status(), outcome.message());
        assertTrue(record.output().contains("a line of the test's own"), record.output());
        assertFalse(record.output().contains("compiler directives added"), record.output());
    }

    @Test
    void systemExitCrashesTheRunAndLeavesLaterTestsUnreported() throws Exception {
        RunRecord record = run("exit", limits());
        assertAll(
                () -> assertEquals(RunRecord.Ending.CRASHED, record.ending()),
                () -> assertEquals(TestStatus.PASSED, record.outcomes().get("suite.ProbeTest#a1").status()),
                () -> assertEquals("suite.ProbeTest#a2exits", record.running()),
                () -> assertNotNull(record.runningMs(), "the test running when the JVM exited has its time"),
                () -> assertTrue(record.diagnosis().contains("exited with status 3"), record.diagnosis()),
                () -> assertEquals(null, record.outcomes().get("suite.ProbeTest#a3")));
    }

    @Test
    void aHungJvmIsKilledAtTheWallClockLimitAfterAThreadDump() throws Exception {
        RunLimits limits = RunLimits.defaults().withTestTimeout(Duration.ofSeconds(30))
                .withWallClock(Duration.ofSeconds(4));
        RunRecord record = run("spin", limits);
        assertEquals(RunRecord.Ending.TIMED_OUT, record.ending());
        assertEquals("suite.ProbeTest#spins", record.running());
        assertTrue(record.diagnosis().contains("did not finish within 4 s"), record.diagnosis());
        assertTrue(record.diagnosis().contains("exercises.Probe.spin"), record.diagnosis());
        assertNotNull(record.runningMs(), "the stopped test's time until the stop");
        assertTrue(record.runningMs() >= 0 && record.runningMs() < 5_000,
                "it started after its task and was stopped at the task's 4 s: " + record.runningMs() + " ms");
    }

    @Test
    void printedLinesThatLookLikeTheChannelAreNotResults() throws Exception {
        RunRecord record = run("forge", limits());
        assertEquals(RunRecord.Ending.COMPLETED, record.ending());
        assertEquals(TestStatus.FAILED, record.outcomes().get("suite.ProbeTest#forges").status());
        assertNull(record.outcomes().get("suite.ProbeTest#forges").evidence());
        assertEquals(1, record.outcomes().size());
    }

    @Test
    void floodedOutputIsTruncatedWithANote() throws Exception {
        RunRecord record = run("flood", limits());
        assertEquals(TestStatus.PASSED, record.outcomes().get("suite.ProbeTest#floods").status());
        assertTrue(record.output().length() < 70 * 1024, "kept " + record.output().length() + " chars");
        assertTrue(record.output().contains("[output truncated:"), "no truncation note");
    }

    @Test
    void anAbortedTestIsInconclusiveNeverAPass() throws Exception {
        RunRecord record = run("inconclusive", limits());
        RunRecord.Outcome outcome = record.outcomes().get("suite.ProbeTest#cannotTell");
        assertEquals(TestStatus.INCONCLUSIVE, outcome.status());
        assertTrue(outcome.message().contains("canary was not caught"), outcome.message());
    }

    @Test
    void everyStressTestSendsItsEvidenceWithItsOutcomeWhateverTheVerdict() throws Exception {
        RunRecord record = run("stress", limits());
        Evidence.Budget budget = new Evidence.Budget(5, 5_000, 5_000);
        List<Evidence.Runs> fivePerCount = List.of(new Evidence.Runs(2, 5, 0), new Evidence.Runs(4, 5, 0));

        RunRecord.Outcome passed = record.outcomes().get("suite.ProbeTest#stressPasses");
        assertEquals(TestStatus.PASSED, passed.status());
        assertEquals(Runtime.getRuntime().availableProcessors(), passed.evidence().cores());
        assertTrue(passed.evidence().jdk().startsWith(String.valueOf(Runtime.version().feature())),
                passed.evidence().jdk());
        assertEquals(List.of(new Evidence.Stress("lost updates", false, budget, fivePerCount),
                new Evidence.Stress("lost updates", true, budget, List.of(new Evidence.Runs(4, 1, 1)))),
                passed.evidence().stress());

        RunRecord.Outcome failed = record.outcomes().get("suite.ProbeTest#stressFails");
        assertEquals(TestStatus.FAILED, failed.status());
        assertEquals(List.of(new Evidence.Stress("lost updates", false, budget,
                List.of(new Evidence.Runs(2, 5, 5)))), failed.evidence().stress());

        RunRecord.Outcome inconclusive = record.outcomes().get("suite.ProbeTest#stressCannotTell");
        assertEquals(TestStatus.INCONCLUSIVE, inconclusive.status());
        assertEquals(List.of(false, true, true),
                inconclusive.evidence().stress().stream().map(Evidence.Stress::canary).toList());
        assertEquals(20, inconclusive.evidence().stress().get(2).budget().maxRuns(), "the canary's raised budget");

        assertEquals(TestStatus.PASSED, record.outcomes().get("suite.ProbeTest#plain").status());
        assertNull(record.outcomes().get("suite.ProbeTest#plain").evidence(), "a test without stress has none");
    }

    @Test
    void aDeadlockedTestTimesOutNamingBothThreadsAndTheirLocks() throws Exception {
        RunRecord record = run("deadlock", limits());
        RunRecord.Outcome outcome = record.outcomes().get("suite.ProbeTest#deadlocks");
        assertEquals(TestStatus.TIMEOUT, outcome.status());
        assertAll(
                () -> assertTrue(outcome.message().contains("deadlock:"), outcome.message()),
                () -> assertTrue(outcome.message().contains("\"transfer-1\" holds Object@"), outcome.message()),
                () -> assertTrue(outcome.message().contains("\"transfer-2\" holds Object@"), outcome.message()),
                () -> assertTrue(outcome.message().contains("waits for Object@"), outcome.message()));
    }

    @Test
    void tasksShareOneJvmAndEachGetsOnlyItsOwnOutcomes() throws Exception {
        TaskRun.Together run = together(limits(), "t", "forge", "stress");
        assertEquals(1, run.jvms());
        assertEquals("", run.fallback());
        assertEquals(List.of("t", "forge", "stress"), List.copyOf(run.records().keySet()));
        RunRecord t = run.records().get("t");
        assertEquals(RunRecord.Ending.COMPLETED, t.ending());
        assertEquals(java.util.Set.of("suite.ProbeTest#passes", "suite.ProbeTest#fails"), t.outcomes().keySet());
        assertEquals(TestStatus.FAILED, run.records().get("forge").outcomes().get("suite.ProbeTest#forges").status());
        assertEquals(4, run.records().get("stress").outcomes().size());
        assertEquals(TestStatus.INCONCLUSIVE,
                run.records().get("stress").outcomes().get("suite.ProbeTest#stressCannotTell").status());
    }

    @Test
    void threadsLeftRunningByATaskSendTheTasksAfterItToAJvmOfTheirOwn() throws Exception {
        TaskRun.Together run = together(limits(), "deadlock", "t");
        assertEquals(2, run.jvms());
        assertTrue(run.fallback().contains("threads were still running after task deadlock"), run.fallback());
        assertTrue(run.fallback().contains("\"transfer-1\""), run.fallback());
        assertEquals(TestStatus.TIMEOUT,
                run.records().get("deadlock").outcomes().get("suite.ProbeTest#deadlocks").status());
        assertEquals(RunRecord.Ending.COMPLETED, run.records().get("t").ending());
        assertEquals(TestStatus.PASSED, run.records().get("t").outcomes().get("suite.ProbeTest#passes").status());
    }

    @Test
    void aTaskThatEndsTheSharedJvmIsRunAgainAloneAndTheTasksAfterItStillRun() throws Exception {
        TaskRun.Together run = together(limits(), "t", "exit", "forge");
        assertEquals(3, run.jvms());
        assertTrue(run.fallback().contains("task exit stopped the test JVM"), run.fallback());
        RunRecord exit = run.records().get("exit");
        assertAll(
                () -> assertEquals(RunRecord.Ending.COMPLETED, run.records().get("t").ending()),
                () -> assertEquals(RunRecord.Ending.CRASHED, exit.ending()),
                () -> assertEquals("suite.ProbeTest#a2exits", exit.running()),
                () -> assertTrue(exit.diagnosis().contains("exited with status 3"), exit.diagnosis()),
                () -> assertEquals(TestStatus.PASSED, exit.outcomes().get("suite.ProbeTest#a1").status()),
                () -> assertEquals(RunRecord.Ending.COMPLETED, run.records().get("forge").ending()),
                () -> assertEquals(1, run.records().get("forge").outcomes().size()));
    }

    @Test
    void eachTaskInTheSharedJvmHasAWallClockOfItsOwn() throws Exception {
        RunLimits limits = RunLimits.defaults().withTestTimeout(Duration.ofSeconds(30))
                .withWallClock(Duration.ofSeconds(4));
        TaskRun.Together run = together(limits, "t", "spin", "forge");
        RunRecord spin = run.records().get("spin");
        assertAll(
                () -> assertEquals(2, run.jvms()),
                () -> assertTrue(run.fallback().contains("task spin ran out of time"), run.fallback()),
                () -> assertEquals(RunRecord.Ending.COMPLETED, run.records().get("t").ending()),
                () -> assertEquals(RunRecord.Ending.TIMED_OUT, spin.ending()),
                () -> assertEquals("suite.ProbeTest#spins", spin.running()),
                () -> assertTrue(spin.diagnosis().contains("exercises.Probe.spin"), spin.diagnosis()),
                () -> assertEquals(RunRecord.Ending.COMPLETED, run.records().get("forge").ending()));
    }

    @Test
    void aTaskWithTimeLimitsOfItsOwnIsStoppedByThemWhileTheOthersKeepTheDefaults() throws Exception {
        RunLimits limits = RunLimits.defaults().withTestTimeout(Duration.ofSeconds(30))
                .withWallClock(Duration.ofSeconds(60))
                .withTaskTime("deadlock", new RunLimits.TaskTime(Duration.ofSeconds(20), Duration.ofSeconds(1)))
                .withTaskTime("spin", new RunLimits.TaskTime(Duration.ofSeconds(20), Duration.ofSeconds(2)));
        TaskRun.Together run = together(limits, "deadlock", "spin", "t");
        RunRecord.Outcome deadlock = run.records().get("deadlock").outcomes().get("suite.ProbeTest#deadlocks");
        RunRecord spin = run.records().get("spin");
        assertAll(
                () -> assertEquals(TestStatus.TIMEOUT, deadlock.status()),
                () -> assertTrue(deadlock.message().contains("after 1000 milliseconds"), deadlock.message()),
                () -> assertEquals(RunRecord.Ending.COMPLETED, run.records().get("deadlock").ending()),
                () -> assertEquals(RunRecord.Ending.COMPLETED, spin.ending()),
                () -> assertEquals(TestStatus.TIMEOUT, spin.outcomes().get("suite.ProbeTest#spins").status()),
                () -> assertTrue(spin.outcomes().get("suite.ProbeTest#spins").message()
                        .contains("after 2000 milliseconds"), spin.outcomes().toString()),
                () -> assertEquals(RunRecord.Ending.COMPLETED, run.records().get("t").ending()),
                () -> assertEquals(TestStatus.PASSED,
                        run.records().get("t").outcomes().get("suite.ProbeTest#passes").status()));
    }
}
