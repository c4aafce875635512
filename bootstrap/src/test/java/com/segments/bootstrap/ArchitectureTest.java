package com.segments.bootstrap;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module graph as rules on the compiled classes of every module (this module's tests see them all). The
 * README says why each rule exists. Every rule fails when it matches no class, so a renamed package cannot turn a
 * rule into a silent pass; {@link #everyRuleFailsWhenItMatchesNothing} proves it.
 */
class ArchitectureTest {

    private static final String DOMAIN = "com.segments.domain..";
    private static final String APPLICATION = "com.segments.application..";
    private static final String ALGORITHMS = "com.segments.algorithms..";
    private static final String REST = "com.segments.adapters.rest..";
    private static final String WEB = "com.segments.adapters.web..";
    private static final String JDBC = "com.segments.adapters.jdbc..";
    private static final String CLI = "com.segments.adapters.cli..";
    private static final String FILES = "com.segments.adapters.files..";
    private static final String BOOTSTRAP = "com.segments.bootstrap..";

    private static final JavaClasses SEGMENTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.segments");

    static final ArchRule DOMAIN_IS_PLAIN_JAVA = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is the product's knowledge and must outlive every framework and library");

    static final ArchRule APPLICATION_KNOWS_ONLY_THE_DOMAIN = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..")
            .because("use cases are shared by every door and must not know HTTP, SQL, file formats, picocli or a "
                    + "clustering library");

    static final ArchRule NO_THREADS_OR_DISCOVERY_IN_USE_CASES = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().callConstructor(java.util.concurrent.ThreadPoolExecutor.class, int.class, int.class, long.class,
                    java.util.concurrent.TimeUnit.class, java.util.concurrent.BlockingQueue.class,
                    java.util.concurrent.ThreadFactory.class)
            .orShould().callMethod(java.util.ServiceLoader.class, "load", Class.class)
            .orShould().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.base.DescribedPredicate.describe("Executors",
                                    owner -> owner.isEquivalentTo(java.util.concurrent.Executors.class)))))
            .because("thread pools and plugin discovery are wiring: the composition root (bootstrap) makes them");

    static final ArchRule FILE_FORMATS_KNOW_ONLY_THE_DOMAIN = classes().that().resideInAPackage(FILES)
            .should().onlyDependOnClassesThat().resideInAnyPackage(FILES, DOMAIN, "java..", "de.siegmar.fastcsv..",
                    "org.yaml.snakeyaml..")
            .because("a file adapter turns one format into domain values behind a port, and nothing else");

    static final ArchRule PLUGINS_KNOW_ONLY_THE_DOMAIN_AND_THEIR_LIBRARY = classes().that().resideInAPackage(ALGORITHMS)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage(ALGORITHMS, DOMAIN, "java..", "org.tribuo..", "com.oracle.labs.mlrg.olcut..", "smile..",
                    "org.hipparchus..", "jdk.incubator.vector..")
            .because("a plugin turns one library's result into domain values and nothing else (the JDK's incubating "
                    + "Vector API is the k-means distance kernel's library)");

    static final ArchRule NO_FRAMEWORK_IN_THE_CORE = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..", "picocli..",
                    "org.tribuo..", "smile..", "com.fasterxml.jackson..")
            .because("the core is plain Java: frameworks stay in the adapters");

    static final ArchRule THE_CONSOLE_KNOWS_ONLY_THE_CORE = classes().that().resideInAPackage(WEB)
            .should().onlyDependOnClassesThat().resideInAnyPackage(WEB, APPLICATION, DOMAIN, "java..", "io.micronaut..",
                    "jakarta..", "org.slf4j..")
            .because("the console is a door like REST and the CLI: it calls the same use cases and nothing else, so it "
                    + "cannot grow a second backend");

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Application").definedBy(APPLICATION)
            .layer("Algorithms").definedBy(ALGORITHMS)
            .layer("Rest").definedBy(REST)
            .layer("Web").definedBy(WEB)
            .layer("Jdbc").definedBy(JDBC)
            .layer("Cli").definedBy(CLI)
            .layer("Files").definedBy(FILES)
            .layer("Bootstrap").definedBy(BOOTSTRAP)
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Rest", "Web", "Cli", "Bootstrap")
            .whereLayer("Algorithms").mayNotBeAccessedByAnyLayer()
            .whereLayer("Rest").mayNotBeAccessedByAnyLayer()
            .whereLayer("Web").mayNotBeAccessedByAnyLayer()
            .whereLayer("Jdbc").mayNotBeAccessedByAnyLayer()
            .whereLayer("Files").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
            .because("data flows one way: a door calls a use case, the use case reaches adapters only through ports");

    static List<ArchRule> rules() {
        return List.of(DOMAIN_IS_PLAIN_JAVA, APPLICATION_KNOWS_ONLY_THE_DOMAIN, NO_THREADS_OR_DISCOVERY_IN_USE_CASES,
                FILE_FORMATS_KNOW_ONLY_THE_DOMAIN, PLUGINS_KNOW_ONLY_THE_DOMAIN_AND_THEIR_LIBRARY,
                NO_FRAMEWORK_IN_THE_CORE, THE_CONSOLE_KNOWS_ONLY_THE_CORE, LAYERS);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void holds(ArchRule rule) {
        rule.check(SEGMENTS);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void everyRuleFailsWhenItMatchesNothing(ArchRule rule) {
        JavaClasses unrelated = new ClassFileImporter().importClasses(String.class, List.class);
        assertThatThrownBy(() -> rule.check(unrelated)).isInstanceOf(AssertionError.class);
    }

    @Test
    void aRuleCatchesAViolation() {
        JavaClasses cli = new ClassFileImporter().importClasses(com.segments.adapters.cli.SegmentsCli.class);
        ArchRule cliMayNotUsePicocli = noClasses().that().resideInAPackage(CLI)
                .should().dependOnClassesThat().resideInAPackage("picocli..");
        assertThatThrownBy(() -> cliMayNotUsePicocli.check(cli)).isInstanceOf(AssertionError.class);
    }
}
