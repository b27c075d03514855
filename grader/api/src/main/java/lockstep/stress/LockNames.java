package lockstep.stress;

import java.lang.management.LockInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Names locks by label where the test gave one, else by class simple name and identity hash. A labelled object's
 * own fields are labelled too ({@code Account[a].lock}), read by reflection without calling its code. A
 * labelled {@link ReentrantLock} is recognised by its owner where that is unambiguous (the JDK reports the lock's
 * internal synchronizer, not the lock itself).
 */
final class LockNames {

    private final Map<Integer, String> labels = new HashMap<>();
    private final Map<String, ReentrantLock> reentrantLocks = new LinkedHashMap<>();

    LockNames(Map<String, Object> lockLabels) {
        lockLabels.forEach((label, object) -> {
            add(label, object);
            fields(label, object);
        });
    }

    private void add(String label, Object object) {
        labels.putIfAbsent(System.identityHashCode(object), label);
        if (object.getClass() == ReentrantLock.class) {
            reentrantLocks.putIfAbsent(label, (ReentrantLock) object);
        }
    }

    /** Labels the objects in {@code object}'s instance fields, one level deep, outside the JDK only. */
    private void fields(String label, Object object) {
        Class<?> type = object.getClass();
        if (HangDiagnosis.isJdk(type.getName())) {
            return;
        }
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                continue;
            }
            try {
                field.setAccessible(true);
                Object value = field.get(object);
                if (value != null && !(value instanceof String) && !(value instanceof Number)) {
                    add(label + "." + field.getName(), value);
                }
            } catch (RuntimeException | IllegalAccessException e) {
                // Not readable here: the lock keeps its generic name.
            }
        }
    }

    /** The lock's name; {@code owner} is the name of the thread that holds it, where known. */
    String describe(LockInfo lock, String owner) {
        if (lock == null) {
            return "nothing";
        }
        String label = labels.get(lock.getIdentityHashCode());
        if (label != null) {
            return label;
        }
        if (owner != null && lock.getClassName().startsWith(ReentrantLock.class.getName() + "$")) {
            String suffix = "[Locked by thread " + owner + "]";
            List<String> held = reentrantLocks.entrySet().stream()
                    .filter(e -> e.getValue().toString().endsWith(suffix))
                    .map(Map.Entry::getKey)
                    .toList();
            if (held.size() == 1) {
                return held.get(0);
            }
        }
        return simpleName(lock.getClassName()) + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }

    /** {@code ReentrantLock} for {@code java.util.concurrent.locks.ReentrantLock$NonfairSync}. */
    private static String simpleName(String className) {
        String name = className.substring(className.lastIndexOf('.') + 1);
        int nested = name.indexOf('$');
        if (nested > 0 && name.substring(nested + 1).endsWith("Sync")) {
            return name.substring(0, nested);
        }
        return name.replace('$', '.');
    }
}
