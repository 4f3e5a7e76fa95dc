/**
 * Runs ForceAtlas2 on the graph in the layout worker (layout.worker.ts) and writes the positions
 * back as they come, so the canvas moves while the page stays responsive. Pinned nodes (the
 * `fixed` attribute) keep their place. One run at a time: starting another stops the first.
 */
import type Graph from 'graphology';
import { inferSettings } from 'graphology-layout-forceatlas2';
import DEFAULTS from 'graphology-layout-forceatlas2/defaults';
import { graphToByteArrays } from 'graphology-layout-forceatlas2/helpers';

/** Node matrix stride of graphology-layout-forceatlas2 (x, y, dx, dy, ..., size, fixed). */
const PPN = 10;

export interface LayoutProgress {
  done: number;
  total: number;
}

export class Layout {
  private readonly worker: Worker;
  private run = 0;
  /** Each node's row in the matrices of the current run. */
  private index = new Map<string, number>();
  private finish?: () => void;
  private drawnAt = 0;

  constructor(
    private graph: Graph,
    workerUrl: URL,
    private readonly onProgress: (progress: LayoutProgress) => void,
  ) {
    this.worker = new Worker(workerUrl, { name: 'layout' });
    this.worker.onmessage = (
      event: MessageEvent<{ run: number; nodes: ArrayBuffer } & LayoutProgress>,
    ) => this.receive(event.data);
  }

  /** Lays the graph out from the positions it has; resolves when the iterations are done. */
  /**
   * With `moving`, only those nodes move (the rest hold still): a few nodes added to a large view
   * find their place without reshuffling the picture the analyst has been reading.
   */
  start(iterations = iterationsFor(this.graph.order), moving?: Set<string>): Promise<void> {
    this.stop();
    const run = ++this.run;
    this.index = new Map(this.graph.nodes().map((node, i) => [node, i]));
    const { nodes, edges } = graphToByteArrays(this.graph, () => 1);
    if (moving) for (const [node, i] of this.index) if (!moving.has(node)) nodes[i * PPN + 9] = 1;
    // The iteration reads every setting: the library's defaults, then those it infers by size.
    const settings = {
      ...DEFAULTS,
      ...inferSettings(this.graph),
      barnesHutOptimize: this.graph.order > 400,
      // A coarser Barnes-Hut approximation on large graphs: about half the cost of an iteration.
      barnesHutTheta: this.graph.order > 1000 ? 1 : 0.5,
      adjustSizes: false,
    };
    this.worker.postMessage(
      { run, nodes: nodes.buffer, edges: edges.buffer, settings, iterations },
      [nodes.buffer, edges.buffer],
    );
    return new Promise((resolve) => {
      this.finish = resolve;
    });
  }

  /** Lays out another graph from now on (the one in progress stops). */
  setGraph(graph: Graph): void {
    this.stop();
    this.graph = graph;
  }

  stop(): void {
    if (!this.finish) return;
    this.worker.postMessage({ run: ++this.run });
    const finish = this.finish;
    this.finish = undefined;
    finish();
  }

  get running(): boolean {
    return this.finish !== undefined;
  }

  kill(): void {
    this.stop();
    this.worker.terminate();
  }

  private receive(message: { run: number; nodes: ArrayBuffer } & LayoutProgress): void {
    if (message.run !== this.run) return;
    const last = message.done >= message.total;
    // On a large graph each redraw is costly (in software WebGL, hundreds of milliseconds that
    // the page waits for): intermediate positions are drawn a few times a second only.
    const now = performance.now();
    if (!last && now - this.drawnAt < drawInterval(this.index.size)) return;
    this.drawnAt = now;
    const matrix = new Float32Array(message.nodes);
    const index = this.index;
    // One update of every position (one redraw), not one per node.
    this.graph.updateEachNodeAttributes(
      (node, attributes) => {
        const i = index.get(node);
        if (i === undefined || attributes.fixed) return attributes;
        attributes.x = matrix[i * PPN]!;
        attributes.y = matrix[i * PPN + 1]!;
        return attributes;
      },
      { attributes: ['x', 'y'] },
    );
    this.onProgress({ done: message.done, total: message.total });
    if (message.done >= message.total) {
      const finish = this.finish;
      this.finish = undefined;
      finish?.();
    }
  }
}

/** Milliseconds between two drawings of a run's intermediate positions. */
function drawInterval(order: number): number {
  // Above 1,000 nodes only the settled picture is drawn: every intermediate drawing held the
  // page (and with it the worker's messages) for hundreds of milliseconds in software WebGL.
  if (order > 1000) return Number.POSITIVE_INFINITY;
  if (order > 300) return 120;
  return 0;
}

/** Fewer iterations as graphs grow: each one costs more (Barnes-Hut keeps it near n log n). */
export function iterationsFor(order: number): number {
  if (order <= 100) return 400;
  if (order <= 500) return 250;
  if (order <= 1000) return 150;
  return 100;
}
