package exercises.locks;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Hostile: ends the test JVM, or starts other programs, from lambdas run on threads of its own. */
public final class Bank {

    private Bank() {
    }

    public static boolean transfer(Account from, Account to, long amount) {
        Runnable exit = () -> System.exit(0);
        Runnable halt = () -> Runtime.getRuntime().halt(0);
        Runnable exec = () -> {
            try {
                Runtime.getRuntime().exec(new String[] {"sh", "-c", "echo escaped"});
                new ProcessBuilder("sh").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        for (Runnable escape : new Runnable[] {exit, halt, exec}) {
            new Thread(escape).start();
        }
        return false;
    }
}
