package lockstep.hidden.locks;

import static lockstep.hidden.Checks.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import exercises.locks.Account;
import lockstep.api.Graded;
import org.junit.jupiter.api.DisplayName;

/** Task {@code locks}: {@link Account} stores its id and balance and rejects what cannot be an account. */
class AccountHiddenTest {

    @Graded(task = "locks", points = 3)
    @DisplayName("Account keeps its id and opening balance (0 included) and rejects a null id or a negative balance")
    void keepsIdAndBalanceAndChecksThem() throws Exception {
        Account account = new Account("acc-7", 250);
        assertEquals("acc-7", account.id(), "new Account(\"acc-7\", 250).id()");
        assertEquals(250, account.balance(), "new Account(\"acc-7\", 250).balance()");
        Account empty = new Account("", 0);
        assertEquals("", empty.id(), "new Account(\"\", 0).id()");
        assertEquals(0, empty.balance(), "new Account(\"\", 0).balance(): an account may open empty");
        Account rich = new Account("rich", Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, rich.balance(), "new Account(\"rich\", Long.MAX_VALUE).balance()");

        assertRejected("new Account(null, 10)", "an account needs an id", () -> new Account(null, 10));
        assertRejected("new Account(\"a\", -1)", "balance < 0", () -> new Account("a", -1));
        assertRejected("new Account(\"a\", Long.MIN_VALUE)", "balance < 0", () -> new Account("a", Long.MIN_VALUE));
    }
}
