using System.Collections;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Slipway.CommandLine;
using Slipway.Execution;
using Slipway.Hosts;
using Slipway.IO;
using Slipway.Logging;
using Slipway.Output;
using Slipway.Parameters;

namespace Slipway;

/// <summary>Runs a build: arguments, root, host, parameters, targets, plan, requirements, execution, summary.</summary>
public static class BuildRunner
{
    /// <summary>Exit code of a run whose invocation or definition is wrong (unknown target, bad parameter, cycle).</summary>
    public const int InvalidInvocation = 2;

    /// <summary>Exit code of a run that a target failed or that was aborted.</summary>
    public const int Failed = 1;

    internal static int RunFromProcess(Func<SlipwayBuild> create, IReadOnlyList<Func<object, Target>> defaults)
    {
        using var abort = new CancellationTokenSource();
        using var kill = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            // First signal aborts the running target, the second stops clean-up targets; a third terminates at once.
            if (kill.IsCancellationRequested)
                return;
            context.Cancel = true;
            if (abort.IsCancellationRequested)
                kill.Cancel();
            else
                abort.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        var environment = System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(x => (string)x.Key, x => (string?)x.Value, StringComparer.Ordinal);
        return Run(create, defaults, new BuildRunOptions
        {
            Arguments = System.Environment.GetCommandLineArgs().Skip(1).ToList(),
            Environment = environment,
            OutputIsTerminal = !Console.IsOutputRedirected,
            InputIsTerminal = !Console.IsInputRedirected,
            Prompt = new ConsolePrompt(),
            Abort = abort.Token,
            Kill = kill.Token,
            ProgramDirectory = AppContext.BaseDirectory,
        });
    }

    /// <summary>Runs a build with explicit process inputs and returns the exit code.</summary>
    public static int Run(Func<SlipwayBuild> create, IReadOnlyList<Func<object, Target>> defaults, BuildRunOptions options)
    {
        var logger = new Logger(options.Output, clock: options.Clock);
        Log.Use(logger);
        try
        {
            return RunCore(create, defaults, options, logger);
        }
        catch (BuildDefinitionException exception)
        {
            logger.Write(LogLevel.Error, exception.Message);
            return InvalidInvocation;
        }
    }

