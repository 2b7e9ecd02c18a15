using System.Collections;
using Slipway.Cli;

return await SlipwayCommand.RunAsync(
    args,
    Console.Out,
    Console.Error,
    Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(x => (string)x.Key, x => (string?)x.Value));
