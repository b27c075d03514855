package exercises.race;

import exercises.Counter;

/** Corpus: the broken counter pauses between the read and the write, to make the race show more often. */
public final class UnsafeCounter implements Counter {

    private long count;

    @Override
    public void increment() {
        long seen = count;
        if (seen % 1000 == 0) {
            try {
                Thread.sleep(0); // BUG (rule): the race must come from count++ alone, not from a pause
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        count = seen + 1;
    }

    @Override
    public long get() {
        return count;
    }
}
