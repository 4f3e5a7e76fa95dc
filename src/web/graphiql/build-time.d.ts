/** Constants the build (src/cli/build-web.ts) writes into the bundle. */
declare const __GRAPHIQL__: {
  /** File names of the Monaco workers, next to the bundle. */
  workers: { editor: string; json: string; graphql: string };
  /** The README's example operations, one tab each. */
  tabs: { title: string; line: number; query: string; variables: string }[];
};

/** Stylesheets imported for their side effect: esbuild bundles them into the page's CSS. */
declare module '*.css';
