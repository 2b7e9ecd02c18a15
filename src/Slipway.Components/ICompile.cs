namespace Slipway.Components;

/// <summary>Restores and compiles the solution.</summary>
public interface ICompile : IHazSolution
{
    /// <summary>Restores NuGet packages.</summary>
    Target Restore => _ => _
        .Description("Restores the solution's NuGet packages.")
        .Executes(ct => DotNet.RunAsync(this, ["restore", Solution], ct));

    /// <summary>Builds the solution.</summary>
    Target Compile => _ => _
        .Description("Compiles the solution.")
        .DependsOn(Restore)
        .Executes(ct => DotNet.RunAsync(this, ["build", Solution, "--configuration", Configuration.ToString(), "--no-restore", "--nologo"], ct));
}
