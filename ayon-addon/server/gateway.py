"""Calls to the sync gateway. Standard library only, so the forwarding can be tested without AYON's server package.

Answers are returned as the gateway gave them (status, body, content type); only a gateway that cannot be reached is
turned into a 502, whose detail names the failure and never the key.
"""

import asyncio
import json
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class GatewayAnswer:
    status: int
    body: bytes
    content_type: str


def problem(status: int, detail: str) -> GatewayAnswer:
    return GatewayAnswer(status, json.dumps({"detail": detail}).encode(), "application/json")


def sync_request_body(body: dict[str, Any] | None, requested_by: str) -> dict[str, Any]:
    """The addon's sync body (snake_case, as AYON's front end sends it; camelCase accepted) in the gateway's shape."""
    body = body or {}
    override = body.get("override_differences", body.get("overrideDifferences", False))
    dry_run = body.get("dry_run", body.get("dryRun", False))
    return {"overrideDifferences": bool(override), "dryRun": bool(dry_run), "requestedBy": requested_by}


def push_request_body(body: dict[str, Any] | None, requested_by: str) -> dict[str, Any]:
    """Sync to ShotGrid: only the dry-run switch, and who asked."""
    body = body or {}
    return {"dryRun": bool(body.get("dry_run", body.get("dryRun", False))), "requestedBy": requested_by}


def settings_request_body(body: dict[str, Any] | None) -> dict[str, Any]:
    """Per-project settings: applyChanges (true, false, or null for the configured default), and the push switch when sent."""
    body = body or {}
    value = body.get("apply_changes", body.get("applyChanges"))
    forwarded: dict[str, Any] = {"applyChanges": None if value is None else bool(value)}
    push = body.get("push_to_shotgrid", body.get("pushToShotGrid"))
    if push is not None:
        forwarded["pushToShotGrid"] = bool(push)
    return forwarded


async def call(base_url: str, key: str, method: str, path: str, payload: dict[str, Any] | None = None,
               timeout: float = TIMEOUT_SECONDS) -> GatewayAnswer:
    return await asyncio.to_thread(_call, base_url, key, method, path, payload, timeout)


def _call(base_url: str, key: str, method: str, path: str, payload: dict[str, Any] | None, timeout: float) -> GatewayAnswer:
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(base_url.rstrip("/") + path, data=data, method=method)
    request.add_header("x-api-key", key)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return GatewayAnswer(response.status, response.read(), response.headers.get("Content-Type", "application/json"))
    except urllib.error.HTTPError as error:
        # The gateway answered: its status and problem body go back as they are.
        with error:
            return GatewayAnswer(error.code, error.read(), error.headers.get("Content-Type", "application/json"))
    except (urllib.error.URLError, socket.timeout, ConnectionError) as error:
        reason = getattr(error, "reason", error)
        return problem(502, f"Gateway unreachable: {type(reason).__name__}")
