"""The health check, headers on every answer, and settings read from the environment."""

from __future__ import annotations

import re

from participation import create_app
from participation.config import Config, TestConfig, _database_url, _secret_key


def test_health_check_answers_ok_when_the_database_answers(client):
    reply = client.get("/healthz")
    assert reply.status_code == 200 and reply.text == "ok"


def test_health_check_says_unavailable_when_the_database_does_not(tmp_path):
    app = create_app(TestConfig(f"sqlite:///{tmp_path}/missing/folder/db.sqlite"))
    reply = app.test_client().get("/healthz")
    assert reply.status_code == 503


def test_respondent_pages_carry_strict_headers(client, demo):
    reply = client.get("/s/demo")
    policy = reply.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers["Referrer-Policy"] == "no-referrer"
    assert reply.headers["Cache-Control"] == "no-store"


def test_respondent_pages_load_nothing_from_other_sites(client, demo):
    for path in ("/s/demo", "/s/demo/1", "/s/demo/4", "/s/demo/thanks"):
        html = client.get(path).text
        assert "http://" not in html and "https://" not in html, path
        # Only the one small script of the app's own, never a script written into the page.
        scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.S)
        assert all(body.strip() == "" for body in scripts), path
        assert re.findall(r"<script\b[^>]*>", html) == ['<script src="/static/js/respond.js" defer>'] * len(scripts)
        assert len(scripts) <= 1, path
        assert "style=" not in html, path
    # What the README says of it: it keeps unsent answers only in the tab's sessionStorage, never sends
    # or stores them anywhere else, and wipes them when the answers are sent.
    script = client.get("/static/js/respond.js").text
    assert "sessionStorage" in script and "speechSynthesis" in script
    for elsewhere in ("fetch(", "XMLHttpRequest", "sendBeacon", "document.cookie", "localStorage", "indexedDB",
                      "WebSocket", "http"):
        assert elsewhere not in script, elsewhere


def test_database_url_defaults_to_sqlite_under_instance_and_accepts_postgres(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert _database_url(tmp_path) == f"sqlite:///{tmp_path / 'participation.db'}"
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db:5432/council")
    assert _database_url(tmp_path) == "postgresql+psycopg://u:p@db:5432/council"
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u@db/council")
    assert _database_url(tmp_path) == "postgresql+psycopg://u@db/council"


def test_secret_key_is_generated_once_and_kept(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = _secret_key(tmp_path)
    assert len(first) == 64 and _secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    assert _secret_key(tmp_path) == "from-the-environment"


def test_council_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path))
    monkeypatch.delenv("PORT", raising=False)
    before = Config()
    monkeypatch.setenv("COUNCIL_NAME", "Cheshire East Council")
    monkeypatch.setenv("PORT", "8080")
    config = Config()
    assert config.COUNCIL_NAME == "Cheshire East Council"
    assert config.PORT == 8080
    # Read when the settings are made, never when the module was imported.
    assert before.PORT == 5000
