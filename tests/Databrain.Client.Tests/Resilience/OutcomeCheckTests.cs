using Databrain.Client.Pipeline;
using Databrain.Client.Transport;

namespace Databrain.Client.Tests.Resilience;

/// <summary>
/// The outcome check on its own, over a listing that other clients change while it is read: it answers true or
/// false only when the listing proves it, and never "does not exist" for a name that exists.
/// </summary>
public sealed class OutcomeCheckTests
{
    private const string Name = "mine";

    [Fact]
    public async Task ANameOnAPage_Exists()
    {
        var listing = new Listing([.. Others(13), Name]);

        (await Check(listing)).Should().BeTrue();
    }

    [Fact]
    public async Task AStableListingWithoutTheName_ProvesItDoesNotExist_AtTwoReadsAPageButOne()
    {
        var listing = new Listing(Others(25));

        (await Check(listing)).Should().BeFalse();
        listing.Reads.Should().Equal(1, 2, 1, 3, 2);
    }

    [Fact]
    public async Task ASinglePage_IsReadOnce()
    {
        var listing = new Listing(Others(4));

        (await Check(listing)).Should().BeFalse();
        listing.Reads.Should().Equal(1);
    }

    [Fact]
    public async Task ADeletionThatMovesTheNameOntoAPageAlreadyRead_IsCaught_AndTheNameFound()
    {
        // The name is the 11th: first on page 2. After page 1 was read, the 1st datasource is deleted, so the name
        // moves to page 1 and page 2 no longer shows it. Reading each page once would answer "does not exist".
        var listing = new Listing([.. Others(10), Name, "other-z"]);
        listing.AfterRead(1, () => listing.Delete("other-1"));

        (await Check(listing)).Should().BeTrue();
        listing.Reads.Should().Equal(1, 2, 1);
    }

    [Fact]
    public async Task AShiftThatHidesNothing_StartsThePassAgain_ThenProvesTheAbsence()
    {
        var listing = new Listing(Others(15));
        listing.AfterRead(1, () => listing.Delete("other-1"));

        (await Check(listing)).Should().BeFalse();
        listing.Reads.Should().Equal(1, 2, 1, 1, 2, 1);
    }

    [Fact]
    public async Task AListingThatKeepsShifting_IsUnknown_AfterTheMaximumPasses()
    {
        var listing = new Listing(Others(40));
        listing.AfterEveryRead(2, () => listing.Delete(listing.First));

        (await Check(listing)).Should().BeNull();
        listing.Reads.Count(page => page == 2).Should().Be(OutcomeCheck.MaxPasses);
    }

    [Fact]
    public async Task ThousandsOfRandomChurns_NeverAnswerThatAnExistingNameDoesNotExist()
    {
        var random = new Random(20261129);
        for (var run = 0; run < 2000; run++)
        {
            var names = Others(random.Next(0, 45)).ToList();
            var exists = random.Next(2) == 0;
            if (exists)
            {
                names.Insert(random.Next(names.Count + 1), Name);
            }

            var listing = new Listing(names);
            listing.AfterEachRead(() =>
            {
                // Others delete datasources listed anywhere (never "mine") and create new ones at the end.
                if (random.Next(3) == 0 && listing.Others.Count > 0)
                {
                    listing.Delete(listing.Others[random.Next(listing.Others.Count)]);
                }

                if (random.Next(4) == 0)
                {
                    listing.Append($"new-{run}-{random.Next()}");
                }
            });

            var answer = await Check(listing);

            if (exists)
            {
                answer.Should().NotBe(false, $"run {run}: the name exists the whole time");
            }
            else
            {
                answer.Should().NotBe(true, $"run {run}: the name never exists");
            }
        }
    }

    private static Task<bool?> Check(Listing listing) =>
        OutcomeCheck.DatasourceExistsAsync(Name, listing.ReadAsync, CancellationToken.None);

    private static string[] Others(int count) => [.. Enumerable.Range(1, count).Select(i => $"other-{i}")];

    /// <summary>A datasource listing in creation order, paged by ten, that changes when the test says.</summary>
    private sealed class Listing(IEnumerable<string> names)
    {
        private readonly List<string> _names = [.. names];
        private readonly List<(int? Page, bool Always, Action Change)> _changes = [];

        public List<int> Reads { get; } = [];

        public string First => _names[0];

        public IReadOnlyList<string> Others => [.. _names.Where(n => n != Name)];

        public void Delete(string name) => _names.Remove(name);

        public void Append(string name) => _names.Add(name);

        public void AfterRead(int page, Action change) => _changes.Add((page, false, change));

        public void AfterEveryRead(int page, Action change) => _changes.Add((page, true, change));

        public void AfterEachRead(Action change) => _changes.Add((null, true, change));

        public ValueTask<IReadOnlyList<NameResponse?>> ReadAsync(int pageNumber, CancellationToken cancellationToken)
        {
            Reads.Add(pageNumber);
            IReadOnlyList<NameResponse?> page = [.. _names.Skip((pageNumber - 1) * 10).Take(10).Select(n => new NameResponse(n))];
            foreach (var change in _changes.ToList())
            {
                if (change.Page is null || change.Page == pageNumber)
                {
                    change.Change();
                    if (!change.Always)
                    {
                        _changes.Remove(change);
                    }
                }
            }

            return new ValueTask<IReadOnlyList<NameResponse?>>(page);
        }
    }
}
