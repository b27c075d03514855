package exercises.locks;

/** Corpus: the locks are ordered by id, and ids need not be unique. */
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
        // BUG: two accounts with the same id are locked in argument order: opposite transfers deadlock
        Account first = from.id().compareTo(to.id()) <= 0 ? from : to;
        Account second = first == from ? to : from;
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
