# Built by `sam build` (template.yaml: Metadata BuildMethod makefile, CodeUri .): SAM runs the target
# build-<LogicalId> with ARTIFACTS_DIR set, and deploys that folder, which must hold an executable `bootstrap`.
# Needs only the .NET SDK (and clang/gcc for Native AOT); no Amazon.Lambda.Tools.

SAMPLE := samples/TrackingPixel.Sample.Lambda/TrackingPixel.Sample.Lambda.csproj

# The AOT bootstrap targets the build machine's architecture; override with `make ... RID=linux-arm64`.
UNAME_M := $(shell uname -m)
RID ?= $(if $(filter aarch64 arm64,$(UNAME_M)),linux-arm64,linux-x64)

.PHONY: build-PixelFunction
build-PixelFunction:
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set: run this through 'sam build', or pass ARTIFACTS_DIR=<folder>." >&2; exit 2; }
	rm -rf "$(ARTIFACTS_DIR)/.publish"
	dotnet publish $(SAMPLE) -c Release -r $(RID) -o "$(ARTIFACTS_DIR)/.publish" -p:DebugType=none -p:DebugSymbols=false
	cp "$(ARTIFACTS_DIR)/.publish/bootstrap" "$(ARTIFACTS_DIR)/bootstrap"
	rm -rf "$(ARTIFACTS_DIR)/.publish"
	chmod +x "$(ARTIFACTS_DIR)/bootstrap"
	bash eng/check-glibc.sh "$(ARTIFACTS_DIR)/bootstrap" 2.34
