// The open column's board (公开栏) as it is printed: the items published and still posted on a day, in the four
// areas' order, corrections marked; phones and ID numbers typed into the text masked through the one masking
// function (src/shared/validators/masking.ts), as on every public board.
import type { Db } from '../../db/connection';
import type { DisclosureBoard } from '../../../shared/api/contract-gov';
import { DISCLOSURE_AREAS } from '../../../shared/gov-rules';
import { scrubPersonalData } from '../../../shared/validators/masking';
import { all, qb } from '../../db/query';

/** Stretches of text that may hold a phone or ID number: digits (half or full width) with their separators. */
const NUMBER_RUN = /[0-9\uFF10-\uFF19xX\uFF38\uFF58+\uFF0B()\uFF08\uFF09 \u3000\-\u2014\u2013\uFF0D]{7,}/g;

/**
 * Board text through the one masking function, applied to number-like stretches only: scrubPersonalData also
 * turns full-width brackets and dashes half-width, which would change "（更正）" on the printed board.
 */
export function boardText(text: string): string {
  return text.replace(NUMBER_RUN, (run) => {
    const scrubbed = scrubPersonalData(run);
    return scrubbed.includes('*') ? scrubbed : run;
  });
}

/** The open column on a day: items published, covering the day, not superseded; text scrubbed of personal data. */
export function disclosureBoard(db: Db, communityId: number | null, on: string, communityName: string): DisclosureBoard {
  const rows = all(
    db,
    qb
      .selectFrom('gov_disclosures')
      .selectAll()
      .where('community_id', 'is', communityId)
      .where('status', '=', 'published')
      .where('published_on', '<=', on)
      .where('period_to', '>=', on)
      .orderBy('area')
      .orderBy('published_on', 'desc'),
  );
  const order = new Map(DISCLOSURE_AREAS.map((a, i) => [a, i]));
  return {
    on,
    communityName,
    items: rows
      .sort((a, b) => order.get(a.area)! - order.get(b.area)!)
      .map((r) => ({
        area: r.area,
        // Public boards carry no phone or ID number typed into the text (the one masking function).
        title: boardText(r.title),
        content: boardText(r.content),
        attachments: (JSON.parse(r.attachments) as string[]).map(boardText),
        periodFrom: r.period_from,
        periodTo: r.period_to,
        publishedOn: r.published_on!,
        correction: r.corrects_id !== null,
      })),
  };
}
