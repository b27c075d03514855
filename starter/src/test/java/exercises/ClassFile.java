package exercises;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The two facts about a compiled class that the synchronization rules need and ArchUnit does not show: which methods
 * hold a {@code synchronized} block (a {@code monitorenter} instruction), and which methods they call inside a
 * {@code finally} block (a handler for any exception). Read from the class file with the JDK alone.
 */
final class ClassFile {

    /**
     * One method's body.
     *
     * @param name              the method's name; a lambda's body is named like {@code lambda$increment$0}
     * @param synchronizedBlock whether it holds a {@code synchronized (...) { }} block
     * @param callsInFinally    names of the methods it calls inside a {@code finally} block
     */
    record Method(String name, boolean synchronizedBlock, Set<String> callsInFinally) {
    }

    private static final int MONITORENTER = 0xc2;

    private final List<Method> methods;

    private ClassFile(List<Method> methods) {
        this.methods = List.copyOf(methods);
    }

    /** The methods of {@code type}, read from its class file. */
    static ClassFile of(Class<?> type) {
        String file = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("cannot find the class file of " + type.getName());
            }
            return read(new DataInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + type.getName(), e);
        }
    }

    List<Method> methods() {
        return methods;
    }

    /** The first method called {@code name}. */
    Optional<Method> method(String name) {
        return methods.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    private static ClassFile read(DataInputStream in) throws IOException {
        in.readInt(); // magic
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        ConstantPool pool = ConstantPool.read(in);
        in.readUnsignedShort(); // access flags
        in.readUnsignedShort(); // this class
        in.readUnsignedShort(); // super class
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipNBytes(6);
            skipAttributes(in);
        }
        int count = in.readUnsignedShort();
        List<Method> methods = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            in.readUnsignedShort(); // access flags: ArchUnit shows those
            String name = pool.utf8(in.readUnsignedShort());
            in.readUnsignedShort(); // descriptor
            boolean synchronizedBlock = false;
            Set<String> callsInFinally = new LinkedHashSet<>();
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = pool.utf8(in.readUnsignedShort());
                int length = in.readInt();
                if (!attribute.equals("Code")) {
                    in.skipNBytes(length);
                    continue;
                }
                in.skipNBytes(4); // max stack, max locals
                byte[] code = new byte[in.readInt()];
                in.readFully(code);
                synchronizedBlock = Bytecode.contains(code, MONITORENTER);
                int handlers = in.readUnsignedShort();
                for (int h = 0; h < handlers; h++) {
                    in.skipNBytes(4); // start, end
                    int handler = in.readUnsignedShort();
                    if (in.readUnsignedShort() == 0) { // catches anything: a finally block
                        callsInFinally.addAll(Bytecode.callsFrom(code, handler, pool));
                    }
                }
                skipAttributes(in);
            }
            methods.add(new Method(name, synchronizedBlock, callsInFinally));
        }
        return new ClassFile(methods);
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt() & 0xffffffffL);
        }
    }

    /** The names in a class file's constant pool, and the method names that invoke instructions refer to. */
    static final class ConstantPool {

        private final String[] utf8;
        private final int[] nameAndTypeOfMethodRef;
        private final int[] nameOfNameAndType;

        private ConstantPool(int size) {
            utf8 = new String[size];
            nameAndTypeOfMethodRef = new int[size];
            nameOfNameAndType = new int[size];
        }

        static ConstantPool read(DataInputStream in) throws IOException {
            int size = in.readUnsignedShort();
            ConstantPool pool = new ConstantPool(size);
            for (int i = 1; i < size; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> pool.utf8[i] = in.readUTF();
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2); // class, string, method type, module, package
                    case 15 -> in.skipNBytes(3); // method handle
                    case 3, 4, 9, 17, 18 -> in.skipNBytes(4); // int, float, field ref, (invoke) dynamic
                    case 10, 11 -> { // method ref, interface method ref
                        in.readUnsignedShort();
                        pool.nameAndTypeOfMethodRef[i] = in.readUnsignedShort();
                    }
                    case 12 -> { // name and type
                        pool.nameOfNameAndType[i] = in.readUnsignedShort();
                        in.readUnsignedShort();
                    }
                    case 5, 6 -> { // long, double: they take two entries
                        in.skipNBytes(8);
                        i++;
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
                }
            }
            return pool;
        }

        String utf8(int index) {
            return utf8[index];
        }

        String methodName(int methodRef) {
            return utf8[nameOfNameAndType[nameAndTypeOfMethodRef[methodRef]]];
        }
    }
}
