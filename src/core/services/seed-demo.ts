// A realistic synthetic street for demos and benchmarks: communities of about 3,000 households, grids,
// grid branches and Party groups, functional/enterprise/social organizations, and members with valid ID
// numbers (some mobile, lost contact, probationary, in-service registered). Same seed → same street.
import type { Db } from '../db/connection';
import { citizenIdCheckDigit } from '../../shared/validators/citizen-id';
import { AppError } from '../../shared/result';
import { namePinyin } from './pinyin';
import { getStreet } from './street';

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志玉红梅海燕文斌德福春生宏凤云亮鹏飞慧琳晓东俊丹宇浩辉雪琴婷颖波峰健兵欣';
const COMMUNITY_NAMES = '幸福 和平 光明 胜利 民主 建设 友谊 团结 新华 朝阳 东风 向阳 春晖 锦绣 翠湖 文昌 龙泉 凤凰 金桥 花园 福寿 安居 振兴 长青 繁荣 康乐 丰收 阳光 星河 清泉'.split(' ');
const SKILLS = ['水电维修', '法律咨询', '医疗护理', '文艺表演', '书法绘画', '家电维修', '心理疏导', '课业辅导', '理发', '摄影'];
const DESTINATIONS = ['广东省深圳市南山区', '上海市浦东新区', '北京市朝阳区', '浙江省杭州市西湖区', '江苏省苏州市工业园区', '山东省青岛市黄岛区'];
const EMPLOYERS = ['市教育局机关党委', '市人民医院党委', '区税务局党组', '国网供电公司党委', '市第一中学党总支', '区市场监管局党组'];
const EDUCATION = ['11', '14', '21', '21', '31', '31', '41', '61', '71', '81'];
const WORKING_OCCUPATIONS = ['0111', '0121', '0122', '0131', '0132', '0139', '0211', '0212', '0213', '0221', '0231', '0241', '0251', '0261', '1000'];
/** The made-up street's "today" unless told otherwise: fixed, so that a seed always builds the same street. */
export const REFERENCE_DAY = new Date(Date.UTC(2026, 9, 31));

export interface SeedDemoOptions {
  members: number;
  seed: number;
  /** The made-up street's "today" (midnight UTC); REFERENCE_DAY when not given. */
  until?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedDemoResult {
  communities: number;
  grids: number;
  organizations: number;
  members: number;
}

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addYears = (d: Date, years: number) => new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()));

