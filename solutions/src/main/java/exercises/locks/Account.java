package exercises.locks;

import java.util.concurrent.atomic.AtomicLong;

/** Task {@code locks}, reference: a bank account. Thread-safe: the balance is guarded by {@link #lock}. */
public final class Account {

    private static final AtomicLong OPENED = new AtomicLong();

    /** The lock that guards {@link #balance}; {@link Bank#transfer} holds it while it moves money. */
    final Object lock = new Object();
    /** Unique per account, unlike ids: the global order in which {@link Bank#transfer} takes the locks. */
    final long lockOrder = OPENED.getAndIncrement();

    private final String id;
    private long balance; // guarded by lock

    /**
     * An account named {@code id} that holds {@code balance}.
     *
     * @throws IllegalArgumentException where {@code id} is {@code null} or {@code balance < 0}
     */
    public Account(String id, long balance) {
        if (id == null) {
            throw new IllegalArgumentException("an account needs an id");
        }
        if (balance < 0) {
            throw new IllegalArgumentException("account " + id + " cannot open with a negative balance: " + balance);
        }
        this.id = id;
        this.balance = balance;
    }

    public String id() {
        return id;
    }

    /** Read under the lock, so it sees the latest transfer of any thread. */
    public long balance() {
        synchronized (lock) {
            return balance;
        }
    }

    /** Adds {@code delta} (negative to withdraw); the caller holds {@link #lock}. */
    void add(long delta) {
        balance += delta;
    }

    /** The balance for a caller that holds {@link #lock}. */
    long balanceLocked() {
        return balance;
    }
}
