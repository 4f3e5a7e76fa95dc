/**
 * GraphiQL as the API serves it (GET /graphql from a browser, and /graphiql): bundled at build
 * time from the project's own dependencies, so it loads nothing from another origin. The
 * README's example operations are its tabs, the headers editor holds a place for the API key,
 * and the docs explorer reads the schema by introspection.
 */
import 'graphiql/style.css';
import './page.css';
import { GraphiQL } from 'graphiql';
import type { ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

// Monaco runs its language services in web workers, bundled next to this file (same origin,
// so the page's Content-Security-Policy needs no blob: or other origin for them).
const workerUrl = (file: string): URL => new URL(file, import.meta.url);
(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const { workers } = __GRAPHIQL__;
    const file =
      label === 'graphql' ? workers.graphql : label === 'json' ? workers.json : workers.editor;
    return new Worker(workerUrl(file), { name: label });
  },
};

/** The API on the same origin: the bundle lives in /graphiql/assets/, the API at /graphql. */
const endpoint = new URL('../../graphql', import.meta.url).href;

const fetcher: Fetcher = async (params, options) => {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      ...(options?.headers as Record<string, string> | undefined),
    },
    body: JSON.stringify(params),
  });
  return response.json();
};

/** JSONC: the comments are kept by the editor and ignored when the request is sent. */
const HEADERS = `{
  // Queries need no key (unless ALLOW_ANONYMOUS_READS=false);
  // mutations need an editor key:
  //   npm run apikey -- create --name me --role editor
  // Paste it here and remove the // in front of:
  // "Authorization": "Bearer <api key>"
}
`;

const tabs = __GRAPHIQL__.tabs.map((tab) => ({
  query: tab.query,
  variables: tab.variables,
  headers: HEADERS,
}));

const root = document.getElementById('graphiql');
if (!root) throw new Error('GraphiQL: no #graphiql element in the page.');
createRoot(root).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={tabs}
    defaultHeaders={HEADERS}
    defaultEditorToolsVisibility="headers"
    shouldPersistHeaders={false}
  />,
);
