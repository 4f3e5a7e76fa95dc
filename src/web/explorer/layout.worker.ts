/**
 * ForceAtlas2 in a web worker: the library's own iteration step, run on the matrices the page
 * sends, in slices of about 40 ms; after each slice the positions go back to the page, which
 * draws them. A newer run (or a stop) supersedes the one in progress between two slices.
 */
import iterate from 'graphology-layout-forceatlas2/iterate';

interface Run {
  run: number;
  nodes?: ArrayBuffer;
  edges?: ArrayBuffer;
  settings?: Record<string, unknown>;
  iterations?: number;
}

const scope = self as unknown as {
  onmessage: (event: MessageEvent<Run>) => void;
  postMessage: (message: unknown, transfer: Transferable[]) => void;
};
let current = 0;

scope.onmessage = (event) => {
  const message = event.data;
  current = message.run;
  if (!message.nodes || !message.edges || !message.settings) return; // a stop
  const nodes = new Float32Array(message.nodes);
  const edges = new Float32Array(message.edges);
  const settings = message.settings;
  const total = message.iterations ?? 100;
  let done = 0;
  const slice = (): void => {
    if (current !== message.run) return;
    const started = performance.now();
    while (done < total && performance.now() - started < 40) {
      iterate(settings, nodes, edges);
      done += 1;
    }
    const copy = nodes.slice();
    scope.postMessage({ run: message.run, nodes: copy.buffer, done, total }, [copy.buffer]);
    if (done < total) setTimeout(slice, 0);
  };
  slice();
};
