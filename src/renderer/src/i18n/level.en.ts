// English texts of the district's and the city's overview (the home page over the consolidated returns, issue 18).
import type { levelZhCN } from './level.zh-CN';

export const levelEn: typeof levelZhCN = {
  level: {
    nav: { district: 'District at a glance', city: 'City at a glance' },
    title: { district: 'The district at a glance', city: 'The city at a glance' },
    description: 'Return for {{period}} · {{sent}} of {{units}} {{unit}} reported',
    unit: { district: 'streets', city: 'districts' },
    period: 'Month of the return',
    missing: 'Not yet reported',
    missingNone: 'Every one of the {{unit}} has reported this month',
    groups: { members: 'Members', work: 'The work' },
    tiles: {
      reported: 'Reported',
      members: 'Members',
      probationary: 'Probationary',
      mobile: 'Mobile',
      lostContact: 'Lost contact',
      requests: 'Service requests',
      onTime: 'On-time rate',
      life: 'Organizational life met',
      duesCollected: 'Dues collected (yuan)',
      duesInArrears: 'Members in arrears',
      projects: 'Projects done',
      admissions: 'Admitted this year',
      plan: 'yearly plan: {{planned}}',
      transfersOpen: 'Transfers open',
    },
    chart: 'Members by {{unit}}',
    ranking: 'By {{unit}} (click for its return)',
    columns: { name: '{{unit}}', version: 'Version', members: 'Members', onTime: 'On-time rate', life: 'Life met', dues: 'Dues collected', projects: 'Projects done', admissions: 'Admitted this year' },
    notSent: 'not reported',
  },
};
