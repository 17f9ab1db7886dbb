/**
 * Share links on the page: opening a link's program, the Share and "Copy embed code" buttons,
 * and the theme a link asks for. The link format itself is src/share/.
 */
import type { ProgramFile } from '../compile/program-files';
import { decodeFiles, encodeFiles, ShareLinkError } from '../share/codec';
import { embedSnippet, embedUrl, shareUrl, type Lang, type LinkOptions } from '../share/links';
import { t, worded, type WordKey } from './i18n';
import './share.css';

/** What a link opened: its program, or why it could not be read (both null: no program). */
export interface Opened {
  files: ProgramFile[] | null;
  problem: string | null;
}

/** What Share puts in a link: the editor's program, where it came from, how it runs. */
export interface Shareable {
  files: ProgramFile[];
  lesson: string;
  lang: Lang;
  /** Race detection when a link must say it (LinkOptions.races); null leaves it to the lesson. */
  races: boolean | null;
  /** The schedule of the step-mode run shown, or of the failing one found (null: none). */
  schedule?: string | null;
}

/** The program the page's link carries. Never throws for a bad link: it says what is wrong. */
export async function openSharedProgram(link: LinkOptions): Promise<Opened> {
  if (!link.code) return { files: null, problem: null };
  try {
    return { files: await decodeFiles(link.code), problem: null };
  } catch (error) {
    if (!(error instanceof ShareLinkError)) throw error;
    return { files: null, problem: error.message };
  }
}

/** A notice under the toolbar that a link could not be opened (the page works on). */
export function showLinkProblem(toolbar: HTMLElement, problem: string): void {
  showWarning(toolbar, 'link-problem', problem);
}

/** A warning under the toolbar, read out at once (role alert). */
export function showWarning(toolbar: HTMLElement, kind: string, ...content: (string | Node)[]) {
  const notice = document.createElement('p');
  notice.className = `warning ${kind}`;
  notice.setAttribute('role', 'alert');
  notice.append(...content);
  toolbar.after(notice);
}

/**
 * Once the reader edits a shared program, the link in the address bar no longer shows it:
 * drop the program from the URL, so a reload shows the reader's version (saved as usual).
 */
export function forgetSharedProgram(): void {
  const url = new URL(location.href);
  const fragment = new URLSearchParams(url.hash.slice(1));
  if (!fragment.has('code')) return;
  fragment.delete('code');
  url.hash = fragment.toString();
  history.replaceState(history.state, '', url);
}

/**
 * Sets a parameter of the address bar's query (null: removes it, from the fragment too, which
 * is read first), so that a reload opens the page as it is now.
 */
export function showInAddressBar(name: string, value: string | null): void {
  const url = new URL(location.href);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  const fragment = new URLSearchParams(url.hash.slice(1));
  if (fragment.has(name)) {
    fragment.delete(name);
    url.hash = fragment.toString();
  }
  history.replaceState(history.state, '', url);
}

/** The page's own address, without parameters: the base of every link it makes. */
export function playgroundBase(): string {
  return location.origin + location.pathname;
}

/** The full playground's link to this program (never runs it by itself). */
export async function linkTo(current: Shareable): Promise<string> {
  const { files, lesson, lang, races, schedule } = current;
  const code = await encodeFiles(files);
  return shareUrl(playgroundBase(), { code, lesson, lang, races, schedule });
}

/** Adds Share and Copy-embed-code to the toolbar; what they made shows in a field beside. */
export function mountShareButtons(toolbar: HTMLElement, current: () => Shareable): void {
  const box = document.createElement('span');
  box.className = 'share-buttons';
  const share = button('share', 'shareTitle');
  const embed = button('embedCode', 'embedCodeTitle');
  const field = document.createElement('input');
  field.className = 'share-output';
  field.readOnly = true;
  field.hidden = true;
  const note = document.createElement('span');
  note.className = 'share-note';
  note.setAttribute('role', 'status');
  box.append(share, embed, field, note);
  toolbar.append(box);

  const offer = async (label: string, make: () => Promise<string>) => {
    let text: string;
    try {
      text = await make();
    } catch (error) {
      if (!(error instanceof ShareLinkError)) throw error;
      field.hidden = true;
      note.className = 'share-note error';
      note.textContent = error.message;
      return;
    }
    field.hidden = false;
    field.setAttribute('aria-label', label);
    field.value = text;
    field.select();
    note.className = 'share-note';
    note.textContent = t((await copy(text)) ? 'copiedNote' : 'copyFromField');
  };
  share.addEventListener('click', () => void offer(t('shareLink'), () => linkTo(current())));
  embed.addEventListener(
    'click',
    () =>
      void offer(t('embedCode'), async () => {
        const { files, lesson, lang, races } = current();
        const code = await encodeFiles(files);
        return embedSnippet(embedUrl(playgroundBase(), { code, lesson, lang, races }));
      }),
  );
}

/** A button whose words follow the page's language (i18n.ts). */
function button(text: WordKey, title: WordKey): HTMLButtonElement {
  const element = worded(document.createElement('button'), text, title);
  element.type = 'button';
  return element;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // no permission, or the page lost focus: the field still shows it
  }
}
