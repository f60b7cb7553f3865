using System.Text.Json;
using Databrain.Client.Models;

namespace Databrain.Samples.Snippets;

/// <summary>The request body of <see cref="AspNetCoreSnippets.MapDatasources"/>.</summary>
/// <param name="DatasourceType">The wire <c>datasourceType</c>; missing, it reads as the default, which validation reports.</param>
/// <param name="Credentials">The wire <c>credentials</c> object.</param>
public sealed record NewDatasource(DatasourceType DatasourceType, JsonElement Credentials);
