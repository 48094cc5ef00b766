using GraphQL.Types;

namespace AyonShotgrid.Emulators.Ayon;

/// <summary>
/// The Float scalar, but a <see cref="decimal"/> result is written with its scale (<c>25.0</c>, as the Python server
/// prints floats) instead of being turned into a double (<c>25</c>).
/// </summary>
internal sealed class PythonFloatGraphType : FloatGraphType
{
    public override object? Serialize(object? value) => value is decimal d ? d : base.Serialize(value);
}
