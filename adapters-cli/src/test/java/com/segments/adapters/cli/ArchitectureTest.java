package com.segments.adapters.cli;

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
    private static final String JDBC = "com.segments.adapters.jdbc..";
    private static final String CLI = "com.segments.adapters.cli..";

    private static final JavaClasses SEGMENTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.segments");

    static final ArchRule DOMAIN_IS_PLAIN_JAVA = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is the product's knowledge and must outlive every framework and library");

    static final ArchRule APPLICATION_KNOWS_ONLY_THE_DOMAIN = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..", "de.siegmar.fastcsv..",
                    "org.yaml.snakeyaml..")
            .because("use cases are shared by every door and must not know HTTP, SQL, picocli or a clustering library");

    static final ArchRule PLUGINS_KNOW_ONLY_THE_DOMAIN_AND_THEIR_LIBRARY = classes().that().resideInAPackage(ALGORITHMS)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage(ALGORITHMS, DOMAIN, "java..", "org.tribuo..", "com.oracle.labs.mlrg.olcut..", "smile..",
                    "org.hipparchus..")
            .because("a plugin turns one library's result into domain values and nothing else");

    static final ArchRule NO_FRAMEWORK_IN_THE_CORE = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..", "picocli..",
                    "org.tribuo..", "smile..", "com.fasterxml.jackson..")
            .because("the core is plain Java: frameworks stay in the adapters");

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Application").definedBy(APPLICATION)
            .layer("Algorithms").definedBy(ALGORITHMS)
            .layer("Rest").definedBy(REST)
            .layer("Jdbc").definedBy(JDBC)
            .layer("Cli").definedBy(CLI)
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Rest", "Cli")
            .whereLayer("Algorithms").mayNotBeAccessedByAnyLayer()
            .whereLayer("Rest").mayNotBeAccessedByAnyLayer()
            .whereLayer("Jdbc").mayNotBeAccessedByAnyLayer()
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
            .because("data flows one way: a door calls a use case, the use case reaches adapters only through ports");

    static List<ArchRule> rules() {
        return List.of(DOMAIN_IS_PLAIN_JAVA, APPLICATION_KNOWS_ONLY_THE_DOMAIN,
                PLUGINS_KNOW_ONLY_THE_DOMAIN_AND_THEIR_LIBRARY, NO_FRAMEWORK_IN_THE_CORE, LAYERS);
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
        JavaClasses cli = new ClassFileImporter().importClasses(SegmentsCli.class);
        ArchRule cliMayNotUsePicocli = noClasses().that().resideInAPackage(CLI)
                .should().dependOnClassesThat().resideInAPackage("picocli..");
        assertThatThrownBy(() -> cliMayNotUsePicocli.check(cli)).isInstanceOf(AssertionError.class);
    }
}
