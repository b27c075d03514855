package exercises.locks;

/** Corpus, correct: locks ordered by id, then by identity hash code, with a global tie-breaker lock. */
public final class Bank {

    private static final Object TIE = new Object();

    private Bank() {
    }

    public static boolean transfer(Account from, Account to, long amount) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("transfer needs two accounts");
        }
        if (from == to || amount <= 0) {
            throw new IllegalArgumentException("cannot transfer " + amount + " from an account to itself or a non-positive amount");
        }
        int order = from.id().compareTo(to.id());
        if (order == 0) {
            order = Integer.compare(System.identityHashCode(from), System.identityHashCode(to));
        }
        if (order == 0) {
            synchronized (TIE) { // same id and same hash code: one such transfer at a time
                return inOrder(from, to, from, to, amount);
            }
        }
        return order < 0 ? inOrder(from, to, from, to, amount) : inOrder(to, from, from, to, amount);
    }

    private static boolean inOrder(Account first, Account second, Account from, Account to, long amount) {
        synchronized (first.lock) {
            synchronized (second.lock) {
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
