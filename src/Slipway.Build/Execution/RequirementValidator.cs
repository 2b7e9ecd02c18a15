using System.Collections;
using Slipway.Parameters;

namespace Slipway.Execution;

/// <summary>Checks the requirements of every target still scheduled before anything runs; on a terminal, asks for missing parameters.</summary>
internal static class RequirementValidator
{
    /// <summary>Throws one error listing every unmet requirement.</summary>
    public static void Validate(SlipwayBuild build, BuildSession session, IReadOnlyList<ExecutableTarget> plan)
    {
        var errors = new List<string>();
        foreach (var target in plan.Where(x => x.Status == ExecutionStatus.Scheduled))
        {
            foreach (var requirement in target.Definition.Requirements)
            {
                if (requirement.Predicate is { } predicate)
                {
                    if (!predicate())
                        errors.Add($"Target '{target.Name}' requires '{requirement.Text}', which is false.");
                    continue;
                }

                if (!IsMissing(requirement.Parameter!()))
                    continue;
                var parameter = requirement.MemberName is { } member ? session.Parameters?.ForMember(member) : null;
                if (parameter is not null && TryPrompt(build, session, target, parameter) && !IsMissing(requirement.Parameter!()))
                    continue;
                errors.Add(parameter is null
                    ? $"Target '{target.Name}' requires '{requirement.Text}' to have a value."
                    : $"Target '{target.Name}' requires parameter '{parameter.Name}'. Pass {parameter.CliName} VALUE, set the environment variable {parameter.EnvironmentName}, " +
                      $"or add \"{parameter.Name}\" to .nuke/parameters.json{(parameter.IsSecret ? $" (encrypted: ./build.sh :secrets set {parameter.Name})" : "")}.");
            }
        }

        if (errors.Count > 0)
            throw new BuildDefinitionException(string.Join(Environment.NewLine, errors));
    }

    private static bool TryPrompt(SlipwayBuild build, BuildSession session, ExecutableTarget target, ParameterDescriptor parameter)
    {
        if (!session.IsInteractive || session.Prompt is null)
            return false;
        var description = parameter.Description is { } text ? $" — {text}" : "";
        var answer = session.Prompt.Ask($"Target '{target.Name}' requires '{parameter.Name}'{description}. {parameter.Name}: ", parameter.IsSecret);
        if (string.IsNullOrEmpty(answer))
            return false;
        try
        {
            session.Parameters!.Set(build, parameter, session.Parameters.Convert(parameter, ParameterService.Split(parameter, answer)), "prompt");
            return true;
        }
        catch (ParameterValueException exception)
        {
            throw new BuildDefinitionException($"Parameter '{parameter.Name}' ({parameter.CliName}) from the prompt: {exception.Message}.");
        }
    }

    /// <summary>Null, an empty string and an empty collection count as missing.</summary>
    internal static bool IsMissing(object? value) => value switch
    {
        null => true,
        string text => text.Length == 0,
        ICollection collection => collection.Count == 0,
        _ => false,
    };
}
