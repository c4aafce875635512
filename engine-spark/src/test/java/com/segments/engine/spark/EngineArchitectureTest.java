package com.segments.engine.spark;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The Spark engine is a plugin like a clustering one: it knows the domain and its own library (Spark, and the Scala
 * runtime Spark's API exposes), never the application, an adapter or the composition root, so what it hands back can
 * only be domain values. (bootstrap's ArchitectureTest cannot see this module: Spark is not on its class path.)
 */
class EngineArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.segments.engine");

    @Test
    void theEngineDependsOnlyOnTheDomainAndSpark() {
        classes().that().resideInAPackage("com.segments.engine..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.segments.domain..", "com.segments.engine..", "org.apache.spark..",
                        "scala..")
                .check(ENGINE);
    }

    @Test
    void theEngineReachesNoOtherLayer() {
        noClasses().that().resideInAPackage("com.segments.engine..").should().dependOnClassesThat()
                .resideInAnyPackage("com.segments.application..", "com.segments.adapters..", "com.segments.bootstrap..",
                        "com.segments.algorithms..")
                .check(ENGINE);
    }
}
