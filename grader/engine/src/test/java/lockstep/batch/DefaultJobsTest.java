package lockstep.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How many submissions a batch grades at once unless told: one per core, as many as the memory holds. */
class DefaultJobsTest {

    private static final long GB = 1L << 30;
    private static final int HEAP_MB = 512;

    @Test
    void onePerCoreWhereTheMemoryHoldsThem() {
        assertEquals(2, BatchGrading.defaultJobs(2, 24 * GB, HEAP_MB), "this project's 2-core machine");
        assertEquals(1, BatchGrading.defaultJobs(1, 24 * GB, HEAP_MB));
        assertEquals(16, BatchGrading.defaultJobs(16, 64 * GB, HEAP_MB));
    }

    @Test
    void fewerWhereTheMemoryDoesNotHoldTwiceTheHeapForEachAndNeverNone() {
        assertEquals(2, BatchGrading.defaultJobs(16, 4 * GB, HEAP_MB), "2 GB kept back, then 1 GB a job");
        assertEquals(1, BatchGrading.defaultJobs(16, 4 * GB, 2048), "a 2 GB heap: 4 GB a job");
        assertEquals(8, BatchGrading.defaultJobs(16, 4 * GB, 128));
        assertEquals(1, BatchGrading.defaultJobs(8, GB, HEAP_MB), "at least one, however little memory");
    }

    @Test
    void thisMachinesDefaultIsAtLeastOneAndAtMostOnePerCore() {
        int jobs = BatchGrading.defaultJobs(HEAP_MB);
        assertTrue(jobs >= 1 && jobs <= Runtime.getRuntime().availableProcessors(), jobs + " jobs");
    }
}
