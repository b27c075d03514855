package exercises.locks;

/** Corpus: the balance is checked before the locks are taken. */
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
        if (from.balance() < amount) { // BUG: checked outside the lock; another withdrawal can come in between
            return false;
        }
        Account first = from.lockOrder < to.lockOrder ? from : to;
        Account second = first == from ? to : from;
        synchronized (first.lock) {
            synchronized (second.lock) {
                from.add(-amount);
                to.add(amount);
                return true;
            }
        }
    }
}
