package dev.keyline.domain.testing;

import com.google.common.testing.ArbitraryInstances;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import dev.keyline.domain.common.InvalidArgumentException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Proves mechanically that every public constructor and method of a package tree rejects a null
 * argument with an {@link InvalidArgumentException} naming that argument.
 *
 * <p>For every public class (top-level or nested in public classes) of the given packages, every
 * public constructor, public static method and public instance method it declares is called once
 * per reference-typed parameter, with that parameter null and every other parameter set to a
 * non-null sample. The call must throw an {@code InvalidArgumentException} whose
 * {@link InvalidArgumentException#argument() argument()} is the parameter's name (or a path into it
 * such as {@code name.field} or {@code name[0]}), or whose message names the parameter as a word.
 * Parameter names come from the class files, so the code under test must be compiled with
 * {@code -parameters}.
 *
 * <p>Not called: {@code equals}, synthetic and bridge methods, an enum's {@code valueOf}, members
 * without reference-typed parameters, and abstract methods of types for which no instance was
 * registered exactly with {@link #instance} or {@link #subject} (those are contracts: each public
 * implementation is checked as a class of its own; the report lists them). Registering an instance
 * of an interface checks its abstract methods on that instance, which is how a non-public
 * implementation handed out by a public factory is reached. Everything else that cannot be called, because no sample value or
 * instance is known, is reported as missing and fails {@link Report#assertClean()} unless it is
 * excluded with a reason. Allowances (parameters that may be null), aliases and exclusions that
 * match nothing also fail it, so the lists stay reviewed.
 *
 * <p>An instance method is called on the instance registered for its class ({@link #instance},
 * {@link #subject}), else on a value registered for it, else on a registered instance or value of
 * a subtype, an enum's first constant, a record built from samples, or an object made through the
 * class's public constructor with the fewest parameters.
 *
 * <p>Samples are resolved in this order: a value registered for the exact parameter
 * ({@link #argument}), a value registered for the exact type ({@link #value}), an enum's first
 * constant, a value or instance registered for a subtype, an empty array, Guava's
 * {@link ArbitraryInstances}, and finally a record built through its canonical constructor from
 * samples of its components. Suppliers are called for every call, so mutable samples (aggregates,
 * storage) are fresh each time.
 *
 * <p>Used by every module's {@code PublicApiNullArgumentsTest}; an adapter writer can run it over
 * their own packages with the Keyline samples of the SPI test-jar.
 */
public final class NullArgumentsTester {

    /** Runs a call on a sample instance, for example inside a transaction of the instance's storage. */
    @FunctionalInterface
    public interface Around {

        /**
         * Runs {@code call} and returns its result; exceptions it throws must propagate unchanged.
         *
         * @param call the reflective call
         * @return what the call returned
         */
        Object run(Supplier<Object> call);
    }

    /**
     * A sample instance on which instance methods are called, and how those calls run. The
     * instance is read inside {@link #around()}, so a subject may hand out an object that exists
     * only there (a command context inside a running command).
     *
     * @param instance gives the receiver of a call, when the call runs
     * @param around how each call runs
     */
    public record Subject(Supplier<?> instance, Around around) {

        /** Checks the components. */
        public Subject {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(around, "around");
        }

        /**
         * A subject whose calls run directly.
         *
         * @param instance the receiver
         * @return the subject
         */
        public static Subject of(Object instance) {
            return of(instance, Supplier::get);
        }

        /**
         * A subject whose calls run through {@code around}.
         *
         * @param instance the receiver
         * @param around how each call runs
         * @return the subject
         */
        public static Subject of(Object instance, Around around) {
            Objects.requireNonNull(instance, "instance");
            return new Subject(() -> instance, around);
        }
    }

    /** The name a constructor has in keys and reports. */
    public static final String CONSTRUCTOR = "<init>";

    /** The parameter name that stands for every parameter of a member in an allowance. */
    private static final String ANY_PARAMETER = "*";

    private static final int RECORD_DEPTH = 3;

    private final Map<Class<?>, Supplier<?>> values = new LinkedHashMap<>();
    private final Map<Class<?>, Supplier<Subject>> instances = new LinkedHashMap<>();
    private final Map<String, Supplier<?>> arguments = new LinkedHashMap<>();
    private final Map<String, String> nullable = new TreeMap<>();
    private final Map<String, String> excluded = new TreeMap<>();
    private final Map<String, String> aliases = new TreeMap<>();
    private final Map<String, String> aliasReasons = new TreeMap<>();

    /** A tester with no samples registered; Guava's arbitrary instances and records still resolve. */
    public NullArgumentsTester() {
    }

    /**
     * Registers a sample value for parameters of exactly {@code type} (and, failing a closer match,
     * of its supertypes); also used as the instance for {@code type}'s instance methods when no
     * instance is registered.
     *
     * @param type the parameter type
     * @param sample makes a valid, non-null value
     * @param <T> the type
     * @return this tester
     */
    public <T> NullArgumentsTester value(Class<T> type, Supplier<? extends T> sample) {
        values.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(sample, "sample"));
        return this;
    }

    /**
     * Registers the instance on which {@code type}'s instance methods (and those of its supertypes,
     * failing a closer match) are called.
     *
     * @param type the declaring type
     * @param sample makes a fresh instance
     * @param <T> the type
     * @return this tester
     */
    public <T> NullArgumentsTester instance(Class<T> type, Supplier<? extends T> sample) {
        Objects.requireNonNull(sample, "sample");
        return subject(type, () -> Subject.of(sample.get()));
    }

    /**
     * Registers the subject (instance and how calls on it run) for {@code type}'s instance methods.
     *
     * @param type the declaring type
     * @param subject makes a fresh subject whose instance is a {@code type}
     * @return this tester
     */
    public NullArgumentsTester subject(Class<?> type, Supplier<Subject> subject) {
        instances.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(subject, "subject"));
        return this;
    }

    /**
     * Registers the value of one parameter of one member, for a parameter whose type's sample does
     * not suit it (a string that must be a currency code, a class literal, ...).
     *
     * @param owner the class declaring the member
     * @param member the method name, or {@link #CONSTRUCTOR}
     * @param parameter the parameter name
     * @param sample makes the value
     * @return this tester
     */
    public NullArgumentsTester argument(Class<?> owner, String member, String parameter, Supplier<?> sample) {
        arguments.put(key(owner, member, parameter), Objects.requireNonNull(sample, "sample"));
        return this;
    }

    /**
     * Allows one parameter to be null: the member is still called with it null but any outcome is
     * accepted. Every allowance needs a reason and must match a parameter.
     *
     * @param owner the class declaring the member
     * @param member the method name, or {@link #CONSTRUCTOR}
     * @param parameter the parameter name
     * @param reason why null is a legal value
     * @return this tester
     */
    public NullArgumentsTester nullable(Class<?> owner, String member, String parameter, String reason) {
        nullable.put(key(owner, member, parameter), requireReason(reason));
        return this;
    }

    /**
     * Allows every reference-typed parameter of one member to be null, for a member that carries
     * data unchecked on purpose (a snapshot that a {@code restore} validates).
     *
     * @param owner the class declaring the member
     * @param member the method name, or {@link #CONSTRUCTOR}
     * @param reason why null is a legal value of every parameter
     * @return this tester
     */
    public NullArgumentsTester nullableParameters(Class<?> owner, String member, String reason) {
        return nullable(owner, member, ANY_PARAMETER, reason);
    }

    /**
     * Accepts a second name for one parameter in the exception, for a parameter that the code names
     * by what it is in the business rather than by its Java name (an identifier's {@code value}
     * component is reported as {@code accountId}).
     *
     * @param owner the class declaring the member
     * @param member the method name, or {@link #CONSTRUCTOR}
     * @param parameter the parameter name
     * @param name the name the exception may give instead
     * @param reason why that name is the clearer one
     * @return this tester
     */
    public NullArgumentsTester alias(Class<?> owner, String member, String parameter, String name, String reason) {
        String key = key(owner, member, parameter);
        aliases.put(key, Objects.requireNonNull(name, "name"));
        aliasReasons.put(key, requireReason(reason));
        return this;
    }

    /**
     * Leaves every overload of one member unchecked. Every exclusion needs a reason and must match a
     * member.
     *
     * @param owner the class declaring the member
     * @param member the method name, or {@link #CONSTRUCTOR}
     * @param reason why it cannot be checked this way
     * @return this tester
     */
    public NullArgumentsTester exclude(Class<?> owner, String member, String reason) {
        excluded.put(key(owner, member), requireReason(reason));
        return this;
    }

    /**
     * Checks the public API of the packages (each with its subpackages), as found among the
     * non-test classes of the class path.
     *
     * @param packages package names such as {@code dev.keyline.domain}
     * @return the findings
     */
    public Report check(String... packages) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (JavaClass javaClass : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(NullArgumentsTester::notATestJar)
                .importPackages(packages)) {
            if (isPublicApi(javaClass)) {
                classes.add(javaClass.reflect());
            }
        }
        if (classes.isEmpty()) {
            throw new AssertionError("no public class found in " + Arrays.toString(packages));
        }
        return check(String.join(", ", packages), classes);
    }

    /**
     * Checks the public API of the given classes.
     *
     * @param classes public classes
     * @return the findings
     */
    public Report check(Iterable<Class<?>> classes) {
        return check("the given classes", classes);
    }

    private Report check(String label, Iterable<Class<?>> classes) {
        Run run = new Run(label);
        List<Class<?>> sorted = new ArrayList<>();
        classes.forEach(sorted::add);
        sorted.sort(Comparator.comparing(Class::getName));
        for (Class<?> type : sorted) {
            run.checkClass(type);
        }
        run.unusedAllowances();
        return run.report();
    }

    private static boolean notATestJar(Location location) {
        return !location.asURI().toString().endsWith("-tests.jar!/") && !location.contains("-tests.jar");
    }

    private static boolean isPublicApi(JavaClass javaClass) {
        if (javaClass.isAnonymousClass() || javaClass.isLocalClass()
                || !javaClass.getModifiers().contains(JavaModifier.PUBLIC)
                || javaClass.getModifiers().contains(JavaModifier.SYNTHETIC)) {
            return false;
        }
        return javaClass.getEnclosingClass().map(NullArgumentsTester::isPublicApi).orElse(true);
    }

    /** One for numbers (counts and numbers are usually positive), false, and a letter. */
    private static Object primitiveSample(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return 'a';
        }
        if (type == int.class) {
            return 1;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == short.class) {
            return (short) 1;
        }
        if (type == byte.class) {
            return (byte) 1;
        }
        if (type == double.class) {
            return 1.0d;
        }
        return 1.0f;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        return reason;
    }

    private static String key(Class<?> owner, String member) {
        return Objects.requireNonNull(owner, "owner").getName() + "#" + Objects.requireNonNull(member, "member");
    }

    private static String key(Class<?> owner, String member, String parameter) {
        return key(owner, member) + "(" + Objects.requireNonNull(parameter, "parameter") + ")";
    }

    private static String memberName(Executable member) {
        return member instanceof Constructor<?> ? CONSTRUCTOR : member.getName();
    }

    private static String describe(Class<?> owner, Executable member) {
        String params = Arrays.stream(member.getParameters())
                .map(p -> p.getType().getSimpleName() + " " + p.getName())
                .collect(Collectors.joining(", "));
        String name = member instanceof Constructor<?> ? "new " + owner.getSimpleName() : member.getName();
        return owner.getName() + "." + name + "(" + params + ")";
    }

    /**
     * What one run found.
     *
     * @param packages what was checked, for the summary
     * @param classes how many public classes were examined
     * @param constructors how many constructors were called
     * @param methods how many methods were called
     * @param parameters how many parameters were passed null and judged
     * @param offenders members that did not reject a null parameter by name
     * @param missing members that could not be called for want of a sample
     * @param allowed parameters allowed to be null, with the reason
     * @param excludedMembers members left out, with the reason
     * @param contracts abstract methods left to their implementations
     * @param stale allowances and exclusions that matched nothing
     */
    public record Report(String packages, int classes, int constructors, int methods, int parameters,
                         List<String> offenders, List<String> missing, List<String> allowed,
                         List<String> excludedMembers, List<String> contracts, List<String> stale) {

        /** Copies the lists. */
        public Report {
            offenders = List.copyOf(offenders);
            missing = List.copyOf(missing);
            allowed = List.copyOf(allowed);
            excludedMembers = List.copyOf(excludedMembers);
            contracts = List.copyOf(contracts);
            stale = List.copyOf(stale);
        }

        /**
         * One line with the counts.
         *
         * @return the summary
         */
        public String summary() {
            return "Null-argument check of " + packages + ": " + classes + " public classes, " + constructors
                    + " constructors and " + methods + " methods called, " + parameters + " parameters passed null; "
                    + allowed.size() + " parameters allowed null, " + excludedMembers.size() + " members excluded, "
                    + contracts.size() + " abstract methods left to their implementations, " + offenders.size()
                    + " offenders, " + missing.size() + " members without samples";
        }

        /**
         * Fails, listing every finding, unless there is no offender, no missing sample and no stale
         * allowance or exclusion; prints the summary either way.
         */
        public void assertClean() {
            System.out.println(summary());
            contracts.forEach(contract -> System.out.println("  left to its implementations: " + contract));
            excludedMembers.forEach(exclusion -> System.out.println("  excluded: " + exclusion));
            if (offenders.isEmpty() && missing.isEmpty() && stale.isEmpty()) {
                return;
            }
            StringBuilder message = new StringBuilder(summary()).append('\n');
            section(message, "Offenders (class.member(parameters): parameter -> outcome)", offenders);
            section(message, "No sample, so not checked (register one or exclude the member with a reason)", missing);
            section(message, "Allowances or exclusions that match nothing", stale);
            throw new AssertionError(message.toString());
        }

        private static void section(StringBuilder message, String title, List<String> lines) {
            if (!lines.isEmpty()) {
                message.append(title).append(" [").append(lines.size()).append("]:\n");
                lines.forEach(line -> message.append("  ").append(line).append('\n'));
            }
        }
    }

    /** A run's counters and findings; samples are resolved afresh for each call. */
    private final class Run {

        private final String label;
        private int classes;
        private int constructors;
        private int methods;
        private int parameters;
        private final List<String> offenders = new ArrayList<>();
        private final List<String> missing = new ArrayList<>();
        private final List<String> allowed = new ArrayList<>();
        private final List<String> excludedMembers = new ArrayList<>();
        private final List<String> contracts = new ArrayList<>();
        private final List<String> stale = new ArrayList<>();
        private final Set<String> usedKeys = new LinkedHashSet<>();

        Run(String label) {
            this.label = label;
        }

        void checkClass(Class<?> type) {
            classes++;
            if (!Modifier.isAbstract(type.getModifiers()) && !type.isEnum()) {
                for (Constructor<?> constructor : type.getConstructors()) {
                    checkMember(type, constructor);
                }
            } else if (type.getConstructors().length > 0 && !type.isInterface()) {
                for (Constructor<?> constructor : type.getConstructors()) {
                    if (hasReferenceParameter(constructor)) {
                        missing.add(describe(type, constructor) + ": the class is abstract, so the constructor cannot be called");
                    }
                }
            }
            List<Method> declared = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
            // public methods inherited from a non-public superclass are part of this class's API
            for (Method method : type.getMethods()) {
                Class<?> declaring = method.getDeclaringClass();
                if (declaring != type && !Modifier.isPublic(declaring.getModifiers()) && !isPlatform(declaring)
                        && !method.isBridge() && !method.isSynthetic()) {
                    declared.add(method);
                }
            }
            declared.sort(Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
            for (Method method : declared) {
                if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic() || method.isBridge()
                        || isEquals(method) || isEnumValueOf(type, method) || isRecordAccessor(type, method)) {
                    continue;
                }
                checkMember(type, method);
            }
        }

        private boolean isPlatform(Class<?> type) {
            String name = type.getName();
            return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.");
        }

        private boolean isEquals(Method method) {
            return method.getName().equals("equals") && method.getParameterCount() == 1
                    && method.getParameterTypes()[0] == Object.class;
        }

        private boolean isEnumValueOf(Class<?> type, Method method) {
            return type.isEnum() && Modifier.isStatic(method.getModifiers()) && method.getName().equals("valueOf")
                    && method.getParameterCount() == 1 && method.getParameterTypes()[0] == String.class;
        }

        private boolean isRecordAccessor(Class<?> type, Method method) {
            if (!type.isRecord() || method.getParameterCount() != 0) {
                return false;
            }
            return Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getName().equals(method.getName()));
        }

        private boolean hasReferenceParameter(Executable member) {
            return Arrays.stream(member.getParameterTypes()).anyMatch(t -> !t.isPrimitive());
        }

        void checkMember(Class<?> owner, Executable member) {
            if (!hasReferenceParameter(member)) {
                return;
            }
            String exclusionKey = key(owner, memberName(member));
            if (excluded.containsKey(exclusionKey)) {
                usedKeys.add(exclusionKey);
                excludedMembers.add(describe(owner, member) + ": " + excluded.get(exclusionKey));
                return;
            }
            boolean isStatic = member instanceof Constructor<?> || Modifier.isStatic(member.getModifiers());
            if (!isStatic && Modifier.isAbstract(member.getModifiers()) && !instances.containsKey(owner)) {
                contracts.add(describe(owner, member));
                return;
            }
            Parameter[] params = member.getParameters();
            boolean called = false;
            for (int i = 0; i < params.length; i++) {
                if (params[i].getType().isPrimitive()) {
                    continue;
                }
                String paramKey = key(owner, memberName(member), params[i].getName());
                if (!nullable.containsKey(paramKey) && nullable.containsKey(key(owner, memberName(member), ANY_PARAMETER))) {
                    paramKey = key(owner, memberName(member), ANY_PARAMETER);
                }
                if (nullable.containsKey(paramKey)) {
                    usedKeys.add(paramKey);
                    allowed.add(describe(owner, member) + " " + params[i].getName() + ": " + nullable.get(paramKey));
                    continue;
                }
                String problem;
                try {
                    problem = callWithNull(owner, member, i);
                } catch (NoSample e) {
                    missing.add(describe(owner, member) + ": " + e.getMessage());
                    return;
                }
                called = true;
                parameters++;
                if (problem != null) {
                    offenders.add(describe(owner, member) + ": " + params[i].getName() + " -> " + problem);
                }
            }
            if (called) {
                if (member instanceof Constructor<?>) {
                    constructors++;
                } else {
                    methods++;
                }
            }
        }

        /** Calls the member with parameter {@code nulled} null; returns what was wrong, or null when it was rejected by name. */
        private String callWithNull(Class<?> owner, Executable member, int nulled) {
            Parameter[] params = member.getParameters();
            Subject subject = null;
            Object[] args = new Object[params.length];
            try {
                if (member instanceof Method method && !Modifier.isStatic(method.getModifiers())) {
                    subject = subjectOf(owner);
                }
                for (int i = 0; i < params.length; i++) {
                    if (i != nulled) {
                        args[i] = sampleFor(owner, member, params[i]);
                    }
                }
            } catch (NoSample e) {
                throw e;
            } catch (RuntimeException e) {
                throw new NoSample("making a sample failed: " + e);
            }
            Supplier<?> receiver = subject == null ? () -> null : subject.instance();
            Around around = subject == null ? Supplier::get : subject.around();
            Supplier<Object> call = () -> invoke(member, receiver.get(), args);
            Throwable thrown;
            try {
                Object result = around.run(call);
                return "returned normally" + (result == null ? "" : " (" + abbreviate(String.valueOf(result)) + ")");
            } catch (ThrownByTarget e) {
                thrown = e.getCause();
            } catch (RuntimeException | Error e) {
                thrown = e;
            }
            String name = params[nulled].getName();
            if (thrown instanceof InvalidArgumentException invalid) {
                if (names(invalid, name)) {
                    return null;
                }
                String aliasKey = key(owner, memberName(member), name);
                if (aliases.containsKey(aliasKey) && names(invalid, aliases.get(aliasKey))) {
                    usedKeys.add("alias " + aliasKey);
                    return null;
                }
                return "InvalidArgumentException naming '" + invalid.argument() + "' (" + abbreviate(invalid.getMessage()) + ")";
            }
            return thrown.getClass().getName() + ": " + abbreviate(String.valueOf(thrown.getMessage())) + where(thrown);
        }

        private Object invoke(Executable member, Object receiver, Object[] args) {
            try {
                if (member instanceof Constructor<?> constructor) {
                    return constructor.newInstance(args);
                }
                return ((Method) member).invoke(receiver, args);
            } catch (InvocationTargetException e) {
                throw new ThrownByTarget(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot call " + member, e);
            }
        }

        private boolean names(InvalidArgumentException invalid, String name) {
            String argument = invalid.argument();
            if (argument.equals(name) || argument.startsWith(name + ".") || argument.startsWith(name + "[")) {
                return true;
            }
            return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])")
                    .matcher(String.valueOf(invalid.getMessage())).find();
        }

        private String where(Throwable thrown) {
            for (StackTraceElement frame : thrown.getStackTrace()) {
                if (frame.getClassName().startsWith("dev.keyline.") && !frame.getClassName().startsWith(NullArgumentsTester.class.getName())) {
                    return " at " + frame;
                }
            }
            return thrown.getStackTrace().length > 0 ? " at " + thrown.getStackTrace()[0] : "";
        }

        private String abbreviate(String text) {
            return text.length() <= 160 ? text : text.substring(0, 157) + "...";
        }

        private Subject subjectOf(Class<?> owner) {
            Supplier<Subject> exact = instances.get(owner);
            if (exact != null) {
                return exact.get();
            }
            if (values.containsKey(owner)) {
                return Subject.of(values.get(owner).get());
            }
            for (Map.Entry<Class<?>, Supplier<Subject>> entry : instances.entrySet()) {
                if (owner.isAssignableFrom(entry.getKey())) {
                    return entry.getValue().get();
                }
            }
            for (Map.Entry<Class<?>, Supplier<?>> entry : values.entrySet()) {
                if (owner.isAssignableFrom(entry.getKey())) {
                    return Subject.of(entry.getValue().get());
                }
            }
            if (owner.isEnum() && owner.getEnumConstants().length > 0) {
                return Subject.of(owner.getEnumConstants()[0]);
            }
            if (owner.isRecord()) {
                Object built = buildRecord(owner, 0);
                if (built != null) {
                    return Subject.of(built);
                }
            }
            Object constructed = construct(owner);
            if (constructed != null) {
                return Subject.of(constructed);
            }
            throw new NoSample("no instance of " + owner.getName() + " to call it on");
        }

        private Object sampleFor(Class<?> owner, Executable member, Parameter parameter) {
            Supplier<?> specific = arguments.get(key(owner, memberName(member), parameter.getName()));
            if (specific != null) {
                usedKeys.add(key(owner, memberName(member), parameter.getName()));
                return specific.get();
            }
            if (parameter.getType().isPrimitive()) {
                return primitiveSample(parameter.getType());
            }
            Object sample = sampleOf(parameter.getType(), 0);
            if (sample == null) {
                throw new NoSample("no sample of " + parameter.getType().getName() + " for parameter " + parameter.getName());
            }
            return sample;
        }

        private Object sampleOf(Class<?> type, int depth) {
            Supplier<?> exact = values.get(type);
            if (exact != null) {
                return exact.get();
            }
            if (type.isEnum()) {
                Object[] constants = type.getEnumConstants();
                return constants.length == 0 ? null : constants[0];
            }
            for (Map.Entry<Class<?>, Supplier<?>> entry : values.entrySet()) {
                if (type.isAssignableFrom(entry.getKey())) {
                    return entry.getValue().get();
                }
            }
            Supplier<Subject> instance = instances.get(type);
            if (instance != null) {
                return instance.get().instance().get();
            }
            for (Map.Entry<Class<?>, Supplier<Subject>> entry : instances.entrySet()) {
                if (type.isAssignableFrom(entry.getKey())) {
                    return entry.getValue().get().instance().get();
                }
            }
            if (type.isArray()) {
                return Array.newInstance(type.getComponentType(), 0);
            }
            Object arbitrary = ArbitraryInstances.get(type);
            if (arbitrary != null) {
                return arbitrary;
            }
            if (type.isRecord() && depth < RECORD_DEPTH) {
                return buildRecord(type, depth);
            }
            return null;
        }

        /** An instance made through the public constructor with the fewest parameters, or null. */
        private Object construct(Class<?> type) {
            if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
                return null;
            }
            List<Constructor<?>> constructors = new ArrayList<>(Arrays.asList(type.getConstructors()));
            constructors.sort(Comparator.comparingInt(Constructor::getParameterCount));
            for (Constructor<?> constructor : constructors) {
                Object[] args = new Object[constructor.getParameterCount()];
                boolean complete = true;
                for (int i = 0; i < args.length && complete; i++) {
                    Class<?> parameterType = constructor.getParameterTypes()[i];
                    args[i] = parameterType.isPrimitive() ? primitiveSample(parameterType) : sampleOf(parameterType, RECORD_DEPTH);
                    complete = args[i] != null;
                }
                if (complete) {
                    try {
                        return constructor.newInstance(args);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // try the next constructor
                    }
                }
            }
            return null;
        }

        private Object buildRecord(Class<?> type, int depth) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                if (types[i].isPrimitive()) {
                    args[i] = primitiveSample(types[i]);
                } else {
                    args[i] = sampleOf(types[i], depth + 1);
                    if (args[i] == null) {
                        return null;
                    }
                }
            }
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return canonical.newInstance(args);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        void unusedAllowances() {
            for (String key : nullable.keySet()) {
                if (!usedKeys.contains(key)) {
                    stale.add("nullable " + key + ": " + nullable.get(key));
                }
            }
            for (String key : excluded.keySet()) {
                if (!usedKeys.contains(key)) {
                    stale.add("excluded " + key + ": " + excluded.get(key));
                }
            }
            for (String key : aliases.keySet()) {
                if (!usedKeys.contains("alias " + key)) {
                    stale.add("alias " + key + " as " + aliases.get(key) + ": " + aliasReasons.get(key));
                }
            }
        }

        Report report() {
            return new Report(label, classes, constructors, methods,
                    parameters, offenders, missing, allowed, excludedMembers, contracts, stale);
        }
    }

    /** A checked or unchecked exception thrown by the member under test, carried through {@link Around}. */
    private static final class ThrownByTarget extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ThrownByTarget(Throwable cause) {
            super(cause);
        }
    }

    /** No sample value or instance could be found for a call. */
    private static final class NoSample extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NoSample(String message) {
            super(message);
        }
    }
}
