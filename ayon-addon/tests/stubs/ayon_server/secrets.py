class Secrets:
    """Stand-in for AYON's secret store: name → value."""

    values: dict[str, str] = {}

    @classmethod
    async def get(cls, name: str) -> str | None:
        return cls.values.get(name)
