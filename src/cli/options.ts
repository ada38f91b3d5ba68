/** What the commands share: where output goes, and the extractor options they take. */
import type { AnalyseOptions } from '../analyse.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** colour on a terminal unless NO_COLOR; FORCE_COLOR forces it */
  color: boolean;
  /** how to show progress of long OCR runs: an updating line on a terminal, plain lines otherwise, or not at all */
  progress?: 'tty' | 'lines' | 'none';
  /** resolves when the process is asked to stop (SIGINT, SIGTERM): long-running commands end then */
  untilStopped?: () => Promise<void>;
  /** binary output (a DOCX) to standard output */
  writeBytes?: (b: Uint8Array) => void;
  /** standard output is a terminal: binary is not written there */
  stdoutIsTTY?: boolean;
  /** a secret typed or piped in (a new account's password) */
  readSecret?: () => Promise<string>;
}

/** What the extractors need from the command line, and OCR progress on stderr. */
export function extractOptions(opts: { ocr: boolean; maxPages: number }, file: string, io: Io): AnalyseOptions['extract'] {
  return {
    pdf: { maxPages: opts.maxPages },
    ocr: opts.ocr
      ? {
          onProgress: (done, total) => {
            const line = `文字识别 ${file}：第 ${done}/${total} 页`;
            if (io.progress === 'tty') io.stderr(`\r${line}${done === total ? '\n' : ''}`);
            else if (io.progress === 'lines') io.stderr(`${line}\n`);
          },
        }
      : false,
  };
}
