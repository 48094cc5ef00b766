"""Server addon: endpoints that forward to the sync gateway, adding its API key server-side.

The browser calls /api/addons/shotgrid_orleans/{version}/... with its AYON session; only this code reads the
gateway key (from an AYON secret), so no key ever reaches the browser.
"""

from typing import Any
from urllib.parse import quote

from fastapi import Request, Response

from ayon_server.addons import BaseServerAddon
from ayon_server.api.dependencies import CurrentUser
from ayon_server.exceptions import ForbiddenException
from ayon_server.secrets import Secrets

from . import gateway
from .settings import ShotgridOrleansSettings


class ShotgridOrleansAddon(BaseServerAddon):
    settings_model = ShotgridOrleansSettings
    frontend_scopes: dict[str, Any] = {"settings": {}}

    def initialize(self) -> None:
        self.add_endpoint("/projects", self.list_projects, method="GET")
        self.add_endpoint("/projects/{sg_project_id}", self.get_project, method="GET")
        self.add_endpoint("/projects/{sg_project_id}/prepare", self.prepare_project, method="POST")
        self.add_endpoint("/projects/{sg_project_id}/sync", self.sync_project, method="POST")
        self.add_endpoint("/projects/{sg_project_id}/push", self.push_project, method="POST")
        self.add_endpoint("/projects/{sg_project_id}/settings", self.put_project_settings, method="PUT")
        self.add_endpoint("/jobs/{job_id}", self.get_job, method="GET")

    async def list_projects(self, user: CurrentUser) -> Response:
        return await self._forward(user, "GET", "/api/shotgrid/projects")

    async def get_project(self, user: CurrentUser, sg_project_id: int) -> Response:
        return await self._forward(user, "GET", f"/api/shotgrid/projects/{int(sg_project_id)}")

    async def prepare_project(self, user: CurrentUser, sg_project_id: int) -> Response:
        return await self._forward(user, "POST", f"/api/shotgrid/projects/{int(sg_project_id)}/prepare")

    async def sync_project(self, user: CurrentUser, sg_project_id: int, request: Request) -> Response:
        body = await request.json() if await request.body() else {}
        payload = gateway.sync_request_body(body, user.name)
        return await self._forward(user, "POST", f"/api/shotgrid/projects/{int(sg_project_id)}/sync", payload)

    async def push_project(self, user: CurrentUser, sg_project_id: int, request: Request) -> Response:
        body = await request.json() if await request.body() else {}
        payload = gateway.push_request_body(body, user.name)
        return await self._forward(user, "POST", f"/api/shotgrid/projects/{int(sg_project_id)}/push", payload)

    async def put_project_settings(self, user: CurrentUser, sg_project_id: int, request: Request) -> Response:
        body = await request.json() if await request.body() else {}
        payload = gateway.settings_request_body(body)
        return await self._forward(user, "PUT", f"/api/shotgrid/projects/{int(sg_project_id)}/settings", payload)

    async def get_job(self, user: CurrentUser, job_id: str) -> Response:
        return await self._forward(user, "GET", f"/api/jobs/{quote(job_id, safe='')}")

    async def _forward(self, user: CurrentUser, method: str, path: str, payload: dict[str, Any] | None = None) -> Response:
        if not user.is_manager:
            raise ForbiddenException("Only managers can use the ShotGrid sync")
        settings = await self.get_studio_settings()
        key = await Secrets.get(settings.gateway_api_key_secret) if settings.gateway_api_key_secret else None
        if not key:
            answer = gateway.problem(503, "The gateway API key secret is not set in the addon settings")
        else:
            answer = await gateway.call(settings.gateway_url, key, method, path, payload)
        return Response(answer.body, status_code=answer.status, media_type=answer.content_type)
