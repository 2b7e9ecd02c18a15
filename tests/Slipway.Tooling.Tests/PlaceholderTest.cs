namespace Slipway.Tooling.Tests;
public class PlaceholderTest { [Fact] public void TestTrue() => Assert.True(true); }
