package lockstep.check;

/**
 * One entry of the sandbox table: a package (with its subpackages), a class (with its nested classes), or members
 * of a class, written the way a person reads them:
 * <ul>
 *   <li>{@code java.net.*}: every class of {@code java.net} and its subpackages;</li>
 *   <li>{@code java.lang.ProcessBuilder}: the class and its nested classes;</li>
 *   <li>{@code java.lang.System#exit}: a member; a trailing {@code *} matches name prefixes
 *       ({@code java.lang.Class#getDeclared*});</li>
 *   <li>{@code java.io.PrintStream#<init>(Ljava/lang/String;}: a member whose descriptor starts so (the constructors
 *       that open a file by name).</li>
 * </ul>
 *
 * @param owner            the package prefix ({@code java/net/}) or the class's internal name
 * @param wholePackage     whether {@code owner} is a package prefix
 * @param member           the member name or name prefix (ending in {@code *}); {@code null} for the whole class
 * @param descriptorPrefix what the member's descriptor must start with; empty for any
 */
record ForbiddenApi(String owner, boolean wholePackage, String member, String descriptorPrefix) {

    /** Parses one table entry. */
    static ForbiddenApi parse(String spec) {
        int hash = spec.indexOf('#');
        if (hash < 0) {
            if (spec.endsWith(".*")) {
                return new ForbiddenApi(internal(spec.substring(0, spec.length() - 1)), true, null, "");
            }
            return new ForbiddenApi(internal(spec), false, null, "");
        }
        String owner = internal(spec.substring(0, hash));
        String member = spec.substring(hash + 1);
        int paren = member.indexOf('(');
        return paren < 0 ? new ForbiddenApi(owner, false, member, "")
                : new ForbiddenApi(owner, false, member.substring(0, paren), member.substring(paren));
    }

    /** Whether {@code reference} refers to this API. */
    boolean matches(Reference reference) {
        String referred = reference.owner();
        if (wholePackage) {
            return referred.startsWith(owner);
        }
        if (member == null) {
            return referred.equals(owner) || referred.startsWith(owner + "$");
        }
        return referred.equals(owner) && reference.name() != null && nameMatches(reference.name())
                && (descriptorPrefix.isEmpty()
                || reference.descriptor() != null && reference.descriptor().startsWith(descriptorPrefix));
    }

    private boolean nameMatches(String name) {
        return member.endsWith("*") ? name.startsWith(member.substring(0, member.length() - 1)) : name.equals(member);
    }

    private static String internal(String dotted) {
        return dotted.replace('.', '/');
    }
}
