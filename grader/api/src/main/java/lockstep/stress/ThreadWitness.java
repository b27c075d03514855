package lockstep.stress;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * Records which thread ran each of {@code tasks} tasks, to check afterwards that each ran exactly once, on a new
 * thread of its own (not the caller's, not one that existed before) with the expected name, and that every such
 * thread had terminated when the code under test returned. Create it on the calling thread just before the call;
 * {@link #task} wrappers are safe to run from any thread.
 */
public final class ThreadWitness {

    private record Sighting(Thread thread, String name) {
    }

    private final Thread caller = Thread.currentThread();
    private final Set<Thread> existing = new HashSet<>(Thread.getAllStackTraces().keySet());
    private final List<List<Sighting>> sightings = new ArrayList<>();

    /** A witness for {@code tasks} tasks, created on the thread that will call the code under test. */
    public ThreadWitness(int tasks) {
        for (int i = 0; i < tasks; i++) {
            sightings.add(new ArrayList<>());
        }
    }

    /** {@code body} as task {@code index}: records the thread that runs it (and that thread's name), then runs it. */
    public Runnable task(int index, Runnable body) {
        Objects.requireNonNull(body, "body");
        List<Sighting> seen = sightings.get(index);
        return () -> {
            Thread me = Thread.currentThread();
            synchronized (seen) {
                seen.add(new Sighting(me, me.getName()));
            }
            body.run();
        };
    }

    /** The threads that ran task {@code index}, in order. */
    public List<Thread> threadsOf(int index) {
        List<Sighting> seen = sightings.get(index);
        synchronized (seen) {
            return seen.stream().map(Sighting::thread).toList();
        }
    }

    /**
     * Fails unless each task ran exactly once, each on a thread of its own that is not the caller's nor one that was
     * alive when this witness was made, named {@code names.get(i)}.
     */
    public void verifyEachRanOnceOnOwnNewThread(List<String> names) {
        Set<Thread> used = new HashSet<>();
        for (int i = 0; i < sightings.size(); i++) {
            List<Sighting> seen;
            synchronized (sightings.get(i)) {
                seen = List.copyOf(sightings.get(i));
            }
            if (seen.size() != 1) {
                throw new AssertionFailedError("task " + i + " ran " + (seen.isEmpty() ? "never" : seen.size()
                        + " times") + ": every task must run exactly once");
            }
            Sighting sighting = seen.get(0);
            if (sighting.thread() == caller) {
                throw ranOnTheCaller(i, "");
            }
            if (existing.contains(sighting.thread())) {
                throw new AssertionFailedError("task " + i + " ran on thread \"" + sighting.name()
                        + "\", which existed before the call: start a new thread for each task");
            }
            if (!used.add(sighting.thread())) {
                throw new AssertionFailedError("task " + i + " ran on thread \"" + sighting.name()
                        + "\", which also ran another task: start a new thread for each task");
            }
            if (!sighting.name().equals(names.get(i))) {
                throw new AssertionFailedError("task " + i + " ran on a thread named \"" + sighting.name()
                        + "\", expected \"" + names.get(i) + "\"");
            }
        }
    }

    /**
     * Fails where a thread that ran a task is still alive: the code under test returned without joining it, or ran
     * the task on the calling thread itself (which is alive, but no thread of the task's own).
     */
    public void verifyAllTerminated() {
        for (int i = 0; i < sightings.size(); i++) {
            for (Thread thread : threadsOf(i)) {
                if (thread == caller) {
                    throw ranOnTheCaller(i, " instead of a thread of its own, so there was no thread to wait for");
                }
                if (thread.isAlive()) {
                    throw new AssertionFailedError("thread \"" + thread.getName() + "\" (task " + i
                            + ") was still running when the call returned: join every thread you start");
                }
            }
        }
    }

    private AssertionFailedError ranOnTheCaller(int task, String consequence) {
        return new AssertionFailedError("task " + task + " ran on the calling thread (the one that called the method"
                + " under test)" + consequence + ": start a new thread for each task");
    }
}
