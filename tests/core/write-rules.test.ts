// The freeze and the scope every write declares (src/shared/api/contract-rules.ts, src/core/write-rules.ts),
// enforced by the dispatcher. On a seeded street of three communities whose October 2026 return is
// finalized: a write dated in October is refused for every module with dated records, naming the field and
// the month; a clerk limited to 幸福社区 is refused every scoped write on 和平社区's records (and every
// street-level one), naming the field — and nothing is written either way. The cases are checked against the
// contract, so a new dated or scoped method without a case here fails.
import { beforeAll, describe, expect, it } from 'vitest';
import { contract, type Method } from '../../src/shared/api/contract';
import { READ_SCOPE_RULES, WRITE_RULES } from '../../src/core/write-rules';
import { seedDemo } from '../../src/core/services/seed-demo';
import { seedServiceWork } from '../../src/core/services/counter/seed-service';
import { formatError } from '../../src/shared/i18n/messages';
import { ADMIN, USER_PASSWORD, expectError, expectOk, makeApp, tableSnapshot, type TestApp } from '../support/factory';
import { citizenId } from './import/roster-workbooks';

const HAPPY = { name: '幸福社区', code: '110101001001' };
const PEACE = { name: '和平社区', code: '110101001002' };
const FROZEN = '2026-10';
const NOVEMBER = new Date(2026, 10, 2, 9, 0, 0);

type Spec = { write: boolean; freeze?: unknown; scope?: unknown };
const specs = Object.entries(contract) as [Method, Spec][];
const writeMethods = specs.filter(([, s]) => s.write).map(([m]) => m);
const datedWrites = specs.filter(([, s]) => s.write && s.freeze === 'dated').map(([m]) => m);
const recordScoped = specs.filter(([, s]) => s.scope === 'record').map(([m]) => m);
const wholeStreet = specs.filter(([, s]) => typeof s.scope === 'object' && s.scope !== null && 'wholeStreet' in s.scope).map(([m]) => m);

describe('the rules table', () => {
  it('has a rule for every write method and for nothing else', () => {
    expect(Object.keys(WRITE_RULES).sort()).toEqual([...writeMethods].sort());
  });

  it('has a function where the contract says dated or record, and the declaration’s word elsewhere', () => {
    for (const m of writeMethods) {
      const spec = contract[m] as Spec;
      const rule = WRITE_RULES[m as keyof typeof WRITE_RULES] as { freeze: unknown; scope: unknown };
      expect(typeof rule.freeze === 'function', `${m} freeze`).toBe(spec.freeze === 'dated');
      expect(typeof rule.scope === 'function', `${m} scope`).toBe(spec.scope === 'record');
      // Every 'none' and 'street' declaration says why (a wholeStreet's field is a name, however short).
      for (const decl of [spec.freeze, spec.scope]) {
        if (typeof decl === 'object' && decl !== null) expect(Object.entries(decl).every(([k, v]) => typeof v === 'string' && (k === 'field' ? v.length > 0 : v.length > 5)), m).toBe(true);
      }
    }
    expect(Object.keys(READ_SCOPE_RULES).sort()).toEqual(recordScoped.filter((m) => !(contract[m] as Spec).write).sort());
  });
});

interface Street {
  t: TestApp;
  admin: string;
  clerk: string;
  scoped: string;
  scopedViewer: string;
  happyId: number;
  peaceId: number;
}

async function login(t: TestApp, username: string, password = USER_PASSWORD): Promise<string> {
  return (await t.app.invoke('auth.login', { username, password })).token;
}

/** Records made while October was open: the cases below change them after it is finalized. */
interface Fixtures {
  peaceBranch: number;
  happyCommittee: number;
  peaceMember: { id: number; version: number };
  octoberJoiner: { id: number; version: number };
  peaceLetter: number;
  septemberLetter: number;
  peaceRequest: number;
  octoberClosed: number;
  octoberRecord: number;
  volunteerId: number;
  matterId: number;
  peaceOfficer: { id: number; updatedAt: string };
  peaceCommitment: number;
  peaceMeeting: { id: number; version: number };
  /** Party dues: October paid for the 和平社区 member while October was open. */
  duesPayment: number;
  peacePerson: { id: number; version: number };
  /** The application step of peacePerson (2026-10-12, in the month to be finalized). */
  peaceApplied: number;
  /** 和平社区's disclosure, approved in October and not yet published; its 四议两公开 matter. */
  peaceDisclosure: { id: number; version: number };
  peaceDecision: number;
  peaceProject: { id: number; version: number };
  /** The peace member's citizen ID: what a sheet of payments names a member by. */
  peaceIdNumber: string;
  /** A fund entry of 和平社区 with one attachment. */
  peaceFundEntry: number;
  peaceAttachment: number;
}

