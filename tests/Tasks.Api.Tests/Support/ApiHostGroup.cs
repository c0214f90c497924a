namespace Tasks.Api.Tests.Support;

/// <summary>One service host for every API test class: starting a host costs seconds, and tests use distinct names.</summary>
[CollectionDefinition(Name)]
public sealed class ApiHostGroup : ICollectionFixture<ApiHost>
{
    public const string Name = "api";
}
