namespace AyonShotgrid.Grains.Ayon;

/// <summary>
/// One instance per distinct text within one listing: folder and task types, statuses and parent ids repeat on every
/// entity of a project, and each parsed answer made a string of its own for each (a million-entity listing held
/// millions of copies). Not thread-safe: a listing turns its pages into models one after another.
/// </summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);

    public string? Of(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (_seen.TryGetValue(text, out var shared))
        {
            return shared;
        }

        _seen[text] = text;
        return text;
    }
}
