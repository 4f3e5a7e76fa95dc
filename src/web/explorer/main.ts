/**
 * The analysts' explorer (GET /explore): search first, put entities on the canvas, expand their
 * neighbourhoods, find the paths between two of them, colour and size by the whole graph's
 * analytics, filter by a time window and play its growth, and read the evidence behind every node
 * and link. Drawn by sigma.js (WebGL) over graphology, laid out by ForceAtlas2 in a web worker.
 * It talks to the public GraphQL API only. The view lives in the URL's fragment.
 */
import './page.css';
import Sigma from 'sigma';
import { ApiError, apiKey, request, setApiKey } from './api';
import { download, h, replace } from './dom';
import { downloadPng, downloadText, exportText, FORMATS, type Format } from './export';
import { Layout } from './layout';
import {
  addEdges,
  addNodes,
  colourNodes,
  inWindow,
  INTERACTIONS,
  labelOf,
  newGraph,
  nodeOutOfWindow,
  patchNode,
  placeNear,
  sizeNodes,
  TYPE_COLOURS,
  type ApiEdge,
  type ApiNode,
  type EdgeAttributes,
  type LegendEntry,
  type Metrics,
  type NodeAttributes,
  type TimeWindow,
  type ViewGraph,
} from './model';
import {
  DETAILS,
  LINKS_BETWEEN,
  METRICS,
  neighbourhoodQuery,
  nodesQuery,
  PATHS,
  SEARCH,
  START,
} from './queries';
import {
  COLOURS,
  decodeView,
  DEFAULT_VIEW,
  encodeView,
  SIZES,
  type Action,
  type ViewState,
} from './url-state';

const LINK_TYPES = [
  'ABOUT',
  'AFFILIATED_WITH',
  'ASKED',
  'AT',
  'AUDIENCE_FROM',
  'AWARDED_AT',
  'BASED_IN',
  'COLLABORATES_WITH',
  'EXTENDED',
  'GAVE',
  'HELD_IN',
  'INVITES',
  'ON_BEHALF_OF',
  'ORGANISED',
  'PARTICIPATED_IN',
  'PART_OF',
  'PUBLISHED',
  'PUT_FORWARD',
  'RECEIVED',
  'TO',
  'WORKS_ON',
];
/** What the API walks when no link types are given: every type but the place links. */
const PLACE_LINKS = ['BASED_IN', 'HELD_IN', 'AUDIENCE_FROM'];
const ENTITY_TYPES = [
  'ORGANISATION',
  'PERSON',
  'EVENT',
  'PROJECT',
  'PUBLICATION',
  'PLACE',
  'TOPIC',
  'AWARD',
];
const SIZE_LABELS: Record<string, string> = {
  degree: 'Degree (links in the whole graph)',
  pageRank: 'PageRank',
  betweenness: 'Betweenness',
  none: 'All alike',
};
const COLOUR_LABELS: Record<string, string> = {
  type: 'Entity type',
  country: 'Country',
  community: 'Community (Louvain)',
};

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

let graph = newGraph();
let view: ViewState = { ...DEFAULT_VIEW, actions: [] };
let selected: string | null = null;
let selectedEdge: string | null = null;
let pathFrom: string | null = null;
let highlight: { nodes: Set<string>; edges: Set<string> } | null = null;
let hiddenNodes = new Set<string>();
let hiddenEdges = new Set<string>();
let legend: LegendEntry[] = [];
let busy = 0;

interface Snapshot {
  graph: ReturnType<typeof graph.export>;
  actions: Action[];
  selected: string | null;
}
const undoStack: Snapshot[] = [];
const UNDO_LIMIT = 30;

const window_ = (): TimeWindow => ({ from: view.from, to: view.to, undated: view.undated });

// ---------------------------------------------------------------------------------------------
// Page
// ---------------------------------------------------------------------------------------------

const root = document.getElementById('explorer')!;
const messages = h('div', { id: 'messages', role: 'alert', 'aria-live': 'assertive' });
const notice = h('div', { id: 'notice', role: 'status', 'aria-live': 'polite' });
const loading = h('p', { id: 'loading', role: 'status', hidden: true }, 'Loading…');
const status = h('p', { id: 'status', role: 'status', 'aria-live': 'polite' });
const container = h('div', { id: 'graph', 'aria-label': 'Network canvas', role: 'img' });
const details = h('section', {
  id: 'details',
  'aria-label': 'Evidence',
  'aria-live': 'polite',
  tabindex: '-1',
});
const legendList = h('ul', { id: 'legend', 'aria-label': 'Legend' });
const tableSection = h('section', { id: 'table', 'aria-label': 'Table view', hidden: true });

const searchInput = h('input', {
  id: 'search',
  type: 'search',
  role: 'combobox',
  placeholder: 'Search names and aliases in any language  ( / )',
  'aria-label': 'Search names and aliases',
  'aria-autocomplete': 'list',
  'aria-expanded': 'false',
  'aria-controls': 'search-list',
  autocomplete: 'off',
  spellcheck: 'false',
});
const searchList = h('ul', { id: 'search-list', role: 'listbox', hidden: true });

const depthSelect = h(
  'select',
  { id: 'depth', 'aria-label': 'Expansion depth' },
  [1, 2, 3].map((d) => h('option', { value: d }, `${d} step${d > 1 ? 's' : ''}`)),
);
const capInput = h('input', {
  id: 'cap',
  type: 'number',
  min: 1,
  max: 2000,
  value: 200,
  'aria-label': 'Node cap',
});
const linkChecks = LINK_TYPES.map((t) =>
  h('input', { type: 'checkbox', value: t, checked: !PLACE_LINKS.includes(t), name: 'linkType' }),
);
const typeChecks = ENTITY_TYPES.map((t) =>
  h('input', { type: 'checkbox', value: t, checked: true, name: 'entityType' }),
);
const colourSelect = h(
  'select',
  { id: 'colour', 'aria-label': 'Colour by' },
  COLOURS.map((c) => h('option', { value: c }, COLOUR_LABELS[c])),
);
const sizeSelect = h(
  'select',
  { id: 'size', 'aria-label': 'Size by' },
  SIZES.map((s) => h('option', { value: s }, SIZE_LABELS[s])),
);
const fromInput = h('input', { id: 'from', type: 'date', 'aria-label': 'Window from' });
const toInput = h('input', { id: 'to', type: 'date', 'aria-label': 'Window to' });
const undatedCheck = h('input', { id: 'undated', type: 'checkbox', checked: true });
const windowHint = h('p', { id: 'window-hint', class: 'hint', role: 'status' });
const untilSlider = h('input', {
  id: 'until',
  type: 'range',
  min: 0,
  max: 0,
  value: 0,
  'aria-label': 'Show links up to this month',
});
const untilLabel = h('output', { id: 'until-label', for: 'until' });
const playButton = h('button', { id: 'play', type: 'button' }, 'Play growth');
const kSelect = h(
  'select',
  { id: 'k', 'aria-label': 'How many paths' },
  [1, 2, 3, 5, 10].map((k) => h('option', { value: k, selected: k === 3 }, `${k}`)),
);
const pathFromLabel = h('span', { id: 'path-from' }, 'none');
const formatSelect = h('select', { id: 'format', 'aria-label': 'Export format' }, [
  ...Object.entries(FORMATS).map(([key, f]) => h('option', { value: key }, f.label)),
  h('option', { value: 'png' }, 'PNG image'),
]);

const button = (id: string, label: string, onClick: () => void, keys = ''): HTMLButtonElement =>
  h(
    'button',
    {
      id,
      type: 'button',
      title: keys ? `${label} (${keys})` : label,
      'aria-keyshortcuts': keys || undefined,
      onclick: () => onClick(),
    },
    label,
  );

