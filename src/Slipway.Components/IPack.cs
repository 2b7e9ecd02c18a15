using Slipway.IO;

namespace Slipway.Components;

/// <summary>Packs the solution's packable projects into the artifacts folder.</summary>
public interface IPack : ICompile, IHazArtifacts
{
    /// <summary>Where .nupkg files go.</summary>
    AbsolutePath PackagesDirectory => ArtifactsDirectory / "packages";

    /// <summary>Creates the NuGet packages.</summary>
    Target Pack => _ => _
        .Description("Packs the libraries into artifacts/packages.")
        .DependsOn(Compile)
        .Produces("artifacts/packages/*.nupkg")
        .Executes(async ct =>
        {
            if (PackagesDirectory.DirectoryExists)
                Directory.Delete(PackagesDirectory, recursive: true);
            await DotNet.RunAsync(this, ["pack", Solution, "--configuration", Configuration.ToString(), "--no-build", "--nologo", "--output", PackagesDirectory], ct);
            var packages = Directory.GetFiles(PackagesDirectory, "*.nupkg");
            if (packages.Length == 0)
                throw new InvalidOperationException($"dotnet pack produced no package in '{PackagesDirectory}'. Mark the library projects <IsPackable>true</IsPackable>.");
            this.ReportSummary("Packages", string.Join(", ", packages.Select(Path.GetFileName).Order(StringComparer.Ordinal)));
        });
}
