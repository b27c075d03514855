package exercises.locks;

/**
 * Task {@code locks}: moves money between accounts. As given, {@link #transfer} is racy on purpose: fixing it is the
 * task.
 */
public final class Bank {

    private Bank() {
    }

    /**
     * Moves {@code amount} from {@code from} to {@code to} as one atomic step.
     *
     * <p>What to fix: this version checks the balance and then withdraws, with no lock. Two threads can both pass the
     * check before either withdraws (check-then-act), and {@code +=} on the balances loses updates, so money appears,
     * vanishes, or a balance goes below zero. Make it correct:
     * <ul>
     *   <li>hold the locks of <em>both</em> accounts while you check and move the money, so the check and the
     *       withdrawal are one critical section: where {@code from} holds less than {@code amount}, move nothing and
     *       return {@code false};</li>
     *   <li>never deadlock, also when one thread transfers from A to B while another transfers from B to A: take the
     *       two locks in one global order that every thread agrees on (not "from, then to");</li>
     *   <li>keep the argument checks below.</li>
     * </ul>
     * The tests transfer with many threads at once and check that the total is conserved, that no balance ever goes
     * below zero, and that transfers in opposite directions finish in time.
     *
     * @return {@code true} where the money moved, {@code false} where {@code from} held too little
     * @throws IllegalArgumentException where {@code amount <= 0}, {@code from == to}, or an account is {@code null}
     */
    public static boolean transfer(Account from, Account to, long amount) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("transfer needs two accounts, but from or to is null");
        }
        if (from == to) {
            throw new IllegalArgumentException("cannot transfer from account " + from.id() + " to itself");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive, was " + amount);
        }
        // RACY ON PURPOSE: another thread can run between the check and the withdrawal, and inside each add().
        if (from.balance() < amount) {
            return false;
        }
        from.add(-amount);
        to.add(amount);
        return true;
    }
}
