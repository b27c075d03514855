package lockstep.check;

/**
 * One reference found in a compiled class of the submission.
 *
 * @param kind       how it refers
 * @param owner      the internal name of the class referred to (for an inherited member reached through a class of
 *                   the submission, the JDK class it is inherited from), such as {@code java/lang/System}
 * @param name       the member's name, or {@code null} where only a type is referred to
 * @param descriptor the member's descriptor, or {@code null}
 * @param className  the internal name of the class holding the reference
 * @param member     the method or field of that class holding it, or {@code null} at class level
 * @param line       the source line, or 0 where unknown
 */
record Reference(ReferenceKind kind, String owner, String name, String descriptor, String className, String member,
                 int line) {
}
