// 系统设置 → 报送设置: the street's key for the district, the district's key, and the upload address and
// token — the same card the 月报 page shows its administrator.
import { Spin } from 'antd';
import { useApi } from '../../api/use-api';
import { errorText } from '../../lib/errors';
import { ExchangeSettingsCard } from '../returns/ExchangeSettingsCard';

export function ExchangeTab() {
  const keys = useApi('exchange.keys', {});
  if (keys.error) return <div className="load-error">{errorText(keys.error)}</div>;
  if (!keys.data) return <Spin />;
  return <ExchangeSettingsCard keys={keys.data} onChanged={() => void keys.reload()} />;
}
