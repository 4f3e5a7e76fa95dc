/** Cypher fragments shared by repositories. Variable names come from our code, never from input. */

/**
 * A node as `{labels, properties}` (the shape of a driver Node) with its bookkeeping timestamps
 * as strings: decoding a DateTime costs the JavaScript driver a dozen objects, which made them
 * half the time of a 200-node lookup, and no API field shows them.
 */
export const lightNode = (n: string): string =>
  `{labels: labels(${n}), properties: ${n} {.*, createdAt: toString(${n}.createdAt), updatedAt: toString(${n}.updatedAt)}}`;
