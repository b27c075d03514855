package exercises.race;

import exercises.Counter;

/** Hostile (or careless): uses a helper class that was never handed in. */
public final class RaceDemo {

    private RaceDemo() {
    }

    public static long run(Counter counter, int threads, int perThread) throws InterruptedException {
        return RaceHelper.runTogether(counter, threads, perThread);
    }

    public static long lostUpdates(int threads, int perThread, int attempts) throws InterruptedException {
        return RaceHelper.lostUpdates(threads, perThread, attempts);
    }
}
