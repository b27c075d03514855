/**
 * A concurrency test library: turns "run this concurrent code" into a trustworthy verdict with evidence a student
 * can read.
 *
 * <ul>
 *   <li>{@link lockstep.stress.StressMatrix} runs a {@link lockstep.stress.Scenario} (fresh state per repetition, an
 *       action per thread, a check returning an {@link lockstep.stress.Outcome}) across thread counts within a
 *       {@link lockstep.stress.StressBudget}, all threads of a repetition released together (on worker threads each
 *       thread count starts once, and in a turn at the machine that the grader's test JVMs take one after another),
 *       and fails with the
 *       concept, expected and observed values, thread count, repetition and {@link lockstep.stress.StressEvidence}.
 *       With a canary (a known-racy variant: {@link lockstep.stress.CounterScenarios#racyCanary},
 *       {@link lockstep.stress.TransferScenarios#racyLedger}) a pass counts only where the canary is caught; else
 *       the test is aborted as inconclusive.</li>
 *   <li>A repetition still running at its deadline is diagnosed by {@link lockstep.stress.HangDiagnosis}: the
 *       deadlock cycle (who holds what and waits for what) or a hang and where each thread is;
 *       {@link lockstep.stress.Watchdog} does the same for a single call.</li>
 *   <li>Probes: {@link lockstep.stress.Rendezvous} (did N threads really run at the same time?) and
 *       {@link lockstep.stress.ThreadWitness} (did each task run once, on a new thread of its own, with the expected
 *       name, terminated at return?).</li>
 * </ul>
 *
 * <p>Code under test is called only on the threads the library starts or on the test's thread; diagnosis reads
 * thread states and never calls into the code under test. Stuck threads are interrupted once and abandoned (daemon
 * threads), never stopped.
 */
package lockstep.stress;
