package io.stratus.release.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * How the class files of an installation link into an API (the classes whose names start with a
 * prefix, such as SWT's or the whole Eclipse platform's): each API class they name, each API field
 * and method they use (by owner class, name and descriptor, as the JVM looks it up), and what the
 * installation's API classes declare. OSGi wires a bundle to the API's packages whatever version
 * provides them within the bundle's ranges, and the JVM resolves a method only when the code
 * calling it first runs: an API older than the one the code was compiled against starts, then fails
 * with NoSuchMethodError. {@link #unresolved()} finds every such link ahead of time (names only:
 * access and static-ness are not checked).
 */
final class ApiLinks {

    /** SWT, whose fragment of another version than its host's is the desktop archives' risk. */
    static final String SWT = "org/eclipse/swt/";

    private final String api;
    private final Predicate<String> users;

    // Constant pool tags (JVMS 4.4).
    private static final int CLASS = 7;
    private static final int FIELD = 9;
    private static final int METHOD = 10;
    private static final int INTERFACE_METHOD = 11;

    private record Member(String name, String descriptor) {
    }

    /** A class's supertypes and the fields and methods it declares itself. */
    private record Declared(String superName, List<String> interfaces, Set<Member> members) {
    }

    /** From a class of {@code bundle} to an API class, or to one of its fields or methods. */
    private record Link(String bundle, String owner, Member member) {

        @Override
        public String toString() {
            String target = owner.replace('/', '.') + (member == null ? "" : "." + member.name() + member.descriptor());
            return bundle + " uses " + target;
        }
    }

    /** The API's class files by class name, read into {@link Declared} only when a link needs them. */
    private final Map<String, byte[]> apiClassFiles = new HashMap<>();
    private final Map<String, Declared> apiClasses = new HashMap<>();
    private final Set<Link> links = new HashSet<>();
    /** JDK classes that API classes extend, read as needed; null where the JDK has no such class. */
    private final Map<String, Declared> jdkClasses = new HashMap<>();

    /**
     * @param api the prefix of the API's class names ({@link #SWT}, or {@code org/eclipse/})
     * @param users which bundles' links count, by file or folder name in plugins/
     */
    ApiLinks(String api, Predicate<String> users) {
        this.api = api;
        this.users = users;
    }

    /** Reads a class file of {@code bundle} (its file or folder name in plugins/). */
    void add(String bundle, byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        if (reader.getClassName().startsWith(api)) {
            apiClassFiles.put(reader.getClassName(), classFile);
        }
        if (!users.test(bundle)) {
            return;
        }
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            if (offset == 0) {
                continue; // the unused slot after a long or double
            }
            switch (reader.readByte(offset - 1)) {
                case CLASS -> linkTo(bundle, reader.readUTF8(offset, buffer), null);
                case FIELD, METHOD, INTERFACE_METHOD -> {
                    int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
                    Member member = new Member(reader.readUTF8(nameAndType, buffer), reader.readUTF8(nameAndType + 2, buffer));
                    linkTo(bundle, reader.readClass(offset, buffer), member);
                }
                default -> {
                }
            }
        }
    }

    /** The bundles (file or folder names in plugins/) with a class that uses the API. */
    Set<String> linkingBundles() {
        return links.stream().map(Link::bundle).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The links to an API class, field or method that the installation's API lacks, sorted. */
    List<String> unresolved() {
        return links.stream().filter(link -> !resolves(link)).map(Link::toString).sorted().toList();
    }

    private void linkTo(String bundle, String className, Member member) {
        // An array's methods are Object's (clone); only its element class must exist.
        boolean array = className.startsWith("[");
        String element = array ? className.replaceFirst("^\\[+L?", "").replaceFirst(";$", "") : className;
        if (element.startsWith(api)) {
            links.add(new Link(bundle, element, array ? null : member));
        }
    }

    private boolean resolves(Link link) {
        return link.member() == null ? apiClassFiles.containsKey(link.owner()) : declares(link.owner(), link.member());
    }

    /** Whether the class or one of its supertypes declares the member. */
    private boolean declares(String className, Member member) {
        Declared declared = className.startsWith(api) ? apiClass(className) : jdkClass(className);
        if (declared == null) {
            return false;
        }
        return declared.members().contains(member)
                || Stream.concat(Stream.ofNullable(declared.superName()), declared.interfaces().stream())
                        .anyMatch(supertype -> declares(supertype, member));
    }

    private Declared apiClass(String className) {
        byte[] classFile = apiClassFiles.get(className);
        return classFile == null ? null : apiClasses.computeIfAbsent(className, name -> declared(new ClassReader(classFile)));
    }

    private Declared jdkClass(String className) {
        if (!jdkClasses.containsKey(className)) {
            try (InputStream in = ClassLoader.getSystemResourceAsStream(className + ".class")) {
                jdkClasses.put(className, in == null ? null : declared(new ClassReader(in)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the JDK's " + className, e);
            }
        }
        return jdkClasses.get(className);
    }

    private static Declared declared(ClassReader reader) {
        Set<Member> members = new HashSet<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                members.add(new Member(name, descriptor));
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                members.add(new Member(name, descriptor));
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new Declared(reader.getSuperName(), List.of(reader.getInterfaces()), members);
    }
}
