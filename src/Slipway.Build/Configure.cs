namespace Slipway;

/// <summary>A hook that changes a request before a component sends it, e.g. <c>Configure&lt;DockerBuildRequest&gt; DockerBuildSettings => _ => _ with { Target = "runtime" };</c>.</summary>
public delegate T Configure<T>(T settings);
