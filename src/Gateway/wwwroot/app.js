// The sync page: lists ShotGrid projects, runs Prepare and Sync, follows a sync job.
// Every URL is relative ("api/…"), so the page works at / on the gateway and embedded in AYON under any prefix.
"use strict";

const KEY_STORAGE = "ayonsg.gatewayKey";
const POLL_MS = 500;

const $ = (id) => document.getElementById(id);

/** A non-2xx answer of the gateway, with the problem's title and detail when it sent one. */
class GatewayError extends Error {}

function gatewayKey() {
  return sessionStorage.getItem(KEY_STORAGE) || "";
}

// The same page is the AYON addon's frontend (create_package.py copies it): AYON serves it at
// /addons/<addon>/<version>/frontend/, and the addon's endpoints at /api/addons/<addon>/<version>/ forward to the
// gateway with the key kept on the AYON server. There the page authenticates with the user's AYON session instead.
const ADDON = (() => {
  const parts = location.pathname.split("/");
  const at = parts.indexOf("addons");
  return at >= 0 && parts[at + 3] === "frontend" ? { api: `/api/addons/${parts[at + 1]}/${parts[at + 2]}/` } : null;
})();

function ayonToken() {
  return new URLSearchParams(location.search).get("token") || localStorage.getItem("accessToken") || "";
}

/** Gateway path ("api/shotgrid/projects/1/sync", "api/jobs/x") → the addon endpoint that forwards it. */
function addonPath(path) {
  return ADDON.api + path.replace(/^api\/shotgrid\//, "").replace(/^api\//, "");
}

async function call(method, path, body) {
  const headers = ADDON
    ? { "Authorization": `Bearer ${ayonToken()}`, "Accept": "application/json" }
    : { "x-api-key": gatewayKey(), "Accept": "application/json" };
  path = ADDON ? addonPath(path) : path;
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new GatewayError(`${method} ${path}: the gateway did not answer (${e.message}).`);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const title = json && json.title ? json.title : response.statusText;
    const detail = json && json.detail ? ` — ${json.detail}` : "";
    throw new GatewayError(`${method} ${path} failed: HTTP ${response.status} ${title}${detail}`);
  }
  return json;
}

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = false;
}

function clearError() {
  $("error").hidden = true;
  $("error").textContent = "";
}

/** Builds an element with text content only (never HTML from the gateway). */
function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : "";
}

function countsLine(counts) {
  return `${counts.created} created, ${counts.alreadyPresent} already present, ${counts.updated} updated, ` +
    `${counts.skipped} skipped, ${counts.failed} failed (of ${counts.total})`;
}

// ---- Project table -------------------------------------------------------------------------------------------

async function loadProjects() {
  clearError();
  if (!gatewayKey()) {
    return;
  }
  let projects;
  try {
    projects = await call("GET", "api/shotgrid/projects");
  } catch (e) {
    showError(e.message);
    return;
  }
  const body = $("projects").tBodies[0];
  body.replaceChildren(...projects.map(projectRow));
  $("projects-empty").hidden = projects.length > 0;
  await Promise.all(projects.map((p) => refreshProject(p.sgProjectId)));
}

function projectRow(project) {
  const row = el("tr");
  row.dataset.projectId = project.sgProjectId;
  const name = el("td");
  name.append(el("div", project.name), el("div", `id ${project.sgProjectId}${project.code ? ", code " + project.code : ""}`, "muted"));
  row.append(
    name,
    el("td", project.linked ? project.ayonProjectName : "not linked", "ayon"),
    el("td", project.lastSyncState ? `${project.lastSyncState} ${when(project.lastSyncFinishedAt)}` : "never", "last-sync"),
    el("td", "…", "events"),
    applyChangesCell(project),
    pushCell(project),
    notesCell(project),
    hierarchyCell(project),
    actionsCell(project));
  return row;
}

