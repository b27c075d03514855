package exercises.locks;

/** Task {@code locks}, reference: moves money between accounts, atomically and without deadlock. */
public final class Bank {

    private Bank() {
    }

    /**
     * Moves {@code amount} from {@code from} to {@code to} as one atomic step; moves nothing and returns
     * {@code false} where {@code from} holds less than {@code amount}.
     *
     * @throws IllegalArgumentException where {@code amount <= 0}, {@code from == to}, or an account is {@code null}
     */
    public static boolean transfer(Account from, Account to, long amount) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("transfer needs two accounts, but from or to is null");
        }
        if (from == to) {
            throw new IllegalArgumentException("cannot transfer from account " + from.id() + " to itself");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive, was " + amount);
        }
        // Every thread locks the two accounts in the same global order (the one opened first, first). Locking
        // "from, then to" deadlocks: A->B holds A and waits for B while B->A holds B and waits for A.
        Account first = from.lockOrder < to.lockOrder ? from : to;
        Account second = first == from ? to : from;
        synchronized (first.lock) {
            synchronized (second.lock) {
                // Check and act in one critical section: no other transfer can withdraw in between.
                if (from.balanceLocked() < amount) {
                    return false;
                }
                from.add(-amount);
                to.add(amount);
                return true;
            }
        }
    }
}
