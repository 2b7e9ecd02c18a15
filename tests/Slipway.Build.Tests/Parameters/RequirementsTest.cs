using Slipway.Build.Tests.Infrastructure;
using Slipway.Logging;

namespace Slipway.Build.Tests.Parameters;

/// <summary>A component with a secret parameter it reads lazily.</summary>
public interface IHazDeployKey : ISlipwayBuild
{
    [Parameter("Key to sign deployments with"), Secret]
    string? DeployKey => this.TryGetValue<string>();
}

public sealed class RequirementsBuild : SlipwayBuild, IHazDeployKey
{
    [Parameter("Cluster to deploy to")]
    public string? Cluster { get; set; }

    [Parameter("Regions to deploy to")]
    public string[] Regions { get; set; } = [];

    [Parameter("Number of replicas")]
    public int? Replicas { get; set; }

    [Parameter("Kubernetes namespace", Name = "K8sNamespace")]
    public string? Namespace { get; set; }

    public List<string> Ran { get; } = [];

    public string? SeenKey { get; private set; }

    public Target Prepare => _ => _.Executes(() => Ran.Add(nameof(Prepare)));

    public Target Deploy => _ => _
        .DependsOn(Prepare)
        .Requires(() => Cluster)
        .Requires(() => ((IHazDeployKey)this).DeployKey)
        .Executes(() =>
        {
            SeenKey = ((IHazDeployKey)this).DeployKey;
            Log.Information($"Deploying to {Cluster} with key {SeenKey}");
            Ran.Add(nameof(Deploy));
        });

    public Target Replicate => _ => _.Requires(() => Regions).Executes(() => Ran.Add(nameof(Replicate)));

    public Target Scale => _ => _
        .Requires(() => Replicas)
        .Requires(() => Replicas > 0)
        .Executes(() => Ran.Add(nameof(Scale)));

    public Target Namespaced => _ => _.Requires(() => Namespace).Executes(() => Ran.Add(nameof(Namespaced)));
}

public sealed class RequirementsTest : IDisposable
{
    private readonly InMemoryBuild _run = new();
    private readonly RequirementsBuild _build = new();

    public void Dispose() => _run.Dispose();

    private BuildRun Run(params string[] args) => _run.Run(() => _build, args, CancellationToken.None);

    private ScriptedPrompt Terminal(params string?[] answers)
    {
        var prompt = new ScriptedPrompt(answers);
        _run.Interactive = true;
        _run.Prompt = prompt;
        return prompt;
    }

    [Fact]
    public void TestRequires_ValuesGiven_NoPromptAndRuns()
    {
        var prompt = Terminal();
        var key = $"req-given-{Guid.NewGuid():N}";
        _run.Environment["DEPLOY_KEY"] = key;

        var run = Run("--target", "Deploy", "--cluster", "blue");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(prompt.Questions);
        Assert.Equal(["Prepare", "Deploy"], _build.Ran);
        Assert.Equal(key, _build.SeenKey);
    }

    [Fact]
    public void TestRequires_OnTerminal_PromptsAndUsesTheAnswers()
    {
        var key = $"req-prompted-{Guid.NewGuid():N}";
        var prompt = Terminal("green", key);

        var run = Run("--target", "Deploy");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                ("Target 'Deploy' requires 'Cluster' — Cluster to deploy to. Cluster: ", false),
                ("Target 'Deploy' requires 'DeployKey' — Key to sign deployments with. DeployKey: ", true),
            ],
            prompt.Questions);
        Assert.Equal(["Prepare", "Deploy"], _build.Ran);
        Assert.Equal("green", _build.Cluster);
        Assert.Equal(key, _build.SeenKey);
        Assert.Contains("[INF] Deploying to green with key ***", run.Output);
        Assert.DoesNotContain(key, run.Output);
    }

    [Fact]
    public void TestRequires_OnTerminal_ListAnswerIsSplit()
    {
        Terminal("eu-west-1, us-east-1");

        var run = Run("--target", "Replicate");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["eu-west-1", "us-east-1"], _build.Regions);
    }

    [Fact]
    public void TestRequires_OnCi_NeverPromptsAndNamesEverySource()
    {
        var prompt = Terminal("never-used");
        _run.Environment["CI"] = "true";

        var run = Run("--target", "Deploy");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(prompt.Questions);
        Assert.Empty(_build.Ran);
        Assert.Contains(
            "[ERR] Target 'Deploy' requires parameter 'Cluster'. Pass --cluster VALUE, set the environment variable CLUSTER, or add \"Cluster\" to .nuke/parameters.json.",
            run.Output);
        Assert.Contains(
            "[ERR] Target 'Deploy' requires parameter 'DeployKey'. Pass --deploy-key VALUE, set the environment variable DEPLOY_KEY, or add \"DeployKey\" to .nuke/parameters.json (encrypted: ./build.sh :secrets set DeployKey).",
            run.Output);
    }

    [Fact]
    public void TestRequires_InputNotATerminal_FailsWithoutPrompting()
    {
        var prompt = new ScriptedPrompt("never-used");
        _run.Prompt = prompt;

        var run = Run("--target", "Deploy", "--cluster", "blue");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(prompt.Questions);
        Assert.Contains("Target 'Deploy' requires parameter 'DeployKey'. Pass --deploy-key VALUE", run.Output);
        Assert.DoesNotContain("requires parameter 'Cluster'", run.Output);
    }

    [Fact]
    public void TestRequires_EmptyAnswer_Fails()
    {
        Terminal("", "never-used");

        var run = Run("--target", "Scale");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Target 'Scale' requires parameter 'Replicas'. Pass --replicas VALUE", run.Output);
        Assert.Empty(_build.Ran);
    }

    [Fact]
    public void TestRequires_InvalidAnswer_SaysWhatIsExpected()
    {
        Terminal("many");

        var run = Run("--target", "Scale");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[ERR] Parameter 'Replicas' (--replicas) from the prompt: 'many' is not a valid int.", run.Output);
    }

    [Fact]
    public void TestRequires_PredicateAfterPrompt_IsChecked()
    {
        Terminal("0");

        var run = Run("--target", "Scale");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[ERR] Target 'Scale' requires 'Replicas > 0', which is false.", run.Output);
        Assert.Empty(_build.Ran);
    }

    [Fact]
    public void TestRequires_RenamedParameter_NamesItsOptionAndVariable()
    {
        _run.Environment["CI"] = "true";

        var run = Run("--target", "Namespaced");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Target 'Namespaced' requires parameter 'K8sNamespace'. Pass --k8s-namespace VALUE, set the environment variable K8S_NAMESPACE, or add \"K8sNamespace\" to .nuke/parameters.json.", run.Output);
    }

    [Fact]
    public void TestRequires_RenamedParameter_IsPromptedOnTerminal()
    {
        var prompt = Terminal("tools");

        var run = Run("--target", "Namespaced");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Target 'Namespaced' requires 'K8sNamespace' — Kubernetes namespace. K8sNamespace: ", Assert.Single(prompt.Questions).Question);
        Assert.Equal("tools", _build.Namespace);
    }

    [Fact]
    public void TestRequires_SkippedTarget_IsNotChecked()
    {
        _run.Environment["CI"] = "true";

        var run = Run("--target", "Deploy", "--skip", "Deploy");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Prepare"], _build.Ran);
    }

    [Fact]
    public void TestRequires_Plan_DoesNotPromptOrFail()
    {
        var prompt = Terminal("never-used");

        var run = Run("--target", "Deploy", "--plan");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(prompt.Questions);
        Assert.Contains("requires: Cluster", run.Output);
    }
}