const tableButton = button('table-toggle', 'Table view', () => toggleTable(), 'T');
tableButton.setAttribute('aria-pressed', 'false');

const keyInput = h('input', {
  id: 'key-input',
  type: 'password',
  autocomplete: 'off',
  'aria-label': 'API key',
  size: 40,
});
const keyForm = h(
  'form',
  {},
  h('label', {}, 'API key for this tab (empty: read anonymously) ', keyInput),
  ' ',
  h('button', { type: 'submit', id: 'key-save' }, 'Use'),
);
const keyDialog = h(
  'dialog',
  { id: 'key-dialog', 'aria-label': 'API key' },
  h('h2', {}, 'API key'),
  h('p', {}, 'Kept in this tab only (its session storage), never in the URL.'),
  keyForm,
  h('form', { method: 'dialog' }, h('button', { type: 'submit' }, 'Cancel')),
);

const help = h(
  'dialog',
  { id: 'help', 'aria-label': 'Keyboard' },
  h('h2', {}, 'Keyboard'),
  h(
    'dl',
    {},
    ...[
      ['/', 'search'],
      ['↑ ↓ Enter', 'pick a search hit'],
      ['N / Shift+N', 'select the next / previous node on screen'],
      ['E', 'expand the selected node'],
      ['H', 'hide it'],
      ['P', 'pin or unpin it'],
      ['Delete', 'remove it'],
      ['F', 'paths from it'],
      ['G', 'paths from the first node to it'],
      ['Z or Ctrl+Z', 'undo'],
      ['L', 'lay out again'],
      ['T', 'table view'],
      ['Esc', 'clear the selection'],
    ].flatMap(([k, v]) => [h('dt', {}, h('kbd', {}, k!)), h('dd', {}, v!)]),
  ),
  h('form', { method: 'dialog' }, h('button', { type: 'submit' }, 'Close')),
);

replace(
  root,
  h(
    'header',
    {},
    h('h1', {}, 'Cluster Graph explorer'),
    h('div', { class: 'search' }, searchInput, searchList),
    h(
      'nav',
      { 'aria-label': 'Actions on the selected node' },
      button('expand', 'Expand', () => void act(() => expandSelected()), 'E'),
      button('hide', 'Hide', () => void act(() => hideSelected()), 'H'),
      button('pin', 'Pin', () => void act(() => pinSelected()), 'P'),
      button('remove', 'Remove', () => void act(() => removeSelected()), 'Delete'),
      button('undo', 'Undo', () => undo(), 'Z'),
      button('relayout', 'Lay out', () => void runLayout(), 'L'),
      button('show-hidden', 'Show hidden', () => void act(() => showHidden())),
      button('clear', 'Clear', () => void act(() => clearAll())),
      tableButton,
      button('key', 'API key', () => askKey()),
      button('help-button', 'Keys', () => help.showModal(), '?'),
    ),
  ),
  h(
    'main',
    {},
    h(
      'aside',
      { id: 'controls', 'aria-label': 'Controls' },
      h(
        'section',
        { 'aria-labelledby': 'expand-heading' },
        h('h2', { id: 'expand-heading' }, 'Expand'),
        h('label', {}, 'Depth ', depthSelect),
        h('label', {}, 'Node cap ', capInput),
        h(
          'details',
          {},
          h('summary', {}, 'Link types'),
          h(
            'fieldset',
            {},
            h('legend', {}, 'Link types to walk'),
            ...linkChecks.map((c) => h('label', { class: 'check' }, c, ` ${c.value}`)),
          ),
        ),
        h(
          'details',
          {},
          h('summary', {}, 'Entity types'),
          h(
            'fieldset',
            {},
            h('legend', {}, 'Entity types to keep'),
            ...typeChecks.map((c) => h('label', { class: 'check' }, c, ` ${c.value}`)),
          ),
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'style-heading' },
        h('h2', { id: 'style-heading' }, 'Style'),
        h('label', {}, 'Colour by ', colourSelect),
        h('label', {}, 'Size by ', sizeSelect),
        legendList,
      ),
      h(
        'section',
        { 'aria-labelledby': 'time-heading' },
        h('h2', { id: 'time-heading' }, 'Time window'),
        h('label', {}, 'From ', fromInput),
        h('label', {}, 'To ', toInput),
        windowHint,
        h('label', { class: 'check' }, undatedCheck, ' keep undated links'),
        h('label', {}, 'Up to ', untilSlider, ' ', untilLabel),
        h(
          'div',
          {},
          playButton,
          button('clear-window', 'All time', () => setWindow('', '')),
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'path-heading' },
        h('h2', { id: 'path-heading' }, 'Paths'),
        h('p', {}, 'From: ', pathFromLabel),
        button('path-from-button', 'From selected', () => setPathFrom(), 'F'),
        h('label', {}, 'Paths ', kSelect),
        button('path-to-button', 'To selected: find', () => void act(() => pathToSelected()), 'G'),
      ),
      h(
        'section',
        { 'aria-labelledby': 'export-heading' },
        h('h2', { id: 'export-heading' }, 'Export the view'),
        formatSelect,
        button('export', 'Download', () => void exportView()),
      ),
      status,
    ),
    h('div', { id: 'stage' }, messages, notice, loading, container),
    details,
  ),
  tableSection,
  help,
  keyDialog,
);

// ---------------------------------------------------------------------------------------------
// Canvas
// ---------------------------------------------------------------------------------------------

/**
 * Links are drawn once a large graph's layout is done: while thousands of nodes move, drawing
 * thousands of links each frame slowed every frame (and so the page) several times over.
 */
const EDGES_WAIT_ABOVE = 2000;
let edgesWait = false;

const FADED = 'rgba(200, 200, 200, 0.35)';
/** A selected node's neighbours all show their labels up to this many (beyond, they overlap). */
const FORCED_LABELS = 30;
const renderer = new Sigma<NodeAttributes, EdgeAttributes>(graph, container, {
  allowInvalidContainer: true,
  enableEdgeEvents: true,
  renderEdgeLabels: false,
  defaultEdgeType: 'arrow',
  labelRenderedSizeThreshold: 7,
  zIndex: true,
  nodeReducer: (node, a) => {
    const out: Partial<NodeAttributes> & {
      hidden?: boolean;
      highlighted?: boolean;
      forceLabel?: boolean;
      zIndex?: number;
    } = { ...a };
    if (hiddenNodes.has(node)) return { ...out, hidden: true };
    if (highlight) {
      if (highlight.nodes.has(node)) {
        out.forceLabel = true;
        out.zIndex = 2;
      } else {
        out.color = FADED;
        out.label = '';
      }
    }
    if (selected) {
      if (node === selected) {
        out.highlighted = true;
        out.forceLabel = true;
        out.zIndex = 3;
      } else if (!highlight && !graph.areNeighbors(node, selected)) {
        out.color = FADED;
        out.label = '';
      } else if (!highlight) {
        // A neighbour: drawn over the faded rest.
        out.zIndex = 1;
        if (graph.degree(selected) <= FORCED_LABELS) out.forceLabel = true;
      }
    }
    return out;
  },
  edgeReducer: (edge, a) => {
    if (hiddenEdges.has(edge) || (edgesWait && !highlight)) return { ...a, hidden: true };
    if (highlight) {
      return highlight.edges.has(edge)
        ? { ...a, color: '#d62728', size: 3, zIndex: 2 }
        : { ...a, color: 'rgba(220, 220, 220, 0.3)' };
    }
    if (edge === selectedEdge) return { ...a, color: '#d62728', size: 3, zIndex: 2 };
    if (selected && !graph.hasExtremity(edge, selected)) return { ...a, color: '#f0f0f0' };
    if (selected) return { ...a, color: '#888', size: 1.5 };
    return a;
  },
});

