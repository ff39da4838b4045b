// Who may do what: viewers change no record, clerks do not administer, nobody acts without logging in,
// the last administrator stays, a disabled account is shut out, and scopes stay inside the street.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type ApiEvent, type ApiInput, type Method } from '../../src/shared/api/contract';
import { formatError } from '../../src/shared/i18n/messages';
import {
  USER_PASSWORD,
  addUser,
  count,
  expectError,
  expectOk,
  listDir,
  appsForEachTest,
  tableSnapshot,
  type TestApp,
} from '../support/factory';

const app = appsForEachTest();

/** A valid input for every method of the contract, so that refusals are about access, not input. */
function sampleInputs(targetUserId: number): { [M in Method]: ApiInput<M> } {
  return {
    'app.status': {},
    'setup.initialize': {
      street: { name: '景山街道', code: '110101002000', districtName: '东城区' },
      admin: { username: 'other', displayName: '别人', password: 'Other2026pass' },
    },
    'auth.login': { username: 'nobody', password: 'whatever1' },
    'auth.session': {},
    'auth.logout': {},
    'auth.lock': {},
    'auth.unlock': { password: 'whatever1' },
    'auth.ping': {},
    'auth.changePassword': { currentPassword: 'whatever1', newPassword: 'Changed2026pass' },
    'account.setLanguage': { language: 'en' },
    'street.get': {},
    'street.update': { name: '改名街道', code: '110101001000', districtName: '东城区' },
    'settings.get': {},
    'settings.update': { idleLockMinutes: 30 },
    'users.list': {},
    'users.create': { username: 'newclerk', displayName: '新人', role: 'clerk', password: 'Newclerk2026' },
    'users.update': { id: targetUserId, role: 'admin' },
    'users.resetPassword': { id: targetUserId, newPassword: 'Reset2026pass' },
    'users.unlock': { id: targetUserId },
    'audit.list': {},
    'audit.verify': {},
    'backup.list': {},
    'backup.create': {},
    'backup.restore': { kind: 'backup', name: 'streetdesk-manual-2026-03-10-090000.db' },
    'jobs.cancel': { jobId: 'no-such-job' },
    'members.list': {},
    'orgs.tree': {},
    'orgs.create': { parentId: 1, name: '新党支部', level: 'branch' },
    'orgs.update': { id: 1, name: '改名党工委' },
    'orgs.move': { id: 1, parentId: 1 },
    'orgs.close': { id: 1, closedOn: '2026-03-10', reason: '撤销' },
    'orgs.officers': { orgId: 1 },
    'orgs.saveOfficer': { orgId: 1, post: 'secretary', personName: '王书记' },
    'orgs.endOfficerTerm': { id: 1, updatedAt: '2026-03-10T00:00:00.000Z', termEnd: '2026-03-10' },
    'communities.list': {},
    'communities.save': { name: '新社区', divisionCode: '110101001009' },
    'grids.list': {},
    'grids.save': { communityId: 1, name: '第九网格' },
    'members.get': { id: 1 },
    'codes.list': {},
    'codes.synonyms': {},
    'codes.mapValues': { mappings: [{ table: 'education', text: '电大', code: '31' }] },
    'codes.removeSynonym': { table: 'education', text: '电大' },
    'members.create': { orgId: 1, fields: { name: '王五', idNumber: '53010219200508011X', category: '正式党员' } },
    'members.update': { id: 1, version: 1, fields: { phone: '13812345678' } },
    'members.leave': { id: 1, version: 1, on: '2026-03-01', reason: 'death' },
    'members.setStanding': { id: 1, version: 1, standing: 'suspended', on: '2026-03-01' },
    'members.export': {},
    'members.importPreview': { fileName: 'x.xlsx', bytes: new Uint8Array([1, 2, 3]) },
    'members.importCommit': { fileName: 'x.xlsx', bytes: new Uint8Array([1, 2, 3]) },
    'layouts.list': { grid: 'members' },
    'layouts.save': { grid: 'members', layout: '[]' },
    'transfers.list': { open: true },
    'transfers.create': { direction: 'out', letterNumber: '东华组转〔2026〕001号', memberId: 1, issuedOn: '2026-03-10', duesPaidTo: '2026-02', toOrgName: '西城区展览路街道党工委' },
    'transfers.nextNumber': { issuedOn: '2026-03-10' },
    'transfers.receive': { id: 1, on: '2026-03-10' },
    'transfers.returnReceipt': { id: 1, on: '2026-03-10' },
    'transfers.cancel': { id: 1, on: '2026-03-10', reason: '本人不再迁出' },
    'demo.seed': { members: 1 },
    'matters.list': {},
    'matters.create': { matterName: '新事项', listClass: 'immediate', category: 'other', limitDays: 0 },
    'matters.update': { id: 1, version: 1, listClass: 'agency' },
    'matters.retire': { id: 1 },
    'requests.list': { overdue: true },
    'requests.get': { id: 1 },
    'requests.accept': { matterId: 1, residentName: '周桂兰', residentPhone: '13912345678' },
    'requests.start': { id: 1, assigneeKind: 'staff' },
    'requests.complete': { id: 1, result: '已办结', satisfaction: 5 },
    'requests.rate': { id: 1, satisfaction: 4 },
    'requests.transfer': { id: 1, transferredTo: '街道社保所', reason: '需街道审核' },
    'requests.returnToGuidance': { id: 1, guidanceTo: '区政务服务中心' },
    'requests.pause': { id: 1, missingDocuments: '户口簿' },
    'requests.resume': { id: 1 },
    'requests.extend': { id: 1, days: 2, reason: '需复核' },
    'requests.residentHistory': { phone: '13912345678' },
    'counter.today': {},
    'counter.stats': { period: '2026-03' },
    'workdays.due': { from: '2026-03-10', days: 5 },
    'workdays.overrides.list': {},
    'workdays.calendar': {},
    'workdays.overrides.save': { date: '2027-02-06', kind: 'workday' },
    'workdays.overrides.delete': { id: 1 },
    'teams.list': {},
    'teams.save': { teamName: '法律援助队', skill: 'legal_aid' },
    'volunteers.list': {},
    'volunteers.save': { volunteerName: '郑建国' },
    'volunteers.memberHours': { memberId: 1 },
    'serviceRecords.list': {},
    'serviceRecords.create': { volunteerId: 1, servedOn: '2026-03-09', hours: 2, content: '入户探访' },
    'serviceRecords.delete': { id: 1 },
    'merchants.list': {},
    'merchants.save': { merchantName: '长者食堂', category: 'catering', address: '东华门大街12号', offer: '午餐八折', agreementStart: '2026-01-01', agreementEnd: '2026-12-31' },
    'print.roster': { columns: ['name', 'phone'] },
    'print.threeLists': {},
    'print.board': { kind: 'volunteers' },
    'print.letter': { transferId: 1 },
    'print.slip': { requestId: 1 },
    'print.record': { doc: 'roster', action: 'pdf', records: 10 },
    'station.get': {},
    'station.save': { address: '东华门大街8号', phone: '010-65123456' },
    'commitments.list': {},
    'commitments.save': { memberId: 1, year: 2026, commitment: '带头参加志愿服务' },
    'commitments.delete': { id: 1 },
    'setup.initializeDistrict': { district: { name: '东城区', code: '110101' }, admin: { username: 'other', displayName: '别人', password: 'Other2026pass' } },
    'exchange.keys': {},
    'exchange.exportKey': {},
    'exchange.trustKey': { keyFile: '{}' },
    'exchange.saveSettings': { districtUrl: 'http://127.0.0.1:5199', uploadToken: 'x' },
    'server.settings': {},
    'server.saveSettings': { enabled: false, port: 8443, publicNames: [] },
    'returns.list': {},
    'returns.get': { period: '2026-02' },
    'returns.saveNote': { period: '2026-02', table: 'changes', note: '无' },
    'returns.check': { period: '2026-02' },
    'returns.finalize': { period: '2026-02' },
    'returns.reopen': { period: '2026-02', reason: '更正' },
    'returns.build': { period: '2026-02' },
    'returns.sendTargets': {},
    'returns.sendToFolder': { packageId: 1, folder: '/tmp' },
    'returns.upload': { packageId: 1 },
    'package.verify': { fileName: 'x.zip', bytes: new Uint8Array([1, 2, 3]) },
    'district.streets': {},
    'setup.initializeCity': { city: { name: '潍坊市', code: '3707' }, admin: { username: 'other', displayName: '别人', password: 'Other2026pass' } },
    'districtReturn.build': { period: '2026-11' },
    'districtReturn.list': {},
    'districtReturn.sendToFolder': { packageId: 1, folder: '/tmp' },
    'districtReturn.upload': { packageId: 1 },
    'city.issueToken': { districtCode: '110101' },
    'city.receiveUpload': { districtCode: '110101', token: 'x', fileName: 'x.zip', bytes: new Uint8Array([1, 2, 3]) },
    'city.districts': {},
    'city.import': { files: [{ fileName: 'x.zip', bytes: new Uint8Array([1, 2, 3]) }] },
    'city.importFolder': { folder: '/tmp' },
    'city.packages': {},
    'city.consolidate': { period: '2026-11' },
    'city.report': { period: '2026-11' },
    'district.issueToken': { streetCode: '110101001000' },
    'district.import': { files: [{ fileName: 'x.zip', bytes: new Uint8Array([1, 2, 3]) }] },
    'district.importFolder': { folder: '/tmp' },
    'district.sourceFolders': {},
    'district.receiveUpload': { streetCode: '110101001000', token: 'x', fileName: 'x.zip', bytes: new Uint8Array([1, 2, 3]) },
    'exchange.checkUploadToken': { senderCode: '110101001000', token: 'x' },
    'district.packages': {},
    'district.consolidate': { period: '2026-02' },
    'district.report': { period: '2026-02' },
    'life.list': {},
    'life.get': { id: 1 },
    'life.roster': { orgId: 1, heldOn: '2026-03-09' },
    'life.save': { orgId: 1, meetingType: 'theme-day', heldOn: '2026-03-09', topic: '学习党章' },
    'life.delete': { id: 1, version: 1 },
    'life.compliance': { year: 2026 },
    'life.calendar': { year: 2026, month: 3 },
    'life.rules': {},
    'life.saveRules': { activityWeek: 2 },
    'life.participation': { memberId: 1 },
    'appraisal.get': { orgId: 1, year: 2026 },
    'appraisal.save': { orgId: 1, year: 2026, heldOn: '2026-03-09', grades: [{ memberId: 1, grade: 'qualified' }] },
    'life.printMeeting': { id: 1 },
    'life.printBook': { orgId: 1, year: 2026 },
    'life.printTally': { orgId: 1, year: 2026 },
    'dues.rate': { category: 'working', baseFen: 300000 },
    'dues.settings': {},
    'dues.ledger': { period: '2026-03' },
    'dues.arrears': {},
    'dues.history': { memberId: 1 },
    'dues.paidTo': { memberId: 1 },
    'dues.receipt': { paymentId: 1 },
    'dues.board': { orgId: 1, period: '2026-03' },
    'dues.statement': { year: 2026 },
    'dues.remittance': { period: '2026-03' },
    'dues.saveBase': { memberId: 1, category: 'retired', baseFen: 480000, effectiveMonth: '2026-03' },
    'dues.generate': { period: '2026-03' },
    'dues.pay': { memberId: 1, periods: ['2026-03'], amountFen: 2400, method: 'cash' },
    'dues.readSheet': { fileName: '收缴表.csv', bytes: new TextEncoder().encode('身份证号码,月份,金额\n110101198003070017,2026-03,24\n') },
    'dues.payMany': { payments: [{ sheetRow: 2, idNumber: '110101198003070017', periods: ['2026-03'], amountFen: 2400, method: 'cash' }] },
    'dues.reverse': { paymentId: 1, reason: '录错金额' },
    'dues.payVoluntary': { memberId: 1, amountFen: 100000, method: 'transfer' },
    'dues.close': { orgId: 1, period: '2026-03' },
    'dues.saveSettings': { farmerFen: 50 },
    'funds.overview': { year: 2026 },
    'funds.saveStandard': { parameter: 'officePer1000Households', value: 1000000, source: '街道党建经费标准', year: 2026 },
    'funds.saveEntry': { communityId: 1, direction: 'out', amountFen: 50000, onDate: '2026-03-05', purpose: '党员活动' },
    'attachments.list': { owner: 'fund_entry', ownerId: 1 },
    'attachments.get': { id: 1 },
    'attachments.add': { owner: 'fund_entry', ownerId: 1, fileName: '发票.jpg', bytes: new Uint8Array([1, 2, 3]) },
    'attachments.remove': { id: 1 },
    'develop.list': {},
    'develop.get': { id: 1 },
    'develop.create': { name: '孙晓明', idNumber: '110101200004120071', orgId: 1, appliedOn: '2026-03-02' },
    'develop.recordStep': { id: 1, version: 1, step: 'talked', on: '2026-03-09' },
    'develop.correctStep': { id: 1, version: 1, stepId: 1, on: '2026-03-09' },
    'develop.plans': { year: 2026 },
    'develop.savePlan': { year: 2026, communityId: 1, planned: 3 },
    'develop.settings': {},
    'develop.saveSettings': { noticeWorkdays: 5, approvalMonths: 3 },
    'develop.importPreview': { fileName: 'x.xlsx', bytes: new Uint8Array([1, 2, 3]) },
    'develop.importCommit': { fileName: 'x.xlsx', bytes: new Uint8Array([1, 2, 3]) },
    'gov.settings': {},
    'gov.saveSettings': { fixedDay: 9, residentsPresentPercent: 50, residentsFavourPercent: 50, minSpace: 300, spacePer100Households: 30, householdsPerWorker: 300, standardsSource: '济南市标准', projectApproveBy: '04-30' },
    'disclosure.list': {},
    'disclosure.due': { period: '2026-02' },
    'disclosure.board': {},
    'disclosure.save': { communityId: null, area: 'finance', title: '财务公开', content: '本月收支', periodFrom: '2026-02-01', periodTo: '2026-02-28', draftedBy: '李文书', draftedOn: '2026-02-05' },
    'disclosure.advance': { id: 1, version: 1, step: 'review', by: '王书记', on: '2026-02-06' },
    'disclosure.comment': { disclosureId: 1, residentName: '周桂兰', comment: '请公开明细', receivedOn: '2026-02-10' },
    'decisions.list': {},
    'decisions.save': { communityId: 1, title: '加装电梯' },
    'decisions.step': { decisionId: 1, step: 'proposal', heldOn: '2026-02-01', entitled: 7, present: 7, inFavour: 7 },
    'projects.list': { year: 2026 },
    'projects.stats': { year: 2026 },
    'projects.save': { communityId: null, type: 'secretary', year: 2026, name: '书记项目', owner: '王书记', status: 'planned' },
    'projects.approveYear': { year: 2026, on: '2026-04-20', by: '王书记' },
    'projects.review': { id: 1, version: 1, progress: 50, note: '', on: '2026-07-01' },
    'projects.closeYear': { year: 2026, on: '2026-12-01', by: '王书记', results: [] },
    'terms.list': {},
    'terms.elections': { orgId: 1 },
    'terms.save': { orgId: 1, electedOn: '2021-03-01' },
    'terms.elect': { orgId: 1, heldOn: '2026-02-01', present: 5, candidates: [{ name: '王建国', votes: 5 }], elected: [{ name: '王建国', post: 'secretary', votes: 5 }] },
    'standards.table': {},
    'standards.save': { communityId: 1, households: 3000, officeArea: 200, activityArea: 150, workers: 10 },
    'audits.list': { year: 2026 },
    'audits.stats': { year: 2026 },
    'audits.save': { communityId: 1, year: 2026, kind: 'annual', subject: '村集体经济合作社', plannedOn: '2026-03-01' },
    'overview.get': { period: '2026-11' },
  };
}

