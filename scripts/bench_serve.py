#!/usr/bin/env python3
"""Edit-to-reload latency of `compendium serve`.

Generates a corpus (../shared/bench/gen_corpus.py), starts `compendium serve`
on it, listens to the live-reload event stream like an open page does, then
edits one meeting at a time and measures, for each edit, the time from
saving the file to receiving the reload event that names the edited page.
The next edit is saved once the pages that follow (the print page among
them) are written, so that each edit is measured on its own. Prints the
median and spread over the edits and checks that the served page holds
the edit.

    scripts/bench_serve.py --binary .build/release/compendium --docs 10000 --edits 20
"""

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time

from bench import ROOT, corpus


class EventStream:
    """Reads server-sent events from the preview, one at a time."""

    def __init__(self, port):
        self.socket = socket.create_connection(("127.0.0.1", port))
        self.socket.sendall(b"GET /__compendium/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.buffer = b""
        self.head_done = False
        self.payload = ""

    def next(self, timeout):
        self.socket.settimeout(timeout)
        while "\n\n" not in self.payload:
            data = self.socket.recv(65536)
            if not data:
                return None
            self.buffer += data
            self._decode()
        block, self.payload = self.payload.split("\n\n", 1)
        return block

    def _decode(self):
        if not self.head_done:
            if b"\r\n\r\n" not in self.buffer:
                return
            self.buffer = self.buffer.split(b"\r\n\r\n", 1)[1]
            self.head_done = True
        while b"\r\n" in self.buffer:
            size_line, rest = self.buffer.split(b"\r\n", 1)
            size = int(size_line, 16)
            if len(rest) < size + 2:
                return
            self.payload += rest[:size].decode("utf-8")
            self.buffer = rest[size + 2:]


def wait_for_reload(events, wanted):
    """Reads events until a reload that reloads everything or that `wanted` accepts, and gives its data."""
    while True:
        block = events.next(120)
        if block is None:
            sys.exit("the event stream ended")
        if block.startswith("event: reload"):
            data = json.loads(block.split("data: ", 1)[1])
            if data["all"] or wanted(data):
                return data


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "compendium"))
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench-out"))
    arguments = parser.parse_args()

    os.makedirs(arguments.out, exist_ok=True)
    generated = corpus(arguments.docs, arguments.out)
    # Edits go to a fresh copy, so the generated corpus stays as generated.
    folder = os.path.join(arguments.out, f"serve-corpus-{arguments.docs}")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(generated, folder)
    site = os.path.join(arguments.out, f"serve-site-{arguments.docs}")
    shutil.rmtree(site, ignore_errors=True)
    started = time.monotonic()
    server = subprocess.Popen(
        [arguments.binary, "serve", "--content", os.path.join(folder, "content"),
         "--config", os.path.join(folder, "compendium.yml"), "--output", site, "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = None
        for line in server.stdout:
            found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if found:
                port = int(found.group(1))
                break
        if port is None:
            sys.exit("serve did not start")
        first_build = time.monotonic() - started
        events = EventStream(port)
        events.next(30)  # the greeting

        meetings = sorted(name for name in os.listdir(os.path.join(folder, "content", "meetings")) if name.endswith(".md"))
        step = max(1, len(meetings) // arguments.edits)
        latencies = []
        for number in range(arguments.edits):
            name = meetings[(number * step) % len(meetings)]
            path = os.path.join(folder, "content", "meetings", name)
            page = f"meetings/{name[:-3]}/index.html"
            marker = f"Benchmark edit {number} of {name}."
            with open(path, "a", encoding="utf-8") as document:
                document.write(f"\n{marker}\n")
            saved = time.monotonic()
            reload = wait_for_reload(events, lambda data: page in data["changed"])
            latencies.append(time.monotonic() - saved)
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/" + page[: -len("index.html")])
            body = connection.getresponse().read().decode("utf-8")
            if marker not in body:
                sys.exit(f"the served page {page} does not hold the edit")
            # The pages made from every text follow the edited page; the next
            # edit waits for them, so that each edit is measured on its own.
            # Every edit changes a text, so the print page is always among them.
            follow_up = lambda data: "print/index.html" in data["changed"]
            if not (reload["all"] or follow_up(reload)):
                wait_for_reload(events, follow_up)
    finally:
        server.terminate()
        server.wait(timeout=30)

    milliseconds = sorted(value * 1000 for value in latencies)
    print(f"serve: {arguments.docs} documents, first build and start {first_build:.1f} s")
    print(f"edit-to-reload over {len(milliseconds)} edits: median {statistics.median(milliseconds):.0f} ms, "
          f"min {milliseconds[0]:.0f} ms, max {milliseconds[-1]:.0f} ms")


if __name__ == "__main__":
    main()
