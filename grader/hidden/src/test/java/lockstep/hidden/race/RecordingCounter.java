package lockstep.hidden.race;

import exercises.Counter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A correct counter that also records how many increments each thread made. Thread-safe. */
final class RecordingCounter implements Counter {

    private final Map<Thread, AtomicLong> byThread = new ConcurrentHashMap<>();
    private final AtomicLong count = new AtomicLong();

    @Override
    public void increment() {
        byThread.computeIfAbsent(Thread.currentThread(), t -> new AtomicLong()).incrementAndGet();
        count.incrementAndGet();
    }

    @Override
    public long get() {
        return count.get();
    }

    /** Increments per thread, as recorded so far. */
    Map<Thread, Long> byThread() {
        Map<Thread, Long> copy = new ConcurrentHashMap<>();
        byThread.forEach((thread, calls) -> copy.put(thread, calls.get()));
        return copy;
    }
}
