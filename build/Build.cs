using Slipway;
using Slipway.Components;

/// <summary>Slipway's own build: restore, compile, test and pack the libraries, and print the version; composed from Slipway's components.</summary>
partial class Build : SlipwayBuild, ITest, IPack, IVersion
{
    /// <summary>Runs Pack (and so Compile), with Test first, when no target is named.</summary>
    public static int Main() => Execute<Build>(x => ((IPack)x).Pack, x => ((ITest)x).Test);

    /// <summary>Packages are made from tested code: when both are planned, Pack waits for Test.</summary>
    Target IPack.Pack => _ => _
        .Inherit<IPack>()
        .After<ITest>(x => x.Test);
}
