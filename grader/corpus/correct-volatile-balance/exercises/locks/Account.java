package exercises.locks;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Corpus, correct: the balance is volatile and balance() reads it without the lock (the starter allows it); only
 * Bank.transfer, holding both accounts' locks, changes it.
 */
public final class Account {

    private static final AtomicLong OPENED = new AtomicLong();

    /** Held by Bank.transfer while it changes the balance. */
    final Object lock = new Object();
    /** The global order in which Bank.transfer takes two accounts' locks. */
    final long lockOrder = OPENED.getAndIncrement();

    private final String id;
    private volatile long balance; // written only under lock; read without it

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

    /** A volatile read: sees the latest write of any thread, without the lock. */
    public long balance() {
        return balance;
    }

    /** The caller holds {@link #lock}. */
    void add(long delta) {
        balance += delta;
    }

    /** The caller holds {@link #lock}. */
    long balanceLocked() {
        return balance;
    }
}
