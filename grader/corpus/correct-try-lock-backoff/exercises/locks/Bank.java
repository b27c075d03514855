package exercises.locks;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Corpus, correct: no lock order at all. Takes from's lock, then tries to's lock for a short random time; where that
 * fails it lets go of both and tries again, so no thread holds one lock while it waits forever for the other.
 */
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
        while (true) {
            from.lock.lock();
            try {
                if (to.lock.tryLock(ThreadLocalRandom.current().nextLong(1_000, 50_000), TimeUnit.NANOSECONDS)) {
                    try {
                        if (from.balanceLocked() < amount) {
                            return false;
                        }
                        from.add(-amount);
                        to.add(amount);
                        return true;
                    } finally {
                        to.lock.unlock();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while transferring", e);
            } finally {
                from.lock.unlock();
            }
            Thread.yield(); // back off: let the other thread finish before trying again
        }
    }
}
