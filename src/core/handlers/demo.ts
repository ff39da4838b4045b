// The made-up demo street (the CLI's seed-demo): members, and optionally a year of service work, in one
// audited transaction, so a demo database is built through the same door as every other write.
import type { Handlers } from '../context';
import { refreshStatistics } from '../db/open';
import { REFERENCE_DAY, seedDemo } from '../services/seed-demo';
import { seedServiceWork } from '../services/counter/seed-service';
import { seedMeetings } from '../services/life/seed-meetings';
import { seedPipeline } from '../services/develop/seed-pipeline';

export const demoHandlers: Pick<Handlers, 'demo.seed'> = {
  'demo.seed'(ctx, input) {
    const until = input.until === undefined ? undefined : new Date(`${input.until}T00:00:00Z`);
    const result = ctx.tx(() => {
      const r = {
        seed: input.seed,
        ...seedDemo(ctx.db, { members: input.members, seed: input.seed, until }, ctx.now()),
        ...(input.requests > 0 ? seedServiceWork(ctx.db, { requests: input.requests, seed: input.seed, until }, ctx.now()) : {}),
        // People at every stage of 发展党员, so the board, the register and the overview have data.
        ...(input.develop && seedPipeline(ctx.db, { seed: input.seed, until: (until ?? REFERENCE_DAY).toISOString().slice(0, 10) }, ctx.actorName, ctx.now())),
        ...(input.meetings ? seedMeetings(ctx.db, { seed: input.seed, until: (until ?? REFERENCE_DAY).toISOString().slice(0, 10) }) : {}),
      };
      ctx.audit({ action: 'demo.seed', entity: 'member', after: r });
      return r;
    });
    // The planner's statistics were taken on an empty database; a bulk load makes them wrong.
    refreshStatistics(ctx.db, 'after-bulk-load');
    return result;
  },
};
