package exercises.locks;

/** Sample: locks taken in argument order, so opposite transfers deadlock. */
public final class Bank {

    private Bank() {
    }

    public static boolean transfer(Account from, Account to, long amount) {
        if (from == null || to == null || from == to || amount <= 0) {
            throw new IllegalArgumentException("bad transfer");
        }
        synchronized (from.lock) {
            synchronized (to.lock) {
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
