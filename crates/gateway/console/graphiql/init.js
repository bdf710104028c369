// GraphiQL against this gateway. Headers (Authorization, X-Community) go in its headers tab.
const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: true,
    // Header values must be ASCII: replace TOKEN with the token `login` returns.
    defaultHeaders: '{\n  "Authorization": "Bearer TOKEN",\n  "X-Community": "xinhua"\n}',
  }),
);
