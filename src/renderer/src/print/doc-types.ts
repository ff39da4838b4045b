// What a print document tells the preview around it: how many people's records it carries (for the
// audit entry of a print), and how far its pages are laid out.
import type { ComponentType } from 'react';
import type { MissingItem } from '../../../shared/api/contract-print';
import type { Paper, PaperSize } from './paper';

export interface DocStatus {
  records: number;
  done: number;
  total: number;
  ready: boolean;
  /** Settings the paper needs that are empty: the preview names them before the paper goes out. */
  missing?: MissingItem[];
}

export interface DocProps {
  params: URLSearchParams;
  paper: Paper;
  /** Bumped after a print, so a document that counts its copies reads again. */
  reloadKey: number;
  report: (status: DocStatus) => void;
}

export interface DocSpec {
  view: ComponentType<DocProps>;
  paper: (size: PaperSize | null) => Paper;
  sizes: readonly PaperSize[];
  /** Carries personal data: printing it says so on the toolbar. */
  personal: boolean;
  /** Choices shown above the sheets (never printed), e.g. the roster's extra columns. */
  options?: ComponentType<{ params: URLSearchParams }>;
}
