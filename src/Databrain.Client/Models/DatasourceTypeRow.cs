using Databrain.Client.Validation;

namespace Databrain.Client.Models;

/// <summary>One documented datasource type in <see cref="DatasourceTypeTable"/>.</summary>
internal sealed class DatasourceTypeRow
{
    private readonly Action<DatasourceCredentials, ProblemCollector> _check;

    private DatasourceTypeRow(DatasourceType type, Type credentialsType, Action<DatasourceCredentials, ProblemCollector> check)
    {
        Type = type;
        CredentialsType = credentialsType;
        _check = check;
    }

    /// <summary>The wire value, for example <c>postgres</c>.</summary>
    public DatasourceType Type { get; }

    /// <summary>The sealed record its <c>credentials</c> are read into, for example <see cref="PostgresCredentials"/>.</summary>
    public Type CredentialsType { get; }

    /// <summary>
    /// A row whose record and rules agree by construction: <paramref name="rules"/> takes
    /// <typeparamref name="TCredentials"/> (or the shape it shares with sibling types).
    /// </summary>
    public static DatasourceTypeRow Create<TCredentials>(DatasourceType type, Action<TCredentials, ProblemCollector> rules)
        where TCredentials : DatasourceCredentials =>
        new(type, typeof(TCredentials), (credentials, check) => rules((TCredentials)credentials, check));

    /// <summary>Adds the problems of every field but <c>name</c>; <paramref name="credentials"/> is of <see cref="CredentialsType"/>.</summary>
    public void Check(DatasourceCredentials credentials, ProblemCollector check) => _check(credentials, check);
}
