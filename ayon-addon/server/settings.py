"""Studio settings of the addon. Keys are never stored here: only the names of AYON secrets that hold them."""

from typing import Literal

from ayon_server.settings import BaseSettingsModel, SettingsField
from ayon_server.settings.enum import secrets_enum


class AttributeMapItem(BaseSettingsModel):
    entity_type: str = SettingsField("Shot", title="ShotGrid entity type")
    shotgrid_field: str = SettingsField("", title="ShotGrid field")
    ayon_attribute: str = SettingsField("", title="AYON attribute (empty: drop a default mapping)")


class ShotgridOrleansSettings(BaseSettingsModel):
    gateway_url: str = SettingsField("http://gateway:8080", title="Gateway URL", description="Base URL of the sync gateway, as the AYON server reaches it")
    gateway_api_key_secret: str = SettingsField("", enum_resolver=secrets_enum, title="Gateway API key secret", description="AYON secret holding the gateway's x-api-key")
    shotgrid_url: str = SettingsField("", title="ShotGrid URL", description="For display; the cluster is configured separately")
    shotgrid_script_name: str = SettingsField("ayon_sync", title="ShotGrid script name")
    shotgrid_script_key_secret: str = SettingsField("", enum_resolver=secrets_enum, title="ShotGrid script key secret")
    project_code_field: str = SettingsField("code", title="ShotGrid project code field")
    default_task_type: str = SettingsField("Generic", title="Task type for tasks without a Pipeline Step")
    duplicate_name_policy: Literal["suffix", "skip"] = SettingsField("suffix", title="Duplicate name policy")
    hierarchy_preset: Literal["flat", "grouped"] = SettingsField(
        "flat",
        title="Hierarchy preset",
        description="flat: top-level ShotGrid entities under the project root; grouped: under episodes/, shots/ and assets/ folders. "
        "A change moves existing folders only in a sync with 'override differences'.",
    )
    hierarchy_shots_folder: str = SettingsField("shots", title="Grouping folder of sequences and shots (grouped)")
    hierarchy_assets_folder: str = SettingsField("assets", title="Grouping folder of asset types and assets (grouped)")
    hierarchy_episodes_folder: str = SettingsField("episodes", title="Grouping folder of episodes (grouped)")
    hierarchy_group_folder_type: str = SettingsField("Folder", title="AYON folder type of the grouping folders (grouped)")
    poll_interval_seconds: int = SettingsField(2, ge=1, le=3600, title="Event poll interval (seconds)")
    mirror_events: bool = SettingsField(True, title="Mirror ShotGrid events into the AYON event log")
    apply_changes: bool = SettingsField(False, title="Leecher applies ShotGrid changes, retirements and revivals (per project overridable in the gateway)")
    notes_from_shotgrid: bool = SettingsField(True, title="ShotGrid notes and replies become AYON comments (per project switchable in the gateway and on the sync page)")
    notes_to_shotgrid: bool = SettingsField(True, title="AYON comments become ShotGrid notes and replies while the push is on (per project switchable in the gateway and on the sync page)")
    use_default_attribute_map: bool = SettingsField(True, title="Start from the default attribute map (cut, head/tail, fps, resolution, description)")
    attribute_map: list[AttributeMapItem] = SettingsField(default_factory=list, title="ShotGrid field → AYON attribute")
    synced_entity_types: list[str] = SettingsField(
        default_factory=lambda: ["Project", "Episode", "Sequence", "Scene", "Shot", "Asset", "Task", "Step", "Playlist", "Note", "Reply"],
        title="ShotGrid entity types the leecher follows",
    )
