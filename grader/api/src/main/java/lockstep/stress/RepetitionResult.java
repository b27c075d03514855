package lockstep.stress;

/** How one repetition ended: its threads finished and the check judged the state, one threw, or some got stuck. */
sealed interface RepetitionResult {

    /** Every thread finished; {@code outcome} is the check's verdict on the final state. */
    record Finished(Outcome outcome) implements RepetitionResult {
    }

    /** The thread named {@code threadName} threw {@code thrown} (the first thread in index order that threw). */
    record Threw(String threadName, Throwable thrown) implements RepetitionResult {
    }

    /** Some threads were still running at the deadline; they were interrupted once and abandoned. */
    record Stuck(HangDiagnosis diagnosis) implements RepetitionResult {
    }
}
