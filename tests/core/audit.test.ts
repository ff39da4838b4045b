// The audit log: every write leaves an entry saying who did what to which record and when, never a password
// hash; an entry changed, deleted or moved behind StreetDesk's back is found and named by verification.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { contract, type Method } from '../../src/shared/api/contract';
import { verifyAuditChain } from '../../src/core/services/audit';
import type { AuditRow } from '../../src/core/db/schema';
import type { MemberRow } from '../../src/shared/api/contract';
import { ADMIN, MINUTE, USER_PASSWORD, addUser, type TestApp, appsForEachTest } from '../support/factory';
import { swapAuditRows, tamper } from '../support/tamper';
import { districtKeyFileForTest } from '../support/exchange';
import { idFor, pipelineWorkbook } from './develop/develop-support';
import { draft, govStreet, type GovStreet } from './gov/gov-support';

const app = appsForEachTest();

type WriteMethod = { [M in Method]: (typeof contract)[M]['write'] extends true ? M : never }[Method];

/** Writes that need a district database or a district host: tests/core/exchange checks their entries. */
const CHECKED_IN_EXCHANGE_TESTS = new Set<WriteMethod>([
  'setup.initializeDistrict',
  'district.issueToken',
  'district.import',
  'district.importFolder',
  'district.receiveUpload',
  'returns.upload',
  // A district's package for the city and a city database: their entries are checked in tests/core/exchange/city.test.ts.
  'setup.initializeCity',
  'districtReturn.build',
  'districtReturn.sendToFolder',
  'districtReturn.upload',
  'city.issueToken',
  'city.receiveUpload',
  'city.import',
  'city.importFolder',
]);
/** Builds a whole demo street, which the steps' own records would collide with: checked in tests/cli/cli-auth.test.ts. */
const CHECKED_IN_CLI_TESTS = new Set<WriteMethod>(['demo.seed']);

interface Expected {
  entity: string;
  username: string;
  before: boolean;
  after: boolean;
}

function rows(t: TestApp): AuditRow[] {
  return t.app.database.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
}

