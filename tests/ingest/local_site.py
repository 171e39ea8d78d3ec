"""A real HTTP server on 127.0.0.1 for the fetch and feed tests (there is no internet here), and pages to serve."""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.conftest import seed_path


@dataclass
class Reply:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    # False: no Content-Length, the body ends when the connection closes.
    content_length: bool = True
    delay_seconds: float = 0.0


Responder = Callable[[dict[str, str]], Reply]


class LocalSite:
    """A ThreadingHTTPServer on a random port. Each path gives its replies in turn, the last one repeating."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply | Responder]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.answer(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def serve(self, path: str, *replies: Reply | Responder) -> str:
        self.routes[path] = list(replies)
        return self.url(path)

    def hits(self, path: str) -> list[dict[str, str]]:
        """The headers of each request made for `path`, in order."""
        with self.lock:
            return [headers for requested, headers in self.requests if requested == path]

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        headers = {name.lower(): value for name, value in handler.headers.items()}
        with self.lock:
            self.requests.append((handler.path, headers))
            replies = self.routes.get(handler.path)
            step = (replies.pop(0) if len(replies) > 1 else replies[0]) if replies else Reply(b"not here", 404)
        reply = step if isinstance(step, Reply) else step(headers)
        time.sleep(reply.delay_seconds)
        try:
            handler.send_response(reply.status)
            for name, value in reply.headers.items():
                handler.send_header(name, value)
            if reply.content_length:
                handler.send_header("Content-Length", str(len(reply.body)))
            handler.end_headers()
            handler.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: what the size cap is meant to do


def seed_text(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")


def article_page(text: str, *, title: str = "", head: str = "", lang: str = "en") -> str:
    """An article page as a news site would serve it, the seed text as its paragraphs."""
    paragraphs = "\n".join(f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines() if line.strip())
    direction = ' dir="rtl"' if lang == "ar" else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"{direction}><head>{head}<title>{html.escape(title)}</title></head>\n'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{html.escape(title)}</h1>\n{paragraphs}\n</article>"
        "<footer>© the outlet</footer></body></html>\n"
    )


def first_sentence(text: str) -> str:
    return text.strip().splitlines()[0].split("،")[0]
