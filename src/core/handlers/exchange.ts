// Keys, district setup and the district's side of the exchange as the contract serves them: receiving
// packages from files or uploads, the streets' list and tokens, consolidation and the report.
import type { CallContext, Handlers } from '../context';
import type { ExchangeKeysInfo, ImportOutcome } from '../../shared/api/contract-exchange';
import { fileText } from '../../shared/i18n/file-text';
import { AppError } from '../../shared/result';
import { checkToken, consolidate, districtPackages, districtReport, importPackage, issueToken, listStreets, type Incoming } from '../exchange/district';
import { cityPeer, districtPeer, ensureKey, ownKey, parseKeyFile, publicKeyFile, requireMode, setSiteMode, siteMode, trustKeyFile } from '../exchange/keys';
import { getExchangeSettings, saveExchangeSettings } from '../exchange/settings';
import { certificateFingerprint } from '../exchange/tls-pin';
import { verifyPackage } from '../exchange/verify';
import { verifyDistrictPackage } from '../exchange/city';
import { packagesInFolder } from '../exchange/send';
import { sendTargets } from '../exchange/targets';
import { requireStreet } from '../services/street';
import { authHandlers } from './auth';

type ExchangeMethods =
  | 'setup.initializeDistrict'
  | 'exchange.keys'
  | 'exchange.exportKey'
  | 'exchange.trustKey'
  | 'exchange.saveSettings'
  | 'exchange.checkUploadToken'
  | 'package.verify'
  | 'district.streets'
  | 'district.issueToken'
  | 'district.import'
  | 'district.importFolder'
  | 'district.sourceFolders'
  | 'district.receiveUpload'
  | 'district.packages'
  | 'district.consolidate'
  | 'district.report';

/**
 * Packages handed over as files, each verified and received (or rejected with its reason) in turn: by a
 * district (streets' packages) or a city (districts'), `receive` being that level's.
 */
