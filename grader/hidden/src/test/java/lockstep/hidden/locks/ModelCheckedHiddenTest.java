package lockstep.hidden.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import exercises.Counter;
import exercises.locks.Account;
import exercises.locks.AtomicCounter;
import exercises.locks.Bank;
import exercises.locks.LockedCounter;
import exercises.locks.SynchronizedCounter;
import java.util.function.Supplier;
import lockstep.api.Graded;
import lockstep.modelcheck.ModelCheck;
import lockstep.modelcheck.ModelCheckSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Task {@code locks} under model checking: Lincheck explores the interleavings of two threads step by step, so a
 * race that stress testing would catch only by luck is found every time, and the feedback shows the interleaving.
 * Where model checking is off (JDK 25), the same scenarios run many times on real threads instead, and the report
 * says that the verdict rests on stress tests. Every test here is a model check, so the checks share one
 * instrumentation ({@link ModelCheckSession}).
 */
@ExtendWith(ModelCheckSession.class)
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
            if (moved[0] == moved[1]) {
                fail("exactly one of two transfers of 60 from a balance of 100 may succeed, but "
                        + (moved[0] ? "both" : "neither") + " did");
            }
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

    /**
     * Where the money of a transfer is while it runs, seen only through other transfers (never through
     * {@code balance()}, which may legitimately read a volatile field without the lock): thread-1 moves 100 from a
     * to b; thread-2 then tries to move 100 from a to c, and after that 100 from b to c. In any one-at-a-time order
     * of the three transfers either thread-1's goes first (a is empty, b holds 100: the first of thread-2's fails,
     * the second succeeds) or thread-2's first one does (it takes the 100, thread-1's fails, the second finds b
     * empty). Both of thread-2's failing beside a successful thread-1 means thread-2 found the 100 in neither
     * account: gone from a, not yet in b.
     */
    @Graded(task = "locks", points = 2)
    @DisplayName("transfer is one atomic step: no other transfer finds the money gone from one account and not yet in "
            + "the other (model checked)")
    void transferIsOneStepInEveryInterleaving() {
        check("a transfer was not one atomic step", () -> {
            Account a = new Account("a", 100);
            Account b = new Account("b", 0);
            Account c = new Account("c", 0);
            boolean[] moved = new boolean[3];
            inParallel(() -> moved[0] = Bank.transfer(a, b, 100), () -> {
                moved[1] = Bank.transfer(a, c, 100);
                moved[2] = Bank.transfer(b, c, 100);
            });
            boolean oneAtATime = moved[0] ? !moved[1] && moved[2] : moved[1] && !moved[2];
            if (!oneAtATime) {
                fail(notOneStep(moved));
            }
            assertEquals(100, a.balance() + b.balance() + c.balance(), "the total of a, b and c after the transfers");
        });
    }

    /** What the three results say when no one-at-a-time order of the three transfers gives them. */
    private static String notOneStep(boolean[] moved) {
        boolean moneyInNeitherAccount = moved[0] && !moved[1] && !moved[2];
        if (moneyInNeitherAccount) {
            return "the money was in neither account: while thread-1's transfer(a, b, 100) ran, thread-2's "
                    + "transfer(a, c, 100) found a without the 100 and then its transfer(b, c, 100) found b without it "
                    + "too. Withdraw and deposit inside one critical section that holds both accounts' locks";
        }
        return "transfer(a, b, 100) returned " + moved[0] + ", then on another thread transfer(a, c, 100) returned "
                + moved[1] + " and transfer(b, c, 100) returned " + moved[2]
                + ": no one-at-a-time order of the three transfers gives these results";
    }
}
