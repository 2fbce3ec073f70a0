import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';
import './page.css';

// The page is served by the gateway itself, so the endpoint is this origin's /graphql.
const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.origin).toString() });

const defaultQuery = `# Welcome to the CommerceGateway GraphQL IDE.
# Put a token in the Headers tab (see above), then run:
query Channels {
  channels {
    name
    adapter
    capabilities
  }
}
`;

createRoot(document.getElementById('graphiql')).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery,
    defaultHeaders: '{\n  "Authorization": "Bearer <paste a token here>"\n}',
    defaultEditorToolsVisibility: 'headers',
    shouldPersistHeaders: false,
  }),
);