const workerUrl = new URL(__EXPLORER__.workers.layout, import.meta.url);
const layout = new Layout(graph, workerUrl, ({ done, total }) => {
  document.documentElement.dataset.layout = done >= total ? 'done' : 'running';
  if (done >= total) {
    if (edgesWait) {
      edgesWait = false;
      renderer.refresh();
    }
    updateStatus();
  }
});

/**
 * Many nodes and links at once: made on a copy, which then replaces the graph the renderer draws.
 * Added one by one to the drawn graph, each addition is an event sigma answers on its own (2,000
 * nodes and 8,000 links took seconds); a new graph is indexed once.
 */
function bulk(change: (next: ViewGraph) => void): void {
  const next = graph.copy() as ViewGraph;
  change(next);
  swap(next);
}

function swap(next: ViewGraph): void {
  layout.setGraph(next);
  // A large graph's links wait for its layout from the first frame on (see EDGES_WAIT_ABOVE).
  edgesWait = next.size > EDGES_WAIT_ABOVE;
  graph = next;
  renderer.setGraph(next);
}

// Drag a node to move it; it stays where it is dropped (pinned).
let dragged: string | null = null;
// A press without a move is a click (select); only a move pins, and the pin can be undone.
let dragMoved = false;
let dragSnapshot: Snapshot | null = null;
renderer.on('downNode', ({ node }) => {
  dragged = node;
  dragMoved = false;
  dragSnapshot = takeSnapshot();
});
renderer.getMouseCaptor().on('mousemovebody', (event) => {
  if (!dragged) return;
  if (!dragMoved) {
    dragMoved = true;
    stopLayout();
    if (!renderer.getCustomBBox()) renderer.setCustomBBox(renderer.getBBox());
  }
  const position = renderer.viewportToGraph(event);
  graph.mergeNodeAttributes(dragged, { x: position.x, y: position.y, fixed: true });
  event.preventSigmaDefault();
  event.original.preventDefault();
  event.original.stopPropagation();
});
renderer.getMouseCaptor().on('mouseup', () => {
  if (!dragged) return;
  const node = dragged;
  dragged = null;
  if (!dragMoved || !graph.hasNode(node)) return;
  if (dragSnapshot) pushUndo(dragSnapshot);
  const { x, y } = graph.getNodeAttributes(node);
  view.actions = view.actions.filter((a) => !(a.op === 'pin' && a.id === node));
  view.actions.push({ op: 'pin', id: node, x, y });
  saveUrl();
});
renderer.on('clickNode', ({ node }) => select(node));
renderer.on('clickEdge', ({ edge }) => selectEdge(edge));
renderer.on('clickStage', () => select(null));
renderer.on('doubleClickNode', ({ node, event }) => {
  event.preventSigmaDefault();
  select(node);
  void act(() => expandSelected());
});

// ---------------------------------------------------------------------------------------------
// Messages and busy state
// ---------------------------------------------------------------------------------------------