const methods = Object.keys(contract) as Method[];
const dataWrites = methods.filter((m) => contract[m].write && (contract[m].access === 'clerk' || contract[m].access === 'admin'));
const adminOnly = methods.filter((m) => contract[m].access === 'admin');

function observable(t: TestApp) {
  return { rows: tableSnapshot(t.app.sqlite), backups: listDir(path.join(t.dir, 'backups')) };
}

describe('a viewer', () => {
  it('is refused every data write with FORBIDDEN and nothing changes', async () => {
    expect(dataWrites).toEqual(
      expect.arrayContaining(['street.update', 'settings.update', 'users.create', 'users.update', 'backup.create', 'backup.restore']),
    );
    const t = await app();
    const viewer = await addUser(t, 'viewer');
    const inputs = sampleInputs(viewer.id);
    const before = observable(t);
    const auditCount = count(t.app.database, 'audit_log');

    for (const method of dataWrites) {
      const error = await expectError(t.app, method, inputs[method], viewer.token, 'FORBIDDEN');
      expect(error.details).toMatchObject({ role: 'viewer' });
      expect(error.message).toContain('只读用户');
    }

    expect(count(t.app.database, 'audit_log')).toBe(auditCount);
    expect(observable(t)).toEqual(before);
    expect((await t.app.invoke('users.list', {}, t.adminToken)).find((u) => u.id === viewer.id)?.role).toBe('viewer');
  });

  it('can read the street, settings, audit log and backups', async () => {
    const t = await app();
    const viewer = await addUser(t, 'viewer');
    for (const method of ['street.get', 'settings.get', 'audit.list', 'audit.verify', 'backup.list'] as const) {
      await expectOk(t.app, method, {}, viewer.token);
    }
  });
});

