package dev.userprofile.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The product's classes (every module's main code, no tests) obey the architecture. */
@AnalyzeClasses(packages = "dev.userprofile", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = ArchitectureRules.LAYERS;
    @ArchTest
    static final ArchRule domainDependsOnJdkOnly = ArchitectureRules.DOMAIN_DEPENDS_ON_JDK_ONLY;
    @ArchTest
    static final ArchRule applicationDependsOnJdkAndDomainOnly =
            ArchitectureRules.APPLICATION_DEPENDS_ON_JDK_AND_DOMAIN_ONLY;
    @ArchTest
    static final ArchRule adaptersAreIndependent = ArchitectureRules.ADAPTERS_ARE_INDEPENDENT;
    @ArchTest
    static final ArchRule portsInDoNotUsePortsOut = ArchitectureRules.PORTS_IN_DO_NOT_USE_PORTS_OUT;
    @ArchTest
    static final ArchRule portsOutDoNotUsePortsIn = ArchitectureRules.PORTS_OUT_DO_NOT_USE_PORTS_IN;
    @ArchTest
    static final ArchRule useCasesArePortInterfaces = ArchitectureRules.USE_CASES_ARE_INBOUND_PORT_INTERFACES;
    @ArchTest
    static final ArchRule commandsAreRecords = ArchitectureRules.COMMANDS_ARE_RECORDS;
    @ArchTest
    static final ArchRule useCasesAreImplementedByServices = ArchitectureRules.USE_CASES_ARE_IMPLEMENTED_BY_SERVICES;
    @ArchTest
    static final ArchRule noFieldInjection = ArchitectureRules.NO_FIELD_INJECTION;
    @ArchTest
    static final ArchRule dependencyInjectionOnlyInBootstrap = ArchitectureRules.DEPENDENCY_INJECTION_ONLY_IN_BOOTSTRAP;
    @ArchTest
    static final ArchRule noCycles = ArchitectureRules.NO_CYCLES;
}
