// A branch's payment sheet as a file — .xlsx from Excel or WPS, or CSV in UTF-8 or GBK — read with the
// bounded readers the roster import uses (first sheet a clerk sees) into the rows of shared/dues/payment-sheet.
import { readPaymentSheet, type PaymentSheet } from '../../../shared/dues/payment-sheet';
import { AppError } from '../../../shared/result';
import { readCsv } from '../../import/csv-reader';
import { streamWorksheet } from '../../import/xlsx-stream';

export async function readPaymentFile(file: string | Uint8Array, fileName: string): Promise<PaymentSheet> {
  const csv = /\.(csv|txt)$/i.test(fileName);
  const sheet = await (csv ? readCsv(file, fileName) : streamWorksheet(file)).catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION', `Cannot read ${fileName}: ${error instanceof Error ? error.message : String(error)}`, {
      issues: [{ field: 'payments', problem: 'rosterUnreadable', value: fileName }],
    });
  });
  return readPaymentSheet(sheet.rows.map((r) => ({ row: r.excelRow, cells: r.values.slice(1) })));
}
