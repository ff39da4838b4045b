// The members' archive as the contract serves it.
import type { Handlers } from '../context';
import { listMembers } from '../services/members';

export const memberHandlers: Pick<Handlers, 'members.list'> = {
  'members.list'(ctx, input) {
    return listMembers(ctx.db, input);
  },
};
