/**
 * The bar between editor and console on wide screens: drag it, or focus it and use the arrow
 * keys. It sets the grid's `--split` (the editor's share, in %) on `panes`.
 */
export function splitter(bar: HTMLElement, panes: HTMLElement): void {
  let share = 50;
  const set = (value: number) => {
    share = Math.min(85, Math.max(15, value));
    panes.style.setProperty('--split', `${share}%`);
    bar.setAttribute('aria-valuenow', String(Math.round(share)));
  };
  bar.setAttribute('role', 'separator');
  bar.setAttribute('aria-orientation', 'vertical');
  bar.setAttribute('aria-valuemin', '15');
  bar.setAttribute('aria-valuemax', '85');
  bar.tabIndex = 0;
  set(share);
  bar.addEventListener('pointerdown', (event) => {
    bar.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) => {
      const box = panes.getBoundingClientRect();
      set(((e.clientX - box.left) / box.width) * 100);
    };
    bar.addEventListener('pointermove', move);
    bar.addEventListener('pointerup', () => bar.removeEventListener('pointermove', move), {
      once: true,
    });
  });
  bar.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowLeft') set(share - 5);
    else if (event.key === 'ArrowRight') set(share + 5);
  });
}
