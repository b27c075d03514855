package exercises.locks;

import java.util.concurrent.locks.ReentrantLock;

/** Corpus, correct: an account guarded by a ReentrantLock. */
public final class Account {

    final ReentrantLock lock = new ReentrantLock();
    private final String id;
    private long balance;

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

    public long balance() {
        lock.lock();
        try {
            return balance;
        } finally {
            lock.unlock();
        }
    }

    /** The caller holds the lock. */
    void add(long delta) {
        balance += delta;
    }

    /** The caller holds the lock. */
    long balanceLocked() {
        return balance;
    }
}
