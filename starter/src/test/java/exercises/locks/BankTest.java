package exercises.locks;

import static exercises.ArgumentChecks.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exercises.StressBudget;
import exercises.TestThreads;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import lockstep.api.Graded;
import org.junit.jupiter.api.DisplayName;

/**
 * Task {@code locks}: {@link Bank#transfer} moves money as one atomic step, never overdraws, and never deadlocks.
 * The tests with threads repeat their rounds for a while (a {@link StressBudget}): a race does not show on every run.
 */
class BankTest {

    private static final StressBudget RANDOM_TRANSFERS = new StressBudget(5, Duration.ofMillis(500));
    private static final StressBudget WITHDRAWALS = new StressBudget(5, Duration.ofMillis(1_500));
    private static final StressBudget OPPOSITE_TRANSFERS = new StressBudget(3, Duration.ofMillis(1_000));

    @Graded(task = "locks", points = 2)
    @DisplayName("transfer moves the amount when the balance covers it, and nothing otherwise")
    void movesTheAmountOrNothing() {
        Account a = new Account("A", 100);
        Account b = new Account("B", 50);

        assertTrue(Bank.transfer(a, b, 30), "transfer(A holding 100, B, 30) should return true");
        assertBalances(a, 70, b, 80, "after moving 30 from A to B");
        assertTrue(Bank.transfer(a, b, 70), "transfer(A holding 70, B, 70) should return true: A may give all it has");
        assertBalances(a, 0, b, 150, "after moving A's last 70 to B");
        assertFalse(Bank.transfer(a, b, 1), "transfer(A holding 0, B, 1) should return false");
        assertFalse(Bank.transfer(b, a, 151), "transfer(B holding 150, A, 151) should return false");
        assertBalances(a, 0, b, 150, "after two refused transfers (a refused transfer moves nothing)");
        assertTrue(Bank.transfer(b, a, 150), "transfer(B holding 150, A, 150) should return true");
        assertBalances(a, 150, b, 0, "after moving 150 back from B to A");

        Account twin1 = new Account("twin", 10);
        Account twin2 = new Account("twin", 10);
        assertTrue(Bank.transfer(twin1, twin2, 10), "two different accounts that share the id 'twin' are still two"
                + " accounts: transfer(twin1 holding 10, twin2, 10) should return true");
        assertBalances(twin1, 0, twin2, 20, "after moving 10 between two accounts both named 'twin'");
    }

    @Graded(task = "locks", points = 1)
    @DisplayName("transfer rejects a non-positive amount, the same account twice, and null accounts")
    void rejectsBadArguments() throws Exception {
        Account a = new Account("A", 100);
        Account b = new Account("B", 100);

        assertRejected("transfer(A, B, 0)", () -> Bank.transfer(a, b, 0));
        assertRejected("transfer(A, B, -5)", () -> Bank.transfer(a, b, -5));
        assertRejected("transfer(A, A, 10)", () -> Bank.transfer(a, a, 10));
        assertRejected("transfer(null, B, 10)", () -> Bank.transfer(null, b, 10));
        assertRejected("transfer(A, null, 10)", () -> Bank.transfer(a, null, 10));
        assertBalances(a, 100, b, 100, "after five rejected transfers (they must move nothing)");
    }

    @Graded(task = "locks", points = 2)
    @DisplayName("8 threads transferring at random between 4 accounts never create or destroy money")
    void conservesTheTotalUnderContention() throws Exception {
        int threads = 8;
        int transfers = 20_000;
        long start = System.nanoTime();
        for (int round = 1; RANDOM_TRANSFERS.allows(round, start); round++) {
            Account[] accounts = new Account[4];
            for (int i = 0; i < accounts.length; i++) {
                accounts[i] = new Account("acc" + i, 1_000);
            }
            long seed = round;

            TestThreads.runTogether("random transfers", index -> "transfers #" + index, threads, index -> {
                SplittableRandom random = new SplittableRandom(seed * 1_000 + index);
                for (int i = 0; i < transfers; i++) {
                    int from = random.nextInt(accounts.length);
                    int to = (from + 1 + random.nextInt(accounts.length - 1)) % accounts.length;
                    Bank.transfer(accounts[from], accounts[to], 1 + random.nextInt(50));
                }
            });

            long total = Arrays.stream(accounts).mapToLong(Account::balance).sum();
            String when = "with " + threads + " threads making " + transfers + " random transfers each (round "
                    + round + ")";
            assertEquals(4_000, total, () -> when + ", the 4 accounts ended with " + total + " in total instead of"
                    + " 4000 (balances " + balances(accounts) + "): money was created or destroyed. Hold the locks"
                    + " of both accounts while you move the money");
            for (Account account : accounts) {
                assertTrue(account.balance() >= 0, () -> when + ", account " + account.id() + " ended at "
                        + account.balance() + ": a transfer withdrew more than the account held");
            }
        }
    }

