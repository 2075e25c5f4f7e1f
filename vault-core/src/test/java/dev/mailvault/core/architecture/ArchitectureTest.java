package dev.mailvault.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core stays free of presentation, and only crypto.internal touches raw crypto libraries. */
@AnalyzeClasses(packages = "dev.mailvault.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule noPicocliOrJavaFx = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("picocli..", "javafx..", "atlantafx..")
            .because("vault-core is shared by the CLI and the desktop app");

    @ArchTest
    static final ArchRule rawCryptoOnlyInCryptoInternal = noClasses()
            .that()
            .resideOutsideOfPackages("dev.mailvault.core.crypto.internal..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("de.mkammerer.argon2..", "javax.crypto..", "org.bouncycastle..")
            .because("keys are handled in one place (STYLE.md, habit 3)");
}