let s: Street;
let f: Fixtures;

/**
 * Seeds the street on 20 October, makes what October's cases need while it is open, then on 2 November
 * checks and finalizes October's return.
 */
beforeAll(async () => {
  const t = await makeApp({ start: new Date(2026, 9, 20, 9, 0, 0) });
  const db = t.app.database;
  db.transaction(() => {
    seedDemo(db, { members: 240, seed: 7 }, t.clock.now());
    seedServiceWork(db, { requests: 80, seed: 7 }, t.clock.now());
  })();
  const admin = t.adminToken;
  const communities = await t.app.invoke('communities.list', {}, admin);
  const happyId = communities.find((c) => c.divisionCode === HAPPY.code)!.id;
  const peaceId = communities.find((c) => c.divisionCode === PEACE.code)!.id;
  const tree = await t.app.invoke('orgs.tree', {}, admin);
  const peaceBranch = tree.find((o) => o.communityId === peaceId && o.level === 'branch')!.id;
  const happyCommittee = tree.find((o) => o.communityId === happyId && o.level === 'community_committee')!.id;
  const happyBranch = tree.find((o) => o.communityId === happyId && o.level === 'branch')!.id;
  const peaceMember = (await t.app.invoke('members.list', { communityId: peaceId, limit: 1 }, admin)).members[0];
  const octoberJoiner = await t.app.invoke(
    'members.create',
    { orgId: happyBranch, fields: { name: '十月新党员', idNumber: citizenId('19950412', '231', '110101'), category: '预备党员', joinDate: '2026-10-10' } },
    admin,
  );
  const out = { direction: 'out' as const, toOrgName: '西城区展览路街道党工委', duesPaidTo: '2026-09' };
  const happyMember = (await t.app.invoke('members.list', { communityId: happyId, limit: 1, offset: 3 }, admin)).members[0];
  const septemberLetter = await t.app.invoke('transfers.create', { ...out, issuedOn: '2026-09-25', validDays: 60, letterNumber: '幸福〔2026〕9号', memberId: happyMember.id }, admin);
  const matterId = (await t.app.invoke('matters.list', {}, admin))[0].id;
  const resident = { matterId, residentName: '钱秀英', residentPhone: '13700001111' };
  const octoberClosed = await t.app.invoke('requests.accept', { ...resident, communityId: happyId }, admin);
  await t.app.invoke('requests.complete', { id: octoberClosed.id, result: '已办结' }, admin);
  const volunteerId = (await t.app.invoke('volunteers.list', {}, admin))[0].id;
  const octoberRecord = await t.app.invoke('serviceRecords.create', { volunteerId, servedOn: '2026-10-18', hours: 2, content: '社区清扫' }, admin);
  const peaceOfficer = await t.app.invoke('orgs.saveOfficer', { orgId: peaceBranch, post: 'committee_member', personName: '赵委员', termStart: '2026-01-01' }, admin);
  const peaceCommitment = await t.app.invoke('commitments.save', { memberId: peaceMember.id, year: 2026, commitment: '带头参加志愿服务' }, admin);
  const peaceMeeting = await t.app.invoke('life.save', { orgId: peaceBranch, meetingType: 'theme-day', heldOn: '2026-10-15', topic: '主题党日：学习党章' }, admin);
  await t.app.invoke('dues.saveBase', { memberId: peaceMember.id, category: 'retired', baseFen: 480000, effectiveMonth: '2026-10' }, admin);
  const duesPayment = await t.app.invoke('dues.pay', { memberId: peaceMember.id, periods: ['2026-10'], amountFen: 2400, method: 'cash' }, admin);
  const peacePerson = await t.app.invoke('develop.create', { name: '孙晓明', idNumber: citizenId('20000412', '117', '110101'), orgId: peaceBranch, appliedOn: '2026-10-12' }, admin);
  let peaceDisclosure = await t.app.invoke(
    'disclosure.save',
    { communityId: peaceId, area: 'finance', title: '十月财务公开', content: '本月收支明细', periodFrom: '2026-10-01', periodTo: '2026-10-31', draftedBy: '李文书', draftedOn: '2026-10-02' },
    admin,
  );
  for (const step of ['review', 'approve'] as const) peaceDisclosure = await t.app.invoke('disclosure.advance', { id: peaceDisclosure.id, version: peaceDisclosure.version, step, by: '王书记', on: '2026-10-05' }, admin);
  const peaceDecision = await t.app.invoke('decisions.save', { communityId: peaceId, title: '老旧小区加装电梯' }, admin);
  const peaceProject = await t.app.invoke('projects.save', { communityId: peaceId, type: 'secretary', year: 2026, name: '和平社区红色物业', owner: '王书记', status: 'planned' }, admin);
  const peaceFundEntry = await t.app.invoke('funds.saveEntry', { communityId: peaceId, direction: 'out', amountFen: 30000, onDate: '2026-10-12', purpose: '党员活动' }, admin);
  const peaceAttachment = await t.app.invoke('attachments.add', { owner: 'fund_entry', ownerId: peaceFundEntry.id, fileName: '发票.jpg', bytes: new Uint8Array([1, 2, 3]) }, admin);

  t.clock.set(NOVEMBER);
  const admin2 = await login(t, ADMIN.username, ADMIN.password);
  const peaceLetter = await t.app.invoke('transfers.create', { ...out, issuedOn: '2026-11-01', letterNumber: '和平〔2026〕5号', memberId: peaceMember.id }, admin2);
  const peaceRequest = await t.app.invoke('requests.accept', { ...resident, communityId: peaceId }, admin2);
  await t.app.invoke('returns.check', { period: FROZEN }, admin2);
  await t.app.invoke('returns.finalize', { period: FROZEN }, admin2);

  for (const [username, role, scope] of [
    ['streetclerk', 'clerk', null],
    ['happyclerk', 'clerk', HAPPY.code],
    ['happyviewer', 'viewer', HAPPY.code],
  ] as const) {
    await t.app.invoke('users.create', { username, displayName: username, role, password: USER_PASSWORD, scopeCommunityCode: scope }, admin2);
  }
  s = { t, admin: admin2, clerk: await login(t, 'streetclerk'), scoped: await login(t, 'happyclerk'), scopedViewer: await login(t, 'happyviewer'), happyId, peaceId };
  const joiner = await t.app.invoke('members.get', { id: octoberJoiner.id }, admin2);
  f = {
    peaceBranch,
    happyCommittee,
    peaceMember: { id: peaceMember.id, version: peaceMember.version },
    octoberJoiner: { id: joiner.member.id, version: joiner.member.version },
    peaceLetter: peaceLetter.id,
    septemberLetter: septemberLetter.id,
    peaceRequest: peaceRequest.id,
    octoberClosed: octoberClosed.id,
    octoberRecord: octoberRecord.id,
    volunteerId,
    matterId,
    peaceOfficer: { id: peaceOfficer.id, updatedAt: peaceOfficer.updatedAt },
    peaceCommitment: peaceCommitment.id,
    peaceMeeting: { id: peaceMeeting.id, version: peaceMeeting.version },
    duesPayment: duesPayment.id,
    peacePerson: { id: peacePerson.id, version: peacePerson.version },
    peaceApplied: t.app.database.prepare("SELECT id FROM develop_steps WHERE person_id = ? AND step = 'applied'").pluck().get(peacePerson.id) as number,
    peaceDisclosure: { id: peaceDisclosure.id, version: peaceDisclosure.version },
    peaceDecision: peaceDecision.id,
    peaceProject: { id: peaceProject.id, version: peaceProject.version },
    peaceIdNumber: peaceMember.idNumber!,
    peaceFundEntry: peaceFundEntry.id,
    peaceAttachment: peaceAttachment.id,
  };
}, 120_000);

