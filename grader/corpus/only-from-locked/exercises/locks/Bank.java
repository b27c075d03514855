package exercises.locks;

/** Corpus: only the account money leaves is locked. */
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
            to.add(amount); // BUG: to is not locked; a transfer out of to races with this deposit
            return true;
        }
    }
}
