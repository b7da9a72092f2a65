#!/usr/bin/env python3
"""Fuzz Compendium's parsers with libFuzzer (`make fuzz`).

Builds the fuzz targets of the separate package in Fuzz/ with the Swift
toolchain's fuzzer and address sanitizers, fills seed corpora from the
content and the test fixtures (plus the hand-made seeds in Fuzz/Seeds/ and
the cmark pathological patterns), runs each target for FUZZ_SECONDS, and
reports per target how many inputs ran and what was found.

Everything it writes is under .build-fuzz/ (git-ignored):
  release/Fuzz*           the fuzz targets
  corpus/<target>/        the corpus: seeds, then what libFuzzer adds (kept between runs)
  stress/<target>/        inputs as large as a target takes (cmark's pathological patterns,
                          deep nesting), run once each before fuzzing, outside the corpus
  quarantine/<target>/    seeds that crashed or hung before fuzzing began, moved aside
  artifacts/<target>/     crash-*, timeout-*, oom-*, slow-unit-* inputs
  logs/<target>.log       libFuzzer's output for the last run
  dict/<target>.dict      the dictionary passed to libFuzzer

A target keeps fuzzing for its whole time: after a finding it starts again
(a seed that fails at start-up is set aside first), so one run can find
more than one problem. The exit status is 1 when anything was found (or a
target could not run), 0 otherwise.

Reproduce a finding:  SWIFT_BACKTRACE=enable=no .build-fuzz/release/<Product> <artifact>
"""

from __future__ import annotations

import argparse
import concurrent.futures
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = ROOT / ".build-fuzz"
SEEDS = ROOT / "Fuzz" / "Seeds"
KIND_FOLDERS = ["meetings", "slides", "jobs", "resources", "themes", "organisations", "series", "pages"]
MAX_LEN = 64 * 1024
TIMEOUT_SECONDS = 10
RSS_LIMIT_MB = 2048
MAX_RESTARTS = 25
SMALL_SCALE = 200       # repetitions of a pathological pattern in a seed
LARGE_SCALE = 16000     # … in a stress input (cut to the target's max_len)


@dataclass(frozen=True)
class Target:
    name: str
    product: str
    max_len: int


TARGETS = [
    Target("front-matter", "FuzzFrontMatter", MAX_LEN),
    Target("wiki-links", "FuzzWikiLinks", MAX_LEN),
    Target("slug", "FuzzSlug", 4096),
    Target("pipeline", "FuzzPipeline", MAX_LEN),
]


def say(text: str) -> None:
    print(text, flush=True)


# ---------------------------------------------------------------- building

def build(targets: list[Target]) -> None:
    for target in targets:
        command = ["swift", "build", "-c", "release", "--package-path", "Fuzz", "--scratch-path", ".build-fuzz",
                   "--product", target.product, "--sanitize=fuzzer", "--sanitize=address",
                   "-Xswiftc", "-parse-as-library"]
        say("fuzz: " + " ".join(command))
        result = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if result.returncode != 0:
            sys.stdout.write(result.stdout)
            raise SystemExit(f"fuzz: building {target.product} failed")


# ---------------------------------------------------------------- seeds

def markdown_files() -> list[tuple[str, bytes]]:
    """(path inside its content folder, bytes) of every document of the real
    content and of every fixture."""
    found = []
    roots = [ROOT / "content"] + sorted((ROOT / "Tests/CompendiumTests/Fixtures").glob("*/content"))
    for root in roots:
        for path in sorted(root.rglob("*.md")):
            if path.is_file():
                found.append((path.relative_to(root).as_posix(), path.read_bytes()))
    return found


def split_front_matter(data: bytes) -> tuple[bytes, bytes]:
    """(front matter, body); no front matter gives the whole file as body."""
    text = data.replace(b"\r\n", b"\n")
    if not text.startswith(b"---\n"):
        return b"", text
    end = text.find(b"\n---\n", 3)
    if end < 0:
        return b"", text
    return text[4:end + 1], text[end + 5:]


