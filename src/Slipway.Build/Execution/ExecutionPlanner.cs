using Slipway.Text;

namespace Slipway.Execution;

/// <summary>What to plan: the targets asked for and what to skip; the token reaches awaited static conditions.</summary>
internal sealed record PlanRequest(
    IReadOnlyList<string> InvokedTargets,
    IReadOnlyList<ExecutableTarget> DefaultTargets,
    IReadOnlyList<string>? SkippedTargets,
    CancellationToken CancellationToken = default);

/// <summary>Orders the targets of a run: schedules dependencies and triggers, evaluates static conditions and skips, and sorts topologically.</summary>
internal static class ExecutionPlanner
{
    /// <summary>Plans the run; the returned list is the execution order, with each target's status set to Scheduled or Skipped.</summary>
    public static IReadOnlyList<ExecutableTarget> Plan(IReadOnlyList<ExecutableTarget> targets, PlanRequest request)
    {
        CheckForCycles(targets);
        var invoked = request.InvokedTargets.Count > 0
            ? request.InvokedTargets.Select(x => Find(x, targets)).Distinct().ToList()
            : request.DefaultTargets.ToList();
        foreach (var target in targets)
        {
            target.Status = ExecutionStatus.None;
            target.IsInvoked = invoked.Contains(target);
            target.IsDefault = request.DefaultTargets.Contains(target);
        }

        var explicitSkips = request.SkippedTargets is { Count: > 0 } names ? names.Select(x => Find(x, targets)).ToHashSet() : null;
        var skipAllButInvoked = request.SkippedTargets is { Count: 0 };
        var staticResults = new Dictionary<ExecutableTarget, string?>();
        var skipped = new Dictionary<ExecutableTarget, string>();
        Dictionary<ExecutableTarget, string> scheduled;
        while (true)
        {
            var before = skipped.Count;
            scheduled = Schedule(invoked, request.InvokedTargets.Count > 0 ? "invoked" : "default target", skipped);
            foreach (var target in scheduled.Keys.OrderBy(x => x.Index))
            {
                if (skipped.ContainsKey(target))
                    continue;
                if (explicitSkips?.Contains(target) == true || (skipAllButInvoked && !invoked.Contains(target)))
                    skipped[target] = "--skip";
                else if (StaticSkipReason(target, staticResults, request.CancellationToken) is { } reason)
                    skipped[target] = reason;
            }

            PropagateSkips(scheduled, invoked, skipped);
            if (skipped.Count == before)
                break;
        }

        var ordered = Sort(scheduled.Keys.ToList());
        foreach (var target in ordered)
        {
            target.PlanReason = scheduled[target];
            if (skipped.TryGetValue(target, out var reason))
            {
                target.Status = ExecutionStatus.Skipped;
                target.SkipReason = reason;
            }
            else
            {
                target.Status = ExecutionStatus.Scheduled;
            }
        }

        return ordered;
    }

    /// <summary>Finds a target by name, ignoring case and hyphens; an unknown name fails with the available targets.</summary>
    public static ExecutableTarget Find(string name, IReadOnlyList<ExecutableTarget> targets)
    {
        var normalized = Suggestions.Normalize(name);
        return targets.FirstOrDefault(x => Suggestions.Normalize(x.Name) == normalized)
            ?? throw new BuildDefinitionException(
                $"Target '{name}' does not exist.{Suggestions.DidYouMean(name, targets.Select(x => x.Name))} " +
                $"Available targets are: {string.Join(", ", targets.Where(x => !x.IsUnlisted).Select(x => x.Name).OrderBy(x => x, StringComparer.Ordinal))}.");
    }

    /// <summary>The targets reachable from the invoked ones through dependencies, and through triggers of targets not skipped, each with the first reason found.</summary>
    private static Dictionary<ExecutableTarget, string> Schedule(List<ExecutableTarget> invoked, string invokedReason, Dictionary<ExecutableTarget, string> skipped)
    {
        var reasons = new Dictionary<ExecutableTarget, string>();
        var queue = new Queue<ExecutableTarget>();
        foreach (var target in invoked)
        {
            reasons[target] = invokedReason;
            queue.Enqueue(target);
        }
        while (queue.Count > 0)
        {
            var target = queue.Dequeue();
            foreach (var dependency in target.Dependencies.Where(x => !reasons.ContainsKey(x)))
            {
                reasons[dependency] = $"dependency of '{target.Name}'";
                queue.Enqueue(dependency);
            }

            if (skipped.ContainsKey(target))
                continue;
            foreach (var triggered in target.Triggers.Where(x => !reasons.ContainsKey(x)))
            {
                reasons[triggered] = $"triggered by '{target.Name}'";
                queue.Enqueue(triggered);
            }
        }

        return reasons;
    }

    private static string? StaticSkipReason(ExecutableTarget target, Dictionary<ExecutableTarget, string?> cache, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(target, out var cached))
            return cached;
        string? reason = null;
        foreach (var condition in target.Definition.StaticConditions)
        {
            bool holds;
            try
            {
                // Planning is synchronous and runs once on the runner's own thread, which has no synchronization context to deadlock.
                holds = condition.Evaluate(cancellationToken).GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                throw new BuildDefinitionException($"The condition '{condition.Text}' of target '{target.Name}' threw: {exception.Message}");
            }

            if (!holds)
            {
                reason = $"OnlyWhenStatic: {condition.Text}";
                break;
            }
        }