function actionsCell(project) {
  const cell = el("td");
  const actions = el("div", null, "actions");
  const prepare = el("button", "Prepare");
  prepare.type = "button";
  prepare.setAttribute("aria-label", `Prepare ${project.name}`);
  prepare.addEventListener("click", () => prepareProject(project.sgProjectId, prepare));
  const sync = el("button", "Sync");
  sync.type = "button";
  sync.setAttribute("aria-label", `Sync ${project.name}`);
  sync.addEventListener("click", () => syncProject(project.sgProjectId, sync));
  // Its accessible name has no "Sync": the page's tests (and people) find the Sync button by that word.
  const push = el("button", "Sync to ShotGrid");
  push.type = "button";
  push.setAttribute("aria-label", `Push all of ${project.name} to ShotGrid`);
  push.addEventListener("click", () => pushProject(project.sgProjectId, push));
  actions.append(prepare, sync, push);
  cell.append(actions);
  return cell;
}

/** The per-project opt-in: the leecher applies ShotGrid changes, retirements and revivals to existing AYON entities. */
function applyChangesCell(project) {
  const cell = el("td");
  const box = el("input", null, "apply-changes");
  box.type = "checkbox";
  box.disabled = true;
  box.setAttribute("aria-label", `Leecher applies changes for ${project.name}`);
  box.addEventListener("change", () => setApplyChanges(project.sgProjectId, box));
  cell.append(box, el("span", "", "muted apply-changes-source"));
  return cell;
}

async function setApplyChanges(sgProjectId, box) {
  clearError();
  box.disabled = true;
  try {
    showApplyChanges(rowOf(sgProjectId), await putSettings(sgProjectId, { applyChanges: box.checked }));
  } catch (e) {
    box.checked = !box.checked;
    showError(e.message);
  } finally {
    box.disabled = false;
  }
}

function showApplyChanges(row, status) {
  const box = row.querySelector(".apply-changes");
  box.checked = !!status.applyChanges;
  box.disabled = false;
  // applyChangesSetting null: the configured default is in force.
  row.querySelector(".apply-changes-source").textContent =
    status.applyChangesSetting === null || status.applyChangesSetting === undefined ? " (default)" : " (set for this project)";
  row.dataset.applyChangesSetting = status.applyChangesSetting === null || status.applyChangesSetting === undefined ? "" : String(status.applyChangesSetting);
  const preset = row.querySelector(".hierarchy-preset");
  preset.value = status.hierarchyPresetSetting || "";
  preset.dataset.setting = status.hierarchyPresetSetting || "";
  preset.disabled = false;
}

/**
 * The per-project hierarchy preset: flat (ShotGrid's tree under the project root) or grouped (shots/, assets/, episodes/
 * folders); empty = the AYON project setting. Existing folders move only in a sync with "override differences".
 */
function hierarchyCell(project) {
  const cell = el("td");
  const select = el("select", null, "hierarchy-preset");
  select.disabled = true;
  select.setAttribute("aria-label", `Hierarchy preset for ${project.name}`);
  for (const [value, text] of [["", "AYON setting"], ["flat", "flat"], ["grouped", "grouped"]]) {
    const option = el("option", text);
    option.value = value;
    select.append(option);
  }
  select.addEventListener("change", () => setHierarchyPreset(project.sgProjectId, select));
  cell.append(select, el("div", "moves existing folders only with override differences", "muted"));
  return cell;
}

async function setHierarchyPreset(sgProjectId, select) {
  clearError();
  select.disabled = true;
  try {
    const status = await putSettings(sgProjectId, { hierarchyPreset: select.value || null });
    showApplyChanges(rowOf(sgProjectId), status);
  } catch (e) {
    showError(e.message);
  } finally {
    select.disabled = false;
  }
}

/** A PUT sets every per-project setting: the ones not being changed are sent as the project has them. */
async function putSettings(sgProjectId, changed) {
  const row = rowOf(sgProjectId);
  const current = {
    applyChanges: row.dataset.applyChangesSetting === undefined || row.dataset.applyChangesSetting === "" ? null : row.dataset.applyChangesSetting === "true",
    hierarchyPreset: row.querySelector(".hierarchy-preset").dataset.setting || null,
  };
  return await call("PUT", `api/shotgrid/projects/${sgProjectId}/settings`, { ...current, ...changed });
}

