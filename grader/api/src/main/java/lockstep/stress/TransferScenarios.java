package lockstep.stress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Stress scenarios for money transfers between accounts, over any account type through a {@link Ledger}. The
 * canary of each is the same scenario on {@link #racyLedger()}, a bank without locks. Threads are named
 * {@code transfer-0}, {@code transfer-1}, ...; accounts are labelled {@code Account[a]} (the account class's simple
 * name and id) in deadlock reports, accounts that share an id {@code Account[a#1]}, {@code Account[a#2]}, ...
 */
public final class TransferScenarios {

    /** The concept a transfer that is not one atomic step shows. */
    public static final String MONEY_CREATED_OR_DESTROYED = "money created or destroyed";

    /** The concept a check-then-act race on the balance shows. */
    public static final String BALANCE_BELOW_ZERO = "balance below zero";

    /** The concept a transfer whose result does not match what it did shows. */
    public static final String WRONG_TRANSFER_RESULT = "transfer result does not match the money moved";

    /** Each account's opening balance in {@link #conservation}: more than the transfers can ever take. */
    static final long OPENING_BALANCE = 1_000_000;

    private TransferScenarios() {
    }

    /**
     * The state of one repetition: the accounts, their names (the id, with {@code #1}, {@code #2}, ... where
     * accounts share it), and per thread how many transfers returned true.
     */
    private record Accounts<A>(List<String> names, List<A> accounts, long[] successes) {

        Map<String, Object> labels() {
            Map<String, Object> labels = new LinkedHashMap<>();
            for (int i = 0; i < accounts.size(); i++) {
                A account = accounts.get(i);
                labels.put(account.getClass().getSimpleName() + "[" + names.get(i) + "]", account);
            }
            return labels;
        }
    }

    /** A bank without locks: the canary for every scenario here. Not thread-safe, on purpose. */
    public static Ledger<?> racyLedger() {
        return new RacyLedger();
    }

    /**
     * Threads transfer small amounts back and forth between {@code accountCount} accounts (at least 2): every pair
     * of accounts in both directions, threads overlapping on every account; the total must stay the same and no
     * balance may go below zero. Code that locks two accounts in argument order deadlocks here.
     */
    public static <A> Scenario<?> conservation(Ledger<A> ledger, int accountCount, int transfersPerThread) {
        return conservation(ledger, accountCount, transfersPerThread, TransferScenarios::letter);
    }

    /**
     * {@link #conservation} between accounts that all have the same id, {@code a}: the assignment does not make ids
     * unique. Code that orders the two locks by id alone, without a tie-breaker for equal ids, locks two such
     * accounts in argument order and deadlocks here; so does code that locks in argument order anyway.
     */
    public static <A> Scenario<?> conservationSharingOneId(Ledger<A> ledger, int accountCount,
                                                           int transfersPerThread) {
        return conservation(ledger, accountCount, transfersPerThread, index -> letter(0));
    }

    /** {@link #conservation} with account {@code i} opened with the id {@code idOf.apply(i)}. */
    private static <A> Scenario<?> conservation(Ledger<A> ledger, int accountCount, int transfersPerThread,
                                                IntFunction<String> idOf) {
        Objects.requireNonNull(ledger, "ledger");
        if (accountCount < 2 || transfersPerThread < 1) {
            throw new IllegalArgumentException("need at least 2 accounts and 1 transfer per thread");
        }
        int[][] pairs = pairs(accountCount);
        Scenario<Accounts<A>> scenario = Scenario.of(MONEY_CREATED_OR_DESTROYED,
                threads -> open(ledger, accountCount, idOf, OPENING_BALANCE, 0, threads),
                (state, index) -> {
                    List<A> accounts = state.accounts();
                    for (int k = 0; k < transfersPerThread; k++) {
                        int[] pair = pairs[(index / 2 + k) % pairs.length];
                        // Threads 2j and 2j+1 take the same pair at the same step, in opposite directions.
                        A from = accounts.get(pair[index % 2]);
                        A to = accounts.get(pair[1 - index % 2]);
                        ledger.transfer(from, to, 1 + k % 3);
                    }
                },
                (state, threads) -> conserved(ledger, state, accountCount * OPENING_BALANCE));
        return scenario.withThreadNames("transfer").withLockLabels(Accounts::labels);
    }

    /**
     * Every thread withdraws {@code amount} from one shared account holding {@code balance}, into an account of its
     * own, until a transfer returns false. No balance may go below zero (the check and the withdrawal must be one
     * critical section), the total must stay the same, each thread's account must hold exactly what its successful
     * transfers moved, and the shared account must end with less than {@code amount}.
     */
    public static <A> Scenario<?> noOverdraft(Ledger<A> ledger, long balance, long amount) {
        Objects.requireNonNull(ledger, "ledger");
        if (balance < 0 || amount < 1) {
            throw new IllegalArgumentException("need balance >= 0 and amount >= 1");
        }
        long mostTransfers = balance / amount + 1;
        Scenario<Accounts<A>> scenario = Scenario.of(BALANCE_BELOW_ZERO,
                threads -> open(ledger, 1, index -> "shared", balance, threads, threads),
                (state, index) -> {
                    A shared = state.accounts().get(0);
                    A own = state.accounts().get(index + 1);
                    for (long k = 0; k < mostTransfers && ledger.transfer(shared, own, amount); k++) {
                        state.successes()[index]++;
                    }
                },
                (state, threads) -> {
                    Outcome conserved = conserved(ledger, state, balance);
                    if (!conserved.correct()) {
                        return conserved;
                    }
                    for (int i = 0; i < threads; i++) {
                        long moved = ledger.balance(state.accounts().get(i + 1));
                        if (moved != state.successes()[i] * amount) {
                            return Outcome.wrong(WRONG_TRANSFER_RESULT,
                                    state.names().get(i + 1) + " holding " + state.successes()[i] * amount + " ("
                                            + state.successes()[i] + " transfers of " + amount + " returned true)",
                                    state.names().get(i + 1) + " holding " + moved);
                        }
                    }
                    long left = ledger.balance(state.accounts().get(0));
                    if (left >= amount) {
                        return Outcome.wrong(WRONG_TRANSFER_RESULT,
                                "every thread refused only once less than " + amount + " was left",
                                left + " left in " + state.names().get(0) + " after every thread was refused");
                    }
                    return Outcome.right();
                });
        return scenario.withThreadNames("transfer").withLockLabels(Accounts::labels);
    }

    /** Every pair {@code {x, y}} of account indexes with {@code x < y}. */
    private static int[][] pairs(int accounts) {
        List<int[]> pairs = new ArrayList<>();
        for (int x = 0; x < accounts; x++) {
            for (int y = x + 1; y < accounts; y++) {
                pairs.add(new int[] {x, y});
            }
        }
        return pairs.toArray(new int[0][]);
    }

    /** {@code a}, {@code b}, {@code c}, ... for account 0, 1, 2, ... */
    private static String letter(int index) {
        return String.valueOf((char) ('a' + index));
    }

    /**
     * Opens {@code shared} accounts with {@code balance} each, account {@code i} with the id {@code idOf.apply(i)},
     * then {@code own} accounts with 0.
     */
    private static <A> Accounts<A> open(Ledger<A> ledger, int shared, IntFunction<String> idOf, long balance,
                                        int own, int threads) throws Exception {
        List<String> names = new ArrayList<>();
        List<A> accounts = new ArrayList<>();
        for (int i = 0; i < shared; i++) {
            String id = idOf.apply(i);
            names.add(id);
            accounts.add(ledger.open(id, balance));
        }
        List<String> ids = List.copyOf(names);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < shared; i++) {
            String id = ids.get(i);
            if (Collections.frequency(ids, id) > 1) {
                names.set(i, id + "#" + seen.merge(id, 1, Integer::sum));
            }
        }
        for (int i = 0; i < own; i++) {
            names.add("own-" + i);
            accounts.add(ledger.open("own-" + i, 0));
        }
        return new Accounts<>(names, accounts, new long[threads]);
    }

    /** Right where no balance is below zero and the balances add up to {@code total}. */
    private static <A> Outcome conserved(Ledger<A> ledger, Accounts<A> state, long total) throws Exception {
        long sum = 0;
        List<String> balances = new ArrayList<>();
        for (int i = 0; i < state.accounts().size(); i++) {
            long balance = ledger.balance(state.accounts().get(i));
            if (balance < 0) {
                return Outcome.wrong(BALANCE_BELOW_ZERO, "every balance >= 0",
                        state.names().get(i) + " at " + balance);
            }
            sum += balance;
            if (balances.size() < 4) {
                balances.add(state.names().get(i) + "=" + balance);
            }
        }
        if (sum != total) {
            return Outcome.wrong(MONEY_CREATED_OR_DESTROYED, "a total of " + total,
                    sum + " (" + String.join(", ", balances) + (state.accounts().size() > 4 ? ", ..." : "") + ")");
        }
        return Outcome.right();
    }
}
