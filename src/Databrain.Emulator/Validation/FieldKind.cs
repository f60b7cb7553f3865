namespace Databrain.Emulator.Validation;

/// <summary>The JSON type a credential field must have on the wire.</summary>
internal enum FieldKind
{
    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
    Boolean,
}
