using System.Reflection;
using Databrain.Client.Models;
#if !NETFRAMEWORK
using System.Runtime.Loader;
#endif

namespace Databrain.Client.Tests.Models;

/// <summary>
/// Reads from a fresh copy of the SDK assembly, whose static initializers have not run yet. Static initialization
/// runs once per process on .NET, so the copy goes into a collectible load context there; .NET Framework has no load
/// contexts but runs it once per application domain, so the copy is the one a new domain loads.
/// </summary>
public static class FreshAssemblyCopy
{
    public static T Read<T>(Func<Assembly, T> read)
    {
#if NETFRAMEWORK
        var domain = AppDomain.CreateDomain(nameof(FreshAssemblyCopy), null, AppDomain.CurrentDomain.SetupInformation);
        try
        {
            var reader = (Reader)domain.CreateInstanceAndUnwrap(typeof(Reader).Assembly.FullName, typeof(Reader).FullName!);
            return reader.Read(read);
        }
        finally
        {
            AppDomain.Unload(domain);
        }
#else
        var context = new AssemblyLoadContext(nameof(FreshAssemblyCopy), isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(typeof(DatasourceType).Assembly.Location);
            assembly.Should().NotBeSameAs(typeof(DatasourceType).Assembly);
            return read(assembly);
        }
        finally
        {
            context.Unload();
        }
#endif
    }

#if NETFRAMEWORK
    /// <summary>Runs in the new domain: the SDK assembly it sees is that domain's own copy.</summary>
    private sealed class Reader : MarshalByRefObject
    {
        public T Read<T>(Func<Assembly, T> read)
        {
            AppDomain.CurrentDomain.FriendlyName.Should().Be(nameof(FreshAssemblyCopy));
            return read(typeof(DatasourceType).Assembly);
        }
    }
#endif
}
