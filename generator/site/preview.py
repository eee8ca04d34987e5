"""``portal serve``: MkDocs' live-reload preview, sending the headers of ``netlify.toml``.

The preview sends on every response the headers Netlify would send for that
path (``headers.py``), so a page that breaks the Content-Security-Policy breaks
in the preview too. Live reload needs exactly two exceptions, in the preview
only: MkDocs injects an inline ``<script>`` into each page, which is allowed by
a nonce made for that one response, and that script polls ``/livereload/`` on
the same server, which ``connect-src 'self'`` allows (as the published site
already does).

After an edit the preview renders only the pages whose sources changed (MkDocs' dirty
builds): every source carries a fingerprint of all its page shows (generator.derive.inputs),
and the generator rewrites only the sources that changed, so the edited meeting's page and
every list showing it are rendered again, and the thousands of others are not.
"""
from __future__ import annotations

import secrets
import sys
import threading
from pathlib import Path

from generator.site import engine  # noqa: F401  (first: lets ProperDocs stand in for MkDocs)
from mkdocs.commands import serve as mkdocs_serve
from mkdocs.livereload import LiveReloadServer

from generator.site.headers import HeaderRule, headers_for, load_rules

CSP = "content-security-policy"


def preview_csp(policy: str, nonce: str | None) -> str:
    """``policy`` as live reload needs it: its script allowed by ``nonce``, its polling by 'self'."""
    directives = [d.strip() for d in policy.split(";") if d.strip()]
    names = [d.split()[0].lower() for d in directives]
    for name, extra in (("script-src", f"'nonce-{nonce}'" if nonce else ""), ("connect-src", "'self'")):
        if not extra:
            continue
        if name in names:
            i = names.index(name)
            sources = [s for s in directives[i].split()[1:] if s not in ("'none'", extra)]
            directives[i] = " ".join([name, *sources, extra])
        else:
            directives.append(f"{name} {extra}")
    return "; ".join(directives)


class HeadersLiveReloadServer(LiveReloadServer):
    """MkDocs' server, adding the project's headers to every response it sends."""

    rules: tuple[HeaderRule, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._nonce = threading.local()  # each request is served in a thread of its own

    def serve_request(self, environ, start_response):
        self._nonce.value = None

        def with_headers(status, headers, exc_info=None):
            extra = headers_for(self.rules, environ.get("PATH_INFO", "/"))
            taken = {name.lower() for name, _ in headers}
            for name, value in extra.items():
                if name.lower() == CSP:
                    value = preview_csp(value, self._nonce.value)
                if name.lower() not in taken:
                    headers.append((name, value))
            return start_response(status, headers, exc_info)

        return super().serve_request(environ, with_headers)

    def _inject_js_into_html(self, content, epoch):
        """MkDocs' live-reload script, carrying this response's nonce."""
        nonce = secrets.token_urlsafe(18)
        self._nonce.value = nonce
        injected = super()._inject_js_into_html(content, epoch)
        at = content.rfind(b"</body>")  # where MkDocs put its <script>
        at = len(content) if at < 0 else at
        return injected[:at] + f'<script nonce="{nonce}">'.encode() + injected[at + len(b"<script>"):]


def serve(project: Path, config_file: str, dev_addr: str) -> None:
    """Run the live-reload preview of ``config_file`` with the headers of the project's netlify.toml."""
    server_class = type("ProjectLiveReloadServer", (HeadersLiveReloadServer,),
                        {"rules": load_rules(project)})
    original, argv = mkdocs_serve.LiveReloadServer, list(sys.argv)
    mkdocs_serve.LiveReloadServer = server_class  # mkdocs' serve() makes its server from this name
    # mkdocs-static-i18n builds the other languages dirty only if the command line says so
    sys.argv.append("--dirty")
    try:
        mkdocs_serve.serve(config_file=config_file, livereload=True, build_type="dirty",
                           dev_addr=dev_addr, watch_theme=True)
    finally:
        mkdocs_serve.LiveReloadServer = original
        sys.argv[:] = argv

