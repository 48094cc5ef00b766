namespace AyonShotgrid.Emulators.ShotGrid;

/// <summary>A multi_entity write: a bare list means "set"; REST also accepts <c>{"multi_entity_update_mode": "add"|"remove"|"set", "value": [...]}</c>.</summary>
internal sealed record MultiEntityWrite(string Mode, List<EntityLink> Links);
