/** Constants the build (src/cli/build-web.ts) writes into the bundle. */
declare const __EXPLORER__: {
  /** File names of the web workers, next to the bundle. */
  workers: { layout: string };
};

/** Stylesheets imported for their side effect: esbuild bundles them into the page's CSS. */
declare module '*.css';

/** ForceAtlas2's iteration step and matrix helpers (the package types its layouts only). */
declare module 'graphology-layout-forceatlas2/iterate' {
  export default function iterate(
    settings: Record<string, unknown>,
    nodes: Float32Array,
    edges: Float32Array,
  ): void;
}
declare module 'graphology-layout-forceatlas2/defaults' {
  const defaults: Record<string, unknown>;
  export default defaults;
}
declare module 'graphology-layout-forceatlas2/helpers' {
  import type Graph from 'graphology';
  export function graphToByteArrays(
    graph: Graph,
    getEdgeWeight: () => number,
  ): { nodes: Float32Array; edges: Float32Array };
}