/** Calls `method` as `token`, expects `code` with one issue naming `field` and `problem`, and no table changed. */
async function refused(method: string, input: unknown, token: string, code: 'VALIDATION' | 'FORBIDDEN', field: string, problem: string) {
  const before = tableSnapshot(s.t.app.sqlite);
  const error = await expectError(s.t.app, method, input, token, code);
  expect(error.details?.issues, method).toEqual([expect.objectContaining({ field, problem })]);
  expect(tableSnapshot(s.t.app.sqlite), `${method} wrote something`).toEqual(before);
  return error;
}

describe('a write dated in a finalized month', () => {
  /** method → the input dated in October, and the field the refusal names. */
  const cases = (): Record<string, { input: unknown; field: string }> => ({
    'members.create': {
      input: { orgId: f.peaceBranch, fields: { name: '孙立新', idNumber: citizenId('19920108', '315', '110101'), category: '预备党员', joinDate: '2026-10-15' } },
      field: 'fields.joinDate',
    },
    // Moving a date out of the month changes its figures as much as moving one in.
    'members.update': { input: { ...f.octoberJoiner, fields: { joinDate: '2026-09-15' } }, field: 'fields.joinDate' },
    'members.leave': { input: { ...f.peaceMember, on: '2026-10-20', reason: 'death' }, field: 'on' },
    'members.setStanding': { input: { ...f.peaceMember, standing: 'suspended', on: '2026-10-20' }, field: 'on' },
    'transfers.create': { input: { direction: 'out', toOrgName: '外区党委', duesPaidTo: '2026-09', issuedOn: '2026-10-20', letterNumber: '和平〔2026〕8号', memberId: f.peaceMember.id }, field: 'issuedOn' },
    'transfers.receive': { input: { id: f.septemberLetter, on: '2026-10-05' }, field: 'on' },
    'transfers.returnReceipt': { input: { id: f.septemberLetter, on: '2026-11-01', receivedOn: '2026-10-05' }, field: 'receivedOn' },
    'transfers.cancel': { input: { id: f.septemberLetter, on: '2026-10-05', reason: '不再转出' }, field: 'on' },
    'requests.accept': { input: { matterId: f.matterId, residentName: '周桂兰', residentPhone: '13912345678', communityId: s.happyId, acceptedOn: '2026-10-12' }, field: 'acceptedOn' },
    'requests.rate': { input: { id: f.octoberClosed, satisfaction: 5 }, field: 'closedOn' },
    'serviceRecords.create': { input: { volunteerId: f.volunteerId, servedOn: '2026-10-10', hours: 2, content: '入户走访' }, field: 'servedOn' },
    'serviceRecords.delete': { input: { id: f.octoberRecord }, field: 'servedOn' },
    'life.save': { input: { orgId: f.peaceBranch, meetingType: 'lecture', heldOn: '2026-10-12', topic: '专题党课' }, field: 'heldOn' },
    'life.delete': { input: f.peaceMeeting, field: 'heldOn' },
    'dues.saveBase': { input: { memberId: f.peaceMember.id, category: 'working', baseFen: 400000, effectiveMonth: '2026-10' }, field: 'effectiveMonth' },
    'dues.generate': { input: { period: '2026-10', orgId: f.peaceBranch }, field: 'period' },
    'dues.pay': { input: { memberId: f.peaceMember.id, periods: ['2026-10'], amountFen: 100, method: 'cash', paidOn: '2026-11-02' }, field: 'periods' },
    'dues.payMany': { input: { payments: [{ sheetRow: 2, idNumber: f.peaceIdNumber, periods: ['2026-10'], amountFen: 100, method: 'cash', paidOn: '2026-11-02' }] }, field: 'payments.0.periods' },
    'dues.reverse': { input: { paymentId: f.duesPayment, reason: '金额有误' }, field: 'paymentId' },
    'dues.payVoluntary': { input: { memberId: f.peaceMember.id, amountFen: 100000, method: 'cash', paidOn: '2026-10-20' }, field: 'paidOn' },
    'funds.saveEntry': { input: { communityId: s.peaceId, direction: 'out', amountFen: 1000, onDate: '2026-10-10', purpose: '党员活动' }, field: 'onDate' },
    'develop.create': { input: { name: '钱文静', idNumber: citizenId('19990305', '224', '110101'), orgId: f.peaceBranch, appliedOn: '2026-10-20' }, field: 'appliedOn' },
    'develop.recordStep': { input: { ...f.peacePerson, step: 'talked', on: '2026-10-28' }, field: 'on' },
    // Moving the application out of the finalized October is refused by its recorded day.
    'develop.correctStep': { input: { ...f.peacePerson, stepId: f.peaceApplied, on: '2026-11-02' }, field: 'stepId' },
    'disclosure.advance': { input: { ...f.peaceDisclosure, step: 'publish', by: '王书记', on: '2026-10-09' }, field: 'on' },
    'decisions.step': { input: { decisionId: f.peaceDecision, step: 'proposal', heldOn: '2026-10-15', entitled: 7, present: 7, inFavour: 7 }, field: 'heldOn' },
    'projects.save': { input: { communityId: s.peaceId, type: 'secretary', year: 2026, name: '红色物业', owner: '王书记', status: 'done', completedOn: '2026-10-15' }, field: 'completedOn' },
    'terms.elect': { input: { orgId: f.peaceBranch, heldOn: '2026-10-15', present: 5, candidates: [{ name: '王建国', votes: 5 }], elected: [{ name: '王建国', post: 'secretary', votes: 5 }] }, field: 'heldOn' },
    'audits.save': { input: { communityId: s.peaceId, year: 2026, kind: 'annual', subject: '股份经济合作社', plannedOn: '2026-10-01', doneOn: '2026-10-15' }, field: 'doneOn' },
  });
  /** Closing a request counts in the month it closes: tried with the PC's clock still in October. */
  const closing: Record<string, Record<string, string>> = {
    'requests.complete': { result: '已办结' },
    'requests.transfer': { transferredTo: '区行政服务中心', reason: '需到区里办理' },
    'requests.returnToGuidance': { guidanceTo: '区人社局窗口', note: '' },
  };

  it('covers every method the contract declares dated', () => {
    expect([...Object.keys(cases()), ...Object.keys(closing)].sort()).toEqual([...datedWrites].sort());
  });

  it('is refused for members, transfers, counter requests and service records, naming the field and the month, with nothing written', async () => {
    for (const [method, { input, field }] of Object.entries(cases())) {
      const error = await refused(method, input, s.clerk, 'VALIDATION', field, 'periodFinalized');
      expect(error.details?.issues?.[0]?.params, method).toEqual({ period: FROZEN });
    }
    const error = await refused('serviceRecords.create', { volunteerId: f.volunteerId, servedOn: '2026-10-10', hours: 2, content: '入户走访' }, s.clerk, 'VALIDATION', 'servedOn', 'periodFinalized');
    expect(formatError(error, 'zh-CN')).toContain('2026-10');
    expect(formatError(error, 'en')).toContain('2026-10');
    // The street's administrator (as the CLI logs in by default) is held to the same months.
    const admin = await s.t.app.call('serviceRecords.create', { volunteerId: f.volunteerId, servedOn: '2026-10-11', hours: 1, content: '入户走访' }, s.admin);
    expect(admin.ok ? null : admin.error.code).toBe('VALIDATION');
  });

  it('is accepted in an open month, so the refusal is the month’s', async () => {
    const ok = await expectOk(s.t.app, 'serviceRecords.create', { volunteerId: f.volunteerId, servedOn: '2026-11-01', hours: 2, content: '入户走访' }, s.clerk);
    expect(ok.servedOn).toBe('2026-11-01');
    await expectOk(s.t.app, 'serviceRecords.delete', { id: ok.id }, s.clerk);
  });

  it('closing a request on a day of the finalized month is refused, whatever way it closes', async () => {
    const open = await expectOk(s.t.app, 'requests.accept', { matterId: f.matterId, residentName: '吴建国', residentPhone: '13600002222', communityId: s.happyId }, s.clerk);
    s.t.clock.set(new Date(2026, 9, 30, 16, 0, 0));
    try {
      const clerk = await login(s.t, 'streetclerk');
      for (const [method, extra] of Object.entries(closing)) await refused(method, { id: open.id, ...extra }, clerk, 'VALIDATION', 'closedOn', 'periodFinalized');
    } finally {
      s.t.clock.set(NOVEMBER);
    }
  });
});

