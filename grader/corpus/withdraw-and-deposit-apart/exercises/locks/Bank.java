package exercises.locks;

/** Corpus: the withdrawal and the deposit are two critical sections. */
public final class Bank {

    private Bank() {
    }

    public static boolean transfer(Account from, Account to, long amount) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("transfer needs two accounts");
        }
        if (from == to || amount <= 0) {
            throw new IllegalArgumentException("cannot transfer " + amount + " from an account to itself or a non-positive amount");
        }
        synchronized (from.lock) {
            if (from.balanceLocked() < amount) {
                return false;
            }
            from.add(-amount);
        }
        // BUG: between the two sections the money is in neither account (a reader sees the total drop)
        synchronized (to.lock) {
            to.add(amount);
        }
        return true;
    }
}
