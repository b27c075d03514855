package lockstep.hidden.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.Source;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.objectweb.asm.Type;

/** Turns compiled names into the names a student wrote: classes, methods, fields and source files. */
final class Wording {

    private static final String LAMBDA = "lambda$";

    private Wording() {
    }

    /**
     * A method as a student names it: {@code LockedCounter.increment()}, {@code Launcher.runAll(List, List)},
     * {@code the Account constructor}, {@code Bank.transfer(Account, Account, long) (in a lambda)}.
     */
    static String where(String ownerInternalName, String name, String desc) {
        String type = simpleName(ownerInternalName);
        if (name.startsWith(LAMBDA) && name.lastIndexOf('$') > LAMBDA.length()) {
            String enclosing = name.substring(LAMBDA.length(), name.lastIndexOf('$'));
            return switch (enclosing) {
                case "new" -> "the " + type + " constructor (in a lambda)";
                case "static" -> "the static initializer of " + type + " (in a lambda)";
                default -> type + "." + enclosing + " (in a lambda)";
            };
        }
        return switch (name) {
            case "<init>" -> "the " + type + " constructor";
            case "<clinit>" -> "the static initializer of " + type;
            default -> type + "." + name + "(" + Arrays.stream(Type.getArgumentTypes(desc))
                    .map(argument -> simpleName(argument.getClassName().replace('.', '/')))
                    .collect(Collectors.joining(", ")) + ")";
        };
    }

    /** {@link #where(String, String, String)} of a code unit ArchUnit imported. */
    static String where(JavaCodeUnit unit) {
        return where(ClassesOfTask.internalName(unit.getOwner().getName()), unit.getName(), descriptor(unit));
    }

    /** The JVM descriptor of a code unit, such as {@code (Ljava/util/List;Ljava/util/List;)V}. */
    static String descriptor(JavaCodeUnit unit) {
        return unit.getRawParameterTypes().stream().map(Wording::descriptor)
                .collect(Collectors.joining("", "(", ")")) + descriptor(unit.getRawReturnType());
    }

    /** A field as a student names it: {@code LockedCounter.lock}. */
    static String field(JavaField field) {
        return simpleName(ClassesOfTask.internalName(field.getOwner().getName())) + "." + field.getName();
    }

    /**
     * The class without its package, nested names joined with dots: {@code LockedCounter}, {@code Bank.Pair},
     * {@code Launcher$1} for an anonymous class; array types keep their brackets.
     */
    static String simpleName(String internalName) {
        String[] parts = internalName.substring(internalName.lastIndexOf('/') + 1).split("\\$", -1);
        StringBuilder name = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String local = parts[i].replaceFirst("^[0-9]+", "");
            name.append(local.isEmpty() ? "$" + parts[i] : "." + local);
        }
        return name.toString();
    }

    /** A type as a student writes it: simple in {@code java.lang} and in the assignment, otherwise qualified. */
    static String typeName(JavaClass type) {
        String name = type.getName();
        if (type.isArray() || type.isPrimitive() || name.startsWith("java.lang.") && name.indexOf('.', 10) < 0
                || name.startsWith("exercises.")) {
            return simpleName(ClassesOfTask.internalName(type.isArray() ? type.getSimpleName() : name));
        }
        return name.replace('$', '.');
    }

    /** The source file of a class, from the source root: {@code exercises/locks/LockedCounter.java}. */
    static String file(String ownerInternalName, String sourceFile) {
        int slash = ownerInternalName.lastIndexOf('/');
        String folder = slash < 0 ? "" : ownerInternalName.substring(0, slash + 1);
        if (sourceFile != null && !sourceFile.isBlank()) {
            return folder + sourceFile;
        }
        String outermost = ownerInternalName.substring(slash + 1).split("\\$", -1)[0];
        return folder + outermost + ".java";
    }

    /** {@link #file(String, String)} of a class ArchUnit imported. */
    static String file(JavaClass type) {
        return file(ClassesOfTask.internalName(type.getName()),
                type.getSource().flatMap(Source::getFileName).orElse(null));
    }

    private static String descriptor(JavaClass type) {
        if (type.isArray()) {
            return "[" + descriptor(type.getComponentType());
        }
        return switch (type.getName()) {
            case "void" -> "V";
            case "boolean" -> "Z";
            case "byte" -> "B";
            case "char" -> "C";
            case "short" -> "S";
            case "int" -> "I";
            case "long" -> "J";
            case "float" -> "F";
            case "double" -> "D";
            default -> "L" + ClassesOfTask.internalName(type.getName()) + ";";
        };
    }
}