/** The per-project opt-in of the AYON → ShotGrid push (the AYON project attribute shotgridPush). */
function pushCell(project) {
  const cell = el("td");
  const box = el("input", null, "push-to-shotgrid");
  box.type = "checkbox";
  box.disabled = true;
  box.setAttribute("aria-label", `Push ${project.name} from AYON to ShotGrid`);
  box.addEventListener("change", () => setPush(project.sgProjectId, box));
  cell.append(box, el("div", "", "muted push-summary"));
  return cell;
}

async function setPush(sgProjectId, box) {
  clearError();
  box.disabled = true;
  try {
    showPush(rowOf(sgProjectId), await call("PUT", `api/shotgrid/projects/${sgProjectId}/settings`, { pushToShotGrid: box.checked }));
  } catch (e) {
    box.checked = !box.checked;
    showError(e.message);
    box.disabled = false;
  }
}

function showPush(row, status) {
  const box = row.querySelector(".push-to-shotgrid");
  const push = status.push;
  box.checked = !!(push && push.enabled);
  // Only a prepared project has an AYON project to push from.
  box.disabled = !push;
  const summary = row.querySelector(".push-summary");
  summary.replaceChildren();
  if (push) {
    summary.append(el("div", `${push.created} created, ${push.updated} updated, ${push.conflicts.length} conflicts`));
    if (push.lastError) {
      summary.append(el("div", push.lastError, "issue-failed"));
    }
  }
  showListPush(summary, status.listPush);
  const job = status.lastPushJob;
  if (job) {
    summary.append(el("div", `Sync to ShotGrid ${job.dryRun ? "(dry run) " : ""}${job.state} ${when(job.finishedAt)}: ${countsLine(job.counts)}`, `state-${job.state}`));
  }
}

/** AYON lists → ShotGrid playlists (with the push on): counts, the AYON event cursor, the newest issue, the last error. */
function showListPush(summary, lists) {
  if (!lists) {
    return;
  }
  const line = el("div", `lists → playlists: ${lists.created} created, ${lists.updated} updated, ${lists.retired} retired`, "list-push");
  line.title = `AYON event cursor ${lists.cursor ?? "(none)"}, ${lists.eventsRead} list events read, ${lists.ownEventsSkipped} own skipped`;
  summary.append(line);
  if (lists.issues.length > 0) {
    summary.append(el("div", lists.issues[lists.issues.length - 1], "muted list-push-issue"));
  }
  if (lists.lastError) {
    summary.append(el("div", lists.lastError, "issue-failed"));
  }
}

/**
 * The per-project switches of each notes direction: ShotGrid notes and replies become AYON comments (leecher and full
 * sync); AYON comments become ShotGrid notes and replies (only while the push is on).
 */
function notesCell(project) {
  const cell = el("td");
  const from = el("input", null, "notes-from-shotgrid");
  from.type = "checkbox";
  from.disabled = true;
  from.setAttribute("aria-label", `ShotGrid notes of ${project.name} become AYON comments`);
  from.addEventListener("change", () => setNotes(project.sgProjectId, from, "notesFromShotGrid"));
  const to = el("input", null, "notes-to-shotgrid");
  to.type = "checkbox";
  to.disabled = true;
  to.setAttribute("aria-label", `AYON comments of ${project.name} become ShotGrid notes`);
  to.addEventListener("change", () => setNotes(project.sgProjectId, to, "notesToShotGrid"));
  cell.append(
    el("div", "", "notes-line"), el("div", "", "notes-line"));
  cell.children[0].append(from, " SG → AYON", el("span", "", "muted notes-source"));
  cell.children[1].append(to, " AYON → SG", el("span", "", "muted notes-to-source"));
  return cell;
}

async function setNotes(sgProjectId, box, setting) {
  clearError();
  box.disabled = true;
  try {
    showNotes(rowOf(sgProjectId), await call("PUT", `api/shotgrid/projects/${sgProjectId}/settings`, { [setting]: box.checked }));
  } catch (e) {
    box.checked = !box.checked;
    showError(e.message);
    box.disabled = false;
  }
}