function showMessage(text: string, kind: 'error' | 'info' = 'error'): void {
  // The same sentence again counts up instead of piling up.
  for (const existing of messages.querySelectorAll<HTMLElement>('p')) {
    if (existing.dataset.text !== text) continue;
    const times = Number(existing.dataset.times ?? '1') + 1;
    existing.dataset.times = String(times);
    existing.querySelector('.times')!.textContent = ` (×${times})`;
    return;
  }
  const item = h(
    'p',
    { class: kind, 'data-text': text },
    text,
    h('span', { class: 'times' }),
    ' ',
    h(
      'button',
      { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss', onclick: () => item.remove() },
      '×',
    ),
  );
  messages.append(item);
}

function describe(error: unknown): string {
  if (error instanceof ApiError) {
    const argument = error.argument ? ` (argument ${error.argument})` : '';
    const hint =
      error.code === 'UNAUTHENTICATED' ? ' Press “API key” to give one for this tab.' : '';
    return `${error.message}${argument} [${error.code}]${hint}`;
  }
  return `Something failed in the page: ${error instanceof Error ? error.message : String(error)}`;
}

function setBusy(delta: number): void {
  busy += delta;
  document.documentElement.dataset.busy = String(busy);
  container.setAttribute('aria-busy', busy > 0 ? 'true' : 'false');
  loading.hidden = busy === 0;
}

/** Runs a user action with undo and error reporting; the view is redrawn and saved after. */
async function act(action: () => Promise<unknown> | unknown, undoable = true): Promise<void> {
  const snapshot = undoable ? takeSnapshot() : null;
  setBusy(1);
  try {
    const changed = await action();
    if (changed === false) return;
    if (snapshot) pushUndo(snapshot);
    await afterChange();
  } catch (error) {
    showMessage(describe(error));
  } finally {
    setBusy(-1);
  }
}

// ---------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------

function expandOptions(): Omit<Extract<Action, { op: 'expand' }>, 'op' | 'id'> {
  const linkTypes = linkChecks.filter((c) => c.checked).map((c) => c.value);
  const types = typeChecks.filter((c) => c.checked).map((c) => c.value);
  const defaultLinks = LINK_TYPES.filter((t) => !PLACE_LINKS.includes(t));
  const cap = Math.round(Number(capInput.value));
  if (!Number.isInteger(cap) || cap < 1 || cap > 2000)
    throw new ApiError(
      'The node cap must be a whole number from 1 to 2000.',
      'BAD_USER_INPUT',
      'limit',
    );
  if (linkTypes.length === 0)
    throw new ApiError('Pick at least one link type to walk.', 'BAD_USER_INPUT', 'linkTypes');
  if (types.length === 0)
    throw new ApiError('Pick at least one entity type to keep.', 'BAD_USER_INPUT', 'types');
  return {
    depth: Number(depthSelect.value),
    limit: cap,
    linkTypes:
      linkTypes.length === defaultLinks.length && defaultLinks.every((t) => linkTypes.includes(t))
        ? null
        : linkTypes,
    types: types.length === ENTITY_TYPES.length ? null : types,
  };
}

interface Neighbourhood {
  truncated: boolean;
  nodes: ApiNode[];
  edges: ApiEdge[];
}

/**
 * Above this cap the nodes and the links are asked for in two requests, sent together: the API
 * prices a neighbourhood at its cap times the fields asked per row, and a cap of 2,000 with both
 * the nodes' and the links' fields is above its cost limit, while each half is within it.
 */
const ONE_REQUEST_CAP = 1000;

async function fetchNeighbourhood(
  action: Extract<Action, { op: 'expand' }>,
): Promise<Neighbourhood> {
  const variables = {
    id: action.id,
    depth: action.depth,
    limit: action.limit,
    linkTypes: action.linkTypes,
    types: action.types,
  };
  const ask = (parts: { nodes: boolean; edges: boolean }): Promise<Partial<Neighbourhood>> =>
    request<{ neighbourhood: Partial<Neighbourhood> }>(neighbourhoodQuery(parts), variables).then(
      (data) => data.neighbourhood,
    );
  if (action.limit <= ONE_REQUEST_CAP)
    return (await ask({ nodes: true, edges: true })) as Neighbourhood;
  const [nodes, edges] = await Promise.all([
    ask({ nodes: true, edges: false }),
    ask({ nodes: false, edges: true }),
  ]);
  return {
    truncated: nodes.truncated ?? false,
    nodes: nodes.nodes ?? [],
    edges: edges.edges ?? [],
  };
}

async function run(action: Action): Promise<void> {
  switch (action.op) {
    case 'place': {
      const [node] = await fetchNodes([action.id]);
      if (!node)
        throw new ApiError(
          `No node has the id ${action.id}: it may have been deleted, or the link was mistyped.`,
          'NOT_FOUND',
          'id',
        );
      justAdded.push(...addNodes(graph, [node], selected ?? undefined));
      select(node.id, false);
      break;
    }
    case 'expand': {
      const neighbourhood = await fetchNeighbourhood(action);
      bulk((next) => {
        if (!next.hasNode(action.id)) addNodes(next, neighbourhood.nodes.slice(0, 1));
        const added = addNodes(next, neighbourhood.nodes, action.id);
        justAdded.push(...added);
        addEdges(next, neighbourhood.edges);
        placeNear(next, added);
      });
      const name = graph.hasNode(action.id)
        ? graph.getNodeAttribute(action.id, 'label')
        : action.id;
      if (neighbourhood.truncated)
        replace(
          notice,
          h(
            'p',
            { class: 'truncated' },
            `Truncated: the neighbourhood of ${name} was cut at ${action.limit} nodes (nearer nodes kept). ${
              action.limit < 2000
                ? 'Raise the node cap (up to 2000) or narrow the link or entity types to see the rest.'
                : 'Narrow the link or entity types, or lower the depth, to see the rest of a part of it.'
            }`,
          ),
        );
      else notice.replaceChildren();
      break;
    }
    case 'path': {
      const { shortestPaths } = await request<{ shortestPaths: ApiPath[] }>(PATHS, {
        from: action.from,
        to: action.to,
        k: action.k,
      });
      addPaths(shortestPaths);
      showPaths(shortestPaths, action);
      break;
    }
    case 'hide':
      patchNode(graph, action.id, { hiddenByUser: true });
      break;
    case 'remove':
      if (graph.hasNode(action.id)) graph.dropNode(action.id);
      break;
    case 'pin':
      if (graph.hasNode(action.id))
        graph.mergeNodeAttributes(action.id, { fixed: true, x: action.x, y: action.y });
      break;
    case 'unpin':
      patchNode(graph, action.id, { fixed: false });
      break;
  }
}

async function perform(action: Action): Promise<void> {
  await run(action);
  view.actions.push(action);
}

async function fetchNodes(ids: string[]): Promise<(ApiNode | null)[]> {
  const variables = Object.fromEntries(ids.map((id, i) => [`i${i}`, id]));
  const data = await request<Record<string, ApiNode | null>>(nodesQuery(ids.length), variables);
  return ids.map((_, i) => data[`n${i}`] ?? null);
}

const requireSelected = (): string => {
  if (!selected || !graph.hasNode(selected))
    throw new ApiError(
      'Select a node first: click it, search for it, or pick it in the table view (N).',
      'NO_SELECTION',
    );
  return selected;
};

async function expandSelected(): Promise<void> {
  const id = requireSelected();
  await perform({ op: 'expand', id, ...expandOptions() });
}

function hideSelected(): void {
  const id = requireSelected();
  void perform({ op: 'hide', id });
  select(null, false);
}

function pinSelected(): void {
  const id = requireSelected();
  const a = graph.getNodeAttributes(id);
  void perform(a.fixed ? { op: 'unpin', id } : { op: 'pin', id, x: a.x, y: a.y });
}

function removeSelected(): void {
  const id = requireSelected();
  void perform({ op: 'remove', id });
  select(null, false);
}

function showHidden(): boolean {
  let any = false;
  graph.forEachNode((node, a) => {
    if (a.hiddenByUser) {
      patchNode(graph, node, { hiddenByUser: false });
      any = true;
    }
  });
  view.actions = view.actions.filter((a) => a.op !== 'hide');
  return any;
}

function clearAll(): void {
  graph.clear();
  view.actions = [];
  highlight = null;
  pathFrom = null;
  pathFromLabel.textContent = 'none';
  select(null, false);
  notice.replaceChildren();
}

function setPathFrom(): void {
  try {
    pathFrom = requireSelected();
    pathFromLabel.textContent = graph.getNodeAttribute(pathFrom, 'label');
  } catch (error) {
    showMessage(describe(error));
  }
}

async function pathToSelected(): Promise<boolean | void> {
  const to = requireSelected();
  if (!pathFrom || !graph.hasNode(pathFrom))
    throw new ApiError(
      'Choose where the paths start: select a node and press “From selected” (F).',
      'NO_SELECTION',
    );
  if (pathFrom === to)
    throw new ApiError('The paths need two different nodes.', 'BAD_USER_INPUT', 'to');
  writePanel(claimPanel(), h('p', {}, `Finding paths from ${nameOf(pathFrom)} to ${nameOf(to)}…`));
  await perform({ op: 'path', from: pathFrom, to, k: Number(kSelect.value) });
}

// ---------------------------------------------------------------------------------------------
// Paths and evidence
// ---------------------------------------------------------------------------------------------

interface ApiEvidence {
  kind: string;
  confidence: string | null;
  quote: string | null;
  language: string | null;
  translation: string | null;
  url: string | null;
  note: string | null;
  assertedBy: string | null;
  document: {
    id: string;
    title: string;
    titleTranslation: string | null;
    date: string | null;
    url: string | null;
    language: string;
  } | null;
}

interface ApiStep {
  from: string;
  to: string;
  type: string;
  role: string | null;
  reversed: boolean;
  startDate?: string | null;
  endDate?: string | null;
  evidence: ApiEvidence[];
}

interface ApiPath {
  length: number;
  nodes: ApiNode[];
  steps: ApiStep[];
}

/** A step as the stored relationship: reversed steps point against the walk. */
const stepEdge = (step: ApiStep): ApiEdge =>
  step.reversed
    ? {
        source: step.to,
        target: step.from,
        type: step.type,
        role: step.role,
        startDate: step.startDate ?? null,
        endDate: step.endDate ?? null,
      }
    : {
        source: step.from,
        target: step.to,
        type: step.type,
        role: step.role,
        startDate: step.startDate ?? null,
        endDate: step.endDate ?? null,
      };

function addPaths(paths: ApiPath[]): void {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  bulk((next) => {
    for (const path of paths) {
      justAdded.push(...addNodes(next, path.nodes, path.nodes[0]?.id));
      addEdges(next, path.steps.map(stepEdge));
    }
  });
  for (const path of paths) {
    const steps = path.steps.map(stepEdge);
    for (const node of path.nodes) nodes.add(node.id);
    for (const step of steps)
      for (const edge of graph.edges(step.source, step.target))
        if (graph.getEdgeAttribute(edge, 'link') === step.type) edges.add(edge);
  }
  highlight = paths.length ? { nodes, edges } : null;
}

function evidenceList(evidence: ApiEvidence[]): HTMLElement {
  if (evidence.length === 0) return h('p', { class: 'none' }, 'No evidence recorded.');
  return h(
    'ul',
    { class: 'evidence' },
    ...evidence.map((e) =>
      h(
        'li',
        {},
        e.quote ? h('blockquote', { lang: e.language ?? undefined }, `“${e.quote}”`) : null,
        e.quote && e.language
          ? h('p', { class: 'language' }, `Original in ${languageName(e.language)}`)
          : null,
        e.translation
          ? h('p', { class: 'translation', lang: 'en' }, `English: ${e.translation}`)
          : null,
        e.document
          ? h(
              'p',
              { class: 'source' },
              'Source: ',
              h('cite', { lang: e.document.language }, e.document.title),
              e.document.titleTranslation ? ` (${e.document.titleTranslation})` : '',
              e.document.date ? `, ${e.document.date}` : '',
              webUrl(e.document.url)
                ? [
                    ' ',
                    h(
                      'a',
                      {
                        href: webUrl(e.document.url),
                        rel: 'noopener noreferrer',
                        target: '_blank',
                      },
                      'open',
                    ),
                  ]
                : '',
            )
          : null,
        e.kind === 'EXTERNAL' && e.url
          ? h(
              'p',
              { class: 'source' },
              'Public page: ',
              webUrl(e.url)
                ? h(
                    'a',
                    { href: webUrl(e.url), rel: 'noopener noreferrer', target: '_blank' },
                    e.url,
                  )
                : e.url,
              e.note ? ` — ${e.note}` : '',
            )
          : null,
        e.kind === 'ASSERTED'
          ? h('p', { class: 'source' }, `Asserted by ${e.assertedBy ?? 'an API client'}`)
          : null,
        e.confidence ? h('p', { class: 'confidence' }, e.confidence.toLowerCase()) : null,
      ),
    ),
  );
}

/** A URL to link to: http(s) only (never javascript: or data:, whatever a source holds). */
function webUrl(url: string | null): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

const nameOf = (id: string, fallback?: ApiNode[]): string =>
  graph.hasNode(id)
    ? graph.getNodeAttribute(id, 'label')
    : fallback?.find((n) => n.id === id)
      ? labelOf(fallback.find((n) => n.id === id)!)
      : id;

/** A node's name that selects it (and shows its evidence) when pressed. */
const nodeButton = (id: string, nodes?: ApiNode[]): HTMLElement =>
  h(
    'button',
    { type: 'button', class: 'link strong', onclick: () => select(id) },
    nameOf(id, nodes),
  );

function stepLine(step: ApiStep, nodes: ApiNode[]): HTMLElement {
  const [a, b] = step.reversed ? [step.to, step.from] : [step.from, step.to];
  return h(
    'li',
    { class: 'step' },
    h(
      'p',
      {},
      nodeButton(a, nodes),
      ` ${step.type}${step.role ? ` (${step.role})` : ''} `,
      nodeButton(b, nodes),
      step.startDate
        ? ` · ${step.startDate}${step.endDate && step.endDate !== step.startDate ? ` to ${step.endDate}` : ''}`
        : '',
    ),
    evidenceList(step.evidence),
  );
}

/**
 * The evidence panel shows what was asked for last: each writer takes a ticket, and an answer
 * that arrives after a newer request (a node's details after the paths asked since) is dropped.
 */
let panelTicket = 0;
const claimPanel = (): number => ++panelTicket;
function writePanel(ticket: number, ...children: Parameters<typeof replace>[1][]): void {
  if (ticket === panelTicket) replace(details, ...children);
}

function showPaths(paths: ApiPath[], action: Extract<Action, { op: 'path' }>): void {
  const heading = `Paths from ${nameOf(action.from)} to ${nameOf(action.to)}`;
  writePanel(
    claimPanel(),
    h('h2', {}, heading),
    paths.length === 0
      ? h('p', {}, 'No path within 6 steps.')
      : h(
          'ol',
          { class: 'paths' },
          ...paths.map((p) =>
            h(
              'li',
              {},
              h('p', {}, `${p.length} step${p.length > 1 ? 's' : ''}`),
              h('ol', { class: 'steps' }, ...p.steps.map((s) => stepLine(s, p.nodes))),
            ),
          ),
        ),
  );
}

interface ApiDetails {
  node:
    | (ApiNode & {
        slug?: string;
        description?: string | null;
        aliases?: { name: string; language: string }[];
        evidence?: ApiEvidence[];
        kind?: string;
        effectiveEndDate?: string | null;
        answer?: string | null;
        inviter?: EntityLine;
        invitees?: EntityLine[];
        inviteeNote?: string | null;
        onBehalfOf?: EntityLine | null;
        target?: EntityLine;
        presenters?: EntityLine[];
        proposers?: EntityLine[];
        askers?: EntityLine[];
        subjects?: EntityLine[];
        event?: EntityLine | null;
      })
    | null;
}
interface EntityLine {
  id: string;
  name: string;
  type: string;
}

const names = (list: EntityLine[] | undefined): string =>
  (list ?? []).map((e) => e.name).join(', ') || 'someone';

/** The interaction told as what it is: who invited whom to what, when. */
function interactionSentence(node: NonNullable<ApiDetails['node']>): string {
  const when = node.date ? `, on ${node.date}` : '';
  const at = node.event ? ` at ${node.event.name}` : '';
  switch (node.__typename) {
    case 'Invitation':
      return `${node.inviter?.name ?? 'Someone'}${node.onBehalfOf ? ` (for ${node.onBehalfOf.name})` : ''} invited ${node.inviteeNote ?? names(node.invitees)} to ${node.target?.name ?? 'something'}${when}.`;
    case 'Presentation':
      return `${names(node.presenters)} presented ${names(node.subjects)}${at}${when}.`;
    case 'Proposal':
      return `${names(node.proposers)} proposed ${names(node.subjects)}${at}${when}.`;
    case 'Question':
      return `${names(node.askers)} asked about ${names(node.subjects)}${at}${when}.`;
    default:
      return '';
  }
}

async function showNode(id: string): Promise<void> {
  const ticket = claimPanel();
  writePanel(ticket, h('p', {}, 'Loading…'));
  const { node } = await request<ApiDetails>(DETAILS, { id });
  if (ticket !== panelTicket || selected !== id) return;
  if (!node) {
    writePanel(ticket, h('p', {}, 'This node is no longer in the graph.'));
    return;
  }
  const metrics = graph.hasNode(id) ? graph.getNodeAttribute(id, 'metrics') : undefined;
  const interaction = INTERACTIONS.includes(node.__typename);
  writePanel(
    ticket,
    h('h2', {}, labelOf(node)),
    h(
      'p',
      { class: 'kind' },
      node.__typename,
      node.country ? ` · ${node.country}` : '',
      node.effectiveStartDate ? ` · ${node.effectiveStartDate}` : '',
    ),
    interaction ? h('p', { class: 'sentence' }, interactionSentence(node)) : null,
    node.summary ? h('p', {}, node.summary) : null,
    node.answer ? h('p', {}, `Answer: ${node.answer}`) : null,
    node.description ? h('p', {}, node.description) : null,
    node.aliases?.length
      ? h(
          'p',
          { class: 'aliases' },
          'Also: ',
          ...node.aliases.flatMap((a, i) => [
            i ? ', ' : '',
            h('span', { lang: a.language }, a.name),
            ` (${a.language})`,
          ]),
        )
      : null,
    metrics
      ? h(
          'p',
          { class: 'metrics' },
          `Degree ${metrics.degree} · PageRank ${metrics.pageRank.toFixed(4)} · betweenness ${metrics.betweenness.toFixed(3)}${metrics.community !== null ? ` · community ${metrics.community}` : ''}`,
        )
      : null,
    h('h3', {}, 'Evidence'),
    evidenceList(node.evidence ?? []),
  );
}

async function showEdge(edge: string): Promise<void> {
  const ticket = claimPanel();
  const [source, target] = graph.extremities(edge);
  const a = graph.getEdgeAttributes(edge);
  writePanel(ticket, h('p', {}, 'Loading…'));
  const { shortestPaths } = await request<{ shortestPaths: ApiPath[] }>(LINKS_BETWEEN, {
    from: source,
    to: target,
  });
  if (ticket !== panelTicket || selectedEdge !== edge) return;
  const steps = shortestPaths
    .flatMap((p) => p.steps)
    .filter((s) => s.type === a.link && (s.role ?? null) === a.role);
  writePanel(
    ticket,
    h('h2', {}, `${nameOf(source)} ${a.link} ${nameOf(target)}`),
    h(
      'p',
      { class: 'kind' },
      a.role ? `Role: ${a.role}` : 'No role',
      a.startDate
        ? ` · ${a.startDate}${a.endDate && a.endDate !== a.startDate ? ` to ${a.endDate}` : ''}`
        : ' · undated',
    ),
    h('h3', {}, 'Evidence'),
    evidenceList(steps.flatMap((s) => s.evidence)),
  );
}

function select(node: string | null, show = true): void {
  selected = node && graph.hasNode(node) ? node : null;
  selectedEdge = null;
  if (node === null) highlight = null;
  view.selected = selected ?? '';
  if (show) saveUrl();
  renderer.refresh();
  renderTable();
  if (selected && show)
    showNode(selected).catch((error: unknown) =>
      writePanel(panelTicket, h('p', { class: 'error' }, describe(error))),
    );
  else if (!selected)
    writePanel(
      claimPanel(),
      h('p', { class: 'hint' }, 'Click a node or a link to read its evidence.'),
    );
}

function selectEdge(edge: string): void {
  selected = null;
  selectedEdge = edge;
  highlight = null;
  renderer.refresh();
  showEdge(edge).catch((error: unknown) =>
    writePanel(panelTicket, h('p', { class: 'error' }, describe(error))),
  );
}

// ---------------------------------------------------------------------------------------------
// After every change: visibility, analytics, style, table, URL, layout
// ---------------------------------------------------------------------------------------------

function computeVisibility(): void {
  const w = window_();
  hiddenNodes = new Set();
  hiddenEdges = new Set();
  graph.forEachNode((node, a) => {
    if (a.hiddenByUser || nodeOutOfWindow(a, w)) hiddenNodes.add(node);
  });
  graph.forEachEdge((edge, a, source, target) => {
    if (!inWindow(a, w) || hiddenNodes.has(source) || hiddenNodes.has(target))
      hiddenEdges.add(edge);
  });
  // A node whose every link the window leaves out goes too; one placed alone stays.
  if (w.from || w.to)
    graph.forEachNode((node) => {
      if (hiddenNodes.has(node) || graph.degree(node) === 0) return;
      if (graph.everyEdge(node, (edge) => hiddenEdges.has(edge))) hiddenNodes.add(node);
    });
}

const visibleNode = (node: string): boolean => !hiddenNodes.has(node);
const visibleEdge = (edge: string): boolean => !hiddenEdges.has(edge);

let metricsFailed = false;
/** Reads the analytics of the nodes that lack them; whether any arrived. */
async function loadMetrics(): Promise<boolean> {
  if (metricsFailed) return false;
  const missing = graph.filterNodes((_, a) => a.metrics === undefined);
  let loaded = false;
  for (let i = 0; i < missing.length; i += 2000) {
    const ids = missing.slice(i, i + 2000);
    try {
      const { nodeMetrics } = await request<{ nodeMetrics: (Metrics & { id: string })[] }>(
        METRICS,
        { ids },
      );
      for (const m of nodeMetrics)
        if (graph.hasNode(m.id)) {
          patchNode(graph, m.id, { metrics: m });
          loaded = true;
        }
    } catch (error) {
      metricsFailed = true;
      showMessage(
        `The whole graph's analytics could not be read, so sizes use the links on screen: ${describe(error)}`,
      );
      return loaded;
    }
  }
  return loaded;
}

function restyle(): void {
  // Fewer labels on a crowded canvas: each is drawn every frame.
  renderer.setSetting('labelRenderedSizeThreshold', graph.order > 500 ? 12 : 7);
  legend = colourNodes(graph, view.colour, visibleNode);
  sizeNodes(graph, view.size);
  const shown = legend.filter((entry) => entry.count > 0);
  replace(
    legendList,
    ...shown
      .slice(0, 16)
      .map((entry) =>
        h(
          'li',
          {},
          h('span', { class: 'swatch', style: `background:${entry.color}` }),
          ` ${entry.label} (${entry.count})`,
        ),
      ),
    shown.length > 16 ? h('li', {}, `… ${shown.length - 16} more in grey`) : null,
  );
}

function updateStatus(): void {
  const nodes = graph.order - hiddenNodes.size;
  const links = graph.size - hiddenEdges.size;
  status.textContent = `${nodes} node${nodes === 1 ? '' : 's'} and ${links} link${links === 1 ? '' : 's'} on screen${
    hiddenNodes.size ? `, ${hiddenNodes.size} hidden` : ''
  }${layout.running ? ' · laying out…' : ''}`;
}

function updateSlider(): void {
  const days: string[] = [];
  graph.forEachEdge((_, a) => {
    if (a.startDate) days.push(a.startDate);
    if (a.endDate) days.push(a.endDate);
  });
  days.sort();
  const months = monthsBetween(days[0], days[days.length - 1]);
  untilSlider.max = String(Math.max(months.length - 1, 0));
  untilSlider.disabled = months.length === 0;
  playButton.disabled = months.length === 0;
  const index = view.to ? months.findIndex((m) => lastDay(m) >= view.to) : months.length - 1;
  untilSlider.value = String(index < 0 ? months.length - 1 : index);
  untilLabel.textContent = view.to || (months.length ? 'the end' : 'no dated links');
  sliderMonths = months;
}
let sliderMonths: string[] = [];

function monthsBetween(first?: string, last?: string): string[] {
  if (!first || !last) return [];
  const months: string[] = [];
  let [y, m] = first.slice(0, 7).split('-').map(Number) as [number, number];
  const end = last.slice(0, 7);
  while (months.length < 2400) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= end) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

function saveUrl(): void {
  const fragment = encodeView(view);
  const url = `${location.pathname}${location.search}${fragment ? `#${fragment}` : ''}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`)
    history.replaceState(null, '', url);
}

async function afterChange(relayout = true): Promise<void> {
  computeVisibility();
  restyle();
  updateSlider();
  renderer.refresh();
  renderTable();
  saveUrl();
  updateStatus();
  if (relayout) {
    // What was added may lie outside the view: show the whole canvas again.
    void renderer.getCamera().animatedReset({ duration: 300 });
    void runLayout();
  }
  // Drawn and answering clicks; the whole graph's analytics restyle it when they arrive.
  document.documentElement.dataset.ready = 'true';
  if (await loadMetrics()) {
    restyle();
    renderer.refresh();
    renderTable();
  }
}

/** Stops the layout where it is (the links hidden while it ran are drawn again). */
function stopLayout(): void {
  layout.stop();
  if (edgesWait) {
    edgesWait = false;
    renderer.refresh();
  }
}

/** Nodes added since the last layout began. */
const justAdded: string[] = [];

async function runLayout(): Promise<void> {
  if (graph.order === 0) return;
  // A few nodes added to a large view: they alone move (see Layout.start).
  const added = justAdded.filter((node) => graph.hasNode(node));
  justAdded.length = 0;
  const few = graph.order > 100 && added.length > 0 && added.length < graph.order / 10;
  edgesWait = graph.size > EDGES_WAIT_ABOVE;
  document.documentElement.dataset.layout = 'running';
  renderer.setCustomBBox(null);
  updateStatus();
  await layout.start(undefined, few ? new Set(added) : undefined);
  updateStatus();
}

// ---------------------------------------------------------------------------------------------
// Undo
// ---------------------------------------------------------------------------------------------

function pushUndo(snapshot: Snapshot): void {
  undoStack.push(snapshot);
  if (undoStack.length > UNDO_LIMIT) undoStack.shift();
}

function takeSnapshot(): Snapshot {
  return { graph: graph.export(), actions: [...view.actions], selected };
}

function undo(): void {
  const snapshot = undoStack.pop();
  if (!snapshot) {
    showMessage('Nothing to undo.', 'info');
    return;
  }
  stopLayout();
  const restored = newGraph();
  restored.import(snapshot.graph);
  swap(restored);
  view.actions = snapshot.actions;
  highlight = null;
  select(snapshot.selected, false);
  void afterChange(false);
}

// ---------------------------------------------------------------------------------------------
// Time window
// ---------------------------------------------------------------------------------------------

function setWindow(from: string, to: string): void {
  if (from && to && from > to) {
    // Often a step on the way (From typed before To): said beside the inputs, not applied.
    windowHint.textContent = `From (${from}) is after To (${to}): the window waits for a To on or after it.`;
    return;
  }
  windowHint.textContent = '';
  view.from = from;
  view.to = to;
  fromInput.value = from;
  toInput.value = to;
  void afterChange(false);
}

fromInput.addEventListener('change', () => setWindow(fromInput.value, toInput.value));
toInput.addEventListener('change', () => setWindow(fromInput.value, toInput.value));
undatedCheck.addEventListener('change', () => {
  view.undated = undatedCheck.checked;
  void afterChange(false);
});
untilSlider.addEventListener('input', () => {
  const month = sliderMonths[Number(untilSlider.value)];
  if (month) setWindow(view.from, lastDay(month));
});

let playing: ReturnType<typeof setInterval> | undefined;
playButton.addEventListener('click', () => {
  if (playing) {
    clearInterval(playing);
    playing = undefined;
    playButton.textContent = 'Play growth';
    return;
  }
  const months = sliderMonths;
  if (!months.length) return;
  let i = 0;
  playButton.textContent = 'Stop';
  // About ten seconds whatever the span, a month a step at most.
  const stride = Math.max(1, Math.ceil(months.length / 40));
  playing = setInterval(() => {
    const month = months[Math.min(i, months.length - 1)]!;
    setWindow('', lastDay(month));
    if (i >= months.length - 1) {
      clearInterval(playing);
      playing = undefined;
      playButton.textContent = 'Play growth';
    }
    i += stride;
  }, 250);
});

colourSelect.addEventListener('change', () => {
  view.colour = colourSelect.value as ViewState['colour'];
  void afterChange(false);
});
sizeSelect.addEventListener('change', () => {
  view.size = sizeSelect.value as ViewState['size'];
  void afterChange(false);
});

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

let hits: { matched: string; entity: ApiNode }[] = [];
let active = -1;
let searchTimer: ReturnType<typeof setTimeout> | undefined;
let searchSeq = 0;

function renderHits(): void {
  searchList.hidden = hits.length === 0;
  searchInput.setAttribute('aria-expanded', hits.length ? 'true' : 'false');
  replace(
    searchList,
    ...hits.map((hit, i) =>
      h(
        'li',
        {
          id: `hit-${i}`,
          role: 'option',
          'aria-selected': i === active ? 'true' : 'false',
          onmousedown: (event: Event) => {
            event.preventDefault();
            pick(i);
          },
        },
        h('span', {
          class: 'swatch',
          style: `background:${TYPE_COLOURS[hit.entity.__typename] ?? '#999'}`,
        }),
        ` ${labelOf(hit.entity)} `,
        h(
          'small',
          {},
          hit.entity.__typename,
          hit.matched !== hit.entity.name ? ` · “${hit.matched}”` : '',
        ),
      ),
    ),
  );
  if (active >= 0) searchInput.setAttribute('aria-activedescendant', `hit-${active}`);
  else searchInput.removeAttribute('aria-activedescendant');
}

function pick(i: number): void {
  const hit = hits[i];
  if (!hit) return;
  hits = [];
  active = -1;
  renderHits();
  searchInput.value = '';
  // Back to the page: the next key is a shortcut (E expands the node just placed).
  searchInput.blur();
  void act(async () => {
    if (graph.hasNode(hit.entity.id)) {
      select(hit.entity.id);
      return false;
    }
    await perform({ op: 'place', id: hit.entity.id });
    select(hit.entity.id);
  });
}

searchInput.addEventListener('input', () => {
  clearTimeout(searchTimer);
  const text = searchInput.value.trim();
  if (!text) {
    hits = [];
    renderHits();
    return;
  }
  if (!/[\p{L}\p{N}]/u.test(text)) {
    hits = [];
    renderHits();
    replace(
      searchList,
      h('li', { role: 'option', 'aria-disabled': 'true' }, 'Type a letter or a digit of a name.'),
    );
    searchList.hidden = false;
    return;
  }
  searchTimer = setTimeout(() => {
    const seq = ++searchSeq;
    request<{ search: typeof hits }>(SEARCH, { query: text.slice(0, 300) })
      .then(({ search }) => {
        if (seq !== searchSeq) return;
        hits = search;
        active = hits.length ? 0 : -1;
        renderHits();
        if (!hits.length)
          replace(
            searchList,
            h('li', { role: 'option', 'aria-disabled': 'true' }, `Nothing matches “${text}”.`),
          );
        searchList.hidden = false;
      })
      .catch((error: unknown) => showMessage(describe(error)));
  }, 150);
});
searchInput.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    if (!hits.length) return;
    active = (active + (event.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length;
    renderHits();
  } else if (event.key === 'Enter') {
    event.preventDefault();
    pick(Math.max(active, 0));
  } else if (event.key === 'Escape') {
    event.preventDefault();
    if (hits.length || searchInput.value) {
      hits = [];
      searchInput.value = '';
      renderHits();
    } else searchInput.blur();
  }
});
searchInput.addEventListener('blur', () =>
  setTimeout(() => {
    hits = [];
    renderHits();
  }, 100),
);

