// The CLI's words for the return and exchange commands, in zh-CN and en.
import type { ReturnInfo, VerifyOutcome } from '../shared/api/contract-exchange';
import type { Language } from '../shared/api/schemas';
import { COLUMN_LABELS, rowLabel, TABLE_TITLES } from '../shared/returns/tables';

export function exchangeText(lang: Language) {
  const zh = lang === 'zh-CN';
  return {
    districtDone: (name: string, code: string, user: string) => (zh ? `已初始化为区级：${name}（${code}），管理员 ${user}` : `Set up as a district: ${name} (${code}), administrator ${user}`),
    keyExported: (file: string, keyId: string, tlsSha256: string | null) =>
      (zh ? `公钥已导出到 ${file}（密钥编号 ${keyId}）` : `Public key written to ${file} (key id ${keyId})`) +
      (tlsSha256 ? (zh ? `\n服务器证书 SHA-256：${tlsSha256}` : `\nServer certificate SHA-256: ${tlsSha256}`) : ''),
    trusted: (name: string, code: string, keyId: string, tlsSha256: string | null, role: 'street' | 'district' | 'city' = 'district') =>
      (zh ? `已登记 ${name}（${code}）的公钥 ${keyId}` : `Trusted ${name} (${code}), key ${keyId}`) +
      (tlsSha256
        ? zh
          ? `\n上传时核对${role === 'city' ? '市' : '区'}服务器证书 SHA-256：${tlsSha256}`
          : `\nUploads will check the ${role === 'city' ? 'city' : 'district'} server's certificate, SHA-256 ${tlsSha256}`
        : ''),
    settingsSaved: (url: string, token: boolean) => (zh ? `上传地址：${url || '（未设置）'}；令牌：${token ? '已设置' : '未设置'}` : `Upload address: ${url || '(none)'}; token ${token ? 'set' : 'not set'}`),
    finalized: (period: string, version: number) => (zh ? `${period} 月报已定稿（第 ${version} 版）` : `The ${period} return is finalized (version ${version})`),
    reopened: (period: string, version: number) => (zh ? `${period} 月报已重新打开，现为第 ${version} 版草稿` : `The ${period} return is reopened as a draft of version ${version}`),
    built: (file: string, version: number, sha: string) => (zh ? `数据包（第 ${version} 版）已生成并校验：${file}\nSHA-256 ${sha}` : `Package (version ${version}) built and verified: ${file}\nSHA-256 ${sha}`),
    sent: (file: string) => (zh ? `已写入并读回校验：${file}` : `Written and verified: ${file}`),
    uploaded: (district: string, at: string, attempts: number) => (zh ? `${district} 已签收（${at}），共尝试 ${attempts} 次` : `Received by ${district} at ${at} (${attempts} attempts)`),
    noPackage: (period: string, version: number) => (zh ? `${period} 第 ${version} 版还没有生成数据包，请先 return build` : `No package of ${period} version ${version} yet: run return build first`),
    token: (code: string, token: string, level: 'street' | 'district' = 'street') =>
      zh ? `${level === 'street' ? '街道' : '区'} ${code} 的上传令牌（只显示这一次）：${token}` : `Upload token of ${code} (shown once): ${token}`,
    report: (file: string, sent: number, all: number) => (zh ? `汇总表已写入 ${file}（已报送 ${sent}/${all} 个街道）` : `Report written to ${file} (${sent} of ${all} streets sent)`),
    verified: (o: Extract<VerifyOutcome, { ok: true }>) =>
      zh
        ? `数据包完好：${o.manifest.streetName}（${o.manifest.streetCode}）${o.manifest.period} 第 ${o.manifest.version} 版，${o.manifest.counts.members ?? 0} 名党员${o.encrypted ? '（已加密）' : ''}`
        : `The package is intact: ${o.manifest.streetName} (${o.manifest.streetCode}) ${o.manifest.period} version ${o.manifest.version}, ${o.manifest.counts.members ?? 0} members${o.encrypted ? ' (encrypted)' : ''}`,
    imported: (rows: { file: string; status: string; message?: string; version?: number }[]) =>
      rows
        .map((r) => {
          const status = zh ? { accepted: '已接收', replaced: '已接收并替换旧版本', duplicate: '已接收过（同一文件）', rejected: '拒收' }[r.status] : r.status;
          return `${r.file}\t${status}${r.message ? `${zh ? '：' : ': '}${r.message}` : ''}`;
        })
        .join('\n'),
    returnTables: (info: ReturnInfo) =>
      info.tables
        .map((t) =>
          [
            `${zh ? TABLE_TITLES[t.id].zh : TABLE_TITLES[t.id].en}`,
            ['', ...t.columns.map((c) => (zh ? COLUMN_LABELS[c.key]?.zh : COLUMN_LABELS[c.key]?.en) ?? c.key)].join('\t'),
            ...t.rows.map((r) => [rowLabel(r, lang), ...t.columns.map((c) => r.values[c.key] ?? '')].join('\t')),
            [zh ? '合计' : 'Total', ...t.columns.map((c) => t.total[c.key] ?? '')].join('\t'),
          ].join('\n'),
        )
        .join('\n\n'),
  };
}

/** The CLI's words for the city level (issue 13). */
export function cityText(lang: Language) {
  const zh = lang === 'zh-CN';
  return {
    cityDone: (name: string, code: string, user: string) => (zh ? `已初始化为市级：${name}（${code}），管理员 ${user}` : `Set up as a city: ${name} (${code}), administrator ${user}`),
    districtBuilt: (file: string, version: number, sha: string, streets: number) =>
      zh ? `报市数据包（第 ${version} 版，含 ${streets} 个街道）已生成并校验：${file}\nSHA-256 ${sha}` : `Package for the city (version ${version}, ${streets} streets) built and verified: ${file}\nSHA-256 ${sha}`,
    noDistrictPackage: (period: string) => (zh ? `${period} 还没有生成报市数据包，请先 return build` : `No package for the city of ${period} yet: run return build first`),
    verified: (o: Extract<VerifyOutcome, { ok: true }>) =>
      zh
        ? `数据包完好：${o.manifest.streetName}（${o.manifest.streetCode}）${o.manifest.period} 第 ${o.manifest.version} 版，${o.manifest.counts.streets ?? 0} 个街道${o.encrypted ? '（已加密）' : ''}`
        : `The package is intact: ${o.manifest.streetName} (${o.manifest.streetCode}) ${o.manifest.period} version ${o.manifest.version}, ${o.manifest.counts.streets ?? 0} streets${o.encrypted ? ' (encrypted)' : ''}`,
    noDistricts: zh ? '还没有登记任何区的公钥（keys trust --key 区公钥.json --district-code 代码）' : 'No district is on the list yet (keys trust --key KEY.json --district-code CODE)',
    report: (file: string, sent: number, all: number) => (zh ? `全市汇总表已写入 ${file}（已报送 ${sent}/${all} 个区）` : `City report written to ${file} (${sent} of ${all} districts sent)`),
    // A city's import reads as a district's.
    imported: exchangeText(lang).imported,
  };
}
