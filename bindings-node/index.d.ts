// The Node API of reglament. The shapes (Message, Validation, Plan, ...) are generated from the
// Rust types into types.d.ts; this file declares the calls that take and return them.
import type { Actor, BatchItem, CalendarOptions, ControlReport, DayInfo, ErrorInfo, HistoryEntry, Message, Plan, Replay, Route, Term, TermResult, TermSources, Validation, View, WorkflowEvent } from './types';

export * from './types';

/** A calendar date: `YYYY-MM-DD`, or a `Date` read by its local year, month and day. */
export type DateLike = string | Date;
/** An instant: RFC 3339 with an offset, or a `Date`. */
export type InstantLike = string | Date;

export class ReglamentError extends Error {
  /** Stable code: `invalid_input`, `out_of_range`, `unknown_profile`, `invalid_data`, ... */
  readonly code: string;
  /** Path of the offending input field (`message.attachments[2].size`), when there is one. */
  readonly path: string | null;
  /** Every error, one per diagnostic of a broken profile file. */
  readonly errors: ErrorInfo[];
}
export class InputError extends ReglamentError {}
export class OutOfRangeError extends ReglamentError {}
export class UnknownProfileError extends ReglamentError {}
export class ProfileError extends ReglamentError {
  readonly diagnostics: ErrorInfo[];
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
}

export class Calendar {
  constructor(region?: string, options?: { decreeDaysOff?: boolean });
  readonly id: string;
  readonly range: [string, string];
  isWorkingDay(date: DateLike): boolean;
  addWorkingDays(date: DateLike, n: number): string;
  nextWorkingDay(date: DateLike): string;
  previousWorkingDay(date: DateLike): string;
  workingDaysBetween(start: DateLike, end: DateLike): number;
  dayInfo(date: DateLike): DayInfo;
  deadline(start: InstantLike, term: Term, zone: string): TermResult;
}

export class Profile {
  private constructor();
  static builtin(name: string): Profile;
  static fromString(source: string, fileName?: string): Profile;
  static fromFile(path: string): Profile;
  static builtinNames(): string[];
  readonly name: string;
  readonly zone: string;
  readonly calendar: Calendar;
  validate(message: Message, history?: HistoryEntry[] | null): Validation;
  route(message: Message): Route;
  plan(message: Message): Plan;
  replay(message: Message, events: WorkflowEvent[], now: InstantLike): Replay;
  /** Every term overdue at `now` across a batch of messages, the earliest due first. */
  controlReport(batch: BatchItem[], now: InstantLike): ControlReport;
  canView(message: Message, viewer: Actor, events?: WorkflowEvent[] | null): View;
  validateMany(messages: Message[], history?: HistoryEntry[] | null): Validation[];
  planMany(messages: Message[]): Plan[];
}

export function deadline(start: InstantLike, term: Term, options: { zone: string; region?: string; options?: CalendarOptions; sources?: TermSources }): TermResult;
export function apiSchema(): Record<string, unknown>;

/** One expected field a case's answer does not match. */
export interface CaseDifference { path: string; expected: unknown; actual: unknown; note: string }
/** One case's result, as `reglament test --json` reports it. */
export interface CaseReport {
  file: string; name: string; op: string; profile: string | null; clause: string | null;
  passed: boolean; differences: CaseDifference[];
}
/** The report of a conformance run. */
export interface ConformanceReport { passed: number; failed: number; cases: CaseReport[] }
/** Conformance case files, a rule author's own profile files included, run by the core. */
export const conformance: {
  run(paths: string | string[]): ConformanceReport;
  format(report: ConformanceReport): string;
};
export const MAX_TEXT_BYTES: number;
