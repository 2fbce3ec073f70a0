using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CommerceGateway.GraphQL.Execution;

namespace CommerceGateway.Benchmarks.GraphQL.Micro;

/// <summary>
/// The engine without HTTP: one checkout query through <see cref="GraphQLExecutor.ExecuteAsync"/>
/// with the document cache disabled (parse + validate + execute every time) and warm (cache hit,
/// then execute), plus the warm case with the response written as JSON, as the HTTP endpoint does.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Performance", "CA1515:Consider making public types internal", Justification = "BenchmarkDotNet only runs public benchmark classes.")]
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "BenchmarkDotNet only runs instance benchmark methods.")]
public class CheckoutQueryBenchmarks
{
    private readonly GraphQLRequest _request = new()
    {
        Query = CheckoutQuery.Text,
        OperationName = CheckoutQuery.OperationName,
        Variables = CheckoutQuery.Variables,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(8192);
    private GraphQLExecutor _uncached = null!;
    private GraphQLExecutor _cached = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var schema = CheckoutSchema.Create();
        _uncached = new GraphQLExecutor(schema, new GraphQLOptions { DocumentCacheSize = 0 });
        _cached = new GraphQLExecutor(schema);
        foreach (var executor in new[] { _uncached, _cached })
        {
            var result = await executor.ExecuteAsync(_request);
            if (result.Errors.Count > 0 || result.Data is null)
            {
                throw new InvalidOperationException("The checkout query failed: " + result.ToJson());
            }
        }
    }

    [Benchmark(Description = "uncached: parse + validate + execute")]
    public Task<ExecutionResult> Uncached() => _uncached.ExecuteAsync(_request);

    [Benchmark(Baseline = true, Description = "cached: cache hit + execute")]
    public Task<ExecutionResult> Cached() => _cached.ExecuteAsync(_request);

    [Benchmark(Description = "cached + response JSON written")]
    public async Task<int> CachedAndWritten()
    {
        var result = await _cached.ExecuteAsync(_request);
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer))
        {
            result.WriteTo(writer);
        }

        return _buffer.WrittenCount;
    }
}
