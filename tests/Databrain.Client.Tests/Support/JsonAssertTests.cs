namespace Databrain.Client.Tests.Support;

public class JsonAssertTests
{
    [Fact]
    public void FindDifference_WhenOnlyPropertyOrderDiffers_ReturnsNull() =>
        JsonAssert.FindDifference("""{"a": 1, "b": {"c": [true, null, "x"]}}""", """{"b": {"c": [true, null, "x"]}, "a": 1}""")
            .Should().BeNull();

    [Theory]
    [InlineData("""{"a": {"port": 5432}}""", """{"a": {"port": "5432"}}""", "$.a.port: expected a Number, found a String")]
    [InlineData("""{"a": 1}""", """{"a": 2}""", "$.a: expected the number 1, found 2")]
    [InlineData("""{"a": 1}""", """{"a": 1.0}""", "$.a: expected the number 1, found 1.0")]
    [InlineData("""{"a": "x"}""", """{"a": "y"}""", "$.a: expected the string \"x\", found \"y\"")]
    [InlineData("""{"a": true}""", """{"a": false}""", "$.a: expected a True, found a False")]
    [InlineData("""{"a": 1}""", """{"a": 1, "b": null}""", "$.b: unexpected property")]
    [InlineData("""{"a": 1, "b": 2}""", """{"a": 1}""", "$.b: missing")]
    [InlineData("""{"a": 1}""", """{"a": 1, "a": 1}""", "$.a: the property appears more than once")]
    [InlineData("""{"a": [1, 2]}""", """{"a": [1]}""", "$.a: expected 2 items, found 1")]
    [InlineData("""{"a": [1, {"b": 2}]}""", """{"a": [1, {"b": 3}]}""", "$.a[1].b: expected the number 2, found 3")]
    public void FindDifference_WhenTheJsonDiffers_ReportsTheFirstDifferingPath(string expected, string actual, string difference) =>
        JsonAssert.FindDifference(expected, actual).Should().Be(difference);

    [Fact]
    public void Equivalent_WhenTheJsonDiffers_FailsNamingThePath()
    {
        var act = () => JsonAssert.Equivalent("""{"a": 1}""", """{"a": 2}""");

        act.Should().Throw<Xunit.Sdk.XunitException>().Which.Message.Should().StartWith("JSON differs at $.a: expected the number 1, found 2");
    }
}
