package exercises.launch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Task {@code launch}: start threads, let them run at the same time, and wait for them.
 *
 * <p>Write {@link #runAll(List, List)} and {@link #demo(Consumer, Duration)}; {@link #main(String[])} is given.
 */
public final class Launcher {

    private Launcher() {
    }

    /**
     * Runs every task on a thread of its own and waits until all of them have ended.
     *
     * <p>What to write:
     * <ul>
     *   <li>for each index {@code i}, create a new {@link Thread} named {@code names.get(i)} that runs
     *       {@code tasks.get(i)} exactly once (never run a task on the thread that called this method);</li>
     *   <li>start <em>every</em> thread before you join <em>any</em>, so the tasks run at the same time: the tests give
     *       you tasks that wait for each other at a barrier, and they only get through if all of them are running;</li>
     *   <li>return only after every thread you started has ended ({@link Thread#join()});</li>
     *   <li>if a task throws, keep waiting for the others, then throw an {@link ExecutionException} whose cause is the
     *       exception of the first failing task in list order (not the first in time);</li>
     *   <li>throw {@link IllegalArgumentException} where the lists differ in size or hold a {@code null}; with two
     *       empty lists, return at once.</li>
     * </ul>
     * Hint: an exception thrown inside a thread does not reach the thread that joins it. Catch it in the thread
     * (wrap the task) or record it with {@link Thread#setUncaughtExceptionHandler}, and look at it after the joins.
     *
     * @param names the name of each task's thread
     * @param tasks the tasks, one per name
     * @throws InterruptedException where the calling thread is interrupted while it waits
     * @throws ExecutionException   where a task threw; the cause is the first failure in list order
     */
    public static void runAll(List<String> names, List<Runnable> tasks)
            throws InterruptedException, ExecutionException {
        throw new UnsupportedOperationException("Task launch: Launcher.runAll(names, tasks) is not written yet: "
                + "start one thread per task, named names.get(i), start them all, then join them all");
    }

    /**
     * Replays the walkthrough of the lecture with two threads.
     *
     * <p>What to write: start a thread named {@code "Thread 1"} with {@code x = 1}, {@code y = 2} and a thread named
     * {@code "Thread 2"} with {@code x = 0.1}, {@code y = 0.2}. Each thread
     * <ol>
     *   <li>logs {@code "<name> got x=<x>, y=<y>"} (the doubles as {@code String.valueOf} prints them:
     *       {@code "Thread 1 got x=1.0, y=2.0"}),</li>
     *   <li>sleeps {@code (x + y) * unit},</li>
     *   <li>logs {@code "<name> finished after <x + y> seconds"}, with two decimals and {@code Locale.ROOT}:
     *       {@code String.format(Locale.ROOT, "%.2f", x + y)}.</li>
     * </ol>
     * After both threads have finished, the calling thread logs {@code "Main thread finished"}. With a unit of one
     * second that is:
     * <pre>
     * Thread 1 got x=1.0, y=2.0
     * Thread 2 got x=0.1, y=0.2
     * Thread 2 finished after 0.30 seconds
     * Thread 1 finished after 3.00 seconds
     * Main thread finished
     * </pre>
     * (the first two lines may come in either order). The tests call it with a shorter unit and check the lines,
     * their order, and on which thread each one is logged.
     *
     * @param log  receives each line; called from several threads
     * @param unit how long one "second" of the walkthrough lasts
     * @throws InterruptedException where the calling thread is interrupted while it waits
     */
    public static void demo(Consumer<String> log, Duration unit) throws InterruptedException {
        throw new UnsupportedOperationException("Task launch: Launcher.demo(log, unit) is not written yet: "
                + "start \"Thread 1\" (x=1, y=2) and \"Thread 2\" (x=0.1, y=0.2), each logs, sleeps (x + y) * unit "
                + "and logs again; join both, then log \"Main thread finished\"");
    }

    /**
     * Runs the demo with one-second units and prints it. Given: after {@code ./mvnw -q -pl starter compile}, run it
     * with {@code java -cp starter/target/classes exercises.launch.Launcher}.
     */
    public static void main(String[] args) throws InterruptedException {
        demo(System.out::println, Duration.ofSeconds(1));
    }
}
