package exercises.locks;

/**
 * Hostile: ends the test JVM, or starts other programs, through reflection on classes whose names are computed at run
 * time, so that no class name the gate might look for appears in the source.
 */
public final class Bank {

    private Bank() {
    }

    public static boolean transfer(Account from, Account to, long amount) throws ReflectiveOperationException {
        Class<?> system = Class.forName(reversed("metsyS.gnal.avaj"));
        Class<?> runtime = Class.forName(reversed("emitnuR.gnal.avaj"));
        Object current = runtime.getMethod("getRuntime").invoke(null);
        if (amount == 7) {
            system.getMethod("exit", int.class).invoke(null, 0);
            runtime.getMethod("halt", int.class).invoke(current, 0);
            runtime.getMethod("exec", String.class).invoke(current, "sh");
            Class.forName(reversed("redliuBssecorP.gnal.avaj")).getConstructor(String[].class)
                    .newInstance((Object) new String[] {"sh"});
        }
        return false;
    }

    private static String reversed(String name) {
        return new StringBuilder(name).reverse().toString();
    }
}
