package lockstep.hidden.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lockstep.hidden.rules.MonitorDiscipline.Monitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The condition that a class guards its state with one intrinsic lock: every read and write of its own non-final
 * fields, outside its constructors, holds the same monitor ({@link MonitorDiscipline}), whether it runs in a
 * synchronized method, in a synchronized block, or in a private helper that only such code calls. An unguarded read
 * of a {@code volatile} field will do: it sees the latest write, and one read needs no lock to be atomic.
 */
final class GuardedState {

    private GuardedState() {
    }

    /**
     * Every read and write of the class's own non-final fields (its nested classes' and task superclasses' too),
     * outside its constructors, holds one and the same monitor; an unguarded read of a volatile field will do.
     */
    static Condition oneMonitorFor(String className) {
        return (classes, report) -> {
            JavaClass type = classes.require(className);
            String guarded = ClassesOfTask.internalName(type.getName());
            Map<String, FieldNode> state = stateFields(classes, type);
            Map<String, List<Access>> accesses = new LinkedHashMap<>();
            List<Body> bodies = SynchronizationUse.scopeOf(classes, className).bodies();
            Map<String, List<Monitor>> callers = callerMonitors(classes, bodies, guarded);
            for (Body body : bodies) {
                collectAccesses(classes, body, guarded, callers.get(body.key()), state, accesses);
            }
            accesses.values().forEach(list -> report(list, report));
        };
    }

    /** One read or write of a state field, and the monitors held there. */
    private record Access(Body body, AbstractInsnNode insn, FieldNode field, boolean write, List<Monitor> held) {

        String verb() {
            return write ? "writes" : "reads";
        }
    }

    private static void report(List<Access> accesses, RuleReport report) {
        Map<String, Integer> holders = new LinkedHashMap<>();
        Map<String, Monitor> monitors = new LinkedHashMap<>();
        List<Access> guarded = new ArrayList<>();
        Map<String, List<Access>> unguarded = new LinkedHashMap<>(); // by place: count++ reads and writes there
        for (Access access : accesses) {
            if (access.held().isEmpty()) {
                boolean volatileRead = !access.write() && (access.field().access & Opcodes.ACC_VOLATILE) != 0;
                if (!volatileRead) {
                    unguarded.computeIfAbsent(access.body().key() + ":" + access.body().line(access.insn()),
                            place -> new ArrayList<>()).add(access);
                }
                continue;
            }
            guarded.add(access);
            access.held().stream().distinct().forEach(monitor -> {
                holders.merge(monitor.id(), 1, Integer::sum);
                monitors.putIfAbsent(monitor.id(), monitor);
            });
        }
        unguarded.values().forEach(place -> reportUnguarded(place, report));
        Optional<String> common = holders.entrySet().stream().filter(e -> e.getValue() == guarded.size())
                .map(Map.Entry::getKey).findFirst();
        if (guarded.isEmpty() || common.isPresent()) {
            return;
        }
        String expected = holders.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow();
        for (Access access : guarded) {
            if (access.held().stream().noneMatch(monitor -> monitor.id().equals(expected))) {
                Body body = access.body();
                report.add(body.at(access.insn(), RuleMessages.guardedByAnotherMonitor(body.where(), access.verb(),
                        access.field().name, body.line(access.insn()), access.held().get(access.held().size() - 1)
                                .display(), monitors.get(expected).display())));
            }
        }
    }

    private static void reportUnguarded(List<Access> place, RuleReport report) {
        Access first = place.get(0);
        Body body = first.body();
        int line = body.line(first.insn());
        String field = first.field().name;
        boolean writes = place.stream().anyMatch(Access::write);
        boolean reads = place.stream().anyMatch(access -> !access.write());
        report.add(body.at(first.insn(), writes && reads ? RuleMessages.unguardedUpdate(body.where(), field, line)
                : writes ? RuleMessages.unguardedWrite(body.where(), field, line)
                : RuleMessages.unguardedRead(body.where(), field, line)));
    }

    private static void collectAccesses(ClassesOfTask classes, Body body, String guarded, List<Monitor> callers,
                                        Map<String, FieldNode> state, Map<String, List<Access>> accesses) {
        FlowGraph graph = new FlowGraph(body);
        List<List<Monitor>> held = null;
        for (int i = 0; i < graph.size(); i++) {
            if (!(graph.insn(i) instanceof FieldInsnNode insn)) {
                continue;
            }
            String owner = declaringClass(insn, state, classes);
            String key = owner + "." + insn.name;
            FieldNode field = state.get(key);
            if (field == null || initializes(body, owner)) {
                continue;
            }
            if (held == null) {
                held = MonitorDiscipline.held(graph, guarded, callers);
            }
            List<Monitor> before = held.get(i);
            if (before != null) {
                boolean write = insn.getOpcode() == Opcodes.PUTFIELD || insn.getOpcode() == Opcodes.PUTSTATIC;
                accesses.computeIfAbsent(key, k -> new ArrayList<>()).add(new Access(body, insn, field, write,
                        before));
            }
        }
    }

