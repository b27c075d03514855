package exercises.locks;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Corpus, correct: an account guarded by a ReentrantLock, with a unique serial number to order locks by. */
public final class Account {

    private static final AtomicLong SERIALS = new AtomicLong();

    final Lock lock = new ReentrantLock();
    final long serial = SERIALS.incrementAndGet();
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
