// Information sharing: a resident's requests across every community and list, found by phone or ID number.
import { Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceRequestRow } from '../../../../shared/api/contract-counter';
import { api } from '../../api/client';
import { useReportError } from '../../lib/errors';
import { RequestTable } from './RequestTable';

export function ResidentHistorySearch({ onOpen }: { onOpen: (request: ServiceRequestRow) => void }) {
  const { t } = useTranslation();
  const report = useReportError();
  const [found, setFound] = useState<{ key: string; requests: ServiceRequestRow[] } | null>(null);
  const [loading, setLoading] = useState(false);

  const search = async (raw: string) => {
    const key = raw.trim();
    if (!key) return;
    // Letters or 15+ characters: an ID number; otherwise a phone number.
    const input = /[xX]$/.test(key) || key.replace(/\D/g, '').length >= 15 ? { idNumber: key } : { phone: key };
    setLoading(true);
    try {
      setFound({ key, requests: (await api.call('requests.residentHistory', input)).requests });
    } catch (error) {
      report(error);
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Input.Search className="history-search" placeholder={t('counter.history.search')} allowClear enterButton loading={loading} onSearch={(v) => void search(v)} aria-label={t('counter.history.search')} />
      <Modal open={found !== null} footer={null} width={980} onCancel={() => setFound(null)} title={`${t('counter.history.title')} · ${found?.key ?? ''} · ${t('counter.history.count', { count: found?.requests.length ?? 0 })}`} destroyOnHidden>
        <RequestTable
          rows={found?.requests ?? []}
          emptyText={t('counter.history.empty')}
          onOpen={(r) => {
            setFound(null);
            onOpen(r);
          }}
        />
      </Modal>
    </>
  );
}
