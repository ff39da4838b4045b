// The save cycle every counter form shares: check with the contract's schema, call, report, close.
import { App, Form, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type ApiInput, type ApiOutput, type Method } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { useReportError } from '../../lib/errors';
import { submitChecked } from '../../lib/form-issues';

export function useSaveForm<V extends object, M extends Method>(
  method: M,
  fields: string[],
  toInput: (values: V) => ApiInput<M>,
  onSaved: (saved: ApiOutput<M>) => void,
  /** What the success message says, given the saved record (by default 已保存). */
  savedText?: (saved: ApiOutput<M>) => string,
): { form: FormInstance<V>; saving: boolean; submit: () => Promise<void> } {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const input = toInput(form.getFieldsValue(true) as V);
    await submitChecked({
      form,
      schema: contract[method].input,
      input,
      fields,
      report,
      setSaving,
      call: async () => {
        const saved = (await (api.call as (m: Method, i: unknown) => Promise<unknown>)(method, input)) as ApiOutput<M>;
        void message.success(savedText?.(saved) ?? t('common.saved'));
        onSaved(saved);
      },
    });
  };
  return { form, saving, submit };
}
