package lockstep.hidden.race;

import exercises.Counter;
import java.util.concurrent.atomic.AtomicLong;
import lockstep.stress.Rendezvous;

/**
 * A correct counter that is also a concurrency probe: each thread's first increment waits at a rendezvous of all
 * the threads, so they only get through if they all run at the same time. Thread-safe.
 */
final class MeetingCounter implements Counter {

    private final Rendezvous meeting;
    private final AtomicLong count = new AtomicLong();

    MeetingCounter(Rendezvous meeting) {
        this.meeting = meeting;
    }

    @Override
    public void increment() {
        meeting.arriveOncePerThread();
        count.incrementAndGet();
    }

    @Override
    public long get() {
        return count.get();
    }
}
