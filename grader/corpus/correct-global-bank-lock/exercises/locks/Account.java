package exercises.locks;

/** Corpus, correct: an account whose balance is guarded by the bank's one lock. */
public final class Account {

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
        synchronized (Bank.LOCK) {
            return balance;
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
