package exercises.locks;

/** Corpus, correct: one lock for the whole bank; no nesting, so no lock order to get wrong. */
public final class Bank {

    /** Guards every balance; Account.balance() reads under it too. */
    static final Object LOCK = new Object();

    private Bank() {
    }

    public static boolean transfer(Account from, Account to, long amount) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("transfer needs two accounts");
        }
        if (from == to || amount <= 0) {
            throw new IllegalArgumentException("cannot transfer " + amount + " from an account to itself or a non-positive amount");
        }
        synchronized (LOCK) {
            if (from.balanceLocked() < amount) {
                return false;
            }
            from.add(-amount);
            to.add(amount);
            return true;
        }
    }
}
