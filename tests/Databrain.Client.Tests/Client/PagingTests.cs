namespace Databrain.Client.Tests.Client;

public sealed class PagingTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task List_PagesUntilAShortPage_InOrder_WithOneRequestPerPage()
    {
        _api.GivenPage(1, Names(1, 10));
        _api.GivenPage(2, Names(11, 10));
        _api.GivenPage(3, Names(21, 3));

        var names = await _api.CreateClient().ListDatasourcesAsync().Select(d => d.Name).ToListAsync();

        names.Should().Equal(Names(1, 23));
        _api.Received.Select(r => r.RawQuery).Should().Equal(
            "?isPagination=true&pageNumber=1", "?isPagination=true&pageNumber=2", "?isPagination=true&pageNumber=3");
    }

    [Fact]
    public async Task List_WhenTheFirstPageIsEmpty_YieldsNothingAfterOneRequest()
    {
        _api.GivenPage(1, []);

        var names = await _api.CreateClient().ListDatasourcesAsync().ToListAsync();

        names.Should().BeEmpty();
        _api.Received.Should().HaveCount(1);
    }

    [Fact]
    public async Task List_WhenAFullPageIsFollowedByAnEmptyOne_StopsAtTheEmptyPage()
    {
        _api.GivenPage(1, Names(1, 10));
        _api.GivenPage(2, []);

        var names = await _api.CreateClient().ListDatasourcesAsync().Select(d => d.Name).ToListAsync();

        names.Should().HaveCount(10);
        _api.Received.Should().HaveCount(2);
    }

    [Fact]
    public async Task List_StoppedEarly_SendsNoFurtherRequest()
    {
        _api.GivenPage(1, Names(1, 10));
        _api.GivenPage(2, Names(11, 10));

        var firstFive = await _api.CreateClient().ListDatasourcesAsync().Take(5).Select(d => d.Name).ToListAsync();

        firstFive.Should().Equal(Names(1, 5));
        _api.Received.Should().HaveCount(1);
    }

    [Fact]
    public async Task List_WhenTheServerIgnoresPagingAndSendsEverything_StopsAfterThatPage()
    {
        _api.GivenPage(1, Names(1, 25));
        _api.GivenPage(2, Names(1, 25));

        var names = await _api.CreateClient().ListDatasourcesAsync().Select(d => d.Name).ToListAsync();

        names.Should().Equal(Names(1, 25));
        _api.Received.Should().HaveCount(1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task GetPage_BelowOne_ThrowsBeforeSending(int pageNumber)
    {
        var exception = await Record.ExceptionAsync(() => _api.CreateClient().GetDatasourcePageAsync(pageNumber));

        exception.Should().BeOfType<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("pageNumber");
        _api.Received.Should().BeEmpty();
    }

    private static string[] Names(int first, int count) => Enumerable.Range(first, count).Select(i => $"ds-{i:D2}").ToArray();
}
