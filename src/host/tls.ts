// The server's TLS certificate when none is given: a self-signed ECDSA P-256 certificate made once with
// Node's own crypto (the X.509 structure is written here in DER, a few fixed fields) and kept beside the
// database in `<db>.tls/` (cert.pem, key.pem). No CA is involved: streets pin its SHA-256 fingerprint,
// which the district's key file carries (see src/core/exchange/tls-pin.ts).
import { createPrivateKey, generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { certificateFingerprint, tlsDirFor } from '../core/exchange/tls-pin';

export interface ServerCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, as `AB:CD:…` (what `keys export` puts in the key file). */
  sha256: string;
  /** The files it was read from or written to. */
  certFile: string;
  keyFile: string;
  generated: boolean;
}

// ——— a little DER ———

function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  let len: Buffer;
  if (n < 0x80) len = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
    len = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), len, content]);
}

const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out = [40 * parts[0] + parts[1]];
  for (const p of parts.slice(2)) {
    const bytes = [p & 0x7f];
    for (let v = p >> 7; v > 0; v >>= 7) bytes.unshift((v & 0x7f) | 0x80);
    out.push(...bytes);
  }
  return tlv(0x06, Buffer.from(out));
}

function integer(bytes: Buffer): Buffer {
  return tlv(0x02, bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

/** UTCTime up to 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14); // YYYYMMDDHHMMSS
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${iso}Z`));
}

const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));

function ipBytes(ip: string): Buffer {
  if (net.isIPv4(ip)) return Buffer.from(ip.split('.').map(Number));
  // IPv6: expand "::" and write the eight groups.
  const [head, tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return Buffer.concat(groups.map((g) => Buffer.from([parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff])));
}

/** A self-signed server certificate for `names` (host names and IP addresses), valid for ten years. */
export function generateSelfSigned(names: string[], now = new Date()): { cert: string; key: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ecdsaSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const subject = seq(set(seq(oid('2.5.4.3'), utf8(names[0] ?? 'streetdesk'))), set(seq(oid('2.5.4.10'), utf8('StreetDesk'))));
  const altNames = names.map((n) => (net.isIP(n) ? tlv(0x87, ipBytes(n)) : tlv(0x82, Buffer.from(n, 'ascii'))));
  const extension = (id: string, critical: boolean, value: Buffer) => seq(oid(id), ...(critical ? [tlv(0x01, Buffer.from([0xff]))] : []), tlv(0x04, value));
  const extensions = tlv(
    0xa3,
    seq(
      extension('2.5.29.19', true, seq()), // basicConstraints: not a CA
      extension('2.5.29.15', true, tlv(0x03, Buffer.from([0x07, 0x80]))), // keyUsage: digitalSignature
      extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))), // extKeyUsage: serverAuth
      extension('2.5.29.17', false, seq(...altNames)), // subjectAltName
    ),
  );
  // Positive (top bit clear) and minimally encoded (first byte not zero): DER refuses a leading zero
  // byte before a byte under 0x80, which a plain `&= 0x7f` left in about one certificate in 256.
  const serial = randomBytes(16);
  serial[0] = (serial[0] & 0x7f) | 0x40;
  const notBefore = new Date(now.getTime() - 24 * 3600_000);
  const notAfter = new Date(now.getTime() + 10 * 365 * 24 * 3600_000);
  const tbs = seq(
    tlv(0xa0, integer(Buffer.from([2]))), // v3
    integer(serial),
    ecdsaSha256,
    subject,
    seq(time(notBefore), time(notAfter)),
    subject,
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions,
  );
  const signature = sign('sha256', tbs, { key: privateKey, dsaEncoding: 'der' });
  const der = seq(tbs, ecdsaSha256, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').trim();
  const cert = `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
  new X509Certificate(cert); // parses, or throws here rather than at the first connection
  return { cert, key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
}

/** The names a generated certificate covers: those given, the machine's host name, and the loopback ones. */
export function certificateNames(publicNames: string[], listenHost: string): string[] {
  const names = [...publicNames, os.hostname(), 'localhost', '127.0.0.1'];
  if (listenHost && listenHost !== '0.0.0.0' && listenHost !== '::') names.push(listenHost);
  // A certificate's DNS names are ASCII: a PC named in Chinese is reached by its IP or a --public-name instead.
  return [...new Set(names.map((n) => n.trim()).filter((n) => net.isIP(n) || /^[A-Za-z0-9._-]{1,253}$/.test(n)))];
}

/**
 * The certificate kept beside the database, made on first need. An existing one is reused as it is (its
 * fingerprint is what the streets pinned); delete the folder to make a new one, then export the key file again.
 */
export function ensureServerCertificate(dbPath: string, names: string[]): ServerCertificate {
  const dir = tlsDirFor(dbPath);
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  let generated = false;
  if (!fs.existsSync(certFile) || !fs.existsSync(keyFile)) {
    const made = generateSelfSigned(names);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(keyFile, made.key, { mode: 0o600 });
    fs.writeFileSync(certFile, made.cert);
    generated = true;
  }
  return readServerCertificate(certFile, keyFile, generated);
}

/** A certificate and key given as files (`--tls-cert`, `--tls-key`), checked to be PEM and to belong together. */
export function readServerCertificate(certFile: string, keyFile: string, generated = false): ServerCertificate {
  const cert = fs.readFileSync(certFile, 'utf8');
  const key = fs.readFileSync(keyFile, 'utf8');
  const sha256 = certificateFingerprint(cert);
  if (sha256 === null) throw new Error(`--tls-cert: ${certFile} 不是 PEM 格式的证书 / is not a PEM certificate`);
  try {
    if (!new X509Certificate(cert).checkPrivateKey(createPrivateKey(key))) throw new Error('mismatch');
  } catch {
    throw new Error(`--tls-key: ${keyFile} 不是与证书配对的私钥 / is not the private key of ${certFile}`);
  }
  return { cert, key, sha256, certFile, keyFile, generated };
}
