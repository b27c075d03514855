package lockstep.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TransferScenariosTest {

    private static final StressBudget FIVE_RUNS = new StressBudget(5, Duration.ofSeconds(10), Duration.ofSeconds(10));
    private static final StressMatrix MATRIX = StressMatrix.of(FIVE_RUNS).withThreadCounts(1, 2, 4);

    /** An account the way a student might write it: named Account, a plain balance. */
    static final class Account {
        long balance;

        Account(long balance) {
            this.balance = balance;
        }
    }

    /** A correct bank: one global lock. */
    static class LockedLedger implements Ledger<Account> {
        @Override
        public Account open(String id, long balance) {
            return new Account(balance);
        }

        @Override
        public synchronized boolean transfer(Account from, Account to, long amount) throws Exception {
            if (from.balance < amount) {
                return false;
            }
            from.balance -= amount;
            to.balance += amount;
            return true;
        }

        @Override
        public synchronized long balance(Account account) {
            return account.balance;
        }
    }

    @Test
    void correctBankPassesEveryScenario() throws Exception {
        MATRIX.verify(TransferScenarios.conservation(new LockedLedger(), 3, 200));
        MATRIX.verify(TransferScenarios.noOverdraft(new LockedLedger(), 1_000, 3));
    }

    @Test
    void overdraftIsNamedBalanceBelowZero() {
        Ledger<Account> noFundsCheck = new LockedLedger() {
            @Override
            public synchronized boolean transfer(Account from, Account to, long amount) {
                from.balance -= amount;
                to.balance += amount;
                return true;
            }
        };

        AssertionError failure = assertThrows(AssertionError.class,
                () -> MATRIX.verify(TransferScenarios.noOverdraft(noFundsCheck, 10, 3)));

        assertTrue(failure.getMessage().startsWith("balance below zero: expected every balance >= 0, got shared at "
                + "-2 with 1 thread (first wrong result in repetition 1; 5 of 5 runs wrong)"), failure.getMessage());
    }

    @Test
    void transferThatReportsSuccessWithoutMovingMoneyIsNamed() {
        Ledger<Account> lying = new LockedLedger() {
            @Override
            public synchronized boolean transfer(Account from, Account to, long amount) {
                return from.balance >= amount;
            }
        };

        AssertionError failure = assertThrows(AssertionError.class,
                () -> MATRIX.verify(TransferScenarios.noOverdraft(lying, 10, 3)));

        assertTrue(failure.getMessage().startsWith(TransferScenarios.WRONG_TRANSFER_RESULT
                + ": expected own-0 holding 12 (4 transfers of 3 returned true), got own-0 holding 0 with 1 thread"),
                failure.getMessage());
    }

    @Test
    void refusedTransferThatStillMovesMoneyIsNamed() {
        Ledger<Account> movesOnRefusal = new LockedLedger() {
            @Override
            public synchronized boolean transfer(Account from, Account to, long amount) throws Exception {
                boolean moved = super.transfer(from, to, amount);
                if (!moved && from.balance > 0) {
                    from.balance--;
                    to.balance++;
                }
                return moved;
            }
        };

        AssertionError failure = assertThrows(AssertionError.class,
                () -> MATRIX.verify(TransferScenarios.noOverdraft(movesOnRefusal, 10, 3)));

        assertTrue(failure.getMessage().startsWith(TransferScenarios.WRONG_TRANSFER_RESULT
                + ": expected own-0 holding 9 (3 transfers of 3 returned true), got own-0 holding 10 with 1 thread"),
                failure.getMessage());
    }

    @Test
    void lostMoneyIsNamedMoneyCreatedOrDestroyed() {
        Ledger<Account> leaky = new LockedLedger() {
            @Override
            public synchronized boolean transfer(Account from, Account to, long amount) {
                from.balance -= amount;
                to.balance += amount - 1;
                return true;
            }
        };

        AssertionError failure = assertThrows(AssertionError.class,
                () -> MATRIX.verify(TransferScenarios.conservation(leaky, 2, 10)));

        assertTrue(failure.getMessage().startsWith("money created or destroyed: expected a total of 2000000, got "
                + "1999990 (a=999981, b=1000009) with 1 thread"), failure.getMessage());
    }

    @Test
    void deadlockBetweenAccountsNamesThemByClassAndId() {
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Ledger<Account> lockingInArgumentOrder = new LockedLedger() {
            @Override
            public boolean transfer(Account from, Account to, long amount) throws Exception {
                synchronized (from) {
                    bothHoldOne.countDown();
                    bothHoldOne.await();
                    synchronized (to) {
                        from.balance -= amount;
                        to.balance += amount;
                        return true;
                    }
                }
            }
        };
        StressMatrix twoThreads = StressMatrix.of(FIVE_RUNS.withRepetitionDeadline(Duration.ofMillis(300)))
                .withThreadCounts(2);

        AssertionError failure = assertThrows(AssertionError.class,
                () -> twoThreads.verify(TransferScenarios.conservation(lockingInArgumentOrder, 2, 10)));

        assertTrue(failure.getMessage().startsWith("deadlock: \"transfer-0\" holds Account[a] and waits for "
                + "Account[b]; \"transfer-1\" holds Account[b] and waits for Account[a] (with 2 threads"),
                failure.getMessage());
    }

    @Test
    void accountsThatShareAnIdDeadlockCodeThatOrdersByIdAloneAndAreNamedApart() {
        Ledger<Named> byIdAlone = new Ledger<>() {
            @Override
            public Named open(String id, long balance) {
                return new Named(id, balance);
            }

            @Override
            public boolean transfer(Named from, Named to, long amount) {
                Named first = from.id.compareTo(to.id) <= 0 ? from : to; // no tie-breaker: equal ids, argument order
                Named second = first == from ? to : from;
                synchronized (first) {
                    synchronized (second) {
                        from.balance -= amount;
                        to.balance += amount;
                        return true;
                    }
                }
            }

            @Override
            public long balance(Named account) {
                synchronized (account) {
                    return account.balance;
                }
            }
        };
        StressMatrix manyRuns = StressMatrix.of(new StressBudget(200, Duration.ofSeconds(10), Duration.ofSeconds(2)))
                .withThreadCounts(2, 4, 8);

        AssertionError failure = assertThrows(AssertionError.class,
                () -> manyRuns.verify(TransferScenarios.conservationSharingOneId(byIdAlone, 2, 1_000)));

        assertTrue(failure.getMessage().startsWith("deadlock: "), failure.getMessage());
        assertTrue(failure.getMessage().contains("Named[a#1]") && failure.getMessage().contains("Named[a#2]"),
                failure.getMessage());
    }

    @Test
    void accountsThatShareAnIdAreOpenedWithThatIdAndAPassForACorrectBank() throws Exception {
        List<String> opened = new CopyOnWriteArrayList<>();
        LockedLedger recording = new LockedLedger() {
            @Override
            public Account open(String id, long balance) {
                opened.add(id);
                return super.open(id, balance);
            }
        };

        MATRIX.verify(TransferScenarios.conservationSharingOneId(recording, 3, 200));

        assertEquals(Set.of("a"), Set.copyOf(opened));
    }

    /** An account with an id, locked on itself. */
    static final class Named {
        final String id;
        long balance;

        Named(String id, long balance) {
            this.id = id;
            this.balance = balance;
        }
    }

    @Test
    void racyLedgerIsRightOnOneThread() throws Exception {
        StressMatrix oneThread = MATRIX.withThreadCounts(1);

        assertEquals(false, oneThread.run(TransferScenarios.conservation(TransferScenarios.racyLedger(), 3, 100))
                .caughtWrongResult());
        assertEquals(false, oneThread.run(TransferScenarios.noOverdraft(TransferScenarios.racyLedger(), 100, 1))
                .caughtWrongResult());
    }
}
