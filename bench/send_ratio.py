"""Sending, against the fair baseline (bench/fair_baseline.py), side by side in the same run.

Both run under gunicorn with 2 sync workers on this machine. Each round first walks `--sends`
young people through the demo survey to its check page (and opens the baseline's form as many
times, each with its own cookie), then times the sends alone: every young person presses "Send my
answers" once, `--clients` at a time, and the baseline takes as many sends with their cookies and
CSRF tokens. The order of the two alternates between rounds. Each round prints sends per second and
the gunicorn workers' CPU per send for both; the last line is the median ratio of the rounds.

    python bench/send_ratio.py [--database sqlite|postgresql] [--responses 0] [--sends 300] [--rounds 3]
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from respondent import _token, _valid_answers  # noqa: E402
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PORTS: dict[str, int] = {}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _request(port: int, method: str, path: str, cookies: dict, form: dict | None = None) -> tuple[int, str]:
    """One request on a new connection (gunicorn's sync workers close each one), keeping the cookies."""
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}
    body = None
    if form is not None:
        body = urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                cookies[name] = morsel.value
        return response.status, text
    finally:
        connection.close()


def _ready_to_send(kind: str) -> tuple[dict, dict]:
    """One young person at the check page (or one baseline form opened): their cookies and the send form."""
    for attempt in range(5):  # a connection refused on a busy machine: start that young person again
        try:
            return _walk(kind)
        except (OSError, http.client.HTTPException):
            if attempt == 4:
                raise
            time.sleep(1)


def _walk(kind: str) -> tuple[dict, dict]:
    cookies: dict = {}
    if kind == "baseline":
        _, html = _request(PORTS[kind], "GET", "/form", cookies)
        return cookies, {"csrf_token": _token(html)}
    port = PORTS[kind]
    for number in range(1, 5):
        _, html = _request(port, "GET", f"/s/demo/{number}", cookies)
        _request(port, "POST", f"/s/demo/{number}", cookies, {"csrf_token": _token(html), **_valid_answers(html)})
    _, check = _request(port, "GET", "/s/demo/check", cookies)
    return cookies, {"csrf_token": _token(check), "token": _token(check, "token")}


def _send(job: tuple[str, dict, dict]) -> bool:
    kind, cookies, form = job
    try:
        status, _ = _request(PORTS[kind], "POST", "/send" if kind == "baseline" else "/s/demo/check", cookies, form)
    except (OSError, http.client.HTTPException):
        return False
    return status == 302


def _worker_cpu(server: subprocess.Popen) -> float:
    """CPU seconds (user and system) the gunicorn master's workers have used so far."""
    total = 0.0
    for pid in subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _start(spec: str, port: int, env: dict, cwd: Path, probe: str) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--no-control-socket", "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "--log-level", "error", "--backlog", "2048", spec], cwd=cwd, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if _request(port, "GET", probe, {})[0] == 200:
                return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise RuntimeError(f"{spec} did not start")


def _timed_sends(pool, kind: str, people: list, server: subprocess.Popen) -> tuple[float, float, int]:
    """(sends per second, worker CPU ms per send, failed) for everyone in `people` pressing send once."""
    cpu = _worker_cpu(server)
    started = time.perf_counter()
    results = pool.map(_send, [(kind, cookies, form) for cookies, form in people], chunksize=1)
    elapsed = time.perf_counter() - started
    used = _worker_cpu(server) - cpu
    done = sum(results)
    return done / elapsed, used * 1000 / max(done, 1), len(results) - done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--responses", type=int, default=0, help="demo responses stored before measuring")
    parser.add_argument("--sends", type=int, default=300, help="sends timed in each round, for each side")
    parser.add_argument("--clients", type=int, default=4, help="sends in flight at once")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-send-"))
    env = {**os.environ, "SECRET_KEY": "bench", "INSTANCE_DIR": str(workdir), "PYTHONPATH": str(ROOT),
           "SAFEGUARDING_ALERT_MAX": ""}
    if args.database == "postgresql":
        import psycopg
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            for name in ("bench_send", "bench_send_fair"):
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                admin.execute(f"CREATE DATABASE {name}")
        env["DATABASE_URL"] = "postgresql+psycopg://postgres@127.0.0.1:5432/bench_send"
        env["FAIR_DATABASE_URL"] = "postgresql+psycopg://postgres@127.0.0.1:5432/bench_send_fair"
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'app.db'}"
        env["FAIR_DATABASE_URL"] = f"sqlite:///{workdir / 'fair.db'}"
    flask = [sys.executable, "-m", "flask", "--app", "participation"]
    subprocess.run(flask + ["db", "upgrade"], env=env, cwd=ROOT, check=True, capture_output=True)
    subprocess.run(flask + ["seed-demo", "--responses", str(args.responses)], env=env, cwd=ROOT, check=True,
                   capture_output=True)

    # The baseline's tables, made once before its workers start (two workers making them at once collide).
    subprocess.run([sys.executable, "-c", "import fair_baseline"], env=env, cwd=ROOT / "bench", check=True)
    PORTS.update(app=_free_port(), baseline=_free_port())
    servers = {"app": _start("participation:create_app()", PORTS["app"], env, ROOT, "/healthz"),
               "baseline": _start("fair_baseline:app", PORTS["baseline"], env, ROOT / "bench", "/form")}
    ratios = []
    try:
        with multiprocessing.Pool(args.clients) as pool:
            for kind in servers:  # every worker's first sends (loading, the tagger) are not timed
                pool.map(_send, [(kind, *_ready_to_send(kind)) for _ in range(8)])
            print(f"{args.database}, {args.responses:,} responses stored; gunicorn 2 sync workers each; "
                  f"{args.sends} sends a side a round, {args.clients} at once; {os.cpu_count()} cores shared")
            for number in range(1, args.rounds + 1):
                people = {kind: pool.map(_ready_to_send, [kind] * args.sends) for kind in servers}
                order = list(servers) if number % 2 else list(reversed(servers))
                figures = {kind: _timed_sends(pool, kind, people[kind], servers[kind]) for kind in order}
                (rate, cpu, failed), (fair_rate, fair_cpu, fair_failed) = figures["app"], figures["baseline"]
                ratios.append(rate / fair_rate)
                print(f"round {number}: send {rate:.0f}/s, {cpu:.2f} ms worker CPU each (failed {failed}); "
                      f"fair baseline {fair_rate:.0f}/s, {fair_cpu:.2f} ms (failed {fair_failed}); "
                      f"ratio {rate / fair_rate:.2f}, CPU {cpu / fair_cpu:.2f} times")
    finally:
        for server in servers.values():
            server.terminate()
        for server in servers.values():
            try:
                server.wait(15)
            except subprocess.TimeoutExpired:
                server.kill()
    print(f"send/fair-baseline throughput ratio: {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