function showNotes(row, status) {
  const box = row.querySelector(".notes-from-shotgrid");
  box.checked = !!status.notesFromShotGrid;
  box.disabled = false;
  row.querySelector(".notes-source").textContent =
    status.notesFromShotGridSetting === null || status.notesFromShotGridSetting === undefined ? " (default)" : " (set for this project)";
  const to = row.querySelector(".notes-to-shotgrid");
  to.checked = !!status.notesToShotGrid;
  to.disabled = false;
  row.querySelector(".notes-to-source").textContent =
    (status.notesToShotGridSetting === null || status.notesToShotGridSetting === undefined ? " (default)" : " (set for this project)") +
    (status.push && status.push.enabled ? "" : " — needs push");
}

function rowOf(sgProjectId) {
  return document.querySelector(`#projects tr[data-project-id="${sgProjectId}"]`);
}

/** Fills the AYON link, last sync and event cursor cells from the project grain's status. */
async function refreshProject(sgProjectId) {
  const row = rowOf(sgProjectId);
  if (!row) {
    return;
  }
  let status;
  try {
    status = await call("GET", `api/shotgrid/projects/${sgProjectId}`);
  } catch (e) {
    row.querySelector(".events").textContent = "status unavailable";
    showError(e.message);
    return;
  }
  const ayon = row.querySelector(".ayon");
  ayon.replaceChildren(el("div", status.linked ? status.ayonProjectName : "not linked"));
  if (status.preparedAt) {
    ayon.append(el("div", `prepared ${when(status.preparedAt)}`, "muted"));
  }

  const last = row.querySelector(".last-sync");
  if (status.lastSync) {
    const s = status.lastSync;
    last.replaceChildren(el("div", `${s.state} ${when(s.finishedAt)}`, `state-${s.state}`), el("div", countsLine(s.counts), "muted"));
    if (s.error) {
      last.append(el("div", s.error, "muted"));
    }
  } else {
    last.replaceChildren(el("div", status.runningJobId ? "running" : "never"));
  }

  showApplyChanges(row, status);
  showPush(row, status);
  showNotes(row, status);

  const events = row.querySelector(".events");
  const c = status.events;
  if (!c) {
    events.replaceChildren(el("div", "not followed"));
  } else {
    events.replaceChildren(
      el("div", `${c.enabled ? "following" : "paused"}: cursor ${c.watermark}, lag ${c.lag}`),
      el("div", `${c.applied} applied, ${c.ignored} ignored, ${c.failed} failed, backlog ${c.backlog}`, "muted"));
    for (const error of c.lastErrors || []) {
      events.append(el("div", error, "muted issue-failed"));
    }
  }
}

// ---- Prepare --------------------------------------------------------------------------------------------------

async function prepareProject(sgProjectId, button) {
  clearError();
  button.disabled = true;
  try {
    const result = await call("POST", `api/shotgrid/projects/${sgProjectId}/prepare`);
    $("prepare").hidden = false;
    $("prepare-summary").textContent =
      `Prepared: AYON project ${result.ayonProjectName} ${result.projectCreated ? "created" : "already existed"}` +
      (result.changes.length === 0 ? ", nothing needed changing." : `, ${result.changes.length} change(s):`);
    $("prepare-changes").replaceChildren(...result.changes.map((c) => el("li", c)), ...result.notes.map((n) => el("li", `Note: ${n}`)));
    await refreshProject(sgProjectId);
  } catch (e) {
    showError(e.message);
  } finally {
    button.disabled = false;
  }
}

// ---- Sync and its job -----------------------------------------------------------------------------------------

async function syncProject(sgProjectId, button) {
  clearError();
  button.disabled = true;
  try {
    const started = await call("POST", `api/shotgrid/projects/${sgProjectId}/sync`,
      { overrideDifferences: $("override").checked, dryRun: $("dry-run").checked, requestedBy: "sync page" });
    await followJob(started.jobId);
    await refreshProject(sgProjectId);
  } catch (e) {
    showError(e.message);
  } finally {
    button.disabled = false;
  }
}

/**
 * Sync to ShotGrid: starts the job (creates only; with Dry run, it lists what it would create) and follows it like a
 * sync job. A project without push on is refused by the gateway with how to turn it on.
 */
