/** Hostile: at the source root, outside every task package. */
final class Notes {
    static {
        Runtime.getRuntime().halt(0);
    }
}
