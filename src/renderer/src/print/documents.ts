// The printable documents: their view, default paper and the sizes the toolbar offers.
import type { PrintDoc } from '../../../shared/api/contract-print';
import type { DocSpec } from './doc-types';
import type { Paper, PaperSize } from './paper';
import { BoardDoc } from './docs/BoardDoc';
import { LetterDoc } from './docs/LetterDoc';
import { RosterDoc, RosterOptions } from './docs/RosterDoc';
import { SlipDoc } from './docs/SlipDoc';
import { ThreeListsDoc } from './docs/ThreeListsDoc';
import { LifeBookDoc, LifeMinutesDoc, LifeSignInDoc, LifeTallyDoc } from './docs/LifeDocs';
import { DuesReceiptDoc } from './docs/DuesReceiptDoc';
import { DuesBoardDoc } from './docs/DuesBoardDoc';
import { GovBoardDoc, GovDecisionDoc, GovProjectsDoc } from './docs/GovDocs';
import { DuesRemittanceDoc, DuesStatementDoc } from './docs/DuesSheetsDoc';
import { DevelopRecordDoc } from './docs/DevelopRecordDoc';
import { DevelopRegisterDoc } from './docs/DevelopRegisterDoc';
import { BriefingDoc } from './docs/BriefingDoc';
import { DevelopPlanDoc } from './docs/DevelopPlanDoc';

const paper = (size: PaperSize, orientation: Paper['orientation'], margin: Paper['margin']): Paper => ({ size, orientation, margin });

export const DOCUMENTS: Record<PrintDoc, DocSpec> = {
  roster: { view: RosterDoc, paper: (size) => paper(size ?? 'A4', 'landscape', [12, 12, 12, 12]), sizes: ['A4', 'A3'], personal: true, options: RosterOptions },
  threeLists: {
    view: ThreeListsDoc,
    paper: (size) => (size === 'A4' ? paper('A4', 'portrait', [14, 14, 14, 14]) : paper('A3', 'portrait', [20, 20, 20, 20])),
    sizes: ['A3', 'A4'],
    personal: false,
  },
  board: { view: BoardDoc, paper: (size) => paper(size ?? 'A4', 'portrait', [16, 14, 16, 14]), sizes: ['A4', 'A3'], personal: true },
  letter: { view: LetterDoc, paper: () => paper('A4', 'portrait', [9, 16, 9, 16]), sizes: ['A4'], personal: true },
  slip: { view: SlipDoc, paper: () => paper('A5', 'portrait', [12, 12, 12, 12]), sizes: ['A5'], personal: true },
  lifeMinutes: { view: LifeMinutesDoc, paper: () => paper('A4', 'portrait', [16, 16, 16, 16]), sizes: ['A4'], personal: true },
  lifeSignIn: { view: LifeSignInDoc, paper: () => paper('A4', 'portrait', [16, 16, 16, 16]), sizes: ['A4'], personal: true },
  lifeBook: { view: LifeBookDoc, paper: () => paper('A4', 'portrait', [16, 16, 16, 16]), sizes: ['A4'], personal: true },
  lifeTally: { view: LifeTallyDoc, paper: () => paper('A4', 'portrait', [16, 16, 16, 16]), sizes: ['A4'], personal: true },
  duesReceipt: { view: DuesReceiptDoc, paper: () => paper('A5', 'landscape', [12, 14, 12, 14]), sizes: ['A5'], personal: true },
  duesBoard: { view: DuesBoardDoc, paper: (size) => paper(size ?? 'A4', 'portrait', [16, 14, 16, 14]), sizes: ['A4', 'A3'], personal: true },
  // Community governance (issue 17): the open column's board (public, masked in core), the projects list, a matter's 四议两公开 record.
  govBoard: { view: GovBoardDoc, paper: (size) => paper(size ?? 'A4', 'portrait', [16, 14, 16, 14]), sizes: ['A4', 'A3'], personal: false },
  govProjects: { view: GovProjectsDoc, paper: (size) => paper(size ?? 'A4', 'landscape', [12, 12, 12, 12]), sizes: ['A4', 'A3'], personal: false },
  govDecision: { view: GovDecisionDoc, paper: () => paper('A4', 'portrait', [16, 16, 16, 16]), sizes: ['A4'], personal: false },
  duesRemittance: { view: DuesRemittanceDoc, paper: (size) => paper(size ?? 'A4', 'portrait', [16, 14, 16, 14]), sizes: ['A4'], personal: false },
  duesStatement: { view: DuesStatementDoc, paper: (size) => paper(size ?? 'A4', 'landscape', [12, 10, 12, 10]), sizes: ['A4', 'A3'], personal: true },
  developRecord: { view: DevelopRecordDoc, paper: () => paper('A4', 'portrait', [18, 16, 18, 16]), sizes: ['A4'], personal: true },
  // The secretary's monthly briefing (issue 18): one A4 page of figures, lines and charts; no personal data.
  briefing: { view: BriefingDoc, paper: () => paper('A4', 'portrait', [14, 16, 16, 16]), sizes: ['A4'], personal: false },
  developPlan: { view: DevelopPlanDoc, paper: () => paper('A4', 'portrait', [18, 16, 18, 16]), sizes: ['A4'], personal: false },
  developRegister: { view: DevelopRegisterDoc, paper: (size) => paper(size ?? 'A4', 'landscape', [12, 12, 12, 12]), sizes: ['A4', 'A3'], personal: true },
};
