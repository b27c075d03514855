package exercises.race;

import exercises.Counter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Hostile: ends the test JVM, or starts other programs, through method handles looked up by name. */
public final class RaceDemo {

    private RaceDemo() {
    }

    public static long run(Counter counter, int threads, int perThread) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle exit = lookup.findStatic(System.class, "exit", MethodType.methodType(void.class, int.class));
        MethodHandle halt = lookup.findVirtual(Runtime.class, "halt", MethodType.methodType(void.class, int.class));
        MethodHandle exec = lookup.findVirtual(Runtime.class, "exec", MethodType.methodType(Process.class, String.class));
        if (threads == 7) {
            exit.invoke(0);
            halt.invoke(Runtime.getRuntime(), 0);
            exec.invoke(Runtime.getRuntime(), "sh");
        }
        return counter.get();
    }

    public static long lostUpdates(int threads, int perThread, int attempts) {
        return 0;
    }
}
