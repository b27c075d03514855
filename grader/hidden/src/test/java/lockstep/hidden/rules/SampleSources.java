package lockstep.hidden.rules;

/**
 * Sources of small submissions for {@link RuleCheckerSelfTest}: each class of the assignment with the part under
 * test left to fill in, written the way students write them.
 */
final class SampleSources {

    private SampleSources() {
    }


    static final String INCREMENT_IN_FINALLY = """
                @Override
                public void increment() {
                    lock.lock();
                    try {
                        count++;
                    } finally {
                        lock.unlock();
                    }
                }
            """;

    static final String GET_IN_FINALLY = """
                @Override
                public long get() {
                    lock.lock();
                    try {
                        return count;
                    } finally {
                        lock.unlock();
                    }
                }
            """;

    static final String SYNCHRONIZED_METHODS = """
                public synchronized void increment() {
                    count++;
                }

                public synchronized long get() {
                    return count;
                }
            """;

    static String lockedCounter(String increment, String get) {
        return """
                package exercises.locks;

                import java.util.concurrent.locks.Lock;
                import java.util.concurrent.locks.ReentrantLock;

                public final class LockedCounter implements exercises.Counter {
                    private final Lock lock = new ReentrantLock();
                    private long count;

                """ + increment + "\n" + get + "}\n";
    }

    static String readWriteCounter(String unlockInIncrement) {
        return """
                package exercises.locks;

                import java.util.concurrent.locks.ReadWriteLock;
                import java.util.concurrent.locks.ReentrantReadWriteLock;

                public final class LockedCounter implements exercises.Counter {
                    private final ReadWriteLock rw = new ReentrantReadWriteLock();
                    private long count;

                    @Override
                    public void increment() {
                        rw.writeLock().lock();
                        try {
                            count++;
                        } finally {
                            UNLOCK
                        }
                    }

                    @Override
                    public long get() {
                        rw.readLock().lock();
                        try {
                            return count;
                        } finally {
                            rw.readLock().unlock();
                        }
                    }
                }
                """.replace("UNLOCK", unlockInIncrement);
    }

    static String synchronizedCounter(String body) {
        return """
                package exercises.locks;

                public final class SynchronizedCounter implements exercises.Counter {
                    private long count;

                """ + body + "}\n";
    }

    static String atomicCounter(String incrementDeclaration, String incrementBody) {
        return """
                package exercises.locks;

                import java.util.concurrent.atomic.AtomicLong;

                public final class AtomicCounter implements exercises.Counter {
                    private final AtomicLong count = new AtomicLong();

                    @Override
                    DECLARATION {
                        BODY
                    }

                    @Override
                    public long get() {
                        return count.get();
                    }
                }
                """.replace("DECLARATION", incrementDeclaration).replace("BODY", incrementBody);
    }

    static String unsafeCounter(String field, String incrementBody) {
        return """
                package exercises.race;

                public final class UnsafeCounter implements exercises.Counter {
                    FIELD

                    @Override
                    public void increment() {
                        BODY
                    }

                    @Override
                    public long get() {
                        return count;
                    }
                }
                """.replace("FIELD", field).replace("BODY", incrementBody);
    }

    static String bank(String transferBody) {
        return """
                package exercises.locks;

                public final class Bank {
                    private Bank() {
                    }

                    public static boolean transfer(Account from, Account to, long amount) {
                        BODY
                    }
                }
                """.replace("BODY", transferBody);
    }
}
