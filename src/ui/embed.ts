/**
 * Embed mode (`?embed`): the playground inside an iframe on a tutorial page. Compact, sized to
 * its content, which it tells the parent page (embed-protocol.ts); it can be read-only and run
 * by itself, and it says plainly when this frame cannot run programs, offering a new tab.
 */
import { HEIGHT_MESSAGE, type HeightMessage } from '../share/embed-protocol';
import type { LinkOptions } from '../share/links';
import type { Editor } from './editor';
import { t, worded, type WordKey } from './i18n';
import { linkTo, showWarning, type Shareable } from './share';

export interface EmbedPage {
  app: HTMLElement;
  toolbar: HTMLElement;
  editor: Editor;
  run(): void;
  current(): Shareable;
}

/** Lines the editor is tall enough for: the program's, within these bounds. */
const MIN_LINES = 6;
const MAX_LINES = 30;

/** Switches the page to embed mode; returns what to call when the program changes. */
export function setUpEmbed(link: LinkOptions, page: EmbedPage): { programChanged(): void } {
  document.documentElement.classList.add('embed');
  for (const pane of page.app.querySelectorAll<HTMLElement>('[data-panel]')) {
    pane.hidden = !link.panels.includes(pane.dataset.panel as LinkOptions['panels'][number]);
  }
  page.editor.setReadOnly(link.readonly);
  const lines = Math.max(...page.current().files.map((f) => f.text.split('\n').length));
  page.app.style.setProperty(
    '--embed-editor-lines',
    String(Math.min(MAX_LINES, Math.max(MIN_LINES, lines))),
  );

  // Links to this program in the full playground: "Open in playground", and the new tab
  // offered when the frame is not isolated. Refreshed as the program is edited.
  const links: HTMLAnchorElement[] = [];
  const refresh = async () => {
    const href = await linkTo(page.current()).catch(() => null); // over the size limit
    for (const anchor of links) if (href) anchor.href = href;
  };
  if (link.openLink) {
    const open = newTabLink('openPlayground');
    open.className = 'open-playground';
    page.toolbar.append(open);
    links.push(open);
  }
  if (!crossOriginIsolated) {
    const tab = newTabLink('openNewTab');
    showWarning(page.toolbar, 'embed-not-isolated', t('frameNotIsolated'), tab);
    links.push(tab);
  } else if (link.autorun && isFramed()) {
    page.run();
  }
  void refresh();
  reportHeight(page.app, link.id);

  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    programChanged() {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), 300);
    },
  };
}

/**
 * Whether another page frames this one. `autorun` is the embedding author's choice for their
 * page; the same link opened top-level (a shared or malicious link) waits for Run.
 */
function isFramed(): boolean {
  return window.top !== window;
}

function newTabLink(text: WordKey): HTMLAnchorElement {
  const anchor = worded(document.createElement('a'), text);
  anchor.target = '_blank';
  anchor.rel = 'noopener';
  return anchor;
}

/**
 * Posts the height the content needs to the parent page, now and on every change. Any origin
 * may embed the playground, so the target is '*'; the message holds nothing private.
 */
function reportHeight(app: HTMLElement, id: string | null): void {
  if (window.parent === window) return;
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(app.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: HeightMessage = { type: HEIGHT_MESSAGE, id, height };
    window.parent.postMessage(message, '*');
  }).observe(app);
}
