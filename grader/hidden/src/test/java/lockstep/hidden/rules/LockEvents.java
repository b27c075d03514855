package lockstep.hidden.rules;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Where a method body takes and releases a {@code java.util.concurrent.locks.Lock}, and which lock each time: a call
 * of {@code lock()}, {@code lockInterruptibly()} or {@code unlock()} on a Lock (a {@code ReentrantLock}, a
 * {@code ReadWriteLock}'s read or write view, a class of the task that implements Lock), or a call of a task method
 * that only takes (or only releases) a lock, such as {@code private void acquire() { lock.lock(); }}.
 *
 * <p>A lock is named by the expression that reaches it: a field ({@code lock}), a view ({@code rw.writeLock()}), a
 * local variable that holds one of those, or a getter of the task that returns one. A lock it cannot name matches any
 * other, so an unusual expression never makes a false "wrong lock". {@code tryLock()} is not followed: whether it
 * took the lock depends on a branch. Not thread-safe; one instance per check.
 */
final class LockEvents {

    private static final String LOCK = "java.util.concurrent.locks.Lock";
    private static final String LOCK_DESC = "()Ljava/util/concurrent/locks/Lock;";
    private static final int MAX_DEPTH = 8;

    /** Takes or releases. */
    enum Kind { ACQUIRE, RELEASE }

    /**
     * One lock or unlock.
     *
     * @param kind     takes or releases
     * @param lock     which lock
     * @param call     the call as a student reads it: {@code lock()}, or {@code acquire() (which calls lock())}
     * @param receiver the instructions that compute the lock it is called on ({@code aload_0; getfield lock})
     */
    record Event(Kind kind, LockKey lock, String call, Set<Integer> receiver) {
    }

    /**
     * A lock as the code names it.
     *
     * @param id      a stable id ({@code exercises/locks/LockedCounter.lock}), or null where it cannot be named
     * @param display the name a student wrote: {@code lock}, {@code rw.writeLock()}
     */
    record LockKey(String id, String display) {

        static final LockKey UNKNOWN = new LockKey(null, "the lock");

        boolean matches(LockKey other) {
            return id == null || other.id == null || id.equals(other.id);
        }
    }

    /** What a method does to locks when it returns normally, seen from its caller. */
    private record Summary(Kind kind, LockKey lock, String call) {
    }

    private record Receiver(LockKey lock, Set<Integer> insns) {
    }

    private final ClassesOfTask task;
    private final Map<String, Optional<Summary>> summaries = new HashMap<>();

    LockEvents(ClassesOfTask task) {
        this.task = task;
    }

    /** The lock events of a body, by instruction index, in code order. */
    Map<Integer, Event> of(FlowGraph graph) {
        Map<Integer, Event> events = new LinkedHashMap<>();
        for (int i = 0; i < graph.size(); i++) {
            if (graph.insn(i) instanceof MethodInsnNode call) {
                event(graph, i, call).ifPresent(event -> events.put(graph.index(call), event));
            }
        }
        return events;
    }

    /**
     * Whether {@code body} only takes a lock and returns holding it, like {@code acquire()}: its callers are checked
     * for the release, not the helper itself.
     */
    boolean onlyAcquires(Body body) {
        return summary(body).map(summary -> summary.kind() == Kind.ACQUIRE).orElse(false);
    }

    private Optional<Event> event(FlowGraph graph, int index, MethodInsnNode call) {
        boolean onLock = (call.getOpcode() == Opcodes.INVOKEINTERFACE || call.getOpcode() == Opcodes.INVOKEVIRTUAL)
                && call.desc.equals("()V") && task.isAssignableTo(call.owner, LOCK);
        if (onLock && (call.name.equals("lock") || call.name.equals("lockInterruptibly"))) {
            Receiver receiver = receiver(graph, graph.previousReal(index), 0);
            return Optional.of(new Event(Kind.ACQUIRE, receiver.lock(), call.name + "()", receiver.insns()));
        }
        if (onLock && call.name.equals("unlock")) {
            Receiver receiver = receiver(graph, graph.previousReal(index), 0);
            return Optional.of(new Event(Kind.RELEASE, receiver.lock(), "unlock()", receiver.insns()));
        }
        String called = call.name.equals("<init>") ? "new " + Wording.simpleName(call.owner) + "(...)"
                : call.name + "()";
        return task.resolve(call.owner, call.name, call.desc).flatMap(this::summary).map(summary ->
                new Event(summary.kind(), summary.lock(), called + " (which calls " + summary.call() + ")",
                        Set.of()));
    }

    private Optional<Summary> summary(Body body) {
        String key = body.key();
        if (summaries.containsKey(key)) {
            return summaries.get(key);
        }
        summaries.put(key, Optional.empty()); // a recursive call is no lock helper
        Map<Integer, Event> events = of(new FlowGraph(body));
        List<Event> acquires = events.values().stream().filter(e -> e.kind() == Kind.ACQUIRE).toList();
        List<Event> releases = events.values().stream().filter(e -> e.kind() == Kind.RELEASE).toList();
        Optional<Summary> summary = Optional.empty();
        if (!acquires.isEmpty() && releases.isEmpty()) {
            summary = Optional.of(new Summary(Kind.ACQUIRE, acquires.get(0).lock(), innermost(acquires.get(0))));
        } else if (acquires.isEmpty() && !releases.isEmpty()) {
            summary = Optional.of(new Summary(Kind.RELEASE, releases.get(0).lock(), innermost(releases.get(0))));
        }
        summaries.put(key, summary);
        return summary;
    }

    private static String innermost(Event event) {
        int which = event.call().lastIndexOf("(which calls ");
        return which < 0 ? event.call() : event.call().substring(which + "(which calls ".length(),
                event.call().length() - 1);
    }

    /** The lock that the value produced at {@code producer} is, and the instructions that compute it. */
    private Receiver receiver(FlowGraph graph, int producer, int depth) {
        if (producer < 0 || depth > MAX_DEPTH) {
            return new Receiver(LockKey.UNKNOWN, Set.of());
        }
        AbstractInsnNode insn = graph.insn(producer);
        Set<Integer> insns = new LinkedHashSet<>();
        insns.add(producer);
        if (insn instanceof FieldInsnNode field && (field.getOpcode() == Opcodes.GETFIELD
                || field.getOpcode() == Opcodes.GETSTATIC)) {
            if (field.getOpcode() == Opcodes.GETFIELD) {
                insns.addAll(objectOf(graph, producer, depth));
            }
            return new Receiver(new LockKey(field.owner + "." + field.name, field.name), insns);
        }
        if (insn instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD) {
            for (int at = producer - 1; at >= 0; at--) {
                if (graph.insn(at) instanceof VarInsnNode store && store.getOpcode() == Opcodes.ASTORE
                        && store.var == load.var) {
                    return new Receiver(receiver(graph, graph.previousReal(at), depth + 1).lock(), insns);
                }
            }
            return new Receiver(LockKey.UNKNOWN, insns);
        }
        if (insn.getOpcode() == Opcodes.CHECKCAST) {
            Receiver cast = receiver(graph, graph.previousReal(producer), depth + 1);
            insns.addAll(cast.insns());
            return new Receiver(cast.lock(), insns);
        }
        if (insn instanceof MethodInsnNode call) {
            if ((call.name.equals("readLock") || call.name.equals("writeLock")) && call.desc.equals(LOCK_DESC)) {
                Receiver view = receiver(graph, graph.previousReal(producer), depth + 1);
                insns.addAll(view.insns());
                LockKey of = view.lock();
                return new Receiver(new LockKey(of.id() == null ? null : of.id() + "." + call.name + "()",
                        of.display() + "." + call.name + "()"), insns);
            }
            if (call.getOpcode() != Opcodes.INVOKESTATIC) {
                insns.addAll(objectOf(graph, producer, depth));
            }
            LockKey returned = task.resolve(call.owner, call.name, call.desc)
                    .map(getter -> returnedLock(getter, depth + 1)).orElse(LockKey.UNKNOWN);
            return new Receiver(returned, insns);
        }
        return new Receiver(LockKey.UNKNOWN, insns);
    }

    /** The instructions that load the object a field or call at {@code index} works on: {@code aload_0}, ... */
    private Set<Integer> objectOf(FlowGraph graph, int index, int depth) {
        int object = graph.previousReal(index);
        if (object < 0) {
            return Set.of();
        }
        int opcode = graph.insn(object).getOpcode();
        if (opcode == Opcodes.ALOAD || opcode == Opcodes.GETSTATIC) {
            return Set.of(object);
        }
        if (opcode == Opcodes.GETFIELD && depth < MAX_DEPTH) { // this$0.lock, holder.lock
            Set<Integer> chain = new LinkedHashSet<>();
            chain.add(object);
            chain.addAll(objectOf(graph, object, depth + 1));
            return chain;
        }
        return Set.of();
    }

    /** The lock a getter of the task returns, such as {@code Lock lock() { return lock; }}. */
    private LockKey returnedLock(Body getter, int depth) {
        if (Type.getReturnType(getter.method().desc).getSort() != Type.OBJECT) {
            return LockKey.UNKNOWN;
        }
        FlowGraph graph = new FlowGraph(getter);
        for (int i = 0; i < graph.size(); i++) {
            if (graph.insn(i).getOpcode() == Opcodes.ARETURN) {
                return receiver(graph, graph.previousReal(i), depth).lock();
            }
        }
        return LockKey.UNKNOWN;
    }
}
