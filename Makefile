# Builds the function for `sam build` (Metadata: BuildMethod: makefile; samconfig.toml builds in source, so SAM
# runs this in the project itself). SAM's own Maven builder copies only CodeUri and so cannot see this project's
# sibling modules; this target builds the reactor instead and lays out what the Lambda Java runtime loads: every jar
# under lib/. Tests and the npm tools they need are skipped.
MVNW ?= ./mvnw
# The JDK's own archiver: the build needs nothing but a JDK and make.
JAR ?= $(if $(JAVA_HOME),$(JAVA_HOME)/bin/jar,jar)
LAMBDA_ZIP := bootstrap/target/user-profile-service-lambda.zip

# Both functions ship the same zip (each its own handler).
.PHONY: build-PostConfirmationFunction build-ProfileApiFunction
build-PostConfirmationFunction build-ProfileApiFunction:
	$(MVNW) -B -q -DskipTests -P !install-node-emulators,!format -pl bootstrap -am package
	mkdir -p "$(ARTIFACTS_DIR)"
	rm -rf "$(ARTIFACTS_DIR)/lib"
	cd "$(ARTIFACTS_DIR)" && "$(JAR)" xf "$(CURDIR)/$(LAMBDA_ZIP)"
