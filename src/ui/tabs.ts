/** A tab list: each `[role=tab]` shows the panel its `aria-controls` names; arrows move along. */
export function tabs(list: HTMLElement): void {
  const all = [...list.querySelectorAll<HTMLElement>('[role=tab]')];
  const select = (tab: HTMLElement) => {
    for (const other of all) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      document.getElementById(other.getAttribute('aria-controls')!)!.hidden = !selected;
    }
  };
  for (const tab of all) {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const next = all[(all.indexOf(tab) + step + all.length) % all.length];
      select(next);
      next.focus();
    });
  }
  select(all[0]);
}
