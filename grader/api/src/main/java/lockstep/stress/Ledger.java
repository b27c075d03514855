package lockstep.stress;

/**
 * How a transfer scenario reaches the accounts under test: open one, transfer between two, read a balance. Tests
 * implement it over the code under test; {@link TransferScenarios#racyLedger()} is the unlocked canary. Called from
 * the scenario's threads concurrently.
 *
 * @param <A> the account type
 */
public interface Ledger<A> {

    /** A new account; called on the test's thread during setup. */
    A open(String id, long balance) throws Exception;

    /** Moves {@code amount} from {@code from} to {@code to} as one step, or returns false and moves nothing. */
    boolean transfer(A from, A to, long amount) throws Exception;

    /** The balance of {@code account}; called on the test's thread after every thread finished. */
    long balance(A account) throws Exception;
}
