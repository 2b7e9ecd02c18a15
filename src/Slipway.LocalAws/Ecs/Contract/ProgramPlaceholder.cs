// PLACEHOLDER until branch 'local-ecs' merges with 'local-aws' (merged into main as d7a1057): the project is an Exe and its real Program.cs lives there; delete this file when merging.
namespace Slipway.LocalAws.Ecs.Contract;

internal static class ProgramPlaceholder
{
    private static int Main() => 0;
}
