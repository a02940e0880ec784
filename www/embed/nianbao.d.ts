// Types of the 年报体检 JS API (nianbao_embed.js + nianbao_embed_bg.wasm, built by scripts/build-embed.sh).
//
//   import init, { check, rules } from './nianbao_embed.js';
//   await init({ module_or_path: new URL('./nianbao_embed_bg.wasm', import.meta.url) });
//   const r = check(text, { previous: lastYearsText });
//   for (const f of r.findings) console.log(f.rule, f.message, text.slice(...f.span16));
//
// The JSON is contract.md §3: one file's entry of the CLI's `--format json` (version 1), with `span16`
// next to every `span`. `span` is [start, end) in UTF-8 bytes of the input; `span16` is [start, end) in
// UTF-16 code units, i.e. JavaScript string indices: `input.slice(span16[0], span16[1])`.
// For HTML input both index the markup as given.

/** [start, end), end exclusive. */
export type Span = [number, number];

export type Severity = 'error' | 'warning' | 'info';

/** A canonical cell key (contract.md §1), e.g. {table: "T3", row: "R01", col: "C7"}; T4 rows are "-". */
export interface CellRef {
  table: 'T2' | 'T3' | 'T4' | string;
  row: string;
  col: string;
}

export interface Finding {
  /** Rule id, e.g. "T3-ROW-TOTAL", "N-PLAN-YEAR" (see `rules()`). */
  rule: string;
  severity: Severity;
  /** The Chinese message, with the actual numbers. */
  message: string;
  /** How to fix it. */
  help: string;
  span: Span;
  span16: Span;
  /** For table rules: every cell the formula uses; the span is the primary cell's. */
  cells: CellRef[];
  /** The assumption the check made (e.g. a blank cell counted as 0), when there is one. */
  assumption?: string;
  /**
   * N-COPY-PREV, C5-SAME-PROBLEMS with `options.previous`: each passage of this input and the passage
   * of last year's report it repeats, in UTF-8 bytes (`span` into this input, `previous` into
   * `options.previous`) …
   */
  related?: { span: Span; previous: Span }[];
  /** … and the same in UTF-16 code units: `input.slice(...span16)`, `options.previous.slice(...previous16)`. */
  related16?: { span16: Span; previous16: Span }[];
  /**
   * A certain correction (一键修改), absent where the right change is a judgement: `replacement`
   * instead of `span` (UTF-8 bytes, as contract.md) of the input. For HTML input only where the
   * words stand in the markup as they are seen (no tag or entity inside).
   */
  fix?: { span: Span; replacement: string };
  /** … and the same in UTF-16 code units: `input.slice(0, fix16.span16[0]) + fix16.replacement + input.slice(fix16.span16[1])`. */
  fix16?: { span16: Span; replacement: string };
  /**
   * 已核实: set when `options.verified` (or a batch entry's `verified`) names this finding; the note,
   * possibly "". Such a finding is listed as 已核实 and left out of every count.
   */
  verified?: string;
}

/** Marks a finding as verified (已核实): the finding of `rule` whose `span16` is exactly this, with an optional note. */
export interface VerifiedEntry {
  rule: string;
  span16: Span;
  note?: string;
}

export interface Section {
  /** As written: "一", "二" … */
  ordinal: string;
  title: string;
  /** 1..6: the canonical section it was recognised as. */
  canonical: number;
  span: Span;
  span16: Span;
}

export interface Cell extends CellRef {
  /** The cell text as written. */
  raw: string;
  /** null for blank or placeholder cells. */
  value: number | null;
  span: Span;
  span16: Span;
}

export interface Report {
  title: string | null;
  org: string | null;
  year: number | null;
  format: '2019' | '2021' | 'unknown';
  sections: Section[];
  cells: Cell[];
}

export interface CheckResult {
  /** `options.path`, or null. */
  path: string | null;
  /** How the input was read. */
  input: 'text' | 'html';
  report: Report;
  /** Sorted by position, then severity. */
  findings: Finding[];
}

export interface CheckOptions {
  /** Last year's report of the same body (text or HTML): enables the YOY-* and copy rules. */
  previous?: string;
  /** "YYYY-MM-DD" for "no date after today"; default: the browser's date; null: skip that part. */
  today?: string | null;
  /** Echoed as `path` in the result. */
  path?: string;
  /** Findings the user has verified (已核实): they come back with `verified` set to the note. */
  verified?: VerifiedEntry[];
}

