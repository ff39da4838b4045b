import { describe, expect, it } from 'vitest';
import { parseTsv } from '../../src/shared/text/tsv';

describe('parseTsv (a block copied from Excel or WPS)', () => {
  it('reads rows and cells, without an empty row for the final line break', () => {
    expect(parseTsv('张三\t13812345678\r\n李四\t\r\n')).toEqual([
      ['张三', '13812345678'],
      ['李四', ''],
    ]);
  });

  it('reads one cell copied alone, with or without its line break', () => {
    expect(parseTsv('2019.07\r\n')).toEqual([['2019.07']]);
    expect(parseTsv('2019.07')).toEqual([['2019.07']]);
  });

  it('keeps empty cells at the start and end of a row', () => {
    expect(parseTsv('\t男\t\n')).toEqual([['', '男', '']]);
  });

  it('reads quoted cells that hold line breaks, tabs and quotes', () => {
    expect(parseTsv('"幸福路1号\n3单元"\t"说""好的"""\t"a\tb"\r\n')).toEqual([['幸福路1号\n3单元', '说"好的"', 'a\tb']]);
  });

  it('keeps a quote that does not open a quoted cell as text', () => {
    expect(parseTsv('"老张\t5\n')).toEqual([['"老张', '5']]);
    expect(parseTsv('3"号楼\t5\n')).toEqual([['3"号楼', '5']]);
  });

  it('reads LF-only text (WPS on some systems) and blank lines inside the block', () => {
    expect(parseTsv('a\tb\n\nc\td\n')).toEqual([['a', 'b'], [''], ['c', 'd']]);
  });
});