describe('a clerk', () => {
  it('is refused the administrator methods with FORBIDDEN and nothing changes', async () => {
    expect(adminOnly).toEqual(
      expect.arrayContaining([
        'users.list',
        'users.create',
        'users.update',
        'users.resetPassword',
        'users.unlock',
        'street.update',
        'settings.update',
        'backup.restore',
      ]),
    );
    const t = await app();
    const clerk = await addUser(t, 'clerk');
    const inputs = sampleInputs(clerk.id);
    const before = observable(t);

    for (const method of adminOnly) {
      const error = await expectError(t.app, method, inputs[method], clerk.token, 'FORBIDDEN');
      expect(formatError(error, 'en')).toContain('Clerk');
    }
    expect(observable(t)).toEqual(before);
  });

  it('can make a backup', async () => {
    const t = await app();
    const clerk = await addUser(t, 'clerk');
    const file = await expectOk(t.app, 'backup.create', {}, clerk.token);
    expect(listDir(path.join(t.dir, 'backups'))).toContain(file.name);
  });
});

describe('calls without a session', () => {
  const needSession = methods.filter((m) => contract[m].access !== 'public');

  it('are refused with UNAUTHENTICATED for every non-public method, with no token or a made-up one', async () => {
    expect(needSession.length).toBeGreaterThan(10);
    const t = await app();
    const inputs = sampleInputs(t.adminId);
    const before = observable(t);
    for (const method of needSession) {
      await expectError(t.app, method, inputs[method], null, 'UNAUTHENTICATED');
      await expectError(t.app, method, inputs[method], 'made-up-token', 'UNAUTHENTICATED');
    }
    expect(observable(t)).toEqual(before);
  });

  it('a logged-out token no longer works', async () => {
    const t = await app();
    await t.app.invoke('auth.logout', {}, t.adminToken);
    await expectError(t.app, 'street.get', {}, t.adminToken, 'UNAUTHENTICATED');
  });
});

