class ForbiddenException(Exception):
    """AYON answers 403 with this detail."""
