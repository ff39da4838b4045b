// The city level as the contract serves it (issue 13): setting a city up; on a district, its package for
// the city and sending it by folder; on a city, the districts, receiving their packages, the city's tables
// and its report.
import type { CallContext, Handlers } from '../context';
import type { CityImportOutcome } from '../../shared/api/contract-city';
import { AppError } from '../../shared/result';
import {
  cityPackages,
  cityReport,
  consolidateCity,
  districtReturnBytes,
  getDistrictReturn,
  importDistrictPackage,
  listDistrictReturns,
  listDistricts,
  markDistrictReturnSent,
  prepareDistrictPackage,
  storeDistrictPackage,
  type CityIncoming,
} from '../exchange/city';
import { cityEncryptionKey, cityPeer, ensureKey, parseKeyFile, requireMode, setSiteMode, verifyBytes } from '../exchange/keys';
import { checkToken, issueToken } from '../exchange/district';
import { getExchangeSettings } from '../exchange/settings';
import { DISTRICT_PACKAGE } from '../exchange/package-schema';
import { packagesInFolder, uploadPackage, writeToFolder } from '../exchange/send';
import { requireStreet } from '../services/street';
import { authHandlers } from './auth';
import { receiveEach, signingKey } from './exchange';

type CityMethods =
  | 'setup.initializeCity'
  | 'districtReturn.build'
  | 'districtReturn.list'
  | 'districtReturn.sendToFolder'
  | 'districtReturn.upload'
  | 'city.districts'
  | 'city.issueToken'
  | 'city.receiveUpload'
  | 'city.import'
  | 'city.importFolder'
  | 'city.packages'
  | 'city.consolidate'
  | 'city.report';

function receive(ctx: CallContext, incoming: CityIncoming): CityImportOutcome {
  // An upload has no session: its log entry names the district whose token was used.
  const actor = incoming.via === 'upload' ? { userId: null, username: incoming.by } : undefined;
  return ctx.tx(() => {
    const { outcome, replaced } = importDistrictPackage(ctx.db, incoming, ctx.now(), ctx.lang);
    if (outcome.status === 'duplicate') return outcome;
    const packageId = outcome.status === 'rejected' ? null : `${outcome.districtCode}/${outcome.period}/v${outcome.version}`;
    ctx.audit({
      action: ctx.method,
      entity: 'cityPackage',
      entityId: packageId,
      // A replacement names the version it replaced: the city's log shows which figures were superseded.
      before: replaced ? { version: replaced.version, packageId: replaced.id } : null,
      after: outcome.status === 'rejected' ? { fileName: outcome.fileName, status: 'rejected', code: outcome.code } : { fileName: outcome.fileName, status: outcome.status, via: incoming.via },
    }, actor);
    return outcome;
  });
}

function receiveFiles(ctx: CallContext, files: { fileName: string; bytes: Uint8Array }[]): CityImportOutcome[] {
  return receiveEach(ctx, files, receive);
}