    @Graded(task = "locks", points = 2)
    @DisplayName("no balance goes below zero when several threads withdraw from the same account at once")
    void neverOverdrawsUnderContention() throws Exception {
        int threads = 4;
        int coins = 200_000;
        long start = System.nanoTime();
        for (int round = 1; WITHDRAWALS.allows(round, start); round++) {
            Account source = new Account("source", coins);
            Account[] sinks = new Account[threads];
            for (int i = 0; i < threads; i++) {
                sinks[i] = new Account("sink" + i, 0);
            }
            AtomicLong paidOut = new AtomicLong();

            // Every thread withdraws 1 at a time until the source refuses: near the end they all compete for
            // the last coins, and each one must be paid out exactly once.
            TestThreads.runTogether("withdrawals", i -> "withdraw #" + i, threads, index -> {
                while (paidOut.get() <= coins && Bank.transfer(source, sinks[index], 1)) {
                    paidOut.incrementAndGet();
                }
            });

            String when = "with " + threads + " threads withdrawing 1 at a time from an account holding " + coins
                    + " until it refused (round " + round + ")";
            long left = source.balance();
            assertTrue(left >= 0, () -> when + ", the account ended at " + left + ": two withdrawals both passed"
                    + " the balance check before either took the money. The check and the withdrawal must be one"
                    + " critical section (check-then-act)");
            assertEquals(coins, paidOut.get(), () -> when + ", the transfers that returned true paid out "
                    + paidOut.get() + " although the account held " + coins + " (it ends at " + left + "):"
                    + " withdrawals were lost or paid twice");
            assertEquals(0, left, () -> when + ", the account still holds " + left + " although transfer refused");
            long received = Arrays.stream(sinks).mapToLong(Account::balance).sum();
            assertEquals(coins, received, () -> when + ", the other accounts received " + received + " in all"
                    + " instead of " + coins + ": deposits were lost");
        }
    }

    @Graded(task = "locks", points = 2)
    @DisplayName("transfers in opposite directions between the same two accounts finish in time: no deadlock")
    void oppositeTransfersDoNotDeadlock() throws Exception {
        int threads = 4;
        int transfers = 20_000;
        long opening = 1_000_000;
        long start = System.nanoTime();
        for (int round = 1; OPPOSITE_TRANSFERS.allows(round, start); round++) {
            Account a = new Account("A", opening);
            Account b = new Account("B", opening);
            AtomicLong movedAtoB = new AtomicLong();
            AtomicLong movedBtoA = new AtomicLong();
            AtomicReference<String> refused = new AtomicReference<>();

            // Fails with the threads' locks where they deadlock: A->B holds A and waits for B, B->A the other way.
            TestThreads.runTogether("transfers in opposite directions", BankTest::direction, threads, index -> {
                Account from = index % 2 == 0 ? a : b;
                Account to = from == a ? b : a;
                AtomicLong moved = from == a ? movedAtoB : movedBtoA;
                for (int i = 0; i < transfers; i++) {
                    if (Bank.transfer(from, to, 1)) {
                        moved.incrementAndGet();
                    } else {
                        refused.compareAndSet(null, "transfer(" + from.id() + ", " + to.id() + ", 1) returned"
                                + " false although " + from.id() + " held about " + opening);
                    }
                }
            });

            String when = "after " + threads / 2 + " threads moved " + transfers + " x 1 from A to B and "
                    + threads / 2 + " threads moved as much back (round " + round + ")";
            assertNull(refused.get(), () -> when + ": " + refused.get());
            long expectedA = opening - movedAtoB.get() + movedBtoA.get();
            assertEquals(expectedA, a.balance(), () -> when + ", A should hold " + expectedA + ", but it holds "
                    + a.balance() + " (B holds " + b.balance() + "): updates were lost");
            long expectedB = 2 * opening - expectedA;
            assertEquals(expectedB, b.balance(), () -> when + ", B should hold " + expectedB + ", but it holds "
                    + b.balance() + ": updates were lost");
        }
    }

    /** Even threads move money from A to B, odd ones from B to A. */
    private static String direction(int index) {
        return (index % 2 == 0 ? "A->B #" : "B->A #") + index;
    }

    private static void assertBalances(Account a, long balanceA, Account b, long balanceB, String when) {
        assertEquals(balanceA, a.balance(), () -> when + ", " + a.id() + " should hold " + balanceA);
        assertEquals(balanceB, b.balance(), () -> when + ", " + b.id() + " should hold " + balanceB);
    }

    private static String balances(Account[] accounts) {
        return Arrays.stream(accounts).map(a -> a.id() + "=" + a.balance()).collect(Collectors.joining(", "));
    }
}
