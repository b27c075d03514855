package lockstep.check;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.TypeAnnotationNode;

/**
 * Where the references of one class are added, each with the member and line it is found at; knows how to take the
 * class names out of descriptors, signatures and annotations.
 */
final class ReferenceSink {

    private final String className;
    private final List<Reference> references = new ArrayList<>();
    private String member;
    private int line;

    ReferenceSink(String className) {
        this.className = className;
    }

    /** The internal name of the class whose references these are. */
    String className() {
        return className;
    }

    /** The member being read, or {@code null} at class level. */
    String member() {
        return member;
    }

    /** The references added so far, in order. */
    List<Reference> references() {
        return references;
    }

    /** Moves to {@code line} of the current member. */
    void line(int line) {
        this.line = line;
    }

    /** Moves to {@code member}, starting at {@code line} (0 where unknown). */
    void at(String member, int line) {
        this.member = member;
        this.line = line;
    }

    /** Adds a reference to {@code owner} (an internal name or array descriptor; primitive arrays are skipped). */
    void add(ReferenceKind kind, String owner, String name, String descriptor) {
        Type type = Type.getObjectType(owner);
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        if (element.getSort() == Type.OBJECT) {
            references.add(new Reference(kind, element.getInternalName(), name, descriptor, className, member,
                    line));
        }
    }

    /** A type given as an internal name or, for arrays, as a descriptor. */
    void type(String internalName) {
        add(ReferenceKind.TYPE, internalName, null, null);
    }

    /** Every class named in a field or method descriptor. */
    void descriptor(String descriptor) {
        if (descriptor == null) {
            return;
        }
        Type type = Type.getType(descriptor);
        if (type.getSort() == Type.METHOD) {
            for (Type argument : type.getArgumentTypes()) {
                classOf(argument);
            }
            classOf(type.getReturnType());
        } else {
            classOf(type);
        }
    }

    private void classOf(Type type) {
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        if (element.getSort() == Type.OBJECT) {
            type(element.getInternalName());
        }
    }

    /** Every class named in a generic signature (type arguments and bounds included). */
    void signature(String signature) {
        if (signature == null) {
            return;
        }
        new SignatureReader(signature).accept(new SignatureVisitor(Opcodes.ASM9) {
            private String outer;

            @Override
            public void visitClassType(String name) {
                outer = name;
                type(name);
            }

            @Override
            public void visitInnerClassType(String name) {
                outer = outer + "$" + name;
                type(outer);
            }
        });
    }

    void annotations(List<AnnotationNode> visible, List<AnnotationNode> invisible) {
        annotationList(visible);
        annotationList(invisible);
    }

    void typeAnnotations(List<TypeAnnotationNode> visible, List<TypeAnnotationNode> invisible) {
        annotationList(visible);
        annotationList(invisible);
    }

    void parameterAnnotations(List<AnnotationNode>[] parameters) {
        if (parameters != null) {
            for (List<AnnotationNode> annotations : parameters) {
                annotationList(annotations);
            }
        }
    }

    private void annotationList(List<? extends AnnotationNode> annotations) {
        if (annotations != null) {
            annotations.forEach(this::annotation);
        }
    }

    private void annotation(AnnotationNode annotation) {
        add(ReferenceKind.ANNOTATION, Type.getType(annotation.desc).getInternalName(), null, null);
        if (annotation.values != null) {
            for (int i = 1; i < annotation.values.size(); i += 2) {
                annotationValue(annotation.values.get(i));
            }
        }
    }

    void annotationValue(Object value) {
        if (value instanceof Type type) {
            descriptor(type.getDescriptor());
        } else if (value instanceof String[] enumValue) {
            descriptor(enumValue[0]);
        } else if (value instanceof AnnotationNode nested) {
            annotation(nested);
        } else if (value instanceof List<?> values) {
            values.forEach(this::annotationValue);
        }
    }
}