// ---------------------------------------------------------------------------------------------
// Table view
// ---------------------------------------------------------------------------------------------

function toggleTable(): void {
  view.table = !view.table;
  tableSection.hidden = !view.table;
  tableButton.setAttribute('aria-pressed', String(view.table));
  renderTable();
  // The canvas is shorter (or taller) now: sigma measures its container again.
  renderer.resize();
  renderer.refresh();
  saveUrl();
}

function renderTable(): void {
  if (!view.table) return;
  const nodeRows: HTMLTableRowElement[] = [];
  graph.forEachNode((node, a) => {
    if (!visibleNode(node)) return;
    nodeRows.push(
      h(
        'tr',
        { 'data-id': node, 'aria-selected': node === selected ? 'true' : undefined },
        h(
          'td',
          {},
          h('button', { type: 'button', class: 'link', onclick: () => select(node) }, a.label),
        ),
        h('td', {}, a.kind),
        h('td', {}, a.metrics?.country ?? a.country ?? ''),
        h('td', {}, a.date ?? ''),
        h('td', { class: 'number' }, a.metrics?.degree ?? graph.degree(node)),
        h('td', { class: 'number' }, a.metrics?.community ?? ''),
      ),
    );
  });
  const linkRows: HTMLTableRowElement[] = [];
  graph.forEachEdge((edge, a, source, target) => {
    if (!visibleEdge(edge)) return;
    linkRows.push(
      h(
        'tr',
        { 'data-id': edge },
        h('td', {}, graph.getNodeAttribute(source, 'label')),
        h(
          'td',
          {},
          h('button', { type: 'button', class: 'link', onclick: () => selectEdge(edge) }, a.link),
        ),
        h('td', {}, a.role ?? ''),
        h('td', {}, graph.getNodeAttribute(target, 'label')),
        h('td', {}, a.startDate ?? ''),
        h('td', {}, a.endDate ?? ''),
      ),
    );
  });
  const head = (...cells: string[]): HTMLTableSectionElement =>
    h('thead', {}, h('tr', {}, ...cells.map((c) => h('th', { scope: 'col' }, c))));
  replace(
    tableSection,
    h(
      'table',
      { id: 'nodes-table' },
      h('caption', {}, `Nodes on screen (${nodeRows.length})`),
      head('Name', 'Type', 'Country', 'Date', 'Degree', 'Community'),
      h('tbody', {}, ...nodeRows),
    ),
    h(
      'table',
      { id: 'links-table' },
      h('caption', {}, `Links on screen (${linkRows.length})`),
      head('From', 'Type', 'Role', 'To', 'Start', 'End'),
      h('tbody', {}, ...linkRows),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Export, API key, keyboard
// ---------------------------------------------------------------------------------------------

async function exportView(): Promise<void> {
  try {
    if (graph.order === 0)
      throw new ApiError('The canvas is empty: there is nothing to export.', 'EMPTY');
    const format = formatSelect.value;
    if (format === 'png') await downloadPng(renderer);
    else downloadText(graph, format as Format, visibleNode, visibleEdge);
  } catch (error) {
    showMessage(describe(error));
  }
}

function askKey(): void {
  keyInput.value = apiKey();
  keyDialog.showModal();
}

keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  keyDialog.close();
  setApiKey(keyInput.value.trim());
  // Read again with it: the view of the link (or the first view) is rebuilt.
  restart(
    keyInput.value.trim()
      ? 'The API key is used from now on, in this tab only.'
      : 'Reading anonymously.',
  );
});

function visibleNodesInOrder(): string[] {
  return graph
    .filterNodes((node) => visibleNode(node))
    .sort((a, b) =>
      graph.getNodeAttribute(a, 'label').localeCompare(graph.getNodeAttribute(b, 'label')),
    );
}

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || help.open) return;
  if (event.altKey || event.metaKey) return;
  const key = event.key;
  if (event.ctrlKey) {
    if (key === 'z') {
      event.preventDefault();
      undo();
    }
    return;
  }
  const run = (f: () => void): void => {
    event.preventDefault();
    f();
  };
  switch (key) {
    case '/':
      return run(() => searchInput.focus());
    case 'e':
    case 'E':
      return run(() => void act(() => expandSelected()));
    case 'h':
    case 'H':
      return run(() => void act(() => hideSelected()));
    case 'p':
    case 'P':
      return run(() => void act(() => pinSelected()));
    case 'Delete':
    case 'Backspace':
      return run(() => void act(() => removeSelected()));
    case 'f':
    case 'F':
      return run(() => setPathFrom());
    case 'g':
    case 'G':
      return run(() => void act(() => pathToSelected()));
    case 'z':
    case 'Z':
      return run(() => undo());
    case 'l':
    case 'L':
      return run(() => void runLayout());
    case 't':
    case 'T':
      return run(() => toggleTable());
    case '?':
      return run(() => help.showModal());
    case 'Escape':
      return run(() => select(null));
    case 'n':
    case 'N': {
      const nodes = visibleNodesInOrder();
      if (!nodes.length) return;
      const at = selected ? nodes.indexOf(selected) : -1;
      const next = nodes[(at + (event.shiftKey ? -1 : 1) + nodes.length) % nodes.length]!;
      return run(() => select(next));
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Start: the view in the URL, else the best-connected organisation's neighbourhood
// ---------------------------------------------------------------------------------------------

/** Refusals after which a replay stops asking. */
const STOPPING = new Set(['RATE_LIMITED', 'UNREACHABLE', 'UNAUTHENTICATED', 'FORBIDDEN', 'BUSY']);

/** Whether the last replay stopped at a refusal (then no first view is tried either). */
let stopped = false;

async function replay(state: ViewState, problems: string[]): Promise<void> {
  stopped = false;
  view = { ...state, actions: [] };
  colourSelect.value = view.colour;
  sizeSelect.value = view.size;
  fromInput.value = view.from;
  toInput.value = view.to;
  undatedCheck.checked = view.undated;
  tableSection.hidden = !view.table;
  tableButton.setAttribute('aria-pressed', String(view.table));
  // Unknown ids first, in one request: every one the link names is reported, not only the first.
  const ids = [
    ...new Set(state.actions.flatMap((a) => (a.op === 'path' ? [a.from, a.to] : [a.id]))),
  ];
  const missing = new Set<string>();
  if (ids.length) {
    const nodes = await fetchNodes(ids);
    ids.forEach((id, i) => {
      if (!nodes[i]) missing.add(id);
    });
  }
  if (missing.size)
    problems.push(
      `The shared link names ${missing.size === 1 ? 'a node' : `${missing.size} nodes`} this graph does not hold (deleted, from another server, or mistyped): ${[...missing].join(', ')}. The rest of the view is shown.`,
    );
  for (const [i, action] of state.actions.entries()) {
    if (
      (action.op === 'path' ? [action.from, action.to] : [action.id]).some((id) => missing.has(id))
    )
      continue;
    try {
      await perform(action);
    } catch (error) {
      problems.push(describe(error));
      // Refused for who or how often we ask, or no API: the rest would fare the same.
      if (error instanceof ApiError && STOPPING.has(error.code)) {
        const left = state.actions.length - i - 1;
        if (left)
          problems.push(
            `The view is incomplete: ${left} more action${left === 1 ? '' : 's'} of the link ${left === 1 ? 'was' : 'were'} not replayed. Reload the page to try again.`,
          );
        stopped = true;
        break;
      }
    }
  }
  if (state.selected && graph.hasNode(state.selected)) select(state.selected, true);
  else {
    if (state.selected && !missing.has(state.selected))
      problems.push(`The selected node ${state.selected} is not on the canvas.`);
    select(null, false);
  }
}

async function start(): Promise<void> {
  setBusy(1);
  try {
    const { view: state, problems } = decodeView(location.hash);
    if (state.actions.length || location.hash.length > 1) await replay(state, problems);
    // Nothing to show from the link (or no link): the first view.
    if (graph.order === 0 && !stopped) {
      const { organisations } = await request<{
        organisations: { edges: { node: { id: string } }[] };
      }>(START);
      const first = organisations.edges[0]?.node;
      if (first) {
        await perform({ op: 'expand', id: first.id, ...expandOptions() });
        select(null, false);
      } else showMessage('The graph is empty: nothing to show yet.', 'info');
    }
    for (const problem of problems) showMessage(problem);
    await afterChange();
  } catch (error) {
    showMessage(describe(error));
    replace(
      details,
      h('p', { class: 'error' }, 'The explorer could not load its first view. ', describe(error)),
    );
  } finally {
    setBusy(-1);
    document.documentElement.dataset.ready = 'true';
  }
}

/** Builds the view again from the URL (a new link, a new key). */
function restart(note?: string): void {
  stopLayout();
  graph.clear();
  undoStack.length = 0;
  messages.replaceChildren();
  notice.replaceChildren();
  if (note) showMessage(note, 'info');
  void start();
}

window.addEventListener('hashchange', () => {
  // A link pasted into the address bar of an open page.
  if (location.hash.slice(1) === encodeView(view)) return;
  restart();
});

/** For browser tests and the console: the graph on the canvas and its renderer. */
(window as unknown as { explorer: unknown }).explorer = {
  get graph() {
    return graph;
  },
  renderer,
  visibleNodes: () => graph.filterNodes((node) => visibleNode(node)),
  visibleEdges: () => graph.filterEdges((edge) => visibleEdge(edge)),
  exportText: (format: Format) => exportText(graph, format, visibleNode, visibleEdge).text,
  download,
};

select(null, false);
void start();