    /** The class that declares the field an instruction names: javac names the qualifier's class, maybe a subclass. */
    private static String declaringClass(FieldInsnNode insn, Map<String, FieldNode> state, ClassesOfTask classes) {
        String owner = insn.owner;
        while (owner != null && !state.containsKey(owner + "." + insn.name)) {
            owner = classes.node(owner).map(node -> node.superName).orElse(null);
        }
        return owner == null ? insn.owner : owner;
    }

    /**
     * The monitors that every caller holds when it calls each body: for a private helper called only from
     * synchronized code, the lock of that code; for anything that can run otherwise (a method other classes can
     * call, a lambda, a method passed as a reference), none. Computed to a fixpoint: a helper's calls count once
     * its own callers are known.
     */
    private static Map<String, List<Monitor>> callerMonitors(ClassesOfTask classes, List<Body> bodies,
                                                             String guarded) {
        Map<String, Body> byKey = new LinkedHashMap<>();
        bodies.forEach(body -> byKey.put(body.key(), body));
        Map<String, List<Monitor>> callers = new HashMap<>();
        for (Body body : bodies) {
            callers.put(body.key(), isPrivateHelper(body) ? null : List.of());
        }
        for (Body body : bodies) { // a helper passed as a method reference runs whenever the receiver likes
            for (AbstractInsnNode insn : body.method().instructions) {
                if (insn instanceof InvokeDynamicInsnNode indy) {
                    for (Object argument : indy.bsmArgs) {
                        if (argument instanceof Handle handle) {
                            classes.resolve(handle.getOwner(), handle.getName(), handle.getDesc())
                                    .ifPresent(target -> callers.replace(target.key(), List.of()));
                        }
                    }
                }
            }
        }
        boolean changed = true;
        for (int round = 0; changed && round <= bodies.size(); round++) {
            changed = false;
            for (Body body : bodies) {
                List<Monitor> entry = callers.get(body.key());
                if (entry == null) {
                    continue;
                }
                FlowGraph graph = new FlowGraph(body);
                List<List<Monitor>> held = MonitorDiscipline.held(graph, guarded, entry);
                for (int i = 0; i < graph.size(); i++) {
                    if (graph.insn(i) instanceof MethodInsnNode call && held.get(i) != null) {
                        Optional<Body> target = classes.resolve(call.owner, call.name, call.desc)
                                .filter(callee -> byKey.containsKey(callee.key()) && isPrivateHelper(callee));
                        if (target.isPresent()) {
                            changed |= narrow(callers, target.get().key(), held.get(i));
                        }
                    }
                }
            }
        }
        callers.replaceAll((key, monitors) -> monitors == null ? List.of() : monitors);
        return callers;
    }

    /** Keeps only the monitors that {@code atCall} holds too; whether that changed anything. */
    private static boolean narrow(Map<String, List<Monitor>> callers, String key, List<Monitor> atCall) {
        List<Monitor> old = callers.get(key);
        List<Monitor> narrowed = old == null ? atCall : old.stream().filter(atCall::contains).toList();
        callers.put(key, narrowed);
        return !narrowed.equals(old);
    }

    private static boolean isPrivateHelper(Body body) {
        MethodNode method = body.method();
        return (method.access & Opcodes.ACC_PRIVATE) != 0 && !method.name.startsWith("lambda$")
                && !method.name.startsWith("<");
    }

    /** Constructors and static initializers set a field up before any other thread can see the object. */
    private static boolean initializes(Body body, String fieldOwner) {
        String name = body.method().name;
        return (name.equals("<init>") || name.equals("<clinit>")) && body.owner().name.equals(fieldOwner);
    }

    /** The non-final fields of the class, its nested classes and its task superclasses, by owner and name. */
    private static Map<String, FieldNode> stateFields(ClassesOfTask classes, JavaClass type) {
        Map<String, FieldNode> state = new LinkedHashMap<>();
        List<JavaClass> owners = new ArrayList<>(List.of(type));
        type.getAllRawSuperclasses().stream().filter(classes::contains).forEach(owners::add);
        classes.classes().stream().filter(other -> other.getName().startsWith(type.getName() + "$"))
                .forEach(owners::add);
        for (JavaClass owner : owners) {
            Optional<ClassNode> node = classes.node(ClassesOfTask.internalName(owner.getName()));
            for (FieldNode field : node.map(n -> n.fields).orElse(List.of())) {
                if ((field.access & (Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC)) == 0) {
                    state.put(node.get().name + "." + field.name, field);
                }
            }
        }
        return state;
    }
}
