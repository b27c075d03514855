package lockstep.check;

import java.util.Locale;

/** Turns compiled names into the words of a violation: where it is, and what the code does there. */
final class Wording {

    private static final String LAMBDA = "lambda$";

    private Wording() {
    }

    /** The place in the student's code, such as {@code RaceDemo.run} or {@code the RaceDemo constructor}. */
    static String where(String className, String member) {
        String type = simpleName(className);
        if (member == null) {
            return type;
        }
        String name = member;
        String suffix = "";
        if (name.startsWith(LAMBDA) && name.lastIndexOf('$') > LAMBDA.length()) {
            name = name.substring(LAMBDA.length(), name.lastIndexOf('$'));
            name = name.equals("new") ? "<init>" : name.equals("static") ? "<clinit>" : name;
            suffix = " (in a lambda)";
        }
        if (name.equals("<init>")) {
            return "the " + type + " constructor" + suffix;
        }
        if (name.equals("<clinit>")) {
            return "the static initializer of " + type + suffix;
        }
        return type + "." + name + suffix;
    }

    /**
     * What the reference does, such as {@code calls System.exit} or, for {@code System::exit}, {@code passes
     * System.exit as a method reference}.
     */
    static String action(Reference reference) {
        String owner = displayName(reference.owner());
        String name = reference.name();
        return switch (reference.kind()) {
            case CALL -> name.equals("<init>") ? "creates a " + owner : "calls " + owner + "." + name;
            case FIELD -> "uses " + owner + "." + name;
            case METHOD_REF -> "passes " + (name.equals("<init>") ? "the " + owner + " constructor" : owner + "." + name)
                    + " as a method reference";
            case EXTENDS -> "extends " + owner;
            case IMPLEMENTS -> "implements " + owner;
            case ANNOTATION -> "is annotated with @" + owner;
            case NATIVE -> "is declared native";
            case BOOTSTRAP -> String.format(Locale.ROOT, "makes a dynamic call through %s.%s, which javac never"
                    + " generates for plain Java code", owner, name);
            case TYPE -> "uses " + owner;
        };
    }

    /** A JDK or submission class as a student writes it: simple for {@code java.lang}, else fully qualified. */
    static String displayName(String internalName) {
        int slash = internalName.lastIndexOf('/');
        String packageName = slash < 0 ? "" : internalName.substring(0, slash);
        if (packageName.equals("java/lang") || packageName.startsWith("exercises")) {
            return simpleName(internalName);
        }
        return internalName.replace('/', '.').replace('$', '.');
    }

    /** The class's name without its package, nested names joined with dots: {@code RaceDemo.Worker}, {@code
     * RaceDemo$1} for an anonymous class. */
    static String simpleName(String internalName) {
        String[] parts = internalName.substring(internalName.lastIndexOf('/') + 1).split("\\$", -1);
        StringBuilder name = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            String local = part.replaceFirst("^[0-9]+", "");
            if (local.isEmpty()) {
                name.append('$').append(part);
            } else {
                name.append('.').append(local);
            }
        }
        return name.toString();
    }
}