it('an unknown method is answered with UNKNOWN_METHOD naming it', async () => {
  const t = await app();
  const error = await expectError(t.app, 'members.delete', {}, t.adminToken, 'UNKNOWN_METHOD');
  expect(error.details).toMatchObject({ method: 'members.delete' });
  expect(error.message).toContain('members.delete');
});

describe('the last administrator', () => {
  it('cannot be demoted or disabled', async () => {
    const t = await app();
    const before = observable(t);
    await expectError(t.app, 'users.update', { id: t.adminId, role: 'clerk' }, t.adminToken, 'LAST_ADMIN');
    await expectError(t.app, 'users.update', { id: t.adminId, disabled: true }, t.adminToken, 'LAST_ADMIN');
    expect(observable(t)).toEqual(before);
    const [admin] = await t.app.invoke('users.list', {}, t.adminToken);
    expect(admin).toMatchObject({ role: 'admin', disabled: false });
  });

  it('a disabled second administrator does not count', async () => {
    const t = await app();
    const second = await addUser(t, 'admin');
    await t.app.invoke('users.update', { id: second.id, disabled: true }, t.adminToken);
    await expectError(t.app, 'users.update', { id: t.adminId, role: 'viewer' }, t.adminToken, 'LAST_ADMIN');
  });

  it('can step down once another active administrator exists', async () => {
    const t = await app();
    await addUser(t, 'admin');
    const updated = await t.app.invoke('users.update', { id: t.adminId, role: 'clerk' }, t.adminToken);
    expect(updated.role).toBe('clerk');
    await expectError(t.app, 'users.list', {}, t.adminToken, 'FORBIDDEN');
  });
});

