"""500 young people answering /s/demo at once, under gunicorn with 4 workers, on SQLite and PostgreSQL.

Each simulated young person opens the survey, answers every page and sends. Sending is timed on
its own too, against a bare Flask endpoint doing one insert, measured the same way in the same run.
Every journey retries like a phone would (same cookie, same one-time token) when a connection
drops or the server answers with an error, and at the end each sent journey must be stored
exactly once. With --fault, a gunicorn worker is killed, or PostgreSQL restarted, mid-load.

    python bench/load.py [--database sqlite|postgresql|both] [--respondents 500] [--fault kill-worker|restart-db]
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from respondent import Browser, _free_port, _token, _valid_answers  # noqa: E402

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def _gunicorn(app_spec: str, port: int, env: dict, cwd: Path, workers: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--no-control-socket", "--workers", str(workers), "--bind",
         f"127.0.0.1:{port}", "--log-level", "error", "--timeout", "60", "--backlog", "2048", app_spec],
        cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 40
    while time.time() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz" if "participation" in app_spec else "/")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"{app_spec} did not start")


class Young:
    """One simulated young person on a phone: retries a request when it fails, as a person would."""

    def __init__(self, port: int):
        self.port = port
        self.browser = Browser(port)
        self.latencies: list[float] = []
        self.retries = 0

    def request(self, method: str, path: str, form: dict | None = None, ok=(200, 302)) -> tuple[int, str]:
        for attempt in range(40):
            started = time.perf_counter()
            try:
                status, text = self.browser.request(method, path, form)
            except (OSError, http.client.HTTPException):
                cookie = self.browser.cookie
                self.browser = Browser(self.port)
                self.browser.cookie = cookie
                status, text = 0, ""
            self.latencies.append(time.perf_counter() - started)
            if status in ok:
                return status, text
            self.retries += 1
            time.sleep(min(0.2 * (attempt + 1), 2))
        return status, text


def _prepare(young: Young) -> str:
    """Answer every page; return the check page, ready to send."""
    young.request("GET", "/s/demo")
    for number in range(1, 5):
        _, html = young.request("GET", f"/s/demo/{number}")
        young.request("POST", f"/s/demo/{number}", {"csrf_token": _token(html), **_valid_answers(html)}, ok=(302,))
    return young.request("GET", "/s/demo/check")[1]


def _send(young: Young, check: str) -> bool:
    status, _ = young.request("POST", "/s/demo/check", {"csrf_token": _token(check), "token": _token(check, "token")},
                              ok=(302,))
    return status == 302


def _all_at_once(count: int, target) -> float:
    """Run target(i) in `count` threads started together; return the seconds it took."""
    gate = threading.Barrier(count + 1)

    def run(i: int) -> None:
        gate.wait()
        target(i)

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(count)]
    for thread in threads:
        thread.start()
    started = time.perf_counter()
    gate.wait()
    for thread in threads:
        thread.join(300)
    return time.perf_counter() - started


def _fault(kind: str, server: subprocess.Popen, delay: float) -> threading.Thread:
    def act() -> None:
        time.sleep(delay)
        if kind == "kill-worker":
            children = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()
            if children:
                os.kill(int(children[0]), signal.SIGKILL)
                print(f"  fault: killed gunicorn worker {children[0]} mid-load")
        elif kind == "restart-db":
            version = sorted(os.listdir("/etc/postgresql"))[0]
            subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"], check=True)
            print("  fault: restarted PostgreSQL mid-load")
    thread = threading.Thread(target=act, daemon=True)
    thread.start()
    return thread


def _cpu_seconds(server: subprocess.Popen) -> dict[str, float]:
    """CPU time used so far by each of a gunicorn master's workers (user and system), by pid."""
    children = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()
    used = {}
    for pid in children:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a worker that has just gone
        used[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return used


def _cpu_used(server: subprocess.Popen, before: dict[str, float]) -> float:
    """CPU seconds the workers used since `before`; a worker killed meanwhile is left out."""
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in _cpu_seconds(server).items())


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else 0.0


