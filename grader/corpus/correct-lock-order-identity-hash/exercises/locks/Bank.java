package exercises.locks;

/** Corpus, correct: locks in the order of System.identityHashCode, with a global tie-breaker lock for equal codes. */
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
        int fromHash = System.identityHashCode(from);
        int toHash = System.identityHashCode(to);
        if (fromHash == toHash) {
            synchronized (TIE) { // two accounts with the same code: one thread at a time orders them
                return inOrder(from, to, from, to, amount);
            }
        }
        return fromHash < toHash ? inOrder(from, to, from, to, amount) : inOrder(to, from, from, to, amount);
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
