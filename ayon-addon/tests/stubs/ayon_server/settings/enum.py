async def secrets_enum() -> list[str]:
    return []
