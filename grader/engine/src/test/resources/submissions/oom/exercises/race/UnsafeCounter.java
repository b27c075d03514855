package exercises.race;

import exercises.Counter;
import java.util.ArrayList;
import java.util.List;

/** Test submission: every increment keeps another megabyte. */
public final class UnsafeCounter implements Counter {

    private static final List<long[]> HOARD = new ArrayList<>();
    private long count;

    @Override
    public void increment() {
        HOARD.add(new long[128 * 1024]);
        count++;
    }

    @Override
    public long get() {
        return count;
    }
}
