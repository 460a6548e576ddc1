"""Respondent page weight and throughput.

Prints the bytes of every respondent page with everything it loads, then, under gunicorn with
2 workers, requests per second for GET /s/demo and complete submissions per second, each beside
a bare Flask endpoint measured in the same run. Only 127.0.0.1 is used; every loop is bounded.

    python bench/respondent.py [--duration 6] [--clients 4]
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import re
import socket
import statistics
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BUDGET = 30 * 1024


# ---- page weight -------------------------------------------------------------------------

def _assets(html: str) -> list[str]:
    return (re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
            + re.findall(r'<script[^>]+src="([^"]+)"', html) + re.findall(r'<img[^>]+src="([^"]+)"', html))


def _token(html: str, name: str = "csrf_token") -> str:
    match = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html)
    return match.group(1) if match else ""


def _valid_answers(html: str) -> dict[str, str]:
    """One valid answer for every question on a page: the first choice, or a short comment."""
    answers: dict[str, str] = {}
    for name, value in re.findall(r'name="(q\d+)" type="(?:radio|checkbox)" value="([^"]+)"', html):
        answers.setdefault(name, value)
    for name in re.findall(r'<textarea[^>]+name="(q\d+)"', html):
        answers[name] = "More time with my PA please"
    return answers


def page_weights(database: str) -> list[tuple[str, int, int]]:
    """(page, html bytes, total bytes with assets) for every respondent page."""
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    from participation import create_app
    from participation.db import db

    app = create_app()
    with app.app_context():
        db.create_all()
    app.test_cli_runner().invoke(args=["seed-demo"])
    return weigh_pages(app.test_client())


def weigh_pages(client) -> list[tuple[str, int, int]]:
    """(page, html bytes, total bytes with assets) for every page a young person sees, walked as
    one would with the demo loaded; the test suite checks the same walk against the budget."""
    rows = []

    def weigh(label: str, html: str) -> None:
        extra = sum(len(client.get(url).data) for url in _assets(html))
        rows.append((label, len(html.encode()), len(html.encode()) + extra))

    weigh("intro /s/demo", client.get("/s/demo").text)
    error = client.post("/s/demo/1", data={"csrf_token": _token(client.get("/s/demo/1").text)}).text
    weigh("page 1 with errors", error)
    for number in range(1, 5):
        html = client.get(f"/s/demo/{number}").text
        weigh(f"page {number}", html)
        client.post(f"/s/demo/{number}", data={"csrf_token": _token(html), **_valid_answers(html)})
    check = client.get("/s/demo/check").text
    weigh("check your answers", check)
    client.post("/s/demo/check", data={"csrf_token": _token(check), "token": _token(check, "token")})
    weigh("thank you", client.get("/s/demo/thanks").text)
    weigh("not found", client.get("/s/nothing").text)
    weigh("pledge review intro", client.get("/s/pledge-review").text)
    client.post("/s/pledge-review", data={})
    for number in range(1, 6):
        weigh(f"pledge review page {number}", client.get(f"/s/pledge-review/{number}").text)
    weigh("you said, we did board", client.get("/you-said-we-did").text)
    ask = client.get("/get-help").text
    weigh("ask us to contact you", ask)
    weigh("ask, with errors", client.post("/get-help", data={"csrf_token": _token(ask)}).text)
    weigh("we will contact you", client.get("/get-help/sent").text)
    return rows


# ---- load --------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(app_spec: str, port: int, env: dict, cwd: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--no-control-socket", "--workers", "2", "--bind",
         f"127.0.0.1:{port}", "--log-level", "warning", app_spec],
        cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"gunicorn for {app_spec} did not start")


class Browser:
    """A keep-alive connection with one cookie jar: one simulated young person."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookie = ""

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str]:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode()
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return response.status, text


def _journey(browser: Browser) -> bool:
    """Answer the demo survey from intro to thank-you; True when it was stored."""
    browser.request("GET", "/s/demo")
    for number in range(1, 5):
        _, html = browser.request("GET", f"/s/demo/{number}")
        status, _ = browser.request("POST", f"/s/demo/{number}", {"csrf_token": _token(html), **_valid_answers(html)})
        if status != 302:
            return False
    _, check = browser.request("GET", "/s/demo/check")
    status, _ = browser.request("POST", "/s/demo/check", {"csrf_token": _token(check), "token": _token(check, "token")})
    browser.request("GET", "/s/demo/thanks")
    return status == 302


