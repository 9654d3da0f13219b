#!/usr/bin/python3
"""A Firehose-compatible server on 127.0.0.1 for end-to-end runs, checked by AWS's own SDK core (botocore).

Every call is checked three ways before it is accepted:
  * its SigV4 signature is recomputed with botocore.auth.SigV4Auth from the known credentials;
  * its body is validated against botocore's Firehose service model (botocore.validate), and re-serialized with
    botocore's JSON serializer to prove the wire form (target header, content type, base64 Data) is what an AWS SDK
    would send;
  * the stream name must match --stream.
A call that fails a check is answered like Firehose would (403 InvalidSignatureException, 400 SerializationException
or ValidationException, 400 ResourceNotFoundException) and reported on stderr.

Faults: --fail-rate R fails that share of entries inside each PutRecordBatch (ServiceUnavailableException per entry,
FailedPutCount > 0); --throttle-every N answers every N-th call with 503 ServiceUnavailableException; --seed fixes both.
Every accepted record is appended, as sent, to --records. The first line on stdout is the listening port.

Example: /usr/bin/python3 fake_firehose.py --records /tmp/records.ndjson --fail-rate 0.2 --throttle-every 4
then AWS_ENDPOINT_URL_FIREHOSE=http://127.0.0.1:<port> AWS_ACCESS_KEY_ID=AKIDFAKE AWS_SECRET_ACCESS_KEY=fake-secret
AWS_SESSION_TOKEN=fake-token AWS_REGION=us-east-1 KINESIS_FIREHOSE_STREAM_NAME=pixels <your app>.
"""
import argparse
import base64
import datetime
import json
import random
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import botocore.auth
import botocore.serialize
import botocore.session
import botocore.validate
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.exceptions import ParamValidationError


class _FixedClock:
    """Stands in for the datetime module inside botocore.auth so a request is re-signed at its own X-Amz-Date."""

    def __init__(self, instant):
        real = datetime.datetime

        class Fixed(real):
            @classmethod
            def utcnow(cls):
                return instant

        self.datetime = Fixed
        self.timezone = datetime.timezone
        self.timedelta = datetime.timedelta


