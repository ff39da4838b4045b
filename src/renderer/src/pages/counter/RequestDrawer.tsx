// A request opened from the counter's lists: the resident, the matter as accepted (list and limit kept from
// acceptance), where it stands — due date, pause, extension, result, satisfaction — its history, and the
// steps its state allows.
import { Button, Drawer, Rate, Space, Spin, Timeline } from 'antd';
import { PrintButton } from '../../print/PrintButton';
import { useTranslation } from 'react-i18next';
import type { ServiceRequestEvent, ServiceRequestRow } from '../../../../shared/api/contract-counter';
import { useApi } from '../../api/use-api';
import { KeyValues } from '../../components/KeyValues';
import { formatDateTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { DueDate, ListClassTag, RequestStatus, useLimitText } from './counter-labels';
import { stepsFor, type RequestStep } from './RequestStepModal';

/** The acceptance moment; a request registered later than it was taken shows both days. */
function acceptedText(r: ServiceRequestRow, lang: ReturnType<typeof useLanguage>): string {
  const recorded = formatDateTime(r.acceptedAt, lang);
  return recorded.startsWith(r.acceptedOn) ? recorded : `${r.acceptedOn}（${recorded}）`;
}

function EventText({ event }: { event: ServiceRequestEvent }) {
  const { t } = useTranslation();
  const detail = Object.fromEntries(Object.entries(event.detail ?? {}).map(([k, v]) => [k, v ?? '—']));
  return <>{t(`counter.events.${event.kind}`, { ...detail, defaultValue: event.kind })}</>;
}

export function RequestDrawer({
  requestId,
  version,
  canEdit,
  onClose,
  onStep,
}: {
  requestId: number | null;
  /** Changes after each step, so the drawer reloads what it shows. */
  version: number;
  canEdit: boolean;
  onClose: () => void;
  onStep: (request: ServiceRequestRow, step: RequestStep) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const limitText = useLimitText();
  const detail = useApi('requests.get', { id: requestId ?? 1 }, [requestId, version], { enabled: requestId !== null });
  const r = requestId !== null && detail.data?.request.id === requestId ? detail.data.request : null;
  const events = r ? detail.data!.events : [];
  const dash = t('common.empty');

  return (
    <Drawer open={requestId !== null} onClose={onClose} size={520} title={r ? t('counter.drawer.title', { number: r.number }) : ''} destroyOnHidden className="request-drawer">
      {!r ? (
        <Spin />
      ) : (
        <>
          <div className="request-drawer-head">
            <ListClassTag listClass={r.listClass} />
            <span className="request-drawer-matter">{r.matterName}</span>
            <RequestStatus request={r} />
            <PrintButton size="small" doc="slip" params={{ request: r.id }} label={t('print.slip.open')} />
          </div>
          {canEdit && stepsFor(r).length > 0 && (
            <Space wrap className="request-actions">
              {stepsFor(r).map((step, i) => (
                <Button key={step} type={i === 0 ? 'primary' : 'default'} onClick={() => onStep(r, step)}>
                  {t(`counter.actions.${step}`)}
                </Button>
              ))}
            </Space>
          )}
          <h3 className="drawer-section">{t('counter.drawer.resident')}</h3>
          <KeyValues
            rows={[
              { key: 'name', label: t('counter.accept.residentName'), value: r.residentName },
              { key: 'phone', label: t('counter.accept.residentPhone'), value: r.residentPhone ?? dash },
              { key: 'id', label: t('counter.drawer.idNumber'), value: r.residentIdNumber ?? dash },
              { key: 'address', label: t('counter.accept.residentAddress'), value: r.residentAddress ?? dash },
              { key: 'channel', label: t('counter.accept.channel'), value: t(`counter.channel.${r.channel}`) },
              ...(r.notes ? [{ key: 'notes', label: t('counter.accept.notes'), value: r.notes }] : []),
            ]}
          />
          <h3 className="drawer-section">{t('counter.drawer.handling')}</h3>
          <KeyValues
            rows={[
              { key: 'community', label: t('counter.accept.community'), value: r.communityName },
              { key: 'acceptedAt', label: t('counter.drawer.acceptedAt'), value: acceptedText(r, lang) },
              { key: 'acceptedBy', label: t('counter.drawer.acceptedBy'), value: r.acceptedBy },
              { key: 'limit', label: t('counter.drawer.limit'), value: `${limitText(r.limitDays)} · ${t('counter.drawer.snapshot')}` },
              { key: 'due', label: t('counter.drawer.dueOn'), value: <DueDate request={r} /> },
              ...(r.assigneeName ? [{ key: 'assignee', label: t('counter.table.assignee'), value: `${r.assigneeName}（${t(`counter.assigneeKind.${r.assigneeKind}`)}）` }] : []),
              ...(r.pausedOn ? [{ key: 'paused', label: t('counter.drawer.paused'), value: t('counter.drawer.pausedSince', { date: r.pausedOn, docs: r.missingDocuments ?? '' }) }] : []),
              ...(r.pausedDays > 0 ? [{ key: 'pausedDays', label: t('counter.drawer.paused'), value: t('counter.drawer.pausedDays', { count: r.pausedDays }) }] : []),
              ...(r.extendedDays > 0 ? [{ key: 'extended', label: t('counter.drawer.extended'), value: t('counter.drawer.extendedText', { count: r.extendedDays, reason: r.extensionReason ?? '' }) }] : []),
              ...(r.result ? [{ key: 'result', label: t('counter.drawer.result'), value: r.result }] : []),
              ...(r.transferredTo ? [{ key: 'transferred', label: t('counter.drawer.transferredTo'), value: `${r.transferredTo}（${r.transferReason ?? ''}）` }] : []),
              ...(r.guidanceTo ? [{ key: 'guidance', label: t('counter.drawer.guidanceTo'), value: r.guidanceTo }] : []),
              ...(r.closedOn ? [{ key: 'closed', label: t('counter.drawer.closedOn'), value: `${r.closedOn} · ${r.onTime ? t('counter.drawer.onTime') : t('counter.drawer.late')}` }] : []),
              ...(r.status === 'done'
                ? [
                    {
                      key: 'satisfaction',
                      label: t('counter.drawer.satisfaction'),
                      value: r.satisfaction ? (
                        <span>
                          <Rate disabled value={r.satisfaction} className="request-rate" />{' '}
                          {(t('counter.step.satisfactionWords', { returnObjects: true }) as string[])[r.satisfaction - 1]}{' '}
                          {r.satisfactionComment ?? ''}
                        </span>
                      ) : (
                        t('counter.drawer.notRated')
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <h3 className="drawer-section">{t('counter.drawer.events')}</h3>
          <Timeline
            className="request-events"
            items={events.map((e) => ({
              key: e.id,
              content: (
                <div>
                  <div>
                    <EventText event={e} />
                  </div>
                  <div className="request-event-meta">
                    {formatDateTime(e.at, lang)} · {e.recordedBy}
                  </div>
                </div>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
