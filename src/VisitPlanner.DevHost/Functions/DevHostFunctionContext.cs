using System.Collections.Immutable;
using System.Collections;
using Microsoft.Azure.Functions.Worker;

namespace VisitPlanner.DevHost.Functions;

/// <summary>
/// The <see cref="FunctionContext"/> the dev host hands to the app's worker middleware: the function's name and services,
/// and, for HTTP functions, the request's <see cref="HttpContext"/> under the key the ASP.NET Core integration uses, so
/// <c>context.GetHttpContext()</c> answers as it does in Azure.
/// </summary>
internal sealed class DevHostFunctionContext : FunctionContext
{
    /// <summary>Where the ASP.NET Core integration keeps the request (Worker.Extensions.Http.AspNetCore, Constants.HttpContextKey).</summary>
    public const string HttpContextKey = "HttpRequestContext";

    public DevHostFunctionContext(string functionName, IServiceProvider services, HttpContext? http, CancellationToken cancellationToken)
    {
        FunctionDefinition = new Definition(functionName);
        InstanceServices = services;
        CancellationToken = cancellationToken;
        if (http is not null) Items[HttpContextKey] = http;
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext { get; } = new NoTrace();

    public override BindingContext BindingContext { get; } = new NoBindings();

    public override RetryContext RetryContext { get; } = new NoRetries();

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new FeatureSet();

    public override CancellationToken CancellationToken { get; }

    private sealed class Definition(string name) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];
        public override string PathToAssembly => typeof(VisitPlanner.Functions.VisitPlannerServices).Assembly.Location;
        public override string EntryPoint => name;
        public override string Id => name;
        public override string Name => name;
        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class NoTrace : TraceContext
    {
        public override string TraceParent => "";
        public override string TraceState => "";
    }

    private sealed class NoBindings : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = new Dictionary<string, object?>();
    }

    private sealed class NoRetries : RetryContext
    {
        public override int RetryCount => 0;
        public override int MaxRetryCount => 0;
    }

    private sealed class FeatureSet : IInvocationFeatures
    {
        private readonly Dictionary<Type, object> _features = [];

        public void Set<T>(T instance) => _features[typeof(T)] = instance!;

        public T? Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
