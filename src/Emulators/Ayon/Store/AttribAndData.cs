using System.Text.Json.Nodes;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// The <c>attrib</c> and <c>data</c> of a stored folder or task, kept as UTF-8 JSON (see <see cref="JsonBlob"/>): a
/// million-entity project holds millions of these rows. Each read gets a tree of its own.
/// </summary>
internal abstract record AttribAndData
{
    private readonly byte[] _attrib;
    private readonly byte[] _data;

    protected AttribAndData(JsonObject attrib, JsonObject data)
    {
        _attrib = JsonBlob.From(attrib);
        _data = JsonBlob.From(data);
    }

    public JsonObject Attrib
    {
        get => JsonBlob.ToObject(_attrib);
        init => _attrib = JsonBlob.From(value);
    }

    public JsonObject Data
    {
        get => JsonBlob.ToObject(_data);
        init => _data = JsonBlob.From(value);
    }
}
