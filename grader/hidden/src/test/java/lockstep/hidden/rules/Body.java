package lockstep.hidden.rules;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * One method body in bytecode, as the bytecode rules read it: a method of the task, or the synthetic method javac
 * compiles a lambda into.
 *
 * @param owner  the class that declares it
 * @param method the method
 * @param where  how a student names it, such as {@code LockedCounter.increment()} or
 *               {@code LockedCounter.increment() (in a lambda)}
 */
record Body(ClassNode owner, MethodNode method, String where) {

    /** A method named as its declaration reads. */
    static Body of(ClassNode owner, MethodNode method) {
        return new Body(owner, method, Wording.where(owner.name, method.name, method.desc));
    }

    /** Owner, name and descriptor: the same for every route that finds this method. */
    String key() {
        return owner.name + "." + method.name + method.desc;
    }

    /** The source file, as a path from the source root: {@code exercises/locks/LockedCounter.java}. */
    String file() {
        return Wording.file(owner.name, owner.sourceFile);
    }

    /** The source line of {@code insn}: the closest line number before it, or the method's first line. */
    int line(AbstractInsnNode insn) {
        for (AbstractInsnNode at = insn; at != null; at = at.getPrevious()) {
            if (at instanceof LineNumberNode number) {
                return number.line;
            }
        }
        return firstLine();
    }

    /** The first line of the body, or 0 where the class file has no line numbers. */
    int firstLine() {
        for (AbstractInsnNode at = method.instructions.getFirst(); at != null; at = at.getNext()) {
            if (at instanceof LineNumberNode number) {
                return number.line;
            }
        }
        return 0;
    }

    /** A violation in this body at the line of {@code insn}. */
    Violation at(AbstractInsnNode insn, String message) {
        return new Violation(file(), line(insn), message);
    }
}
