// The members grid's editing inside the app: the app's client, catalogs and language.
import type { Method } from '../../../../../shared/api/contract';
import { api } from '../../../api/client';
import i18n, { currentLanguage } from '../../../i18n';
import { errorText } from '../../../lib/errors';
import type { EditingCall, EditingEnv } from '../member-editing';

export const appEditingEnv: EditingEnv = {
  // The client's own signature differs only in taking no input for methods that need none.
  call: ((method: Method, input: unknown) => (api.call as (m: Method, i: unknown) => Promise<unknown>)(method, input)) as EditingCall,
  t: (key, options) => i18n.t(key, options) as string,
  language: currentLanguage,
  errorText: (error) => errorText(error),
};
