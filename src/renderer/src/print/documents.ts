// The printable documents: their view, default paper and the sizes the toolbar offers.
import type { PrintDoc } from '../../../shared/api/contract-print';
import type { DocSpec } from './doc-types';
import type { Paper, PaperSize } from './paper';
import { BoardDoc } from './docs/BoardDoc';
import { LetterDoc } from './docs/LetterDoc';
import { RosterDoc, RosterOptions } from './docs/RosterDoc';
import { SlipDoc } from './docs/SlipDoc';
import { ThreeListsDoc } from './docs/ThreeListsDoc';
import { DevelopRecordDoc } from './docs/DevelopRecordDoc';
import { DevelopRegisterDoc } from './docs/DevelopRegisterDoc';

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
  developRecord: { view: DevelopRecordDoc, paper: () => paper('A4', 'portrait', [18, 16, 18, 16]), sizes: ['A4'], personal: true },
  developRegister: { view: DevelopRegisterDoc, paper: (size) => paper(size ?? 'A4', 'landscape', [12, 12, 12, 12]), sizes: ['A4', 'A3'], personal: true },
};
