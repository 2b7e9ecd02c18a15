using System.Diagnostics;
using Slipway.Pipeline.Tests.GitFlow;

namespace Slipway.Pipeline.Tests.Rehearsal;

/// <summary>
/// Makes a git-flow sample repository buildable with <c>./build.sh</c> as a team's would be: this repository's build.sh and global.json,
/// a build/ project compiled against the Slipway assemblies under test (this test's output folder), and the buildspec.yml it generates, committed on develop.
/// </summary>
public static class RehearsableSample
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <AssemblyName>_build</AssemblyName>
            <RootNamespace></RootNamespace>
            <OutputPath>bin/</OutputPath>
            <AppendTargetFrameworkToOutputPath>false</AppendTargetFrameworkToOutputPath>
            <UseAppHost>false</UseAppHost>
          </PropertyGroup>
          <ItemGroup>
            <FrameworkReference Include="Microsoft.AspNetCore.App" />
            <Reference Include="$(SlipwayLib)/Slipway.*.dll;$(SlipwayLib)/AWSSDK.*.dll;$(SlipwayLib)/Docker.DotNet*.dll;$(SlipwayLib)/Spectre.Console.dll;$(SlipwayLib)/YamlDotNet.dll;$(SlipwayLib)/DiffPlex.dll"
                       Exclude="$(SlipwayLib)/Slipway.*.Tests.dll" />
          </ItemGroup>
        </Project>
        """;

    private const string Build = """
        using Slipway;
        using Slipway.Components;

        [CodeBuild(Target = "Version")]
        class Build : SlipwayBuild, IVersion, IGenerateBuildspec
        {
            public static int Main() => Execute<Build>(x => ((IVersion)x).Version);
        }
        """;

    /// <summary>Adds the build and the buildspec it generates to <paramref name="repository"/> on develop, committed and pushed.</summary>
    public static void AddTo(GitFlowRepository repository)
    {
        var root = repository.Root;
        var source = FindRepositoryRoot();
        foreach (var file in new[] { "build.sh", "global.json" })
            File.Copy(Path.Combine(source, file), Path.Combine(root, file));
        Directory.CreateDirectory(Path.Combine(root, "build"));
        File.WriteAllText(Path.Combine(root, "build", "_build.csproj"), Project);
        File.WriteAllText(Path.Combine(root, "build", "Build.cs"), Build);
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"),
            $"<Project><PropertyGroup><SlipwayLib>{AppContext.BaseDirectory.TrimEnd('/')}</SlipwayLib></PropertyGroup></Project>\n");
        File.AppendAllText(Path.Combine(root, ".gitignore"), "build/bin/\nbuild/obj/\n");
        repository.Checkout("develop");
        // As a team does: the buildspec is generated from the build's [CodeBuild] declaration and committed.
        var generate = RunBuildScript(root, "GenerateBuildspec");
        Assert.True(generate.Code == 0, generate.Output);
        Assert.Contains("./build.sh ${SLIPWAY_TARGET:-Version}", File.ReadAllText(Path.Combine(root, "buildspec.yml")));
        repository.Git("add", "-A");
        repository.Git("commit", "-q", "-m", "Build script and buildspec");
        repository.Push("develop");
    }

    /// <summary>Runs <c>./build.sh</c> with <paramref name="arguments"/> in the work tree as a developer would (no CI variables); returns the exit code and the output.</summary>
    public static (int Code, string Output) RunBuildScript(string root, params string[] arguments)
    {
        var info = new ProcessStartInfo(Path.Combine(root, "build.sh"))
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var name in info.Environment.Keys.Where(x => x == "CI" || x.StartsWith("CODEBUILD_", StringComparison.Ordinal) || x.StartsWith("SLIPWAY_", StringComparison.Ordinal) || x.StartsWith("GITHUB_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(name);
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    /// <summary>The variables <c>.nuke/temp/exported-variables.sh</c> sets, read by sourcing it in bash as the buildspec does.</summary>
    public static Dictionary<string, string> ReadExportedVariables(string root, IEnumerable<string> names)
    {
        var info = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("""
            . ./.nuke/temp/exported-variables.sh || exit 1
            for name in "$@"; do if [ -n "${!name+x}" ]; then printf '%s %s\n' "$name" "$(printf '%s' "${!name}" | base64 -w0)"; fi; done
            """);
        info.ArgumentList.Add("bash");
        foreach (var name in names)
            info.ArgumentList.Add(name);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"Sourcing {root}/.nuke/temp/exported-variables.sh failed.");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(x => x.Split(' ', 2))
            .ToDictionary(x => x[0], x => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(x.Length > 1 ? x[1] : "")));
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "build.sh")) && File.Exists(Path.Combine(directory.FullName, "Slipway.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("The repository root (with build.sh and Slipway.sln) was not found above " + AppContext.BaseDirectory);
    }
}
