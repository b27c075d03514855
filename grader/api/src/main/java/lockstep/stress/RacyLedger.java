package lockstep.stress;

/**
 * The unlocked bank of the story, kept as a canary: transfers check the balance and then move the money with no
 * lock at all, so concurrent transfers lose updates and overdraw. Not thread-safe, on purpose.
 */
final class RacyLedger implements Ledger<RacyLedger.Account> {

    /** An account with a plain balance field. */
    static final class Account {
        private long balance;

        Account(long balance) {
            this.balance = balance;
        }
    }

    @Override
    public Account open(String id, long balance) {
        return new Account(balance);
    }

    @Override
    public boolean transfer(Account from, Account to, long amount) {
        if (from.balance < amount) {
            return false;
        }
        from.balance -= amount;
        to.balance += amount;
        return true;
    }

    @Override
    public long balance(Account account) {
        return account.balance;
    }
}
