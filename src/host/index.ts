// `npm run serve -- --db FILE [--port N] [--no-daily-backup] [--district | --city]`: the full app in a browser on 127.0.0.1;
// `--pg postgres://… [--data DIR]` in place of --db for a district or a city whose database is in PostgreSQL;
// `--listen 0.0.0.0:8443 [--tls-cert FILE --tls-key FILE] [--public-name NAME …] [--log FILE]`: as a server on
// the network, over HTTPS only (a self-signed certificate is made beside the database when none is given).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatError } from '../shared/i18n/messages';
import { AppError } from '../shared/result';
import { readAppVersion } from '../core/app-version';
import { pgAnchorPath, redactPgUrl } from '../core/db/connection';
import { isLoopback, PlainHttpRefused, startHost } from './server';
import { certificateNames, ensureServerCertificate, readServerCertificate, type ServerCertificate } from './tls';
import { RotatingLog } from './log';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const USAGE =
  'Usage: npm run serve -- (--db FILE | --pg postgres://… [--data DIR]) [--port N | --listen ADDRESS:PORT] [--tls-cert FILE --tls-key FILE] [--public-name NAME]… ' +
  '[--log FILE] [--no-daily-backup] [--district | --city]\n' +
  '用法：npm run serve -- (--db 文件 | --pg postgres://… [--data 文件夹]) [--port 端口 | --listen 地址:端口] [--tls-cert 证书 --tls-key 私钥] [--public-name 名称]… [--log 日志文件] [--no-daily-backup] [--district | --city]';

/** `0.0.0.0:8443`, `[::]:8443`, `127.0.0.1:5178`: the address and the port, or a message naming the value. */
function parseListen(text: string): { host: string; port: number } | string {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+):(\d{1,5})$/.exec(text.trim());
  const host = m?.[1].replace(/^\[|\]$/g, '') ?? '';
  const port = Number(m?.[2]);
  if (!m || (!net.isIP(host) && host !== 'localhost') || port > 65535) {
    return `--listen 须为“地址:端口”，如 0.0.0.0:8443，收到“${text}” / --listen must be ADDRESS:PORT such as 0.0.0.0:8443, not "${text}"`;
  }
  return { host, port };
}

/** `name`, `name:port`, `[v6]:port` → the name and what follows it (`:port` or ''). */
function splitName(text: string): { name: string; rest: string } {
  const bracketed = /^\[([^\]]+)\]/.exec(text);
  if (bracketed) return { name: bracketed[1], rest: text.slice(bracketed[0].length) };
  if (net.isIPv6(text)) return { name: text, rest: '' };
  const i = text.lastIndexOf(':');
  return i < 0 ? { name: text, rest: '' } : { name: text.slice(0, i), rest: text.slice(i) };
}
const hostOf = (text: string) => splitName(text).name;

