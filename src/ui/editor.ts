import { t } from './i18n';
import type { MonacoHandle } from './monaco-setup';

export interface EditorHooks {
  onChange(text: string): void;
}

/**
 * The program editor. It starts as a plain textarea, so a lesson can be read, edited and run
 * at once, and becomes Monaco when Monaco has loaded (after the page is interactive), keeping
 * whatever was typed meanwhile.
 */
export class Editor {
  private monaco: MonacoHandle | null = null;
  private readonly textarea: HTMLTextAreaElement;
  private readOnly = false;
  private dark: boolean | null = null;

  constructor(
    private readonly container: HTMLElement,
    text: string,
    private readonly hooks: EditorHooks,
  ) {
    this.textarea = document.createElement('textarea');
    this.textarea.className = 'plain-editor';
    this.textarea.spellcheck = false;
    this.textarea.value = text;
    this.textarea.addEventListener('input', () => hooks.onChange(this.textarea.value));
    container.append(this.textarea);
    this.relabel();
  }

  /** Names the editor for screen readers in the page's language (again after a switch). */
  relabel(): void {
    const label = t('programEditor');
    this.textarea.setAttribute('aria-label', label);
    this.monaco?.setLabel(label);
  }

  /** Swaps in Monaco; resolves when it is showing. */
  async upgrade(): Promise<void> {
    const { createMonaco } = await import('./monaco-setup');
    const host = document.createElement('div');
    host.className = 'monaco-host';
    this.container.append(host);
    this.monaco = createMonaco(host, this.textarea.value, this.hooks);
    this.monaco.setReadOnly(this.readOnly);
    this.relabel();
    if (this.dark !== null) this.monaco.setTheme(this.dark);
    this.textarea.remove();
    this.container.dataset.editor = 'monaco';
  }

  get value(): string {
    return this.monaco ? this.monaco.getValue() : this.textarea.value;
  }

  set value(text: string) {
    if (this.monaco) this.monaco.setValue(text);
    else this.textarea.value = text;
  }

  showError(line: number, column: number, message: string): void {
    if (this.monaco) {
      this.monaco.showError(line, column, message);
      return;
    }
    const offset =
      this.textarea.value
        .split('\n')
        .slice(0, line - 1)
        .join('\n').length + column;
    this.textarea.focus();
    this.textarea.setSelectionRange(offset, offset + 1);
  }

  clearErrors(): void {
    this.monaco?.clearErrors();
  }

  /** A read-only editor still runs its program (an embed's `readonly`). */
  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
    this.textarea.readOnly = readOnly;
    this.monaco?.setReadOnly(readOnly);
  }

  setTheme(dark: boolean): void {
    this.dark = dark;
    this.monaco?.setTheme(dark);
  }
}
