package lockstep.hidden.rules;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lockstep.hidden.rules.LockEvents.Event;
import lockstep.hidden.rules.LockEvents.Kind;
import lockstep.hidden.rules.LockEvents.LockKey;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Checks, on bytecode, that every lock a body takes is released the way {@code lock.lock(); try { ... } finally {
 * lock.unlock(); }} releases it. After each {@code lock()}:
 * <ul>
 *   <li>every path to a return (through jumps, {@code break}, {@code continue} and {@code catch} blocks) calls
 *       {@code unlock()} on the same lock first;</li>
 *   <li>everything that can throw before that {@code unlock()} is covered by a handler that catches everything (a
 *       {@code finally} block: javac and ecj copy its code into each normal path and into a catch-all handler) whose
 *       code calls {@code unlock()} on the same lock.</li>
 * </ul>
 * Calls into the task's own methods are followed: a method that only takes a lock ({@code acquire()}) counts as
 * {@code lock()} where it is called, one that only releases it as {@code unlock()}.
 */
final class LockDiscipline {

    private final ClassesOfTask task;
    private final LockEvents events;

    LockDiscipline(ClassesOfTask task) {
        this.task = task;
        this.events = new LockEvents(task);
    }

    /** What a path from one {@code lock()} found. */
    private static final class Paths {
        final Set<Integer> returns = new TreeSet<>();
        final Set<Integer> unprotected = new TreeSet<>();
        Integer otherRelease;
        boolean released;
        boolean loopsBack;
    }

    /**
     * Reports each {@code lock()} in {@code bodies} that is not released in a {@code finally} block on every path.
     *
     * @return how many {@code lock()} calls the bodies make
     */
    int check(List<Body> bodies, RuleReport report) {
        Set<String> called = calledMethods(bodies);
        int locks = 0;
        for (Body body : bodies) {
            FlowGraph graph = new FlowGraph(body);
            Map<Integer, Event> found = events.of(graph);
            boolean helper = events.onlyAcquires(body) && called.contains(body.key());
            for (Map.Entry<Integer, Event> entry : found.entrySet()) {
                if (entry.getValue().kind() == Kind.ACQUIRE) {
                    locks++;
                    if (!helper) {
                        check(graph, found, entry.getKey(), entry.getValue(), report);
                    }
                }
            }
        }
        return locks;
    }

    private void check(FlowGraph graph, Map<Integer, Event> found, int at, Event acquire, RuleReport report) {
        Paths paths = follow(graph, found, at, acquire.lock());
        Body body = graph.body();
        AbstractInsnNode insn = graph.insn(at);
        int line = body.line(insn);
        if (!paths.released && paths.otherRelease != null) {
            Event other = found.get(paths.otherRelease);
            report.add(body.at(insn, RuleMessages.unlocksAnotherLock(body.where(), acquire.call(), line,
                    acquire.lock().display(), other.lock().display(), body.line(graph.insn(paths.otherRelease)))));
            return;
        }
        if (!paths.released) {
            report.add(body.at(insn, RuleMessages.neverUnlocks(body.where(), acquire.call(), line)));
            return;
        }
        if (!paths.returns.isEmpty()) {
            int exit = paths.returns.iterator().next();
            report.add(body.at(insn, RuleMessages.returnsHoldingLock(body.where(), acquire.call(), line,
                    body.line(graph.insn(exit)))));
        } else if (paths.loopsBack) {
            report.add(body.at(insn, RuleMessages.loopsBackHoldingLock(body.where(), acquire.call(), line)));
        }
        if (!paths.unprotected.isEmpty()) {
            report.add(body.at(insn, RuleMessages.unlocksOutsideFinally(body.where(), acquire.call(), line)));
        }
    }