export function receiveEach<T>(ctx: CallContext, files: { fileName: string; bytes: Uint8Array }[], receive: (ctx: CallContext, incoming: { fileName: string; bytes: Uint8Array; via: 'file'; by: string }) => T): T[] {
  const outcomes: T[] = [];
  for (const [i, f] of files.entries()) {
    if (ctx.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
    outcomes.push(receive(ctx, { fileName: f.fileName, bytes: f.bytes, via: 'file', by: ctx.actorName }));
    ctx.progress(i + 1, files.length);
  }
  return outcomes;
}

function receiveFiles(ctx: CallContext, files: { fileName: string; bytes: Uint8Array }[]): ImportOutcome[] {
  return receiveEach(ctx, files, receive);
}

/** This database's signing key, made on first need inside an audited transaction. */
export function signingKey(ctx: CallContext) {
  const existing = ownKey(ctx.db, 'sign');
  if (existing) return existing;
  return ctx.tx(() => {
    const key = ensureKey(ctx.db, 'sign', ctx.now());
    ctx.audit({ action: 'exchange.keyCreated', entity: 'key', entityId: key.key_id, after: { purpose: 'sign', keyId: key.key_id, publicKey: key.public_key } });
    return key;
  });
}

function keysInfo(ctx: CallContext): ExchangeKeysInfo {
  const site = requireStreet(ctx.db);
  const district = districtPeer(ctx.db);
  const city = cityPeer(ctx.db);
  const settings = getExchangeSettings(ctx.db);
  return {
    mode: siteMode(ctx.db),
    code: site.code,
    name: site.name,
    signingKeyId: ownKey(ctx.db, 'sign')?.key_id ?? null,
    encryptionKeyId: ownKey(ctx.db, 'encrypt')?.key_id ?? null,
    district: district ? { code: district.code, name: district.name, keyId: district.sign_key_id, canEncrypt: district.encrypt_key !== null, tlsSha256: settings.districtTlsSha256 || null } : null,
    city: city ? { code: city.code, name: city.name, keyId: city.sign_key_id, canEncrypt: city.encrypt_key !== null, tlsSha256: settings.districtTlsSha256 || null } : null,
    districtUrl: settings.districtUrl,
    hasUploadToken: settings.uploadToken !== '',
    uploadAttempts: settings.uploadAttempts,
    uploadBaseDelayMs: settings.uploadBaseDelayMs,
  };
}

function receive(ctx: CallContext, incoming: Incoming) {
  return ctx.tx(() => {
    const { outcome, replaced } = importPackage(ctx.db, incoming, ctx.now(), ctx.lang);
    if (outcome.status === 'duplicate') return outcome;
    const packageId = outcome.status === 'rejected' ? null : `${outcome.streetCode}/${outcome.period}/v${outcome.version}`;
    ctx.audit(
      {
        action: ctx.method,
        entity: 'districtPackage',
        entityId: packageId,
        before: replaced ? { version: replaced.version, packageId: replaced.id } : null,
        after: outcome.status === 'rejected' ? { fileName: outcome.fileName, status: 'rejected', code: outcome.code } : { fileName: outcome.fileName, status: outcome.status, sha256: outcome.receipt.receipt.sha256, via: incoming.via },
      },
      incoming.via === 'upload' ? { userId: null, username: incoming.by } : undefined,
    );
    return outcome;
  });
}

export const exchangeHandlers: Pick<Handlers, ExchangeMethods> = {
  async 'setup.initializeDistrict'(ctx, input) {
    const district = { name: input.district.name, code: input.district.code, districtName: input.district.name };
    const session = await authHandlers['setup.initialize'](ctx, { street: district, admin: input.admin, language: input.language });
    ctx.tx(() => {
      setSiteMode(ctx.db, 'district');
      const sign = ensureKey(ctx.db, 'sign', ctx.now());
      const enc = ensureKey(ctx.db, 'encrypt', ctx.now());
      ctx.audit(
        { action: 'setup.initializeDistrict', entity: 'district', entityId: district.code, after: { mode: 'district', ...district, signingKeyId: sign.key_id, encryptionKeyId: enc.key_id } },
        { userId: session.user.id, username: session.user.username },
      );
    });
    return session;
  },

  'exchange.keys'(ctx) {
    return keysInfo(ctx);
  },

  'exchange.exportKey'(ctx, input) {
    // The key names the street to the district: handed on by a user of the whole street (the spec's scope).
    let tlsSha256: string | undefined;
    if (input.tlsCert !== undefined) {
      // A server the level below uploads to (a district, or a city) names its certificate; a street none.
      if (siteMode(ctx.db) !== 'city') requireMode(ctx.db, 'district');
      const sha = certificateFingerprint(input.tlsCert);
      if (!sha) throw new AppError('VALIDATION', 'not a certificate', { issues: [{ field: 'tlsCert', problem: 'tlsCertInvalid' }] });
      tlsSha256 = sha;
    }
    return ctx.tx(() => {
      const file = publicKeyFile(ctx.db, ctx.now(), tlsSha256);
      ctx.audit({
        action: 'exchange.exportKey',
        entity: 'key',
        entityId: file.signingKey.keyId,
        after: { role: file.role, code: file.code, signingKeyId: file.signingKey.keyId, encryptionKeyId: file.encryptionKey?.keyId ?? null, tlsSha256: file.tlsCertificate?.sha256 ?? null },
      });
      const fileName = fileText(ctx.lang, file.role === 'city' ? 'cityKeyFileName' : file.role === 'district' ? 'districtKeyFileName' : 'streetKeyFileName', { code: file.code, name: file.name });
      return { fileName, text: `${JSON.stringify(file, null, 2)}\n`, keyId: file.signingKey.keyId, tlsSha256: file.tlsCertificate?.sha256 ?? null };
    });
  },

  'exchange.trustKey'(ctx, input) {
    const file = parseKeyFile(input.keyFile);
    return ctx.tx(() => {
      const { before, after } = trustKeyFile(ctx.db, file, siteMode(ctx.db) === 'city' ? input.districtCode : input.streetCode, ctx.now());
      ctx.audit({
        action: 'exchange.trustKey',
        entity: after.role,
        entityId: after.code,
        before: before ? { name: before.name, keyId: before.sign_key_id } : null,
        after: { name: after.name, keyId: after.sign_key_id, encryptionKey: after.encrypt_key !== null, tlsSha256: file.tlsCertificate?.sha256 ?? null },
      });
      const tlsSha256 = after.role === 'street' ? null : file.tlsCertificate?.sha256 ?? null;
      return { code: after.code, name: after.name, role: after.role, keyId: after.sign_key_id, replacedKeyId: before && before.sign_key_id !== after.sign_key_id ? before.sign_key_id : null, tlsSha256 };
    });
  },

  'exchange.saveSettings'(ctx, input) {
    // A street's address and token for its district; a district's for its city.
    if (siteMode(ctx.db) !== 'district') requireMode(ctx.db, 'street');
    ctx.tx(() => {
      const before = getExchangeSettings(ctx.db);
      // An empty token field keeps the token saved (the form never shows it back).
      saveExchangeSettings(ctx.db, { ...input, uploadToken: input.uploadToken || undefined });
      // The token is a secret: the log says whether it changed, never what it is.
      ctx.audit({
        action: 'exchange.saveSettings',
        entity: 'settings',
        entityId: 'exchange',
        before: { districtUrl: before.districtUrl, hasToken: before.uploadToken !== '' },
        after: { districtUrl: input.districtUrl, hasToken: (input.uploadToken || before.uploadToken) !== '', tokenChanged: input.uploadToken !== '' && input.uploadToken !== before.uploadToken },
      });
    });
    return keysInfo(ctx);
  },

  'exchange.checkUploadToken'(ctx, input) {
    // A district takes uploads from its streets, a city from its districts; a street from no one.
    const mode = siteMode(ctx.db);
    if (mode === 'street') return { ok: false };
    return { ok: checkToken(ctx.db, input.senderCode, input.token, mode === 'city' ? 'district' : 'street') };
  },

  'package.verify'(ctx, input) {
    // A city receives districts' packages: checked as the city's import checks them.
    if (siteMode(ctx.db) === 'city') return verifyDistrictPackage(ctx.db, input.bytes, ctx.now(), ctx.lang);
    return verifyPackage(ctx.db, input.bytes, ctx.now(), ctx.lang);
  },

  'district.streets'(ctx) {
    requireMode(ctx.db, 'district');
    return listStreets(ctx.db);
  },

  'district.issueToken'(ctx, input) {
    requireMode(ctx.db, 'district');
    return ctx.tx(() => {
      const token = issueToken(ctx.db, input.streetCode, ctx.now());
      ctx.audit({ action: 'district.issueToken', entity: 'street', entityId: input.streetCode, after: { tokenIssued: true } });
      return { streetCode: input.streetCode, token };
    });
  },

  'district.import'(ctx, input) {
    requireMode(ctx.db, 'district');
    return receiveFiles(ctx, input.files);
  },

  'district.importFolder'(ctx, input) {
    requireMode(ctx.db, 'district');
    return receiveFiles(ctx, packagesInFolder(input.folder));
  },

  async 'district.sourceFolders'(ctx) {
    requireMode(ctx.db, 'district');
    return sendTargets(null);
  },

  'district.receiveUpload'(ctx, input) {
    requireMode(ctx.db, 'district');
    if (!checkToken(ctx.db, input.streetCode, input.token, 'street')) throw new AppError('UNAUTHENTICATED', 'the upload token is not valid for this street');
    return receive(ctx, { fileName: input.fileName, bytes: input.bytes, via: 'upload', by: `upload:${input.streetCode}`, sender: input.streetCode });
  },

  'district.packages'(ctx, input) {
    requireMode(ctx.db, 'district');
    return districtPackages(ctx.db, input.period);
  },

  'district.consolidate'(ctx, input) {
    requireMode(ctx.db, 'district');
    return consolidate(ctx.db, input.period);
  },

  'district.report'(ctx, input) {
    requireMode(ctx.db, 'district');
    return districtReport(ctx.db, input.period, ctx.lang);
  },
};
