package exercises.locks;

/**
 * Task {@code locks}: a bank account that {@link Bank#transfer} moves money between.
 *
 * <p>What to write: the constructor, and then make the account safe to share between threads:
 * <ul>
 *   <li>the constructor stores the id and the opening balance, and throws {@link IllegalArgumentException} for a
 *       {@code null} id or a negative balance;</li>
 *   <li>{@link #balance()} must see the latest balance written by any thread (visibility): read it under the same
 *       lock that {@link Bank#transfer} holds while it changes the balance (or make the field {@code volatile});</li>
 *   <li>you may add package-private members that {@code Bank} needs, for example a lock per account, or a number
 *       that tells in which order to lock two accounts. Do not change the public methods.</li>
 * </ul>
 */
public final class Account {

    private final String id;
    private long balance;

    /**
     * An account named {@code id} that holds {@code balance}.
     *
     * @throws IllegalArgumentException where {@code id} is {@code null} or {@code balance < 0}
     */
    public Account(String id, long balance) {
        throw new UnsupportedOperationException(
                "Task locks: store the id and balance, and reject a null id or a negative balance");
    }

    /** The account's id. */
    public String id() {
        return id;
    }

    /** The current balance. Not safe yet: another thread may not see the latest balance. */
    public long balance() {
        return balance;
    }

    /** Adds {@code delta} (negative to withdraw). Not safe yet: {@code +=} is a read, an add and a write. */
    void add(long delta) {
        balance += delta;
    }
}
