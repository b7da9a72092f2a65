#!/usr/bin/env python3
"""The benchmark behind `make bench`.

Generates corpora with ../shared/bench/gen_corpus.py (1,000 and 10,000
documents; 100,000 too with --large), then, for each, runs in turns (A B C D,
A B C D, ...) a full `compendium build`, `compendium check`, Hugo on the same
corpus and the C floor program (../shared/bench/ssgfloor.c, read + cmark +
write), each into an empty output folder, under /usr/bin/time -v, and a
rebuild of the same inputs into the folder a build left. Earlier outputs are
set aside by renaming them, and deleted only after the last measurement:
on a file system that remembers recently freed inodes (ext4 without a
journal), a mass deletion just before a run makes every tool's writes
several times slower, which would measure the deletion, not the tool
(start it at least six minutes after any other mass deletion on the same disk).
Before each run the file system is synced, so that the kernel writes the
bytes of earlier runs to disk before the timing starts rather than during
the next tool's run, and every file of the corpus is read once, so that
each tool starts with the corpus in the page cache: a kernel that pages out
files unread for a while (DAMON's reclaim does so after a minute) would
otherwise make whichever tool comes first after a long run read from disk,
which measures the disk, not the tool. Prints a
table (documents, pages written, wall and CPU seconds, peak memory, pages per
second, medians over the runs) and the ratios the performance targets are
stated in, each the median of the per-run ratios, since the machines are
shared and noisy. Then, for each corpus, one more build with `--timings`
(not counted in the medians) shows where the time goes, stage by stage.
With 100,000 documents it also prints how the C floor's time grows from
10,000 to 100,000 beside Compendium's, to show how the machine itself scales.
Finally measures `serve`'s edit-to-reload latency.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The corpus generator and the C floor program: BENCH_TOOLS, or ../shared/bench beside the repository.
BENCH = os.environ.get("BENCH_TOOLS") or os.path.join(ROOT, "..", "shared", "bench")


def require_tools():
    """Stops with a hint when the corpus generator or the C floor program is not where it is looked for."""
    missing = [name for name in ("gen_corpus.py", "ssgfloor.c") if not os.path.isfile(os.path.join(BENCH, name))]
    if missing:
        sys.exit(f"bench: {', '.join(missing)} not found in {os.path.abspath(BENCH)}\n"
                 "  hint: put the benchmark tools in ../shared/bench beside the repository, "
                 "or set BENCH_TOOLS to the folder that holds them")


def corpus(docs, out):
    """Generates the corpus (with its Hugo skeleton) once, and gives it a site configuration."""
    require_tools()
    folder = os.path.join(out, f"corpus-{docs}")
    if not os.path.isdir(os.path.join(folder, "content")):
        subprocess.run([sys.executable, os.path.join(BENCH, "gen_corpus.py"), "--docs", str(docs), "--out", folder,
                        "--seed", "1"], check=True, stdout=subprocess.DEVNULL)
    if not os.path.exists(os.path.join(folder, "hugo.toml")):
        subprocess.run([sys.executable, os.path.join(BENCH, "gen_corpus.py"), "--docs", str(docs), "--out", folder,
                        "--seed", "1", "--hugo-only"], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(ROOT, "compendium.yml"), encoding="utf-8") as source:
        configuration = source.read().replace("slug: evidence-research-and-development", "slug: research")
    with open(os.path.join(folder, "compendium.yml"), "w", encoding="utf-8") as target:
        target.write(configuration)
    return folder


def standby(output_folder):
    """The hidden folder where `compendium build` keeps the site it replaced, for the next build to write into."""
    parent, name = os.path.split(output_folder.rstrip("/"))
    return os.path.join(parent, f".{name}.standby")


class SetAside:
    """A folder that earlier outputs are moved into, to be deleted when every measurement is taken."""

    def __init__(self, out):
        self.folder = os.path.join(out, ".set-aside")
        self.count = 0
        if os.path.exists(self.folder):
            # Left by a run that was stopped: delete it, then let the file system forget the freed inodes.
            self.delete()
            time.sleep(6 * 60 + 10)
        os.makedirs(self.folder)

    def move(self, path):
        """Moves `path`, when it exists, out of the way."""
        if os.path.lexists(path):
            self.count += 1
            os.rename(path, os.path.join(self.folder, str(self.count)))

    def delete(self):
        """Deletes what was set aside, and syncs: ext4 treats an inode as recently freed (and skips it when
        making files) for a minute after its deletion, and for six while the block of the inode table that holds
        it is unwritten, which making new files beside it makes it again: so a run that makes many files
        within six minutes of a mass deletion scans past freed inodes for each one."""
        shutil.rmtree(self.folder, ignore_errors=True)
        os.sync()


def read_through(folder):
    """Reads every file below `folder`, so that the next run finds them in the page cache."""
    for parent, _, names in os.walk(folder):
        for name in names:
            with open(os.path.join(parent, name), "rb") as source:
                while source.read(1 << 20):
                    pass


def timed(command, output_folder, set_aside, fresh=True, inputs=None):
    """Runs `command` under /usr/bin/time -v, into an empty output folder unless not
    `fresh`, with the files below `inputs` read just before; returns wall, CPU, peak MiB
    and its standard output."""
    if output_folder and fresh:
        set_aside.move(output_folder)
        set_aside.move(standby(output_folder))
    # Earlier runs' writes reach the disk now, not while this command is timed.
    os.sync()
    if inputs:
        read_through(inputs)
    result = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr[-2000:]}")
    report = result.stderr

    def field(name):
        return re.search(re.escape(name) + r": (.+)", report).group(1).strip()

    clock = [float(part) for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = sum(value * 60 ** power for power, value in enumerate(reversed(clock)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    peak = int(field("Maximum resident set size (kbytes)")) / 1024
    return {"wall": wall, "cpu": cpu, "peak": peak, "output": result.stdout + report}


def stage_times(report):
    """The stage times `compendium build --timings` printed, in milliseconds, in its order (wall last)."""
    return [(name, int(ms)) for name, ms in re.findall(r"^  (\w+) +(\d+) ms$", report, re.MULTILINE)]


def count_pages(folder):
    pages = 0
    for _, _, files in os.walk(folder):
        pages += sum(1 for name in files if name.endswith(".html"))
    return pages


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "compendium"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--large", action="store_true", help="also 100,000 documents")
    parser.add_argument("--sizes", default="", help="comma-separated document counts instead of the defaults")
    parser.add_argument("--serve-edits", type=int, default=20, help="edits for the serve latency (0 skips it)")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench-out"))
    arguments = parser.parse_args()

    require_tools()
    os.makedirs(arguments.out, exist_ok=True)
    set_aside = SetAside(arguments.out)
    floor = os.path.join(arguments.out, "ssgfloor")
    subprocess.run(["cc", "-O2", "-o", floor, os.path.join(BENCH, "ssgfloor.c"), "-lcmark", "-lpthread"], check=True)
    workers = str(os.cpu_count() or 2)
    sizes = [int(size) for size in arguments.sizes.split(",")] if arguments.sizes else [1000, 10000]
    if arguments.large and 100000 not in sizes:
        sizes.append(100000)
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    print(f"commit {commit}, {workers} workers, {arguments.runs} runs each, medians")

    rows = []
    ratios = {}
    stages = {}
    for docs in sizes:
        folder = corpus(docs, arguments.out)
        content = os.path.join(folder, "content")
        site = os.path.join(arguments.out, f"site-{docs}")
        hugo_site = os.path.join(arguments.out, f"hugo-{docs}")
        floor_site = os.path.join(arguments.out, f"floor-{docs}")
        tools = {
            "compendium build": ([arguments.binary, "build", "--content", content, "--config",
                                  os.path.join(folder, "compendium.yml"), "--output", site], site),
            "compendium check": ([arguments.binary, "check", "--content", content, "--config",
                                  os.path.join(folder, "compendium.yml")], None),
            "hugo": (["hugo", "-s", folder, "-d", hugo_site, "--quiet"], hugo_site),
            "C floor": ([floor, "site", content, floor_site, "-j", workers], floor_site),
        }
        results = {name: [] for name in ["compendium build", "compendium rebuild"] + list(tools)}
        for _ in range(arguments.runs):
            for name, (command, output) in tools.items():
                results[name].append(timed(command, output, set_aside, inputs=folder))
                if name == "compendium build":
                    # The same inputs again into the folder that holds the site: the second of two
                    # rebuilds writes into the site the first replaced, so only what changed is written.
                    timed(command, output, set_aside, fresh=False, inputs=folder)
                    results["compendium rebuild"].append(timed(command, output, set_aside, fresh=False, inputs=folder))
        pages = {
            "compendium build": count_pages(site),
            "compendium rebuild": count_pages(site),
            "compendium check": 0,
            "hugo": count_pages(hugo_site),
            "C floor": int(re.search(r"pages=(\d+)", results["C floor"][-1]["output"]).group(1)),
        }
        for name, runs in results.items():
            wall = statistics.median(run["wall"] for run in runs)
            rows.append((name, docs, pages[name], wall, statistics.median(run["cpu"] for run in runs),
                         max(run["peak"] for run in runs), pages[name] / wall if pages[name] else 0))
        build = [run["wall"] for run in results["compendium build"]]
        ratios[docs] = {
            "build / hugo": statistics.median(b / h["wall"] for b, h in zip(build, results["hugo"])),
            "build / floor": statistics.median(b / f["wall"] for b, f in zip(build, results["C floor"])),
            "check / build": statistics.median(c["wall"] / b for c, b in zip(results["compendium check"], build)),
            "rebuild / build": statistics.median(r["wall"] / b for r, b in zip(results["compendium rebuild"], build)),
            "build wall": statistics.median(build),
            "floor wall": statistics.median(run["wall"] for run in results["C floor"]),
            "build peak": max(run["peak"] for run in results["compendium build"]),
        }
        timed_build = tools["compendium build"][0] + ["--timings"]
        stages[docs] = stage_times(timed(timed_build, site, set_aside, inputs=folder)["output"])
        if not stages[docs]:
            sys.exit(f"no stage times in the output of: {' '.join(timed_build)}")
        set_aside.move(hugo_site)
        set_aside.move(floor_site)
        set_aside.move(standby(site))

    print()
    print(f"| {'tool':<18} | {'docs':>7} | {'pages':>7} | {'wall s':>7} | {'CPU s':>7} | {'peak MB':>8} | {'pages/s':>8} |")
    print(f"|{'-' * 20}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 10}|{'-' * 10}|")
    for name, docs, pages, wall, cpu, peak, rate in rows:
        shown = f"{rate:8.0f}" if pages else f"{'':>8}"
        print(f"| {name:<18} | {docs:>7,} | {pages:>7,} | {wall:7.2f} | {cpu:7.2f} | {peak:8.0f} | {shown} |")

    for docs, times in stages.items():
        work = sum(ms for name, ms in times if name != "wall")
        print()
        print(f"Where a build's time goes ({docs:,} documents, one more build with --timings; "
              f"each stage's time summed over {workers} workers):")
        print()
        print(f"| {'stage':<10} | {'ms':>7} | {'share':>6} |")
        print(f"|{'-' * 12}|{'-' * 9}|{'-' * 8}|")
        for name, ms in times:
            share = f"{100 * ms / work:5.1f}%" if name != "wall" and work else ""
            print(f"| {name:<10} | {ms:>7,} | {share:>6} |")

    print()
    targets = []
    floor_growth = None
    for docs, values in ratios.items():
        print(f"{docs:,} documents: build/hugo {values['build / hugo']:.2f}, build/floor {values['build / floor']:.2f}, "
              f"check/build {values['check / build']:.2f}, rebuild/build {values['rebuild / build']:.2f}")
    if 10000 in ratios:
        ten = ratios[10000]
        targets += [
            ("full build <= 0.5 x Hugo (10,000)", ten["build / hugo"] <= 0.5, f"{ten['build / hugo']:.2f}"),
            ("full build <= 2 x C floor (10,000)", ten["build / floor"] <= 2, f"{ten['build / floor']:.2f}"),
            ("check <= 0.35 x build (10,000)", ten["check / build"] <= 0.35, f"{ten['check / build']:.2f}"),
        ]
        if 100000 in ratios:
            hundred = ratios[100000]
            growth = hundred["build wall"] / ten["build wall"]
            floor_growth = hundred["floor wall"] / ten["floor wall"]
            targets += [
                ("100,000 <= 11 x 10,000", growth <= 11, f"{growth:.1f}"),
                ("100,000 peak memory < 1 GB", hundred["build peak"] < 1024, f"{hundred['build peak']:.0f} MB"),
            ]
    if arguments.serve_edits > 0:
        serve = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "bench_serve.py"), "--binary",
                                arguments.binary, "--docs", "10000", "--edits", str(arguments.serve_edits),
                                "--out", arguments.out], capture_output=True, text=True)
        print(serve.stdout.strip())
        found = re.search(r"median (\d+) ms", serve.stdout)
        if found:
            median = int(found.group(1))
            targets.append(("serve edit-to-reload < 200 ms (10,000, median)", median < 200, f"{median} ms"))
    if floor_growth is not None:
        # How the machine itself scales: the same growth for the C floor, which does the least work per page.
        print(f"100,000 / 10,000: compendium build {growth:.1f}, C floor {floor_growth:.1f}")
    print()
    for label, met, value in targets:
        print(f"{'met    ' if met else 'NOT met'}  {label}: {value}")
    set_aside.delete()


if __name__ == "__main__":
    main()
