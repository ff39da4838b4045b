// Turns any failure of a call into one sentence in the UI language, via the shared error tables.
import { App } from 'antd';
import { useCallback } from 'react';
import type { Language } from '../../../shared/api/schemas';
import { formatError } from '../../../shared/i18n/messages';
import { ApiCallError, isHandledGlobally } from '../api/client';
import i18n, { currentLanguage } from '../i18n';
import { formatDateTime } from './format';

export function errorText(error: unknown, lang: Language = currentLanguage()): string {
  if (error instanceof ApiCallError) {
    if (error.unreachable) return i18n.t('errors.network');
    const details = { ...(error.error.details ?? {}) };
    if (error.code === 'ACCOUNT_LOCKED' && typeof details.until === 'string') {
      details.until = formatDateTime(details.until, lang);
    }
    return formatError({ code: error.code, details }, lang, error.method);
  }
  return formatError({ code: 'INTERNAL', details: { ref: error instanceof Error ? error.message : String(error) } }, lang);
}

/** A function that shows a failed call as a message, unless the shell already took care of it. */
export function useReportError(): (error: unknown) => void {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown) => {
      if (isHandledGlobally(error)) return;
      void message.error(errorText(error));
    },
    [message],
  );
}
