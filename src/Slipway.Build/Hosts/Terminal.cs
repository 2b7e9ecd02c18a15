namespace Slipway.Hosts;

/// <summary>A developer's shell: prompts allowed when a person is at the terminal, colours when output is a terminal.</summary>
public sealed class Terminal(IReadOnlyDictionary<string, string?> environment, bool outputIsTerminal) : Host(environment)
{
    /// <inheritdoc />
    public override string Name => "Terminal";

    /// <inheritdoc />
    public override bool IsServerBuild => false;

    /// <inheritdoc />
    public override bool SupportsColors => outputIsTerminal && Variable("NO_COLOR") is null && Variable("TERM") != "dumb";
}
