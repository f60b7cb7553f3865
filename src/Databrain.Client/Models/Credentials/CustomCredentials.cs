using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Databrain.Client.Models;

/// <summary>
/// The escape hatch: credentials for a datasource type this SDK does not model yet (say
/// <c>cockroachdb</c>), sent as <see cref="DatasourceCredentials.Name"/> plus whatever raw fields you put in <see cref="Fields"/>.
/// </summary>
/// <remarks>
/// The SDK cannot know which of these fields are secret, so it treats every field but the name as one:
/// <c>ToString()</c> masks each, and a server that echoes any value (nested ones too) has it masked in the exception.
/// </remarks>
public sealed record CustomCredentials : DatasourceCredentials
{
    /// <summary>Creates credentials for <paramref name="datasourceType"/>.</summary>
    /// <param name="datasourceType">The wire <c>datasourceType</c>, for example <c>"cockroachdb"</c>.</param>
    public CustomCredentials(DatasourceType datasourceType) => DatasourceType = datasourceType;

    /// <inheritdoc />
    [JsonIgnore]
    public override DatasourceType DatasourceType { get; }

    /// <summary>Every wire field other than <c>name</c>, written as is inside <c>credentials</c>. Hidden from the debugger: any of them may be a secret.</summary>
    [JsonExtensionData]
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public Dictionary<string, JsonElement> Fields { get; set; } = [];

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
