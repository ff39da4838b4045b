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
import { cityEncryptionKey, ensureKey, parseKeyFile, requireMode, setSiteMode } from '../exchange/keys';
import { DISTRICT_PACKAGE } from '../exchange/package-schema';
import { packagesInFolder, writeToFolder } from '../exchange/send';
import { authHandlers } from './auth';
import { signingKey } from './exchange';

type CityMethods =
  | 'setup.initializeCity'
  | 'districtReturn.build'
  | 'districtReturn.list'
  | 'districtReturn.sendToFolder'
  | 'city.districts'
  | 'city.import'
  | 'city.importFolder'
  | 'city.packages'
  | 'city.consolidate'
  | 'city.report';

function receive(ctx: CallContext, incoming: CityIncoming): CityImportOutcome {
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
    });
    return outcome;
  });
}

function receiveFiles(ctx: CallContext, files: { fileName: string; bytes: Uint8Array }[]): CityImportOutcome[] {
  const outcomes: CityImportOutcome[] = [];
  for (const [i, f] of files.entries()) {
    if (ctx.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
    outcomes.push(receive(ctx, { fileName: f.fileName, bytes: f.bytes, via: 'file', by: ctx.actorName }));
    ctx.progress(i + 1, files.length);
  }
  return outcomes;
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
    const encryptTo = input.encryptTo === undefined ? undefined : cityEncryptionKey(parseKeyFile(input.encryptTo));
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
