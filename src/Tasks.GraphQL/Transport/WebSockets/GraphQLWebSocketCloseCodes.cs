namespace Tasks.GraphQL.Transport.WebSockets;

/// <summary>The close codes of the <c>graphql-transport-ws</c> protocol, with the reasons the reference server sends.</summary>
internal static class GraphQLWebSocketCloseCodes
{
    /// <summary>A message of unknown type or wrong shape; the reason says what is wrong.</summary>
    public const int BadRequest = 4400;

    /// <summary>A <c>subscribe</c> before the connection was acknowledged.</summary>
    public const int Unauthorized = 4401;

    /// <summary>The host's <c>connection_init</c> hook refused the connection.</summary>
    public const int Forbidden = 4403;

    /// <summary>The client did not ask for <c>graphql-transport-ws</c>.</summary>
    public const int SubprotocolNotAcceptable = 4406;

    /// <summary>No <c>connection_init</c> within the allowed time.</summary>
    public const int ConnectionInitialisationTimeout = 4408;

    /// <summary>A <c>subscribe</c> reused the id of an operation still running.</summary>
    public const int SubscriberAlreadyExists = 4409;

    /// <summary>A second <c>connection_init</c>.</summary>
    public const int TooManyInitialisationRequests = 4429;

    /// <summary>The server failed unexpectedly while handling a message.</summary>
    public const int InternalServerError = 4500;

    /// <summary>RFC 6455 "going away": the server is shutting down.</summary>
    public const int GoingAway = 1001;

    /// <summary>RFC 6455 "message too big".</summary>
    public const int MessageTooBig = 1009;
}
