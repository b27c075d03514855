package lockstep.check;

import java.util.List;
import java.util.Map;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.RecordComponentNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Lists every reference a compiled class makes to other classes and members: instructions of every kind, constants,
 * bootstrap methods and their arguments, supertypes, descriptors, signatures and annotations. The attributes javac
 * writes for its own bookkeeping ({@code InnerClasses}, nest members) are not references made by the student.
 */
final class ReferenceCollector {

    /** The method javac generates to deserialize serializable lambdas; it uses {@code SerializedLambda} itself. */
    private static final String DESERIALIZE_LAMBDA = "$deserializeLambda$";

    private final Map<String, ClassNode> taskClasses;

    /** A collector that resolves members inherited through {@code taskClasses} (by internal name). */
    ReferenceCollector(Map<String, ClassNode> taskClasses) {
        this.taskClasses = taskClasses;
    }

    /** Every reference {@code type} makes, in the order they appear. */
    List<Reference> collect(ClassNode type) {
        ReferenceSink sink = new ReferenceSink(type.name);
        if (type.superName != null) {
            sink.add(ReferenceKind.EXTENDS, type.superName, null, null);
        }
        type.interfaces.forEach(name -> sink.add(ReferenceKind.IMPLEMENTS, name, null, null));
        sink.signature(type.signature);
        sink.annotations(type.visibleAnnotations, type.invisibleAnnotations);
        sink.typeAnnotations(type.visibleTypeAnnotations, type.invisibleTypeAnnotations);
        if (type.recordComponents != null) {
            for (RecordComponentNode component : type.recordComponents) {
                sink.at(component.name, 0);
                sink.descriptor(component.descriptor);
                sink.signature(component.signature);
                sink.annotations(component.visibleAnnotations, component.invisibleAnnotations);
            }
        }
        for (FieldNode field : type.fields) {
            sink.at(field.name, 0);
            sink.descriptor(field.desc);
            sink.signature(field.signature);
            sink.annotations(field.visibleAnnotations, field.invisibleAnnotations);
            sink.typeAnnotations(field.visibleTypeAnnotations, field.invisibleTypeAnnotations);
        }
        for (MethodNode method : type.methods) {
            boolean generated = (method.access & Opcodes.ACC_SYNTHETIC) != 0 && method.name.equals(DESERIALIZE_LAMBDA);
            if (!generated) {
                method(sink, method);
            }
        }
        return sink.references();
    }

    private void method(ReferenceSink sink, MethodNode method) {
        sink.at(method.name, firstLine(method));
        if ((method.access & Opcodes.ACC_NATIVE) != 0) {
            sink.add(ReferenceKind.NATIVE, sink.className(), method.name, method.desc);
        }
        sink.descriptor(method.desc);
        sink.signature(method.signature);
        method.exceptions.forEach(sink::type);
        sink.annotations(method.visibleAnnotations, method.invisibleAnnotations);
        sink.typeAnnotations(method.visibleTypeAnnotations, method.invisibleTypeAnnotations);
        sink.parameterAnnotations(method.visibleParameterAnnotations);
        sink.parameterAnnotations(method.invisibleParameterAnnotations);
        if (method.annotationDefault != null) {
            sink.annotationValue(method.annotationDefault);
        }
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            if (block.type != null) {
                sink.type(block.type);
            }
        }
        if (method.localVariables != null) {
            for (LocalVariableNode variable : method.localVariables) {
                sink.descriptor(variable.desc);
                sink.signature(variable.signature);
            }
        }
        for (AbstractInsnNode instruction : method.instructions) {
            instruction(sink, instruction);
        }
    }

    private void instruction(ReferenceSink sink, AbstractInsnNode instruction) {
        if (instruction instanceof LineNumberNode lineNumber) {
            sink.line(lineNumber.line);
        } else if (instruction instanceof MethodInsnNode call) {
            if (!isSuperConstructorCall(sink, call)) {
                sink.add(ReferenceKind.CALL, resolve(call.owner, call.name, call.desc, true), call.name, call.desc);
            }
            sink.descriptor(call.desc);
        } else if (instruction instanceof FieldInsnNode field) {
            sink.add(ReferenceKind.FIELD, resolve(field.owner, field.name, field.desc, false), field.name, field.desc);
            sink.descriptor(field.desc);
        } else if (instruction instanceof TypeInsnNode type && type.getOpcode() != Opcodes.NEW) {
            // A NEW is always followed by its constructor call, which names the class and reads better.
            sink.type(type.desc);
        } else if (instruction instanceof MultiANewArrayInsnNode array) {
            sink.descriptor(array.desc);
        } else if (instruction instanceof LdcInsnNode constant) {
            constant(sink, constant.cst);
        } else if (instruction instanceof InvokeDynamicInsnNode dynamic) {
            bootstrap(sink, dynamic.bsm, dynamic.bsmArgs);
            sink.descriptor(dynamic.desc);
        }
    }

    private void constant(ReferenceSink sink, Object value) {
        if (value instanceof Type type) {
            sink.descriptor(type.getDescriptor());
        } else if (value instanceof Handle handle) {
            boolean isMethod = handle.getTag() > Opcodes.H_PUTSTATIC;
            sink.add(ReferenceKind.METHOD_REF, resolve(handle.getOwner(), handle.getName(), handle.getDesc(), isMethod),
                    handle.getName(), handle.getDesc());
            sink.descriptor(handle.getDesc());
        } else if (value instanceof ConstantDynamic dynamic) {
            Object[] arguments = new Object[dynamic.getBootstrapMethodArgumentCount()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = dynamic.getBootstrapMethodArgument(i);
            }
            bootstrap(sink, dynamic.getBootstrapMethod(), arguments);
            sink.descriptor(dynamic.getDescriptor());
        }
    }

    private void bootstrap(ReferenceSink sink, Handle method, Object[] arguments) {
        sink.add(ReferenceKind.BOOTSTRAP, method.getOwner(), method.getName(), method.getDesc());
        for (Object argument : arguments) {
            constant(sink, argument);
        }
    }

    /**
     * The class a member reached through {@code owner} really comes from: {@code owner} itself unless it is a class
     * of the submission that inherits the member from a JDK class (a {@code Thread} subclass calling {@code stop()}).
     */
    private String resolve(String owner, String name, String descriptor, boolean isMethod) {
        String current = owner;
        while (taskClasses.containsKey(current)) {
            ClassNode type = taskClasses.get(current);
            boolean declared = isMethod
                    ? type.methods.stream().anyMatch(m -> m.name.equals(name) && m.desc.equals(descriptor))
                    : type.fields.stream().anyMatch(f -> f.name.equals(name));
            if (declared || type.superName == null) {
                return owner;
            }
            current = type.superName;
        }
        return current;
    }

    /** A constructor's {@code super(...)} call: the superclass is already checked as {@code EXTENDS}. */
    private boolean isSuperConstructorCall(ReferenceSink sink, MethodInsnNode call) {
        ClassNode type = taskClasses.get(sink.className());
        return call.name.equals("<init>") && "<init>".equals(sink.member()) && type != null
                && call.owner.equals(type.superName);
    }

    private static int firstLine(MethodNode method) {
        for (AbstractInsnNode instruction : method.instructions) {
            if (instruction instanceof LineNumberNode lineNumber) {
                return lineNumber.line;
            }
        }
        return 0;
    }
}