describe('a changed role', () => {
  it('applies to the open session of that user at once', async () => {
    const t = await app();
    const clerk = await addUser(t, 'clerk');
    await expectOk(t.app, 'backup.create', {}, clerk.token);
    await t.app.invoke('users.update', { id: clerk.id, role: 'viewer' }, t.adminToken);
    t.clock.advance(60_000);
    await expectError(t.app, 'backup.create', {}, clerk.token, 'FORBIDDEN');
    expect((await t.app.invoke('auth.session', {}, clerk.token))?.user.role).toBe('viewer');
  });
});

describe('a disabled user', () => {
  it('has their session ended at once and cannot log in again', async () => {
    const t = await app();
    const clerk = await addUser(t, 'clerk');
    const events: { token: string | null; event: ApiEvent }[] = [];
    t.app.onEvent((token, event) => events.push({ token, event }));

    await t.app.invoke('users.update', { id: clerk.id, disabled: true }, t.adminToken);

    expect(events).toContainEqual({ token: clerk.token, event: { type: 'session-ended', reason: 'logged-out' } });
    await expectError(t.app, 'street.get', {}, clerk.token, 'UNAUTHENTICATED');
    expect(await t.app.invoke('auth.session', {}, clerk.token)).toBeNull();
    const error = await expectError(t.app, 'auth.login', { username: clerk.username, password: USER_PASSWORD }, null, 'ACCOUNT_DISABLED');
    expect(error.message).toContain('停用');

    // Enabled again, the old session stays ended but a new login works.
    await t.app.invoke('users.update', { id: clerk.id, disabled: false }, t.adminToken);
    await expectError(t.app, 'street.get', {}, clerk.token, 'UNAUTHENTICATED');
    await t.app.invoke('auth.login', { username: clerk.username, password: USER_PASSWORD });
  });
});