def pathological(scale: int) -> dict[str, str]:
    """The inputs of cmark's test/pathological_tests.py, `scale` repetitions each."""
    n = scale
    return {
        "nested-strong-emph": "*a **a " * n + "b" + " a** a*" * n,
        "emph-closers-no-openers": "a_ " * n,
        "emph-openers-no-closers": "_a " * n,
        "link-closers-no-openers": "a]" * n,
        "link-openers-no-closers": "[a" * n,
        "mismatched-openers-closers": "*a_ " * n,
        "openers-closers-multiple-of-3": "a**b" + "c* " * n,
        "link-openers-emph-closers": "[ a_" * n,
        "pattern-bracket-paren": "[ (](" * n,
        "pattern-image-brackets": "![[]()" * n,
        "hard-link-emph": "**x [a*b**c*](d)" * max(1, n // 16),
        "nested-brackets": "[" * n + "a" + "]" * n,
        "nested-block-quotes": "> " * n + "a\n",
        "deeply-nested-lists": "".join("  " * i + "* a\n" for i in range(min(n, 180))),
        "nul": "abc\u0000de\u0000" * max(1, n // 8),
        "backticks": "".join("e" + "`" * i for i in range(1, min(n, 350))),
        "unclosed-links-a": "[a](<b" * n,
        "unclosed-links-b": "[a](b" * n,
        "unclosed-comments": "</" + "<!--" * n,
        "many-references": "".join(f"[{i}]: u\n" for i in range(n // 4)) + "[0] " * (n // 4),
        "nested-inlines-star": "*" * n + "a" + "*" * n,
        "nested-inlines-underscore": "_" * n + "a" + "_" * n,
        "html-declarations": "<!A " * n,
        "html-processing": "<?" * n,
        "html-cdata": "<![CDATA[" * max(1, n // 4),
        "wiki-openers": "[[" * n,
        "wiki-nested": "[[" * n + "a" + "]]" * n,
        "wiki-many-links": "[[a]]" * n,
        "entities": "&#91;" * n,
        "tabs-and-lists": "-\t" * n + "a\n",
        "file-links-one-line": "[x](nowhere.md) " * n,
    }


def fit(text: str, limit: int) -> bytes:
    data = text.encode()
    return data if len(data) <= limit else data[:limit]


def folder_of(path: str) -> str:
    return path.split("/", 1)[0]


def slug_of(path: str) -> str:
    return path.rsplit("/", 1)[-1].removesuffix(".md")


def bundle(files: list[tuple[str, bytes]], configuration: bytes | None = None, flags: int = 0) -> bytes:
    """Files joined as the pipeline target reads them."""
    out = bytearray()
    if flags:
        out.append(flags)
    if configuration is not None:
        out += b"%%% compendium.yml\n" + configuration.rstrip(b"\n") + b"\n"
    for path, data in files:
        out += b"%%% " + path.encode() + b"\n" + data
        if not data.endswith(b"\n"):
            out += b"\n"
    return bytes(out)


def pipeline_seeds(documents: list[tuple[str, bytes]]) -> list[bytes]:
    seeds = []
    # Each fixture's content, with its configuration and consent register.
    for fixture in sorted((ROOT / "Tests/CompendiumTests/Fixtures").glob("*/content")):
        files = []
        for path in sorted(fixture.rglob("*")):
            if path.is_file():
                files.append((path.relative_to(fixture).as_posix(), path.read_bytes()))
        configuration_path = fixture.parent / "compendium.yml"
        configuration = configuration_path.read_bytes() if configuration_path.exists() else None
        consent_path = fixture.parent / "consent.yml"
        extra = [("consent.yml", consent_path.read_bytes())] if consent_path.exists() else []
        seeds.append(bundle(extra + files, configuration, flags=0x10 if extra else 0))
    # Each real document with every document its front matter names, and
    # theirs in turn, so that most build without errors and reach rendering.
    configuration = (ROOT / "compendium.yml").read_bytes()
    content_root = ROOT / "content"
    real = [(path.relative_to(content_root).as_posix(), path.read_bytes())
            for path in sorted(content_root.rglob("*")) if path.is_file()]
    by_slug: dict[str, list[int]] = {}
    for index, (path, _) in enumerate(real):
        by_slug.setdefault(slug_of(path), []).append(index)
    word = re.compile(rb"[a-z0-9]+(?:-[a-z0-9]+)*")
    prose = re.compile(rb"^\s*(?:- )?(title|summary|venue|text|item|role|setting|name|owner|authors|link|url|"
                       rb"short_name|second_hour|contact)\s*:")

    def named(index: int) -> list[int]:
        front, _ = split_front_matter(real[index][1])
        found = []
        for line in front.splitlines():
            if prose.match(line):
                continue
            for match in word.finditer(line.split(b":", 1)[-1]):
                found += [other for other in by_slug.get(match.group().decode(), []) if other != index]
        return found

    for index, (path, data) in enumerate(real):
        if not path.endswith(".md"):
            continue
        chosen = [index]
        pending = [index]
        while pending and len(chosen) <= 15:
            for other in named(pending.pop(0)):
                if other not in chosen:
                    chosen.append(other)
                    pending.append(other)
        seed = bundle([real[i] for i in chosen], configuration)
        if len(chosen) <= 15 and len(seed) <= MAX_LEN:
            seeds.append(seed)
    # The hand-made ones, and every wiki-link seed and pathological pattern as a page's text.
    seeds += [p.read_bytes() for p in sorted((SEEDS / "pipeline").glob("*")) if p.is_file()]
    page_head = b"%%% pages/p.md\n---\ntitle: Pathological\n---\n"
    for path in sorted((SEEDS / "wiki-links").glob("*")):
        seeds.append(page_head + path.read_bytes())
    for text in pathological(SMALL_SCALE).values():
        seeds.append(page_head + fit(text, MAX_LEN - len(page_head) - 1))
    return seeds


def deep_yaml(depth: int) -> dict[str, bytes]:
    """Front matter nested `depth` deep, which a parser may meet with recursion."""
    return {
        "deep-flow-sequences": ("---\ntitle: x\ndate: 2025-11-21\nthemes: " + "[" * depth + "]" * depth
                                + "\n---\n").encode(),
        "deep-flow-mappings": ("---\ntitle: " + "{a: " * (depth // 4) + "\n---\n").encode(),
        "deep-block-sequences": ("---\ntitle: x\npresenters:\n" + "".join(" " * i + "- \n" for i in range(min(depth, 2000)))
                                 + "---\n").encode(),
    }


def stress_inputs(target: Target) -> dict[str, bytes]:
    """Inputs as large as the target takes, run once each before fuzzing:
    the cmark pathological patterns and deep nesting, where time or stack
    grows with size. (Kept out of the corpus, where inputs this large would
    slow every mutation down.)"""
    page_head = b"%%% pages/p.md\n---\ntitle: Pathological\n---\n"
    if target.name == "front-matter":
        return {name: data[:target.max_len] for name, data in deep_yaml(target.max_len // 2).items()}
    if target.name == "wiki-links":
        return {name: fit(text, target.max_len) for name, text in pathological(LARGE_SCALE).items()}
    if target.name == "pipeline":
        return {name: page_head + fit(text, target.max_len - len(page_head))
                for name, text in pathological(LARGE_SCALE).items()}
    return {}


def seeds_for(target: Target, documents: list[tuple[str, bytes]]) -> list[bytes]:
    own = [p.read_bytes() for p in sorted((SEEDS / target.name).glob("*")) if p.is_file()]
    if target.name == "front-matter":
        seeds = []
        for path, data in documents:
            folder = folder_of(path)
            selector = KIND_FOLDERS.index(folder) if folder in KIND_FOLDERS else len(KIND_FOLDERS)
            seeds.append(bytes([selector]) + data)
            if folder == "meetings":
                seeds.append(data)
        seeds += deep_yaml(1000).values()
        return seeds + own
    if target.name == "wiki-links":
        seeds = [split_front_matter(data)[1] for _, data in documents]
        seeds += [fit(text, target.max_len) for text in pathological(SMALL_SCALE).values()]
        return seeds + own
    if target.name == "slug":
        seeds = []
        for path, data in documents:
            seeds.append(slug_of(path).encode())
            front, _ = split_front_matter(data)
            for line in front.splitlines():
                if line.startswith(b"title:"):
                    seeds.append(line[6:].strip())
        return seeds + own
    if target.name == "pipeline":
        return pipeline_seeds(documents)
    raise ValueError(target.name)


def dictionary_for(target: Target, documents: list[tuple[str, bytes]]) -> list[bytes]:
    markdown = [b"[[", b"]]", b"|", b"#", b"](", b"![", b"<", b">", b"`", b"```", b"    ", b"\n\n", b"> ", b"* ",
                b"- ", b"1. ", b"**", b"_", b"\\", b"&#", b"&amp;", b"<!--", b"-->", b"\r\n", b"\r", b"\t",
                b"\n===\n", b"# ", b"###### ", b"http://", b"javascript:", b"mailto:", b"../", b".md"]
    yaml = [b"---\n", b"\n---\n", b"...\n", b": ", b"- ", b"[", b"]", b"{", b"}", b", ", b"&a ", b"*a", b"<<: ",
            b"? ", b"!!", b"%YAML 1.2", b"|", b">-", b"'", b'"', b"~", b"null", b"true", b"no", b"\t", b"#"]
    keys = set()
    for _, data in documents:
        front, _ = split_front_matter(data)
        for match in re.finditer(rb"^\s*-?\s*([a-z_]+):", front, re.MULTILINE):
            keys.add(match.group(1) + b": ")
    keys |= {b"title: ", b"summary: ", b"slug: ", b"draft: ", b"content_notes: ", b"date: ", b"themes: ",
             b"topics: ", b"2025-11-21", b"14:00\xe2\x80\x9316:00", b"8a", b"synonyms: "}
    if target.name == "front-matter":
        return yaml + sorted(keys) + [bytes([i]) for i in range(9)]
    if target.name == "wiki-links":
        return markdown
    if target.name == "slug":
        return [b"-", b"'", b"\xe2\x80\x99", b"\xcc\x81", b"\xc3\xa9", b"\xe2\x84\xaa", b"\xef\xac\x81"]
    headers = [b"\n%%% " + folder.encode() + b"/" for folder in KIND_FOLDERS]
    headers += [b"\n%%% files/", b"\n%%% compendium.yml\n", b"\n%%% consent.yml\n", b"pillars: ", b"named_in: "]
    return markdown + yaml + sorted(keys) + headers


def write_dictionary(path: Path, entries: list[bytes]) -> None:
    lines = []
    for entry in entries:
        escaped = "".join(chr(b) if 0x20 <= b < 0x7F and b not in (0x22, 0x5C) else f"\\x{b:02x}" for b in entry)
        lines.append(f'"{escaped}"')
    path.write_text("\n".join(lines) + "\n")


def prepare(targets: list[Target]) -> None:
    documents = markdown_files()
    for target in targets:
        corpus = SCRATCH / "corpus" / target.name
        corpus.mkdir(parents=True, exist_ok=True)
        quarantined = {p.name for p in (SCRATCH / "quarantine" / target.name).glob("*")}
        added = 0
        for seed in seeds_for(target, documents):
            if len(seed) > target.max_len:
                seed = seed[:target.max_len]
            name = hashlib.sha1(seed).hexdigest()
            path = corpus / name
            if name not in quarantined and not path.exists():
                path.write_bytes(seed)
                added += 1
        stress = SCRATCH / "stress" / target.name
        shutil.rmtree(stress, ignore_errors=True)
        stress.mkdir(parents=True)
        for name, data in stress_inputs(target).items():
            (stress / name).write_bytes(data)
        (SCRATCH / "dict").mkdir(parents=True, exist_ok=True)
        write_dictionary(SCRATCH / "dict" / f"{target.name}.dict", dictionary_for(target, documents))
        total = sum(1 for _ in corpus.iterdir())
        say(f"fuzz: {target.name}: corpus .build-fuzz/corpus/{target.name}/ has {total} inputs ({added} new seeds)")


# ---------------------------------------------------------------- running

@dataclass
class Finding:
    kind: str
    artifact: Path
    headline: str
    frames: list[str]
    before_start: bool


@dataclass
class Outcome:
    target: Target
    executions: int = 0
    seconds: float = 0
    runs: int = 0
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    stress_times: list[tuple[int, str]] = field(default_factory=list)


def toolchain_tool(name: str) -> str | None:
    swift = shutil.which("swift")
    if swift:
        candidate = Path(os.path.realpath(swift)).parent / name
        if candidate.exists():
            return str(candidate)
    return shutil.which(name)


BORING_FRAME = re.compile(r"(^|\b)(__sanitizer|__asan|__interceptor|__lsan|fuzzer::|abort|raise|__GI_|_start|"
                          r"__libc_start|LLVMFuzzerTestOneInput|Fuzz\.require|swift_|_swift_|\$ss|"
                          r"\$sSa|pthread_|start_thread|clone|main$|std::)")
FRAME = re.compile(r"^\s*#(\d+) 0x[0-9a-f]+ in (\S+)(?: (/\S+))?")


def demangle(names: list[str]) -> list[str]:
    tool = toolchain_tool("swift-demangle")
    if not tool or not names:
        return names
    result = subprocess.run([tool, "--simplified", "--compact"], input="\n".join(names) + "\n",
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines = result.stdout.splitlines()
    return lines if len(lines) == len(names) else names


def describe(log: str, artifact: Path) -> Finding:
    kind = artifact.name.split("-")[0] if not artifact.name.startswith("slow-unit") else "slow-unit"
    headline = ""
    for pattern in (r"FUZZ INVARIANT FAILED.*", r".*Fatal error: .*", r"==\d+==\s*ERROR: .*",
                    r"ERROR: libFuzzer: .*", r"SUMMARY: .*"):
        match = re.search(pattern, log)
        if match:
            headline = match.group().strip()
            break
    frames: list[str] = []
    raw: list[str] = []
    in_stack = False
    for line in log.splitlines():
        if re.match(r"^\s*#\d+ 0x[0-9a-f]+", line):
            in_stack = True
            match = FRAME.match(line)
            library = re.search(r"\((/\S*/)?(lib(?:cmark|yaml)[^/+)]*)\+(0x[0-9a-f]+)\)", line)
            if match:
                raw.append(match.group(2) + (f" {match.group(3)}" if match.group(3) else ""))
            elif library:
                raw.append(f"{library.group(2)}+{library.group(3)}")
        elif in_stack:
            break
    functions = demangle([r.split(" /", 1)[0] for r in raw])
    for function, line in zip(functions, raw):
        where = line.split(" /", 1)[1] if " /" in line else ""
        mangled = line.split(" /", 1)[0]
        if (BORING_FRAME.search(function) or re.match(r"\$s(s|S[a-zA-Z])", mangled) or "/llvm-project/" in where or function.startswith("__")
                or function in ("bool", "void", "int", "unsigned", "long")):
            continue
        frames.append(function + (f"  (/{where})" if where else ""))
        if len(frames) == 8:
            break
    return Finding(kind, artifact, headline, frames, before_start="INITED" not in log.split("Test unit written to")[0])


def hexdump(data: bytes) -> str:
    rows = []
    for offset in range(0, len(data), 16):
        chunk = data[offset:offset + 16]
        hexes = " ".join(f"{b:02x}" for b in chunk)
        text = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in chunk)
        rows.append(f"    {offset:08x}  {hexes:<47}  |{text}|")
    return "\n".join(rows)


def quarantine(target: Target, artifact: Path) -> None:
    """Moves the corpus input that equals `artifact` (named by its SHA-1) aside."""
    name = hashlib.sha1(artifact.read_bytes()).hexdigest()
    source = SCRATCH / "corpus" / target.name / name
    if source.exists():
        destination = SCRATCH / "quarantine" / target.name
        destination.mkdir(parents=True, exist_ok=True)
        shutil.move(str(source), destination / name)


def environment() -> dict[str, str]:
    env = dict(os.environ, SWIFT_BACKTRACE="enable=no", COMPENDIUM_ROOT=str(ROOT),
               ASAN_OPTIONS="handle_abort=1:symbolize=1:" + os.environ.get("ASAN_OPTIONS", ""),
               LSAN_OPTIONS=f"suppressions={ROOT / 'Fuzz' / 'lsan-suppressions.txt'}:print_suppressions=0:"
               + os.environ.get("LSAN_OPTIONS", ""))
    symbolizer = toolchain_tool("llvm-symbolizer")
    if symbolizer:
        env["ASAN_SYMBOLIZER_PATH"] = symbolizer
    return env


class Runner:
    """Runs one target's binary, collecting executions and findings."""

    def __init__(self, target: Target):
        self.target = target
        self.outcome = Outcome(target)
        self.binary = SCRATCH / "release" / target.product
        self.artifacts = SCRATCH / "artifacts" / target.name
        self.artifacts.mkdir(parents=True, exist_ok=True)
        (SCRATCH / "logs").mkdir(parents=True, exist_ok=True)
        self.log_path = SCRATCH / "logs" / f"{target.name}.log"
        self.log_path.write_text("")
        self.environment = environment()
        self.seen: set[str] = set()
        self.common = [f"-timeout={TIMEOUT_SECONDS}", f"-rss_limit_mb={RSS_LIMIT_MB}", f"-max_len={target.max_len}",
                       "-print_final_stats=1", f"-artifact_prefix={self.artifacts}/"]

    def invoke(self, arguments: list[str], limit: int) -> tuple[int, str, list[Finding]]:
        command = [str(self.binary)] + self.common + arguments
        self.outcome.runs += 1
        try:
            result = subprocess.run(command, cwd=ROOT, env=self.environment, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, timeout=limit)
            log = result.stdout.decode("utf-8", "replace")
            code = result.returncode
        except subprocess.TimeoutExpired as expired:
            log = (expired.stdout or b"").decode("utf-8", "replace") + "\nfuzz: libFuzzer did not stop; killed\n"
            code = -9
        shown = " ".join(command[:1] + command[1 + len(self.common):][:3]) + (" …" if len(arguments) > 3 else "")
        with self.log_path.open("a") as handle:
            handle.write(f"\n===== run {self.outcome.runs}: {shown}\n{log}")
        written = re.findall(r"Test unit written to (\S+)", log)
        running = re.findall(r"Running: (\S+)", log)
        if code != 0 and not written and running and Path(running[-1]).exists():
            # Inputs run one by one: libFuzzer does not always save the one
            # that failed (a timeout, say), so save it as it would.
            data = Path(running[-1]).read_bytes()
            kind = ("timeout" if "ERROR: libFuzzer: timeout" in log else
                    "oom" if "out-of-memory" in log else "leak" if "LeakSanitizer" in log else "crash")
            copy = self.artifacts / f"{kind}-{hashlib.sha1(data).hexdigest()}"
            copy.write_bytes(data)
            written = [str(copy)]
            log += f"\nTest unit written to {copy}\n"
        findings = []
        for artifact in (Path(p) for p in written):
            if artifact.name in self.seen or not artifact.exists():
                continue
            self.seen.add(artifact.name)
            findings.append(describe(log, artifact))
        self.outcome.findings += findings
        if code != 0 and not findings:
            tail = "\n".join(log.strip().splitlines()[-15:])
            self.outcome.errors.append(f"exit status {code} without an artifact:\n{tail}")
        return code, log, findings

    def stress(self, deadline: float) -> None:
        """Runs each stress input once (no fuzzing), noting the slowest."""
        pending = sorted((SCRATCH / "stress" / self.target.name).glob("*"))
        while pending and time.monotonic() < deadline:
            limit = int(max(30, deadline - time.monotonic() + 60))
            code, log, findings = self.invoke([str(p) for p in pending], limit)
            executed = re.findall(r"Executed (\S+) in (\d+) ms", log)
            self.outcome.executions += len(executed) + (1 if findings else 0)
            for path, milliseconds in executed:
                self.outcome.stress_times.append((int(milliseconds), Path(path).name))
            if code == 0 or not findings:
                break
            # The input that failed is the last one started; go on after it.
            started = re.findall(r"Running: (\S+)", log)
            failed = Path(started[-1]).name if started else None
            names = [p.name for p in pending]
            pending = pending[names.index(failed) + 1:] if failed in names else []

    def fuzz(self, deadline: float) -> None:
        """Fuzzes until the deadline, starting again after each finding."""
        corpus = SCRATCH / "corpus" / self.target.name
        dictionary = SCRATCH / "dict" / f"{self.target.name}.dict"
        restarts = 0
        while restarts <= MAX_RESTARTS:
            remaining = int(deadline - time.monotonic())
            if remaining < 5:
                break
            restarts += 1
            code, log, findings = self.invoke([str(corpus), f"-max_total_time={remaining}", f"-dict={dictionary}",
                                               "-reload=0"], remaining + 120)
            executed = re.findall(r"stat::number_of_executed_units: (\d+)", log)
            if executed:
                self.outcome.executions += int(executed[-1])
            else:
                progress = re.findall(r"^#(\d+)\s", log, re.MULTILINE)
                self.outcome.executions += int(progress[-1]) if progress else 0
            for finding in findings:
                if finding.before_start:
                    quarantine(self.target, finding.artifact)
            if code == 0 or not findings:
                break


def run(target: Target, seconds: int) -> Outcome:
    runner = Runner(target)
    start = time.monotonic()
    deadline = start + seconds
    runner.stress(deadline)
    runner.fuzz(deadline)
    runner.outcome.seconds = time.monotonic() - start
    return runner.outcome


def report(outcome: Outcome) -> str:
    target = outcome.target
    lines = []
    kinds: dict[str, int] = {}
    for finding in outcome.findings:
        kinds[finding.kind] = kinds.get(finding.kind, 0) + 1
    found = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    status = f"FOUND {found}" if outcome.findings else ("ERROR" if outcome.errors else "nothing found")
    lines.append(f"fuzz: {target.name}: {outcome.executions} executions in {outcome.seconds:.0f} s "
                 f"({outcome.runs} run{'s' if outcome.runs != 1 else ''}): {status}")
    if outcome.stress_times:
        slowest = sorted(outcome.stress_times, reverse=True)[:3]
        lines.append(f"  {len(outcome.stress_times)} stress inputs run once; slowest: "
                     + ", ".join(f"{name} {ms} ms" for ms, name in slowest))
    groups: dict[tuple, list[Finding]] = {}
    for finding in outcome.findings:
        groups.setdefault((finding.kind, finding.headline.split(" at ")[0][:60], tuple(finding.frames[:3])), []).append(finding)
    for (kind, _, _), findings in groups.items():
        first = findings[0]
        data = first.artifact.read_bytes()
        lines.append(f"  {kind}: {first.headline}")
        lines.append(f"    {len(findings)} input(s): " + ", ".join(
            str(f.artifact.relative_to(ROOT)) for f in findings[:4]) + (" …" if len(findings) > 4 else "")
            + (" (found before fuzzing began: a seed or stress input)" if first.before_start else ""))
        for frame in first.frames:
            lines.append(f"      at {frame}")
        lines.append(f"    reproduce: SWIFT_BACKTRACE=enable=no .build-fuzz/release/{target.product} "
                     f"{first.artifact.relative_to(ROOT)}")
        if len(data) <= 256:
            lines.append(f"    input ({len(data)} bytes):\n" + hexdump(data))
        else:
            lines.append(f"    input ({len(data)} bytes), starting:\n" + hexdump(data[:64]))
    for error in outcome.errors:
        lines.append("  error: " + error.replace("\n", "\n    "))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("FUZZ_SECONDS", "60")),
                        help="how long to fuzz each target (FUZZ_SECONDS, default 60)")
    parser.add_argument("--targets", default=os.environ.get("FUZZ_TARGETS", ""),
                        help="comma-separated targets (FUZZ_TARGETS; default all: "
                             + ", ".join(t.name for t in TARGETS) + ")")
    parser.add_argument("--parallel", type=int, default=int(os.environ.get("FUZZ_PARALLEL", "2")),
                        help="targets fuzzed at a time, one process each (FUZZ_PARALLEL, default 2)")
    parser.add_argument("--no-build", action="store_true", help="use the targets already built")
    parser.add_argument("--corpus-only", action="store_true", help="only prepare the corpora and dictionaries")
    parser.add_argument("--build-only", action="store_true", help="only build the targets (CI, so that they keep building)")
    arguments = parser.parse_args()

    names = [n.strip() for n in arguments.targets.split(",") if n.strip()]
    unknown = [n for n in names if n not in {t.name for t in TARGETS}]
    if unknown:
        parser.error("unknown target(s): " + ", ".join(unknown))
    targets = [t for t in TARGETS if not names or t.name in names]

    os.chdir(ROOT)
    if not arguments.corpus_only and not arguments.no_build:
        build(targets)
    if arguments.build_only:
        say(f"fuzz: built {len(targets)} target(s)")
        return 0
    prepare(targets)
    if arguments.corpus_only:
        return 0

    say(f"fuzz: running {len(targets)} target(s) for {arguments.seconds} s each, {arguments.parallel} at a time "
        f"(-timeout={TIMEOUT_SECONDS} -rss_limit_mb={RSS_LIMIT_MB}; logs in .build-fuzz/logs/)")
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, arguments.parallel)) as pool:
        outcomes = list(pool.map(lambda t: run(t, arguments.seconds), targets))
    say("")
    for outcome in outcomes:
        say(report(outcome))
    total = sum(o.executions for o in outcomes)
    failed = [o for o in outcomes if o.findings or o.errors]
    say(f"fuzz: {total} executions in all, {time.monotonic() - started:.0f} s; "
        + (f"findings in {', '.join(o.target.name for o in failed)}" if failed else "nothing found"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
