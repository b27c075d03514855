package lockstep.check;

/** How a compiled class refers to another class or member; decides how a violation is worded. */
enum ReferenceKind {
    /** A method or constructor call (any {@code INVOKE*} but {@code INVOKEDYNAMIC}). */
    CALL,
    /** A field read or write. */
    FIELD,
    /** A type named anywhere: an instruction operand, a descriptor, a signature, a constant, a catch clause. */
    TYPE,
    /** A method handle constant, as a method reference such as {@code System::exit} compiles to. */
    METHOD_REF,
    /** The superclass. */
    EXTENDS,
    /** An implemented (or, for an interface, extended) interface. */
    IMPLEMENTS,
    /** An annotation's type. */
    ANNOTATION,
    /** A method declared {@code native}: the owner is the declaring class. */
    NATIVE,
    /** The bootstrap method of an {@code invokedynamic} or dynamic constant. */
    BOOTSTRAP
}
