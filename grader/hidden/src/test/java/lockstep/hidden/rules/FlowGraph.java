package lockstep.hidden.rules;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * The control flow of one method body: where each instruction can go next, normally or by an exception. Instructions
 * are numbered by their index in the method's {@link InsnList}; labels and line numbers are steps that do nothing.
 */
final class FlowGraph {

    private final Body body;
    private final InsnList insns;

    FlowGraph(Body body) {
        this.body = body;
        this.insns = body.method().instructions;
    }

    Body body() {
        return body;
    }

    int size() {
        return insns.size();
    }

    AbstractInsnNode insn(int index) {
        return insns.get(index);
    }

    int index(AbstractInsnNode insn) {
        return insns.indexOf(insn);
    }

    /** Where control goes after {@code index} completes normally: the next instruction, jump targets, nothing. */
    List<Integer> normalSuccessors(int index) {
        AbstractInsnNode insn = insns.get(index);
        List<Integer> next = new ArrayList<>(2);
        int opcode = insn.getOpcode();
        if (insn instanceof JumpInsnNode jump) {
            next.add(index(jump.label));
            if (opcode != Opcodes.GOTO) {
                addNext(index, next);
            }
        } else if (insn instanceof TableSwitchInsnNode table) {
            next.add(index(table.dflt));
            table.labels.forEach(label -> next.add(index(label)));
        } else if (insn instanceof LookupSwitchInsnNode lookup) {
            next.add(index(lookup.dflt));
            lookup.labels.forEach(label -> next.add(index(label)));
        } else if (!isExit(opcode)) {
            addNext(index, next);
        }
        return next;
    }

    /** The exception handlers whose try range holds {@code index}, innermost first as javac lists them. */
    List<TryCatchBlockNode> handlers(int index) {
        List<TryCatchBlockNode> covering = new ArrayList<>();
        for (TryCatchBlockNode block : body.method().tryCatchBlocks) {
            if (index(block.start) <= index && index < index(block.end)) {
                covering.add(block);
            }
        }
        return covering;
    }

    /** Where an exception thrown at {@code index} can go: the start of each handler that covers it. */
    List<Integer> exceptionSuccessors(int index) {
        return handlers(index).stream().map(block -> index(block.handler)).toList();
    }

    /** Whether {@code block} catches everything: a {@code finally} block, or {@code catch (Throwable t)}. */
    static boolean catchesAll(TryCatchBlockNode block) {
        return block.type == null || block.type.equals("java/lang/Throwable");
    }

    /** Whether {@code index} is a return of any kind. */
    boolean isReturn(int index) {
        int opcode = insns.get(index).getOpcode();
        return opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN;
    }

    /**
     * Whether running {@code index} can throw, as far as a critical section goes: calls, field and array accesses,
     * object creation, casts, division, throw and monitors. Loads, stores, constants, arithmetic and jumps cannot.
     */
    boolean mayThrow(int index) {
        int opcode = insns.get(index).getOpcode();
        return switch (opcode) {
            case Opcodes.IDIV, Opcodes.LDIV, Opcodes.IREM, Opcodes.LREM,
                    Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD,
                    Opcodes.CALOAD, Opcodes.SALOAD, Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE,
                    Opcodes.DASTORE, Opcodes.AASTORE, Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE,
                    Opcodes.ARRAYLENGTH, Opcodes.ATHROW, Opcodes.MONITORENTER, Opcodes.MONITOREXIT,
                    Opcodes.GETSTATIC, Opcodes.PUTSTATIC, Opcodes.GETFIELD, Opcodes.PUTFIELD,
                    Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE,
                    Opcodes.INVOKEDYNAMIC, Opcodes.NEW, Opcodes.NEWARRAY, Opcodes.ANEWARRAY,
                    Opcodes.MULTIANEWARRAY, Opcodes.CHECKCAST -> true;
            default -> false;
        };
    }

    /** The closest instruction before {@code index} that is not a label, line number or frame, or -1. */
    int previousReal(int index) {
        for (int at = index - 1; at >= 0; at--) {
            if (insns.get(at).getOpcode() >= 0) {
                return at;
            }
        }
        return -1;
    }

    private void addNext(int index, List<Integer> next) {
        if (index + 1 < insns.size()) {
            next.add(index + 1);
        }
    }

    private static boolean isExit(int opcode) {
        return opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN || opcode == Opcodes.ATHROW
                || opcode == Opcodes.RET;
    }
}
