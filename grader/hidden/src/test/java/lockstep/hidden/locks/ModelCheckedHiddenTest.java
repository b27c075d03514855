package lockstep.hidden.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exercises.Counter;
import exercises.locks.Account;
import exercises.locks.AtomicCounter;
import exercises.locks.Bank;
import exercises.locks.LockedCounter;
import exercises.locks.SynchronizedCounter;
import java.util.function.Supplier;
import lockstep.api.Graded;
import lockstep.modelcheck.ModelCheck;
import org.junit.jupiter.api.DisplayName;

/**
 * Task {@code locks} under model checking: Lincheck explores the interleavings of two threads step by step, so a
 * race that stress testing would catch only by luck is found every time, and the feedback shows the interleaving.
 * Where model checking is off (JDK 25), the same scenarios run many times on real threads instead, and the report
 * says that the verdict rests on stress tests.
 */
class ModelCheckedHiddenTest {

    private static final int INTERLEAVINGS = 100;
    private static final int FALLBACK_RUNS = 500;

    private static void check(String concept, Runnable scenario) {
        ModelCheck.checkOrRepeat(concept, INTERLEAVINGS, FALLBACK_RUNS, scenario);
    }

    private static void inParallel(Runnable first, Runnable second) {
        Thread a = new Thread(first, "thread-1");
        Thread b = new Thread(second, "thread-2");
        a.start();
        b.start();
        try {
            a.join();
            b.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining", e);
        }
    }

    private static void twoIncrements(String name, Supplier<Counter> create) {
        check(name + " lost an update", () -> {
            Counter counter = create.get();
            inParallel(() -> counter.increment(), () -> counter.increment());
            assertEquals(2, counter.get(), () -> name + ": two threads incremented once each, so get() must be 2");
        });
    }

    @Graded(task = "locks", points = 2)
    @DisplayName("SynchronizedCounter: no interleaving of two increments loses an update (model checked)")
    void synchronizedCounterInEveryInterleaving() {
        twoIncrements("SynchronizedCounter", () -> new SynchronizedCounter());
    }

    @Graded(task = "locks", points = 2)
    @DisplayName("LockedCounter: no interleaving of two increments loses an update (model checked)")
    void lockedCounterInEveryInterleaving() {
        twoIncrements("LockedCounter", () -> new LockedCounter());
    }

    @Graded(task = "locks", points = 2)
    @DisplayName("AtomicCounter: no interleaving of two increments loses an update (model checked)")
    void atomicCounterInEveryInterleaving() {
        twoIncrements("AtomicCounter", () -> new AtomicCounter());
    }

    @Graded(task = "locks", points = 3)
    @DisplayName("transfer: two withdrawals that together exceed the balance never both succeed (model checked)")
    void checkThenActInEveryInterleaving() {
        check("a check-then-act race overdrew an account", () -> {
            Account from = new Account("from", 100);
            Account to = new Account("to", 0);
            boolean[] moved = new boolean[2];
            inParallel(() -> moved[0] = Bank.transfer(from, to, 60), () -> moved[1] = Bank.transfer(from, to, 60));
            assertTrue(moved[0] ^ moved[1], () -> "exactly one of two transfers of 60 from a balance of 100 may succeed,"
                    + " but " + (moved[0] && moved[1] ? "both" : "neither") + " did");
            assertEquals(40, from.balance(), "from's balance after one transfer of 60");
            assertEquals(60, to.balance(), "to's balance after one transfer of 60");
        });
    }

    @Graded(task = "locks", points = 3)
    @DisplayName("transfer: opposite transfers between two accounts never deadlock and keep the total (model checked)")
    void oppositeTransfersInEveryInterleaving() {
        check("opposite transfers failed", () -> {
            Account a = new Account("a", 50);
            Account b = new Account("b", 50);
            inParallel(() -> Bank.transfer(a, b, 10), () -> Bank.transfer(b, a, 20));
            assertEquals(60, a.balance(), "a after receiving 20 and sending 10");
            assertEquals(40, b.balance(), "b after receiving 10 and sending 20");
        });
    }
}
