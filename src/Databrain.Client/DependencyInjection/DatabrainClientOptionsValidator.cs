using Microsoft.Extensions.Options;

namespace Databrain.Client;

/// <summary>Validates every named <see cref="DatabrainClientOptions"/> when it is first read (and at start-up).</summary>
internal sealed class DatabrainClientOptionsValidator : IValidateOptions<DatabrainClientOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabrainClientOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
