/**
 * A toggle button (Detect races): its state is its `aria-pressed`, so screen readers say
 * "pressed" or "not pressed", and Space or Enter flips it as a click does.
 */
export class Toggle {
  constructor(
    private readonly button: HTMLButtonElement,
    on: boolean,
    /** The reader flipped it. */
    changed: (on: boolean) => void,
  ) {
    this.on = on;
    button.addEventListener('click', () => {
      this.on = !this.on;
      changed(this.on);
    });
  }

  get on(): boolean {
    return this.button.getAttribute('aria-pressed') === 'true';
  }

  /** Sets it as the page does (a lesson opened): not a flip, so `changed` is not called. */
  set on(on: boolean) {
    this.button.setAttribute('aria-pressed', String(on));
  }
}
