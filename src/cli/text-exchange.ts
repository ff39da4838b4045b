// The CLI's words for the return and exchange commands, in zh-CN and en.
import type { ReturnInfo, VerifyOutcome } from '../shared/api/contract-exchange';
import type { Language } from '../shared/api/schemas';
import { COLUMN_LABELS, rowLabel, TABLE_TITLES } from '../shared/returns/tables';

export const EXCHANGE_USAGE: Record<Language, string> = {
  'zh-CN': `
月报与报送：
  init --district --district-name 区名 --district-code 区县代码 --admin-user 用户名
                        把新数据库初始化为区级（接收、核验、汇总各街道月报）
  keys export --out 文件  导出本库公钥文件（街道：签名公钥；区：签名和加密公钥）
  keys trust --key 文件 [--street-code 街道代码]
                        区：登记一个街道的公钥；街道：导入区的公钥
  exchange set --district-url 地址   设置区里的上传地址（令牌取自环境变量 STREETDESK_UPLOAD_TOKEN）
  return show --period 年-月          显示月报各表
  return finalize --period 年-月      审核并定稿月报（冻结数据）
  return reopen --period 年-月 --reason 原因   重新打开已定稿月报（记录在案，版本加 1）
  return build --period 年-月 --out 文件夹 [--encrypt-to 区公钥文件 | --unencrypted]
                        生成签名的月报数据包，写入文件夹并读回校验
  return send --period 年-月 --folder 文件夹   把数据包写入 U 盘/文件夹并读回校验
  return upload --period 年-月        上传数据包到区里（断网自动重试），保存区里的签收回执
  package verify 文件    校验数据包；有问题时退出码 1 并给出原因代码
  district import 文件或文件夹…  区：导入数据包（文件夹即其中全部 .zip/.sealed；逐个给出接收、替换或拒收原因）
  district streets       区：列出已登记的街道和公钥
  district token --street-code 街道代码  区：为街道生成上传令牌
  district report --period 年-月 --out 文件.xlsx  区：生成全区汇总表`,
  en: `
Returns and exchange:
  init --district --district-name NAME --district-code CODE --admin-user NAME
                         set a new database up as a district (receives, verifies, consolidates)
  keys export --out FILE  write this database's public key file
  keys trust --key FILE [--street-code CODE]
                         district: add a street's key; street: keep the district's key
  exchange set --district-url URL   the district's upload address (token from STREETDESK_UPLOAD_TOKEN)
  return show --period YYYY-MM       the return's tables
  return finalize --period YYYY-MM   check and finalize the return (freezes its figures)
  return reopen --period YYYY-MM --reason TEXT   reopen a finalized return (logged, new version)
  return build --period YYYY-MM --out DIR [--encrypt-to DISTRICT-KEY-FILE | --unencrypted]
                         build the signed package, write it to DIR and read it back
  return send --period YYYY-MM --folder DIR   write the package to a USB stick or folder, verified
  return upload --period YYYY-MM     upload the package to the district (retries), keep its receipt
  package verify FILE    check a package; exit 1 with the reason's code when anything is wrong
  district import FILE|FOLDER…  district: take packages (a folder: every .zip/.sealed in it; accepted, replaced or
                         rejected with the reason)
  district streets       district: the streets and their keys
  district token --street-code CODE   district: a new upload token for a street
  district report --period YYYY-MM --out FILE.xlsx   district: the consolidated report`,
};

export function exchangeText(lang: Language) {
  const zh = lang === 'zh-CN';
  return {
    districtDone: (name: string, code: string, user: string) => (zh ? `已初始化为区级：${name}（${code}），管理员 ${user}` : `Set up as a district: ${name} (${code}), administrator ${user}`),
    keyExported: (file: string, keyId: string) => (zh ? `公钥已导出到 ${file}（密钥编号 ${keyId}）` : `Public key written to ${file} (key id ${keyId})`),
    trusted: (name: string, code: string, keyId: string) => (zh ? `已登记 ${name}（${code}）的公钥 ${keyId}` : `Trusted ${name} (${code}), key ${keyId}`),
    settingsSaved: (url: string, token: boolean) => (zh ? `上传地址：${url || '（未设置）'}；令牌：${token ? '已设置' : '未设置'}` : `Upload address: ${url || '(none)'}; token ${token ? 'set' : 'not set'}`),
    finalized: (period: string, version: number) => (zh ? `${period} 月报已定稿（第 ${version} 版）` : `The ${period} return is finalized (version ${version})`),
    reopened: (period: string, version: number) => (zh ? `${period} 月报已重新打开，现为第 ${version} 版草稿` : `The ${period} return is reopened as a draft of version ${version}`),
    built: (file: string, version: number, sha: string) => (zh ? `数据包（第 ${version} 版）已生成并校验：${file}\nSHA-256 ${sha}` : `Package (version ${version}) built and verified: ${file}\nSHA-256 ${sha}`),
    sent: (file: string) => (zh ? `已写入并读回校验：${file}` : `Written and verified: ${file}`),
    uploaded: (district: string, at: string, attempts: number) => (zh ? `${district} 已签收（${at}），共尝试 ${attempts} 次` : `Received by ${district} at ${at} (${attempts} attempts)`),
    noPackage: (period: string, version: number) => (zh ? `${period} 第 ${version} 版还没有生成数据包，请先 return build` : `No package of ${period} version ${version} yet: run return build first`),
    token: (code: string, token: string) => (zh ? `街道 ${code} 的上传令牌（只显示这一次）：${token}` : `Upload token of ${code} (shown once): ${token}`),
    report: (file: string, sent: number, all: number) => (zh ? `汇总表已写入 ${file}（已报送 ${sent}/${all} 个街道）` : `Report written to ${file} (${sent} of ${all} streets sent)`),
    verified: (o: Extract<VerifyOutcome, { ok: true }>) =>
      zh
        ? `数据包完好：${o.manifest.streetName}（${o.manifest.streetCode}）${o.manifest.period} 第 ${o.manifest.version} 版，${o.manifest.counts.members ?? 0} 名党员${o.encrypted ? '（已加密）' : ''}`
        : `The package is intact: ${o.manifest.streetName} (${o.manifest.streetCode}) ${o.manifest.period} version ${o.manifest.version}, ${o.manifest.counts.members ?? 0} members${o.encrypted ? ' (encrypted)' : ''}`,
    imported: (rows: { file: string; status: string; message?: string; version?: number }[]) =>
      rows
        .map((r) => {
          const status = zh ? { accepted: '已接收', replaced: '已接收并替换旧版本', duplicate: '已接收过（同一文件）', rejected: '拒收' }[r.status] : r.status;
          return `${r.file}\t${status}${r.message ? `：${r.message}` : ''}`;
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
