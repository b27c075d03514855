package exercises.race;

import exercises.Counter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A correct counter that also records which threads called {@link #increment()}, and how often. */
final class RecordingCounter implements Counter {

    private final AtomicLong count = new AtomicLong();
    private final Map<Thread, AtomicLong> callsByThread = new ConcurrentHashMap<>();

    @Override
    public void increment() {
        callsByThread.computeIfAbsent(Thread.currentThread(), thread -> new AtomicLong()).incrementAndGet();
        count.incrementAndGet();
    }

    @Override
    public long get() {
        return count.get();
    }

    /** How often each thread called {@link #increment()}. */
    Map<Thread, Long> callsByThread() {
        Map<Thread, Long> calls = new ConcurrentHashMap<>();
        callsByThread.forEach((thread, n) -> calls.put(thread, n.get()));
        return calls;
    }
}
