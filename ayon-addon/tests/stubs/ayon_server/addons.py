"""Stand-in for ayon_server.addons.BaseServerAddon: endpoint registration and studio settings."""

from typing import Any, Callable


class BaseServerAddon:
    settings_model: type | None = None

    def __init__(self, studio_overrides: dict[str, Any] | None = None):
        self.endpoints: list[tuple[str, str, Callable]] = []
        self._overrides = studio_overrides or {}
        self.initialize()

    def initialize(self) -> None:
        pass

    def add_endpoint(self, path: str, handler: Callable, *, method: str = "GET", **_: Any) -> None:
        self.endpoints.append((method, path, handler))

    async def get_studio_settings(self, variant: str = "production"):
        return self.settings_model(**self._overrides)