export function seedDemo(db: Db, options: SeedDemoOptions, now: Date): SeedDemoResult {
  const street = getStreet(db);
  if (!street) throw new AppError('NOT_INITIALIZED', 'set up the street first');
  const existing = (db.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
  if (existing > 0) throw new AppError('VALIDATION', 'the database already has members', { issues: [{ field: 'members', problem: 'notEmpty', value: existing }] });

  const random = prng(options.seed);
  const pick = <T>(list: readonly T[] | string): T => list[Math.floor(random() * list.length)] as T;
  const chance = (p: number) => random() < p;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const at = now.toISOString();
  const today = options.until ?? REFERENCE_DAY;
  const streetPrefix = street.code.slice(0, 9);
  const region = street.code.slice(0, 6);
  const root = (db.prepare('SELECT id FROM organizations WHERE parent_id IS NULL').get() as { id: number }).id;

  const insertCommunity = db.prepare(
    `INSERT INTO communities (name, division_code, households, population, office_area, activity_area, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertGrid = db.prepare(
    'INSERT INTO grids (community_id, name, kind, coverage, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertOrg = db.prepare(
    `INSERT INTO organizations (parent_id, name, level, category, community_id, grid_id, has_committee, term_start, term_end, sort_order, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMember = db.prepare(
    `INSERT INTO members (name, name_initials, name_pinyin, sex, ethnicity, id_number, birth_date, education, category, org_id,
       join_date, full_date, occupation, phone, address, lost_contact, lost_contact_since, lost_contact_reason, standing,
       mobile, mobile_destination, mobile_reason, mobile_since, grid_id, building, unit, room, work_unit,
       in_service_registered, employer_org, hardship, skills, volunteer, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const communityCount = Math.min(199, Math.max(3, Math.ceil(options.members / 800)));
  const branches: { orgId: number; gridId: number; community: string; gridNo: number }[] = [];
  let grids = 0;
  let organizations = 1;
  const org = (parent: number, name: string, level: string, category: string, communityId: number | null, gridId: number | null, sort: number, committee: boolean) => {
    organizations++;
    const termStart = `${between(2021, 2024)}-${String(between(1, 12)).padStart(2, '0')}-01`;
    const termEnd = `${Number(termStart.slice(0, 4)) + 5}${termStart.slice(4)}`;
    return Number(
      insertOrg.run(parent, name, level, category, communityId, gridId, committee ? 1 : 0, termStart, termEnd, sort, at, at).lastInsertRowid,
    );
  };

  for (let c = 0; c < communityCount; c++) {
    const base = COMMUNITY_NAMES[c % COMMUNITY_NAMES.length];
    const name = `${base}${c >= COMMUNITY_NAMES.length ? Math.floor(c / COMMUNITY_NAMES.length) + 1 : ''}社区`;
    const households = between(2500, 3500);
    const communityId = Number(
      insertCommunity.run(name, `${streetPrefix}${String(c + 1).padStart(3, '0')}`, households, Math.round(households * (2.4 + random() * 0.6)), between(300, 500), between(200, 800), at, at).lastInsertRowid,
    );
    const committee = org(root, `${name}党委`, 'community_committee', 'regional', communityId, null, c, true);
    const gridCount = between(5, 8);
    for (let g = 1; g <= gridCount; g++) {
      grids++;
      const gridId = Number(insertGrid.run(communityId, `第${g}网格`, 'block', `${g}区1-${between(4, 12)}号楼`, at, at).lastInsertRowid);
      const branch = org(committee, `第${g}网格党支部`, 'branch', 'regional', communityId, gridId, g, true);
      for (let p = 1; p <= between(2, 3); p++) org(branch, `第${p}党小组`, 'party_group', 'regional', communityId, gridId, p, false);
      branches.push({ orgId: branch, gridId, community: name, gridNo: g });
    }
    const interest = org(committee, `${base}社区老年协会党支部`, 'branch', 'interest', communityId, null, 100, false);
    branches.push({ orgId: interest, gridId: 0, community: name, gridNo: 1 });
  }
  const streetOrgs: [string, string][] = [
    ['农贸市场党支部', 'functional'],
    ['信息科技有限公司党支部', 'enterprise'],
    ['颐养服务中心党支部', 'social_org'],
  ];
  streetOrgs.forEach(([name, category], i) => {
    const id = org(root, `${street.name.replace(/街道$/, '')}${name}`, 'branch', category, null, null, 1000 + i, true);
    branches.push({ orgId: id, gridId: 0, community: '', gridNo: 0 });
  });

  const usedIds = new Set<string>();
  const initialsCache = new Map<string, [string, string]>();
  for (let i = 0; i < options.members; i++) {
    const name = pick<string>(SURNAMES) + pick<string>(GIVEN) + (chance(0.7) ? pick<string>(GIVEN) : '');
    let py = initialsCache.get(name);
    if (!py) {
      const p = namePinyin(name);
      py = [p.initials, p.full];
      initialsCache.set(name, py);
    }
    const sex = chance(0.55) ? 1 : 2;
    let idNumber = '';
    let birth = today;
    while (!idNumber || usedIds.has(idNumber)) {
      birth = new Date(Date.UTC(between(1935, 2004), between(0, 11), between(1, 28)));
      const seq = between(0, 99) * 10 + (sex === 1 ? between(0, 4) * 2 + 1 : between(0, 4) * 2);
      const first17 = `${region}${iso(birth).replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
      idNumber = first17 + citizenIdCheckDigit(first17);
    }
    usedIds.add(idNumber);
    const age = today.getUTCFullYear() - birth.getUTCFullYear();
    const probationary = age < 45 && chance(0.05);
    const join = probationary
      ? new Date(today.getTime() - between(30, 330) * 86_400_000)
      : addYears(birth, between(18, Math.max(18, Math.min(45, age - 1))));
    const full = probationary ? null : addYears(join, 1) > today ? null : addYears(join, 1);
    const category = probationary || !full ? 'probationary' : 'full';
    const branch = branches[i % branches.length];
    const lost = chance(0.01);
    const mobile = !lost && chance(0.04);
    const registered = age < 60 && chance(0.12);
    const building = String(between(1, 12));
    insertMember.run(
      name, py[0], py[1], sex, chance(0.95) ? '01' : String(between(2, 56)).padStart(2, '0'), idNumber, iso(birth),
      pick(EDUCATION), category, branch.orgId, iso(join), full && category === 'full' ? iso(full) : null,
      age >= 60 ? '4020' : pick(WORKING_OCCUPATIONS), `1${pick('3456789')}${String(between(0, 999999999)).padStart(9, '0')}`,
      branch.community ? `${branch.community}${branch.gridNo}区${building}号楼${between(1, 4)}单元${between(1, 6)}0${between(1, 4)}室` : `${street.name}${between(1, 300)}号`,
      lost ? 1 : 0, lost ? `${between(2019, 2025)}-${String(between(1, 12)).padStart(2, '0')}` : null, lost ? pick(['外出务工', '毕业后失去联系', '工作变动', '其他']) : null,
      lost ? 'suspended' : 'normal',
      mobile ? 1 : 0, mobile ? pick(DESTINATIONS) : null, mobile ? '外出务工' : null, mobile ? `${between(2022, 2026)}-${String(between(1, 9)).padStart(2, '0')}` : null,
      branch.gridId || null, branch.community ? building : null, branch.community ? String(between(1, 4)) : null, branch.community ? String(between(101, 604)) : null,
      age < 60 ? `${pick(['诸城', '密州', '东坡'])}${pick(['机械', '食品', '纺织', '物流', '建筑'])}有限公司` : null,
      registered ? 1 : 0, registered ? pick(EMPLOYERS) : null, chance(0.03) ? 1 : 0,
      chance(0.15) ? pick(SKILLS) : null, chance(0.2) ? 1 : 0, at, at,
    );
    if (options.onProgress && (i + 1) % 5000 === 0) options.onProgress(i + 1, options.members);
  }
  return { communities: communityCount, grids, organizations, members: options.members };
}
