// The monthly return as the contract serves it: the figures and notes of a period, its states, building
// the package and sending it by folder or upload — each write audited. The return is the street's: a user
// limited to one community reads it but never changes, builds or sends it (declared in the contract's specs,
// RETURN_WORK, and refused by the dispatcher).
import path from 'node:path';
import type { CallContext, Handlers } from '../context';
import { AppError } from '../../shared/result';
import { prepareReturnPackage, storeReturnPackage } from '../exchange/build';
import { manifestSummary } from '../exchange/package';
import { signingKey } from './exchange';
import { districtEncryptionKey, districtPeer, parseKeyFile, requireMode } from '../exchange/keys';
import { uploadPackage, writeToFolder } from '../exchange/send';
import { sendTargets } from '../exchange/targets';
import { getExchangeSettings } from '../exchange/settings';
import { checkReturn, finalizeReturn, getPackage, lastSentFolderFile, listReturns, packageBytes, recordSent, reopenReturn, returnInfo, saveNote, type Change } from '../returns/returns';
import { requireStreet } from '../services/street';

type ReturnMethods = 'returns.list' | 'returns.get' | 'returns.saveNote' | 'returns.check' | 'returns.finalize' | 'returns.reopen' | 'returns.build' | 'returns.sendTargets' | 'returns.sendToFolder' | 'returns.upload';

/** A state change of the period's return in one audited transaction; answers the return as it now is. */
function step(ctx: CallContext, period: string, action: string, change: () => Change) {
  requireMode(ctx.db, 'street');
  ctx.tx(() => {
    const { before, after } = change();
    ctx.audit({ action, entity: 'return', entityId: period, before, after });
  });
  return returnInfo(ctx.db, period, ctx.now());
}

function markSent(ctx: CallContext, id: number, via: 'folder' | 'upload', to: string, receipt: unknown, action: string, extra: Record<string, unknown>) {
  const at = ctx.now().toISOString();
  ctx.tx(() => {
    recordSent(ctx.db, id, via, to, receipt, at);
    const p = getPackage(ctx.db, id);
    ctx.audit({ action, entity: 'returnPackage', entityId: id, after: { period: p.period, version: p.version, fileName: p.fileName, sha256: p.sha256, via, to, ...extra } });
  });
  return getPackage(ctx.db, id);
}

export const returnHandlers: Pick<Handlers, ReturnMethods> = {
  'returns.list'(ctx) {
    return listReturns(ctx.db);
  },

  'returns.get'(ctx, input) {
    return returnInfo(ctx.db, input.period, ctx.now());
  },

  'returns.saveNote'(ctx, input) {
    return step(ctx, input.period, 'returns.saveNote', () => saveNote(ctx.db, input.period, input.table, input.note, ctx.now()));
  },

  'returns.check'(ctx, input) {
    return step(ctx, input.period, 'returns.check', () => checkReturn(ctx.db, input.period, ctx.actorName, ctx.now()));
  },

  'returns.finalize'(ctx, input) {
    return step(ctx, input.period, 'returns.finalize', () => finalizeReturn(ctx.db, input.period, ctx.actorName, ctx.now()));
  },

  'returns.reopen'(ctx, input) {
    return step(ctx, input.period, 'returns.reopen', () => reopenReturn(ctx.db, input.period, input.reason, ctx.actorName, ctx.now()));
  },

  async 'returns.build'(ctx, input) {
    requireMode(ctx.db, 'street');
    const key = signingKey(ctx);
    const encryptTo = input.encryptTo === undefined ? undefined : districtEncryptionKey(parseKeyFile(input.encryptTo));
    const prepared = await prepareReturnPackage(ctx.db, input.period, { key, encrypt: input.encrypt, unencrypted: input.unencrypted, encryptTo, appVersion: ctx.appVersion, now: ctx.now() });
    // The package holds members' personal data: building it is an export, and logged as one.
    const info = ctx.tx(() => {
      const p = storeReturnPackage(ctx.db, prepared, ctx.now(), ctx.actorName);
      ctx.audit({
        action: 'returns.build',
        entity: 'returnPackage',
        entityId: p.id,
        after: { period: p.period, version: p.version, fileName: p.fileName, sha256: p.sha256, encrypted: p.encrypted, ...(p.encrypted ? {} : { unencryptedChosen: true }), counts: p.counts },
      });
      return p;
    });
    return { package: info, bytes: prepared.bytes };
  },

  async 'returns.sendTargets'(ctx) {
    requireMode(ctx.db, 'street');
    const last = lastSentFolderFile(ctx.db);
    return sendTargets(last ? path.dirname(last) : null);
  },

  'returns.sendToFolder'(ctx, input) {
    requireMode(ctx.db, 'street');
    const p = getPackage(ctx.db, input.packageId);
    const written = writeToFolder(packageBytes(ctx.db, p.id), input.folder, p.fileName);
    const sent = markSent(ctx, p.id, 'folder', written.file, null, 'returns.sendToFolder', {});
    return { package: sent, file: written.file, verified: written.manifest ? manifestSummary(written.manifest) : null };
  },

  async 'returns.upload'(ctx, input) {
    requireMode(ctx.db, 'street');
    const p = getPackage(ctx.db, input.packageId);
    const settings = getExchangeSettings(ctx.db);
    if (!settings.districtUrl || !settings.uploadToken) {
      throw new AppError('VALIDATION', 'no district address', { issues: [{ field: 'districtUrl', problem: 'uploadNotSetUp' }] });
    }
    const street = requireStreet(ctx.db);
    const result = await uploadPackage({
      url: settings.districtUrl,
      token: settings.uploadToken,
      streetCode: street.code,
      fileName: p.fileName,
      bytes: packageBytes(ctx.db, p.id),
      districtKey: districtPeer(ctx.db)?.sign_key,
      attempts: settings.uploadAttempts,
      baseDelayMs: settings.uploadBaseDelayMs,
      tlsSha256: settings.districtTlsSha256 || undefined,
      signal: ctx.signal,
    });
    const sent = markSent(ctx, p.id, 'upload', settings.districtUrl, result.receipt, 'returns.upload', { attempts: result.attempts, outcome: result.outcome.status });
    return { package: sent, attempts: result.attempts };
  },
};