        cache[target] = reason;
        return reason;
    }

    /// <summary>WhenSkipped(Skip): dependencies that only skipped targets need are skipped as well, transitively.</summary>
    private static void PropagateSkips(Dictionary<ExecutableTarget, string> scheduled, List<ExecutableTarget> invoked, Dictionary<ExecutableTarget, string> skipped)
    {
        var spreading = new Queue<ExecutableTarget>(skipped.Keys.Where(x => x.Definition.SkipBehavior == DependencyBehavior.Skip).OrderBy(x => x.Index));
        while (spreading.Count > 0)
        {
            var target = spreading.Dequeue();
            foreach (var dependency in target.Dependencies)
            {
                if (skipped.ContainsKey(dependency) || invoked.Contains(dependency) || !scheduled.ContainsKey(dependency))
                    continue;
                if (scheduled.Keys.Any(x => x.Dependencies.Contains(dependency) && !skipped.ContainsKey(x)))
                    continue;
                skipped[dependency] = $"'{target.Name}' was skipped (WhenSkipped)";
                spreading.Enqueue(dependency);
            }
        }
    }

    /// <summary>Kahn's algorithm; among ready targets the one declared first runs first, so the order is deterministic.</summary>
    private static List<ExecutableTarget> Sort(List<ExecutableTarget> scheduled)
    {
        var set = scheduled.ToHashSet();
        var predecessors = scheduled.ToDictionary(x => x, x => Predecessors(x).Where(set.Contains).Distinct().ToHashSet());
        var ready = new SortedSet<ExecutableTarget>(predecessors.Where(x => x.Value.Count == 0).Select(x => x.Key), Comparer<ExecutableTarget>.Create((a, b) => a.Index.CompareTo(b.Index)));
        var order = new List<ExecutableTarget>();
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(next);
            foreach (var (target, pending) in predecessors)
            {
                if (pending.Remove(next) && pending.Count == 0)
                    ready.Add(target);
            }
        }

        return order;
    }

    private static IEnumerable<ExecutableTarget> Predecessors(ExecutableTarget target) =>
        target.Dependencies.Concat(target.OrderAfter).Concat(target.TriggeredBy);

    /// <summary>Reports every cycle among all targets (any relation kind), one line per cycle.</summary>
    private static void CheckForCycles(IReadOnlyList<ExecutableTarget> targets)
    {
        var cycles = StronglyConnected(targets)
            .Where(x => x.Count > 1 || Predecessors(x[0]).Contains(x[0]))
            .Select(DescribeCycle)
            .ToList();
        if (cycles.Count > 0)
            throw new BuildDefinitionException("Circular dependencies between targets:" + string.Concat(cycles.Select(x => Environment.NewLine + "  " + x)));
    }

    /// <summary>Tarjan's strongly connected components over the "runs before" graph.</summary>
    private static List<List<ExecutableTarget>> StronglyConnected(IReadOnlyList<ExecutableTarget> targets)
    {
        var index = 0;
        var indices = new Dictionary<ExecutableTarget, int>();
        var lowLinks = new Dictionary<ExecutableTarget, int>();
        var stack = new Stack<ExecutableTarget>();
        var result = new List<List<ExecutableTarget>>();

        void Visit(ExecutableTarget target)
        {
            indices[target] = lowLinks[target] = index++;
            stack.Push(target);
            foreach (var next in Predecessors(target))
            {
                if (!indices.ContainsKey(next))
                {
                    Visit(next);
                    lowLinks[target] = Math.Min(lowLinks[target], lowLinks[next]);
                }
                else if (stack.Contains(next))
                {
                    lowLinks[target] = Math.Min(lowLinks[target], indices[next]);
                }
            }

            if (lowLinks[target] != indices[target])
                return;
            var component = new List<ExecutableTarget>();
            ExecutableTarget member;
            do
            {
                member = stack.Pop();
                component.Add(member);
            }
            while (member != target);
            result.Add(component.OrderBy(x => x.Index).ToList());
        }

        foreach (var target in targets.Where(x => !indices.ContainsKey(x)))
            Visit(target);
        return result;
    }

    /// <summary>One concrete cycle inside a strongly connected component, written "A -> B -> A" in run-before order.</summary>
    private static string DescribeCycle(List<ExecutableTarget> component)
    {
        var members = component.ToHashSet();
        var start = component[0];
        var path = new List<ExecutableTarget> { start };
        var visited = new HashSet<ExecutableTarget> { start };

        bool Walk(ExecutableTarget current)
        {
            foreach (var next in Predecessors(current).Where(members.Contains))
            {
                if (next == start)
                    return true;
                if (!visited.Add(next))
                    continue;
                path.Add(next);
                if (Walk(next))
                    return true;
                path.RemoveAt(path.Count - 1);
            }

            return false;
        }

        Walk(start);
        // Each arrow points at a target that must run first, so "A -> B -> A" reads "A needs B needs A".
        return string.Join(" -> ", path.Append(start).Select(x => x.Name));
    }
}