def _worker(kind: str, port: int, duration: float, results) -> None:
    browser = Browser(port)
    done = failed = 0
    stop = time.time() + duration
    while time.time() < stop and done + failed < 100_000:
        try:
            if kind == "get":
                ok = browser.request("GET", "/s/demo")[0] == 200
            elif kind == "bare-get":
                ok = browser.request("GET", "/")[0] == 200
            elif kind == "bare-insert":
                ok = browser.request("POST", "/insert", {})[0] == 200
            else:
                ok = _journey(browser)
                browser.cookie = ""
        except (OSError, http.client.HTTPException):
            browser = Browser(port)
            ok = False
        done += ok
        failed += not ok
    results.put((done, failed))


def measure(kind: str, port: int, duration: float, clients: int) -> tuple[float, int, int]:
    """Run `clients` processes for `duration` seconds; return (per second, done, failed)."""
    results = multiprocessing.Queue()
    processes = [multiprocessing.Process(target=_worker, args=(kind, port, duration, results)) for _ in range(clients)]
    start = time.time()
    for process in processes:
        process.start()
    totals = [results.get(timeout=duration + 60) for _ in processes]
    for process in processes:
        process.join(10)
    elapsed = time.time() - start
    done, failed = sum(t[0] for t in totals), sum(t[1] for t in totals)
    return done / elapsed, done, failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=6.0, help="seconds per measurement")
    parser.add_argument("--clients", type=int, default=4, help="concurrent simulated young people")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds for the GET comparison")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-respondent-"))
    database = workdir / "app.db"
    print("Respondent pages, with everything they load (budget 30 KB = 30,720 bytes)")
    print(f"{'page':<24}{'HTML':>10}{'with assets':>14}  ")
    worst = 0
    for label, html, total in page_weights(str(database)):
        worst = max(worst, total)
        print(f"{label:<24}{html:>10,}{total:>14,}  {'OK' if total < BUDGET else 'OVER BUDGET'}")
    print(f"heaviest page: {worst:,} bytes ({worst / BUDGET:.0%} of the budget)\n")

    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "SECRET_KEY": "bench", "BARE_DB": str(workdir / "bare.db")}
    with sqlite3.connect(database) as connection:
        before = connection.execute("SELECT count(*) FROM responses").fetchone()[0]
    app_port, bare_port = _free_port(), _free_port()
    servers = []
    try:
        servers.append(_start("participation:create_app()", app_port, env, ROOT))
        servers.append(_start("bare_app:app", bare_port, env, ROOT / "bench"))
        print(f"gunicorn, 2 sync workers each; {args.clients} clients; {args.duration:.0f} s per figure; "
              f"{os.cpu_count()} cores shared by clients and servers")
        # Alternate the two in short rounds and take medians: the machine's two cores are shared
        # by clients and servers, so one long run of each is at the mercy of whatever else runs.
        rounds = []
        for _ in range(args.rounds):
            rounds.append((measure("get", app_port, args.duration / 2, args.clients),
                           measure("bare-get", bare_port, args.duration / 2, args.clients)))
        get_rate = statistics.median(r[0][0] for r in rounds)
        bare_rate = statistics.median(r[1][0] for r in rounds)
        ratios = sorted(r[0][0] / r[1][0] for r in rounds)
        get_failed = sum(r[0][2] for r in rounds)
        print(f"GET /s/demo            {get_rate:>9.0f} req/s   bare GET /         {bare_rate:>9.0f} req/s   "
              f"ratio {statistics.median(ratios):.0%} (median of {args.rounds} alternating rounds: "
              f"{', '.join(f'{r:.0%}' for r in ratios)}; target at least 50%)  failed {get_failed}")
        submit_rate, journeys, submit_failed = measure("journey", app_port, args.duration, args.clients)
        insert_rate, _, _ = measure("bare-insert", bare_port, args.duration, args.clients)
        print(f"complete submissions   {submit_rate:>9.1f} /s      bare POST /insert  {insert_rate:>9.0f} req/s   "
              f"ratio {submit_rate / insert_rate:.0%}  (each submission is 12 requests)  failed {submit_failed}")
        print(f"requests/s inside submissions: {submit_rate * 12:.0f}")
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
    with sqlite3.connect(database) as connection:
        stored = connection.execute("SELECT count(*) FROM responses").fetchone()[0] - before
    print(f"stored exactly once: {journeys} completed journeys, {stored} responses stored -> "
          f"{'OK' if stored == journeys else 'MISMATCH'}")


if __name__ == "__main__":
    main()
