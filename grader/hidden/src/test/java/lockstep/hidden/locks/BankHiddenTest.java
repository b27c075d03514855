package lockstep.hidden.locks;

import static lockstep.hidden.Checks.assertRejected;
import static lockstep.hidden.HiddenLimits.LIGHT_STRESS;
import static lockstep.hidden.HiddenLimits.STRESS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import exercises.locks.Account;
import exercises.locks.Bank;
import lockstep.api.Graded;
import lockstep.stress.Ledger;
import lockstep.stress.StressMatrix;
import lockstep.stress.TransferScenarios;
import org.junit.jupiter.api.DisplayName;

/**
 * Task {@code locks}: {@link Bank#transfer} under many threads. The starter's transfer checks its arguments and
 * moves money right on one thread, but without locks; so every test here has a concurrent part, and a pass counts
 * only where the same budget catches a bank without locks (the library's canary).
 */
class BankHiddenTest {

    private static final Ledger<Account> BANK = new BankLedger();
    private static final Ledger<?> UNLOCKED = TransferScenarios.racyLedger();
    private static final StressMatrix MATRIX = StressMatrix.of(STRESS);
    private static final int TRANSFERS_PER_THREAD = 1_000;

    @Graded(task = "locks", points = 5)
    @DisplayName("transfer conserves the total with 1 to 16 threads moving money between overlapping accounts")
    void conservesTheTotal() throws Exception {
        for (int accounts : new int[] {3, 5}) {
            MATRIX.verify(TransferScenarios.conservation(BANK, accounts, TRANSFERS_PER_THREAD),
                    TransferScenarios.conservation(UNLOCKED, accounts, TRANSFERS_PER_THREAD));
        }
    }

    @Graded(task = "locks", points = 5)
    @DisplayName("no balance goes below zero while 1 to 16 threads withdraw from one account at once (check-then-act)")
    void neverBelowZero() throws Exception {
        MATRIX.verify(TransferScenarios.noOverdraft(BANK, 10_000, 1),
                TransferScenarios.noOverdraft(UNLOCKED, 10_000, 1));
    }

    @Graded(task = "locks", points = 4)
    @DisplayName("transfer returns false and moves nothing where funds are short, true and moves the amount otherwise, "
            + "also with many threads at once")
    void refusesWhenFundsAreShort() throws Exception {
        Account a = new Account("a", 10);
        Account b = new Account("b", 5);
        expect(false, a, b, 11, 10, 5);
        expect(true, a, b, 10, 0, 15);
        expect(false, a, b, 1, 0, 15);
        expect(true, b, a, 15, 0, 15);
        MATRIX.verify(TransferScenarios.noOverdraft(BANK, 1_000, 3),
                TransferScenarios.noOverdraft(UNLOCKED, 1_000, 3));
    }

    /** Transfers {@code amount} from {@code from} to {@code to}, expecting {@code result} and the balances after. */
    private static void expect(boolean result, Account from, Account to, long amount, long fromAfter, long toAfter) {
        String call = "Bank.transfer(" + from.id() + " with " + from.balance() + ", " + to.id() + " with "
                + to.balance() + ", " + amount + ")";
        boolean returned = Bank.transfer(from, to, amount);
        assertEquals(result, returned, call + " returned " + returned + ", expected " + result
                + (result ? "" : ": " + from.id() + " holds less than the amount"));
        assertEquals(fromAfter, from.balance(), call + " left " + from.id() + " with " + from.balance()
                + ", expected " + fromAfter);
        assertEquals(toAfter, to.balance(), call + " left " + to.id() + " with " + to.balance()
                + ", expected " + toAfter);
    }

    @Graded(task = "locks", points = 5)
    @DisplayName("transfer never deadlocks: 2 to 16 threads transferring in both directions between the same and "
            + "overlapping accounts all finish, also between two accounts that share an id (ids need not be unique)")
    void neverDeadlocks() throws Exception {
        StressMatrix manyThreads = MATRIX.withThreadCounts(2, 4, 8, 16);
        // Two accounts with the same id: a lock order by id alone ties, and locks these two in argument order.
        manyThreads.verify(TransferScenarios.conservationSharingOneId(BANK, 2, TRANSFERS_PER_THREAD),
                TransferScenarios.conservationSharingOneId(UNLOCKED, 2, TRANSFERS_PER_THREAD));
        manyThreads.verify(TransferScenarios.conservation(BANK, 3, TRANSFERS_PER_THREAD),
                TransferScenarios.conservation(UNLOCKED, 3, TRANSFERS_PER_THREAD));
    }

    @Graded(task = "locks", points = 3)
    @DisplayName("transfer rejects amount <= 0, from == to and null accounts without moving money, and stays correct "
            + "under concurrent transfers")
    void checksItsArguments() throws Exception {
        Account a = new Account("a", 100);
        Account b = new Account("b", 100);
        assertRejected("Bank.transfer(a, b, 0)", "amount <= 0", () -> Bank.transfer(a, b, 0));
        assertRejected("Bank.transfer(a, b, -5)", "amount <= 0", () -> Bank.transfer(a, b, -5));
        assertRejected("Bank.transfer(a, b, Long.MIN_VALUE)", "amount <= 0",
                () -> Bank.transfer(a, b, Long.MIN_VALUE));
        assertRejected("Bank.transfer(a, a, 10)", "from == to", () -> Bank.transfer(a, a, 10));
        assertRejected("Bank.transfer(null, b, 10)", "from is null", () -> Bank.transfer(null, b, 10));
        assertRejected("Bank.transfer(a, null, 10)", "to is null", () -> Bank.transfer(a, null, 10));
        assertRejected("Bank.transfer(null, null, 10)", "both are null", () -> Bank.transfer(null, null, 10));
        assertEquals(100, a.balance(), "a rejected transfer changed a's balance to " + a.balance());
        assertEquals(100, b.balance(), "a rejected transfer changed b's balance to " + b.balance());
        StressMatrix light = StressMatrix.of(LIGHT_STRESS);
        light.verify(TransferScenarios.conservation(BANK, 2, 200),
                TransferScenarios.conservation(UNLOCKED, 2, 200));
    }
}
