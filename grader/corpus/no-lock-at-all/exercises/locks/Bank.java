package exercises.locks;

/** Corpus: no lock at all, as the starter ships it. */
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
        if (from.balanceLocked() < amount) { // BUG: no lock anywhere: check-then-act and lost updates
            return false;
        }
        from.add(-amount);
        to.add(amount);
        return true;
    }
}
