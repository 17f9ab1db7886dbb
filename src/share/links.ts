/**
 * The playground's URL parameters: what a share link or an embed's `src` asks for, and how
 * such URLs are written. Pure functions of URLs; the page acts on them (src/ui/share.ts,
 * src/ui/embed.ts).
 *
 * Parameters are read from the query and from the fragment (`#code=...`, fragment first).
 * Links put the program in the fragment: browsers never send it to the server, so the program
 * stays out of server logs and clear of servers' URL length limits.
 */

/** The panels an embed can show, in page order. */
export const PANELS = ['editor', 'console', 'timeline'] as const;
export type Panel = (typeof PANELS)[number];
export type Theme = 'light' | 'dark';
export type Lang = 'zh' | 'en';

/** What a playground URL asks for. Every field has a default, so any URL opens the page. */
export interface LinkOptions {
  /** `code`: the program, as encodeProgram packed it. */
  code: string | null;
  /** `lesson`: a gallery lesson's id (`p27`); with `code`, the lesson the program came from. */
  lesson: string | null;
  /** `embed`: the page sits in an iframe on someone else's page (compact, saves nothing). */
  embed: boolean;
  /** `readonly` (embeds only): the program cannot be edited. */
  readonly: boolean;
  /**
   * `autorun` (embeds only): run as soon as the page is ready, when another page frames it (the
   * embedding author chose it); the same link opened top-level waits for Run (ui/embed.ts).
   * The full playground never runs a link's program by itself: it is someone else's code.
   */
  autorun: boolean;
  /** `theme`: `light` or `dark`; unset follows the reader's system. */
  theme: Theme | null;
  /** `lang`: the language of lesson texts, `zh` or `en`; unset follows the browser. */
  lang: Lang | null;
  /** `panels` (embeds only): which of PANELS show, comma-separated; default editor,console. */
  panels: Panel[];
  /** `open=0` hides the embed's "Open in playground" link. */
  openLink: boolean;
  /** `id`: repeated in the embed's messages to its parent, to tell several embeds apart. */
  id: string | null;
  /**
   * `races`: run with data-race detection on (`1`) or off (`0`); unset (null) follows the
   * lesson's own choice (Lesson.detectRaces), off for a program of no lesson.
   */
  races: boolean | null;
  /**
   * `schedule`: a scheduled run's schedule (`1f.SEED.TURNS`, src/host/schedules.ts) the page
   * offers to replay step by step; unchecked here (the page parses it).
   */
  schedule: string | null;
}

/** The program and context a share link carries. */
export interface SharedProgram {
  /** The packed program (encodeProgram); without it, the lesson's own program. */
  code?: string | null;
  lesson?: string | null;
  lang?: Lang | null;
  /** Race detection on or off; null or absent leaves it to the lesson (LinkOptions.races). */
  races?: boolean | null;
  /** A schedule to replay (LinkOptions.schedule). */
  schedule?: string | null;
}

/** What an embed shows and does, beyond its program. */
export interface EmbedChoices {
  readonly?: boolean;
  autorun?: boolean;
  theme?: Theme | null;
  panels?: Panel[];
  id?: string | null;
}

const DEFAULT_PANELS: Panel[] = ['editor', 'console'];

export function readLinkOptions(href: string | URL): LinkOptions {
  const url = new URL(href);
  const fragment = new URLSearchParams(url.hash.slice(1));
  const get = (name: string) => fragment.get(name) ?? url.searchParams.get(name);
  // A bare `?readonly` counts as on; `0`, `false`, `no` as off.
  const flag = (name: string) => {
    const value = get(name);
    return value !== null && !['0', 'false', 'no'].includes(value.toLowerCase());
  };
  const embed = flag('embed');
  const panels = (get('panels') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name): name is Panel => (PANELS as readonly string[]).includes(name));
  return {
    code: get('code') || null,
    lesson: get('lesson') || null,
    embed,
    readonly: embed && flag('readonly'),
    autorun: embed && flag('autorun'),
    theme: oneOf(get('theme'), ['light', 'dark']),
    lang: oneOf(get('lang'), ['zh', 'en']),
    panels: embed && panels.length > 0 ? PANELS.filter((p) => panels.includes(p)) : DEFAULT_PANELS,
    openLink: !embed || get('open') === null || flag('open'),
    id: get('id'),
    races: get('races') === null ? null : flag('races'),
    schedule: get('schedule') || null,
  };
}

/** The full playground's link to a program: opens it, never runs it. */
export function shareUrl(base: string | URL, shared: SharedProgram): string {
  const url = new URL(base);
  url.search = '';
  if (shared.lesson) url.searchParams.set('lesson', shared.lesson);
  if (shared.lang) url.searchParams.set('lang', shared.lang);
  if (shared.races != null) url.searchParams.set('races', shared.races ? '1' : '0');
  if (shared.schedule) url.searchParams.set('schedule', shared.schedule);
  url.hash = shared.code ? new URLSearchParams({ code: shared.code }).toString() : '';
  return url.href;
}

/** The `src` of an iframe that embeds a program. */
export function embedUrl(
  base: string | URL,
  shared: SharedProgram,
  choices: EmbedChoices = {},
): string {
  const url = new URL(shareUrl(base, shared));
  // `embed` first: the parameter that says what the URL is, readable in the author's HTML.
  url.search = new URLSearchParams([['embed', '1'], ...url.searchParams]).toString();
  if (choices.readonly) url.searchParams.set('readonly', '1');
  if (choices.autorun) url.searchParams.set('autorun', '1');
  if (choices.theme) url.searchParams.set('theme', choices.theme);
  if (choices.panels) url.searchParams.set('panels', choices.panels.join(','));
  if (choices.id) url.searchParams.set('id', choices.id);
  return url.href;
}

/**
 * The HTML a tutorial author pastes. `allow="cross-origin-isolated"` lets the frame be isolated
 * inside a page that is isolated itself; no `sandbox`, which would stop its Workers.
 */
export function embedSnippet(src: string, height = 420): string {
  const attribute = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return (
    `<iframe src="${attribute}" width="100%" height="${height}" style="border: 0" ` +
    `loading="lazy" allow="cross-origin-isolated; clipboard-write" ` +
    `title="Concurrency Playground"></iframe>`
  );
}

function oneOf<T extends string>(value: string | null, choices: readonly T[]): T | null {
  const lower = value?.toLowerCase();
  return (choices as readonly string[]).includes(lower ?? '') ? (lower as T) : null;
}
