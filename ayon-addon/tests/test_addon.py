"""The addon's forwarding and settings model, run against the REAL sync gateway.

Started by tests/AyonShotgrid.Tests/Addon/AyonAddonTests.cs, which hosts the gateway (with its cluster and the
emulators) and passes, in the environment:
  AYONSG_GATEWAY_URL, AYONSG_GATEWAY_KEY   the gateway and its key
  AYONSG_SG_PROJECT_ID                      a ShotGrid project seeded for this run
  AYONSG_CLUSTER_SETTINGS                   comma list of the addon settings the cluster reads (AyonAddonSettings)
AYON's own server package is replaced by the stand-ins in stubs/ (see stubs/README.md).
"""

import asyncio
import json
import os
import socket
import sys
import time
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE / "stubs"), str(HERE.parent)]

from ayon_server.api.dependencies import CurrentUser  # noqa: E402
from ayon_server.exceptions import ForbiddenException  # noqa: E402
from ayon_server.secrets import Secrets  # noqa: E402
from fastapi import Request  # noqa: E402

from server import ShotgridOrleansAddon  # noqa: E402
from server.settings import ShotgridOrleansSettings  # noqa: E402


def required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"{name} is not set: run these tests through AyonAddonTests (dotnet test), which hosts the gateway")
    return value


GATEWAY_URL = required("AYONSG_GATEWAY_URL")
GATEWAY_KEY = required("AYONSG_GATEWAY_KEY")
PROJECT_ID = int(required("AYONSG_SG_PROJECT_ID"))
CLUSTER_SETTINGS = set(required("AYONSG_CLUSTER_SETTINGS").split(","))
MANAGER = CurrentUser(name="td", is_manager=True)


def addon(**overrides) -> ShotgridOrleansAddon:
    settings = {"gateway_url": GATEWAY_URL, "gateway_api_key_secret": "gateway_key"}
    settings.update(overrides)
    return ShotgridOrleansAddon(settings)


def body(response) -> object:
    return json.loads(response.body)


class SettingsModelTests(unittest.TestCase):
    def test_the_fields_are_the_settings_the_cluster_reads_plus_the_gateway_connection(self):
        fields = set(ShotgridOrleansSettings.fields())
        self.assertEqual(CLUSTER_SETTINGS | {"gateway_url", "gateway_api_key_secret"}, fields)

    def test_keys_are_secret_names_never_values(self):
        for name in ("gateway_api_key_secret", "shotgrid_script_key_secret"):
            self.assertIs(ShotgridOrleansSettings.fields()[name].extra.get("enum_resolver").__name__, "secrets_enum")
        self.assertFalse(any(n.endswith("_key") for n in ShotgridOrleansSettings.fields()))

    def test_defaults_match_the_cluster_defaults(self):
        s = ShotgridOrleansSettings()
        self.assertEqual(("ayon_sync", "code", "Generic", "suffix", 2, True),
                         (s.shotgrid_script_name, s.project_code_field, s.default_task_type, s.duplicate_name_policy,
                          s.poll_interval_seconds, s.mirror_events))


