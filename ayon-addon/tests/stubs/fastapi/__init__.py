"""Stand-in for the two FastAPI classes the addon uses."""

import json
from typing import Any


class Request:
    def __init__(self, body: Any = None):
        self._raw = b"" if body is None else json.dumps(body).encode()

    async def body(self) -> bytes:
        return self._raw

    async def json(self) -> Any:
        return json.loads(self._raw)


class Response:
    def __init__(self, content: bytes | str = b"", status_code: int = 200, media_type: str | None = None):
        self.body = content.encode() if isinstance(content, str) else content
        self.status_code = status_code
        self.media_type = media_type
