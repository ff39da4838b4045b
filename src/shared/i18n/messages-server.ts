// Serving the communities (联网服务): the module's field labels (its namespace, see field-labels.ts) and
// field problems (zh-CN + en); messages.ts merges the problems into its table.
import type { Language } from '../api/schemas';
import { labelTable } from './label-table';

export const SERVER_FIELD_LABELS = labelTable({
  'zh-CN': { enabled: '为各社区提供联网服务', port: '端口', publicNames: '本机在政务网上的名称或地址' },
  en: { enabled: 'Serve the communities on the network', port: 'Port', publicNames: 'Names or addresses of this PC on the network' },
});

export const SERVER_FIELD_PROBLEMS: Record<Language, Record<string, string>> = {
  'zh-CN': {
    publicNameFormat: '须为主机名或 IPv4 地址，可带端口，如 jiedao-pc.gov.local 或 10.20.30.40:8443',
    publicNameDuplicate: '有重复的名称',
    publicNamesTooMany: '最多 10 个名称',
  },
  en: {
    publicNameFormat: 'must be a host name or an IPv4 address, with a port if needed, such as street-pc.gov.local or 10.20.30.40:8443',
    publicNameDuplicate: 'a name is listed twice',
    publicNamesTooMany: 'at most 10 names',
  },
};