    /** Walks every path from the {@code lock()} at {@code at} until an {@code unlock()} of the same lock. */
    private Paths follow(FlowGraph graph, Map<Integer, Event> found, int at, LockKey lock) {
        Paths paths = new Paths();
        Set<Integer> receivers = new HashSet<>();
        found.values().stream().filter(e -> e.kind() == Kind.RELEASE).forEach(e -> receivers.addAll(e.receiver()));
        Map<Integer, Boolean> releasingHandlers = new HashMap<>();
        BitSet seen = new BitSet(graph.size());
        Deque<Integer> pending = new ArrayDeque<>(graph.normalSuccessors(at));
        while (!pending.isEmpty()) {
            int index = pending.pop();
            if (seen.get(index)) {
                continue;
            }
            seen.set(index);
            Event event = found.get(index);
            if (event != null && event.kind() == Kind.RELEASE) {
                if (event.lock().matches(lock)) {
                    paths.released = true;
                    continue;
                }
                if (paths.otherRelease == null) {
                    paths.otherRelease = index;
                }
            }
            if (index == at) {
                paths.loopsBack = true;
                continue;
            }
            if (graph.isReturn(index)) {
                paths.returns.add(index);
                continue;
            }
            if (graph.mayThrow(index) && !receivers.contains(index)) {
                if (!protectedAt(graph, found, index, lock, releasingHandlers)) {
                    paths.unprotected.add(index);
                }
                pending.addAll(graph.exceptionSuccessors(index));
            }
            pending.addAll(graph.normalSuccessors(index));
        }
        return paths;
    }

    /** Whether a handler that catches everything covers {@code index} and releases {@code lock}. */
    private boolean protectedAt(FlowGraph graph, Map<Integer, Event> found, int index, LockKey lock,
                                Map<Integer, Boolean> releasingHandlers) {
        for (TryCatchBlockNode block : graph.handlers(index)) {
            if (FlowGraph.catchesAll(block)) {
                int handler = graph.index(block.handler);
                Boolean releases = releasingHandlers.get(handler);
                if (releases == null) {
                    releasingHandlers.put(handler, false); // a handler that covers itself (synchronized) is no proof
                    releases = handlerReleases(graph, found, handler, lock, releasingHandlers);
                    releasingHandlers.put(handler, releases);
                }
                if (releases) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether every path from {@code handler} calls {@code unlock()} on {@code lock} before it leaves. */
    private boolean handlerReleases(FlowGraph graph, Map<Integer, Event> found, int handler, LockKey lock,
                                    Map<Integer, Boolean> releasingHandlers) {
        BitSet seen = new BitSet(graph.size());
        Deque<Integer> pending = new ArrayDeque<>(List.of(handler));
        while (!pending.isEmpty()) {
            int index = pending.pop();
            if (seen.get(index)) {
                continue;
            }
            seen.set(index);
            Event event = found.get(index);
            if (event != null && event.kind() == Kind.RELEASE && event.lock().matches(lock)) {
                continue;
            }
            if (graph.isReturn(index)) {
                return false;
            }
            if (graph.insn(index).getOpcode() == Opcodes.ATHROW
                    && !protectedAt(graph, found, index, lock, releasingHandlers)) {
                return false; // rethrown without unlock(), and no outer finally releases it either
            }
            pending.addAll(graph.normalSuccessors(index));
        }
        return true;
    }

    /** The task methods that some body calls or references: a lock helper is checked where it is called. */
    private Set<String> calledMethods(List<Body> bodies) {
        Set<String> called = new HashSet<>();
        for (Body body : bodies) {
            for (AbstractInsnNode insn : body.method().instructions) {
                if (insn instanceof MethodInsnNode call) {
                    task.resolve(call.owner, call.name, call.desc).ifPresent(target -> called.add(target.key()));
                } else if (insn instanceof InvokeDynamicInsnNode indy) {
                    for (Object argument : indy.bsmArgs) {
                        if (argument instanceof Handle handle) {
                            task.resolve(handle.getOwner(), handle.getName(), handle.getDesc())
                                    .ifPresent(target -> called.add(target.key()));
                        }
                    }
                }
            }
        }
        return called;
    }
}
