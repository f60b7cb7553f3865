namespace Databrain.Client.Serialization;

/// <summary>What messages need to know about a <see cref="WireEnumConverter{TEnum}"/>, without its enum type.</summary>
internal interface IWireEnumConverter
{
    /// <summary>The allowed wire strings, quoted and comma-separated, for example <c>"enable", "disable"</c>.</summary>
    string AllowedValues { get; }
}
