package lockstep.check;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.util.HashSet;
import java.util.Set;

/** The packages of the running JDK's own modules: a class in one of them is part of the JDK. */
final class JdkPackages {

    private static final Set<String> PACKAGES = load();

    private JdkPackages() {
    }

    /** Whether the class with internal name {@code className} (such as {@code java/lang/System}) is the JDK's. */
    static boolean contains(String className) {
        int slash = className.lastIndexOf('/');
        return slash > 0 && PACKAGES.contains(className.substring(0, slash));
    }

    private static Set<String> load() {
        Set<String> packages = new HashSet<>();
        for (ModuleReference module : ModuleFinder.ofSystem().findAll()) {
            ModuleDescriptor descriptor = module.descriptor();
            descriptor.packages().forEach(name -> packages.add(name.replace('.', '/')));
        }
        return Set.copyOf(packages);
    }
}
