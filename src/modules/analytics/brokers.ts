/**
 * Brokers: entities whose contacts span several groups (countries or communities). A contact is
 * an entity linked directly or through one event or interaction node (meeting at the same forum,
 * inviting and being invited), places excepted: a country is where one is, not whom one knows.
 * Computed in O(links) by summarising each event and interaction once, so large events cost
 * their size, not its square.
 */
import type { ProjectionGraph } from './projection-graph';

export interface BrokerScore {
  uuid: string;
  /** How many groups the entity and its contacts span. */
  score: number;
  groups: string[];
  /** Contact links: direct links plus the other parties of each shared event or interaction. */
  contacts: number;
  crossGroupContacts: number;
}

const HUBS = new Set(['Event', 'Invitation', 'Presentation', 'Proposal', 'Question']);

/**
 * Brokers among the candidate types, best first; ties by the node's uuid (not its key in the
 * graph, which is only its place in the projection). `groupOf` takes a node's key.
 */
export function brokers(
  graph: ProjectionGraph,
  groupOf: (key: string) => string | null,
  options: { candidates: Set<string>; required: string[] },
): BrokerScore[] {
  const isContact = (key: string): boolean => {
    const type = graph.getNodeAttribute(key, 'type');
    return !HUBS.has(type) && type !== 'Place';
  };
  // Per event/interaction: how many contact-type parties it has in each group.
  const hubGroups = new Map<string, Map<string, number>>();
  const hubSize = new Map<string, number>();
  graph.forEachNode((hub, attributes) => {
    if (!HUBS.has(attributes.type)) return;
    const counts = new Map<string, number>();
    let size = 0;
    graph.forEachNeighbor(hub, (party) => {
      if (!isContact(party)) return;
      size += 1;
      const group = groupOf(party);
      if (group !== null) counts.set(group, (counts.get(group) ?? 0) + 1);
    });
    hubGroups.set(hub, counts);
    hubSize.set(hub, size);
  });

  const results: BrokerScore[] = [];
  graph.forEachNode((key, attributes) => {
    if (!options.candidates.has(attributes.type)) return;
    const own = groupOf(key);
    const spanned = new Set<string>(own === null ? [] : [own]);
    let contacts = 0;
    let cross = 0;
    graph.forEachNeighbor(key, (neighbour) => {
      if (isContact(neighbour)) {
        contacts += 1;
        const group = groupOf(neighbour);
        if (group !== null) {
          spanned.add(group);
          if (group !== own) cross += 1;
        }
        return;
      }
      const counts = hubGroups.get(neighbour);
      if (!counts) return;
      // The other parties: the hub's parties minus this entity itself.
      contacts += hubSize.get(neighbour)! - 1;
      for (const [group, n] of counts) {
        const others = group === own ? n - 1 : n;
        if (others <= 0) continue;
        spanned.add(group);
        if (group !== own) cross += others;
      }
    });
    const groups = [...spanned].sort();
    if (options.required.some((g) => !spanned.has(g))) return;
    if (groups.length < 2 || cross === 0) return;
    results.push({
      uuid: attributes.uuid,
      score: groups.length,
      groups,
      contacts,
      crossGroupContacts: cross,
    });
  });
  return results.sort(
    (a, b) =>
      b.score - a.score ||
      b.crossGroupContacts - a.crossGroupContacts ||
      b.contacts - a.contacts ||
      (a.uuid < b.uuid ? -1 : 1),
  );
}
