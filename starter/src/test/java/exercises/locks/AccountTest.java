package exercises.locks;

import static exercises.ArgumentChecks.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import lockstep.api.Graded;
import org.junit.jupiter.api.DisplayName;

/** Task {@code locks}: an {@link Account} keeps its id and balance, and refuses to open in a bad state. */
class AccountTest {

    @Graded(task = "locks", points = 1)
    @DisplayName("an Account keeps its id and its opening balance (0 is allowed)")
    void keepsIdAndBalance() {
        Account alice = new Account("alice", 100);
        assertEquals("alice", alice.id(), "new Account(\"alice\", 100).id()");
        assertEquals(100, alice.balance(), "new Account(\"alice\", 100).balance()");
        assertEquals(0, new Account("empty", 0).balance(), "new Account(\"empty\", 0).balance()");
    }

    @Graded(task = "locks", points = 1)
    @DisplayName("an Account rejects a null id and a negative balance")
    void rejectsNullIdAndNegativeBalance() throws Exception {
        assertRejected("new Account(null, 100)", () -> new Account(null, 100));
        assertRejected("new Account(\"bob\", -1)", () -> new Account("bob", -1));
    }
}