class ForwardingTests(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        Secrets.values = {"gateway_key": GATEWAY_KEY}

    async def test_every_hook_is_registered(self):
        paths = {(m, p) for m, p, _ in addon().endpoints}
        self.assertEqual({("GET", "/projects"), ("GET", "/projects/{sg_project_id}"), ("POST", "/projects/{sg_project_id}/prepare"),
                          ("POST", "/projects/{sg_project_id}/sync"), ("POST", "/projects/{sg_project_id}/push"),
                          ("PUT", "/projects/{sg_project_id}/settings"),
                          ("GET", "/jobs/{job_id}")}, paths)

    async def test_project_list_comes_from_the_gateway_with_the_key_from_the_secret(self):
        response = await addon().list_projects(MANAGER)
        self.assertEqual(200, response.status_code, response.body)
        self.assertIn(PROJECT_ID, [p["sgProjectId"] for p in body(response)])

    async def test_prepare_then_sync_with_override_runs_a_job_whose_status_is_read_through_the_addon(self):
        a = addon()
        prepared = await a.prepare_project(MANAGER, PROJECT_ID)
        self.assertEqual(200, prepared.status_code, prepared.body)

        started = await a.sync_project(MANAGER, PROJECT_ID, Request({"override_differences": True}))
        self.assertEqual(202, started.status_code, started.body)
        job = body(started)["job"]
        self.assertTrue(job["overrideDifferences"], job)

        deadline = time.monotonic() + 60
        while job["state"] in ("queued", "running"):
            self.assertLess(time.monotonic(), deadline, f"the job did not finish: {job}")
            await asyncio.sleep(0.2)  # polling a job we started, with a deadline
            answer = await a.get_job(MANAGER, job["jobId"])
            self.assertEqual(200, answer.status_code, answer.body)
            job = body(answer)
        self.assertEqual("succeeded", job["state"], job)
        self.assertGreater(job["counts"]["created"], 0, job)

        status = await a.get_project(MANAGER, PROJECT_ID)
        self.assertEqual(200, status.status_code, status.body)
        self.assertEqual("succeeded", body(status)["lastSync"]["state"])

    async def test_sync_to_shotgrid_is_refused_while_push_is_off_and_runs_as_a_job_once_it_is_on(self):
        a = addon()
        self.assertEqual(200, (await a.prepare_project(MANAGER, PROJECT_ID)).status_code)
        off = await a.put_project_settings(MANAGER, PROJECT_ID, Request({"push_to_shotgrid": False}))
        self.assertFalse(body(off)["push"]["enabled"], off.body)
        refused = await a.push_project(MANAGER, PROJECT_ID, Request({"dry_run": True}))
        self.assertEqual(409, refused.status_code, refused.body)
        self.assertIn('"pushToShotGrid": true', body(refused)["detail"])

        on = await a.put_project_settings(MANAGER, PROJECT_ID, Request({"push_to_shotgrid": True}))
        self.assertTrue(body(on)["push"]["enabled"], on.body)
        try:
            started = await a.push_project(MANAGER, PROJECT_ID, Request({"dry_run": True}))
            self.assertEqual(202, started.status_code, started.body)
            self.assertEqual((True, True), (body(started)["job"]["toShotGrid"], body(started)["job"]["dryRun"]))
        finally:
            await a.put_project_settings(MANAGER, PROJECT_ID, Request({"push_to_shotgrid": False}))

    async def test_gateway_refusals_come_back_as_they_are(self):
        Secrets.values = {"gateway_key": "not-the-gateway-key"}
        refused = await addon().list_projects(MANAGER)
        self.assertEqual(401, refused.status_code)
        Secrets.values = {"gateway_key": GATEWAY_KEY}
        missing = await addon().get_job(MANAGER, "not-a-job")
        self.assertEqual(400, missing.status_code)
        self.assertIn("not a job id", body(missing)["detail"])

    async def test_only_managers_may_use_it(self):
        with self.assertRaises(ForbiddenException):
            await addon().list_projects(CurrentUser(name="artist", is_manager=False))

    async def test_a_missing_key_secret_is_named(self):
        response = await addon(gateway_api_key_secret="").list_projects(MANAGER)
        self.assertEqual(503, response.status_code)
        self.assertIn("gateway API key secret", body(response)["detail"])

    async def test_an_unreachable_gateway_is_a_502_that_never_shows_the_key(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            closed = s.getsockname()[1]
        response = await addon(gateway_url=f"http://127.0.0.1:{closed}").list_projects(MANAGER)
        self.assertEqual(502, response.status_code)
        self.assertIn("Gateway unreachable", body(response)["detail"])
        self.assertNotIn(GATEWAY_KEY, response.body.decode())


if __name__ == "__main__":
    unittest.main()
