package exercises;

import java.util.ArrayList;
import java.util.List;

/** Walks the instructions of one method's bytecode: each instruction's length, per the JVM specification, 6.5. */
final class Bytecode {

    private static final int INVOKEVIRTUAL = 0xb6;
    private static final int INVOKEINTERFACE = 0xb9;
    private static final int GOTO = 0xa7;
    private static final int ATHROW = 0xbf;

    private Bytecode() {
    }

    /** Whether {@code code} holds an instruction with this opcode. */
    static boolean contains(byte[] code, int opcode) {
        for (int pc = 0; pc < code.length; pc += length(code, pc)) {
            if ((code[pc] & 0xff) == opcode) {
                return true;
            }
        }
        return false;
    }

    /** The names of the methods invoked from {@code start} up to the first jump, return or throw. */
    static List<String> callsFrom(byte[] code, int start, ClassFile.ConstantPool pool) {
        List<String> calls = new ArrayList<>();
        for (int pc = start; pc < code.length; pc += length(code, pc)) {
            int op = code[pc] & 0xff;
            if (op >= INVOKEVIRTUAL && op <= INVOKEINTERFACE) { // invokevirtual, -special, -static, -interface
                calls.add(pool.methodName(((code[pc + 1] & 0xff) << 8) | (code[pc + 2] & 0xff)));
            }
            boolean returns = op >= 0xac && op <= 0xb1;
            if (op == ATHROW || op == GOTO || op == 0xc8 || returns) {
                break;
            }
        }
        return calls;
    }

    /** The length in bytes of the instruction at {@code pc}. */
    static int length(byte[] code, int pc) {
        int op = code[pc] & 0xff;
        if (op == 0x10 || op == 0x12 || (op >= 0x15 && op <= 0x19) || (op >= 0x36 && op <= 0x3a) || op == 0xa9
                || op == 0xbc) {
            return 2; // bipush, ldc, loads and stores with an index, ret, newarray
        }
        if (op == 0x11 || op == 0x13 || op == 0x14 || op == 0x84 || (op >= 0x99 && op <= 0xa8)
                || (op >= 0xb2 && op <= 0xb8) || op == 0xbb || op == 0xbd || op == 0xc0 || op == 0xc1
                || op == 0xc6 || op == 0xc7) {
            return 3; // sipush, ldc_w, ldc2_w, iinc, branches, field access, invokes, new, casts, ifnull
        }
        if (op == 0xc5) {
            return 4; // multianewarray
        }
        if (op == 0xb9 || op == 0xba || op == 0xc8 || op == 0xc9) {
            return 5; // invokeinterface, invokedynamic, goto_w, jsr_w
        }
        if (op == 0xc4) {
            return (code[pc + 1] & 0xff) == 0x84 ? 6 : 4; // wide iinc, other wide
        }
        if (op == 0xaa || op == 0xab) {
            int operands = (pc + 4) & ~3; // padded to a multiple of four
            if (op == 0xaa) { // tableswitch: default, low, high, then high - low + 1 offsets
                return operands + 12 + 4 * (readInt(code, operands + 8) - readInt(code, operands + 4) + 1) - pc;
            }
            return operands + 8 + 8 * readInt(code, operands + 4) - pc; // lookupswitch: default, pairs, pairs
        }
        return 1;
    }

    private static int readInt(byte[] code, int at) {
        return ((code[at] & 0xff) << 24) | ((code[at + 1] & 0xff) << 16) | ((code[at + 2] & 0xff) << 8)
                | (code[at + 3] & 0xff);
    }
}