    private static int RunCore(Func<SlipwayBuild> create, IReadOnlyList<Func<object, Target>> defaults, BuildRunOptions options, Logger logger)
    {
        var arguments = ParsedArguments.Parse(options.Arguments);
        var root = FindRoot(arguments.Root, options);
        var host = arguments.Host is { } hostName
            ? Host.Create(hostName, options.Environment, options.OutputIsTerminal)
            : Host.Detect(options.Environment, options.OutputIsTerminal);
        logger.Verbosity = arguments.Verbosity ?? Verbosity.Normal;
        logger.Colors = host.SupportsColors;
        var session = new BuildSession
        {
            Root = root,
            Host = host,
            Logger = logger,
            Environment = options.Environment,
            IsInteractive = !host.IsServerBuild && options.InputIsTerminal && options.Prompt is not null,
            IsPlanOnly = arguments.Plan,
            Prompt = !host.IsServerBuild && options.InputIsTerminal ? options.Prompt : null,
            CancellationToken = options.Abort,
        };

        var build = create();
        try
        {
            build.Attach(session);
            var parameters = new ParameterService(ParameterDescriptor.Discover(build.GetType()), root, options.Environment, logger, session.Prompt);
            session.Parameters = parameters;
            if (arguments.Command is { } command)
                return SecretCommand.Run(command, arguments.CommandArguments, arguments.Profiles, parameters, root, options, logger);

            parameters.DecryptSecrets = !arguments.Help && !arguments.Plan;
            parameters.Resolve(build, arguments, arguments.Profiles);
            // Parameter files may name the targets to run and skip (e.g. a CI profile); the command line wins.
            if (arguments.Targets.Count == 0 && parameters.BuiltInFileValue("Target") is { } fileTargets)
                arguments.Targets.AddRange(fileTargets);
            if (arguments.Skip is null && parameters.BuiltInFileValue("Skip") is { } fileSkips)
                arguments.UseSkip(fileSkips);
            var targets = TargetFactory.Create(build);
            session.Targets = targets;
            var defaultTargets = defaults.Select(x => targets.FirstOrDefault(t => Equals(t.Factory, x(build)))
                ?? throw new BuildDefinitionException("A default target passed to Execute<T>() is not a Target property of the build.")).ToList();
            SchemaWriter.WriteIfChanged(root / ".nuke" / "build.schema.json", SchemaWriter.Render(targets, parameters.Parameters));
            build.RaiseBuildCreated();

            if (arguments.Help || (arguments.Targets.Count == 0 && defaultTargets.Count == 0))
            {
                logger.WriteRaw(HelpText.Render(build.GetType().Name, targets, defaultTargets, parameters.Parameters), LogLevel.Error);
                return 0;
            }

            var plan = ExecutionPlanner.Plan(targets, new PlanRequest(arguments.Targets, defaultTargets, arguments.Skip, options.Abort));
            session.Plan = plan;
            var attempt = new BuildAttempt(session.TemporaryDirectory, options.Arguments);
            if (arguments.Continue)
                ContinueFrom(attempt, plan, logger);
            if (arguments.Plan)
            {
                logger.WriteRaw(PlanText.Render(plan), LogLevel.Error);
                if (PlanText.RenderDetailsAsync(plan, options.Abort).GetAwaiter().GetResult() is { Length: > 0 } details)
                    logger.WriteRaw(details, LogLevel.Error);
                return 0;
            }

            RequirementValidator.Validate(build, session, plan);
            PreflightValidator.ValidateAsync(plan, options.Abort).GetAwaiter().GetResult();
            if (!arguments.NoLogo)
                logger.Write(LogLevel.Information, $"Slipway build '{build.GetType().Name}' on {host.Name} in {root}");
            using var logFile = logger.AttachFile(OpenLogFile(session.TemporaryDirectory));
            build.RaiseBuildInitialized();
            attempt.Start(plan.Where(x => x.SkipReason == ContinuedReason).Select(x => x.Name));

            using var announce = options.Abort.Register(() =>
                logger.Write(LogLevel.Warning, "Cancellation requested: aborting the running target. Clean-up targets still run; press Ctrl-C again to stop them too."));
            var stopwatch = Stopwatch.StartNew();
            var started = options.Clock();
            // A file left by an earlier run must never be sourced as this run's exports.
            File.Delete(session.TemporaryDirectory / ExportedVariablesFile.FileName);
            new BuildExecutor(build, session, attempt).ExecuteAsync(plan, options.Abort, options.Kill).GetAwaiter().GetResult();
            var succeeded = plan.All(x => x.Status is not (ExecutionStatus.Failed or ExecutionStatus.Aborted or ExecutionStatus.NotRun));
            if (succeeded)
                attempt.Clear();

            RepeatProblems(logger);
            logger.WriteRaw(Environment.NewLine + SummaryTable.Render(plan, stopwatch.Elapsed), LogLevel.Error);
            var aborted = plan.Any(x => x.Status == ExecutionStatus.Aborted) || options.Abort.IsCancellationRequested;
            var outcome = succeeded ? "succeeded" : aborted ? "was aborted" : "failed";
            WriteRunFiles(session, new RunRecordInput(build.GetType().Name, succeeded ? "succeeded" : aborted ? "aborted" : "failed", started, options.Clock(), host, plan, ExportedVariablesOf(session)));
            logger.WriteRaw($"{Environment.NewLine}Build {outcome} on {options.Clock():yyyy-MM-dd HH:mm:ss}.{(succeeded ? "" : " Re-run the same command with --continue to resume.")}", LogLevel.Error);
            build.RaiseBuildFinished(succeeded);
            return succeeded ? 0 : Failed;

        }
        finally
        {
            // Build-scoped resources (the local AWS platform, temporary credentials folders) end with the run, whatever its outcome.
            session.DisposeResources();
        }
    }

