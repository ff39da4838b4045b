// Picks a member on the roll for an outgoing or internal letter: the core searches by name, pinyin initials
// (zsf finds 张三丰) or ID number, twenty at a time; the choice shows the member's branch and its community
// (every community has a 第1网格党支部).
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRow } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { useReportError } from '../../lib/errors';
import { useDebounced } from '../../lib/use-debounced';

const SEARCH_DEBOUNCE_MS = 250;
const SHOWN = 20;

const branchOf = (m: MemberRow) => (m.community ? `${m.branch} · ${m.community}` : m.branch);

export function MemberPicker({
  id,
  value,
  onChange,
  onPicked,
}: {
  /** Given by Form.Item, so the label points at the select. */
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  onPicked: (member: MemberRow | null) => void;
}) {
  const { t } = useTranslation();
  const report = useReportError();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS);
  const [found, setFound] = useState<MemberRow[]>([]);
  const [loading, setLoading] = useState(false);
  const [picked, setPicked] = useState<MemberRow | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api
      .call('members.list', { status: 'active', limit: SHOWN, ...(query ? { query } : {}), sort: [{ field: 'name', dir: 'asc' }] })
      .then((answer) => {
        if (live) setFound(answer.members);
      })
      .catch((error: unknown) => {
        if (live) report(error);
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [query, report]);

  const members = picked && !found.some((m) => m.id === picked.id) ? [picked, ...found] : found;

  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      allowClear
      placeholder={t('transfers.form.memberPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      notFoundContent={loading ? <Spin size="small" /> : t('transfers.form.memberNotFound')}
      loading={loading}
      popupMatchSelectWidth
      listHeight={300}
      options={members.map((m) => ({
        value: m.id,
        label: (
          <span className="member-option">
            <span className="member-option-name">{m.name}</span>
            <span className="member-option-branch">{branchOf(m)}</span>
            <span className="member-option-id">{m.idNumber}</span>
          </span>
        ),
      }))}
      labelRender={({ value: chosen }) => {
        const member = members.find((m) => m.id === chosen);
        return member ? (
          <span className="member-option">
            <span className="member-option-name">{member.name}</span>
            <span className="member-option-branch">{branchOf(member)}</span>
          </span>
        ) : (
          String(chosen ?? '')
        );
      }}
      onChange={(chosen) => {
        const member = members.find((m) => m.id === chosen) ?? null;
        setPicked(member);
        setSearch('');
        onChange?.(chosen ?? null);
        onPicked(member);
      }}
    />
  );
}
