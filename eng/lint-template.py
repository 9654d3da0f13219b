#!/usr/bin/env python3
"""Checks the SAM templates in every front-door combination with AWS's own tools.

For each combination the parameters' defaults are set to its values; the variant is then transformed by
aws-sam-translator (the SAM transform CloudFormation runs) and linted by cfn-lint, which checks every resource
against CloudFormation's resource schemas. A template gets the axes whose parameters it has, and parameters it
requires (no default) get the values in REQUIRED.
Usage: eng/lint-template.py [template.yaml ...]   (default: template.yaml and template-managed-instances.yaml)
"""
import copy
import itertools
import json
import os
import pathlib
import subprocess
import sys
import tempfile

# The translator asks for a region; without one it probes the instance metadata service and waits.
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

from cfnlint.decode import decode_str  # noqa: E402
from samtranslator.translator.transform import transform  # noqa: E402

CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0b5f8e2c-1f2a-4c3d-9e8f-123456789abc"
ACL = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/pixel/0b5f8e2c-1f2a-4c3d-9e8f-123456789abc"

# Each axis the template branches on; a combination takes one value of each.
AXES = {
    "FrontDoor": [{"FrontDoor": "HttpApi"}, {"FrontDoor": "FunctionUrl"}],
    "Domain": [{}, {"DomainName": "px.example.com", "CertificateArn": CERT, "HostedZoneId": "Z0123456789ABCDEFGHIJ"}],
    "Stream": [{}, {"DeliveryStreamName": "existing-stream"}],
    "Limits": [{}, {"ReservedConcurrency": "-1", "PixelPath": "/o/{campaign}/{recipient}.gif"}],
    "Sink": [{}, {"Sink": "KinesisStream"}],
}


# Values for parameters a template requires, such as the Managed Instances template's network.
REQUIRED = {
    "SubnetIds": "subnet-0123456789abcdef0,subnet-0fedcba9876543210",
    "SecurityGroupIds": "sg-0123456789abcdef0",
    "DeliveryStreamName": "existing-stream",
}

TEMPLATES = ["template.yaml", "template-managed-instances.yaml"]


class NoManagedPolicies:
    """The template names no managed policies, so none has to be looked up in IAM."""

    def load(self):
        return {}


def all_combinations():
    for picks in itertools.product(*AXES.values()):
        values = {}
        for pick in picks:
            values.update(pick)
        # The template's rule refuses an existing delivery stream with Sink KinesisStream.
        if values.get("Sink") == "KinesisStream" and "DeliveryStreamName" in values:
            continue
        yield values
        if values.get("FrontDoor") == "FunctionUrl" and "DomainName" in values:
            yield {**values, "WebAclArn": ACL}


def combinations(parameters):
    """The combinations of the parameters a template has, each once, with its required parameters set."""
    required = {name: REQUIRED[name] for name, spec in parameters.items() if "Default" not in spec}
    seen = []
    for values in all_combinations():
        values = {**required, **{k: v for k, v in values.items() if k in parameters}}
        if values not in seen:
            seen.append(values)
            yield values


def main(paths):
    return max(lint(path) for path in paths)


def lint(path):
    with open(path, encoding="utf-8") as source:
        template, matches = decode_str(source.read())
    if matches:
        sys.exit(f"{path} does not parse: {matches}")
    failures = 0
    variants = []
    folder = pathlib.Path(tempfile.mkdtemp(prefix="template-variants-"))
    for number, values in enumerate(combinations(template["Parameters"])):
        variant = copy.deepcopy(dict(template))
        for name, value in values.items():
            variant["Parameters"][name]["Default"] = value
        # What `sam package` does before the transform: the code is uploaded and referenced by its S3 URI.
        variant["Resources"]["PixelFunction"]["Properties"]["CodeUri"] = "s3://artifacts-bucket/pixel-function.zip"
        shown = {k: v for k, v in sorted(values.items()) if "Default" in template["Parameters"][k]}
        label = f"{path}: " + (" ".join(f"{k}={v}" for k, v in shown.items()) or "defaults")
        # The transform takes list parameters as lists, as CloudFormation hands them over.
        arguments = {k: v.split(",") if variant["Parameters"][k]["Type"].startswith("List<") else v
                     for k, v in values.items()}
        try:
            transform(copy.deepcopy(variant), arguments, NoManagedPolicies())
        except Exception as error:  # the translator raises its own exception types; any of them fails the check
            failures += 1
            print(f"SAM transform failed for {label}: {error}")
            continue
        file = folder / f"variant-{number:02}.json"
        file.write_text(json.dumps(variant, default=str), encoding="utf-8")
        variants.append((file, label))
    # One cfn-lint process for every variant: loading its schemas is most of its time.
    result = subprocess.run(["cfn-lint", "--format", "parseable", "--", *[str(f) for f, _ in variants]],
                            capture_output=True, text=True)
    for file, label in variants:
        problems = [line for line in result.stdout.splitlines() if line.startswith(str(file))]
        if problems:
            failures += 1
            print(f"cfn-lint failed for {label}:")
            print("\n".join(problems))
        else:
            print(f"ok: {label}")
    if result.returncode != 0 and failures == 0:
        failures += 1
        print(f"cfn-lint exited {result.returncode}: {result.stdout}{result.stderr}")
    total = len(list(combinations(template["Parameters"])))
    print(f"{total - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or TEMPLATES))
