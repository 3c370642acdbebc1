# Builds the function for `sam build` (Metadata: BuildMethod: makefile). SAM's own Maven builder copies only
# CodeUri and so cannot see this project's sibling modules; this target builds the whole reactor instead and lays
# out what the Lambda Java runtime loads: every jar under lib/. Tests and the npm tools they need are skipped.
MVNW ?= ./mvnw
LAMBDA_ZIP := bootstrap/target/user-profile-service-lambda.zip

.PHONY: build-PostConfirmationFunction
build-PostConfirmationFunction:
	$(MVNW) -B -q -DskipTests -P !install-dynalite -pl bootstrap -am package
	mkdir -p "$(ARTIFACTS_DIR)"
	rm -rf "$(ARTIFACTS_DIR)/lib"
	cd "$(ARTIFACTS_DIR)" && unzip -q -o "$(CURDIR)/$(LAMBDA_ZIP)"
