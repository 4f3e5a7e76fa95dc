/**
 * The shape of the in-memory projection graph, apart from the code that builds and reads it so
 * that the algorithms over it (brokers.ts) and the projection need not import each other.
 */
import type { UndirectedGraph } from 'graphology';
import type { NodeType } from '../../shared/global-id';

export interface NodeAttributes {
  uuid: string;
  type: NodeType;
  name: string | null;
  country: string | null;
}

export type ProjectionGraph = UndirectedGraph<NodeAttributes>;
