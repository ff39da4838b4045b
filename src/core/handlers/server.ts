// Serving the communities: the settings the desktop shell starts its server from; saving is audited
// with the settings before and after.
import type { Handlers } from '../context';
import { getServeSettings, saveServeSettings } from '../services/serve-settings';

type ServerMethod = 'server.settings' | 'server.saveSettings';

export const serverHandlers: Pick<Handlers, ServerMethod> = {
  'server.settings'(ctx) {
    return getServeSettings(ctx.db);
  },
  'server.saveSettings'(ctx, input) {
    return ctx.tx(() => {
      const before = getServeSettings(ctx.db);
      const after = saveServeSettings(ctx.db, input);
      ctx.audit({ action: 'server.saveSettings', entity: 'settings', entityId: 'serve', before, after });
      return after;
    });
  },
};
