// The server's log (`--log FILE`): one line per event, ISO time first; the file is rotated by size
// (FILE → FILE.1 → … → FILE.<keep>, the oldest dropped) so a server left running never fills the disk.
import fs from 'node:fs';
import path from 'node:path';

export const LOG_MAX_BYTES = 10 * 1024 * 1024;
export const LOG_KEEP = 5;

export type HostLog = (line: string) => void;

export interface RotatingLogOptions {
  maxBytes?: number;
  keep?: number;
  /** Also print each line (to the console of `npm run serve`). */
  echo?: (line: string) => void;
}

export class RotatingLog {
  private fd: number;
  private size: number;
  private readonly maxBytes: number;
  private readonly keep: number;

  constructor(
    readonly file: string,
    private readonly options: RotatingLogOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
    this.keep = options.keep ?? LOG_KEEP;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'a');
    this.size = fs.fstatSync(this.fd).size;
  }

  readonly write: HostLog = (line: string) => {
    const text = `${new Date().toISOString()} ${line.replace(/[\r\n]+/g, ' ')}\n`;
    this.options.echo?.(line);
    const bytes = Buffer.byteLength(text);
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    try {
      fs.writeSync(this.fd, text);
      this.size += bytes;
    } catch {
      /* a full disk must not stop the server; the console still has the line */
    }
  };

  private rotate(): void {
    fs.closeSync(this.fd);
    for (let i = this.keep - 1; i >= 1; i--) {
      const from = `${this.file}.${i}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${this.file}.${i + 1}`);
    }
    if (this.keep >= 1) fs.renameSync(this.file, `${this.file}.1`);
    else fs.rmSync(this.file, { force: true });
    this.fd = fs.openSync(this.file, 'a');
    this.size = 0;
  }

  close(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      /* already closed */
    }
  }
}