def run(database: str, respondents: int, workers: int, fault: str) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    env = {**os.environ, "SECRET_KEY": "bench", "INTRO_CACHE_SECONDS": "2"}
    if database == "postgresql":
        import psycopg
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute("DROP DATABASE IF EXISTS bench_load")
            admin.execute("DROP DATABASE IF EXISTS bench_load_bare")
            admin.execute("CREATE DATABASE bench_load")
            admin.execute("CREATE DATABASE bench_load_bare")
        env["DATABASE_URL"] = "postgresql+psycopg://postgres@127.0.0.1:5432/bench_load"
        env["BARE_PG"] = "postgresql://postgres@127.0.0.1:5432/bench_load_bare"
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'app.db'}"
        env["BARE_DB"] = str(workdir / "bare.db")
    flask = [sys.executable, "-m", "flask", "--app", "participation"]
    subprocess.run(flask + ["db", "upgrade"], env=env, cwd=ROOT, check=True, capture_output=True)
    subprocess.run(flask + ["seed-demo", "--responses", "0"], env=env, cwd=ROOT, check=True, capture_output=True)

    app_port, bare_port = _free_port(), _free_port()
    server = _gunicorn("participation:create_app()", app_port, env, ROOT, workers)
    bare = _gunicorn("bare_app:app", bare_port, env, ROOT / "bench", workers)
    try:
        people = [Young(app_port) for _ in range(respondents)]
        checks: list[str] = [""] * respondents
        sent = [False] * respondents

        def journey(i: int) -> None:
            checks[i] = _prepare(people[i])
            sent[i] = _send(people[i], checks[i])

        journey_time = _all_at_once(respondents, journey)
        journey_latencies = [t for p in people for t in p.latencies]

        # Sending alone: a second round of young people answer first, then all press "send" at once.
        second = [Young(app_port) for _ in range(respondents)]
        second_checks = [""] * respondents
        second_sent = [False] * respondents

        def prepare(i: int) -> None:
            second_checks[i] = _prepare(second[i])
            second[i].latencies.clear()

        _all_at_once(respondents, prepare)
        injected = _fault(fault, server, 0.3) if fault else None

        def send(i: int) -> None:
            second_sent[i] = _send(second[i], second_checks[i])

        cpu_before, client_before = _cpu_seconds(server), time.process_time()
        send_time = _all_at_once(respondents, send)
        send_cpu = _cpu_used(server, cpu_before) / respondents
        send_client = (time.process_time() - client_before) / respondents
        if injected:
            injected.join(60)
        send_latencies = [t for p in second for t in p.latencies]

        bare_people = [Young(bare_port) for _ in range(respondents)]
        cpu_before, client_before = _cpu_seconds(bare), time.process_time()
        bare_time = _all_at_once(respondents, lambda i: bare_people[i].request("POST", "/insert", {}))
        bare_cpu = _cpu_used(bare, cpu_before) / respondents
        bare_client = (time.process_time() - client_before) / respondents

        from sqlalchemy import create_engine, text
        engine = create_engine(env["DATABASE_URL"])
        with engine.connect() as connection:
            stored = connection.execute(text("SELECT count(*) FROM responses")).scalar()
            receipts = connection.execute(text("SELECT count(*) FROM submission_receipts")).scalar()
        engine.dispose()
    finally:
        for process in (server, bare):
            process.terminate()
            process.wait(15)

    completed = sum(sent) + sum(second_sent)
    retries = sum(p.retries for p in people + second)
    print(f"\n{database}: gunicorn {workers} workers, {respondents} young people at once, "
          f"{os.cpu_count()} cores shared by clients and servers{', fault: ' + fault if fault else ''}")
    print(f"  whole journeys (12 requests each): {sum(sent) / journey_time:6.1f} /s   "
          f"p50 {_percentile(journey_latencies, 0.5):5.0f} ms  p95 {_percentile(journey_latencies, 0.95):6.0f} ms "
          f"per request")
    send_rate, bare_rate = sum(second_sent) / send_time, respondents / bare_time
    print(f"  sending (one transaction each):    {send_rate:6.1f} /s   p50 {_percentile(send_latencies, 0.5):5.0f} ms  "
          f"p95 {_percentile(send_latencies, 0.95):6.0f} ms   server CPU {send_cpu * 1000:4.1f} ms each (clients {send_client * 1000:.1f})")
    print(f"  bare Flask, one insert:            {bare_rate:6.1f} /s   ratio {send_rate / bare_rate:.0%} "
          f"(target at least 50%)   server CPU {bare_cpu * 1000:4.1f} ms each (clients {bare_client * 1000:.1f})")
    verdict = "OK" if stored == completed == receipts else "MISMATCH"
    print(f"  sent {completed}, stored {stored}, receipts {receipts}; retries {retries} -> exactly once: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--respondents", type=int, default=500)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--fault", choices=["kill-worker", "restart-db"], default="")
    args = parser.parse_args()
    for database in (["sqlite", "postgresql"] if args.database == "both" else [args.database]):
        if args.fault == "restart-db" and database != "postgresql":
            continue
        run(database, args.respondents, args.workers, args.fault)


if __name__ == "__main__":
    main()