async function pushProject(sgProjectId, button) {
  clearError();
  button.disabled = true;
  try {
    const started = await call("POST", `api/shotgrid/projects/${sgProjectId}/push`, { dryRun: $("dry-run").checked, requestedBy: "sync page" });
    await followJob(started.jobId);
    await refreshProject(sgProjectId);
  } catch (e) {
    showError(e.message);
  } finally {
    button.disabled = false;
  }
}

async function followJob(jobId) {
  $("job").hidden = false;
  $("job-outcome").hidden = true;
  $("job").dataset.jobId = jobId;
  $("job").dataset.state = "queued";
  for (;;) {
    const job = await call("GET", `api/jobs/${encodeURIComponent(jobId)}`);
    showJob(job);
    if (job.state === "succeeded" || job.state === "failed") {
      return job;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function showJob(job) {
  const section = $("job");
  section.dataset.state = job.state;
  const summary = $("job-summary");
  summary.textContent = `Job ${job.jobId} for ${job.ayonProjectName || "project " + job.sgProjectId}: ${job.state}` +
    (job.phase && job.phase !== job.state ? ` (${job.phase})` : "") + (job.toShotGrid ? ", AYON → ShotGrid" : "") +
    (job.overrideDifferences ? ", overriding differences" : ", create only") + (job.dryRun ? ", dry run (nothing written)" : "");
  summary.className = `state-${job.state}`;
  $("job-progress").value = job.progressPercent;
  $("job-percent").textContent = `${job.progressPercent}%`;
  for (const name of ["created", "alreadyPresent", "updated", "skipped", "failed", "total"]) {
    $(`count-${name}`).textContent = job.counts[name];
  }
  const finished = job.state === "succeeded" || job.state === "failed";
  if (!finished) {
    return;
  }
  $("job-outcome").hidden = false;
  $("job-error").hidden = !job.error;
  $("job-error").textContent = job.error ? `Error: ${job.error}` : "";
  const issues = job.issues.map((i) =>
    el("li", `${i.kind}: ${i.entityType} ${i.name}${i.entityId ? " (id " + i.entityId + ")" : ""} — ${i.reason}`, `issue-${i.kind}`));
  $("job-issues").replaceChildren(...(issues.length > 0 ? issues : [el("li", "None.")]));
  showChanges(job);
}

/** The job's field-by-field change list (a dry run: what it would do), so a TD can audit it. */
function showChanges(job) {
  const changes = job.changes || [];
  const omitted = job.changesOmitted || 0;
  $("job-changes-summary").textContent = changes.length === 0
    ? "No changes."
    : `${changes.length + omitted} change(s)${job.dryRun ? " that a real run would make" : ""}` + (omitted > 0 ? `, ${omitted} not listed.` : ".");
  $("job-changes").tBodies[0].replaceChildren(...changes.map((c) => {
    const row = el("tr");
    row.append(
      el("td", `${c.entityType}${c.entityId ? " " + c.entityId : ""}`),
      el("td", c.ayonName),
      el("td", c.field),
      el("td", c.oldValue === null || c.oldValue === undefined ? "—" : c.oldValue),
      el("td", c.newValue === null || c.newValue === undefined ? "—" : c.newValue));
    return row;
  }));
}

// ---- Key ------------------------------------------------------------------------------------------------------

function showKeyState() {
  if (ADDON) {
    $("key-form").hidden = true;
    $("key-state").textContent = "Signed in through AYON.";
    return;
  }
  $("key-state").textContent = gatewayKey()
    ? "Connected with the key kept for this tab."
    : "Enter the gateway key (it stays in this browser tab only).";
}

document.addEventListener("DOMContentLoaded", () => {
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY_STORAGE, $("api-key").value.trim());
    $("api-key").value = "";
    showKeyState();
    loadProjects();
  });
  $("forget-key").addEventListener("click", () => {
    sessionStorage.removeItem(KEY_STORAGE);
    $("projects").tBodies[0].replaceChildren();
    showKeyState();
  });
  $("refresh").addEventListener("click", loadProjects);
  showKeyState();
  loadProjects();
});