/** A public name is a host name or an IP address, as a browser would send it in Host, with a port when it differs. */
function checkName(nameAndPort: string): string | null {
  const { name, rest } = splitName(nameAndPort);
  if (rest !== '' && !(/^:\d{1,5}$/.test(rest) && Number(rest.slice(1)) <= 65535)) {
    return `--public-name 的端口不对，收到“${nameAndPort}” / --public-name has a bad port: "${nameAndPort}"`;
  }
  return net.isIP(name) || /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/.test(name)
    ? null
    : `--public-name 须为主机名或 IP 地址，收到“${name}” / --public-name must be a host name or an IP address, not "${name}"`;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        db: { type: 'string' },
        pg: { type: 'string' },
        data: { type: 'string' },
        port: { type: 'string', default: '5178' },
        listen: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'public-name': { type: 'string', multiple: true, default: [] },
        log: { type: 'string' },
        'no-daily-backup': { type: 'boolean', default: false },
        district: { type: 'boolean', default: false },
        city: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help || (!values.db && !values.pg)) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (values.db && values.pg) {
    console.error(`--db 与 --pg 只能给一个 / Give --db or --pg, not both\n${USAGE}`);
    return 2;
  }
  if (values.pg && !/^postgres(ql)?:\/\//.test(values.pg)) {
    console.error(`--pg 须为 postgres:// 开头的地址，收到“${values.pg}” / --pg must be a postgres:// address, not "${values.pg}"`);
    return 2;
  }
  if (values.data && !values.pg) {
    console.error(`--data 只与 --pg 同用 / --data goes with --pg only\n${USAGE}`);
    return 2;
  }
  let host = '127.0.0.1';
  let port = Number(values.port);
  if (values.listen !== undefined) {
    const parsed = parseListen(values.listen);
    if (typeof parsed === 'string') {
      console.error(parsed);
      return 2;
    }
    ({ host, port } = parsed);
  } else if (!/^\d{1,5}$/.test(values.port) || port > 65535) {
    console.error(`--port 须为 0 到 65535 的数字，收到“${values.port}” / --port must be a number from 0 to 65535, not "${values.port}"`);
    return 2;
  }
  const publicNames = values['public-name'];
  for (const name of publicNames) {
    const problem = checkName(name);
    if (problem) {
      console.error(problem);
      return 2;
    }
  }
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) {
    console.error('--tls-cert 与 --tls-key 须一起给出 / --tls-cert and --tls-key go together');
    return 2;
  }
  // With --pg the files kept beside a database (certificate, keys, exchange folders) go to --data.
  const dbPath = values.pg ? pgAnchorPath(values.pg, values.data ?? '.') : path.resolve(values.db ?? '');
  let log: RotatingLog | null = null;
  try {
    if (values.log) log = new RotatingLog(path.resolve(values.log), { echo: (line) => console.log(line) });
    let certificate: ServerCertificate | null = null;
    if (values['tls-cert'] && values['tls-key']) {
      for (const [option, file] of [['--tls-cert', values['tls-cert']], ['--tls-key', values['tls-key']]] as const) {
        if (!fs.existsSync(file)) {
          console.error(`${option}：找不到文件 ${path.resolve(file)} / ${option}: no such file ${path.resolve(file)}`);
          return 2;
        }
      }
      certificate = readServerCertificate(path.resolve(values['tls-cert']), path.resolve(values['tls-key']));
    } else if (!isLoopback(host)) {
      certificate = ensureServerCertificate(dbPath, certificateNames(publicNames.map(hostOf), host));
    }
    if (certificate) {
      const lines = [
        certificate.generated ? `已生成自签名证书 / Self-signed certificate made: ${certificate.certFile}` : `证书 / Certificate: ${certificate.certFile}`,
        `证书 SHA-256 指纹 / Certificate SHA-256 fingerprint: ${certificate.sha256}`,
      ];
      if (values.district || values.city) {
        const [zh, en] = values.city ? ['市', 'city'] : ['区', 'district'];
        lines.push(`${zh}公钥文件请带上证书指纹导出 / Export the ${en} key file with it: npm run cli -- keys export ${values.pg ? `--pg ${redactPgUrl(values.pg)} --data ${path.dirname(dbPath)}` : `--db ${values.db}`} --tls-cert ${certificate.certFile} --out …`);
      }
      for (const line of lines) (log ? log.write : console.log)(line);
    }
    const running = await startHost({
      dbPath,
      ...(values.pg ? { pgUrl: values.pg } : {}),
      port,
      listen: host,
      tls: certificate ? { cert: certificate.cert, key: certificate.key } : undefined,
      publicNames,
      log: log?.write,
      rendererDir: path.join(root, 'out/renderer'),
      workerUrl: new URL('../core/worker/tsx-worker.mjs', import.meta.url),
      appVersion: readAppVersion(),
      dailyBackups: !values['no-daily-backup'],
      district: values.district,
      city: values.city,
    });
    const shown = publicNames.length > 0 ? publicNames.map((n) => `${running.scheme}://${splitName(n).rest ? n : `${n}:${running.port}`}/`).join(' ') : running.url;
    console.log(`StreetDesk is serving ${shown}`);
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log?.write(`${signal}: stopping`);
      void running.close().then(
        () => {
          log?.close();
          process.exit(0);
        },
        (err: Error) => {
          console.error(err.message);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    return -1;
  } catch (err) {
    if (err instanceof AppError) console.error(formatError(err.toApiError(), 'zh-CN'));
    else console.error((err as Error).message);
    if (err instanceof PlainHttpRefused) log?.write(err.message);
    log?.close();
    return 1;
  }
}

void main().then((code) => {
  if (code >= 0) process.exit(code);
});