describe('a clerk limited to one community', () => {
  /** method → an input on 和平社区's record (or street-level work), the field and the problem the refusal names. */
  const cases = (): Record<string, { input: unknown; field: string; problem: string }> => {
    const request = (extra: Record<string, unknown> = {}) => ({ input: { id: f.peaceRequest, ...extra }, field: 'id', problem: 'requestOutsideScope' });
    const member = { field: 'id', problem: 'memberOutsideScope' };
    const org = (field: string) => ({ field, problem: 'orgOutsideScope' });
    return {
      'orgs.create': { input: { parentId: f.peaceBranch, name: '新建党小组', level: 'party_group' }, ...org('parentId') },
      'orgs.update': { input: { id: f.peaceBranch, name: '改名党支部' }, ...org('id') },
      'orgs.move': { input: { id: f.peaceBranch, parentId: f.happyCommittee }, ...org('id') },
      'orgs.close': { input: { id: f.peaceBranch, closedOn: '2026-11-01', reason: '撤销合并' }, ...org('id') },
      'orgs.saveOfficer': { input: { orgId: f.peaceBranch, post: 'committee_member', personName: '钱委员' }, ...org('orgId') },
      'orgs.endOfficerTerm': { input: { ...f.peaceOfficer, termEnd: '2026-11-01' }, ...org('id') },
      'communities.save': { input: { id: s.peaceId, name: PEACE.name, divisionCode: PEACE.code }, field: 'id', problem: 'communityOutsideScope' },
      'grids.save': { input: { communityId: s.peaceId, name: '第九网格' }, field: 'communityId', problem: 'communityOutsideScope' },
      'members.create': { input: { orgId: f.peaceBranch, fields: { name: '孙立新', idNumber: citizenId('19920108', '315', '110101'), category: '预备党员', joinDate: '2026-11-01' } }, ...org('orgId') },
      'members.update': { input: { ...f.peaceMember, fields: { phone: '13900000000' } }, ...member },
      'members.leave': { input: { ...f.peaceMember, on: '2026-11-01', reason: 'death' }, ...member },
      'members.setStanding': { input: { ...f.peaceMember, standing: 'suspended', on: '2026-11-01' }, ...member },
      'volunteers.save': { input: { memberId: f.peaceMember.id, skills: '维修', active: true }, field: 'memberId', problem: 'memberOutsideScope' },
      'transfers.create': { input: { direction: 'out', toOrgName: '外区党委', duesPaidTo: '2026-09', issuedOn: '2026-11-01', letterNumber: '和平〔2026〕8号', memberId: f.peaceMember.id }, field: 'memberId', problem: 'memberOutsideScope' },
      'transfers.receive': { input: { id: f.peaceLetter, on: '2026-11-02' }, field: 'id', problem: 'transferOutsideScope' },
      'transfers.returnReceipt': { input: { id: f.peaceLetter, on: '2026-11-02' }, field: 'id', problem: 'transferOutsideScope' },
      'transfers.cancel': { input: { id: f.peaceLetter, on: '2026-11-02', reason: '不再转出' }, field: 'id', problem: 'transferOutsideScope' },
      'requests.accept': { input: { matterId: f.matterId, residentName: '周桂兰', residentPhone: '13912345678', communityId: s.peaceId }, field: 'communityId', problem: 'communityOutsideScope' },
      'requests.start': request({ assigneeKind: 'staff' }),
      'requests.complete': request({ result: '已办结' }),
      'requests.rate': request({ satisfaction: 5 }),
      'requests.transfer': request({ transferredTo: '区行政服务中心', reason: '需到区里办理' }),
      'requests.returnToGuidance': request({ guidanceTo: '区人社局窗口' }),
      'requests.pause': request({ missingDocuments: '户口簿' }),
      'requests.resume': request(),
      'requests.extend': request({ days: 3, reason: '材料需补正' }),
      'commitments.save': { input: { memberId: f.peaceMember.id, year: 2026, commitment: '带头服务群众' }, field: 'memberId', problem: 'memberOutsideScope' },
      'commitments.delete': { input: { id: f.peaceCommitment }, ...member },
      'develop.create': { input: { name: '钱文静', idNumber: citizenId('19990305', '224', '110101'), orgId: f.peaceBranch, appliedOn: '2026-11-01' }, ...org('orgId') },
      'develop.recordStep': { input: { ...f.peacePerson, step: 'talked', on: '2026-11-01' }, ...org('id') },
      'develop.correctStep': { input: { ...f.peacePerson, stepId: f.peaceApplied, note: '更正' }, ...org('id') },
      'develop.savePlan': { input: { year: 2026, communityId: s.peaceId, planned: 4 }, field: 'communityId', problem: 'communityOutsideScope' },
      // Street-level work: refused whatever the record.
      'returns.saveNote': { input: { period: '2026-11', table: 'changes', note: '说明' }, field: 'period', problem: 'returnIsStreets' },
      'returns.check': { input: { period: '2026-11' }, field: 'period', problem: 'returnIsStreets' },
      'returns.finalize': { input: { period: '2026-11' }, field: 'period', problem: 'returnIsStreets' },
      'returns.reopen': { input: { period: FROZEN, reason: '数据有误' }, field: 'period', problem: 'returnIsStreets' },
      'returns.build': { input: { period: FROZEN }, field: 'period', problem: 'returnIsStreets' },
      'returns.sendToFolder': { input: { packageId: 1, folder: '/tmp' }, field: 'packageId', problem: 'returnIsStreets' },
      'returns.upload': { input: { packageId: 1 }, field: 'packageId', problem: 'returnIsStreets' },
      'exchange.exportKey': { input: {}, field: 'keyFile', problem: 'streetKeyIsStreets' },
      'life.save': { input: { orgId: f.peaceBranch, meetingType: 'lecture', heldOn: '2026-11-01', topic: '专题党课' }, ...org('orgId') },
      'life.delete': { input: f.peaceMeeting, ...org('id') },
      'appraisal.save': { input: { orgId: f.peaceBranch, year: 2026, heldOn: '2026-11-01', grades: [{ memberId: f.peaceMember.id, grade: 'qualified' }] }, ...org('orgId') },
      'dues.saveBase': { input: { memberId: f.peaceMember.id, category: 'working', baseFen: 400000, effectiveMonth: '2026-11' }, ...member, field: 'memberId' },
      'dues.generate': { input: { period: '2026-11', orgId: f.peaceBranch }, ...org('orgId') },
      'dues.pay': { input: { memberId: f.peaceMember.id, periods: ['2026-11'], amountFen: 2400, method: 'cash' }, ...member, field: 'memberId' },
      'dues.payMany': { input: { payments: [{ sheetRow: 2, idNumber: f.peaceIdNumber, periods: ['2026-11'], amountFen: 2400, method: 'cash' }] }, ...member, field: 'payments.0.idNumber' },
      'dues.reverse': { input: { paymentId: f.duesPayment, reason: '金额有误' }, ...member, field: 'paymentId' },
      'dues.payVoluntary': { input: { memberId: f.peaceMember.id, amountFen: 100000, method: 'cash' }, ...member, field: 'memberId' },
      'dues.close': { input: { orgId: f.peaceBranch, period: '2026-11' }, ...org('orgId') },
      'funds.saveEntry': { input: { communityId: s.peaceId, direction: 'out', amountFen: 1000, onDate: '2026-11-02', purpose: '党员活动' }, field: 'communityId', problem: 'communityOutsideScope' },
      'attachments.add': { input: { owner: 'fund_entry', ownerId: f.peaceFundEntry, fileName: '收据.pdf', bytes: new Uint8Array([4, 5, 6]) }, field: 'ownerId', problem: 'communityOutsideScope' },
      'attachments.remove': { input: { id: f.peaceAttachment }, field: 'id', problem: 'communityOutsideScope' },
      'disclosure.save': { input: { communityId: s.peaceId, area: 'party', title: '党务公开', content: '本月党务', periodFrom: '2026-11-01', periodTo: '2026-11-30', draftedBy: '李文书', draftedOn: '2026-11-01' }, field: 'communityId', problem: 'communityOutsideScope' },
      'disclosure.advance': { input: { ...f.peaceDisclosure, step: 'publish', by: '王书记', on: '2026-11-02' }, field: 'id', problem: 'communityOutsideScope' },
      'disclosure.comment': { input: { disclosureId: f.peaceDisclosure.id, residentName: '周桂兰', comment: '请公开明细', receivedOn: '2026-11-02' }, field: 'disclosureId', problem: 'communityOutsideScope' },
      'decisions.save': { input: { communityId: s.peaceId, title: '停车场改造' }, field: 'communityId', problem: 'communityOutsideScope' },
      'decisions.step': { input: { decisionId: f.peaceDecision, step: 'proposal', heldOn: '2026-11-02', entitled: 7, present: 7, inFavour: 7 }, field: 'decisionId', problem: 'communityOutsideScope' },
      'projects.save': { input: { communityId: s.peaceId, type: 'secretary', year: 2026, name: '红色物业', owner: '王书记', status: 'planned' }, field: 'communityId', problem: 'communityOutsideScope' },
      'projects.approveYear': { input: { year: 2026, on: '2026-04-20', by: '王书记' }, field: 'year', problem: 'projectYearIsStreets' },
      'projects.review': { input: { ...f.peaceProject, progress: 50, note: '', on: '2026-07-01' }, field: 'id', problem: 'communityOutsideScope' },
      'projects.closeYear': { input: { year: 2026, on: '2026-12-01', by: '王书记', results: [] }, field: 'year', problem: 'projectYearIsStreets' },
      'terms.save': { input: { orgId: f.peaceBranch, electedOn: '2024-03-01' }, ...org('orgId') },
      'terms.elect': { input: { orgId: f.peaceBranch, heldOn: '2026-11-02', present: 5, candidates: [{ name: '王建国', votes: 5 }], elected: [{ name: '王建国', post: 'secretary', votes: 5 }] }, ...org('orgId') },
      'standards.save': { input: { communityId: s.peaceId, households: 3000, officeArea: 200, activityArea: 150, workers: 10 }, field: 'communityId', problem: 'communityOutsideScope' },
      'audits.save': { input: { communityId: s.peaceId, year: 2026, kind: 'annual', subject: '股份经济合作社', plannedOn: '2026-11-01' }, field: 'communityId', problem: 'communityOutsideScope' },
    };
  };
  const reads = (): Record<string, { input: unknown; field: string; problem: string }> => ({
    'members.get': { input: { id: f.peaceMember.id }, field: 'id', problem: 'memberOutsideScope' },
    'requests.get': { input: { id: f.peaceRequest }, field: 'id', problem: 'requestOutsideScope' },
    'print.slip': { input: { requestId: f.peaceRequest }, field: 'requestId', problem: 'requestOutsideScope' },
    'print.letter': { input: { transferId: f.peaceLetter }, field: 'transferId', problem: 'transferOutsideScope' },
    'returns.sendTargets': { input: {}, field: 'packageId', problem: 'returnIsStreets' },
    'life.get': { input: { id: f.peaceMeeting.id }, field: 'id', problem: 'orgOutsideScope' },
    'attachments.list': { input: { owner: 'fund_entry', ownerId: f.peaceFundEntry }, field: 'ownerId', problem: 'communityOutsideScope' },
    'attachments.get': { input: { id: f.peaceAttachment }, field: 'id', problem: 'communityOutsideScope' },
    'life.roster': { input: { orgId: f.peaceBranch, heldOn: '2026-11-01' }, field: 'orgId', problem: 'orgOutsideScope' },
    'life.participation': { input: { memberId: f.peaceMember.id }, field: 'memberId', problem: 'memberOutsideScope' },
    'appraisal.get': { input: { orgId: f.peaceBranch, year: 2026 }, field: 'orgId', problem: 'orgOutsideScope' },
    'life.printMeeting': { input: { id: f.peaceMeeting.id }, field: 'id', problem: 'orgOutsideScope' },
    'life.printBook': { input: { orgId: f.peaceBranch, year: 2026 }, field: 'orgId', problem: 'orgOutsideScope' },
    'life.printTally': { input: { orgId: f.peaceBranch, year: 2026 }, field: 'orgId', problem: 'orgOutsideScope' },
    'dues.history': { input: { memberId: f.peaceMember.id }, field: 'memberId', problem: 'memberOutsideScope' },
    'dues.paidTo': { input: { memberId: f.peaceMember.id }, field: 'memberId', problem: 'memberOutsideScope' },
    'dues.receipt': { input: { paymentId: f.duesPayment }, field: 'paymentId', problem: 'memberOutsideScope' },
    'dues.board': { input: { orgId: f.peaceBranch, period: '2026-10' }, field: 'orgId', problem: 'orgOutsideScope' },
    'develop.get': { input: { id: f.peacePerson.id }, field: 'id', problem: 'orgOutsideScope' },
  });

  it('covers every write the contract scopes to a record or to the whole street, and every scoped read', () => {
    const writes = [...recordScoped, ...wholeStreet].filter((m) => (contract[m] as Spec).write);
    expect(Object.keys(cases()).sort()).toEqual(writes.sort());
    const scopedReads = [...recordScoped, ...wholeStreet].filter((m) => !(contract[m] as Spec).write);
    expect(Object.keys(reads()).sort()).toEqual(scopedReads.sort());
  });

  it('is refused on another community’s record, naming the community and the field, with nothing written', async () => {
    for (const [method, { input, field, problem }] of Object.entries(cases())) {
      const error = await refused(method, input, s.scoped, 'FORBIDDEN', field, problem);
      expect(error.details?.community, method).toBe(HAPPY.name);
    }
    const error = await refused('members.update', { ...f.peaceMember, fields: { phone: '13900000000' } }, s.scoped, 'FORBIDDEN', 'id', 'memberOutsideScope');
    expect(formatError(error, 'zh-CN')).toBe('您的账号限定在幸福社区，不能办理这一项：编号：不是幸福社区党员名册中的党员');
  });

  it('cannot open another community’s member, request, slip or letter, nor the street’s send targets', async () => {
    for (const [method, { input, field, problem }] of Object.entries(reads())) {
      // The viewer too, where their role may call the method at all.
      const tokens = (contract[method as Method] as { access: string }).access === 'viewer' ? [s.scoped, s.scopedViewer] : [s.scoped];
      for (const token of tokens) {
        const error = await expectError(s.t.app, method, input, token, 'FORBIDDEN');
        expect(error.details?.issues, method).toEqual([expect.objectContaining({ field, problem })]);
      }
    }
  });

  it('a clerk of the whole street is not limited by the same rules', async () => {
    await expectOk(s.t.app, 'members.get', { id: f.peaceMember.id }, s.clerk);
    const saved = await expectOk(s.t.app, 'members.update', { ...f.peaceMember, fields: { phone: '13900000001' } }, s.clerk);
    expect(saved.phone).toBe('13900000001');
    f.peaceMember = { id: saved.id, version: saved.version };
  });
});
