using Databrain.Client.Models;
using Databrain.Client.Validation;

namespace Databrain.Client.Tests.Validation;

/// <summary>The edit distance behind "did you mean", and the tight rule that keeps new datasource types sendable.</summary>
public sealed class NearMissTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("postgres", "postgres", 0)]
    [InlineData("postgress", "postgres", 1)]
    [InlineData("prot", "port", 1)]
    [InlineData("bigqeury", "bigquery", 1)]
    [InlineData("postgresql", "postgres", 2)]
    [InlineData("postgis", "postgres", 2)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ca", "abc", 3)]
    public void Distance_CountsInsertionsDeletionsSubstitutionsAndAdjacentSwaps(string a, string b, int expected)
    {
        NearMiss.Distance(a, b).Should().Be(expected);
        NearMiss.Distance(b, a).Should().Be(expected);
    }

    [Fact]
    public void Types_OfEveryDocumentedType_IsEmpty_WhateverItsCase()
    {
        foreach (var type in DatasourceType.WellKnown)
        {
            NearMiss.Types(type).Should().BeEmpty();
            NearMiss.Types(type.Value.ToUpperInvariant()).Should().BeEmpty();
        }
    }

    [Fact]
    public void Types_OfCockroachDb_TheSpecsNextType_IsEmpty()
    {
        NearMiss.Types("cockroachdb").Should().BeEmpty();
    }

    [Fact]
    public void Fields_WhenNothingIsClose_IsEmpty()
    {
        NearMiss.Fields("futureOption", ["name", "host", "port", "user", "password"]).Should().BeEmpty();
        NearMiss.Fields("use", ["name", "host", "port", "user", "password"]).Should().Equal("user");
        NearMiss.Fields("usr", ["username"]).Should().BeEmpty("a prefix miss needs 4 characters, and 5 edits are too many");
    }

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "a" }, "\"a\"")]
    [InlineData(new[] { "a", "b" }, "\"a\" or \"b\"")]
    [InlineData(new[] { "a", "b", "c" }, "\"a\", \"b\" or \"c\"")]
    public void Quoted_JoinsTheNamesAsASentenceDoes(string[] names, string expected)
    {
        NearMiss.Quoted(names).Should().Be(expected);
    }
}
