"""Every response gets strict security headers; with a token set, every request must carry it.

The token is accepted as `Authorization: Bearer TOKEN`, as an `X-Dossier-Token` header, or as the
`dossier_token` cookie.  A browser opens `/?token=TOKEN` once: the answer sets the cookie and
redirects to the same address without the token, so it stays out of history and referrers.
"""

from __future__ import annotations

import hmac
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "dossier_token"
# Pages need no script and nothing from elsewhere; /docs and /redoc run their own (packaged) script.
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none';"
            " base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
            " img-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'none';"
            " frame-ancestors 'none'")


class Guard:
    """ASGI middleware: token check (when a token is set) and security headers."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = DOCS_CSP if scope["path"] in ("/docs", "/redoc") else PAGE_CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", csp.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
                message["headers"] = headers
            await send(message)

        if self.token is not None:
            request = Request(scope)
            if not self._carries_token(request):
                given = request.query_params.get("token")
                if given is not None and self._same(given):
                    rest = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "token"])
                    response = RedirectResponse(scope["path"] + ("?" + rest if rest else ""), status_code=303)
                    response.set_cookie(COOKIE, self.token, httponly=True, samesite="strict")
                else:
                    response = JSONResponse({"detail": "missing or wrong token"}, status_code=401,
                                            headers={"WWW-Authenticate": "Bearer"})
                await response(scope, receive, send_with_headers)
                return
        await self.app(scope, receive, send_with_headers)

    def _same(self, given: str) -> bool:
        return hmac.compare_digest(given.encode(), (self.token or "").encode())

    def _carries_token(self, request: Request) -> bool:
        auth = request.headers.get("authorization", "")
        candidates = [
            auth[7:] if auth.lower().startswith("bearer ") else None,
            request.headers.get("x-dossier-token"),
            request.cookies.get(COOKIE),
        ]
        return any(c is not None and self._same(c) for c in candidates)
