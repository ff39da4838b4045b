// What a print document tells the preview around it: how many people's records it carries (for the
// audit entry of a print), and how far its pages are laid out.
import type { ComponentType } from 'react';
import type { Paper, PaperSize } from './paper';

export interface DocStatus {
  records: number;
  done: number;
  total: number;
  ready: boolean;
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
}
