/**
 * The view as a URL: what was put on the canvas, in order (placed, expanded, paths, hidden,
 * pinned, removed), and how it is drawn (colours, sizes, the time window, the selection, the
 * table). Reloading the page or opening a shared link replays it. Kept in the fragment (#...),
 * which the browser never sends to a server. Global ids hold [A-Za-z0-9_-] only, so "." and
 * "~" separate the parts of an action and the actions.
 */

export const COLOURS = ['type', 'country', 'community'] as const;
export const SIZES = ['degree', 'pageRank', 'betweenness', 'none'] as const;
export type ColourBy = (typeof COLOURS)[number];
export type SizeBy = (typeof SIZES)[number];

export type Action =
  | { op: 'place'; id: string }
  | {
      op: 'expand';
      id: string;
      depth: number;
      limit: number;
      linkTypes: string[] | null;
      types: string[] | null;
    }
  | { op: 'path'; from: string; to: string; k: number }
  | { op: 'hide'; id: string }
  | { op: 'remove'; id: string }
  | { op: 'pin'; id: string; x: number; y: number }
  | { op: 'unpin'; id: string };

export interface ViewState {
  actions: Action[];
  colour: ColourBy;
  size: SizeBy;
  /** The time window, ISO days; '' for open. */
  from: string;
  to: string;
  undated: boolean;
  selected: string;
  table: boolean;
}

export const DEFAULT_VIEW: ViewState = {
  actions: [],
  colour: 'type',
  size: 'degree',
  from: '',
  to: '',
  undated: true,
  selected: '',
  table: false,
};

const ID = /^[A-Za-z0-9_-]{1,200}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NAMES = /^[A-Z_]+(,[A-Z_]+)*$/;

const list = (value: string[] | null): string => (value && value.length ? value.join(',') : '*');

function encodeAction(a: Action): string {
  switch (a.op) {
    case 'place':
      return `p.${a.id}`;
    case 'expand':
      return `x.${a.id}.${a.depth}.${a.limit}.${list(a.linkTypes)}.${list(a.types)}`;
    case 'path':
      return `k.${a.from}.${a.to}.${a.k}`;
    case 'hide':
      return `h.${a.id}`;
    case 'remove':
      return `r.${a.id}`;
    case 'pin':
      // Hundredths as whole numbers: a decimal point would read as the next field.
      return `f.${a.id}.${Math.round(a.x * 100)}.${Math.round(a.y * 100)}`;
    case 'unpin':
      return `u.${a.id}`;
  }
}

function decodeAction(text: string): Action | string {
  const [code, ...parts] = text.split('.');
  const bad = `“${text.slice(0, 80)}” is not an action this page knows`;
  const id = (value: string | undefined): string | undefined =>
    value !== undefined && ID.test(value) ? value : undefined;
  const int = (value: string | undefined, min: number, max: number): number | undefined => {
    const n = Number(value);
    return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
  };
  const names = (value: string | undefined): string[] | null | undefined =>
    value === '*' ? null : value && NAMES.test(value) ? value.split(',') : undefined;
  switch (code) {
    case 'p':
    case 'h':
    case 'r':
    case 'u': {
      const node = id(parts[0]);
      if (!node || parts.length !== 1) return bad;
      const op = ({ p: 'place', h: 'hide', r: 'remove', u: 'unpin' } as const)[code];
      return { op, id: node };
    }
    case 'x': {
      const [node, depth, limit, linkTypes, types] = [
        id(parts[0]),
        int(parts[1], 1, 3),
        int(parts[2], 1, 2000),
        names(parts[3]),
        names(parts[4]),
      ];
      if (!node || !depth || !limit || linkTypes === undefined || types === undefined)
        return `${bad}: an expansion needs an id, a depth of 1 to 3 and a cap of 1 to 2000`;
      return { op: 'expand', id: node, depth, limit, linkTypes, types };
    }
    case 'k': {
      const [from, to, k] = [id(parts[0]), id(parts[1]), int(parts[2], 1, 10)];
      if (!from || !to || !k) return `${bad}: a path needs two ids and a count of 1 to 10`;
      return { op: 'path', from, to, k };
    }
    case 'f': {
      const [node, x, y] = [id(parts[0]), parts[1] ?? '', parts[2] ?? ''];
      const whole = /^-?\d{1,12}$/;
      if (!node || parts.length !== 3 || !whole.test(x) || !whole.test(y))
        return `${bad}: a pin needs an id and a position in hundredths, e.g. f.<id>.-4266.1517`;
      return { op: 'pin', id: node, x: Number(x) / 100, y: Number(y) / 100 };
    }
    default:
      return bad;
  }
}

