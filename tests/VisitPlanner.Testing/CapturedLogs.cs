using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VisitPlanner.Testing;

/// <summary>A logger provider that keeps every formatted message, with its exception, at every level.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public string All => string.Join(Environment.NewLine, _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    /// <summary>A logger for <typeparamref name="T"/> that writes here, for classes built without a host.</summary>
    public ILogger<T> For<T>() => new Typed<T>(CreateLogger(typeof(T).FullName!));

    /// <summary>
    /// Waits until a line matching <paramref name="match"/> is logged: a host may log a request after its answer has
    /// reached the client (the dev host's request line does), so a test must not look the moment the answer arrives.
    /// </summary>
    public async Task<string> WaitForAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (_lines.FirstOrDefault(match) is { } line) return line;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("No log line matched within the timeout.");
            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
    }

    private sealed class Typed<T>(ILogger inner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
