// Text to GBK bytes as Chinese Windows saves an "ANSI" CSV, for tests and the bench: the table is built by
// asking the platform's own GB18030 decoder what every two-byte GBK code is, so the encoder is not ours.
let table: Map<string, number> | null = null;

function gbkTable(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, (lead << 8) | trail);
    }
  }
  return table;
}

/** GBK bytes of `text`; throws on a character GBK cannot hold (a test should only write ones it can). */
export function encodeGbk(text: string): Uint8Array {
  const codes = gbkTable();
  const out: number[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const code = codes.get(char);
    if (code === undefined) throw new RangeError(`GBK cannot hold ${char} (U+${cp.toString(16)})`);
    out.push(code >> 8, code & 0xff);
  }
  return new Uint8Array(out);
}
