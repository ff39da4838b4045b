// 组织关系介绍信: stub (存根), letter and receipt (回执) on one A4 sheet with cut lines, the same number on
// all three parts, validity and dues month also in formal numerals, a reprint marked as such on each part
// (the parts travel apart once cut).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintLetter } from '../../../../shared/api/contract-print';
import { toChineseUpper, yearMonthToChineseUpper } from '../../../../shared/validators/chinese-upper';
import { useApi } from '../../api/use-api';
import { Sheet } from '../Sheet';
import type { DocProps } from '../doc-types';
import { DocLoading, formalDate, HandBlank } from './doc-parts';

const monthText = (ym: string) => `${Number(ym.slice(0, 4))}年${Number(ym.slice(5, 7))}月`;
const EMPTY = '\u3000\u3000\u3000';
const blank = (value: string | number | null | undefined, wide = false) => <u className={wide ? 'fill wide' : 'fill'}>{value === null || value === undefined || value === '' ? (wide ? EMPTY + EMPTY : EMPTY) : value}</u>;
/** 汉族 stays 汉族; a bare name gets its 族. */
const ethnicityText = (value: string) => (value === '' || value.endsWith('族') ? value : `${value}族`);

function CutLine() {
  const { t } = useTranslation();
  return (
    <div className="cut-line" aria-hidden>
      <span>✂ {t('print.letter.cut')}</span>
    </div>
  );
}

function Number_({ letter }: { letter: PrintLetter }) {
  const { t } = useTranslation();
  // Numbers are usually written whole (朝组转〔2026〕018号); a bare one gets 第 … 号 around it.
  const number = letter.letterNumber.endsWith('号') ? letter.letterNumber : t('print.letter.number', { number: letter.letterNumber });
  return (
    <div className="letter-number">
      {letter.previousPrints > 0 ? <span className="reprint-mark">{t('print.letter.reprint', { copy: letter.previousPrints + 1 })}</span> : <span />}
      <span>{number}</span>
    </div>
  );
}

export function LetterDoc({ params, paper, reloadKey, report }: DocProps) {
  const { t } = useTranslation();
  const transferId = Number(params.get('transfer'));
  const { data: l, error } = useApi('print.letter', { transferId }, [transferId, reloadKey]);
  useEffect(() => {
    if (l) report({ records: 1, done: 1, total: 1, ready: true, missing: l.missing });
  }, [l, report]);
  if (!l) return <DocLoading error={error} />;
  const category = t(`print.letter.category.${l.category}`);
  const title = t('print.letter.title');
  const s = l.sender;
  return (
    <Sheet paper={paper} className="doc-letter">
      <section className="letter-part letter-stub">
        <h2>
          {title}（{t('print.letter.stub')}）
        </h2>
        <Number_ letter={l} />
        <p className="letter-body">
          {blank(l.memberName)}同志系中共{blank(category)}党员，组织关系由{blank(l.fromOrgName, true)}转到{blank(l.toOrgName, true)}。
        </p>
        <div className="letter-date">{formalDate(l.issuedOn)}</div>
      </section>
      <CutLine />
      <section className="letter-part letter-main">
        <h1>{title}</h1>
        <Number_ letter={l} />
        <p className="letter-addressee">{l.toOrgName}：</p>
        <p className="letter-body indent">
          兹介绍{blank(l.memberName)}同志（{blank(l.sex)}，{blank(l.age)}岁，{blank(ethnicityText(l.ethnicity))}），系中共{blank(category)}党员，公民身份号码{blank(l.idNumber, true)}，由{blank(l.fromOrgName, true)}转到{blank(l.toOrgName, true)}，请接洽。
        </p>
        <p className="letter-body indent">
          该同志党费已交到{blank(l.duesPaidTo ? monthText(l.duesPaidTo) : '')}
          {l.duesPaidTo ? `（${yearMonthToChineseUpper(l.duesPaidTo)}）` : ''}。
        </p>
        <p className="letter-body indent">
          本介绍信有效期{blank(l.validDays)}天（{toChineseUpper(l.validDays)}天），至{formalDate(l.validUntil)}止。
        </p>
        <div className="letter-seal">
          <div>（盖章）</div>
          <div>{formalDate(l.issuedOn)}</div>
        </div>
        <div className="letter-contacts">
          {/* Not set: a line to write on by hand (the preview has said what is missing). */}
          <div>党员联系电话：{l.memberPhone || <HandBlank />}</div>
          <div>党员原所在基层党委通讯地址：{s.address || <HandBlank wide />}</div>
          <div>
            <span>联系电话：{s.phone || <HandBlank />}</span>
            <span>邮政编码：{s.postcode || <HandBlank />}</span>
          </div>
        </div>
      </section>
      <CutLine />
      <section className="letter-part letter-receipt">
        <h2>
          {title}（{t('print.letter.receipt')}）
        </h2>
        <Number_ letter={l} />
        <p className="letter-addressee">{l.fromOrgName}：</p>
        <p className="letter-body indent">{blank(l.memberName)}同志的党员组织关系已转达我处，特此回复。</p>
        <div className="letter-seal">
          <div>（盖章）</div>
          <div>{'年\u3000\u3000月\u3000\u3000日'}</div>
        </div>
        <div className="letter-contacts">
          <div>
            <span>
              经办人：
              <HandBlank />
            </span>
            <span>
              联系电话：
              <HandBlank />
            </span>
          </div>
        </div>
      </section>
    </Sheet>
  );
}
