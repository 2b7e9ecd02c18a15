using Slipway.LocalAws.Cli;

try
{
    if (args is ["--help" or "-h" or "help"])
    {
        Console.WriteLine(CommandLineArguments.Usage);
        return 0;
    }

    var command = CommandLineArguments.Parse(args);
    return command.Verb == "start"
        ? await StartCommand.RunAsync(command, Console.Out)
        : await StopCommand.RunAsync(command, Console.Out);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(CommandLineArguments.Usage);
    return 2;
}
catch (Exception exception) when (exception is InvalidOperationException or Slipway.Tooling.ToolException or IOException)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}