export const cityHandlers: Pick<Handlers, CityMethods> = {
  async 'setup.initializeCity'(ctx, input) {
    // The city's profile is kept where a street's is: its name in `name` and `districtName`.
    const city = { name: input.city.name, code: input.city.code, districtName: input.city.name };
    const session = await authHandlers['setup.initialize'](ctx, { street: city, admin: input.admin, language: input.language });
    ctx.tx(() => {
      setSiteMode(ctx.db, 'city');
      const sign = ensureKey(ctx.db, 'sign', ctx.now());
      const enc = ensureKey(ctx.db, 'encrypt', ctx.now());
      ctx.audit(
        { action: 'setup.initializeCity', entity: 'city', entityId: city.code, after: { mode: 'city', ...city, signingKeyId: sign.key_id, encryptionKeyId: enc.key_id } },
        { userId: session.user.id, username: session.user.username },
      );
    });
    return session;
  },

  async 'districtReturn.build'(ctx, input) {
    requireMode(ctx.db, 'district');
    const key = signingKey(ctx);
    // Sealed to the city: to the key file given, else to the city's key this district keeps (`keys trust`).
    const encryptTo = input.encryptTo === undefined ? cityPeer(ctx.db)?.encrypt_key ?? undefined : cityEncryptionKey(parseKeyFile(input.encryptTo));
    const prepared = await prepareDistrictPackage(ctx.db, input.period, { key, encryptTo, appVersion: ctx.appVersion, now: ctx.now() });
    const info = ctx.tx(() => {
      const p = storeDistrictPackage(ctx.db, prepared, ctx.now(), ctx.actorName);
      ctx.audit({ action: 'districtReturn.build', entity: 'districtReturn', entityId: p.id, after: { period: p.period, version: p.version, fileName: p.fileName, sha256: p.sha256, encrypted: p.encrypted, counts: p.counts } });
      return p;
    });
    return { package: info, bytes: prepared.bytes };
  },

  'districtReturn.list'(ctx, input) {
    requireMode(ctx.db, 'district');
    return listDistrictReturns(ctx.db, input.period);
  },

  'districtReturn.sendToFolder'(ctx, input) {
    requireMode(ctx.db, 'district');
    const before = getDistrictReturn(ctx.db, input.packageId);
    const written = writeToFolder(districtReturnBytes(ctx.db, before.id), input.folder, before.fileName, undefined, DISTRICT_PACKAGE);
    const sent = ctx.tx(() => {
      const p = markDistrictReturnSent(ctx.db, before.id, written.file, ctx.now());
      ctx.audit({
        action: 'districtReturn.sendToFolder',
        entity: 'districtReturn',
        entityId: p.id,
        before: { sentVia: before.sentVia, sentTo: before.sentTo },
        after: { period: p.period, version: p.version, fileName: p.fileName, sha256: p.sha256, via: 'folder', to: written.file },
      });
      return p;
    });
    return { package: sent, file: written.file };
  },

  async 'districtReturn.upload'(ctx, input) {
    requireMode(ctx.db, 'district');
    const p = getDistrictReturn(ctx.db, input.packageId);
    const settings = getExchangeSettings(ctx.db);
    if (!settings.districtUrl || !settings.uploadToken) {
      throw new AppError('VALIDATION', 'no city address', { issues: [{ field: 'districtUrl', problem: 'uploadNotSetUp' }] });
    }
    const site = requireStreet(ctx.db);
    const cityKey = cityPeer(ctx.db)?.sign_key;
    // The street's upload, one level up: the same retries, pinning and receipt check.
    const result = await uploadPackage({
      url: settings.districtUrl,
      token: settings.uploadToken,
      streetCode: site.code,
      sender: 'district',
      fileName: p.fileName,
      bytes: districtReturnBytes(ctx.db, p.id),
      districtKey: cityKey,
      attempts: settings.uploadAttempts,
      baseDelayMs: settings.uploadBaseDelayMs,
      tlsSha256: settings.districtTlsSha256 || undefined,
      signal: ctx.signal,
    });
    const receiptVerified = cityKey !== undefined && verifyBytes(cityKey, new TextEncoder().encode(JSON.stringify(result.receipt.receipt)), result.receipt.signature);
    const sent = ctx.tx(() => {
      const after = markDistrictReturnSent(ctx.db, p.id, settings.districtUrl, ctx.now(), 'upload');
      ctx.audit({
        action: 'districtReturn.upload',
        entity: 'districtReturn',
        entityId: after.id,
        before: { sentVia: p.sentVia, sentTo: p.sentTo },
        after: { period: after.period, version: after.version, fileName: after.fileName, sha256: after.sha256, via: 'upload', to: settings.districtUrl, attempts: result.attempts, outcome: result.outcome.status, receipt: result.receipt },
      });
      return after;
    });
    return { package: sent, attempts: result.attempts, receipt: result.receipt, receiptVerified };
  },

  'city.issueToken'(ctx, input) {
    requireMode(ctx.db, 'city');
    return ctx.tx(() => {
      const token = issueToken(ctx.db, input.districtCode, ctx.now(), 'district');
      ctx.audit({ action: 'city.issueToken', entity: 'district', entityId: input.districtCode, after: { tokenIssued: true } });
      return { districtCode: input.districtCode, token };
    });
  },

  'city.receiveUpload'(ctx, input) {
    requireMode(ctx.db, 'city');
    if (!checkToken(ctx.db, input.districtCode, input.token, 'district')) throw new AppError('UNAUTHENTICATED', 'the upload token is not valid for this district');
    return receive(ctx, { fileName: input.fileName, bytes: input.bytes, via: 'upload', by: `upload:${input.districtCode}`, sender: input.districtCode });
  },

  'city.districts'(ctx) {
    requireMode(ctx.db, 'city');
    return listDistricts(ctx.db);
  },

  'city.import'(ctx, input) {
    requireMode(ctx.db, 'city');
    return receiveFiles(ctx, input.files);
  },

  'city.importFolder'(ctx, input) {
    requireMode(ctx.db, 'city');
    return receiveFiles(ctx, packagesInFolder(input.folder));
  },

  'city.packages'(ctx, input) {
    requireMode(ctx.db, 'city');
    return cityPackages(ctx.db, input.period);
  },

  'city.consolidate'(ctx, input) {
    requireMode(ctx.db, 'city');
    return consolidateCity(ctx.db, input.period);
  },

  'city.report'(ctx, input) {
    requireMode(ctx.db, 'city');
    return cityReport(ctx.db, input.period, ctx.lang);
  },
};
