"""A request to be contacted still held when the server is stopped is written as it stops."""

from __future__ import annotations

import re
import sqlite3


def test_a_held_request_is_written_when_the_server_stops(served):
    port, log, server, database = served
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/get-help")
    reply = connection.getresponse()
    cookie = reply.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', reply.read().decode()).group(1)
    connection.request("POST", "/get-help", body=f"csrf_token={token}&contact=07700+900555",
                       headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
    assert connection.getresponse().status == 302
    connection.close()
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM help_requests").fetchone() == (0,)  # held, not written
    server.terminate()
    server.wait(timeout=30)
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT contact FROM help_requests").fetchall() == [("07700 900555",)]