export function encodeView(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.actions.length) params.set('a', view.actions.map(encodeAction).join('~'));
  if (view.colour !== DEFAULT_VIEW.colour) params.set('colour', view.colour);
  if (view.size !== DEFAULT_VIEW.size) params.set('size', view.size);
  if (view.from) params.set('from', view.from);
  if (view.to) params.set('to', view.to);
  if (!view.undated) params.set('undated', 'hide');
  if (view.selected) params.set('sel', view.selected);
  if (view.table) params.set('table', '1');
  // URLSearchParams would write "~" as %7E; it is safe in a fragment.
  return params.toString().replace(/%7E/gi, '~');
}

/** The view a fragment describes, and a sentence for each part of it that could not be read. */
/**
 * The most actions a link may replay: each may be a request to the API, and a link is someone
 * else's text (a link of thousands would spend the reader's rate limit).
 */
export const MAX_ACTIONS = 100;

export function decodeView(fragment: string): { view: ViewState; problems: string[] } {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const problems: string[] = [];
  const view: ViewState = { ...DEFAULT_VIEW, actions: [] };
  const texts = (params.get('a') ?? '').split('~').filter(Boolean);
  const seen = new Set<string>();
  let unread = 0;
  for (const text of texts) {
    const action = decodeAction(text);
    if (typeof action === 'string') {
      // One sentence per kind of fault, not one per action.
      if (problems.length < 5) problems.push(action);
      else unread += 1;
      continue;
    }
    // The same placing or expansion twice asks the same again: replayed once.
    const key = encodeAction(action);
    if ((action.op === 'place' || action.op === 'expand' || action.op === 'path') && seen.has(key))
      continue;
    seen.add(key);
    view.actions.push(action);
  }
  if (unread) problems.push(`${unread} more actions of the link could not be read either`);
  if (view.actions.length > MAX_ACTIONS) {
    problems.push(
      `The link holds ${view.actions.length} actions; the first ${MAX_ACTIONS} are shown (a link replays at most ${MAX_ACTIONS}).`,
    );
    view.actions.length = MAX_ACTIONS;
  }
  const colour = params.get('colour');
  if (colour !== null) {
    if ((COLOURS as readonly string[]).includes(colour)) view.colour = colour as ColourBy;
    else problems.push(`colour=${colour} is not one of ${COLOURS.join(', ')}`);
  }
  const size = params.get('size');
  if (size !== null) {
    if ((SIZES as readonly string[]).includes(size)) view.size = size as SizeBy;
    else problems.push(`size=${size} is not one of ${SIZES.join(', ')}`);
  }
  for (const key of ['from', 'to'] as const) {
    const day = params.get(key);
    if (day === null) continue;
    if (DAY.test(day) && !Number.isNaN(Date.parse(day))) view[key] = day;
    else problems.push(`${key}=${day} is not a day written YYYY-MM-DD`);
  }
  if (view.from && view.to && view.from > view.to) {
    problems.push(`the window's from (${view.from}) is after its to (${view.to}); it is ignored`);
    view.from = view.to = '';
  }
  view.undated = params.get('undated') !== 'hide';
  const selected = params.get('sel');
  if (selected !== null) {
    if (ID.test(selected)) view.selected = selected;
    else problems.push(`sel=${selected.slice(0, 80)} is not an id`);
  }
  view.table = params.get('table') === '1';
  return { view, problems };
}
