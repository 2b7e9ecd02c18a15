namespace Slipway.Versioning.Oracle.Tests.Tools;

/// <summary>Slipway's side, in-process: <see cref="VersionCalculator"/> as <c>slipway version PATH --output json</c> calls it (no branch, no CI variables).</summary>
public static class SlipwayVersion
{
    /// <summary>Slipway's variables for HEAD of <paramref name="repository"/>, or the message it refused with.</summary>
    public static async Task<VersionOutput> RunAsync(string repository, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await VersionCalculator.CalculateAsync(new VersionRequest(repository), cancellationToken);
            return VersionOutput.FromJson(result.Variables.ToJson());
        }
        catch (VersioningException exception)
        {
            return VersionOutput.Failed(exception.Message);
        }
    }
}
