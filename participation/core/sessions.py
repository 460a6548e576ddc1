"""The session cookie, sealed: encrypted and padded, so it shows nothing but an opaque value.

Flask's own cookie is signed but readable by anyone who sees it: it showed a young person's draft
key, and the time of its last change to the second. Here the session is encrypted with AES-GCM under
a key derived from SECRET_KEY, with a fresh random nonce each time, and padded to a whole number of
blocks, so neither its content nor small differences in its length (a thank-you page that puts help
first, for example) can be read from it. A cookie that was changed, or sealed under another key, is
treated as no session at all. It holds no time: how long it lasts is the browser's Expires date, and
unsent answers are deleted on the server after DRAFT_DAYS in any case.
"""

from __future__ import annotations

import base64
import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadSignature

#: The sealed content is padded to a multiple of this many bytes.
BLOCK = 256
_NONCE = 12


class Sealer:
    """dumps/loads like itsdangerous' serializer, but encrypting instead of only signing."""

    def __init__(self, secret_key: str | bytes) -> None:
        secret = secret_key.encode() if isinstance(secret_key, str) else secret_key
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"participation", info=b"session cookie").derive(secret)
        self._aead = AESGCM(key)
        self._json = TaggedJSONSerializer()

    def dumps(self, data: dict) -> str:
        plain = self._json.dumps(data).encode()
        framed = struct.pack(">I", len(plain)) + plain
        framed += b"\0" * (-len(framed) % BLOCK)
        nonce = os.urandom(_NONCE)
        return base64.urlsafe_b64encode(nonce + self._aead.encrypt(nonce, framed, None)).decode().rstrip("=")

    def loads(self, value: str, max_age: int | None = None) -> dict:
        try:
            raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
            framed = self._aead.decrypt(raw[:_NONCE], raw[_NONCE:], None)
            (length,) = struct.unpack(">I", framed[:4])
            return self._json.loads(framed[4:4 + length].decode())
        except (InvalidTag, ValueError, struct.error, UnicodeDecodeError) as error:
            raise BadSignature("not a session this app sealed") from error


class SealedCookieSessionInterface(SecureCookieSessionInterface):
    """Flask's cookie session, sealed by Sealer."""

    def get_signing_serializer(self, app):
        if not app.secret_key:
            return None
        sealer = app.extensions.get("session_sealer")
        if sealer is None or sealer[0] != app.secret_key:
            sealer = app.extensions["session_sealer"] = (app.secret_key, Sealer(app.secret_key))
        return sealer[1]
