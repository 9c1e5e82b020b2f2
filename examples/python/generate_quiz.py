#!/usr/bin/env python3
"""Generate a quiz with Bloomery's API, wait for it (webhook or polling) and save it.

    BLOOMERY_URL=http://localhost:3000 BLOOMERY_API_KEY=blm_... \\
        python3 examples/python/generate_quiz.py --material notes.txt --blooms "3 remember, 2 apply" --out quiz.json

Add --webhook to be told by Bloomery instead of asking every two seconds: the script listens on
--listen (host:port, default 127.0.0.1:8787) and gives Bloomery --public-url (default
http://<listen>/bloomery) as callback_url; BLOOMERY_WEBHOOK_SECRET (Settings -> API keys, the
secret of the key you use) verifies each delivery. Python 3.8+, standard library only.
"""
import argparse
import hashlib
import hmac
import json
import os
import queue
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class BloomeryError(Exception):
    pass


class Bloomery:
    """A small client: every call sends the key and turns an error answer into an exception."""

    def __init__(self, base_url, api_key):
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key

    def call(self, method, path, body=None, headers=None):
        data = json.dumps(body).encode() if body is not None else None
        all_headers = {"Authorization": "Bearer " + self.api_key, **(headers or {})}
        if data is not None:
            all_headers["Content-Type"] = "application/json"
        for attempt in range(1, 5):
            request = urllib.request.Request(self.base_url + path, data=data, method=method, headers=all_headers)
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    return json.loads(response.read())
            except urllib.error.HTTPError as error:
                answer = json.loads(error.read() or b"{}")
                # An overloaded server is worth a retry; with an Idempotency-Key it is safe.
                if (error.code == 429 or error.code >= 500) and attempt < 4:
                    time.sleep(min(int(error.headers.get("Retry-After", "2")), 60))
                    continue
                message = answer.get("error", {}).get("message") or answer
                raise BloomeryError("%s %s answered %d: %s" % (method, path, error.code, message))
            except urllib.error.URLError:
                if attempt < 4:
                    time.sleep(2)
                    continue
                raise

    def generate(self, text, title, blooms, callback_url=None):
        body = {"text": text, "title": title, "blooms": blooms}
        if callback_url:
            body["callback_url"] = callback_url
        # One key for this generation: if the answer is lost and we send again, no second job starts.
        return self.call("POST", "/api/generate", body, {"Idempotency-Key": str(uuid.uuid4())})

    def wait_by_polling(self, job_id):
        while True:
            status = self.call("GET", "/api/job_status?job_id=" + job_id)
            if status["status"] in ("finished", "failed", None):
                return status
            time.sleep(2)

    def save(self, job_id, title):
        return self.call("POST", "/api/assessments", {"job_id": job_id, "title": title})


def is_signature_valid(secret, header, body):
    """Bloomery-Signature is t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">; old ones may be replays."""
    fields = dict(part.split("=", 1) for part in (header or "").split(",") if "=" in part)
    try:
        timestamp = int(fields.get("t", ""))
    except ValueError:
        return False
    if abs(time.time() - timestamp) > 300:
        return False
    expected = hmac.new(secret.encode(), ("%d." % timestamp).encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields.get("v1", ""))


def listen_for_webhook(listen, secret):
    """Starts a server that puts each signed delivery (job id, status) on a queue."""
    deliveries = queue.Queue()

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if not is_signature_valid(secret, self.headers.get("Bloomery-Signature"), body):
                self.send_response(401)
                self.end_headers()
                return
            # Answer at once; Bloomery retries anything but a 2xx.
            self.send_response(204)
            self.end_headers()
            deliveries.put((self.headers.get("Bloomery-Job-Id"), json.loads(body)))

        def log_message(self, *args):
            pass

    host, port = listen.rsplit(":", 1)
    server = ThreadingHTTPServer((host, int(port)), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, deliveries


def wait_by_webhook(deliveries, job_id):
    while True:
        delivered_job, status = deliveries.get()
        if delivered_job == job_id:
            return status


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--material", required=True, help="a text file of teaching material")
    parser.add_argument("--title", default="Generated quiz")
    parser.add_argument("--blooms", default="3 remember, 2 understand, 1 apply")
    parser.add_argument("--out", default="quiz.json")
    parser.add_argument("--webhook", action="store_true", help="wait for Bloomery's POST instead of polling")
    parser.add_argument("--listen", default="127.0.0.1:8787")
    parser.add_argument("--public-url", help="the address Bloomery can reach the listener at")
    args = parser.parse_args()
    api_key = os.environ.get("BLOOMERY_API_KEY")
    if not api_key:
        sys.exit("Set BLOOMERY_API_KEY")
    bloomery = Bloomery(os.environ.get("BLOOMERY_URL", "http://localhost:3000"), api_key)

    server = deliveries = None
    if args.webhook:
        secret = os.environ.get("BLOOMERY_WEBHOOK_SECRET")
        if not secret:
            sys.exit("Set BLOOMERY_WEBHOOK_SECRET to verify deliveries")
        server, deliveries = listen_for_webhook(args.listen, secret)
    callback_url = (args.public_url or "http://%s/bloomery" % args.listen) if args.webhook else None

    with open(args.material, encoding="utf-8") as material:
        job_id = bloomery.generate(material.read(), args.title, args.blooms, callback_url)["job_id"]
    print("job %s queued; waiting by %s" % (job_id, "webhook" if args.webhook else "polling"))
    status = wait_by_webhook(deliveries, job_id) if args.webhook else bloomery.wait_by_polling(job_id)
    if server:
        server.shutdown()
    if status["status"] != "finished":
        sys.exit("The job failed: %s" % status.get("error") if status["status"] == "failed" else "The job is gone")

    saved = bloomery.save(job_id, args.title)
    mcqs = status["result"]["mcqs"]
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump({"assessment_id": saved["id"], "job_id": job_id, "title": args.title, "mcqs": mcqs}, out, indent=2)
    print("saved %d questions as assessment %d and in %s" % (len(mcqs), saved["id"], args.out))


if __name__ == "__main__":
    try:
        main()
    except BloomeryError as error:
        sys.exit(str(error))
