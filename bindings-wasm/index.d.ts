// reglament in the browser. The shapes are generated from the Rust types into types.d.ts; every
// call returns an Answer and never throws.
import type { Actor, Answer, BatchItem, ControlReport, DayInfo, DeadlineRequest, Form, HistoryEntry, Message, Plan, PrivacyHint, Replay, Route, TermResult, Validation, View, WorkflowEvent } from './types';

export * from './types';

/** A calendar date: `YYYY-MM-DD`, or a `Date` read by its local year, month and day. */
export type DateLike = string | Date;
/** What a browser `File` tells about itself. */
export interface FileLike { name: string; type: string; size: number }
/** A message whose attachments may be given as `File`s. */
export type FormMessage = Omit<Message, 'attachments'> & { attachments?: Array<Message['attachments'] extends (infer A)[] | undefined ? A | FileLike : never> };

export function init(source?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;
export function initSync(bytes: BufferSource | WebAssembly.Module): void;
export function describeFile(file: FileLike): { name: string; media_type: string; size: number };
/** One municipality of the data set (`pkg/index.json`, written by `reglament-pack`). */
export interface IndexEntry { id: string; name_ru: string; name_en: string; region_ru: string; zone: string; calendar: string; layers: string[]; bytes: number }
/** The data set's index: the municipalities and every calendar layer with its size. */
export interface DataIndex { format: number; profiles: IndexEntry[]; layers: [string, number][] }
/** Where the data files are: a URL ending in `/` (default: `pkg/` beside this module). */
export type DataBase = string | URL;
export function dataIndex(base?: DataBase): Promise<Answer<DataIndex>>;
export function municipalities(base?: DataBase): Promise<Answer<IndexEntry[]>>;
export function loadProfile(id: string, base?: DataBase): Promise<Answer<{ id: string; calendar: string }>>;
export function loadProfileData(bytes: Uint8Array, file?: string): Answer<{ id: string; calendar: string }>;
export function loadLayerData(bytes: Uint8Array, file?: string): Answer<{ id: string; extends: string | null }>;
export function loadedProfiles(): string[];
export function profileInfo(profile: string): Answer<{ id: string; zone: string; calendar: string }>;
export function form(profile: string): Answer<Form>;
export function validate(profile: string, message: FormMessage, history?: HistoryEntry[] | null): Answer<Validation>;
export function privacy(profile: string, message: FormMessage): Answer<PrivacyHint>;
export function route(profile: string, message: FormMessage): Answer<Route>;
export function plan(profile: string, message: FormMessage): Answer<Plan>;
export function deadline(input: Omit<DeadlineRequest, 'start'> & { start: string | Date }): Answer<TermResult>;
export function replay(profile: string, message: FormMessage, events: WorkflowEvent[], now: string | Date): Answer<Replay>;
/** Every term overdue at `now` across a batch of messages, the earliest due first. */
export function controlReport(profile: string, batch: BatchItem[], now: string | Date): Answer<ControlReport>;
export function canView(profile: string, message: FormMessage, viewer: Actor, events?: WorkflowEvent[] | null): Answer<View>;
/** Calendar options: count the 2020-2021 decree days as non-working (default true). */
export interface CalendarOptionsLike { decreeDaysOff?: boolean; decree_days_off?: boolean }
export function dayInfo(region: string, date: DateLike, options?: CalendarOptionsLike): Answer<DayInfo>;
export function isWorkingDay(region: string, date: DateLike, options?: CalendarOptionsLike): Answer<boolean>;
export function addWorkingDays(region: string, date: DateLike, n: number, options?: CalendarOptionsLike): Answer<string>;
export function nextWorkingDay(region: string, date: DateLike, options?: CalendarOptionsLike): Answer<string>;
export function previousWorkingDay(region: string, date: DateLike, options?: CalendarOptionsLike): Answer<string>;
export function workingDaysBetween(region: string, start: DateLike, end: DateLike, options?: CalendarOptionsLike): Answer<number>;