export interface Rule {
  id: string;
  severity: Severity;
  /** A short Chinese name. */
  title: string;
  /** One sentence on how to fix what it finds. */
  help: string;
  /** Markdown with the headings 检查内容 / 为什么是问题 / 示例 / 依据. */
  docs: string;
}

/** Checks one report given as text or HTML. Throws a string for an invalid `options.today`. */
export function check(input: string, options?: CheckOptions): CheckResult;

/** The rule catalogue. */
export function rules(): Rule[];

/** A finding the web app's user marked 已核实 (verified, with an optional note). */
export interface VerifiedFinding {
  rule: string;
  /** The finding's span in UTF-16 code units of the input. */
  span16: [number, number];
  note: string;
}

/** The findings of `input` that the web app's 已核实 notes mark: `notes` is their stored form, as the
 *  app keeps them with its draft (localStorage `nianbao.verified`, keyed by rule and words). The batch
 *  page uses it to take back what was verified in the single-report app. */
export function verifiedSpans(input: string, notes: string, options?: CheckOptions): VerifiedFinding[];

/** One report of a batch for `workbook` and `csv`: `previous` is the index (in the same array) of
 *  last year's report of the same unit, checked with it as `options.previous`. */
export interface BatchEntry {
  path: string;
  text: string;
  previous?: number;
  /** Findings of this report the user has verified: listed as 已核实 in the exports, not counted. */
  verified?: VerifiedEntry[];
}

/** Year-over-year pairing of a batch (as the CLI does it): same unit name (blanks removed,
 *  width-folded), year − 1, exactly one candidate. `ambiguous`: `[i, [candidates…]]` left unpaired. */
export function pair(ids: { org?: string | null; year?: number | null }[]): {
  previous: (number | null)[];
  ambiguous: [number, number[]][];
};

/** The 整改清单 workbook (.xlsx bytes; sheets 汇总 and 问题清单) of a batch; every entry is checked
 *  again (with `options.today` as in `check`). 问题清单: 单位, 年度, 文件, 严重程度, 规则, 问题, 位置
 *  (表三 · （七）总计 · 总计, or 第五部分 · 第 12 行), 行号, 修改建议, 已核实, 说明. docs/batch.md lists the columns. */
export function workbook(entries: BatchEntry[], options?: { today?: string | null }): Uint8Array;

/** The CLI's CSV of a batch: header `path,rule,severity,table,row,col,line,message`, CRLF, no BOM.
 *  With `lang: 'zh'` the Chinese 整改清单 (`nianbao check --format csv-zh`): 单位,年度,文件,严重程度,规则,
 *  问题,位置,行号,修改建议,已核实,说明 — add a BOM ('\ufeff') when saving it for Excel. */
export function csv(entries: BatchEntry[], options?: { today?: string | null; lang?: 'zh' }): string;

/** The 整改意见 to the unit of report `index` of a batch: a printable HTML page, or the bytes of a
 *  .docx with `format: 'docx'` (as `nianbao letter FILE -o 整改意见.docx|.html`). */
export function letter(entries: BatchEntry[], index: number, options?: { today?: string | null; format?: 'html' }): string;
export function letter(entries: BatchEntry[], index: number, options: { today?: string | null; format: 'docx' }): Uint8Array;

/** The checker's version, e.g. "0.1.0". */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Loads the .wasm (default: nianbao_embed_bg.wasm next to nianbao_embed.js). Call once before the rest. */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<unknown>;

/** Synchronous variant for an already fetched module or bytes. */
export function initSync(module: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): unknown;

// ---------------------------------------------------------------- the widget (embed.js)

/** `<nianbao-check for="zoom">`: created by embed.js (or placed by the page) in front of the report. */
export interface NianbaoCheckElement extends HTMLElement {
  /** The last check's result, or null before the first check. */
  readonly result: CheckResult | null;
  /** The text built from the host element (one line per paragraph, tab-separated cells per row). */
  readonly sourceText: string | null;
  /** Marks the findings in the host page; returns how many places were marked. */
  mark(): number;
  /** Removes every mark; the host DOM is byte for byte as before. */
  clearMarks(): void;
  /** Scrolls to finding `index` in the host page and flashes it. */
  reveal(index: number): Element | null;
  /** Checks the host element again (after it changed). */
  recheck(): Promise<CheckResult | null>;
}

declare global {
  interface HTMLElementTagNameMap {
    'nianbao-check': NianbaoCheckElement;
  }
  interface HTMLElementEventMap {
    /** Fired (bubbling) on the <nianbao-check> element after each check. */
    'nianbao:checked': CustomEvent<CheckResult>;
  }
}
