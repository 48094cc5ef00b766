from dataclasses import dataclass


@dataclass
class CurrentUser:
    """What the addon reads of AYON's current user."""

    name: str
    is_manager: bool
