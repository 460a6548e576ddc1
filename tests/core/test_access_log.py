"""The logs `make serve` writes: no access-log line for any page a young person opens, no line that a
path can forge, and an error log with no times, no young person's path and no address. The server is
started with the Makefile's own options."""

from __future__ import annotations

import re
import socket
import time

from tests.helpers import serve_as_make_serve_does, status_of


def test_no_page_a_young_person_opens_is_logged_and_no_path_can_forge_a_line(served):
    port, log, _, _ = served
    for path in ("/s/demo", "/s/demo/1", "/s/demo/check", "/s/demo/thanks", "/get-help", "/get-help/sent",
                 "/static/css/respond.css"):
        status_of(port, path)
    status_of(port, "/s/demo/check", "POST", "token=x")
    status_of(port, "/get-help", "POST", "contact=07700900123")
    status_of(port, "/login")
    status_of(port, "/nothing%0aPOST%20/get-help%20302%200%201ms%0d")
    time.sleep(0.5)
    lines = log.read_text().splitlines()
    assert not [line for line in lines if "/s/" in line.split(" ")[1] or line.split(" ")[1].startswith("/get-help")]
    assert any(line.startswith("GET /login 200") for line in lines)
    assert any(line.startswith("GET /healthz 200") for line in lines)
    forged = [line for line in lines if "/nothing" in line]
    assert len(forged) == 1 and "\\x0a" in forged[0]
    assert not any(line.startswith("POST /get-help") for line in lines)  # the line the path tried to add


_TIME = re.compile(r"\b\d{1,2}:\d{2}(:\d{2})?\b|\b\d{4}-\d{2}-\d{2}\b")


def test_a_worker_killed_during_a_young_persons_request_leaves_no_path_or_time_in_the_error_log(tmp_path):
    errors = tmp_path / "error.log"
    for port, log, server, _ in serve_as_make_serve_does(tmp_path, "--timeout", "2", "--error-logfile", str(errors)):
        # A phone on a bad connection: the page's answers start to arrive and then stop, so the worker
        # reading them is stopped by gunicorn's timeout, as a slow query would be.
        with socket.create_connection(("127.0.0.1", port)) as phone:
            phone.sendall(b"POST /s/demo/1?change=1 HTTP/1.1\r\nHost: x\r\n"
                          b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\ncsrf")
            phone.settimeout(20)
            assert b"500" in phone.recv(1000).split(b"\r\n")[0]
        with socket.create_connection(("127.0.0.1", port)) as stranger:  # a request gunicorn cannot read
            stranger.sendall(b"GET /get-help?contact=07700900123 HTTP/1.1 nonsense\r\n\r\n")
            stranger.settimeout(20)
            stranger.recv(1000)
        for _ in range(50):
            if "Booting worker" in errors.read_text().split("WORKER TIMEOUT")[-1]:
                break
            time.sleep(0.2)
        server.terminate()
        server.wait(timeout=30)
        written = errors.read_text()
        assert "WORKER TIMEOUT" in written
        assert "Error handling request POST a young person's page" in written
        assert "Invalid request from ip=a visitor" in written
        for secret in ("/s/", "/get-help", "07700900123", "127.0.0.1:"):
            assert secret not in written.replace("Listening at: http://127.0.0.1:", ""), secret
        timed = [line for line in written.splitlines() if _TIME.search(line)]
        assert timed == [], timed
        assert all(line.startswith(("[", " ", "Traceback", "SystemExit")) or not line.strip()
                   or re.match(r"^\w+(\.\w+)*(Error|Exception|Exit)", line) for line in written.splitlines())


def test_the_error_log_takes_out_young_peoples_paths_and_addresses_but_keeps_the_rest():
    from participation.core.access_log import scrubbed

    assert scrubbed("Error handling request POST /s/demo/check?x=1") == "Error handling request POST a young person's page"
    assert scrubbed("Error handling request GET /get-help") == "Error handling request GET a young person's page"
    assert scrubbed("Invalid request from ip=203.0.113.7: Invalid HTTP Version: 'GET /s/demo HTTP/9'") == \
        "Invalid request from ip=a visitor: Invalid HTTP Version: 'GET a young person's page HTTP/9'"
    assert scrubbed("Error handling request GET /surveys/3/edit") == "Error handling request GET /surveys/3/edit"
    assert scrubbed("WORKER TIMEOUT (pid:41)") == "WORKER TIMEOUT (pid:41)"
