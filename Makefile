# Builds the function for `sam build` (Metadata: BuildMethod: makefile; samconfig.toml builds in source, so SAM
# runs this in the project itself). SAM's own Maven builder copies only CodeUri and so cannot see this project's
# sibling modules; this target builds the reactor instead and lays out what the Lambda Java runtime loads: every jar
# under lib/. Tests and the npm tools they need are skipped.
MVNW ?= ./mvnw
# The JDK's own archiver: the build needs nothing but a JDK and make.
JAR ?= $(if $(JAVA_HOME),$(JAVA_HOME)/bin/jar,jar)
LAMBDA_ZIP := bootstrap/target/user-profile-service-lambda.zip

# The product's functions ship the same zip (each its own handler). A test holds this list to template.yaml.
.PHONY: build-PostConfirmationFunction build-ProfileApiFunction build-UserSyncFunction build-ReconcileFunction
build-PostConfirmationFunction build-ProfileApiFunction build-UserSyncFunction build-ReconcileFunction:
	$(MVNW) -B -q -DskipTests -P !install-node-emulators,!format -pl bootstrap -am package
	mkdir -p "$(ARTIFACTS_DIR)"
	rm -rf "$(ARTIFACTS_DIR)/lib"
	cd "$(ARTIFACTS_DIR)" && "$(JAR)" xf "$(CURDIR)/$(LAMBDA_ZIP)"

# The PoolTriggers custom resource runs from the operator tool's jar, beside detach-trigger, whose code it shares;
# the jar's classes go at the root of the function's package.
ADMIN_JAR := bootstrap/admin/target/profiles-admin.jar
.PHONY: build-PoolTriggersFunction
build-PoolTriggersFunction:
	$(MVNW) -B -q -DskipTests -P !install-node-emulators,!format -pl bootstrap/admin -am package
	mkdir -p "$(ARTIFACTS_DIR)"
	cd "$(ARTIFACTS_DIR)" && "$(JAR)" xf "$(CURDIR)/$(ADMIN_JAR)"
