package lockstep.hidden.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which intrinsic locks (monitors) a body holds before each of its instructions: the one of a {@code synchronized}
 * method for all of it, and the one of each {@code synchronized (x) { }} block ({@code monitorenter} ...
 * {@code monitorexit}) inside it. A must-analysis: where paths meet, only the monitors held on every one of them
 * count. A lambda's body holds nothing of the method that creates it: it runs later, maybe on another thread.
 *
 * <p>Monitors are named relative to {@code guarded}, the class whose state they protect: {@code this} (the guarded
 * object, also as {@code Outer.this} from an inner class), a field ({@code lock}), a class literal.
 */
final class MonitorDiscipline {

    /**
     * An intrinsic lock.
     *
     * @param id      what it locks, stable across bodies
     * @param display how a student names it: {@code this}, {@code lock}, {@code SynchronizedCounter.class}
     */
    record Monitor(String id, String display) {
    }

    private MonitorDiscipline() {
    }

    /**
     * The monitors held before each instruction of the graph's body, innermost last; null where unreachable.
     * {@code callers} are the monitors held by every caller when the body starts (empty for a method that code
     * outside the class can call).
     */
    static List<List<Monitor>> held(FlowGraph graph, String guarded, List<Monitor> callers) {
        List<List<Monitor>> before = new ArrayList<>(Collections.nCopies(graph.size(), null));
        if (graph.size() == 0) {
            return before;
        }
        Body body = graph.body();
        List<Monitor> entry = new ArrayList<>(callers);
        if ((body.method().access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            entry.add(methodMonitor(body, guarded));
        }
        before.set(0, List.copyOf(entry));
        Deque<Integer> pending = new ArrayDeque<>(List.of(0));
        while (!pending.isEmpty()) {
            int index = pending.pop();
            List<Monitor> in = before.get(index);
            List<Monitor> out = in;
            int opcode = graph.insn(index).getOpcode();
            if (opcode == Opcodes.MONITORENTER) {
                out = new ArrayList<>(in);
                out.add(blockMonitor(graph, index, guarded));
            } else if (opcode == Opcodes.MONITOREXIT && !in.isEmpty()) {
                out = List.copyOf(in.subList(0, in.size() - 1));
            }
            for (int next : graph.normalSuccessors(index)) {
                merge(before, next, out, pending);
            }
            for (int next : graph.exceptionSuccessors(index)) {
                merge(before, next, in, pending);
            }
        }
        return before;
    }

    /** The monitor of a synchronized method. */
    static Monitor methodMonitor(Body body, String guarded) {
        String owner = body.owner().name;
        if ((body.method().access & Opcodes.ACC_STATIC) != 0) {
            return new Monitor("class:" + owner, Wording.simpleName(owner) + ".class");
        }
        return thisOf(owner, guarded);
    }

    /** The monitor a {@code monitorenter} takes: javac and ecj compile {@code synchronized (x)} to x, dup, astore. */
    static Monitor blockMonitor(FlowGraph graph, int monitorEnter, String guarded) {
        Body body = graph.body();
        Monitor unknown = new Monitor("value:" + body.key() + "@" + monitorEnter,
                "the object locked at line " + body.line(graph.insn(monitorEnter)));
        return valueAt(graph, producerBefore(graph, monitorEnter), guarded, unknown, 0);
    }

    /** The instruction that computes the value an instruction takes, past javac's {@code dup; astore}. */
    private static int producerBefore(FlowGraph graph, int index) {
        int producer = graph.previousReal(index);
        while (producer >= 0 && (graph.insn(producer).getOpcode() == Opcodes.ASTORE
                || graph.insn(producer).getOpcode() == Opcodes.DUP)) {
            producer = graph.previousReal(producer);
        }
        return producer;
    }

    private static Monitor valueAt(FlowGraph graph, int producer, String guarded, Monitor unknown, int depth) {
        if (producer < 0 || depth > 4) {
            return unknown;
        }
        Body body = graph.body();
        AbstractInsnNode insn = graph.insn(producer);
        boolean instance = (body.method().access & Opcodes.ACC_STATIC) == 0;
        if (insn instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD) {
            if (load.var == 0 && instance) {
                return thisOf(body.owner().name, guarded);
            }
            for (int at = producer - 1; at >= 0; at--) { // a local that holds the object: Object l = lock;
                if (graph.insn(at) instanceof VarInsnNode store && store.getOpcode() == Opcodes.ASTORE
                        && store.var == load.var) {
                    return valueAt(graph, producerBefore(graph, at + 1), guarded, unknown, depth + 1);
                }
            }
            return unknown;
        }
        if (insn instanceof FieldInsnNode field && field.getOpcode() == Opcodes.GETFIELD
                && field.name.startsWith("this$") && field.desc.equals("L" + guarded + ";")) {
            return new Monitor("this", "this"); // Outer.this from an inner or anonymous class
        }
        if (insn instanceof FieldInsnNode field && (field.getOpcode() == Opcodes.GETFIELD
                || field.getOpcode() == Opcodes.GETSTATIC)) {
            return new Monitor("field:" + field.owner + "." + field.name, field.name);
        }
        if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Type type) {
            return new Monitor("class:" + type.getInternalName(), Wording.simpleName(type.getInternalName())
                    + ".class");
        }
        return unknown;
    }

    /** Whether {@code body} holds a synchronized block anywhere; returns the first {@code monitorenter} or null. */
    static AbstractInsnNode firstSynchronizedBlock(Body body) {
        for (AbstractInsnNode insn : body.method().instructions) {
            if (insn.getOpcode() == Opcodes.MONITORENTER) {
                return insn;
            }
        }
        return null;
    }

    private static Monitor thisOf(String owner, String guarded) {
        // A lambda's body is a method of the class that holds it, so its "this" is that object too.
        return owner.equals(guarded) ? new Monitor("this", "this")
                : new Monitor("object:" + owner, "the " + Wording.simpleName(owner) + " object");
    }

    private static void merge(List<List<Monitor>> before, int index, List<Monitor> state, Deque<Integer> pending) {
        List<Monitor> old = before.get(index);
        if (old == null) {
            before.set(index, state);
            pending.push(index);
            return;
        }
        int common = 0;
        while (common < old.size() && common < state.size() && old.get(common).equals(state.get(common))) {
            common++;
        }
        if (common < old.size()) {
            before.set(index, List.copyOf(old.subList(0, common)));
            pending.push(index);
        }
    }
}
