"""Stand-in for AYON's settings model: fields declared with SettingsField defaults, overridable by keyword."""

from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class FieldInfo:
    default: Any
    default_factory: Callable[[], Any] | None
    extra: dict[str, Any]

    def value(self) -> Any:
        return self.default_factory() if self.default_factory else self.default


def SettingsField(default: Any = None, *, default_factory: Callable[[], Any] | None = None, **extra: Any) -> Any:
    return FieldInfo(default, default_factory, extra)


class BaseSettingsModel:
    @classmethod
    def fields(cls) -> dict[str, FieldInfo]:
        found: dict[str, FieldInfo] = {}
        for klass in reversed(cls.__mro__):
            for name in getattr(klass, "__annotations__", {}):
                info = klass.__dict__.get(name)
                if isinstance(info, FieldInfo):
                    found[name] = info
        return found

    def __init__(self, **overrides: Any):
        fields = self.fields()
        unknown = set(overrides) - set(fields)
        if unknown:
            raise ValueError(f"unknown settings: {sorted(unknown)}")
        for name, info in fields.items():
            setattr(self, name, overrides.get(name, info.value()))
