"""In production the app refuses to start without SECRET_KEY, and its cookies are Secure, HttpOnly and Lax."""

from __future__ import annotations

import pytest

from participation import config as config_module, create_app


def test_production_refuses_to_start_without_a_secret_key(monkeypatch, tmp_path):
    monkeypatch.setenv("PARTICIPATION_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/p.db")
    with pytest.raises(RuntimeError, match="SECRET_KEY is not set") as raised:
        create_app(config_module.Config())
    assert type(raised.value).__name__ == "MissingSecretKey"


def test_production_cookies_are_secure_httponly_and_lax(monkeypatch, tmp_path, database_url, _schema):
    monkeypatch.setenv("PARTICIPATION_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "a-long-random-value-for-this-test")
    monkeypatch.setenv("PUBLIC_URL", "https://council.example")
    monkeypatch.delenv("SESSION_COOKIE_SECURE", raising=False)
    config = config_module.Config()
    config.SQLALCHEMY_DATABASE_URI = database_url
    app = create_app(config)
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    reply = app.test_client().get("/login", base_url="https://council.example")
    cookie = reply.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert reply.headers["Strict-Transport-Security"].startswith("max-age=")
    assert "frame-ancestors 'none'" in reply.headers["Content-Security-Policy"]


def test_outside_production_a_key_is_made_once_and_cookies_work_over_http(monkeypatch, tmp_path):
    monkeypatch.delenv("PARTICIPATION_ENV", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("SESSION_COOKIE_SECURE", raising=False)
    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path))
    first, second = config_module.Config(), config_module.Config()
    assert len(first.SECRET_KEY) == 64 and first.SECRET_KEY == second.SECRET_KEY
    assert not first.SESSION_COOKIE_SECURE


@pytest.mark.parametrize("public_url", [None, "", "council.example", "javascript:alert(1)", "https://", "ftp://x.example"])
def test_production_refuses_to_start_without_a_public_address(monkeypatch, public_url):
    monkeypatch.setenv("PARTICIPATION_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "a-long-random-value-for-this-test")
    if public_url is None:
        monkeypatch.delenv("PUBLIC_URL", raising=False)
    else:
        monkeypatch.setenv("PUBLIC_URL", public_url)
    with pytest.raises(RuntimeError, match="Set PUBLIC_URL to the address young people open") as raised:
        config_module.Config()
    assert type(raised.value).__name__ == "MissingPublicUrl"


def test_the_public_address_is_read_without_its_trailing_slash_and_defaults_to_this_computer(monkeypatch):
    monkeypatch.delenv("PARTICIPATION_ENV", raising=False)
    monkeypatch.setenv("PUBLIC_URL", "https://have-your-say.council.gov.uk/ ")
    assert config_module.Config().PUBLIC_URL == "https://have-your-say.council.gov.uk"
    monkeypatch.delenv("PUBLIC_URL")
    monkeypatch.setenv("PORT", "8000")
    assert config_module.Config().PUBLIC_URL == "http://localhost:8000"