class FakeFirehose:
    def __init__(self, args):
        self.args = args
        self.model = botocore.session.get_session().get_service_model("firehose")
        self.credentials = Credentials(args.access_key, args.secret_key, args.token or None)
        self.random = random.Random(args.seed)
        self.lock = threading.Lock()
        self.calls = 0
        self.records = open(args.records, "ab") if args.records else None

    def expected_signature(self, method, host, path, headers, body):
        """botocore's Authorization header for the request as received, signed at its own X-Amz-Date."""
        auth = headers.get("Authorization", "")
        signed = auth.split("SignedHeaders=")[1].split(",")[0].split(";") if "SignedHeaders=" in auth else []
        instant = datetime.datetime.strptime(headers.get("X-Amz-Date", "19700101T000000Z"), "%Y%m%dT%H%M%SZ")
        with self.lock:
            botocore.auth.datetime = _FixedClock(instant)
            request = AWSRequest(method=method, url=f"http://{host}{path}", data=body)
            for name in signed:
                if headers.get(name) is not None:
                    request.headers[name] = headers.get(name)
            botocore.auth.SigV4Auth(self.credentials, "firehose", self.args.region).add_auth(request)
        return request.headers["Authorization"], signed

    def check(self, method, path, headers, body):
        """Returns (operation, params) or raises Reject with the answer Firehose would give."""
        meta = self.model.metadata
        target = headers.get("X-Amz-Target", "")
        if method != "POST" or path != "/":
            raise Reject(400, "UnknownOperationException", f"{method} {path}")
        if not target.startswith(meta["targetPrefix"] + "."):
            raise Reject(400, "UnknownOperationException", f"X-Amz-Target {target!r}")
        operation = self.model.operation_model(target.split(".", 1)[1])
        if operation.name not in ("PutRecord", "PutRecordBatch"):
            raise Reject(400, "UnknownOperationException", f"unexpected operation {operation.name}")
        if headers.get("Content-Type") != "application/x-amz-json-" + meta["jsonVersion"]:
            raise Reject(400, "SerializationException", f"Content-Type {headers.get('Content-Type')!r}")

        expected, signed = self.expected_signature(method, headers.get("Host", ""), path, headers, body)
        required = {"host", "x-amz-date", "x-amz-target", "content-type"} | ({"x-amz-security-token"} if self.args.token else set())
        if expected != headers.get("Authorization") or not required.issubset(signed):
            raise Reject(403, "InvalidSignatureException", f"signature mismatch: got {headers.get('Authorization')!r}, botocore computed {expected!r}")
        if self.args.token and headers.get("X-Amz-Security-Token") != self.args.token:
            raise Reject(403, "UnrecognizedClientException", "wrong session token")

        try:
            wire = json.loads(body)
            params = dict(wire)
            if operation.name == "PutRecord":
                params["Record"] = {"Data": base64.b64decode(wire["Record"]["Data"], validate=True)}
            else:
                params["Records"] = [{"Data": base64.b64decode(r["Data"], validate=True)} for r in wire["Records"]]
            botocore.validate.validate_parameters(params, operation.input_shape)
        except ParamValidationError as error:
            raise Reject(400, "ValidationException", str(error)) from error
        except (ValueError, KeyError, TypeError) as error:
            raise Reject(400, "SerializationException", f"body: {error!r}") from error

        # The same parameters serialized by botocore must give the same JSON: the wire form is an SDK's.
        serialized = botocore.serialize.create_serializer("json").serialize_to_request(params, operation)
        if json.loads(serialized["body"]) != wire or serialized["headers"]["X-Amz-Target"] != target:
            raise Reject(400, "SerializationException", "body differs from botocore's serialization")
        if params["DeliveryStreamName"] != self.args.stream:
            raise Reject(400, "ResourceNotFoundException", f"Delivery stream {params['DeliveryStreamName']} not found.")
        return operation.name, params

    def answer(self, operation, params):
        with self.lock:
            self.calls += 1
            if self.args.throttle_every and self.calls % self.args.throttle_every == 0:
                print("fake_firehose: injected: 503 throttling", file=sys.stderr, flush=True)
                raise Reject(503, "ServiceUnavailableException", "Slow down.", report=False)
            if operation == "PutRecord":
                # A single record fails the way a share of a batch does: the whole call answers 500 InternalFailure.
                if self.random.random() < self.args.fail_rate:
                    print("fake_firehose: injected: 500 InternalFailure", file=sys.stderr, flush=True)
                    raise Reject(500, "InternalFailure", "Internal failure.", report=False)
                self.store([params["Record"]["Data"]])
                return {"RecordId": f"rec-{self.calls}", "Encrypted": False}
            responses, accepted = [], []
            for i, record in enumerate(params["Records"]):
                if self.random.random() < self.args.fail_rate:
                    responses.append({"ErrorCode": "ServiceUnavailableException", "ErrorMessage": "Slow down."})
                else:
                    accepted.append(record["Data"])
                    responses.append({"RecordId": f"rec-{self.calls}-{i}"})
            self.store(accepted)
            failed = len(params["Records"]) - len(accepted)
            if failed:
                print(f"fake_firehose: injected: {failed} failed entries in a batch", file=sys.stderr, flush=True)
            return {"FailedPutCount": failed, "Encrypted": False, "RequestResponses": responses}

    def store(self, records):
        if self.records:
            for data in records:
                self.records.write(data)
            self.records.flush()


class Reject(Exception):
    def __init__(self, status, code, message, report=True):
        super().__init__(message)
        self.status, self.code, self.message, self.report = status, code, message, report


def handler_for(fake):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            try:
                operation, params = fake.check(self.command, self.path, self.headers, body)
                self.reply(200, fake.answer(operation, params))
            except Reject as reject:
                if reject.report:
                    print(f"fake_firehose: rejected: {reject.code}: {reject.message}", file=sys.stderr, flush=True)
                self.reply(reject.status, {"__type": reject.code, "message": reject.message})

        do_GET = do_POST

        def reply(self, status, payload):
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/x-amz-json-1.1")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("x-amzn-RequestId", f"fake-{fake.calls}")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format, *args):  # noqa: A002 - quiet: stdout carries only the port
            pass

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--stream", default="pixels")
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--access-key", default="AKIDFAKE")
    parser.add_argument("--secret-key", default="fake-secret")
    parser.add_argument("--token", default="fake-token", help="expected session token; empty for none")
    parser.add_argument("--records", help="file every accepted record is appended to")
    parser.add_argument("--fail-rate", type=float, default=0.0)
    parser.add_argument("--throttle-every", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler_for(FakeFirehose(args)))
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
