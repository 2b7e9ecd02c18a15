namespace Slipway.Build.Tests.Execution;

/// <summary>Records which targets ran, in order.</summary>
public abstract class RecordingBuild : SlipwayBuild
{
    public List<string> Ran { get; } = [];

    protected ITargetDefinition Record(ITargetDefinition definition, string name) => definition.Executes(() => Ran.Add(name));
}

public class ChainBuild : RecordingBuild
{
    public Target Clean => _ => Record(_, "Clean");
    public Target Restore => _ => Record(_, "Restore");
    public Target Compile => _ => Record(_.DependsOn(Restore), "Compile");
    public Target Test => _ => Record(_.DependsOn(Compile), "Test");
    public Target Pack => _ => Record(_.DependsOn(Compile).After(Test, Clean), "Pack");
}

public class CycleBuild : RecordingBuild
{
    public Target A => _ => Record(_.DependsOn(B), "A");
    public Target B => _ => Record(_.DependsOn(C), "B");
    public Target C => _ => Record(_.After(A), "C");
    public Target Free => _ => Record(_, "Free");
}

public class SelfCycleBuild : RecordingBuild
{
    public Target Free => _ => Record(_, "Free");
    public Target Loop => _ => Record(_.DependsOn(Loop), "Loop");
}

public class RelationsBuild : RecordingBuild
{
    public Target Setup => _ => Record(_.DependentFor(Work), "Setup");
    public Target Work => _ => Record(_.Triggers(Notify), "Work");
    public Target Notify => _ => Record(_, "Notify");
    public Target Audit => _ => Record(_.TriggeredBy(Work), "Audit");
    public Target Late => _ => Record(_.Before(Setup), "Late");
}

public class ConditionBuild : RecordingBuild
{
    public bool Enabled { get; set; }
    public bool DynamicEnabled { get; set; }
    public Target Restore => _ => Record(_, "Restore");
    public Target Shared => _ => Record(_, "Shared");
    public Target Compile => _ => Record(_.DependsOn(Restore, Shared), "Compile");
    public Target Publish => _ => Record(_.DependsOn(Compile).OnlyWhenStatic(() => Enabled).WhenSkipped(DependencyBehavior.Skip).Triggers(Announce), "Publish");
    public Target Lint => _ => Record(_.DependsOn(Shared), "Lint");
    public Target Announce => _ => Record(_, "Announce");
    public Target Deploy => _ => Record(_.OnlyWhenDynamic(() => DynamicEnabled), "Deploy");
    public string? AlreadyDone { get; set; }
    public Target Build => _ => Record(_.SkipWhenDynamic(() => AlreadyDone == "throw" ? throw new InvalidOperationException("no registry answers") : AlreadyDone), "Build");
    public Target Push => _ => Record(_.DependsOn(Build), "Push");
}

public interface ICompileComponent : ISlipwayBuild
{
    List<string> Ran { get; }
    Target Compile => _ => _.Description("Component compile").Executes(() => Ran.Add("component-compile"));
}

public interface ITestComponent : ICompileComponent
{
    Target Test => _ => _.DependsOn(Compile).Executes(() => Ran.Add("component-test"));
}

public class ComponentBuild : RecordingBuild, ITestComponent
{
    Target ICompileComponent.Compile => _ => _.Inherit<ICompileComponent>().Executes(() => Ran.Add("override"));
    public Target Pack => _ => Record(_.DependsOn<ITestComponent>(x => x.Test), "Pack");
    public Target Maybe => _ => Record(_.TryDependsOn<IMissingComponent>(x => x.Missing), "Maybe");
}

public interface IMissingComponent : ISlipwayBuild
{
    Target Missing => _ => _;
}

public interface IDeployA : ISlipwayBuild
{
    Target Deploy => _ => _.Executes(() => { });
}

public interface IDeployB : ISlipwayBuild
{
    Target Deploy => _ => _.Executes(() => { });
}

public class ClashBuild : SlipwayBuild, IDeployA, IDeployB;

public class BaseBuild : RecordingBuild
{
    public virtual Target Compile => _ => Record(_, "base-compile");
}

public class DerivedBuild : BaseBuild
{
    public override Target Compile => _ => Record(_.Base(), "derived-compile");
}
