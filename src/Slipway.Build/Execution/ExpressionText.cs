namespace Slipway.Execution;

/// <summary>Turns captured lambda source text into readable reasons ("() => IsServerBuild" becomes "IsServerBuild").</summary>
internal static class ExpressionText
{
    public static string Body(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
            return "<condition>";
        var text = expression.Trim();
        var arrow = text.IndexOf("=>", StringComparison.Ordinal);
        // The lambda's head says nothing to a reader: "() =>", and for awaited checks "ct =>" or "async ct =>".
        if (arrow >= 0 && IsLambdaHead(text[..arrow]))
            text = text[(arrow + 2)..].Trim();
        return string.Join(' ', text.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool IsLambdaHead(string head)
    {
        var parameters = head.Trim();
        if (parameters.StartsWith("async ", StringComparison.Ordinal))
            parameters = parameters[6..].Trim();
        if (parameters.StartsWith('(') && parameters.EndsWith(')'))
            parameters = parameters[1..^1].Trim();
        return parameters.Length == 0 || parameters.All(c => char.IsLetterOrDigit(c) || c == '_');
    }

    /// <summary>The last identifier of a member access such as <c>this.Settings.ApiKey</c>, or null when the text is not one.</summary>
    public static string? LastIdentifier(string body)
    {
        var text = body.Trim();
        if (text.StartsWith("((", StringComparison.Ordinal) && text.Contains(')'))
            text = text[(text.LastIndexOf(')') + 1)..].TrimStart('.');
        var last = text[(text.LastIndexOf('.') + 1)..];
        return last.Length > 0 && (char.IsLetter(last[0]) || last[0] == '_') && last.All(c => char.IsLetterOrDigit(c) || c == '_')
            ? last
            : null;
    }
}
