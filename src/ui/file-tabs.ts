/**
 * The editor's file tabs: the program (`main.ts`, always first, never deleted) and its
 * AssemblyScript kernel files. A tab selects its file; `+` adds a kernel file; a kernel tab
 * can be renamed (double-click or F2, then Enter) and deleted (its ×). Names are checked here
 * (isKernelFileName), so the editor never holds a file a link or the compile step would refuse.
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
  private names: string[] = [MAIN_FILE];
  private active = MAIN_FILE;
  private readOnly = false;

  constructor(private readonly hooks: FileTabsHooks) {
    this.element = document.createElement('div');
    this.element.className = 'file-tabs';
    this.element.setAttribute('role', 'tablist');
    this.element.setAttribute('aria-label', t('files'));
  }

  /** Shows these files, `active` selected. */
  show(names: string[], active: string, readOnly = this.readOnly): void {
    [this.names, this.active, this.readOnly] = [names, active, readOnly];
    this.render();
  }

  /** Starts renaming a kernel file's tab in place. */
  startRename(name: string): void {
    const tab = this.element.querySelector<HTMLElement>(`[data-file="${CSS.escape(name)}"]`);
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
      if (commit && to !== name) {
        const problem = this.nameProblem(to);
        if (problem) {
          input.setCustomValidity(problem);
          input.reportValidity();
          input.setAttribute('aria-invalid', 'true');
          return;
        }
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
    tab.replaceWith(input);
    input.focus();
    input.setSelectionRange(0, name.length - '.as.ts'.length);
  }

  /** Why `name` cannot be a new name for a kernel file, or null. */
  private nameProblem(name: string): string | null {
    if (!isKernelFileName(name)) return t('badFileName');
    if (this.names.includes(name)) return t('fileExists');
    return null;
  }

  private render(): void {
    const tabs = this.names.map((name) => this.tab(name));
    this.element.replaceChildren(...tabs);
    if (!this.readOnly && this.names.length <= MAX_KERNEL_FILES) {
      const add = document.createElement('button');
      add.type = 'button';
      add.className = 'file-add';
      add.textContent = '+';
      add.title = t('addKernel');
      add.setAttribute('aria-label', t('addKernel'));
      add.addEventListener('click', () => this.hooks.add());
      this.element.append(add);
    }
  }

  private tab(name: string): HTMLElement {
    const selected = name === this.active;
    const wrap = document.createElement('span');
    wrap.className = 'file-tab';
    wrap.dataset.file = name;
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    tab.textContent = name;
    tab.addEventListener('click', () => this.hooks.select(name));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step) {
        const next =
          this.names[(this.names.indexOf(name) + step + this.names.length) % this.names.length];
        this.hooks.select(next);
        this.element
          .querySelector<HTMLElement>(`[data-file="${CSS.escape(next)}"] [role=tab]`)
          ?.focus();
      } else if (event.key === 'F2') {
        this.startRename(name);
      } else if (event.key === 'Delete') {
        this.confirmRemove(name);
      }
    });
    wrap.append(tab);
    if (name !== MAIN_FILE && !this.readOnly) {
      tab.addEventListener('dblclick', () => this.startRename(name));
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'file-remove';
      remove.textContent = '×';
      remove.setAttribute('aria-label', `${t('deleteFile')} ${name}`);
      remove.title = `${t('deleteFile')} ${name}`;
      remove.addEventListener('click', () => this.confirmRemove(name));
      wrap.append(remove);
    }
    return wrap;
  }

  private confirmRemove(name: string): void {
    if (name === MAIN_FILE || this.readOnly) return;
    if (confirm(`${t('deleteFile')} ${name}?`)) this.hooks.remove(name);
  }
}