    private static List<KeyValuePair<string, string>> ExportedVariablesOf(BuildSession session)
    {
        lock (session.ExportedVariables)
            return session.ExportedVariables.ToList();
    }

    /// <summary>Writes the exported variables and the run record; a failure to write them is a warning, never the build's outcome.</summary>
    private static void WriteRunFiles(BuildSession session, RunRecordInput record)
    {
        try
        {
            session.TemporaryDirectory.CreateDirectory();
            File.WriteAllText(session.TemporaryDirectory / ExportedVariablesFile.FileName, ExportedVariablesFile.Render(record.ExportedVariables));
            File.WriteAllText(session.TemporaryDirectory / RunRecord.FileName, RunRecord.Render(record, session.Logger.Masker));
        }
        catch (IOException exception)
        {
            session.Logger.Write(LogLevel.Warning, $"Writing the run's exported variables and record under '{session.TemporaryDirectory}' failed: {exception.Message}");
        }
    }

    internal const string ContinuedReason = "succeeded in the previous attempt (--continue)";

    private static void ContinueFrom(BuildAttempt attempt, IReadOnlyList<ExecutableTarget> plan, Logger logger)
    {
        var previous = attempt.PreviousSuccesses();
        if (previous is null)
        {
            logger.Write(LogLevel.Warning, "--continue: no earlier attempt of this exact command was recorded; running every planned target.");
            return;
        }

        foreach (var target in plan.Where(x => x.Status == ExecutionStatus.Scheduled && previous.Contains(x.Name)))
        {
            target.Status = ExecutionStatus.Skipped;
            target.SkipReason = ContinuedReason;
        }
    }

    private static void RepeatProblems(Logger logger)
    {
        var problems = logger.Problems;
        if (problems.Count == 0)
            return;
        logger.WriteRaw($"{Environment.NewLine}Repeating warnings and errors:", problems.Max(x => x.Level));
        foreach (var (level, message) in problems)
            logger.WriteRaw($"  [{(level == LogLevel.Error ? "ERR" : "WRN")}] {message.Split('\n')[0].TrimEnd('\r')}", level);
    }

    /// <summary>The root: --root, else the nearest ancestor holding <c>.nuke/</c> of the program, else of the working directory.</summary>
    private static AbsolutePath FindRoot(string? explicitRoot, BuildRunOptions options)
    {
        if (explicitRoot is not null)
        {
            var path = AbsolutePath.Create(explicitRoot, options.WorkingDirectory);
            return path.DirectoryExists
                ? path
                : throw new BuildDefinitionException($"--root '{explicitRoot}' does not exist. Pass the repository folder that holds .nuke/.");
        }

        foreach (var start in new[] { options.ProgramDirectory, options.WorkingDirectory }.OfType<string>())
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
                    return AbsolutePath.Create(directory.FullName);
            }
        }

        throw new BuildDefinitionException(
            $"No .nuke/ folder was found above '{options.WorkingDirectory}'. Run from inside the repository, create the folder at its root, or pass --root PATH.");
    }

    /// <summary>Opens .nuke/temp/build.log, keeping the last five logs as build.1.log ... build.4.log.</summary>
    private static StreamWriter OpenLogFile(AbsolutePath temporary)
    {
        temporary.CreateDirectory();
        for (var i = 4; i >= 1; i--)
        {
            var from = temporary / (i == 1 ? "build.log" : $"build.{i - 1}.log");
            if (from.FileExists)
                File.Move(from, temporary / $"build.{i}.log", overwrite: true);
        }

        return new StreamWriter(temporary / "build.log") { AutoFlush = false };
    }
}
