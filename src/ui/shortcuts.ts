/**
 * The page's keyboard shortcuts, wherever the focus is: Ctrl+Enter (Cmd+Enter) runs, Esc stops.
 *
 * Run is caught on the way down (capture phase), before Monaco, which would otherwise insert a
 * line for Ctrl+Enter, and before a focused button, which Enter would click. Stop is taken on
 * the way up, and only when nothing below used the key: an Esc that closes Monaco's suggest
 * box, find widget or hover (Monaco then stops the event), or an open menu, does only that.
 */
export interface ShortcutActions {
  run(): void;
  stop(): void;
}

export function keyboardShortcuts(target: Window, actions: ShortcutActions): void {
  target.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      event.stopPropagation();
      if (!event.repeat) actions.run(); // holding the keys down starts one run, not dozens
    },
    { capture: true },
  );
  target.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    actions.stop();
  });
}
