#!/usr/bin/env python3
"""Open an `entente report` page in headless Chromium and check it as a user would.

Usage: browser.py CHROMIUM MODE PAGE.html [EXPECT.json] [SCREENSHOT.png]

MODE:
  seeds    EXPECT.json gives the partners and themes of the tables, a partner
           and a theme to click, the meetings that click must list, and for
           each of them its evidence sentence and the theme's trigger. Checks
           the heatmap, the click, the evidence (by mouse and by keyboard),
           and that no script error or policy violation happened; saves a
           screenshot when asked.
  hostile  The page of an article whose strings carry markup and a
           javascript: link (they set window.__pwned if they ever run).
           Checks that nothing ran and that the markup shows as text.
  bench    Prints the page's size, the time until its table shows and the
           time from a click on a meeting to its evidence.

Chromium is driven through the DevTools protocol over a pipe
(--remote-debugging-pipe), so only the standard library is needed. Prints
one line per check and "N passed, M failed"; exits 1 on any failure.
"""
import base64
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TIMEOUT = 60.0


class Chromium:
    """One headless browser and one page, spoken to over the DevTools pipe."""

    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="entente-chromium-")
        to_chrome, self._out = os.pipe()
        self._in, from_chrome = os.pipe()

        def wire():
            # Chromium reads commands on fd 3 and writes replies on fd 4.
            a = fcntl.fcntl(to_chrome, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_chrome, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [
            binary, "--headless", "--remote-debugging-pipe", "--no-sandbox",
            "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking",
            "--hide-scrollbars", f"--user-data-dir={self.profile}",
            "--window-size=1400,1000", "about:blank",
        ]
        self.proc = subprocess.Popen(
            args, preexec_fn=wire, pass_fds=(3, 4),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome)
        os.close(from_chrome)
        self._buffer = b""
        self._next = 0
        self.events = []
        self.session = None
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call(
            "Target.attachToTarget", {"targetId": target, "flatten": True}
        )["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": 1400, "height": 1000, "deviceScaleFactor": 1, "mobile": False})

    def _read(self):
        while b"\0" not in self._buffer:
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None):
        self._next += 1
        message = {"id": self._next, "method": method, "params": params or {}}
        if self.session:
            message["sessionId"] = self.session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def js(self, expression):
        """The value of a JavaScript expression (awaited if it is a promise)."""
        result = self.call("Runtime.evaluate", {
            "expression": expression, "returnByValue": True, "awaitPromise": True,
        })
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, path):
        started = time.monotonic()
        self.call("Page.navigate", {"url": Path(path).resolve().as_uri()})
        return self.wait("document.documentElement.dataset.state || ''", started)

    def wait(self, expression, started=None, want=("ready", "error")):
        started = started or time.monotonic()
        while time.monotonic() - started < TIMEOUT:
            try:
                value = self.js(expression)
            except RuntimeError:
                value = None  # the page is between documents
            if value in want:
                return value
            time.sleep(0.02)
        raise RuntimeError(f"timed out waiting for {expression}")

    def click(self, selector):
        """A real mouse click in the middle of the element."""
        box = self.js(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " if (!e) return null; e.scrollIntoView({block: 'center'});"
            " const r = e.getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        if box is None:
            raise RuntimeError(f"no element {selector}")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {
                "type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1,
            })

    def press_enter_on(self, selector):
        """Focus the element and press Enter, as a keyboard user would."""
        self.js(f"document.querySelector({json.dumps(selector)}).focus()")
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", {
                "type": kind, "key": "Enter", "code": "Enter",
                "windowsVirtualKeyCode": 13, "text": "\r" if kind == "keyDown" else "",
            })

    def problems(self):
        """Script errors and Content-Security-Policy violations seen so far."""
        out = []
        for e in self.events:
            if e.get("method") == "Runtime.exceptionThrown":
                out.append(e["params"]["exceptionDetails"].get("text", "exception"))
            if e.get("method") == "Log.entryAdded":
                entry = e["params"]["entry"]
                if entry.get("level") == "error":
                    out.append(f"{entry.get('source')}: {entry.get('text')}")
        return out

    def screenshot(self, path, most=1900):
        """The top of the page (heatmap, meetings and evidence), as PNG."""
        height = min(most, self.js("document.documentElement.scrollHeight"))
        self.js("window.scrollTo(0, 0)")
        shot = self.call("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": 1400, "height": height, "scale": 1},
        })
        Path(path).write_bytes(base64.b64decode(shot["data"]))

    def close(self):
        try:
            self.call("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"ok   {name}")
        else:
            self.failed += 1
            print(f"FAIL {name}: {detail}")

    def summary(self):
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


# The text of the first evidence quote without the hidden theme labels.
QUOTES = """[...document.querySelectorAll('#evidence-body blockquote')].map(q => {
  const c = q.cloneNode(true); c.querySelectorAll('.visually-hidden').forEach(s => s.remove());
  return c.textContent; })"""
MARKS = """[...document.querySelectorAll('#evidence-body mark')].map(m => {
  const c = m.cloneNode(true); c.querySelectorAll('.visually-hidden').forEach(s => s.remove());
  return [m.dataset.theme, c.textContent]; })"""
LISTED = "[...document.querySelectorAll('#meetings-body tr')].map(r => r.dataset.id)"


def evidence_of(browser, meeting_id, want):
    """Waits until the evidence panel shows the meeting (its row marked current)."""
    browser.wait(
        f"document.querySelector('#meetings-body tr.current')?.dataset.id === {json.dumps(meeting_id)}"
        " && document.querySelector('#evidence-body blockquote') ? 'ready' : ''",
        want=("ready",),
    )
    return browser.js(QUOTES), browser.js(MARKS)


def seeds(browser, page, expect, screenshot):
    c = Checks()
    c.check("page loads", browser.open(page) == "ready", browser.js("document.title"))
    partners = browser.js("[...document.querySelectorAll('.heatmap tbody th button')].map(b => b.dataset.partner)")
    themes = browser.js("[...document.querySelectorAll('.heatmap thead button')].map(b => b.dataset.theme)")
    c.check("heatmap rows are the partners", sorted(partners) == sorted(expect["partners"]), partners)
    c.check("heatmap columns are the themes", sorted(themes) == sorted(expect["themes"]), themes)

    p, t = expect["partner"], expect["theme"]
    cell = f'.heatmap td button[data-partner="{p}"][data-theme="{t}"]'
    browser.click(cell)
    listed = browser.js(LISTED)
    want = sorted(m["meeting_id"] for m in expect["meetings"])
    c.check(f"clicking {p} x {t} lists its meetings", sorted(listed) == want, f"{listed} != {want}")
    c.check("the clicked cell is pressed", browser.js(f"document.querySelector('{cell}').getAttribute('aria-pressed')") == "true")
    status = browser.js("document.getElementById('filter-status').textContent")
    c.check("the filter is announced", p in status and t in status, status)

    for n, m in enumerate(expect["meetings"]):
        row = f'#meetings-body tr[data-id="{m["meeting_id"]}"] button'
        how = "mouse" if n == 0 else "keyboard"
        if how == "mouse":
            browser.click(row)
        else:
            browser.press_enter_on(row)
        quotes, marks = evidence_of(browser, m["meeting_id"], m)
        c.check(f"{m['meeting_id']} ({how}): its sentence is the first quote",
                bool(quotes) and m["evidence"] in quotes[0], f"{m['evidence']!r} not in {quotes[:1]}")
        c.check(f"{m['meeting_id']} ({how}): the {t} trigger is marked",
                [t, m["trigger"]] in marks, f"{[t, m['trigger']]} not in {marks}")
        title = browser.js("document.querySelector('#evidence-body h3').textContent")
        c.check(f"{m['meeting_id']} ({how}): the article's title shows", title == m["title"], title)
        focused = browser.js("document.activeElement.id")
        c.check(f"{m['meeting_id']} ({how}): focus moves to the evidence", focused == "evidence-title", focused)

    browser.click("#clear-filter")
    c.check("clearing the filter lists every meeting",
            len(browser.js(LISTED)) == expect["all_meetings"], browser.js(LISTED))
    if screenshot:
        browser.click(cell)
        browser.click(f'#meetings-body tr[data-id="{expect["meetings"][0]["meeting_id"]}"] button')
        evidence_of(browser, expect["meetings"][0]["meeting_id"], None)
        browser.screenshot(screenshot)
    c.check("no script error or policy violation", not browser.problems(), browser.problems())
    return c.summary()


PWNED = "typeof window.__pwned === 'undefined' ? 'clean' : String(window.__pwned)"


def hostile(browser, page):
    c = Checks()
    c.check("page loads", browser.open(page) == "ready")
    c.check("nothing ran on load", browser.js(PWNED) == "clean", browser.js(PWNED))
    browser.click(".heatmap tbody th button")
    ids = browser.js(LISTED)
    c.check("the hostile article's meeting is listed", len(ids) >= 1, ids)
    browser.click(f'#meetings-body tr[data-id="{ids[0]}"] button')
    quotes, _ = evidence_of(browser, ids[0], None)
    text = browser.js("document.getElementById('evidence-body').textContent")
    title = browser.js("document.querySelector('#evidence-body h3').textContent")
    c.check("nothing ran after the clicks", browser.js(PWNED) == "clean", browser.js(PWNED))
    c.check("the title's markup shows as text", "<script>" in title and "onerror=" in title, title)
    c.check("the sentence's markup shows as text", any("<img src=x onerror=" in q for q in quotes), quotes)
    c.check("no element came from the data",
            browser.js("document.querySelectorAll('#evidence-body img, #evidence-body script, #meetings-body img, #meetings-body script').length") == 0)
    c.check("no script element but the page's",
            browser.js("[...document.scripts].filter(s => !s.type).length") == 1)
    c.check("the javascript: link is not a link",
            browser.js("document.querySelectorAll('#evidence-body a').length") == 0
            and "No web source." in text, text)
    c.check("no script error or policy violation", not browser.problems(), browser.problems())
    return c.summary()


def bench(browser, page):
    size = Path(page).stat().st_size
    started = time.monotonic()
    state = browser.open(page)
    wall = time.monotonic() - started
    ready = int(browser.js("document.documentElement.dataset.readyMs"))
    meetings = browser.js("document.getElementById('filter-status').textContent")
    first = browser.js(LISTED)[0]
    started = time.monotonic()
    browser.click(f'#meetings-body tr[data-id="{first}"] button')
    evidence_of(browser, first, None)
    click = time.monotonic() - started
    print(f"report bench: page {size / 1e6:.1f} MB; {meetings} table shown {ready} ms after "
          f"navigation (wall {wall:.2f} s); a meeting's evidence {click * 1000:.0f} ms after its click")
    c = Checks()
    c.check("page loads", state == "ready")
    c.check("no script error or policy violation", not browser.problems(), browser.problems())
    return c.summary()


def main(argv):
    if len(argv) < 4 or argv[2] not in ("seeds", "hostile", "bench"):
        print(__doc__, file=sys.stderr)
        return 2
    binary, mode, page = argv[1], argv[2], argv[3]
    browser = Chromium(binary)
    try:
        if mode == "seeds":
            expect = json.loads(Path(argv[4]).read_text())
            return seeds(browser, page, expect, argv[5] if len(argv) > 5 else None)
        if mode == "hostile":
            return hostile(browser, page)
        return bench(browser, page)
    finally:
        browser.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
