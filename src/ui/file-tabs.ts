/**
 * The editor's file tabs: the program (`main.ts`, always first, never deleted) and its
 * AssemblyScript kernel files. A tab selects its file (arrow keys move along); beside the tab
 * list, buttons rename (also F2 or a double-click on the tab) and delete (also Delete) the
 * selected kernel file, and add one. Names are checked here (isKernelFileName), so the editor
 * never holds a file a link or the compile step would refuse.
 */
import { isKernelFileName, MAIN_FILE, MAX_KERNEL_FILES } from '../compile/program-files';
import { t } from './i18n';

export interface FileTabsHooks {
  select(name: string): void;
  add(): void;
  rename(from: string, to: string): void;
  remove(name: string): void;
}

export class FileTabs {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly actions: HTMLElement;
  private names: string[] = [MAIN_FILE];
  private active = MAIN_FILE;
  private readOnly = false;

  constructor(private readonly hooks: FileTabsHooks) {
    this.element = document.createElement('div');
    this.element.className = 'file-tabs';
    this.list = document.createElement('div');
    this.list.setAttribute('role', 'tablist');
    this.actions = document.createElement('div');
    this.actions.className = 'file-actions';
    this.element.append(this.list, this.actions);
    this.relabel();
  }

  /** Names the tab list in the page's language (again after a switch). */
  relabel(): void {
    this.list.setAttribute('aria-label', t('files'));
    this.render();
  }

  /** Shows these files, `active` selected. */
  show(names: string[], active: string, readOnly = this.readOnly): void {
    [this.names, this.active, this.readOnly] = [names, active, readOnly];
    this.render();
  }

  /** Starts renaming a kernel file in place of its tab. */
  startRename(name: string): void {
    const tab = this.tabOf(name);
    if (!tab || name === MAIN_FILE || this.readOnly) return;
    const input = document.createElement('input');
    input.className = 'file-rename';
    input.value = name;
    input.setAttribute('aria-label', t('renameFile'));
    input.spellcheck = false;
    let done = false;
    const finish = (commit: boolean) => {
      if (done) return;
      const to = input.value.trim();
      const problem = commit && to !== name ? this.nameProblem(to) : null;
      if (problem) {
        input.setCustomValidity(problem);
        input.reportValidity();
        input.setAttribute('aria-invalid', 'true');
        return;
      }
      done = true;
      if (commit && to !== name) this.hooks.rename(name, to);
      else this.render();
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') finish(true);
      else if (event.key === 'Escape') {
        event.stopPropagation(); // cancels the rename, not the run
        finish(false);
      }
    });
    input.addEventListener('input', () => {
      input.setCustomValidity('');
      input.removeAttribute('aria-invalid');
    });
    input.addEventListener('blur', () => finish(true));
    // Outside the tab list, which holds tabs only; the tab is hidden meanwhile.
    tab.hidden = true;
    this.actions.replaceChildren(input);
    input.focus();
    input.setSelectionRange(0, name.length - '.as.ts'.length);
  }

  /** Why `name` cannot be a new name for a kernel file, or null. */
  private nameProblem(name: string): string | null {
    if (!isKernelFileName(name)) return t('badFileName');
    if (this.names.includes(name)) return t('fileExists');
    return null;
  }

  private tabOf(name: string): HTMLElement | null {
    return this.list.querySelector<HTMLElement>(`[data-file="${CSS.escape(name)}"]`);
  }

  private render(): void {
    this.list.replaceChildren(...this.names.map((name) => this.tab(name)));
    const buttons: HTMLButtonElement[] = [];
    if (!this.readOnly && this.active !== MAIN_FILE) {
      buttons.push(
        button('✎', `${t('renameFile')}: ${this.active}`, () => this.startRename(this.active)),
        button('×', `${t('deleteFile')} ${this.active}`, () => this.confirmRemove(this.active)),
      );
    }
    if (!this.readOnly && this.names.length <= MAX_KERNEL_FILES)
      buttons.push(button('+', t('addKernel'), () => this.hooks.add()));
    this.actions.replaceChildren(...buttons);
  }

  private tab(name: string): HTMLElement {
    const selected = name === this.active;
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.dataset.file = name;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    tab.textContent = name;
    tab.addEventListener('click', () => this.hooks.select(name));
    tab.addEventListener('dblclick', () => this.startRename(name));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step) {
        const at = this.names.indexOf(name);
        const next = this.names[(at + step + this.names.length) % this.names.length];
        this.hooks.select(next);
        this.tabOf(next)?.focus();
      } else if (event.key === 'F2') {
        this.startRename(name);
      } else if (event.key === 'Delete') {
        this.confirmRemove(name);
      }
    });
    return tab;
  }

  private confirmRemove(name: string): void {
    if (name === MAIN_FILE || this.readOnly) return;
    if (confirm(`${t('deleteFile')} ${name}?`)) this.hooks.remove(name);
  }
}

function button(glyph: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = glyph;
  b.title = label;
  b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}
