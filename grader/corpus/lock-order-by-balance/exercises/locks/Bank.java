package exercises.locks;

/** Corpus: the locks are ordered by balance, which changes while threads wait. */
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
        // BUG: the order key changes with every transfer, so two threads can see opposite orders
        Account first = from.balance() <= to.balance() ? from : to;
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
