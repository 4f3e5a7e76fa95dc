/** Cypher of the invitation list: filtered, keyset-paginated, with the parties of each. */
import { int } from 'neo4j-driver';
import type { Database } from '../../db/database';
import { interactionRow, whereOf, type Parties } from '../../shared/cypher';
import {
  fromInteractionRow,
  type InteractionRecord,
  type InteractionRow,
} from '../interaction/interaction.record';
import { brokenParties } from '../integrity/integrity';
import { hasItsParties } from '../integrity/integrity.rules';

export interface InvitationFilterParams {
  inviter: string | null;
  invitee: string | null;
  target: string | null;
  from: string | null;
  to: string | null;
}

// Filters are fixed pattern predicates with parameters, one per filter given.
const PREDICATES: Record<keyof InvitationFilterParams, string> = {
  inviter: 'EXISTS { (:Entity {id: $inviter})-[:EXTENDED]->(i) }',
  invitee: 'EXISTS { (i)-[:INVITES]->(:Entity {id: $invitee}) }',
  target: 'EXISTS { (i)-[:TO]->(:Entity {id: $target}) }',
  from: 'i.date >= date($from)',
  to: 'i.date <= date($to)',
};

// The filtered total and a keyset page on (date, id), stable when rows are inserted between
// pages, with the invitations whole, in one statement. Undated invitations sort last (their
// sort key is the maximum date). Forwards the rows after the cursor, ascending; backwards the
// rows before it, nearest first (the service turns them round). `beyond`: whether an
// invitation lies on the other side of the cursor (at it or behind it): the first one found
// answers, and without a cursor the subquery is not run at all.
const listing = (where: string, parties: Parties, backward = false): string => {
  const [ahead, behind, behindOrAt, direction] = backward
    ? ['<', '>', '>=', ' DESC']
    : ['>', '<', '<=', ''];
  return /* cypher */ `
CALL () {
  MATCH (i:Invitation)
  ${where}
  RETURN count(i) AS total
}
CALL () {
  MATCH (i:Invitation)
  ${where}
  WITH i, coalesce(i.date, date('9999-12-31')) AS sortDate
  WHERE $cursorDate IS NULL OR sortDate ${ahead} date($cursorDate) OR (sortDate = date($cursorDate) AND i.id ${ahead} $cursorId)
  WITH i, sortDate ORDER BY sortDate${direction}, i.id${direction} LIMIT $limit
  RETURN collect({id: i.id, sortDate: toString(sortDate), row: ${interactionRow('i', parties)}}) AS rows
}
CALL () {
  WITH 1 AS cursorGiven WHERE $cursorDate IS NOT NULL
  MATCH (i:Invitation)
  ${where}
  WITH i, coalesce(i.date, date('9999-12-31')) AS sortDate
  WHERE sortDate ${behind} date($cursorDate) OR (sortDate = date($cursorDate) AND i.id ${behindOrAt} $cursorId)
  WITH i LIMIT 1
  RETURN count(i) > 0 AS beyond
}
RETURN total, rows, beyond`;
};

export class InvitationRepository {
  constructor(private readonly db: Database) {}

  /**
   * One page of invitations (limit rows) after the given key, plus the filtered total; their
   * parties whole, or only named when the query asks nothing more of them.
   */
  async list(
    filter: InvitationFilterParams,
    cursor: { date: string; id: string } | null,
    limit: number,
    parties: Parties,
    requestId?: string,
    backward = false,
  ): Promise<{
    rows: { id: string; sortDate: string; record: InteractionRecord }[];
    total: number;
    beyond: boolean;
    /** Damaged invitations (a party they need is gone) left out of this page and the total. */
    skipped: { id: string; broken: string[] }[];
  }> {
    const params = {
      ...filter,
      cursorDate: cursor?.date ?? null,
      cursorId: cursor?.id ?? null,
      limit: int(limit),
    };
    const where = whereOf(filter, PREDICATES);
    const page = await this.invitationPage(
      listing(where, parties, backward),
      params,
      parties,
      requestId,
    );
    const skipped = page.rows
      .map((r) => ({ id: r.id, broken: brokenParties(r.record) }))
      .filter((r) => r.broken.length > 0);
    if (skipped.length === 0) return { ...page, skipped };
    // Rare (legacy damage): the page again without damaged invitations, so that the page is
    // full, its cursors continue and the total agrees. Not the usual path, since the predicate
    // costs the count its store lookup.
    const complete = where
      ? `${where}\n  AND ${hasItsParties('Invitation', 'i')}`
      : `WHERE ${hasItsParties('Invitation', 'i')}`;
    return {
      ...(await this.invitationPage(
        listing(complete, parties, backward),
        params,
        parties,
        requestId,
      )),
      skipped,
    };
  }

  private async invitationPage(
    statement: string,
    params: Record<string, unknown>,
    parties: Parties,
    requestId?: string,
  ): Promise<{
    rows: { id: string; sortDate: string; record: InteractionRecord }[];
    total: number;
    beyond: boolean;
  }> {
    const result = await this.db.query(statement, params, {
      operation: 'invitation.list',
      requestId,
    });
    const record = result.records[0];
    const rows = (record?.get('rows') ?? []) as {
      id: string;
      sortDate: string;
      row: InteractionRow;
    }[];
    return {
      rows: rows.map((r) => ({
        id: r.id,
        sortDate: r.sortDate,
        record: fromInteractionRow(r.row, parties === 'whole'),
      })),
      total: Number(record?.get('total') ?? 0),
      beyond: record?.get('beyond') === true,
    };
  }
}
