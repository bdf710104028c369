// GraphiQL against this gateway. Headers (Authorization, X-Community) go in its headers tab.
const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: true,
    // Signed out, the schema is still readable; the query says how to sign in.
    defaultQuery: [
      '# Sign in, then put the token in the Headers tab (values must be ASCII):',
      '#   { "Authorization": "Bearer <token>", "X-Community": "xinhua" }',
      'mutation {',
      '  login(loginName: "xinhua-admin", password: "linli-demo-2026") { token }',
      '}',
      '',
    ].join('\n'),
  }),
);
