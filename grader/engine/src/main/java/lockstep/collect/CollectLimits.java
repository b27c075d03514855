package lockstep.collect;

/**
 * How much of a submission the grader is willing to read.
 *
 * @param maxFileBytes    the largest source file read; a larger one is refused and its task does not compile
 * @param maxFilesPerTask the most source files read for one task; a task with more does not compile
 * @param maxIgnoredListed the most ignored files listed one by one; the rest are counted in one last line
 */
public record CollectLimits(long maxFileBytes, int maxFilesPerTask, int maxIgnoredListed) {

    /** 256 KiB per file, 100 files per task, 200 ignored files listed: far above any honest submission. */
    public static final CollectLimits DEFAULT = new CollectLimits(256 * 1024, 100, 200);

    public CollectLimits {
        if (maxFileBytes < 1 || maxFilesPerTask < 1 || maxIgnoredListed < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
