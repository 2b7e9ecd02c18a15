namespace Slipway.EcsDeploy.Deployments;

/// <summary>How following one deployment ended.</summary>
public enum DeploymentOutcome
{
    /// <summary>Its rolloutState reached COMPLETED while it was PRIMARY.</summary>
    Completed,

    /// <summary>Its rolloutState became FAILED while it was still PRIMARY.</summary>
    Failed,

    /// <summary>It is no longer among the service's deployments.</summary>
    Disappeared,

    /// <summary>Another deployment became PRIMARY: the circuit breaker's rollback or someone else's deploy.</summary>
    Superseded,

    /// <summary>The caller's timeout passed first.</summary>
    TimedOut,
}
