#!/usr/bin/python3
"""Signs requests with botocore's own SigV4Auth and prints the results as JSON (an oracle for the C# signer).

stdin: a JSON array of {"method", "url", "headers": [[name, value], ...], "body": base64, "accessKey",
"secretKey", "token" (or null), "region", "service", "timestamp": "yyyyMMddTHHmmssZ"}.
stdout: a JSON array, in the same order, of {"authorization", "canonicalRequest", "stringToSign"}.
"""
import base64
import datetime
import json
import sys

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


class _FixedClock:
    """Stands in for the datetime module inside botocore.auth so each request is signed at a given instant."""

    def __init__(self, instant):
        real = datetime.datetime

        class Fixed(real):
            @classmethod
            def utcnow(cls):
                return instant

            @classmethod
            def now(cls, tz=None):
                return instant if tz is None else instant.replace(tzinfo=tz)

        self.datetime = Fixed
        self.timezone = datetime.timezone
        self.timedelta = datetime.timedelta


class _RecordingSigV4Auth(botocore.auth.SigV4Auth):
    """botocore's signer, unchanged, keeping the intermediate steps it computed while signing."""

    def canonical_request(self, request):
        self.last_canonical_request = super().canonical_request(request)
        return self.last_canonical_request

    def string_to_sign(self, request, canonical_request):
        self.last_string_to_sign = super().string_to_sign(request, canonical_request)
        return self.last_string_to_sign


def sign(case):
    instant = datetime.datetime.strptime(case["timestamp"], "%Y%m%dT%H%M%SZ")
    botocore.auth.datetime = _FixedClock(instant)
    request = AWSRequest(method=case["method"], url=case["url"], data=base64.b64decode(case["body"]))
    for name, value in case["headers"]:
        request.headers[name] = value
    credentials = Credentials(case["accessKey"], case["secretKey"], case.get("token"))
    signer = _RecordingSigV4Auth(credentials, case["service"], case["region"])
    signer.add_auth(request)
    return {
        "authorization": request.headers["Authorization"],
        "canonicalRequest": signer.last_canonical_request,
        "stringToSign": signer.last_string_to_sign,
    }


def main():
    cases = json.load(sys.stdin)
    json.dump([sign(case) for case in cases], sys.stdout)


if __name__ == "__main__":
    main()
