using FsCheck;
using FsCheck.Fluent;

namespace Tasks.Domain.Tests.Support;

internal static class Properties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(500);

    /// <summary>Checks <paramref name="law"/> for 500 generated values; a failing value is reported in the exception.</summary>
    public static void ForAll<T>(Gen<T> generator, Action<T> law) =>
        Check.One(Config, Prop.ForAll(Arb.From(generator), law));

    /// <summary>A monotone clock: each command gets a time no earlier than the one before.</summary>
    public static Gen<T[]> Sequence<T>(Gen<Func<DateTimeOffset, T>> step, Gen<int> advanceSeconds) =>
        from steps in Gen.ListOf(from advance in advanceSeconds from make in step select (advance, make))
        select Materialize(steps);

    private static T[] Materialize<T>(IEnumerable<(int Advance, Func<DateTimeOffset, T> Make)> steps)
    {
        var clock = Time.T0;
        var commands = new List<T>();
        foreach (var (advance, make) in steps)
        {
            clock = clock.AddSeconds(advance);
            commands.Add(make(clock));
        }

        return [.. commands];
    }

    public static Gen<T?> OrNull<T>(Gen<T> generator)
        where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (3, generator.Select(x => (T?)x)));
}
