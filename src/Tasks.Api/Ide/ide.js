// Starts GraphiQL for the GraphQL endpoint that served the page. The page's JSON data block (#graphiql-config)
// carries the endpoint path, the headers to prefill and the nonce the page's CSP allows for <style> elements.
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  var placeholder = '<paste token>';

  // GraphiQL's dialogs (react-remove-scroll) add a <style> element carrying this nonce when it is set.
  window.__webpack_nonce__ = config.styleNonce;

  var endpoint = new URL(config.endpoint, window.location.href);
  var subscriptionUrl = new URL(endpoint.href);
  subscriptionUrl.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

  // HTTP for queries and mutations, graphql-transport-ws for subscriptions; for the latter GraphiQL sends the
  // headers editor's content as the connection_init payload, so {"Authorization": "Bearer ..."} reaches the server.
  var send = GraphiQL.createFetcher({ url: endpoint.href, subscriptionUrl: subscriptionUrl.href });

  // Headers still holding the placeholder are left out rather than sent as a bogus token; the schema (and every
  // request) loads once a real token is pasted.
  function withoutPlaceholders(headers) {
    var kept = {};
    Object.keys(headers || {}).forEach(function (name) {
      var value = headers[name];
      if (typeof value !== 'string' || value.indexOf(placeholder) === -1) {
        kept[name] = value;
      }
    });
    return kept;
  }

  function fetcher(params, options) {
    var opts = Object.assign({}, options);
    opts.headers = withoutPlaceholders(opts.headers);
    return send(params, opts);
  }

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultHeaders: config.defaultHeaders,
      defaultEditorToolsVisibility: 'headers',
    }),
  );
})();