describe('a user limited to one community', () => {
  it('must be a community of this street, naming the field and the value', async () => {
    const t = await app();
    const before = count(t.app.database, 'users');
    const error = await expectError(
      t.app,
      'users.create',
      { username: 'scoped', displayName: '社区书记', role: 'clerk', password: USER_PASSWORD, scopeCommunityCode: '110102003001' },
      t.adminToken,
      'VALIDATION',
    );
    expect(error.details?.issues).toEqual([
      expect.objectContaining({ field: 'scopeCommunityCode', problem: 'divisionCodeOtherStreet', value: '110102003001' }),
    ]);
    expect(error.message).toContain('限定社区');
    expect(error.message).toContain('110101001');
    expect(count(t.app.database, 'users')).toBe(before);
  });

  it('is refused the same way when an existing user is moved to another street', async () => {
    const t = await app();
    const clerk = await addUser(t, 'clerk');
    const error = await expectError(t.app, 'users.update', { id: clerk.id, scopeCommunityCode: '110102003001' }, t.adminToken, 'VALIDATION');
    expect(error.details?.issues?.[0]).toMatchObject({ field: 'scopeCommunityCode', value: '110102003001' });
    const users = await t.app.invoke('users.list', {}, t.adminToken);
    expect(users.find((u) => u.id === clerk.id)?.scopeCommunityCode).toBeNull();
  });

  it('is accepted for a residents committee of this street, pasted with full-width digits', async () => {
    const t = await app();
    const user = await t.app.invoke(
      'users.create',
      { username: 'scoped', displayName: '社区书记', role: 'clerk', password: USER_PASSWORD, scopeCommunityCode: '１１０１０１００１００２' },
      t.adminToken,
    );
    expect(user.scopeCommunityCode).toBe('110101001002');
  });
});
