#!/usr/bin/env python3
"""Checks template.yaml in every front-door combination with AWS's own tools.

For each combination the parameters' defaults are set to its values; the variant is then transformed by
aws-sam-translator (the SAM transform CloudFormation runs) and linted by cfn-lint, which checks every resource
against CloudFormation's resource schemas. Usage: eng/lint-template.py [template.yaml]
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


class NoManagedPolicies:
    """The template names no managed policies, so none has to be looked up in IAM."""

    def load(self):
        return {}


def combinations():
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


def main(path):
    with open(path, encoding="utf-8") as source:
        template, matches = decode_str(source.read())
    if matches:
        sys.exit(f"{path} does not parse: {matches}")
    failures = 0
    variants = []
    folder = pathlib.Path(tempfile.mkdtemp(prefix="template-variants-"))
    for number, values in enumerate(combinations()):
        variant = copy.deepcopy(dict(template))
        for name, value in values.items():
            variant["Parameters"][name]["Default"] = value
        # What `sam package` does before the transform: the code is uploaded and referenced by its S3 URI.
        variant["Resources"]["PixelFunction"]["Properties"]["CodeUri"] = "s3://artifacts-bucket/pixel-function.zip"
        label = " ".join(f"{k}={v}" for k, v in sorted(values.items())) or "defaults"
        try:
            transform(copy.deepcopy(variant), dict(values), NoManagedPolicies())
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
    total = len(list(combinations()))
    print(f"{total - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "template.yaml"))