describe('every write', () => {
  it('leaves an audit entry with the user, the time, the action, the record and what changed', async () => {
    const t = await app();
    const clerk = await addUser(t, 'clerk', 'zhangwei');
    let backupName = '';
    let community = 0;
    let grid = 0;
    let rootId = 0;
    let member: MemberRow | null = null;
    let branch = 0;
    let transfer = 0;
    let matter = 0;
    let request = 0;
    let override = 0;
    let volunteer = 0;
    let record = 0;
    let officer: { id: number; updatedAt: string } | null = null;
    let commitment = 0;
    let packageId = 0;
    let meeting: { id: number; version: number } | null = null;
    let duesBranch = 0;
    let duesMember = 0;
    let fundEntry = 0;
    let attachment = 0;
    let duesPayment = 0;
    let applicant: { id: number; version: number } | null = null;
    let gov: GovStreet | null = null;
    let disclosure = 0;
    let decision = 0;
    let project: { id: number; version: number } | null = null;
    const admin = ADMIN.username;

    // One step per write method of the contract; the record type makes a new write method fail to compile here.
    const steps: Record<WriteMethod, { run: () => Promise<unknown>; expected: Expected }> = {
      'setup.initialize': {
        // Done by makeApp at the start clock; checked below from the entries it left.
        run: async () => undefined,
        expected: { entity: 'street', username: admin, before: false, after: true },
      },
      'auth.login': {
        run: () => t.app.invoke('auth.login', { username: 'zhangwei', password: USER_PASSWORD }),
        expected: { entity: 'user', username: 'zhangwei', before: false, after: false },
      },
      'auth.unlock': {
        run: async () => {
          await t.app.invoke('auth.lock', {}, clerk.token);
          await t.app.invoke('auth.unlock', { password: USER_PASSWORD }, clerk.token);
        },
        expected: { entity: 'user', username: 'zhangwei', before: false, after: false },
      },
      'auth.changePassword': {
        run: () => t.app.invoke('auth.changePassword', { currentPassword: USER_PASSWORD, newPassword: 'Second2026pass' }, clerk.token),
        expected: { entity: 'user', username: 'zhangwei', before: false, after: true },
      },
      'account.setLanguage': {
        run: () => t.app.invoke('account.setLanguage', { language: 'en' }, clerk.token),
        expected: { entity: 'user', username: 'zhangwei', before: true, after: true },
      },
      'street.update': {
        run: () => t.app.invoke('street.update', { name: '东华门街道办事处', code: '110101001', districtName: '东城区' }, t.adminToken),
        expected: { entity: 'street', username: admin, before: true, after: true },
      },
      'settings.update': {
        run: () => t.app.invoke('settings.update', { idleLockMinutes: 15 }, t.adminToken),
        expected: { entity: 'settings', username: admin, before: true, after: true },
      },
      'users.create': {
        run: () => t.app.invoke('users.create', { username: 'liuyang', displayName: '刘洋', role: 'viewer', password: USER_PASSWORD }, t.adminToken),
        expected: { entity: 'user', username: admin, before: false, after: true },
      },
      'users.update': {
        run: () => t.app.invoke('users.update', { id: clerk.id, role: 'viewer', displayName: '张伟（只读）' }, t.adminToken),
        expected: { entity: 'user', username: admin, before: true, after: true },
      },
      'users.resetPassword': {
        run: () => t.app.invoke('users.resetPassword', { id: clerk.id, newPassword: 'Third2026pass' }, t.adminToken),
        expected: { entity: 'user', username: admin, before: false, after: true },
      },
      'users.unlock': {
        run: async () => {
          for (let i = 0; i < 5; i++) await t.app.call('auth.login', { username: 'zhangwei', password: 'Wrong2026pass' }, null);
          await t.app.invoke('users.unlock', { id: clerk.id }, t.adminToken);
        },
        expected: { entity: 'user', username: admin, before: true, after: true },
      },
      'communities.save': {
        run: async () => {
          community = (await t.app.invoke('communities.save', { name: '东华社区', divisionCode: '110101001001', households: 3000 }, t.adminToken)).id;
        },
        expected: { entity: 'community', username: admin, before: false, after: true },
      },
      'grids.save': {
        run: async () => {
          grid = (await t.app.invoke('grids.save', { communityId: community, name: '第一网格', coverage: '1-6号楼' }, t.adminToken)).id;
        },
        expected: { entity: 'grid', username: admin, before: false, after: true },
      },
      'orgs.create': {
        run: async () => {
          const root = (await t.app.invoke('orgs.tree', {}, t.adminToken))[0];
          rootId = root.id;
          branch = (await t.app.invoke('orgs.create', { parentId: root.id, name: '东华社区党委', level: 'community_committee', communityId: community }, t.adminToken)).id;
        },
        expected: { entity: 'organization', username: admin, before: false, after: true },
      },
      'orgs.update': {
        run: () => t.app.invoke('orgs.update', { id: branch, name: '东华社区党总支', gridId: grid, hasCommittee: true }, t.adminToken),
        expected: { entity: 'organization', username: admin, before: true, after: true },
      },
      'orgs.move': {
        run: () => t.app.invoke('orgs.move', { id: branch, parentId: rootId, position: 0 }, t.adminToken),
        expected: { entity: 'organization', username: admin, before: true, after: true },
      },
      'orgs.saveOfficer': {
        run: async () => {
          officer = await t.app.invoke('orgs.saveOfficer', { orgId: branch, post: 'part_time', personName: '孙警官', partTimeKind: 'police', termStart: '2026-01-01' }, t.adminToken);
        },
        expected: { entity: 'officer', username: admin, before: false, after: true },
      },
      'orgs.endOfficerTerm': {
        run: () => t.app.invoke('orgs.endOfficerTerm', { id: officer!.id, updatedAt: officer!.updatedAt, termEnd: '2026-03-01' }, t.adminToken),
        expected: { entity: 'officer', username: admin, before: true, after: true },
      },
      'members.create': {
        run: async () => {
          member = await t.app.invoke(
            'members.create',
            { orgId: branch, fields: { name: '李四', idNumber: '370101190102039973', category: '正式党员', joinDate: '1950-07-01', fullDate: '1951-07-01' } },
            t.adminToken,
          );
        },
        expected: { entity: 'member', username: admin, before: false, after: true },
      },
      'members.update': {
        run: async () => {
          member = await t.app.invoke('members.update', { id: member!.id, version: member!.version, fields: { phone: '138 1234 5678' } }, t.adminToken);
        },
        expected: { entity: 'member', username: admin, before: true, after: true },
      },
      'commitments.save': {
        run: async () => {
          commitment = (await t.app.invoke('commitments.save', { memberId: member!.id, year: 2026, commitment: '每月参加一次社区志愿服务' }, t.adminToken)).id;
        },
        expected: { entity: 'commitment', username: admin, before: false, after: true },
      },
      'commitments.delete': {
        run: () => t.app.invoke('commitments.delete', { id: commitment }, t.adminToken),
        expected: { entity: 'commitment', username: admin, before: true, after: false },
      },
      'members.setStanding': {
        run: async () => {
          member = await t.app.invoke('members.setStanding', { id: member!.id, version: member!.version, standing: 'suspended', on: '2026-02-01' }, t.adminToken);
        },
        expected: { entity: 'member', username: admin, before: true, after: true },
      },
      'members.leave': {
        run: () => t.app.invoke('members.leave', { id: member!.id, version: member!.version, on: '2026-03-01', reason: 'death' }, t.adminToken),
        expected: { entity: 'member', username: admin, before: true, after: true },
      },
      'transfers.create': {
        run: async () => {
          const leaving = await t.app.invoke('members.create', { orgId: branch, fields: { name: '赵敏', idNumber: '110101197506150022', category: '正式党员' } }, t.adminToken);
          transfer = (
            await t.app.invoke(
              'transfers.create',
              { direction: 'out', letterNumber: '东华组转〔2026〕001号', memberId: leaving.id, issuedOn: '2026-03-10', duesPaidTo: '2026-02', toOrgName: '西城区展览路街道党工委' },
              t.adminToken,
            )
          ).id;
        },
        expected: { entity: 'transfer', username: admin, before: false, after: true },
      },
      'transfers.receive': {
        run: () => t.app.invoke('transfers.receive', { id: transfer, on: '2026-03-10' }, t.adminToken),
        expected: { entity: 'transfer', username: admin, before: true, after: true },
      },
      'transfers.returnReceipt': {
        run: () => t.app.invoke('transfers.returnReceipt', { id: transfer, on: '2026-03-10' }, t.adminToken),
        expected: { entity: 'transfer', username: admin, before: true, after: true },
      },
      'transfers.cancel': {
        run: async () => {
          const incoming = await t.app.invoke(
            'transfers.create',
            { direction: 'in', letterNumber: '西展组转〔2026〕017号', person: { name: '钱进', idNumber: '110105199003030031', category: 'full' }, issuedOn: '2026-03-09', fromOrgName: '西城区展览路街道党工委', toOrgId: branch },
            t.adminToken,
          );
          await t.app.invoke('transfers.cancel', { id: incoming.id, on: '2026-03-10', reason: '本人改迁他处' }, t.adminToken);
        },
        expected: { entity: 'transfer', username: admin, before: true, after: true },
      },
      'matters.create': {
        run: async () => {
          matter = (await t.app.invoke('matters.create', { matterName: '电动自行车充电桩申请指导', listClass: 'guidance', category: 'other', limitDays: 1 }, t.adminToken)).id;
        },
        expected: { entity: 'service_matter', username: admin, before: false, after: true },
      },
      'matters.update': {
        run: () => t.app.invoke('matters.update', { id: matter, listClass: 'agency', limitDays: 5 }, t.adminToken),
        expected: { entity: 'service_matter', username: admin, before: true, after: true },
      },
      'requests.accept': {
        run: async () => {
          request = (await t.app.invoke('requests.accept', { communityId: community, matterId: matter, residentName: '周桂兰', residentPhone: '13912345678' }, t.adminToken)).id;
        },
        expected: { entity: 'service_request', username: admin, before: false, after: true },
      },
      'matters.retire': {
        run: () => t.app.invoke('matters.retire', { id: matter }, t.adminToken),
        expected: { entity: 'service_matter', username: admin, before: true, after: true },
      },
      'requests.start': {
        run: () => t.app.invoke('requests.start', { id: request, assigneeKind: 'staff', assigneeName: '张伟' }, t.adminToken),
        expected: { entity: 'service_request', username: admin, before: true, after: true },
      },
      'requests.pause': {
        run: () => t.app.invoke('requests.pause', { id: request, missingDocuments: '户口簿原件' }, t.adminToken),
        expected: { entity: 'service_request', username: admin, before: true, after: true },
      },
      'requests.resume': {
        run: () => t.app.invoke('requests.resume', { id: request }, t.adminToken),
        expected: { entity: 'service_request', username: admin, before: true, after: true },
      },
      'requests.extend': {
        run: () => t.app.invoke('requests.extend', { id: request, days: 3, reason: '需区民政局复核' }, t.adminToken),
        expected: { entity: 'service_request', username: admin, before: true, after: true },
      },
      'requests.complete': {
        run: () => t.app.invoke('requests.complete', { id: request, result: '已代办完毕，材料已送区里' }, t.adminToken),
        expected: { entity: 'service_request', username: admin, before: true, after: true },
      },
      'requests.rate': {
        run: () => t.app.invoke('requests.rate', { id: request, satisfaction: 5, satisfactionComment: '很满意' }, t.adminToken),
        expected: { entity: 'service_request', username: admin, before: true, after: true },
      },
      'requests.transfer': {
        run: async () => {
          const matters = await t.app.invoke('matters.list', {}, t.adminToken);
          const other = await t.app.invoke('requests.accept', { communityId: community, matterId: matters[0].id, residentName: '孙立', residentAddress: '3号楼2单元501' }, t.adminToken);
          await t.app.invoke('requests.transfer', { id: other.id, transferredTo: '街道社保所', reason: '需街道审核' }, t.adminToken);
        },
        expected: { entity: 'service_request', username: admin, before: true, after: true },
      },
      'requests.returnToGuidance': {
        run: async () => {
          const matters = await t.app.invoke('matters.list', {}, t.adminToken);
          const other = await t.app.invoke('requests.accept', { communityId: community, matterId: matters[1].id, residentName: '吴芳', residentPhone: '0536-6012345' }, t.adminToken);
          await t.app.invoke('requests.returnToGuidance', { id: other.id, guidanceTo: '区政务服务中心社保窗口' }, t.adminToken);
        },
        expected: { entity: 'service_request', username: admin, before: true, after: true },
      },
      'workdays.overrides.save': {
        run: async () => {
          override = (await t.app.invoke('workdays.overrides.save', { date: '2027-02-06', kind: 'workday', dayName: '春节调休上班' }, t.adminToken)).id;
        },
        expected: { entity: 'workday_override', username: admin, before: false, after: true },
      },
      'workdays.overrides.delete': {
        run: () => t.app.invoke('workdays.overrides.delete', { id: override }, t.adminToken),
        // after: how many open requests' due dates were counted again on the changed table.
        expected: { entity: 'workday_override', username: admin, before: true, after: true },
      },
      'teams.save': {
        run: () => t.app.invoke('teams.save', { teamName: '红色物业维修队', skill: 'repairs' }, t.adminToken),
        expected: { entity: 'service_team', username: admin, before: false, after: true },
      },
      'volunteers.save': {
        run: async () => {
          volunteer = (await t.app.invoke('volunteers.save', { volunteerName: '郑建国', phone: '13700001111' }, t.adminToken)).id;
        },
        expected: { entity: 'volunteer', username: admin, before: false, after: true },
      },
      'serviceRecords.create': {
        run: async () => {
          record = (await t.app.invoke('serviceRecords.create', { volunteerId: volunteer, servedOn: '2026-03-09', hours: 2, content: '为独居老人修理水龙头' }, t.adminToken)).id;
        },
        expected: { entity: 'service_record', username: admin, before: false, after: true },
      },
      'serviceRecords.delete': {
        run: () => t.app.invoke('serviceRecords.delete', { id: record }, t.adminToken),
        expected: { entity: 'service_record', username: admin, before: true, after: false },
      },
      'merchants.save': {
        run: () =>
          t.app.invoke(
            'merchants.save',
            { merchantName: '东华社区长者食堂', category: 'catering', address: '东华门大街12号', walkMinutes: 6, offer: '60岁以上老人午餐八折', agreementStart: '2026-01-01', agreementEnd: '2026-12-31' },
            t.adminToken,
          ),
        expected: { entity: 'partner_merchant', username: admin, before: false, after: true },
      },
      'station.save': {
        run: () => t.app.invoke('station.save', { stationName: '东华社区党群服务站', address: '东华门大街8号', postcode: '100006', phone: '010-65123456', hours: '工作日 8:30–17:30' }, t.adminToken),
        expected: { entity: 'station', username: admin, before: true, after: true },
      },
      'print.record': {
        run: () => t.app.invoke('print.record', { doc: 'letter', params: { transfer: String(transfer) }, action: 'print', records: 1 }, t.adminToken),
        expected: { entity: 'transfer', username: admin, before: false, after: true },
      },
      'orgs.close': {
        run: () => t.app.invoke('orgs.close', { id: branch, closedOn: '2026-03-10', reason: '社区合并' }, t.adminToken),
        expected: { entity: 'organization', username: admin, before: true, after: true },
      },
      'members.importCommit': {
        run: async () => {
          const book = new ExcelJS.Workbook();
          const sheet = book.addWorksheet('花名册');
          sheet.addRow(['姓名', '公民身份号码', '所在党支部', '人员类别']);
          sheet.addRow(['王五', '53010219200508011X', '东华门街道党工委', '预备党员']);
          const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
          const report = await t.app.invoke('members.importCommit', { fileName: '花名册.xlsx', bytes }, t.adminToken);
          expect(report.created).toBe(1);
        },
        expected: { entity: 'member', username: admin, before: false, after: true },
      },
      'codes.mapValues': {
        run: () => t.app.invoke('codes.mapValues', { mappings: [{ table: 'education', text: '电大', code: '31' }] }, t.adminToken),
        expected: { entity: 'codeSynonym', username: admin, before: false, after: true },
      },
      'codes.removeSynonym': {
        run: () => t.app.invoke('codes.removeSynonym', { table: 'education', text: '电大' }, t.adminToken),
        expected: { entity: 'codeSynonym', username: admin, before: true, after: false },
      },
      'layouts.save': {
        run: () => t.app.invoke('layouts.save', { grid: 'members', name: '我的布局', layout: '[{"colId":"name"}]' }, t.adminToken),
        expected: { entity: 'layout', username: admin, before: false, after: true },
      },
      'exchange.exportKey': {
        run: () => t.app.invoke('exchange.exportKey', {}, t.adminToken),
        expected: { entity: 'key', username: admin, before: false, after: true },
      },
      'exchange.trustKey': {
        run: () => t.app.invoke('exchange.trustKey', { keyFile: districtKeyFileForTest('110101000000') }, t.adminToken),
        expected: { entity: 'district', username: admin, before: false, after: true },
      },
      'exchange.saveSettings': {
        run: () => t.app.invoke('exchange.saveSettings', { districtUrl: 'http://127.0.0.1:5199', uploadToken: 'token-of-the-street' }, t.adminToken),
        expected: { entity: 'settings', username: admin, before: true, after: true },
      },
      'returns.saveNote': {
        run: () => t.app.invoke('returns.saveNote', { period: '2026-02', table: 'changes', note: '本月无变动' }, t.adminToken),
        expected: { entity: 'return', username: admin, before: true, after: true },
      },
      'returns.check': {
        run: () => t.app.invoke('returns.check', { period: '2026-02' }, t.adminToken),
        expected: { entity: 'return', username: admin, before: true, after: true },
      },
      'returns.finalize': {
        run: () => t.app.invoke('returns.finalize', { period: '2026-02' }, t.adminToken),
        expected: { entity: 'return', username: admin, before: true, after: true },
      },
      'returns.build': {
        run: async () => {
          packageId = (await t.app.invoke('returns.build', { period: '2026-02', unencrypted: true }, t.adminToken)).package.id;
        },
        expected: { entity: 'returnPackage', username: admin, before: false, after: true },
      },
      'returns.sendToFolder': {
        run: () => t.app.invoke('returns.sendToFolder', { packageId, folder: t.dir }, t.adminToken),
        expected: { entity: 'returnPackage', username: admin, before: false, after: true },
      },
      'returns.reopen': {
        run: () => t.app.invoke('returns.reopen', { period: '2026-02', reason: '更正说明' }, t.adminToken),
        expected: { entity: 'return', username: admin, before: true, after: true },
      },
      // A district database, an upload over HTTP: their entries are checked in tests/core/exchange.
      'setup.initializeDistrict': { run: async () => undefined, expected: { entity: 'district', username: admin, before: false, after: true } },
      'district.issueToken': { run: async () => undefined, expected: { entity: 'street', username: admin, before: false, after: true } },
      'district.import': { run: async () => undefined, expected: { entity: 'districtPackage', username: admin, before: false, after: true } },
      'district.importFolder': { run: async () => undefined, expected: { entity: 'districtPackage', username: admin, before: false, after: true } },
      'district.receiveUpload': { run: async () => undefined, expected: { entity: 'districtPackage', username: admin, before: false, after: true } },
      'setup.initializeCity': { run: async () => undefined, expected: { entity: 'city', username: admin, before: false, after: true } },
      'districtReturn.build': { run: async () => undefined, expected: { entity: 'districtReturn', username: admin, before: false, after: true } },
      'districtReturn.sendToFolder': { run: async () => undefined, expected: { entity: 'districtReturn', username: admin, before: true, after: true } },
      'districtReturn.upload': { run: async () => undefined, expected: { entity: 'districtReturn', username: admin, before: true, after: true } },
      'city.issueToken': { run: async () => undefined, expected: { entity: 'district', username: admin, before: false, after: true } },
      'city.receiveUpload': { run: async () => undefined, expected: { entity: 'cityPackage', username: admin, before: false, after: true } },
      'city.import': { run: async () => undefined, expected: { entity: 'cityPackage', username: admin, before: false, after: true } },
      'city.importFolder': { run: async () => undefined, expected: { entity: 'cityPackage', username: admin, before: false, after: true } },
      'returns.upload': { run: async () => undefined, expected: { entity: 'returnPackage', username: admin, before: false, after: true } },
      'life.saveRules': {
        run: () => t.app.invoke('life.saveRules', { frequencies: { lecture: 'year' }, activityWeek: 2 }, t.adminToken),
        expected: { entity: 'lifeRules', username: admin, before: true, after: true },
      },
      'life.save': {
        run: async () => {
          meeting = await t.app.invoke('life.save', { orgId: branch, meetingType: 'theme-day', heldOn: '2026-01-20', topic: '学习党章' }, t.adminToken);
        },
        expected: { entity: 'meeting', username: admin, before: false, after: true },
      },
      'life.delete': {
        run: () => t.app.invoke('life.delete', { id: meeting!.id, version: meeting!.version }, t.adminToken),
        expected: { entity: 'meeting', username: admin, before: true, after: false },
      },
      'appraisal.save': {
        run: () => t.app.invoke('appraisal.save', { orgId: branch, year: 2026, heldOn: '2026-01-20', grades: [{ memberId: member!.id, grade: 'qualified' }] }, t.adminToken),
        expected: { entity: 'appraisal', username: admin, before: true, after: true },
      },
      // Party dues and funds, on a branch and a member of their own (the ones above have closed and left).
      'dues.saveBase': {
        run: async () => {
          duesBranch = (await t.app.invoke('orgs.create', { parentId: rootId, name: '东华社区第一党支部', level: 'branch', communityId: community }, t.adminToken)).id;
          duesMember = (await t.app.invoke('members.create', { orgId: duesBranch, fields: { name: '周交费', idNumber: '110101198003070017', category: '正式党员', joinDate: '2025-01-01' } }, t.adminToken)).id;
          await t.app.invoke('dues.saveBase', { memberId: duesMember, category: 'working', baseFen: 300000, effectiveMonth: '2026-01' }, t.adminToken);
        },
        expected: { entity: 'dues_base', username: admin, before: false, after: true },
      },
      'dues.generate': {
        run: () => t.app.invoke('dues.generate', { period: '2026-03', orgId: duesBranch }, t.adminToken),
        expected: { entity: 'dues_ledger', username: admin, before: false, after: true },
      },
      'dues.pay': {
        run: async () => {
          duesPayment = (await t.app.invoke('dues.pay', { memberId: duesMember, periods: ['2026-03'], amountFen: 1500, method: 'cash' }, t.adminToken)).id;
        },
        expected: { entity: 'dues_payment', username: admin, before: false, after: true },
      },
      'dues.payMany': {
        run: () => t.app.invoke('dues.payMany', { payments: [{ sheetRow: 3, idNumber: '110101198003070017', name: '周交费', periods: ['2026-04'], amountFen: 1500, method: 'wechat' }] }, t.adminToken),
        expected: { entity: 'dues_payment', username: admin, before: false, after: true },
      },
      'dues.reverse': {
        run: () => t.app.invoke('dues.reverse', { paymentId: duesPayment, reason: '录错了党员' }, t.adminToken),
        expected: { entity: 'dues_payment', username: admin, before: true, after: true },
      },
      'dues.payVoluntary': {
        run: () => t.app.invoke('dues.payVoluntary', { memberId: duesMember, amountFen: 100000, method: 'transfer', reference: 'ZZ2026031001' }, t.adminToken),
        expected: { entity: 'dues_voluntary', username: admin, before: false, after: true },
      },
      'dues.close': {
        run: () => t.app.invoke('dues.close', { orgId: duesBranch, period: '2026-03' }, t.adminToken),
        expected: { entity: 'dues_month_close', username: admin, before: false, after: true },
      },
      'dues.saveSettings': {
        run: () => t.app.invoke('dues.saveSettings', { farmerFen: 60 }, t.adminToken),
        expected: { entity: 'settings', username: admin, before: true, after: true },
      },
      'funds.saveStandard': {
        run: () => t.app.invoke('funds.saveStandard', { parameter: 'officePer1000Households', value: 1000000, source: '街道党建经费标准', year: 2026 }, t.adminToken),
        expected: { entity: 'fund_standard', username: admin, before: false, after: true },
      },
      'funds.saveEntry': {
        run: async () => {
          fundEntry = (await t.app.invoke('funds.saveEntry', { communityId: community, direction: 'out', amountFen: 50000, onDate: '2026-03-05', purpose: '七一党员活动' }, t.adminToken)).id;
        },
        expected: { entity: 'fund_entry', username: admin, before: false, after: true },
      },
      'attachments.add': {
        run: async () => {
          attachment = (await t.app.invoke('attachments.add', { owner: 'fund_entry', ownerId: fundEntry, fileName: '发票.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]) }, t.adminToken)).id;
        },
        expected: { entity: 'attachment', username: admin, before: false, after: true },
      },
      'attachments.remove': {
        run: () => t.app.invoke('attachments.remove', { id: attachment }, t.adminToken),
        expected: { entity: 'attachment', username: admin, before: true, after: false },
      },
      'server.saveSettings': {
        run: () => t.app.invoke('server.saveSettings', { enabled: true, port: 8443, publicNames: ['jiedao-pc.gov.local'] }, t.adminToken),
        expected: { entity: 'settings', username: admin, before: true, after: true },
      },
      'develop.create': {
        run: async () => {
          applicant = await t.app.invoke('develop.create', { name: '孙晓明', idNumber: idFor('2000-04-12', 7), orgId: rootId, appliedOn: '2026-03-02' }, t.adminToken);
        },
        expected: { entity: 'developPerson', username: admin, before: false, after: true },
      },
      'develop.recordStep': {
        run: async () => {
          applicant = await t.app.invoke('develop.recordStep', { id: applicant!.id, version: applicant!.version, step: 'talked', on: '2026-03-09', people: '王建国' }, t.adminToken);
        },
        expected: { entity: 'developPerson', username: admin, before: true, after: true },
      },
      'develop.correctStep': {
        run: async () => {
          const stepId = t.app.database.prepare("SELECT id FROM develop_steps WHERE person_id = ? AND step = 'talked'").pluck().get(applicant!.id) as number;
          await t.app.invoke('develop.correctStep', { id: applicant!.id, version: applicant!.version, stepId, on: '2026-03-10' }, t.adminToken);
        },
        expected: { entity: 'developPerson', username: admin, before: true, after: true },
      },
      'develop.importCommit': {
        run: async () => {
          const bytes = await pipelineWorkbook([['姓名', '公民身份号码', '所在党支部', '申请入党日期'], ['钱文静', idFor('1999-03-05', 8), '东华门街道党工委', '2026.3.3']]);
          await t.app.invoke('develop.importCommit', { fileName: '发展党员.xlsx', bytes }, t.adminToken);
        },
        expected: { entity: 'developPerson', username: admin, before: false, after: true },
      },
      'develop.savePlan': {
        run: () => t.app.invoke('develop.savePlan', { year: 2026, communityId: community, planned: 3 }, t.adminToken),
        expected: { entity: 'developPlan', username: admin, before: false, after: true },
      },
      'develop.saveSettings': {
        run: () => t.app.invoke('develop.saveSettings', { noticeWorkdays: 7, approvalMonths: 3 }, t.adminToken),
        expected: { entity: 'settings', username: admin, before: true, after: true },
      },
      // Community governance (issue 17): a community, its committee and a branch with five full members.
      'gov.saveSettings': {
        run: async () => {
          gov = await govStreet(t, 5, { name: '治理社区', divisionCode: '110101001009' });
          await t.app.invoke('gov.saveSettings', { ...(await t.app.invoke('gov.settings', {}, t.adminToken)), fixedDay: 10 }, t.adminToken);
        },
        expected: { entity: 'settings', username: admin, before: true, after: true },
      },
      'disclosure.save': {
        run: async () => {
          disclosure = (await t.app.invoke('disclosure.save', draft(gov!.communityId, '2026-03-02'), t.adminToken)).id;
        },
        expected: { entity: 'disclosure', username: admin, before: false, after: true },
      },
      'disclosure.advance': {
        run: () => t.app.invoke('disclosure.advance', { id: disclosure, version: 1, step: 'review', by: '王书记', on: '2026-03-03' }, t.adminToken),
        expected: { entity: 'disclosure', username: admin, before: true, after: true },
      },
      'disclosure.comment': {
        run: async () => {
          for (const [step, version] of [['approve', 2], ['publish', 3]] as const) await t.app.invoke('disclosure.advance', { id: disclosure, version, step, by: '王书记', on: '2026-03-09' }, t.adminToken);
          await t.app.invoke('disclosure.comment', { disclosureId: disclosure, residentName: '周桂兰', comment: '请公开明细', receivedOn: '2026-03-09' }, t.adminToken);
        },
        expected: { entity: 'disclosureComment', username: admin, before: false, after: true },
      },
      'decisions.save': {
        run: async () => {
          decision = (await t.app.invoke('decisions.save', { communityId: gov!.communityId, title: '老旧小区加装电梯' }, t.adminToken)).id;
        },
        expected: { entity: 'decision', username: admin, before: false, after: true },
      },
      'decisions.step': {
        run: () => t.app.invoke('decisions.step', { decisionId: decision, step: 'proposal', heldOn: '2026-03-05', entitled: 7, present: 7, inFavour: 7 }, t.adminToken),
        expected: { entity: 'decision', username: admin, before: true, after: true },
      },
      'projects.save': {
        run: async () => {
          project = await t.app.invoke('projects.save', { communityId: gov!.communityId, type: 'secretary', year: 2026, name: '红色物业提升', owner: '王书记', status: 'planned' }, t.adminToken);
        },
        expected: { entity: 'project', username: admin, before: false, after: true },
      },
      'projects.approveYear': {
        run: () => t.app.invoke('projects.approveYear', { year: 2026, on: '2026-03-10', by: '王书记' }, t.adminToken),
        expected: { entity: 'project_year', username: admin, before: true, after: true },
      },
      'projects.review': {
        run: () => t.app.invoke('projects.review', { id: project!.id, version: project!.version, progress: 40, note: '已完成入户调查', on: '2026-03-10' }, t.adminToken),
        expected: { entity: 'project', username: admin, before: true, after: true },
      },
      'projects.closeYear': {
        run: () => t.app.invoke('projects.closeYear', { year: 2026, on: '2026-03-10', by: '王书记', results: [{ id: project!.id, result: 'not_done', reason: '资金未到位' }] }, t.adminToken),
        expected: { entity: 'project_year', username: admin, before: true, after: true },
      },
      'terms.save': {
        run: () => t.app.invoke('terms.save', { orgId: gov!.branchId, electedOn: '2023-03-01' }, t.adminToken),
        expected: { entity: 'term', username: admin, before: true, after: true },
      },
      'terms.elect': {
        run: () =>
          t.app.invoke(
            'terms.elect',
            { orgId: gov!.branchId, heldOn: '2026-03-08', present: 5, candidates: [{ name: '王建国', votes: 5 }], elected: [{ name: '王建国', post: 'secretary', votes: 5 }] },
            t.adminToken,
          ),
        expected: { entity: 'election', username: admin, before: true, after: true },
      },
      'standards.save': {
        run: () => t.app.invoke('standards.save', { communityId: gov!.communityId, households: 3200, officeArea: 200, activityArea: 150, workers: 11 }, t.adminToken),
        expected: { entity: 'community', username: admin, before: true, after: true },
      },
      'audits.save': {
        run: () => t.app.invoke('audits.save', { communityId: gov!.communityId, year: 2026, kind: 'annual', subject: '治理社区股份经济合作社', plannedOn: '2026-03-01' }, t.adminToken),
        expected: { entity: 'collectiveAudit', username: admin, before: false, after: true },
      },
      'backup.create': {
        run: async () => {
          backupName = (await t.app.invoke('backup.create', {}, t.adminToken)).name;
        },
        expected: { entity: 'backup', username: admin, before: false, after: true },
      },
      'backup.restore': {
        run: () => t.app.invoke('backup.restore', { kind: 'backup', name: backupName }, t.adminToken),
        expected: { entity: 'backup', username: admin, before: false, after: true },
      },
      'demo.seed': {
        run: async () => undefined,
        expected: { entity: 'member', username: admin, before: false, after: true },
      },
    };
    const writes = (Object.keys(contract) as Method[]).filter((m) => contract[m].write);
    expect(Object.keys(steps).sort()).toEqual(writes.sort());

    const startedAt = t.clock.now().toISOString();
    const times: Partial<Record<WriteMethod, string>> = { 'setup.initialize': startedAt };
    for (const method of Object.keys(steps) as WriteMethod[]) {
      if (method === 'setup.initialize') continue;
      t.clock.advance(MINUTE);
      times[method] = t.clock.now().toISOString();
      await steps[method].run();
    }

    // Restore ran last, so the log now is the restored database's; check everything before it was in the
    // backup, and the restore itself afterwards.
    const log = rows(t);
    for (const method of Object.keys(steps) as WriteMethod[]) {
      if (method === 'backup.create') continue; // written after the backup copy was taken
      if (CHECKED_IN_EXCHANGE_TESTS.has(method)) continue;
      if (CHECKED_IN_CLI_TESTS.has(method)) continue;
      const { expected } = steps[method];
      const entries = log.filter((r) => r.action === method && r.at === times[method]);
      expect(entries, method).toHaveLength(1);
      const [entry] = entries;
      expect(entry, method).toMatchObject({ entity: expected.entity, username: expected.username });
      expect(entry.before !== null, `${method} before`).toBe(expected.before);
      expect(entry.after !== null, `${method} after`).toBe(expected.after);
      if (method !== 'backup.restore') expect(entry.user_id, method).toEqual(expect.any(Number));
    }
    expect(verifyAuditChain(t.app.database)).toMatchObject({ ok: true, firstBroken: null });
  });

  it('users.update records the user before and after, and no password hash is anywhere in the log', async () => {
    const t = await app();
    const clerk = await addUser(t, 'clerk', 'zhangwei');
    await t.app.invoke('users.update', { id: clerk.id, role: 'viewer', disabled: true }, t.adminToken);
    await t.app.invoke('users.resetPassword', { id: clerk.id, newPassword: 'Third2026pass' }, t.adminToken);
    await t.app.invoke('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'Fourth2026pass' }, t.adminToken);

    const { entries } = await t.app.invoke('audit.list', { action: 'users.update' }, t.adminToken);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      username: ADMIN.username,
      entity: 'user',
      entityId: String(clerk.id),
      before: { username: 'zhangwei', role: 'clerk', disabled: 0 },
      after: { username: 'zhangwei', role: 'viewer', disabled: 1 },
    });

    const hashes = (t.app.database.prepare('SELECT password_hash FROM users').all() as { password_hash: string }[]).map(
      (r) => r.password_hash,
    );
    const logText = JSON.stringify(rows(t));
    expect(hashes).toHaveLength(2);
    for (const hash of hashes) expect(logText).not.toContain(hash.split('$').pop());
    expect(logText).not.toContain('scrypt$');
    expect(logText).not.toContain('password_hash');
    for (const password of [ADMIN.password, USER_PASSWORD, 'Third2026pass', 'Fourth2026pass']) expect(logText).not.toContain(password);
  });
});

describe('verification', () => {
  /** Setup leaves entries 1–2; three settings changes make 3–5. */
  async function appWithFiveEntries(): Promise<TestApp> {
    const t = await app();
    for (const minutes of [15, 20, 25]) {
      t.clock.advance(MINUTE);
      await t.app.invoke('settings.update', { idleLockMinutes: minutes }, t.adminToken);
    }
    expect(rows(t).map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    return t;
  }

  it('finds an untouched log intact', async () => {
    const t = await appWithFiveEntries();
    expect(await t.app.invoke('audit.verify', {}, t.adminToken)).toEqual({ ok: true, checked: 5, firstBroken: null });
  });

  it('names the entry whose user name was edited by hand (HASH_MISMATCH)', async () => {
    const t = await appWithFiveEntries();
    expect(tamper(t.dbPath, "UPDATE audit_log SET username = 'someone_else' WHERE id = ?", 3)).toBe(1);
    const result = await t.app.invoke('audit.verify', {}, t.adminToken);
    expect(result).toEqual({
      ok: false,
      checked: 2,
      firstBroken: { id: 3, reason: 'HASH_MISMATCH', at: rows(t)[2].at, action: 'settings.update' },
    });
  });

  it('finds an edited before/after text', async () => {
    const t = await appWithFiveEntries();
    tamper(t.dbPath, `UPDATE audit_log SET after = '{"idleLockMinutes":240}' WHERE id = 4`);
    expect((await t.app.invoke('audit.verify', {}, t.adminToken)).firstBroken).toMatchObject({ id: 4, reason: 'HASH_MISMATCH' });
  });

  it('names the entry after a deleted one (CHAIN_BROKEN)', async () => {
    const t = await appWithFiveEntries();
    tamper(t.dbPath, 'DELETE FROM audit_log WHERE id = 3');
    const result = await t.app.invoke('audit.verify', {}, t.adminToken);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ id: 4, reason: 'CHAIN_BROKEN' });
  });

  it('finds two entries swapped, whole or without their hashes', async () => {
    const whole = await appWithFiveEntries();
    swapAuditRows(whole.dbPath, 3, 4);
    const a = await whole.app.invoke('audit.verify', {}, whole.adminToken);
    expect(a.ok).toBe(false);
    expect(a.firstBroken).toMatchObject({ id: 3, reason: 'CHAIN_BROKEN' });

    const payload = await appWithFiveEntries();
    swapAuditRows(payload.dbPath, 3, 4, { keepLinks: true });
    const b = await payload.app.invoke('audit.verify', {}, payload.adminToken);
    expect(b.ok).toBe(false);
    expect(b.firstBroken).toMatchObject({ id: 3, reason: 'HASH_MISMATCH' });
  });

  it('finds the last entry deleted (HEAD_MISMATCH naming it)', async () => {
    const t = await appWithFiveEntries();
    tamper(t.dbPath, 'DELETE FROM audit_log WHERE id = 5');
    const result = await t.app.invoke('audit.verify', {}, t.adminToken);
    expect(result).toEqual({ ok: false, checked: 4, firstBroken: { id: 5, reason: 'HEAD_MISMATCH', at: null, action: null } });
  });

  it('finds the whole log emptied', async () => {
    const t = await appWithFiveEntries();
    tamper(t.dbPath, 'DELETE FROM audit_log');
    const result = await t.app.invoke('audit.verify', {}, t.adminToken);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ id: 5, reason: 'HEAD_MISMATCH' });
  });

  it('keeps working on a log that grows after verification', async () => {
    const t = await appWithFiveEntries();
    await t.app.invoke('audit.verify', {}, t.adminToken);
    await t.app.invoke('settings.update', { idleLockMinutes: 30 }, t.adminToken);
    expect(await t.app.invoke('audit.verify', {}, t.adminToken)).toEqual({ ok: true, checked: 6, firstBroken: null });
  });
});
