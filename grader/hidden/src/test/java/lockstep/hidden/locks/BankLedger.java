package lockstep.hidden.locks;

import exercises.locks.Account;
import exercises.locks.Bank;
import lockstep.stress.Ledger;

/** The stress library's view of the code under test: accounts opened with {@code new}, money moved by the Bank. */
final class BankLedger implements Ledger<Account> {

    @Override
    public Account open(String id, long balance) {
        return new Account(id, balance);
    }

    @Override
    public boolean transfer(Account from, Account to, long amount) {
        return Bank.transfer(from, to, amount);
    }

    @Override
    public long balance(Account account) {
        return account.balance();
    }
}
