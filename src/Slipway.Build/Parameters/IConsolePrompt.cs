namespace Slipway.Parameters;

/// <summary>Asks the person at the terminal for a value.</summary>
public interface IConsolePrompt
{
    /// <summary>Shows <paramref name="question"/> and reads a line; a secret is read without echo. Null when input ended.</summary>
    string? Ask(string question, bool secret);
}

/// <summary>Prompts on the process's console.</summary>
public sealed class ConsolePrompt : IConsolePrompt
{
    /// <inheritdoc />
    public string? Ask(string question, bool secret)
    {
        Console.Error.Write(question);
        if (!secret)
            return Console.ReadLine();
        var value = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (value.Length > 0)
                    value.Length--;
                continue;
            }

            value.Append(key.KeyChar);
        }

        Console.Error.WriteLine();
        return value.ToString();
    }
}
